"""Our fixtures exported as .ics and .csv: what a calendar app and a spreadsheet need, cells safe
from formulas, and round trips that give back the same fixtures."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from icalendar import Calendar

from db.calendar.exports import CSV_HEADER, export_fixtures
from db.calendar.writes import create_fixture
from db.engine import Database
from db.errors import DugoutError
from db.importers.fixtures import plan_fixture_import
from db.opening import open_database
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, find_competition, get_setting
from db.reference.writes import ensure_club
from tests.helpers import import_fixtures

CLUB = "Real Madrid CF"


@pytest.fixture
def demo(demo_target: str):
    database = open_database(demo_target)
    yield database
    database.close()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_csv_lists_our_matches_from_our_side(demo: Database, tmp_path: Path) -> None:
    assert export_fixtures(demo, tmp_path / "ours.csv") == 63
    rows = _csv_rows(tmp_path / "ours.csv")
    assert tuple(rows[0]) == CSV_HEADER
    getafe = next(r for r in rows if r["date"] == "2025-04-23")
    assert (getafe["opponent"], getafe["home/away"], getafe["score"], getafe["time"], getafe["time zone"]) == (
        "Getafe CF", "away", "1-0", "21:30", "Europe/Madrid")
    final = next(r for r in rows if r["competition"] == "Copa del Rey" and r["round"] == "Final")
    assert (final["home/away"], final["score"], final["status"]) == ("neutral", "2-3 aet", "played")
    supercopa = next(r for r in rows if r["competition"] == "Supercopa de España" and r["round"] == "Final")
    assert (supercopa["time"], supercopa["time zone"]) == ("", "Asia/Riyadh")  # time not known
    assert export_fixtures(demo, tmp_path / "one.csv", season="2025/26") == 0


def test_the_calendar_is_one_a_calendar_app_can_subscribe_to(demo: Database, tmp_path: Path) -> None:
    export_fixtures(demo, tmp_path / "ours.ics")
    export_fixtures(demo, tmp_path / "again.ics")
    text = (tmp_path / "ours.ics").read_bytes()
    assert text == (tmp_path / "again.ics").read_bytes(), "the same feed twice: stable UIDs and stamps"
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert len(events) == 63 and len({str(e["UID"]) for e in events}) == 63
    assert {"Europe/Madrid", "Europe/London", "America/New_York"} <= zones
    assert all("DTSTAMP" in e for e in events)
    for event in events:
        start = event["DTSTART"].dt
        if isinstance(start, dt.datetime):
            assert str(event["DTSTART"].params["TZID"]) in zones
    celta = next(e for e in events if str(e["SUMMARY"]) == "Real Madrid CF - RC Celta de Vigo" and
                 e["DTSTART"].dt.month == 5)
    assert celta["DTSTART"].dt == dt.datetime(2025, 5, 4, 12, 0, tzinfo=dt.UTC)
    assert str(celta["LOCATION"]) == "Estadio Santiago Bernabéu" and celta["CATEGORIES"].cats == ["LaLiga"]
    riyadh = [e for e in events if "Supercopa" in e["CATEGORIES"].cats]
    assert all(type(e["DTSTART"].dt) is dt.date for e in riyadh)  # all-day: the time is not known


@pytest.mark.parametrize("name", ["ours.csv", "ours.ics"])
def test_exporting_and_importing_again_changes_nothing(demo: Database, tmp_path: Path, name: str) -> None:
    export_fixtures(demo, tmp_path / name)
    plan = plan_fixture_import(demo, tmp_path / name)
    assert (plan.added, plan.updated, len(plan.unchanged), plan.refused) == ([], [], 63, [])


@pytest.mark.parametrize("name", ["ours.csv", "ours.ics"])
def test_a_new_database_gets_back_the_same_fixtures(demo: Database, database: Database, tmp_path: Path,
                                                    name: str) -> None:
    export_fixtures(demo, tmp_path / name)
    report = import_fixtures(database, tmp_path / name, club=CLUB)
    assert (len(report.added), report.refused) == (63, [])
    export_fixtures(demo, tmp_path / "from-demo.csv")
    export_fixtures(database, tmp_path / "from-copy.csv")
    assert (tmp_path / "from-copy.csv").read_text(encoding="utf-8") == (tmp_path / "from-demo.csv").read_text(encoding="utf-8")
    with database.reading() as session:
        assert find_competition(session, "LaLiga") is not None and get_setting(session, CURRENT_SEASON)


def test_cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back(database: Database, tmp_path: Path) -> None:
    with database.transaction() as session:
        from db.reference.writes import ensure_competition, ensure_season, set_setting

        ours, other = ensure_club(session, CLUB), ensure_club(session, "=HYPERLINK(\"http://x\")")
        set_setting(session, OUR_CLUB, str(ours.id))
        create_fixture(session, season_id=ensure_season(session, "2024/25").id,
                       competition_id=ensure_competition(session, "@Cup").id, club_id=ours.id, opponent_id=other.id,
                       venue_side="away", venue="-1+1", kickoff_local=dt.datetime(2025, 5, 4, 18), timezone="UTC",
                       round="+Final", by="t")
    export_fixtures(database, tmp_path / "ours.csv")
    row = _csv_rows(tmp_path / "ours.csv")[0]
    assert (row["opponent"], row["competition"], row["venue"], row["round"]) == (
        "'=HYPERLINK(\"http://x\")", "'@Cup", "'-1+1", "'+Final")
    assert plan_fixture_import(database, tmp_path / "ours.csv").unchanged, "read back as they were"


def test_an_export_needs_our_club_and_a_known_kind_of_file(database: Database, demo: Database, tmp_path: Path) -> None:
    with pytest.raises(DugoutError, match="no club yet"):
        export_fixtures(database, tmp_path / "x.csv")
    with pytest.raises(DugoutError, match=r"\.ics or a \.csv"):
        export_fixtures(demo, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
