"""Applying a fixture plan: one transaction, planned again when the database moved on meanwhile,
nothing written when it fails half-way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import db.importers.fixtures as fixtures_module
from db.calendar.writes import create_fixture
from db.changes import CLUB, FIXTURE, SEASON, SETTING
from db.engine import Database
from db.importers.fixtures import apply_fixture_plan, plan_fixture_import
from db.opening import open_database
from db.reference.queries import find_club, find_competition
from db.reference.writes import ensure_season
from db.versioning import update_versioned
from tests.engines import fingerprint
from tests.helpers import stored_fixtures

LIST = "date,time,competition,opponent,home/away\n2025-05-04,14:00,LaLiga,Celta,home\n2025-05-10,18:30,LaLiga,Sevilla FC,away\n"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "fixtures.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


def _add_sevilla_away(database: Database) -> int:
    with database.transaction() as session:
        ours, sevilla = find_club(session, "Real Madrid CF"), find_club(session, "Sevilla FC")
        laliga = find_competition(session, "LaLiga")
        assert ours and sevilla and laliga
        fixture = create_fixture(session, season_id=ensure_season(session, "2024/25").id, competition_id=laliga.id,
                                 club_id=ours.id, opponent_id=sevilla.id, venue_side="away", timezone="Europe/Madrid",
                                 kickoff_local=dt.datetime(2025, 5, 10, 21, 0), by="someone else")
        assert fixture.id is not None
        return fixture.id


def test_a_match_added_meanwhile_is_found_by_planning_again(database: Database, plan_file: Path) -> None:
    with database.transaction() as session:
        from db.reference.writes import ensure_club, ensure_competition, set_setting

        set_setting(session, "our_club_id", str(ensure_club(session, "Real Madrid CF").id))
        ensure_club(session, "RC Celta de Vigo", aliases=["Celta"])
        ensure_club(session, "Sevilla FC")
        ensure_competition(session, "LaLiga")
    plan = plan_fixture_import(database, plan_file)
    assert len(plan.added) == 2
    added_meanwhile = _add_sevilla_away(database)
    report = apply_fixture_plan(database, plan)
    assert (len(report.added), len(report.updated)) == (1, 1), "planned again: Sevilla is an update now"
    stored = stored_fixtures(database)
    assert len(stored) == 2 and added_meanwhile in {f.id for f in stored}
    assert report.change.ids(FIXTURE) == {f.id for f in stored}


@pytest.mark.parametrize("edited", ["planned update", "planned unchanged"])
def test_a_match_edited_meanwhile(demo_target: str, plan_file: Path, edited: str) -> None:
    """A match the plan updates is guarded by its version: edited meanwhile, the file is planned
    again against what the other user left, and applied. A match the plan leaves alone is not
    written, so another user's edit of it stays."""
    database = open_database(demo_target)
    try:
        plan = plan_fixture_import(database, plan_file)
        assert (len(plan.updated), len(plan.unchanged)) == (1, 1)  # Sevilla away moves to 18:30; Celta as stored
        league = stored_fixtures(database, "LaLiga")
        suffix = ":Sevilla FC-Real Madrid CF" if edited == "planned update" else ":Real Madrid CF-RC Celta de Vigo"
        fixture = next(f for f in league if f.external_id.endswith(suffix))
        with database.transaction() as session:
            update_versioned(session, type(fixture), fixture.id, fixture.version,
                             {"kickoff_utc": dt.datetime(2025, 5, fixture.kickoff_utc.day, 19, tzinfo=dt.UTC)},
                             "someone else")
        report = apply_fixture_plan(database, plan, by="test")
        after = next(f for f in stored_fixtures(database, "LaLiga") if f.id == fixture.id)
    finally:
        database.close()
    assert len(report.updated) == 1
    if edited == "planned update":
        assert (after.version, after.updated_by) == (fixture.version + 2, "test")
        assert after.kickoff_utc.replace(tzinfo=dt.UTC) == dt.datetime(2025, 5, 10, 16, 30, tzinfo=dt.UTC)
    else:
        assert (after.version, after.updated_by) == (fixture.version + 1, "someone else")
        assert after.kickoff_utc.replace(tzinfo=dt.UTC) == dt.datetime(2025, 5, 4, 19, 0, tzinfo=dt.UTC)


def test_a_failure_half_way_leaves_the_database_as_it_was(demo_target: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fixtures.csv"
    path.write_text(LIST + "2025-07-20,,Friendly,Al Hilal,home\n", encoding="utf-8")
    database = open_database(demo_target)
    try:
        plan = plan_fixture_import(database, path)
        assert plan.added and plan.updated
        before = fingerprint(demo_target)

        def broken(*_args: object) -> list[int]:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(fixtures_module, "_update", broken)
        with pytest.raises(RuntimeError, match="disk on fire"):
            apply_fixture_plan(database, plan)
    finally:
        database.close()
    assert fingerprint(demo_target) == before


def test_the_report_names_what_changed_for_the_screens(database: Database, plan_file: Path) -> None:
    report = apply_fixture_plan(database, plan_fixture_import(database, plan_file, club="Real Madrid CF"))
    assert len(report.change.ids(FIXTURE)) == 2 and len(report.change.ids(CLUB)) == 3
    assert report.change.touches(SEASON) and report.change.is_everything(SETTING)
