"""The crash harness in short (20 kills, a few seconds): kill -9 during random writes loses no
acknowledged edit and leaves the file sound. ``bench/crash_harness.py COUNT`` runs the long one."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("crash_harness", ROOT / "bench" / "crash_harness.py")
assert _SPEC is not None and _SPEC.loader is not None
crash_harness = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(crash_harness)

pytestmark = pytest.mark.sqlite_only
KILLS = int(os.environ.get("DUGOUT_CRASH_KILLS", "20"))


def test_twenty_kills_during_random_writes_lose_no_acknowledged_edit(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "bench/crash_harness.py", str(KILLS), "--seed", "7",
                             "--keep", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "DUGOUT_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stdout + result.stderr
    figures = dict(part.rsplit(" ", 1) for part in result.stdout.split(":", 1)[1].split(",")[:-1])
    figures = {key.strip(): int(value) for key, value in figures.items()}
    assert figures["kills"] == figures["kills during writes"] == KILLS
    assert figures["children that died of their own error"] == 0
    assert figures["lost edits"] == 0 and figures["integrity failures"] == 0
    assert figures["acknowledged edits"] > KILLS, "the children got real work done before each kill"
    acknowledged, missing = crash_harness.lost_edits(tmp_path / "crash.sqlite", tmp_path / "acknowledged.log")
    assert acknowledged == figures["acknowledged edits"] and missing == []


def test_the_harness_notices_a_lost_edit(tmp_path: Path) -> None:
    """It is not a test that cannot fail: an acknowledged edit the file lacks is counted."""
    crash_harness.set_up(tmp_path / "crash.sqlite")
    log = tmp_path / "acknowledged.log"
    log.write_text("player\t1\tBase Player 1\nplayer\t999\tNobody\nmembership\t1\t99\ninjury\t1\t1-1\n", encoding="utf-8")
    acknowledged, missing = crash_harness.lost_edits(tmp_path / "crash.sqlite", log)
    assert acknowledged == 4 and [m.split("\t")[0] for m in missing] == ["player", "membership", "injury"]


def _fails_at_once(_path: Path, _log: Path, _seed: int, _editing: object = None) -> None:
    raise SystemExit(3)  # a child that dies of its own error before any write


def test_a_child_that_dies_of_its_own_error_is_not_counted_as_a_kill(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash_harness, "edit_forever", _fails_at_once)
    figures = crash_harness.run(2, 7, tmp_path, min_wait=0.01, max_wait=0.02)
    assert (figures["kills"], figures["during_writes"], figures["own_errors"]) == (0, 0, 2)
