"""What the injury board, the history and the squad's Status column read, on the demo (both engines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from db.changes import ABSENCE, SUSPENSION
from db.domain.availability import INJURED, PRECAUTIONARY, SUSPENDED
from db.engine import Database
from db.medical.queries import (
    RETURNED,
    away_board,
    discipline,
    injury_board,
    injury_history,
    next_match_availability,
    squad_availability,
    squad_depth,
)
from db.medical.writes import mark_injured, record, update_injury
from db.opening import open_database
from db.reference.models import Competition
from tests.helpers import squad_ids

AS_OF = dt.date(2025, 5, 2)


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    database = open_database(demo_target)
    yield database
    database.close()


def test_board_lanes_and_what_is_left_to_miss(demo: Database) -> None:
    club, season, _players = squad_ids(demo)
    with demo.reading() as session:
        rows = {row.name: row for row in injury_board(session, club_id=club, season_id=season, as_of=AS_OF)}
    assert rows["Éder Militão"].lane == "out" and rows["Éder Militão"].surgery
    assert rows["Jude Bellingham"].lane == "precautionary"
    alaba = rows["David Alaba"]
    assert alaba.expected_return_earliest == dt.date(2025, 6, 30)
    assert alaba.days_out_left == (dt.date(2025, 6, 30) - AS_OF).days
    assert alaba.matches_out_left is not None and alaba.matches_out_left >= 5  # the league's run-in, at least
    assert rows["David Alaba"].matches_out_left >= rows["Éder Militão"].matches_out_left  # type: ignore[operator]


def test_a_return_stays_on_the_board_for_two_weeks(demo: Database) -> None:
    club, season, _players = squad_ids(demo)
    with demo.reading() as session:
        ceballos = next(r for r in injury_board(session, club_id=club, season_id=season, as_of=AS_OF)
                        if r.name == "Dani Ceballos")
    update_injury(demo, ceballos.injury_id, ceballos.version, {"status": "recovered", "returned_on": AS_OF})
    with demo.reading() as session:
        soon = {r.name: r for r in injury_board(session, club_id=club, season_id=season,
                                                as_of=AS_OF + dt.timedelta(days=14))}
        later = {r.name for r in injury_board(session, club_id=club, season_id=season,
                                              as_of=AS_OF + dt.timedelta(days=15))}
    assert soon["Dani Ceballos"].lane == RETURNED
    assert "Dani Ceballos" not in later


def test_history_counts_days_and_matches_missed(demo: Database) -> None:
    club, _season, players = squad_ids(demo)
    earlier = mark_injured(demo, players["Federico Valverde"], {
        "kind": "Hamstring strain", "started_on": dt.date(2025, 3, 1),
        "expected_return_earliest": dt.date(2025, 3, 20)})
    with demo.reading() as session:
        from db.medical.models import Injury

        injury = session.get(Injury, earlier)
        assert injury is not None
        version = injury.version
    update_injury(demo, earlier, version, {"status": "recovered", "returned_on": dt.date(2025, 3, 21)})
    with demo.reading() as session:
        history = injury_history(session, player_id=players["Federico Valverde"], club_id=club, as_of=AS_OF)
    assert len(history) == 1
    assert history[0].days_out == 20
    assert history[0].matches_missed >= 2  # LaLiga and the Champions League in March 2025


def test_discipline_lists_cards_and_bans(demo: Database) -> None:
    _club, _season, players = squad_ids(demo)
    with demo.reading() as session:
        bellingham = discipline(session, player_id=players["Jude Bellingham"])
        rudiger = discipline(session, player_id=players["Antonio Rüdiger"])
    assert [(r.what, r.counts) for r in bellingham] == [("red", False)]  # rescinded on appeal
    assert {r.what for r in rudiger} == {"red", "ban"}


def test_next_match_availability_and_depth(demo: Database) -> None:
    club, season, players = squad_ids(demo)
    with demo.reading() as session:
        found = next_match_availability(session, club_id=club, as_of=AS_OF, player_ids=list(players.values()))
        assert found.fixture is not None and found.fixture.opponent == "Celta" and found.day == dt.date(2025, 5, 4)
        assert found.verdicts[players["Éder Militão"]].status == INJURED
        assert found.verdicts[players["Jude Bellingham"]].status == PRECAUTIONARY
        answers = squad_availability(session, club_id=club, season_id=season, as_of=AS_OF, day=found.day,
                                     competition_id=found.fixture.competition_id)
        depth = {line.group: line for line in squad_depth(session, answers)}
    assert (depth["CB"].available, depth["CB"].total, depth["CB"].alert) == (1, 4, True)
    assert not depth["GK"].alert
    # A LaLiga ban shows for the next (LaLiga) match.
    with demo.reading() as session:
        from sqlmodel import select

        laliga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one().id
    assert laliga is not None
    record(demo, SUSPENSION, player_id=players["Kylian Mbappé"], competition_id=laliga,
           values={"matches": 1, "starts_on": AS_OF, "reason": "Red card"})
    with demo.reading() as session:
        again = next_match_availability(session, club_id=club, as_of=AS_OF, player_ids=[players["Kylian Mbappé"]])
    assert again.verdicts[players["Kylian Mbappé"]].status == SUSPENDED


def test_no_fixture_ahead_answers_for_the_planning_date(demo: Database) -> None:
    club, _season, players = squad_ids(demo)
    late = dt.date(2026, 12, 1)
    with demo.reading() as session:
        found = next_match_availability(session, club_id=club, as_of=late, player_ids=[players["Kylian Mbappé"]])
    assert found.fixture is None and found.day == late


def test_away_board_lists_bans_owed_and_absences(demo: Database) -> None:
    club, season, players = squad_ids(demo)
    record(demo, ABSENCE, player_id=players["Luka Modrić"],
           values={"kind": "international", "starts_on": AS_OF + dt.timedelta(days=10),
                   "ends_on": AS_OF + dt.timedelta(days=16), "reason": "Croatia"})
    record(demo, ABSENCE, player_id=players["Arda Güler"],
           values={"kind": "personal", "starts_on": AS_OF + dt.timedelta(days=20), "ends_on": AS_OF + dt.timedelta(days=22)})
    with demo.reading() as session:
        rows = away_board(session, club_id=club, season_id=season, as_of=AS_OF)
    bans = {(r.name, r.competition): (r.owed, r.this_season, r.carried) for r in rows if r.what == "ban"}
    assert bans == {("Antonio Rüdiger", "LaLiga"): (6, 5, 1), ("Lucas Vázquez", "Copa del Rey"): (2, 0, 2)}
    away = [(r.name, r.what, r.reason) for r in rows if r.what != "ban"]
    assert away == [("Luka Modrić", "international", "Croatia")]  # Güler's is beyond two weeks
