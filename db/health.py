"""Check a database and repair what can be repaired without losing anything the user typed.

The check: SQLite's ``integrity_check`` and ``foreign_key_check``, then Dugout's own invariants
(no lineup holds a player outside the club's squad that season, no player has two open injuries
of one kind, a deal's instalments add up to its fee). It reads only.

The repair does only what loses no user data, and only after a backup: ``REINDEX`` (indexes are
derived from the tables, so rebuilding them from the rows is safe), ``ANALYZE`` (the planner's
statistics, derived too) and ``VACUUM`` (rewrites the file from its rows). A problem that could only be fixed by deleting or changing rows is listed,
row by row, for a person to decide; it is never "fixed" silently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import DatabaseRefused
from db.i18n import tr
from db.sqlite_files import read_only_connection

Rows = Callable[[str], Sequence[Sequence[object]]]
SHOWN_ROWS = 20  # rows listed per problem; the count says how many there are


@dataclass(frozen=True)
class Problem:
    """Something wrong, in plain words, with the rows at fault and whether a safe repair fixes it."""

    kind: str  # "integrity", "foreign_key", "lineup_club", "open_injury_twice", "instalments"
    summary: str
    rows: tuple[str, ...] = ()
    repairable: bool = False


@dataclass
class HealthReport:
    """What a check found; healthy when nothing."""

    database: str
    problems: list[Problem] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what a repair did, in plain words
    backup: Path | None = None
    rules_only: bool = False  # a server: only Dugout's own rules were checked, not the files

    @property
    def healthy(self) -> bool:
        """Whether the check found nothing wrong."""
        return not self.problems

    def lines(self) -> list[str]:
        """The report as lines for a terminal or a dialog."""
        out = [*self.repairs]
        if self.backup is not None:
            out.insert(0, tr("Backed up first to {p}", p=self.backup))
        if self.healthy and self.rules_only:
            out.append(tr("{db}: Dugout's own rules all check out (the server looks after the integrity of its "
                          "files and the links between rows)", db=self.database))
            return out
        if self.healthy:
            out.append(tr("{db}: healthy (integrity, links between rows and Dugout's own rules all check out)",
                          db=self.database))
            return out
        out.append(tr("{db}: {n} problem(s) found", db=self.database, n=len(self.problems)))
        for problem in self.problems:
            out.append(f"- {problem.summary}")
            out.extend(f"    {row}" for row in problem.rows[:SHOWN_ROWS])
            if len(problem.rows) > SHOWN_ROWS:
                out.append("    " + tr("… and {n} more", n=len(problem.rows) - SHOWN_ROWS))
            if problem.repairable:
                out.append("    " + tr("`check --repair` fixes this without losing data (after a backup)"))
            else:
                out.append("    " + tr("Not repaired automatically: fixing it would delete or change these rows; "
                                       "correct them in Dugout or restore a backup"))
        return out


# Each invariant: (kind, summary template, SQL giving one row per offence: its words). Portable SQL:
# the same queries run on SQLite and PostgreSQL.
_LINEUP_CLUB = """
SELECT p.name, f.kickoff_utc, c.name
FROM lineup_player lp
JOIN lineup l ON l.id = lp.lineup_id
JOIN fixture f ON f.id = l.fixture_id
JOIN player p ON p.id = lp.player_id
JOIN club c ON c.id = f.club_id
WHERE NOT EXISTS (SELECT 1 FROM squad_membership m
                  WHERE m.player_id = lp.player_id AND m.club_id = f.club_id AND m.season_id = f.season_id)
ORDER BY f.kickoff_utc, p.name
"""
_OPEN_TWICE = """
SELECT p.name, i.kind, count(*)
FROM injury i JOIN player p ON p.id = i.player_id
WHERE i.returned_on IS NULL
GROUP BY p.name, i.player_id, i.kind HAVING count(*) > 1
ORDER BY p.name, i.kind
"""
_INSTALMENTS = """
SELECT p.name, d.kind, d.fee_cents, sum(di.amount_cents), d.currency
FROM deal d JOIN player p ON p.id = d.player_id JOIN deal_instalment di ON di.deal_id = d.id
GROUP BY d.id, p.name, d.kind, d.fee_cents, d.currency
HAVING d.fee_cents IS NULL OR sum(di.amount_cents) <> d.fee_cents
ORDER BY p.name
"""


def _money(cents: object, currency: object) -> str:
    return "—" if cents is None else f"{int(str(cents)) / 100:,.2f} {currency}"


def invariant_problems(rows: Rows) -> list[Problem]:
    """Dugout's own rules that the schema cannot state, checked over every row."""
    problems: list[Problem] = []
    found = rows(_LINEUP_CLUB)
    if found:
        problems.append(Problem("lineup_club", tr("{n} lineup place(s) hold a player who is not in the club's squad "
                                                  "that season", n=len(found)),
                                tuple(tr("{player} in the lineup of {club}'s match of {day}", player=r[0],
                                         club=r[2], day=str(r[1])[:10]) for r in found)))
    found = rows(_OPEN_TWICE)
    if found:
        problems.append(Problem("open_injury_twice", tr("{n} player(s) have the same injury open more than once",
                                                        n=len(found)),
                                tuple(tr("{player}: {kind}, open {count} times", player=r[0], kind=r[1], count=r[2])
                                      for r in found)))
    found = rows(_INSTALMENTS)
    if found:
        problems.append(Problem("instalments", tr("{n} deal(s) have instalments that do not add up to the fee",
                                                  n=len(found)),
                                tuple(tr("{player} ({kind}): fee {fee}, instalments {total}", player=r[0], kind=r[1],
                                         fee=_money(r[2], r[4]), total=_money(r[3], r[4])) for r in found)))
    return problems


