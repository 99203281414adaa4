"""Squad files built to break the importer: broken quotes, hidden line breaks, invisible names,
absurd numbers and seasons, and random input. Only the importer's own error escapes, and a
refused import leaves the database exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from db.engine import Database
from db.errors import ImportRefused
from db.importers.squad import apply_squad
from db.importers.squad_files import RefusedLine, SquadRow, read_squad_file
from db.opening import open_database
from db.squad.models import Player, SquadMembership

AS_OF = dt.date(2024, 1, 15)
FUZZ_EXAMPLES = int(os.environ.get("DUGOUT_FUZZ_EXAMPLES", "60"))


@pytest.fixture
def db(database: Database) -> Database:
    """A fresh database on either engine."""
    return database


def _write(tmp_path: Path, text: str, name: str = "squad.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _import(database: Database, path: Path, club: str | None = "Real Madrid", season: str | None = None):
    return apply_squad(database, read_squad_file(path), club=club, season=season, as_of=AS_OF, by="test")


def _players(database: Database) -> list[str]:
    with database.reading() as session:
        return sorted(session.exec(select(Player.name)).all())


def _lines(path: Path) -> tuple[list[SquadRow], list[RefusedLine]]:
    items = list(read_squad_file(path).lines())
    return [i for i in items if isinstance(i, SquadRow)], [i for i in items if isinstance(i, RefusedLine)]


def test_a_quote_left_open_is_refused_with_its_line_not_swallowing_the_rest(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, 'name,number\nJude Bellingham,5\n"Luka Modric,10\nVinicius Junior,7\nRodrygo,11\n')
    report = _import(db, path)
    assert report.added == ["Jude Bellingham", "Vinicius Junior", "Rodrygo"]
    assert report.refused == [(3, "Line 3 has a quote that is not closed on that line")]


def test_a_quote_closed_lines_later_refuses_each_broken_line(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, 'name,number\n"Luka Modric,10\nVinicius" Junior,7\nRodrygo,11\n')
    rows, refused = _lines(path)
    assert [r.values["name"] for r in rows] == ["Rodrygo"]
    assert [(r.line, r.message) for r in refused] == [
        (2, "Line 2 has a quote that is not closed on that line"),
        (3, "Line 3 has a quote that is not closed on that line")]


def test_a_line_break_inside_a_quoted_cell_does_not_vanish(tmp_path: Path) -> None:
    path = _write(tmp_path, 'name,number\n"Luka\nModric",10\nRodrygo,11\n')
    rows, refused = _lines(path)
    assert [r.values["name"] for r in rows] == ["Rodrygo"] and [r.line for r in refused] == [2, 3]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c"])
def test_line_separators_inside_a_cell_do_not_split_the_row(db: Database, tmp_path: Path, separator: str) -> None:
    path = _write(tmp_path, f"name,number\nLuka{separator}Modric,10\nRodrygo,11\n")
    report = _import(db, path)
    assert report.added == ["Rodrygo"]
    assert report.refused_fields == {2: "name"} and "one line" in report.refused[0][1]
    assert len(report.added) + len(report.refused) == 2  # every data line accounted for


def test_every_line_is_accounted_for(db: Database, tmp_path: Path) -> None:
    lines = [f"Player {i},{i}" for i in range(1, 60)]
    lines[10] = '"Broken quote,11'
    lines[20] = "Bad\u2028Name,21"
    path = _write(tmp_path, "name,number\n" + "\n".join(lines) + "\n")
    report = _import(db, path)
    assert len(report.added) + len(report.refused) == len(lines)
    assert [line for line, _ in report.refused] == [12, 22]


def test_names_of_invisible_characters_only_are_refused(db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "name,number\n\u200b\u200b,3\n\ufeff,4\n\u202e,5\nRodrygo,11\n")
    report = _import(db, path)
    assert report.added == ["Rodrygo"]
    assert report.refused_fields == {2: "name", 3: "name", 4: "name"}


def test_hidden_characters_neither_make_a_second_player_nor_get_stored(db: Database, tmp_path: Path) -> None:
    _import(db, _write(tmp_path, "name,number\nThibaut Courtois,1\n"))
    report = _import(db, _write(tmp_path, "name,number\nThibaut\u200b Courtois,1\nLuka\u202eModric\ufeff,10\n"))
    assert report.unchanged == ["Thibaut Courtois"] and report.added == ["LukaModric"]
    assert _players(db) == ["LukaModric", "Thibaut Courtois"]


def test_names_are_stored_composed(db: Database, tmp_path: Path) -> None:
    _import(db, _write(tmp_path, "name,number\nLuka Modric\u0301,10\n"))  # c + combining acute
    assert _players(db) == ["Luka Modrić"]


def test_a_shirt_number_of_thousands_of_digits_is_refused_on_its_line(db: Database, tmp_path: Path) -> None:
    text = "= Real Madrid - LaLiga 2023/24\n\n" + "9" * 5000 + ", Somebody, MF\n 10, Luka Modric, MF\n"
    report = _import(db, _write(tmp_path, text, "squad.txt"), club=None)
    assert report.added == ["Luka Modric"]
    assert report.refused_fields == {3: "shirt_number"} and "far too large" in report.refused[0][1]


@pytest.mark.parametrize("season", ["0999/00", "0000/01", "1899/00"])
def test_a_season_before_1900_is_refused_by_name(db: Database, tmp_path: Path, season: str) -> None:
    with pytest.raises(ImportRefused, match="Season"):
        _import(db, _write(tmp_path, "name\nRodrygo\n"), season=season)
    assert _players(db) == []


def test_seasons_across_a_century(db: Database, tmp_path: Path) -> None:
    assert _import(db, _write(tmp_path, "name\nRodrygo\n"), season="1999/00").season_label == "1999/00"
    assert _import(db, _write(tmp_path, "name\nRodrygo\n"), season="2099/00").season_label == "2099/00"


def _counts(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return (session.exec(select(func.count()).select_from(Player)).one(),
                session.exec(select(func.count()).select_from(SquadMembership)).one())


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_CELLS = st.one_of(
    _TEXT,
    st.sampled_from(['"', '""', "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\n", "\ufeff", "\u202e",
                     "9" * 5000, "-1", "31/02/2000", "1999/00", "0999/00", "1.234.567,50", "€", "b. 1999"]),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(["name", "number", "dob", "wage", "position", "foot", "height", "year",
                                        "contract", "x", ""]), min_size=1, max_size=6),
       rows=st.lists(st.lists(_CELLS, max_size=6), max_size=8),
       delimiter=st.sampled_from([",", ";", "\t", "|"]),
       quote_mode=st.booleans())
def test_random_csv_only_ever_raises_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory, header,
                                                              rows, delimiter, quote_mode) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(folder / "t.sqlite")
    try:
        def cell(text: str) -> str:
            return '"' + text.replace('"', '""') + '"' if quote_mode else text

        text = delimiter.join(header) + "\n" + "\n".join(delimiter.join(cell(c) for c in row) for row in rows)
        path = folder / "squad.csv"
        path.write_text(text, encoding="utf-8", newline="")
        _fuzz_once(database, path)
    finally:
        database.close()


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(data=st.binary(max_size=400), as_openfootball=st.booleans())
def test_random_bytes_only_ever_raise_the_importers_own_error(tmp_path_factory: pytest.TempPathFactory,
                                                               data: bytes, as_openfootball: bool) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(folder / "t.sqlite")
    try:
        path = folder / "squad.txt"
        prefix = b"= Real Madrid - LaLiga 2023/24\n 1, " if as_openfootball else b""
        path.write_bytes(prefix + data)
        _fuzz_once(database, path)
    finally:
        database.close()


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(lines=st.lists(st.tuples(st.one_of(st.integers(0, 10**6).map(str), _TEXT), _TEXT,
                                st.sampled_from(["GK", "DF", "MF", "FW", "XX", ""]),
                                st.one_of(st.just(""), _TEXT, st.integers(0, 3000).map(lambda y: f"b. {y}"))),
                      max_size=8),
       title=st.one_of(_TEXT, st.sampled_from(["Real Madrid - LaLiga 2023/24", "X - Y 1999/00", "Z - W 0999/00"])))
def test_random_openfootball_lists_only_ever_raise_the_importers_own_error(
        tmp_path_factory: pytest.TempPathFactory, lines, title) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(folder / "t.sqlite")
    try:
        path = folder / "squad.txt"
        body = "\n".join(", ".join(parts) for parts in lines)
        path.write_text(f"= {title}\n{body}\n", encoding="utf-8", newline="")
        _fuzz_once(database, path)
    finally:
        database.close()


def _fuzz_once(database: Database, path: Path) -> None:
    """Import ``path``: a report, or ImportRefused with the database unchanged; nothing else."""
    before = _counts(database)
    try:
        report = apply_squad(database, read_squad_file(path), club="Fuzz FC", season=None, as_of=AS_OF, by="fuzz")
    except ImportRefused:
        assert _counts(database) == before
        return
    assert _counts(database)[1] - before[1] == len(report.added)
    for _line, message in report.refused:
        assert "\n" not in message
