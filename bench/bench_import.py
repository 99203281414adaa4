"""Time importing all 20 openfootball 2023/24 squads into a fresh database; prints seconds and players/s."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.importers.squad import apply_squad  # noqa: E402
from db.importers.squad_files import read_squad_file  # noqa: E402
from db.opening import open_database  # noqa: E402

SQUADS = ROOT / "tests" / "data" / "openfootball" / "espana-2023-24-squads"
AS_OF = dt.date(2024, 1, 15)


def main() -> None:
    """Import every squad once into a new database and report the time taken."""
    files = sorted(SQUADS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite")
        try:
            started = time.perf_counter()
            added = 0
            for path in files:
                report = apply_squad(database, read_squad_file(path), club=None, season=None, as_of=AS_OF)
                added += len(report.added)
            seconds = time.perf_counter() - started
        finally:
            database.close()
    print(f"{len(files)} squads, {added} players in {seconds:.3f} s ({added / seconds:.0f} players/s)")


if __name__ == "__main__":
    main()
