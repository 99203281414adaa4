"""Hostile files the other fuzz tests do not make: JSON nested thousands deep, iCalendar with
broken line folding, wrong encodings, huge fields, good files truncated or mutated at random, and
the database opener fed random and mutated files. Only the importer's own error (ImportRefused,
naming a line or field) or the opener's (DatabaseRefused) escapes, and nothing is written: the
database is unchanged, the opened file is byte-for-byte the same."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from db.calendar.models import Fixture
from db.engine import Database
from db.errors import DatabaseRefused, ImportRefused
from db.importers.fixtures import apply_fixture_plan, plan_fixture_import
from db.importers.squad import apply_squad
from db.importers.squad_files import read_squad_file
from db.opening import open_database
from db.squad.models import Player
from tests.helpers import calendar_text

FUZZ_EXAMPLES = int(os.environ.get("DUGOUT_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
pytestmark = pytest.mark.sqlite_only  # each example needs a database of its own: a copied file

GOOD_CSV = ("date,time,competition,opponent,home/away,venue\n2025-05-04,21:00,LaLiga,Celta,home,Bernabéu\n"
            "2025-05-11,16:15,LaLiga,FC Barcelona,away,Montjuïc\n")
GOOD_ICS = calendar_text({"UID": "a@x", "SUMMARY": "Real Madrid CF - Celta", "CATEGORIES": "LaLiga",
                          "DTSTART": "20250504T190000Z"},
                         {"UID": "b@x", "SUMMARY": "FC Barcelona - Real Madrid CF", "CATEGORIES": "LaLiga",
                          "DTSTART": "20250511T141500Z", "LOCATION": "Montjuïc, Barcelona"})
GOOD_JSON = ('{"name": "Spain Primera División 2024/25", "matches": [{"round": "Matchday 34", "date": "2025-05-04", '
             '"time": "21:00", "team1": "Real Madrid CF", "team2": "Celta", "score": {"ft": [3, 2]}}]}')
GOOD_SQUAD = "name,number,position,dob\nThibaut Courtois,1,GK,1992-05-11\nJude Bellingham,5,MF,2003-06-29\n"


def _counts(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return (session.exec(select(func.count()).select_from(Fixture)).one(),
                session.exec(select(func.count()).select_from(Player)).one())


def _import_fixtures(database: Database, path: Path) -> None:
    """A report, or ImportRefused in one line with nothing written; nothing else escapes."""
    before = _counts(database)
    try:
        report = apply_fixture_plan(database, plan_fixture_import(database, path, club="Real Madrid CF"), by="fuzz")
    except ImportRefused as refused:
        assert str(refused).strip() and "\n" not in str(refused).strip()
        assert _counts(database) == before
        return
    assert _counts(database)[0] - before[0] == len(report.added)
    for issue in report.refused:
        assert issue.message and "\n" not in issue.message
        assert str(issue.where).strip(), "says which line or event"


def _import_squad(database: Database, path: Path) -> None:
    before = _counts(database)
    try:
        report = apply_squad(database, read_squad_file(path), club="Real Madrid", season=None,
                             as_of=dt.date(2025, 5, 2), by="fuzz")
    except ImportRefused as refused:
        assert str(refused).strip() and "\n" not in str(refused).strip()
        assert _counts(database) == before
        return
    for line, message in report.refused:
        assert line >= 1 and message and "\n" not in message


@pytest.fixture
def fresh(tmp_path_factory: pytest.TempPathFactory, _empty_template: Path):
    """Makes a new database (a copied file) per example."""
    opened: list[Database] = []

    def make() -> tuple[Database, Path]:
        folder = tmp_path_factory.mktemp("hostile")
        shutil.copyfile(_empty_template, folder / "t.sqlite")
        opened.append(open_database(folder / "t.sqlite"))
        return opened[-1], folder

    yield make
    for database in opened:
        database.close()


@pytest.mark.parametrize("text", [
    "[" * 5000 + "]" * 5000,
    '{"matches": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}",
    '{"name": "x", "matches": [' + "[" * 100_000 + "]" * 100_000 + "]}",
    '{"name": "x", "matches": [{"team1": ' + "[" * 2000,  # deep and cut off
])
def test_json_nested_thousands_deep_is_refused_by_name(fresh, text: str) -> None:
    database, folder = fresh()
    path = folder / "league.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match="league.json"):
        plan_fixture_import(database, path, club="Real Madrid CF")
    assert _counts(database) == (0, 0)


_FOLDS = st.sampled_from([" ", "\t", "  ", " \r\n", "\r\n ", "\n ", "\r\n\t\r\n ", ""])


@SETTINGS
@given(data=st.data(), cuts=st.lists(st.integers(0, 10_000), max_size=6),
       newline=st.sampled_from(["\r\n", "\n", "\r"]))
def test_calendars_with_broken_line_folding(fresh, data: st.DataObject, cuts: list[int], newline: str) -> None:
    """Folds inserted anywhere: mid-name, mid-value, inside a UTF-8 character's bytes, at the top."""
    database, folder = fresh()
    raw = GOOD_ICS.encode("utf-8")
    for cut in sorted({c % (len(raw) + 1) for c in cuts}, reverse=True):
        raw = raw[:cut] + (newline + data.draw(_FOLDS)).encode() + raw[cut:]
    path = folder / "fixtures.ics"
    path.write_bytes(raw)
    _import_fixtures(database, path)


