"""Fixture files made up by Hypothesis (CSV, iCalendar, football.json, raw bytes): the import only
ever raises its own ImportRefused, a refused import writes nothing, and what it reports is what
it wrote. ``DUGOUT_FUZZ_EXAMPLES`` sets the number of examples (60 by default)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from db.calendar.models import Fixture
from db.engine import Database
from db.errors import ImportRefused
from db.importers.fixtures import apply_fixture_plan, plan_fixture_import
from db.opening import open_database
from tests.helpers import calendar_text

FUZZ_EXAMPLES = int(os.environ.get("DUGOUT_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
pytestmark = pytest.mark.sqlite_only  # each example needs a database of its own: a copied file

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_ODD = st.sampled_from(['"', "\u2028", "\x0b", "\r", "\n", "\ufeff", "\u202e", "=1+1", "-", "9" * 400, "", " ",
                        "Europe/Madrid", "Mars/Olympus", "../../etc/passwd", "UTC", "2-1", "99-99", "1-1 aet (pens 4-2)",
                        "31/02/2025", "2025-05-04", "0001-01-01", "9999-12-31", "25:00", "21:00", "home", "away",
                        "neutral", "LaLiga", "Real Madrid", "Celta", "postponed", "played", "2024/25", "0999/00"])
_CELL = st.one_of(_TEXT, _ODD, st.integers(-10**20, 10**20).map(str))


def _database(template: Path, folder: Path) -> Database:
    shutil.copyfile(template, folder / "t.sqlite")
    return open_database(folder / "t.sqlite")


def _count(database: Database) -> int:
    with database.reading() as session:
        return session.exec(select(func.count()).select_from(Fixture)).one()


def _fuzz_once(database: Database, path: Path, club: str | None = "Real Madrid CF", competition: str | None = None) -> None:
    """Import ``path``: a report, or ImportRefused with nothing written; nothing else escapes."""
    before = _count(database)
    try:
        plan = plan_fixture_import(database, path, club=club, competition=competition)
        report = apply_fixture_plan(database, plan, by="fuzz")
    except ImportRefused as refused:
        assert _count(database) == before
        assert str(refused) and "\n" not in str(refused).strip()
        return
    assert _count(database) - before == len(report.added)
    for issue in [*report.refused, *report.skipped]:
        assert issue.message and "\n" not in issue.message


_CLUBS = st.sampled_from(["Getafe CF", "Celta", "FC Barcelona", "Real Madrid CF", "Sevilla FC (ESP)", "Madrid"])
_VALID = {
    "date": st.sampled_from(["2025-05-04", "04/05/2025", "2025-03-30", "1.1.2025"]),
    "time": st.sampled_from(["21:00", "", "02:30", "14.00", "TBD"]),
    "competition": st.sampled_from(["LaLiga", "Copa del Rey", "Primera División", "Friendly", ""]),
    "opponent": _CLUBS, "home/away": st.sampled_from(["home", "away", "neutral", "H", "visitante"]),
    "venue": st.sampled_from(["", "Bernabéu", "=cmd()"]), "season": st.sampled_from(["", "2024/25", "2024-2025"]),
    "round": st.sampled_from(["", "Final", "Matchday 34"]),
    "time zone": st.sampled_from(["", "Europe/Madrid", "America/New_York"]),
    "score": st.sampled_from(["", "2-1", "1-1 aet (pens 4-2)", "0-0 aet"]),
    "status": st.sampled_from(["", "played", "postponed", "cancelled"]),
}
_COLUMNS = list(_VALID)


@SETTINGS
@given(header=st.one_of(st.permutations(_COLUMNS).map(list),
                        st.lists(st.sampled_from([*_COLUMNS, "x", ""]), min_size=1, max_size=8)),
       data=st.data(), count=st.integers(0, 6), delimiter=st.sampled_from([",", ";", "\t"]), quoted=st.booleans(),
       competition=st.one_of(st.none(), st.just("LaLiga"), _TEXT))
def test_random_csv_only_ever_raises_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory,
                                                              _empty_template: Path, header, data, count, delimiter,
                                                              quoted, competition) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = _database(_empty_template, folder)
    try:
        def cell(text: str) -> str:
            return '"' + text.replace('"', '""') + '"' if quoted else text

        clean = data.draw(st.booleans())  # half the files hold only plausible cells: imports that succeed

        def pool(column: str) -> st.SearchStrategy[str]:
            valid = _VALID.get(column)
            return _CELL if valid is None else valid if clean else st.one_of(valid, _CELL)

        rows = [[data.draw(pool(column)) for column in header] for _ in range(count)]
        lines = [delimiter.join(header), *(delimiter.join(cell(c) for c in row) for row in rows)]
        path = folder / "fixtures.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
        _fuzz_once(database, path, competition=competition)
    finally:
        database.close()


_DTSTART = st.one_of(
    st.builds(lambda v: ("DTSTART", v), st.sampled_from(["20250504T140000", "20250504T120000Z", "20251345T999999",
                                                         "2025", "", "20250330T023000", "00010101T000000"])),
    st.builds(lambda z, v: (f"DTSTART;TZID={z}", v), st.sampled_from(["Europe/Madrid", "Nowhere/Land", "", "UTC",
                                                                     "Romance Standard Time", "\"quoted\""]),
              st.sampled_from(["20250504T140000", "20250504", "x"])),
    st.builds(lambda v: ("DTSTART;VALUE=DATE", v), st.sampled_from(["20250504", "20250230", "garbage"])),
)
_EVENT = st.fixed_dictionaries(
    {"SUMMARY": st.one_of(_TEXT, st.builds(lambda a, b, sep: f"{a}{sep}{b}", st.one_of(_CLUBS, _TEXT),
                                           st.one_of(_CLUBS, _TEXT), st.sampled_from([" - ", " vs ", " v ", "-", " – "])))},
    optional={"UID": _TEXT.map(lambda t: t.replace("\n", "").replace("\r", "")),
              "CATEGORIES": st.one_of(_TEXT, st.just("LaLiga"), st.just("LaLiga"), st.just("a,b,c")),
              "RRULE": st.sampled_from(["FREQ=WEEKLY", "garbage"]), "STATUS": st.sampled_from(["CANCELLED", "x"]),
              "X-DUGOUT-SCORE": _CELL, "X-DUGOUT-SEASON": _CELL, "X-DUGOUT-NEUTRAL": _CELL, "LOCATION": _TEXT},
)


_CLEAN_EVENT = st.builds(
    lambda pair, day, uid: ({"UID": f"{uid}@fuzz", "SUMMARY": f"{pair[0]} - {pair[1]}", "CATEGORIES": "LaLiga"},
                            ("DTSTART", f"202505{day:02d}T190000Z")),
    st.permutations(["Getafe CF", "Celta", "Real Madrid CF", "FC Barcelona"]).map(lambda p: (p[0], p[1])),
    st.integers(1, 28), st.integers(0, 9))


@SETTINGS
@given(events=st.one_of(st.lists(st.tuples(_EVENT, _DTSTART), max_size=5), st.lists(_CLEAN_EVENT, min_size=1, max_size=5)),
       junk=st.lists(st.sampled_from(["BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM", "END:VCALENDAR", " folded",
                                      "X-WR-TIMEZONE:Mars/Olympus", "BEGIN:VTIMEZONE", "TZID:Europe/Madrid",
                                      "DTSTART:junk", ":", ";;;"]), max_size=4),
       header=st.sampled_from([(), ("X-WR-TIMEZONE:Europe/London",), ("X-WR-TIMEZONE:\x00",)]))
def test_random_calendars_only_ever_raise_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory,
                                                                   _empty_template: Path, events, junk, header) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = _database(_empty_template, folder)
    try:
        bodies = [{**{k: v.replace("\r", " ").replace("\n", " ") for k, v in event.items()}, start[0]: start[1]}
                  for event, start in events]
        text = calendar_text(*bodies, header=header)
        for number, line in enumerate(junk):
            cut = text.find("\r\n", len(text) * (number + 1) // (len(junk) + 2))
            text = text[:cut] + "\r\n" + line + text[cut:] if cut > 0 else text
        path = folder / "fixtures.ics"
        path.write_text(text, encoding="utf-8", newline="")
        _fuzz_once(database, path)
    finally:
        database.close()


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 200) | _TEXT,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=12)
_MATCH = st.fixed_dictionaries({"team1": st.one_of(_CLUBS, _TEXT, _JSON), "team2": st.one_of(_CLUBS, _TEXT, _JSON),
                                "date": st.one_of(st.sampled_from(["2025-05-04", "2025-05-11", "2025-13-01", "x"]), _JSON)},
                               optional={
    "time": st.one_of(st.sampled_from(["21:00", "25:61", "9pm"]), _JSON),
    "round": st.one_of(_TEXT, _JSON),
    "score": st.one_of(_JSON, st.fixed_dictionaries({"ft": st.one_of(st.just([2, 1]), _JSON)},
                                                    optional={"et": _JSON, "p": st.one_of(st.just([4, 2]), _JSON)})),
})


_CLEAN_MATCH = st.builds(
    lambda pair, day, score: {"team1": pair[0], "team2": pair[1], "date": f"2025-05-{day:02d}", "time": "21:00",
                              "score": score},
    st.permutations(["Getafe CF", "Celta", "Real Madrid CF", "FC Barcelona"]).map(lambda p: (p[0], p[1])),
    st.integers(1, 28), st.sampled_from([{}, {"ft": [2, 1]}, {"ft": [1, 1], "et": [2, 1], "p": [4, 2]}]))


@SETTINGS
@given(top=st.one_of(_JSON, st.builds(lambda m, name: {"name": name, "matches": m}, st.lists(_MATCH, max_size=5),
                                      st.one_of(_TEXT, _JSON)),
                     st.builds(lambda m: {"name": "Spain Primera División 2024/25", "matches": m},
                               st.lists(_CLEAN_MATCH, min_size=1, max_size=6))),
       stem=st.sampled_from(["2024-25_es.1", "league", "0999-00_xx.9", "2024_eng.1"]),
       club=st.sampled_from(["Real Madrid CF", "Real Madrid CF", None, ""]))
def test_random_league_files_only_ever_raise_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory,
                                                                      _empty_template: Path, top, stem, club) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = _database(_empty_template, folder)
    try:
        path = folder / f"{stem}.json"
        path.write_text(json.dumps(top), encoding="utf-8")
        _fuzz_once(database, path, club=club)
    finally:
        database.close()


@SETTINGS
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".ics", ".json", ".txt"]),
       prefix=st.sampled_from([b"", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", b'{"matches": [', b"date,opponent,home/away\n"]))
def test_random_bytes_only_ever_raise_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory,
                                                               _empty_template: Path, data: bytes, suffix: str,
                                                               prefix: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = _database(_empty_template, folder)
    try:
        path = folder / f"fixtures{suffix}"
        path.write_bytes(prefix + data)
        _fuzz_once(database, path)
    finally:
        database.close()
