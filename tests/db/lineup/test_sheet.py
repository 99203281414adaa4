"""The team sheet's facts and the demo's lineup, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import delete

from db.demo import DEMO_NAME, load_demo
from db.engine import Database
from db.lineup.models import Lineup
from db.lineup.sheet import NoTeamSheet, team_sheet_on
from db.opening import open_database
from db.reference.queries import DEMO
from db.reference.writes import set_setting
from tests.helpers import AS_OF, squad_ids


@pytest.fixture(scope="module")
def shared(demo_shared: str) -> Iterator[Database]:
    database = open_database(demo_shared)
    yield database
    database.close()


def test_the_celta_sheet_names_everyone_and_who_cannot_play(shared: Database) -> None:
    club_id, _season, _players = squad_ids(shared)
    with shared.reading() as session:
        sheet = team_sheet_on(session, club_id=club_id, day=dt.date(2025, 5, 4), as_of=AS_OF)
    assert sheet.title == "Real Madrid CF v RC Celta de Vigo" and sheet.formation == "4-3-3"
    assert sheet.fixture.round == "Matchday 34" and sheet.venue == "Estadio Santiago Bernabéu" and not sheet.final
    assert [p.candidate.shirt_number for p in sheet.starters] == [1, 17, 35, 14, 20, 8, 10, 15, 11, 9, 7]
    assert [p.candidate.name for p in sheet.starters if p.captain] == ["Luka Modrić"]
    assert [p.position for p in sheet.starters][:5] == ["GK", "RB", "CB", "CB", "LB"]
    assert len(sheet.bench) == 12
    marks = {p.candidate.name: p.marks for p in (*sheet.starters, *sheet.bench) if p.marks}
    assert marks == {"Luka Modrić": ("position",), "Dani Ceballos": ("doubtful",),
                     "Jude Bellingham": ("precautionary",)}
    out = dict(sheet.unavailable)
    assert set(out) == {"Dani Carvajal", "Éder Militão", "David Alaba", "Eduardo Camavinga", "Antonio Rüdiger",
                        "Ferland Mendy"}
    assert "15–30 Jun" in out["Éder Militão"] and "owes 6 LaLiga matches" in out["Antonio Rüdiger"]
    assert all(check.ok for check in sheet.checks)


def test_no_fixture_or_no_lineup_is_one_line(shared: Database) -> None:
    club_id, _season, _players = squad_ids(shared)
    with shared.reading() as session:
        with pytest.raises(NoTeamSheet, match="No fixture on 3 May 2025"):
            team_sheet_on(session, club_id=club_id, day=dt.date(2025, 5, 3), as_of=AS_OF)
        with pytest.raises(NoTeamSheet, match="No lineup is saved for Mallorca on 14 May 2025"):
            team_sheet_on(session, club_id=club_id, day=dt.date(2025, 5, 14), as_of=AS_OF)


def test_an_older_demo_gains_the_celta_lineup_and_a_user_lineup_is_kept(demo_target: str) -> None:
    database = open_database(demo_target)
    try:
        with database.transaction() as session:  # as a demo of revision 3 was: no lineups
            session.execute(delete(Lineup))
            set_setting(session, DEMO, f"{DEMO_NAME}@3")
        report = load_demo(database)
        assert report.lineups_added == 1 and any(line == "Lineups added: 1" for line in report.lines())
        again = load_demo(database)
        assert again.lineups_added == 0 and again.added == 0
    finally:
        database.close()
