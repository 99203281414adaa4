"""Every CSV export Dugout offers (fixtures, availability) is safe from formula injection: a cell
starting with =, +, -, @, a tab, CR or LF gets a leading apostrophe; and the fixtures CSV reads
back through its import into the same fixtures, whatever the names."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.calendar.exports import export_fixtures
from db.calendar.writes import create_fixture
from db.engine import Database
from db.errors import ValidationError
from db.exports import csv_text, safe_cell
from db.importers.fixtures import plan_fixture_import
from db.medical.report import availability_report
from db.opening import open_database
from db.reference.queries import OUR_CLUB
from db.reference.writes import ensure_club, ensure_competition, ensure_season, set_setting
from tests.helpers import AS_OF, add_player, build_squad

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PREFIX = st.sampled_from(DANGEROUS)
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@given(st.lists(st.lists(st.one_of(_TEXT, st.builds(lambda p, t: p + t, _PREFIX, _TEXT), st.none(),
                                   st.integers()), min_size=1, max_size=4), max_size=5))
def test_no_cell_of_an_export_starts_a_formula_and_each_reads_back(rows: list[list[object]]) -> None:
    width = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (width - len(r)) for r in rows]
    parsed = _cells(csv_text([f"h{i}" for i in range(width)], rows))
    assert len(parsed) == len(rows) + 1
    for cells, row in zip(parsed[1:], rows, strict=True):
        for cell, value in zip(cells, row, strict=True):
            assert not cell.startswith(DANGEROUS)
            original = "" if value is None else str(value)
            assert cell == (("'" + original) if original.startswith(DANGEROUS) else original)


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_each_dangerous_start_is_neutralised(prefix: str) -> None:
    assert safe_cell(prefix + "1+1") == "'" + prefix + "1+1"
    assert safe_cell("1" + prefix) == "1" + prefix


def test_the_availability_csv_neutralises_player_names(database: Database) -> None:
    club_season = build_squad(database)
    add_player(database, club_season, '=HYPERLINK("http://x","y")', 30)
    add_player(database, club_season, "@SUM(A1)", 31)
    add_player(database, club_season, "+34 600", 32)
    text = availability_report(database, as_of=AS_OF, day="2025-05-04", competition=None, as_csv=True)
    names = [row[0] for row in _cells(text)[1:]]
    assert {"'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)", "'+34 600"} <= set(names)
    assert not any(cell.startswith(DANGEROUS) for row in _cells(text) for cell in row)


@pytest.mark.sqlite_only  # each example needs two databases of its own: copied files
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(opponent=st.builds(lambda p, t: p + t, _PREFIX, _TEXT), venue=st.builds(lambda p, t: p + t, _PREFIX, _TEXT),
       round_=st.builds(lambda p, t: p + t, _PREFIX, _TEXT))
def test_the_fixtures_csv_is_safe_and_round_trips_whatever_the_names(tmp_path_factory: pytest.TempPathFactory,
                                                                     _empty_template: Path, opponent: str,
                                                                     venue: str, round_: str) -> None:
    import shutil

    folder = tmp_path_factory.mktemp("export")
    shutil.copyfile(_empty_template, folder / "a.sqlite")
    shutil.copyfile(_empty_template, folder / "b.sqlite")
    source, copy = open_database(folder / "a.sqlite"), open_database(folder / "b.sqlite")
    try:
        try:
            with source.transaction() as session:
                ours = ensure_club(session, "Real Madrid CF")
                other = ensure_club(session, opponent)
                set_setting(session, OUR_CLUB, str(ours.id))
                create_fixture(session, season_id=ensure_season(session, "2024/25").id,
                               competition_id=ensure_competition(session, "LaLiga").id, club_id=ours.id,
                               opponent_id=other.id, venue_side="away", venue=venue,
                               kickoff_local=dt.datetime(2025, 5, 4, 18), timezone="UTC", round=round_, by="t")
        except ValidationError:
            return  # a name the app itself refuses (a line break inside, blank) is never exported
        export_fixtures(source, folder / "ours.csv")
        text = (folder / "ours.csv").read_text(encoding="utf-8")
        assert not any(cell.startswith(DANGEROUS) for row in _cells(text) for cell in row)
        assert plan_fixture_import(source, folder / "ours.csv").unchanged, "reads back as the same match"
        plan = plan_fixture_import(copy, folder / "ours.csv", club="Real Madrid CF")
        assert len(plan.added) == 1 and not plan.refused
    finally:
        source.close()
        copy.close()
