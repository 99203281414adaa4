"""Fixture calendars (.ics): time zones, all-day events, recurring events refused, a broken event
refused by its UID while the others import, competitions from CATEGORIES or the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.domain.kickoffs import as_utc
from db.engine import Database
from db.errors import ImportRefused
from db.importers.fixtures import plan_fixture_import
from db.importers.fixtures_ics import summary_sides
from db.opening import open_database
from tests.engines import fingerprint
from tests.helpers import calendar_text, import_fixtures, stored_fixtures

UTC = dt.UTC
CLUB = "Real Madrid CF"


def write(tmp_path: Path, text: str, name: str = "fixtures.ics") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def match(uid: str, summary: str, start: str, **more: str) -> dict[str, str]:
    return {"UID": uid, "DTSTAMP": "20250101T000000Z", "SUMMARY": summary, **({"DTSTART": start} if start else {}),
            **more}


def by_uid(database: Database) -> dict[str | None, object]:
    return {f.external_id: f for f in stored_fixtures(database)}


def test_zones_utc_floating_and_all_day_events(database: Database, tmp_path: Path) -> None:
    text = calendar_text(
        {**match("a@club", "Real Madrid CF - RC Celta de Vigo", ""), "DTSTART;TZID=Europe/Madrid": "20250504T140000",
         "LOCATION": "Estadio Santiago Bernabéu", "CATEGORIES": "LaLiga"},
        match("b@club", "RCD Mallorca vs Real Madrid CF", "20250514T193000Z", CATEGORIES="LaLiga"),
        match("c@club", "Arsenal FC v Real Madrid CF", "20250408T200000", CATEGORIES="UEFA Champions League"),
        {**match("d@club", "Real Madrid CF - Real Sociedad", ""), "DTSTART;VALUE=DATE": "20250524",
         "CATEGORIES": "LaLiga"},
        header=("X-WR-TIMEZONE:Europe/London",))
    report = import_fixtures(database, write(tmp_path, text), club=CLUB)
    assert (len(report.added), report.refused, report.skipped) == (4, [], [])
    stored = by_uid(database)
    celta, mallorca, arsenal, sociedad = (stored[u] for u in ("a@club", "b@club", "c@club", "d@club"))
    assert (celta.timezone, as_utc(celta.kickoff_utc), celta.venue, celta.venue_side) == (
        "Europe/Madrid", dt.datetime(2025, 5, 4, 12, 0, tzinfo=UTC), "Estadio Santiago Bernabéu", "home")
    # An exact UTC moment, told in the competition's zone.
    assert (as_utc(mallorca.kickoff_utc), mallorca.timezone, mallorca.venue_side) == (
        dt.datetime(2025, 5, 14, 19, 30, tzinfo=UTC), "Europe/Madrid", "away")
    # A floating time is the calendar's local time (X-WR-TIMEZONE).
    assert (as_utc(arsenal.kickoff_utc), arsenal.timezone) == (dt.datetime(2025, 4, 8, 19, 0, tzinfo=UTC), "Europe/London")
    assert (sociedad.kickoff_time_known, sociedad.timezone) == (False, "Europe/London")
    assert as_utc(sociedad.kickoff_utc).date() == dt.date(2025, 5, 24)


def test_a_broken_event_is_refused_by_its_uid_and_the_others_import(database: Database, tmp_path: Path) -> None:
    text = calendar_text(
        match("good-1@club", "Real Madrid CF - Getafe CF", "20250510T180000Z", CATEGORIES="LaLiga"),
        match("broken@club", "Real Madrid CF - Sevilla FC", "20251345T999999", CATEGORIES="LaLiga"),
        match("nostart@club", "Real Madrid CF - Girona FC", "", CATEGORIES="LaLiga"),
        {**match("zone@club", "Real Madrid CF - Valencia CF", ""), "DTSTART;TZID=Mars/Olympus_Mons": "20250511T180000",
         "CATEGORIES": "LaLiga"},
        match("good-2@club", "Villarreal CF - Real Madrid CF", "20250517T180000Z", CATEGORIES="LaLiga"),
    )
    report = import_fixtures(database, write(tmp_path, text), club=CLUB)
    assert len(report.added) == 2
    refused = {issue.where.uid: issue for issue in report.refused}
    assert set(refused) == {"broken@club", "nostart@club", "zone@club"}
    assert str(refused["broken@club"]).startswith("UID broken@club: ")
    assert refused["nostart@club"].field == "kickoff_local"
    assert "Mars/Olympus_Mons" in refused["zone@club"].message and refused["zone@club"].field == "timezone"


def test_recurring_events_are_refused_and_events_that_are_no_match_skipped(database: Database, tmp_path: Path) -> None:
    text = calendar_text(
        match("weekly@club", "Real Madrid CF - Getafe CF", "20250510T180000Z", RRULE="FREQ=WEEKLY;COUNT=4",
              CATEGORIES="LaLiga"),
        match("moved@club", "Real Madrid CF - Getafe CF", "20250517T180000Z", **{"RECURRENCE-ID": "20250517T180000Z"},
              CATEGORIES="LaLiga"),
        match("training@club", "Training session", "20250509T090000Z", RRULE="FREQ=DAILY"),
        match("match@club", "Real Madrid CF - Sevilla FC", "20250511T180000Z", CATEGORIES="LaLiga"),
    )
    report = import_fixtures(database, write(tmp_path, text), club=CLUB)
    assert len(report.added) == 1
    assert [i.where.uid for i in report.refused] == ["weekly@club", "moved@club"]
    assert "recurring events are not imported" in report.refused[0].message
    assert [i.where.uid for i in report.skipped] == ["training@club"]
    assert "Not a match" in report.skipped[0].message and "skipped UID training@club" in "\n".join(report.lines())


@pytest.mark.parametrize(("event", "competition"), [
    ({"CATEGORIES": "Football,Copa del Rey"}, "Copa del Rey"),
    ({"SUMMARY": "LaLiga: Real Madrid CF - Getafe CF"}, "LaLiga"),
    ({"SUMMARY": "Real Madrid CF vs Getafe CF (Champions League)"}, "UEFA Champions League"),
    ({"SUMMARY": "[Supercopa] Real Madrid CF - Getafe CF", "CATEGORIES": "Football"}, "Supercopa"),
    ({"CATEGORIES": "Trofeo Santiago Bernabéu"}, "Trofeo Santiago Bernabéu"),
])
def test_the_competition_comes_from_categories_or_the_summary(database: Database, tmp_path: Path,
                                                              event: dict[str, str], competition: str) -> None:
    path = write(tmp_path, calendar_text({**match("x@club", "Real Madrid CF - Getafe CF", "20250510T180000Z"), **event}))
    report = import_fixtures(database, path, club=CLUB)
    assert report.added == [f"2025-05-10 Real Madrid CF – Getafe CF ({competition})"]


def test_without_a_competition_the_event_is_refused_unless_the_caller_names_one(database: Database,
                                                                                 tmp_path: Path) -> None:
    path = write(tmp_path, calendar_text(match("x@club", "Real Madrid CF - Getafe CF", "20250510T180000Z")))
    plan = plan_fixture_import(database, path, club=CLUB)
    assert [i.field for i in plan.refused] == ["competition_id"] and "--competition" in plan.refused[0].message
    assert len(import_fixtures(database, path, club=CLUB, competition="LaLiga").added) == 1


def test_a_rescheduled_or_renamed_event_is_found_by_its_uid(database: Database, tmp_path: Path) -> None:
    first = calendar_text(match("m34@laliga.es", "Real Madrid - Celta", "20250504T120000Z", CATEGORIES="LaLiga"))
    import_fixtures(database, write(tmp_path, first), club=CLUB)
    moved = calendar_text(match("m34@laliga.es", "R. Madrid - RC Celta de Vigo", "20250506T193000Z",
                                CATEGORIES="LaLiga", STATUS="CANCELLED"))
    report = import_fixtures(database, write(tmp_path, moved, "moved.ics"))
    assert report.added == [] and len(report.updated) == 1
    (stored,) = stored_fixtures(database)
    assert (stored.external_id, stored.status) == ("m34@laliga.es", "cancelled")
    assert as_utc(stored.kickoff_utc) == dt.datetime(2025, 5, 6, 19, 30, tzinfo=UTC)


def test_zones_defined_in_the_file_alarms_and_folded_lines(database: Database, tmp_path: Path) -> None:
    custom = ("BEGIN:VTIMEZONE", "TZID:Club Local Time", "BEGIN:STANDARD", "DTSTART:19701025T030000",
              "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
              "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
              "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE")
    events = calendar_text(
        {**match("a@club", "Real Madrid CF - Getafe CF", ""), "DTSTART;TZID=Club Local Time": "20250510T210000",
         "CATEGORIES": "LaLiga", "DESCRIPTION": "A long note that goes on\r\n  over a folded line"},
        {**match("b@club", "Real Madrid CF - Sevilla ", ""), "DTSTART;TZID=Romance Standard Time": "20250511T210000",
         "CATEGORIES": "LaLiga"},
    ).replace("SUMMARY:Real Madrid CF - Sevilla ", "SUMMARY:Real Madrid CF - Sevilla \r\n FC")
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nSUMMARY:not a match\r\nEND:VALARM\r\n"
    text = events.replace("END:VEVENT", alarm + "END:VEVENT", 1).replace("END:VCALENDAR", "\r\n".join(custom) + "\r\nEND:VCALENDAR")
    report = import_fixtures(database, write(tmp_path, text), club=CLUB)
    assert (len(report.added), report.refused) == (2, [])
    stored = by_uid(database)
    assert as_utc(stored["a@club"].kickoff_utc) == dt.datetime(2025, 5, 10, 19, 0, tzinfo=UTC)  # zone defined last
    assert (stored["b@club"].timezone, as_utc(stored["b@club"].kickoff_utc)) == (
        "Europe/Paris", dt.datetime(2025, 5, 11, 19, 0, tzinfo=UTC))  # a Windows zone name
    assert "Sevilla FC" in report.added[1]


def test_an_event_that_never_ends_is_refused_by_its_line_and_the_next_one_imports(database: Database,
                                                                                  tmp_path: Path) -> None:
    good = calendar_text(match("b@club", "Real Madrid CF - Sevilla FC", "20250511T180000Z", CATEGORIES="LaLiga"))
    broken = "BEGIN:VEVENT\r\nUID:a@club\r\nSUMMARY:Real Madrid CF - Getafe CF\r\n"
    report = import_fixtures(database, write(tmp_path, good.replace("BEGIN:VEVENT", broken + "BEGIN:VEVENT")), club=CLUB)
    assert len(report.added) == 1
    assert [(i.where.uid, i.where.line) for i in report.refused] == [("a@club", 4)]
    assert "does not end" in report.refused[0].message


@pytest.mark.parametrize(("text", "message"), [
    ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no events"),
    ("BEGIN:VCARD\r\nFN:Luka\r\nEND:VCARD\r\n", "not an iCalendar file"),
    ("just some words\r\n", "not an iCalendar file"),
])
def test_calendars_without_events_are_refused_untouched(db_target: str, tmp_path: Path, text: str, message: str) -> None:
    database = open_database(db_target)
    before = fingerprint(db_target)
    try:
        with pytest.raises(ImportRefused, match=message):
            plan_fixture_import(database, write(tmp_path, text), club=CLUB)
    finally:
        database.close()
    assert fingerprint(db_target) == before


def test_a_calendar_of_events_that_are_no_matches_is_refused_whole(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, calendar_text(match("t@club", "Training", "20250509T090000Z")))
    with pytest.raises(ImportRefused, match="holds no matches"):
        import_fixtures(database, path, club=CLUB)


@pytest.mark.parametrize(("summary", "expected"), [
    ("Real Madrid - Celta", (None, "Real Madrid", "Celta")),
    ("Celta vs. Real Madrid", (None, "Celta", "Real Madrid")),
    ("LaLiga: Real Madrid – Celta", ("LaLiga", "Real Madrid", "Celta")),
    ("Real Madrid v Celta (Copa del Rey)", ("Copa del Rey", "Real Madrid", "Celta")),
    ("Saint-Étienne - Paris Saint-Germain", (None, "Saint-Étienne", "Paris Saint-Germain")),
    ("Training", None), ("Real Madrid - Celta - Getafe", None), ("Real Madrid 2-1 Celta", None),
])
def test_summaries_name_home_first(summary: str, expected: tuple[str | None, str, str] | None) -> None:
    assert summary_sides(summary) == expected


def test_the_clubs_own_short_name_is_the_club_in_a_new_database(database: Database, tmp_path: Path) -> None:
    text = calendar_text(match("a@club", "Real Madrid - Celta", "20250504T120000Z", CATEGORIES="LaLiga"),
                         match("b@club", "Barcelona - Real Madrid", "20250511T141500Z", CATEGORIES="LaLiga"),
                         match("c@club", "Espanyol - Real Madrid", "20250518T190000Z", CATEGORIES="LaLiga"))
    report = import_fixtures(database, write(tmp_path, text), club=CLUB)
    assert report.notes == ["new competition: LaLiga", "'Real Madrid' taken as Real Madrid CF"]
    stored = stored_fixtures(database)
    assert len({f.club_id for f in stored}) == 1, "every match ours, from our side"
    assert len({f.opponent_id for f in stored}) == 3, "Barcelona and Espanyol are two clubs"
