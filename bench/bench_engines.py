"""SQLite against PostgreSQL, side by side: the squad import, and two writers editing shared rows.

Run: bash packaging/scratch_postgres.sh .venv/bin/python bench/bench_engines.py
(the wrapper starts a throw-away server and names it in $DUGOUT_TEST_PG_URL; without one only
SQLite is measured).

- import: all 20 openfootball 2023/24 squads (709 players) into a new database, median of 3 runs.
- two writers: two processes make 1,000 edits each on the same 10 squad entries, the way the app
  edits: read the row and its version in one transaction, save ``minutes_played + 1`` with
  ``UPDATE … WHERE version = :seen`` in the next. A stale save is refused (StaleEdit) and counted.
  Afterwards each row's minutes must equal the saves that reported success on it: any
  difference is a lost update.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import queue
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from db.errors import StaleEdit  # noqa: E402
from db.importers.squad import apply_squad  # noqa: E402
from db.importers.squad_files import read_squad_file  # noqa: E402
from db.opening import open_database  # noqa: E402
from db.squad.models import SquadMembership  # noqa: E402
from db.squad.writes import update_membership  # noqa: E402

SQUADS = ROOT / "tests" / "data" / "openfootball" / "espana-2023-24-squads"
AS_OF = dt.date(2024, 1, 15)
RUNS = 3
EDITS = 1000
SHARED_ROWS = 10

Fresh = Callable[[], AbstractContextManager[str]]  # makes a new empty database, gives its path or URL


@contextmanager
def fresh_sqlite() -> Iterator[str]:
    """A path for a new SQLite database in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        yield str(Path(folder) / "bench.sqlite")


def pg_maker(admin_url: str) -> Fresh:
    """Fresh empty databases on the server at ``admin_url`` (dropped after use)."""
    import itertools

    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    numbers = itertools.count(1)

    @contextmanager
    def fresh() -> Iterator[str]:
        name = f"dugout_bench_{os.getpid()}_{next(numbers)}"
        conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
            try:
                yield admin.set(database=name).render_as_string(hide_password=False)
            finally:
                connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

    return fresh


def time_import(fresh: Fresh) -> tuple[float, int]:
    """Median seconds to import every squad into a new database, and the players added."""
    files = sorted(SQUADS.glob("*.txt"))
    parsed = [read_squad_file(path) for path in files]
    times, added = [], 0
    for _ in range(RUNS):
        with fresh() as target:
            database = open_database(target)
            try:
                started = time.perf_counter()
                added = sum(len(apply_squad(database, squad, club=None, season=None, as_of=AS_OF).added)
                            for squad in parsed)
                times.append(time.perf_counter() - started)
            finally:
                database.close()
    return statistics.median(times), added


def writer(target: str, ids: list[int], seed: int, start: Any, results: Any) -> None:
    """One user: EDITS read-then-save edits on random shared rows; report saves per row and refusals."""
    database = open_database(target)
    rng = random.Random(seed)
    saved = {row_id: 0 for row_id in ids}
    stale = 0
    start.wait()
    began = time.perf_counter()
    for _ in range(EDITS):
        row_id = rng.choice(ids)
        with database.reading() as session:
            row = session.get(SquadMembership, row_id)
            assert row is not None
            seen_version, seen_value = row.version, row.minutes_played or 0
        try:
            update_membership(database, row_id, seen_version, {"minutes_played": seen_value + 1}, by=f"writer{seed}")
            saved[row_id] += 1
        except StaleEdit:
            stale += 1
    seconds = time.perf_counter() - began
    database.close()
    results.put(json.dumps({"saved": saved, "stale": stale, "seconds": seconds}))


def two_writers(fresh: Fresh) -> dict[str, float]:
    """Two processes editing the same rows at once: wall time, saves/s, refusals, lost updates."""
    with fresh() as target:
        database = open_database(target)
        apply_squad(database, read_squad_file(SQUADS / "real_madrid.txt"), club=None, season=None, as_of=AS_OF)
        with database.reading() as session:
            ids = sorted(m.id for m in session.exec(select(SquadMembership).limit(SHARED_ROWS)) if m.id is not None)
        database.close()
        context = multiprocessing.get_context("spawn")
        start, results = context.Event(), context.Queue()
        processes = [context.Process(target=writer, args=(target, ids, seed, start, results)) for seed in (1, 2)]
        for process in processes:
            process.start()
        time.sleep(1.0)  # both have imported and connected
        began = time.perf_counter()
        start.set()
        reports: list[dict[str, Any]] = []
        while len(reports) < len(processes):
            try:
                reports.append(json.loads(results.get(timeout=1)))
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in processes):
                    raise SystemExit("a writer failed (see above)") from None
        wall = time.perf_counter() - began
        for process in processes:
            process.join()
        database = open_database(target)
        with database.reading() as session:
            stored = {m.id: (m.minutes_played or 0, m.version) for m in session.exec(select(SquadMembership))
                      if m.id in ids}
        database.close()
    saved = {row_id: sum(r["saved"][str(row_id)] for r in reports) for row_id in ids}
    lost = sum(saved[row_id] - stored[row_id][0] for row_id in ids)
    wrong_versions = sum(stored[row_id][1] != 1 + saved[row_id] for row_id in ids)
    total_saved = sum(saved.values())
    return {"wall": wall, "saved": total_saved, "stale": sum(r["stale"] for r in reports),
            "per_second": total_saved / wall, "edits_per_second": 2 * EDITS / wall,
            "lost": lost, "wrong_versions": wrong_versions}


def main() -> None:
    """Measure each engine available and print the figures side by side."""
    engines: dict[str, Fresh] = {"SQLite": fresh_sqlite}
    pg_url = os.environ.get("DUGOUT_TEST_PG_URL")
    if pg_url:
        import psycopg

        with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as connection:
            version = str(connection.execute("SHOW server_version").fetchone()[0]).split()[0]  # type: ignore[index]
        engines[f"PostgreSQL {version}"] = pg_maker(pg_url)
    else:
        print("(no $DUGOUT_TEST_PG_URL: SQLite only; run through packaging/scratch_postgres.sh)")
    figures: dict[str, list[str]] = {}
    for name, fresh in engines.items():
        seconds, added = time_import(fresh)
        contest = two_writers(fresh)
        figures[name] = [
            f"{seconds:.2f} s ({added / seconds:.0f} players/s)",
            f"{contest['wall']:.2f} s",
            f"{contest['edits_per_second']:.0f} edits/s",
            f"{contest['saved']:.0f} ({contest['per_second']:.0f}/s)",
            f"{contest['stale']:.0f}",
            f"{contest['lost']:.0f}" + (f" ({contest['wrong_versions']:.0f} rows off)" if contest["wrong_versions"] else ""),
        ]
    labels = [
        f"import 20 squads (709 players), median of {RUNS}",
        f"two writers × {EDITS:,} edits on {SHARED_ROWS} shared rows: wall time",
        "  edits tried",
        "  edits saved",
        "  refused as stale (StaleEdit)",
        "  lost updates",
    ]
    width = max(len(label) for label in labels) + 2
    columns = [max(len(name), *(len(v) for v in values)) + 2 for name, values in figures.items()]
    print("".ljust(width) + "".join(name.ljust(c) for name, c in zip(figures, columns, strict=True)))
    for i, label in enumerate(labels):
        print(label.ljust(width) + "".join(values[i].ljust(c) for values, c in zip(figures.values(), columns, strict=True)))


if __name__ == "__main__":
    main()
