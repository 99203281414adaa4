"""Crash harness: kill -9 a process in the middle of random writes, then check nothing acknowledged is lost.

Run: python bench/crash_harness.py [KILLS] [--seed N] [--keep DIR]

A child process makes random edits through the same ``db`` functions the undo commands use (a
new player in the squad, a changed squad entry, a new injury, an injury changed), one transaction
each, and appends a line to a side file after each commit returns: an acknowledged edit. The
parent kills it with SIGKILL at a random moment, then opens the file as a new process would and
requires ``PRAGMA integrity_check`` = ok and every acknowledged edit present (a changed row at the
version the edit returned, or later: the edit in flight at the kill may have committed unannounced).
It prints runs, kills, acknowledged edits and lost edits (must be 0), and exits 1 otherwise.
A kill counts as landing during writes only when the child had started editing and died of the
SIGKILL; a child that died of its own error is counted apart, and fails the run (it hid nothing
from the kill, but it did no writes for the kill to interrupt either).

The children are forked from a parent that has imported the data layer once, so a kill costs
the random wait only, not a Python start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = dt.date(2025, 5, 2)
BASE_PLAYERS = 12


def set_up(path: Path) -> None:
    """A club with a small squad to edit."""
    from db.opening import open_database
    from db.reference.setup import start_new_club
    from db.squad.writes import add_player_to_squad

    database = open_database(path)
    try:
        club_id, season_id = start_new_club(database, club_name="Crash Test FC", league="LaLiga", season_label="2024/25")
        for number in range(1, BASE_PLAYERS + 1):
            add_player_to_squad(database, club_id=club_id, season_id=season_id,
                                player={"name": f"Base Player {number}", "primary_position": "CM"},
                                membership={"shirt_number": number}, as_of=AS_OF, by="harness")
    finally:
        database.close()


def edit_forever(path: Path, log_path: Path, seed: int, editing: Any = None) -> None:
    """The child: random edits, each logged once its commit has returned, until it is killed.
    ``editing`` (an Event) is set when the edits begin."""
    from sqlmodel import select

    from db.errors import StaleEdit, ValidationError
    from db.medical.models import Injury
    from db.medical.writes import mark_injured, update_injury
    from db.opening import open_database
    from db.reference.queries import our_club_and_season
    from db.squad.models import SquadMembership
    from db.squad.writes import add_player_to_squad, update_membership

    database = open_database(path)
    rng = random.Random(seed)
    with database.reading() as session:
        found = our_club_and_season(session)
        assert found is not None
        club_id, season_id = found[0].id, found[1].id
        memberships = [m.id for m in session.exec(select(SquadMembership))]
        players = [m.player_id for m in session.exec(select(SquadMembership))]
    assert club_id is not None and season_id is not None
    log = log_path.open("a", encoding="utf-8")
    number = 0
    if editing is not None:
        editing.set()
    while True:
        number += 1
        kind = rng.choice(("player", "membership", "injury", "injury_change"))
        try:
            if kind == "player":
                name = f"Signing {seed}-{number}"
                player_id, membership_id = add_player_to_squad(
                    database, club_id=club_id, season_id=season_id, player={"name": name, "primary_position": "ST"},
                    membership={}, as_of=AS_OF, by="harness")
                line = f"player\t{player_id}\t{name}"
            elif kind == "membership":
                row_id = rng.choice(memberships)
                with database.reading() as session:
                    row = session.get(SquadMembership, row_id)
                    assert row is not None
                    seen = row.version
                version = update_membership(database, row_id, seen, {"minutes_played": rng.randint(0, 3000)}, by="harness")
                line = f"membership\t{row_id}\t{version}"
            elif kind == "injury":
                injury_id = mark_injured(database, rng.choice(players), {
                    "kind": f"Knock {seed}-{number}", "started_on": AS_OF}, by="harness")
                line = f"injury\t{injury_id}\t{seed}-{number}"
            else:
                with database.reading() as session:
                    open_ones = [(i.id, i.version) for i in session.exec(select(Injury).limit(50))]
                if not open_ones:
                    continue
                injury_id, seen = rng.choice(open_ones)
                assert injury_id is not None
                version = update_injury(database, injury_id, seen, {"medical_notes": f"note {seed}-{number}"},
                                        by="harness")
                line = f"injury_change\t{injury_id}\t{version}"
        except (StaleEdit, ValidationError):
            continue
        log.write(line + "\n")
        log.flush()  # in the kernel now: a SIGKILL cannot take it back


def lost_edits(path: Path, log_path: Path) -> tuple[int, list[str]]:
    """(acknowledged edits, those missing from the database) after a kill."""
    lines = log_path.read_text(encoding="utf-8").split("\n")[:-1] if log_path.exists() else []
    missing: list[str] = []
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        def one(sql: str, *args: object) -> tuple | None:
            return connection.execute(sql, args).fetchone()

        for line in lines:
            kind, ident, what = line.split("\t")
            if kind == "player":
                ok = one("SELECT 1 FROM player WHERE id = ? AND name = ?", int(ident), what) is not None
            elif kind == "membership":
                row = one("SELECT version FROM squad_membership WHERE id = ?", int(ident))
                ok = row is not None and row[0] >= int(what)
            elif kind == "injury":
                ok = one("SELECT 1 FROM injury WHERE id = ? AND kind = ?", int(ident), f"Knock {what}") is not None
            else:
                row = one("SELECT version FROM injury WHERE id = ?", int(ident))
                ok = row is not None and row[0] >= int(what)
            if not ok:
                missing.append(line)
    return len(lines), missing


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` as a new connection sees the file (recovering the WAL first)."""
    with closing(sqlite3.connect(path)) as connection:
        return "; ".join(str(r[0]) for r in connection.execute("PRAGMA integrity_check"))


