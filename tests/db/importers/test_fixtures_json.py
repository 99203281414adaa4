"""openfootball football.json files: every match of a league stored (others from the home side),
re-imports that update instead of duplicating, our matches always from our side."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from db.calendar.models import Fixture
from db.calendar.queries import league_table
from db.demo import DEMO_DIR
from db.domain.kickoffs import as_utc
from db.engine import Database
from db.errors import ImportRefused
from db.importers.fixtures import plan_fixture_import
from db.opening import open_database
from db.reference.models import Club
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, find_club, find_competition, get_setting
from db.reference.writes import set_setting
from tests.engines import fingerprint
from tests.helpers import import_fixtures, stored_fixtures

LEAGUES = DEMO_DIR / "openfootball"
DATA = Path(__file__).resolve().parents[2] / "data" / "openfootball"
LALIGA = LEAGUES / "2024-25_es.1.json"
PLANNING = dt.datetime(2025, 5, 2, tzinfo=dt.UTC)


@pytest.fixture
def demo(demo_target: str):
    database = open_database(demo_target)
    yield database
    database.close()


def _ours(database: Database) -> int:
    with database.reading() as session:
        return int(get_setting(session, OUR_CLUB) or 0)


@pytest.mark.parametrize(("path", "club", "matches", "ours"), [
    (LALIGA, "Real Madrid", 380, 38), (LEAGUES / "2025-26_es.1.json", "Real Madrid CF", 380, 38),
    (LEAGUES / "2024-25_uefa.cl.json", "Real Madrid CF (ESP)", 189, 14), (DATA / "2024-25_en.1.json", "Liverpool", 380, 38),
])
def test_a_league_file_into_a_new_database_stores_every_match(database: Database, path: Path, club: str,
                                                               matches: int, ours: int) -> None:
    report = import_fixtures(database, path, club=club)
    assert (len(report.added), report.refused, report.skipped) == (matches, [], [])
    stored = stored_fixtures(database)
    us = _ours(database)
    assert len(stored) == matches
    assert sum(us in (f.club_id, f.opponent_id) for f in stored) == ours
    assert all(f.club_id == us for f in stored if us in (f.club_id, f.opponent_id)), "ours from our side"
    assert all(f.venue_side in ("home", "neutral") for f in stored if us not in (f.club_id, f.opponent_id))
    with database.reading() as session:
        assert get_setting(session, CURRENT_SEASON) is not None
    again = plan_fixture_import(database, path)
    assert (len(again.added), len(again.updated), len(again.unchanged)) == (0, 0, matches)


def test_laliga_times_are_madrids_and_the_table_is_right(database: Database) -> None:
    import_fixtures(database, LALIGA, club="Real Madrid CF")
    with database.reading() as session:
        laliga = find_competition(session, "Primera División")
        assert laliga is not None and laliga.name == "LaLiga" and laliga.timezone == "Europe/Madrid"
        season = int(get_setting(session, CURRENT_SEASON) or 0)
        table = league_table(session, competition_id=laliga.id or 0, season_id=season, before=PLANNING)
        celta = session.exec(select(Fixture).where(Fixture.round == "Matchday 34",
                                                   Fixture.club_id == _ours(database))).one()
    assert [(r.club, r.points) for r in table[:2]] == [("FC Barcelona", 76), ("Real Madrid CF", 72)]
    # 14:00 in Madrid on 4 May (summer time) is 12:00 UTC.
    assert as_utc(celta.kickoff_utc) == dt.datetime(2025, 5, 4, 12, 0, tzinfo=dt.UTC)
    assert celta.timezone == "Europe/Madrid" and celta.venue_side == "home"


def test_champions_league_times_are_central_european_and_the_final_neutral(database: Database) -> None:
    import_fixtures(database, LEAGUES / "2024-25_uefa.cl.json", club="Real Madrid CF")
    stored = stored_fixtures(database)
    final = next(f for f in stored if f.round == "Finals, Final")
    shootout = next(f for f in stored if f.penalties_for is not None and f.club_id == _ours(database))
    with database.reading() as session:
        assert find_club(session, "Real Madrid CF (ESP)") is not None and session.get(Club, _ours(database)).country == "ESP"
    assert final.venue_side == "neutral" and final.timezone == "Europe/Paris"
    assert as_utc(final.kickoff_utc) == dt.datetime(2025, 5, 31, 19, 0, tzinfo=dt.UTC)
    assert (shootout.extra_time, shootout.venue_side, shootout.goals_for, shootout.goals_against) == (True, "away", 0, 1)


def test_a_new_database_without_a_club_is_refused_with_the_clubs_the_file_names(db_target: str) -> None:
    database = open_database(db_target)
    before = fingerprint(db_target)
    try:
        with pytest.raises(ImportRefused, match="pass --club NAME.*Real Madrid CF, Real Sociedad de Fútbol"):
            plan_fixture_import(database, LALIGA)
        with pytest.raises(ImportRefused, match="Arsenal does not play in this file; it names: Athletic Club"):
            plan_fixture_import(database, LALIGA, club="Arsenal")
    finally:
        database.close()
    assert fingerprint(db_target) == before


def test_realdata_next_to_the_demo_updates_its_matches_instead_of_adding_them(demo: Database) -> None:
    before = stored_fixtures(demo, "LaLiga")
    report = import_fixtures(demo, LALIGA)
    after = stored_fixtures(demo, "LaLiga")
    ours = _ours(demo)
    assert report.added == [] and len(report.updated) + len(report.unchanged) == 380
    assert len(after) == 380 and [f.id for f in after] == [f.id for f in before]
    scored_later = [f for f in before if f.goals_for is None and as_utc(f.kickoff_utc) > PLANNING
                    and f.round != "Matchday 38"]
    assert len(report.updated) == len(scored_later) > 0  # results the demo's snapshot left out
    assert all(f.club_id == ours for f in after if ours in (f.club_id, f.opponent_id))
    assert {f.external_id for f in after} == {f.external_id for f in before}, "the demo's ids are kept"
    assert {f.venue for f in after if f.club_id == ours and f.venue_side == "home"} == {"Estadio Santiago Bernabéu"}


def test_the_champions_league_file_matches_the_demos_own_european_games(demo: Database) -> None:
    before = stored_fixtures(demo, "UEFA Champions League")
    report = import_fixtures(demo, LEAGUES / "2024-25_uefa.cl.json")
    after = {f.id: f for f in stored_fixtures(demo, "UEFA Champions League")}
    assert (len(report.added), len(report.updated) + len(report.unchanged)) == (175, 14)
    liverpool = next(f for f in before if f.timezone == "Europe/London" and f.round == "League, Matchday 5")
    # 21:00 Central European is 20:00 in London, the zone the demo tells it in: kept.
    assert after[liverpool.id].timezone == "Europe/London"
    assert as_utc(after[liverpool.id].kickoff_utc) == as_utc(liverpool.kickoff_utc)


def test_our_match_stored_from_the_home_side_is_turned_to_ours_and_never_flipped_back(database: Database) -> None:
    import_fixtures(database, LALIGA, club="FC Barcelona")
    with database.transaction() as session:  # the club the database plans for becomes Real Madrid
        madrid = find_club(session, "Real Madrid CF")
        assert madrid is not None
        set_setting(session, OUR_CLUB, str(madrid.id))
    turned = import_fixtures(database, LALIGA)
    stored = stored_fixtures(database)
    assert len(stored) == 380 and turned.added == []
    # Madrid's 19 away matches now from Madrid's side; Barcelona's 19 from the home side, as any other's.
    assert len(turned.updated) == 38
    ours = [f for f in stored if madrid.id in (f.club_id, f.opponent_id)]
    assert len(ours) == 38 and all(f.club_id == madrid.id for f in ours)
    away = next(f for f in ours if f.round == "Matchday 33")
    assert (away.venue_side, away.goals_for, away.goals_against) == ("away", 1, 0)  # won 0-1 at Getafe
    again = plan_fixture_import(database, LALIGA)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 380)


def test_a_rescheduled_match_updates_its_fixture(database: Database, tmp_path: Path) -> None:
    import_fixtures(database, LALIGA, club="Real Madrid CF")
    data = json.loads(LALIGA.read_text(encoding="utf-8"))
    moved = next(m for m in data["matches"] if m["team1"] == "Real Madrid CF" and m["team2"] == "RC Celta de Vigo")
    moved["date"], moved["time"] = "2025-05-06", "21:30"
    path = tmp_path / "2024-25_es.1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = import_fixtures(database, path)
    assert (report.added, len(report.updated)) == ([], 1) and "kick-off" in report.updated[0]
    celta = [f for f in stored_fixtures(database) if f.round == "Matchday 34" and f.club_id == _ours(database)]
    assert len(celta) == 1 and as_utc(celta[0].kickoff_utc) == dt.datetime(2025, 5, 6, 19, 30, tzinfo=dt.UTC)


def test_a_whole_league_is_planned_and_written_in_a_bounded_number_of_statements(database: Database) -> None:
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    import_fixtures(database, LALIGA, club="Real Madrid CF")
    assert len(statements) < 60, len(statements)  # 380 matches, 20 clubs: no statement per match


@pytest.mark.parametrize(("content", "message"), [
    ('{"name": "x"}', "no list of matches"), ("[1, 2]", "no list of matches"), ('{"matches": []}', "lists no matches"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"), ('{"matches": [', "is not JSON"),
])
def test_files_of_another_shape_are_refused_and_nothing_is_written(db_target: str, tmp_path: Path, content: str,
                                                                  message: str) -> None:
    path = tmp_path / "league.json"
    path.write_text(content, encoding="utf-8")
    database = open_database(db_target)
    before = fingerprint(db_target)
    try:
        with pytest.raises(ImportRefused, match=message):
            plan_fixture_import(database, path, club="Real Madrid CF")
    finally:
        database.close()
    assert fingerprint(db_target) == before


def test_a_bad_match_is_refused_by_its_number_and_the_others_import(database: Database, tmp_path: Path) -> None:
    matches = [{"date": "2025-05-04", "time": "14:00", "team1": "Real Madrid CF", "team2": "RC Celta de Vigo"},
               {"date": "2025-05-11", "team1": "FC Barcelona", "team2": "Real Madrid CF", "score": {"ft": [1]}},
               {"date": "2025-13-01", "team1": "A", "team2": "B"}, "nonsense",
               {"date": "2025-05-18", "time": "25:00", "team1": "Real Madrid CF", "team2": "RCD Mallorca"}]
    path = tmp_path / "2024-25_es.1.json"
    path.write_text(json.dumps({"name": "Spain Primera División 2024/25", "matches": matches}), encoding="utf-8")
    report = import_fixtures(database, path, club="Real Madrid CF")
    assert len(report.added) == 1
    assert [str(issue.where) for issue in report.refused] == ["match 2", "match 3", "match 4", "match 5"]
    assert report.refused[0].message.startswith("FC Barcelona – Real Madrid CF on 2025-05-11: ft must be two numbers")
    assert report.refused[3].field == "kickoff_local"
