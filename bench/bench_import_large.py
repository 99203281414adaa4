"""A 100,000-row squad CSV through `dugout import squad`: wall time and peak memory, fresh and again.

    python bench/bench_import_large.py [ROWS]

Each import runs as its own process (the command a user types), so the peak resident memory is
that process's alone. The second run re-imports the same file into the same database (every row
found and compared, none written).
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSITIONS = ["GK", "CB", "LB", "RB", "DM", "CM", "AM", "LW", "RW", "ST"]


def write_squad(path: Path, rows: int) -> None:
    """A squad list with every column the importer reads, names with accents, money with separators."""
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        out.write("name,number,position,dob,nationality,foot,height,contract_end,wage,value\n")
        for i in range(rows):
            shirt = (i % 99) + 1 if i < 99 else ""
            born = f"{rng.randint(1985, 2006)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(f"Jugador Número {i},{shirt},{rng.choice(POSITIONS)},{born},ESP,right,{rng.randint(165, 200)},"
                      f"2027-06-30,\"{rng.randint(1, 99)}.000.000\",{rng.randint(1, 50)}000000\n")


def run(database: Path, squad: Path) -> tuple[float, float, str]:
    """One import as a child process: (seconds, peak MiB of that child, first output line)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(database), "--as-of", "2025-05-02", "import", "squad",
         str(squad), "--club", "Big Club", "--season", "2024/25"],
        cwd=ROOT, env={**os.environ, "DUGOUT_DATA_DIR": str(database.parent)}, capture_output=True, text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return seconds, peak, result.stdout.splitlines()[0]


def main() -> None:
    """Write the file, import it twice, print the figures."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        squad, database = Path(folder) / "squad.csv", Path(folder) / "club.sqlite"
        write_squad(squad, rows)
        size = squad.stat().st_size / 2**20
        for label in ("new database", "re-import"):
            seconds, peak, summary = run(database, squad)
            print(f"{rows:,} rows ({size:.1f} MiB), {label}: {seconds:.1f} s, peak {peak:.0f} MiB — {summary}")


if __name__ == "__main__":
    main()