def _sqlite_problems(connection: sqlite3.Connection) -> list[Problem]:
    problems: list[Problem] = []
    integrity = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        index_only = all(" index " in line or line.startswith(("row ", "wrong # of entries in index"))
                         for line in integrity)
        problems.append(Problem("integrity", tr("SQLite's integrity check found {n} fault(s) in the file{how}",
                                                n=len(integrity),
                                                how=tr(" (in indexes only)") if index_only else ""),
                                tuple(integrity), repairable=index_only))
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(Problem("foreign_key", tr("{n} row(s) point at rows that do not exist", n=len(broken)),
                                tuple(tr("{table} row {row} points at a missing {parent}", table=r[0], row=r[1],
                                         parent=r[2]) for r in broken)))
    return problems


def _open_for_check(path: Path) -> None:
    """Refuse what is not a Dugout file at all (an empty one too); a damaged Dugout file goes on to be checked."""
    from db.opening import FileState, identify

    try:
        identified = identify(path)
        if identified.state is not FileState.DUGOUT:
            raise DatabaseRefused("empty", tr("{p} is empty: not a Dugout database, nothing to check", p=path), path)
    except DatabaseRefused as refused:
        if refused.reason != "corrupt":
            raise
        try:  # damaged, but can SQLite read its schema? then the check lists what is wrong
            with read_only_connection(path) as connection:
                tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError:
            raise refused from None
        if "alembic_version" not in tables or "player" not in tables:
            raise


def check_file(path: Path) -> HealthReport:
    """Check a SQLite file, reading only. Raises DatabaseRefused when it cannot be opened at all."""
    if not path.exists():
        raise DatabaseRefused("missing", tr("{p} does not exist", p=path))
    _open_for_check(path)
    report = HealthReport(path.name)
    try:
        with read_only_connection(path) as connection:
            report.problems.extend(_sqlite_problems(connection))
            try:
                report.problems.extend(invariant_problems(lambda sql: connection.execute(sql).fetchall()))
            except sqlite3.DatabaseError as error:
                report.problems.append(Problem("integrity", tr("Dugout's own checks could not read the file: {e}",
                                                               e=error)))
    except sqlite3.DatabaseError as error:
        raise DatabaseRefused("corrupt", tr("{p} is damaged or unreadable: {e}", p=path, e=error), path) from error
    return report


def check_server(url: str) -> HealthReport:
    """Check a server database: Dugout's own rules (the server looks after its files itself)."""
    from db.opening import open_database

    database = open_database(url, create=False)
    try:
        with database.engine.connect() as connection:
            report = HealthReport(database.display_name, rules_only=True)
            report.problems.extend(invariant_problems(lambda sql: connection.exec_driver_sql(sql).fetchall()))
    finally:
        database.close()
    return report


def repair_file(path: Path) -> HealthReport:
    """Back the file up, apply the safe repairs (REINDEX, VACUUM) and check it again.

    Rows are never deleted or changed: what remains is in the returned report. Raises
    DatabaseRefused when the file cannot be opened, BackupFailed when no backup could be made
    (then nothing is repaired).
    """
    from db.backups import keep_damaged, make_backup

    before = check_file(path)
    damaged = any(p.kind == "integrity" for p in before.problems)
    # Only damage confined to indexes is rebuilt; VACUUM over damaged table pages could drop rows it cannot read.
    rewrite = not any(p.kind == "integrity" and not p.repairable for p in before.problems)
    # A faithful backup of a damaged file fails its own check: it is kept aside, not counted.
    backup = keep_damaged(path) if damaged else make_backup(path, reason="before-repair").path
    repairs: list[str] = []
    try:
        with closing(sqlite3.connect(path, timeout=5)) as connection:
            connection.isolation_level = None
            connection.execute("REINDEX")
            repairs.append(tr("Rebuilt every index from the rows (REINDEX)"))
            connection.execute("ANALYZE")
            repairs.append(tr("Rebuilt the query planner's statistics (ANALYZE)"))
            if rewrite:
                connection.execute("VACUUM")
                repairs.append(tr("Rewrote the file from its rows (VACUUM)"))
            else:
                repairs.append(tr("Did not rewrite the file (VACUUM): it is damaged beyond its indexes, and a rewrite "
                                  "could leave out rows it cannot read; restore a backup instead"))
    except sqlite3.DatabaseError as error:
        repairs.append(tr("The repair stopped: {e}; the file is as the backup has it", e=error))
    after = check_file(path)
    after.repairs = repairs
    after.backup = backup
    if before.healthy and after.healthy:
        after.repairs.append(tr("Nothing needed repairing"))
    return after
