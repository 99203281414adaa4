"""``dugout import fixtures`` and ``dugout export fixtures``, run as the user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.demo import DEMO_DIR
from tests.helpers import run_dugout

LEAGUES = DEMO_DIR / "openfootball"
DATA = Path(__file__).resolve().parents[1] / "data" / "openfootball"


@pytest.mark.parametrize(("path", "club", "count"), [
    (LEAGUES / "2024-25_es.1.json", "Real Madrid", 380), (LEAGUES / "2025-26_es.1.json", "Real Madrid CF", 380),
    (LEAGUES / "2024-25_uefa.cl.json", "Real Madrid CF", 189), (DATA / "2024-25_en.1.json", "Arsenal", 380),
])
def test_every_real_league_file_imports_into_a_new_database(blank_target: str, path: Path, club: str,
                                                            count: int) -> None:
    first = run_dugout(blank_target, "import", "fixtures", str(path), "--club", club)
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.splitlines()[0] == f"Added {count}, updated 0, unchanged 0, skipped 0, refused 0"
    again = run_dugout(blank_target, "import", "fixtures", str(path))
    assert again.stdout.splitlines()[0] == f"Added 0, updated 0, unchanged {count}, skipped 0, refused 0"


def test_a_new_database_without_a_club_is_refused_in_one_line(blank_target: str, db_engine: str, tmp_path: Path) -> None:
    result = run_dugout(blank_target, "import", "fixtures", str(LEAGUES / "2024-25_es.1.json"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("dugout: No club to import for") and "Real Madrid CF" in result.stderr
    if db_engine == "sqlite":
        assert not Path(blank_target).exists(), "a failed command leaves no database it created"


@pytest.mark.parametrize("content", ["\x00\x01binary", "date,opponent\n2025-05-04,Getafe\n", "BEGIN:VCALENDAR\nEND:VCALENDAR\n"])
def test_a_file_that_is_not_a_fixture_file_is_one_line_and_status_1(demo_target: str, tmp_path: Path,
                                                                    content: str) -> None:
    path = tmp_path / ("bad.ics" if content.startswith("BEGIN") else "bad.csv")
    path.write_text(content, encoding="utf-8")
    result = run_dugout(demo_target, "import", "fixtures", str(path))
    assert result.returncode == 1 and result.stderr.startswith("dugout: ") and result.stderr.count("\n") == 1


def test_export_then_import_again_changes_nothing(demo_target: str, tmp_path: Path) -> None:
    for name in ("ours.ics", "ours.csv"):
        exported = run_dugout(demo_target, "export", "fixtures", str(tmp_path / name))
        assert (exported.returncode, exported.stdout.strip()) == (0, f"63 fixtures written to {tmp_path / name}")
        again = run_dugout(demo_target, "import", "fixtures", str(tmp_path / name))
        assert again.stdout.splitlines() == ["Added 0, updated 0, unchanged 63, skipped 0, refused 0"]
    season = run_dugout(demo_target, "export", "fixtures", str(tmp_path / "next.csv"), "--season", "2025-26")
    assert season.stdout.startswith("0 fixtures written")
    wrong = run_dugout(demo_target, "export", "fixtures", str(tmp_path / "ours.pdf"))
    assert wrong.returncode == 1 and "a .ics or a .csv" in wrong.stderr