def run(kills: int, seed: int, folder: Path, *, min_wait: float = 0.02, max_wait: float = 0.4) -> dict[str, object]:
    """Kill ``kills`` children at random moments; return the figures."""
    path, log_path = folder / "crash.sqlite", folder / "acknowledged.log"
    set_up(path)
    rng = random.Random(seed)
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    bad: list[str] = []
    during_writes = own_errors = 0
    for number in range(kills):
        editing = context.Event()
        child = context.Process(target=edit_forever, args=(path, log_path, seed * 100_000 + number, editing),
                                daemon=True)
        child.start()
        deadline = time.monotonic() + 30  # the random moment is counted from the first edit, not from the fork
        while child.is_alive() and not editing.wait(0.02) and time.monotonic() < deadline:
            pass
        time.sleep(rng.uniform(min_wait, max_wait))
        assert child.pid is not None
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join()
        if child.exitcode == -signal.SIGKILL and editing.is_set():
            during_writes += 1
        elif child.exitcode != -signal.SIGKILL:
            own_errors += 1
            bad.append(f"run {number + 1}: the child died of its own error (exit code {child.exitcode})")
        check = integrity(path)
        if check != "ok":
            bad.append(f"run {number + 1}: integrity {check}")
    acknowledged, missing = lost_edits(path, log_path)
    return {"runs": kills, "kills": kills - own_errors, "during_writes": during_writes, "own_errors": own_errors,
            "acknowledged": acknowledged, "lost": len(missing),
            "integrity_failures": sum(1 for b in bad if "integrity" in b),
            "seconds": round(time.perf_counter() - started, 1), "details": bad + missing[:10]}


def main(argv: list[str] | None = None) -> int:
    """Run the harness and print its figures; exit 1 when an edit was lost or the file damaged."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kills", type=int, nargs="?", default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and leave the database there")
    args = parser.parse_args(argv)
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        figures = run(args.kills, args.seed, Path(args.keep))
    else:
        with tempfile.TemporaryDirectory() as folder:
            figures = run(args.kills, args.seed, Path(folder))
    print(f"seed {args.seed}: runs {figures['runs']}, kills {figures['kills']}, "
          f"kills during writes {figures['during_writes']}, "
          f"children that died of their own error {figures['own_errors']}, "
          f"acknowledged edits {figures['acknowledged']}, lost edits {figures['lost']}, "
          f"integrity failures {figures['integrity_failures']}, {figures['seconds']} s")
    for detail in figures["details"]:  # type: ignore[attr-defined]
        print("  " + str(detail))
    return 0 if figures["lost"] == figures["integrity_failures"] == figures["own_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