@SETTINGS
@given(which=st.sampled_from(["csv", "ics", "json", "squad"]), cut=st.integers(0, 10_000),
       flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4))
def test_good_files_truncated_or_mutated_at_random(fresh, which: str, cut: int, flips: list[tuple[int, int]]) -> None:
    database, folder = fresh()
    text = {"csv": GOOD_CSV, "ics": GOOD_ICS, "json": GOOD_JSON, "squad": GOOD_SQUAD}[which]
    raw = bytearray(text.encode("utf-8")[: cut % (len(text.encode("utf-8")) + 1)] if cut < 5000 else text.encode("utf-8"))
    for at, value in flips:
        if raw:
            raw[at % len(raw)] = value
    path = folder / ("squad.csv" if which == "squad" else f"fixtures.{which}")
    path.write_bytes(bytes(raw))
    (_import_squad if which == "squad" else _import_fixtures)(database, path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis", "cp037"])
@pytest.mark.parametrize("which", ["csv", "ics", "squad"])
def test_wrong_encodings(fresh, encoding: str, which: str) -> None:
    database, folder = fresh()
    text = {"csv": GOOD_CSV, "ics": GOOD_ICS, "squad": GOOD_SQUAD}[which]
    path = folder / ("squad.csv" if which == "squad" else f"fixtures.{which}")
    path.write_bytes(text.encode(encoding, errors="replace"))
    (_import_squad if which == "squad" else _import_fixtures)(database, path)


@pytest.mark.parametrize("which", ["csv", "ics", "json", "squad"])
def test_huge_fields_are_refused_on_their_line(fresh, which: str) -> None:
    database, folder = fresh()
    huge = "x" * 3_000_000
    text = {"csv": f"date,opponent,home/away\n2025-05-04,{huge},home\n",
            "ics": calendar_text({"UID": "a@x", "SUMMARY": f"Real Madrid CF - {huge}", "DTSTART": "20250504T190000Z"}),
            "json": f'{{"name": "x", "matches": [{{"date": "2025-05-04", "team1": "{huge}", "team2": "Celta"}}]}}',
            "squad": f"name,number\n{huge},5\nJude Bellingham,5\n"}[which]
    path = folder / ("squad.csv" if which == "squad" else f"fixtures.{which}")
    path.write_text(text, encoding="utf-8")
    (_import_squad if which == "squad" else _import_fixtures)(database, path)
    assert _counts(database)[0] == 0


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@SETTINGS
@given(cut=st.one_of(st.none(), st.integers(0, 400_000)),
       flips=st.lists(st.tuples(st.integers(0, 400_000), st.binary(min_size=1, max_size=64)), max_size=5),
       header=st.booleans())
def test_the_opener_fed_mutated_databases_only_refuses(tmp_path_factory: pytest.TempPathFactory,
                                                       _empty_template: Path, cut: int | None,
                                                       flips: list[tuple[int, bytes]], header: bool) -> None:
    """A copy of a good file, cut short and overwritten in places: DatabaseRefused with the file
    untouched, or it opens (the damage fell where nothing lives) and reads."""
    folder = tmp_path_factory.mktemp("opener")
    path = folder / "club.sqlite"
    raw = bytearray(_empty_template.read_bytes())
    if cut is not None:
        raw = raw[: cut % (len(raw) + 1)]
    for at, junk in flips:
        start = at % max(len(raw), 1) if header else 100 + at % max(len(raw) - 100, 1)
        raw[start:start + len(junk)] = junk
    path.write_bytes(bytes(raw))
    before = _sha(path)
    try:
        database = open_database(path, create=False)
    except DatabaseRefused as refused:
        assert str(refused).strip() and "\n" not in str(refused).strip()
        assert _sha(path) == before
        assert sorted(p.name for p in folder.iterdir()) == ["club.sqlite"]
        return
    try:
        _counts(database)
    except Exception as error:  # opened, then a damaged page met while reading: a database error, not a crash
        assert type(error).__module__.startswith(("sqlalchemy", "sqlite3")), error
    finally:
        database.close()


@SETTINGS
@given(data=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"SQLite format 3\x00", b"\x00" * 100]))
def test_the_opener_fed_random_bytes_only_refuses(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                                  prefix: bytes) -> None:
    folder = tmp_path_factory.mktemp("opener")
    path = folder / "club.sqlite"
    path.write_bytes(prefix + data)
    if not (prefix + data):
        return  # an empty file is a new database by design
    before = _sha(path)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    assert _sha(path) == before and sorted(p.name for p in folder.iterdir()) == ["club.sqlite"]
