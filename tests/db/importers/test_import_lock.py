"""A big import never holds the write lock long enough to refuse another user's edit."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.errors import StaleEdit
from db.opening import open_database
from db.squad.writes import update_player
from tests.helpers import AS_OF, add_player, build_squad

ROOT = Path(__file__).resolve().parents[3]
ROWS = 100_000
pytestmark = pytest.mark.sqlite_only  # SQLite's one write lock (a server locks rows, not the file)


def test_edits_go_through_while_100k_rows_are_imported(tmp_path: Path) -> None:
    path = tmp_path / "club.sqlite"
    database = open_database(path)
    club_season = build_squad(database)
    player_id, _membership = add_player(database, club_season, "Edited Every Tenth Of A Second", 40)
    squad = tmp_path / "big.csv"
    with squad.open("w", encoding="utf-8") as out:
        out.write("name,number,position,dob,wage\n")
        for i in range(ROWS):
            out.write(f"Imported Player {i},,CM,1999-01-{i % 28 + 1:02d},{i % 900 + 100}000\n")
    importer = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(path), "--as-of", AS_OF.isoformat(), "import", "squad",
         str(squad), "--club", "Real Madrid CF"],
        cwd=ROOT, env={**os.environ, "DUGOUT_DATA_DIR": str(tmp_path / "data")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    version, edits, refused, slowest = 1, 0, [], 0.0
    try:
        while importer.poll() is None:
            started = time.perf_counter()
            try:
                version = update_player(database, player_id, version, {"height_cm": 170 + edits % 30}, as_of=AS_OF)
                edits += 1
            except (StaleEdit, Exception) as error:  # noqa: BLE001 - any refusal is what this test counts
                refused.append(repr(error))
            slowest = max(slowest, time.perf_counter() - started)
            time.sleep(0.1)
        out, err = importer.communicate(timeout=60)
    finally:
        if importer.poll() is None:
            importer.kill()
        database.close()
    assert importer.returncode == 0, err
    assert out.startswith(f"Added {ROWS}, updated 0, unchanged 0, refused 0")
    assert refused == []
    assert edits > 10  # the import took long enough for the editor to really run beside it
    print(f"{edits} edits beside the import, none refused; slowest edit {slowest:.2f} s")
