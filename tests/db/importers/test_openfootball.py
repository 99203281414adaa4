"""The openfootball league reader the demo uses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.demo import DEMO_DIR
from db.errors import ImportRefused
from db.importers.openfootball import read_league_file


def test_the_laliga_file_reads_into_matches() -> None:
    league = read_league_file(DEMO_DIR / "openfootball" / "2024-25_es.1.json")
    assert (league.code, league.season, len(league.matches)) == ("es.1", "2024-25", 380)
    assert len(league.teams) == 20
    celta = next(m for m in league.matches if m.home == "Real Madrid CF" and m.away == "RC Celta de Vigo")
    assert celta.day == dt.date(2025, 5, 4)


@pytest.mark.parametrize("content", ["not json", '{"matches": [{"team1": "A"}]}', '{"name": "x"}',
                                     '{"matches": [{"team1": "A", "team2": "B", "date": "2025-13-01"}]}',
                                     '{"matches": [{"team1": "A", "team2": "B", "date": "2025-01-01", '
                                     '"score": {"ft": [1]}}]}'])
def test_a_file_of_another_shape_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "2024-25_xx.1.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match="Cannot read the league file"):
        read_league_file(path)
