"""Two writers on one file are normal: a write that meets "database is locked" is retried with
backoff, two processes × 1,000 edits see no "locked" error and lose no update, and a stale edit
is refused (StaleEdit), never written over. ``DUGOUT_TWO_WRITER_EDITS`` sets the edits per process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from db.engine import Database
from db.reference.queries import get_setting
from db.reference.writes import set_setting
from tests.helpers import build_squad

ROOT = Path(__file__).resolve().parents[2]
EDITS = int(os.environ.get("DUGOUT_TWO_WRITER_EDITS", "1000"))
pytestmark = pytest.mark.sqlite_only


def test_a_write_that_meets_a_held_lock_is_retried_until_the_lock_is_free(db_path: Path) -> None:
    database = Database(f"sqlite:///{db_path}")

    @event.listens_for(database.engine, "connect")
    def _impatient(dbapi_connection, _record) -> None:  # SQLite gives up at once: only the retry waits
        dbapi_connection.execute("PRAGMA busy_timeout=0")

    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    released = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    released.start()
    started = time.monotonic()
    try:
        with database.transaction() as session:
            set_setting(session, "note", "after the wait")
    finally:
        released.join()
        holder.close()
    assert time.monotonic() - started >= 0.25
    with database.reading() as session:
        assert get_setting(session, "note") == "after the wait"
    database.close()


WRITER = textwrap.dedent("""
    import json, random, sys
    from sqlalchemy.exc import OperationalError
    from db.errors import StaleEdit
    from db.opening import open_database
    from db.squad.models import SquadMembership
    from db.squad.writes import update_membership
    path, seed, edits, ids = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
    database = open_database(path)
    rng = random.Random(seed)
    saved = {str(i): 0 for i in ids}
    stale = locked = 0
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(edits):
        row_id = rng.choice(ids)
        try:
            with database.reading() as session:
                row = session.get(SquadMembership, row_id)
                seen, value = row.version, row.minutes_played or 0
            update_membership(database, row_id, seen, {"minutes_played": value + 1}, by=f"writer{seed}")
            saved[str(row_id)] += 1
        except StaleEdit:
            stale += 1
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            locked += 1
    database.close()
    print(json.dumps({"saved": saved, "stale": stale, "locked": locked}), flush=True)
""")


def test_two_processes_editing_the_same_rows_see_no_lock_error_and_lose_no_update(database: Database) -> None:
    build_squad(database)
    with database.reading() as session:
        from sqlmodel import select

        from db.squad.models import SquadMembership

        ids = [m.id for m in session.exec(select(SquadMembership).order_by(SquadMembership.id).limit(5))]
    path = str(database.path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, path, str(seed), str(EDITS), json.dumps(ids)], cwd=ROOT,
                                env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for seed in (1, 2)]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:  # both start editing at once
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["locked"] for r in reports) == 0
    with database.reading() as session:
        stored = {m.id: (m.minutes_played or 0, m.version) for m in session.exec(select(SquadMembership))
                  if m.id in ids}
    saved = {i: sum(r["saved"][str(i)] for r in reports) for i in ids}
    assert sum(saved.values()) + sum(r["stale"] for r in reports) == 2 * EDITS
    assert {i: stored[i][0] for i in ids} == saved, "every save that said so is there: no lost update"
    assert all(stored[i][1] == 1 + saved[i] for i in ids), "one version step per save"
