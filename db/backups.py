"""Backups of a SQLite database with SQLite's online backup API, kept in the user's data folder.

Never a file copy of a live database: the backup API copies a consistent snapshot page by page
while other connections keep working (a copy of the file could catch a half-written WAL). Each
backup is written under a temporary name, synced, opened and ``integrity_check``ed; only a good
one gets its real name, so a bad one is reported and never counted. Backups live in the data
folder (``backups/<database>-<hash of its path>/``), never beside the database, which may be a
shared file on a network drive; each is named after the database, the time and why it was made.
Old ones are pruned by ``db.domain.backup_rules.backups_to_keep``.

A server database (PostgreSQL) is the server's business (``pg_dump``): ``BackupsNotAvailable``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.domain.backup_rules import backups_to_keep
from db.errors import DugoutError
from db.i18n import tr
from db.paths import data_dir
from db.sqlite_files import read_only_connection, sidecars

if TYPE_CHECKING:
    from db.engine import Database

SUFFIX = ".sqlite"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:-(?P<n>\d+))?(?:-(?P<reason>[a-z-]+))?\.sqlite$")
REASONS = ("start", "periodic", "manual", "before-migrate", "before-import", "before-repair", "before-restore")


class BackupFailed(DugoutError):
    """A backup could not be written or did not pass its integrity check; nothing was counted."""


class BackupsNotAvailable(DugoutError):
    """The database is not a SQLite file (a server): Dugout makes no backups of it."""


@dataclass(frozen=True)
class Backup:
    """One backup file: where it is, when it was taken, its size in bytes and why it was made."""

    path: Path
    taken_at: dt.datetime
    size: int
    reason: str


def backup_folder(database_file: Path) -> Path:
    """Where the backups of ``database_file`` live: its own folder in the user's data folder."""
    resolved = database_file.expanduser().resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return data_dir() / "backups" / f"{resolved.stem}-{tag}"


def database_file(database: Database) -> Path:
    """The SQLite file of an open database; a server database is refused with one line."""
    path = database.path
    if path is None:
        raise BackupsNotAvailable(tr(
            "{db} is a server database: Dugout makes backups of SQLite files only; back a server up with pg_dump",
            db=database.display_name))
    return path


def list_backups(database_file: Path, folder: Path | None = None) -> list[Backup]:
    """The backups of ``database_file``, newest first (files of other names, or of impossible
    dates, are ignored; so is a file deleted while the folder is read)."""
    folder = folder or backup_folder(database_file)
    found: list[tuple[Backup, int]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:  # no folder yet, or it cannot be read: no backups to offer
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None:
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], _STAMP)
            stat = entry.stat()
        except (ValueError, OSError):  # 2025-13-45 by hand, or pruned by another window just now
            continue
        if entry.is_file():
            found.append((Backup(entry, taken, stat.st_size, match["reason"] or "manual"), stat.st_mtime_ns))
    # Within one second the file written last is the newer one.
    found.sort(key=lambda pair: (pair[0].taken_at, pair[1], pair[0].path.name), reverse=True)
    return [backup for backup, _ in found]


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` says is wrong with a SQLite file (empty when it is sound)."""
    try:
        with read_only_connection(path) as connection:
            rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def _free_name(folder: Path, stem: str, now: dt.datetime, reason: str) -> Path:
    base = f"{stem}-{now.strftime(_STAMP)}"
    candidate = folder / f"{base}-{reason}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}-{reason}{SUFFIX}"
        number += 1
    return candidate


def _copy_with_backup_api(source: Path, target: Path, reader: sqlite3.Connection | None = None) -> None:
    """Copy a consistent snapshot of ``source`` (read through ``reader`` when given) into the new
    file ``target`` and sync it to disk."""
    if reader is None:
        with read_only_connection(source) as own:
            _copy_with_backup_api(source, target, own)
        return
    with closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def make_backup(database_file: Path, *, reason: str = "manual", target: Path | None = None,
                now: dt.datetime | None = None, prune: bool = True,
                reader: sqlite3.Connection | None = None) -> Backup:
    """Back up ``database_file`` (into its backup folder, or to ``target``), check it and prune old ones.

    ``reader``: an open connection to read it through (one that holds the file's only lock).
    Raises BackupFailed when it cannot be written or fails its integrity check (it is then removed).
    """
    now = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        if target is None:
            folder = backup_folder(database_file)
            folder.mkdir(parents=True, exist_ok=True)
            target = _free_name(folder, database_file.stem, now, reason)
            pruning = prune
        else:
            pruning = False
        _write_checked(database_file, target, reader)
    except OSError as error:
        raise BackupFailed(tr("Cannot write the backup of {p}: {e}", p=database_file.name,
                              e=error.strerror or error)) from error
    if pruning:
        prune_backups(database_file, now)
    return Backup(target, now, target.stat().st_size, reason)


def _write_checked(source: Path, target: Path, reader: sqlite3.Connection | None = None) -> None:
    """Write the backup under a temporary name of its own, check it, and only then give it its name."""
    partial = _own_temporary(target, ".partial")
    try:
        try:
            _copy_with_backup_api(source, partial, reader)
        except sqlite3.Error as error:
            raise BackupFailed(tr("The backup of {p} failed: {e}", p=source.name, e=error)) from error
        problems = integrity_problems(partial)
        if problems:
            raise BackupFailed(tr("The backup of {p} is damaged ({e}); it was not kept", p=source.name, e=problems[0]))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _own_temporary(beside: Path, suffix: str) -> Path:
    """A new empty file beside ``beside`` that no other window or command uses (SQLite takes an
    empty file as a new database), so two backups at once never write into one file."""
    import tempfile

    handle, name = tempfile.mkstemp(prefix=beside.name + ".", suffix=suffix, dir=beside.parent)
    os.close(handle)
    return Path(name)


def prune_backups(database_file: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the retention rules no longer keep; return the deleted files."""
    backups = list_backups(database_file)
    keep = backups_to_keep((b.taken_at for b in backups), now or dt.datetime.now())
    gone: list[Path] = []
    for backup in backups:
        if backup.taken_at not in keep:
            try:
                backup.path.unlink(missing_ok=True)
            except OSError:  # kept for now; the next backup prunes again
                continue
            gone.append(backup.path)
    return gone


def latest_good_backup(database_file: Path) -> Backup | None:
    """The newest backup of ``database_file`` that passes the integrity check, if any."""
    return next((b for b in list_backups(database_file) if not integrity_problems(b.path)), None)


def backup_before(database: Database, reason: str) -> Backup | None:
    """A backup before a risky change (import, repair, restore) of a SQLite file; None on a server."""
    if database.path is None or database.read_only:
        return None
    return make_backup(database.path, reason=reason)


def keep_damaged(path: Path, now: dt.datetime | None = None, reader: sqlite3.Connection | None = None) -> Path:
    """Keep a copy of a damaged file aside, as it is (``…-damaged.sqlite.bad``: never listed as a
    backup, never restored from, never pruned): through the backup API where SQLite still reads
    it, else byte for byte (nothing can have it open then)."""
    now = now or dt.datetime.now()
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    aside = folder / f"{path.stem}-{now.strftime(_STAMP)}-damaged{SUFFIX}.bad"
    try:
        _copy_with_backup_api(path, aside, reader)
    except sqlite3.Error:
        shutil.copyfile(path, aside)
    return aside


class DatabaseInUse(BackupFailed):
    """A restore refused because another window or program has the database open."""


def _check_restorable(backup_file: Path) -> str:
    """Refuse a backup that is not a sound Dugout database this version knows; return its schema revision."""
    from db.errors import DatabaseRefused
    from db.opening import FileState, identify

    try:
        identified = identify(backup_file)
    except DatabaseRefused as refused:
        raise BackupFailed(tr("Cannot restore {b}: {e}", b=backup_file.name, e=refused)) from refused
    if identified.state is not FileState.DUGOUT or identified.revision is None:
        raise BackupFailed(tr("Cannot restore {b}: it is empty, not a Dugout database", b=backup_file.name))
    problems = integrity_problems(backup_file)
    if problems:
        raise BackupFailed(tr("Cannot restore {b}: it is damaged ({e})", b=backup_file.name, e=problems[0]))
    return identified.revision


def _damaged(database_file: Path) -> bool:
    """Whether the current file is damaged (a restore is what it needs); another program's file is refused."""
    from db.errors import DatabaseRefused
    from db.opening import identify

    try:
        identify(database_file)
    except DatabaseRefused as refused:  # damaged is what a restore is for; another program's file is not
        if refused.reason != "corrupt":
            raise BackupFailed(tr("Not restored over {p}: {e}", p=database_file.name, e=refused)) from refused
        return True
    return False


def _in_use(database_file: Path) -> DatabaseInUse:
    return DatabaseInUse(tr("Not restored: {p} is in use by another Dugout window or program; close it there "
                            "and restore again", p=database_file.name))


def restore_backup(database_file: Path, backup_file: Path, *, now: dt.datetime | None = None) -> Backup | None:
    """Replace the contents of ``database_file`` with ``backup_file`` after backing up the current state.

    The backup must be a sound Dugout database of a schema this version knows (an older one is
    upgraded when the file is next opened). The current file is locked for the whole restore
    (DatabaseInUse while any other connection has it open), backed up (a damaged one is kept aside
    as it is, ``…-damaged.sqlite.bad``) and written over through the backup API; only a file SQLite
    cannot read at all is replaced. If the current state cannot be backed up, nothing is restored.
    Returns the backup made of the current state (None when there was none or it was damaged).
    """
    from db.sqlite_files import FileInUse, exclusive_connection

    now = now or dt.datetime.now()
    _check_restorable(backup_file)
    current: Backup | None = None
    if not database_file.exists():
        _put_in_place(backup_file, database_file)
        return None
    damaged = _damaged(database_file)
    try:
        with exclusive_connection(database_file) as live:
            if live is None:  # SQLite cannot read it: nobody can be using it as a database
                keep_damaged(database_file, now)
            else:
                damaged = damaged or bool(_live_integrity_problems(live))
                if damaged:
                    keep_damaged(database_file, now, reader=live)
                else:  # not pruned yet: the rules could delete the very backup being restored
                    current = make_backup(database_file, reason="before-restore", now=now, prune=False, reader=live)
                with read_only_connection(backup_file) as reader:
                    reader.backup(live)
    except FileInUse as error:
        raise _in_use(database_file) from error
    except sqlite3.Error as error:
        raise BackupFailed(tr("Restoring {b} failed: {e}", b=backup_file.name, e=error)) from error
    if live is None:
        _put_in_place(backup_file, database_file)
    prune_backups(database_file, now)
    return current


def _live_integrity_problems(connection: sqlite3.Connection) -> list[str]:
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def _put_in_place(backup_file: Path, database_file: Path) -> None:
    """Write ``backup_file`` as a new file and move it over ``database_file`` (missing, or unreadable to SQLite)."""
    try:
        fresh = _own_temporary(database_file, ".restoring")
    except OSError as error:
        raise BackupFailed(tr("Restoring {b} failed: {e}", b=backup_file.name, e=error)) from error
    try:
        _copy_with_backup_api(backup_file, fresh)
        if database_file.exists():  # the restored file keeps the permissions the old one had
            shutil.copymode(database_file, fresh)
        for sidecar in sidecars(database_file):
            sidecar.unlink(missing_ok=True)
        os.replace(fresh, database_file)
    except (sqlite3.Error, OSError) as error:
        fresh.unlink(missing_ok=True)
        raise BackupFailed(tr("Restoring {b} failed: {e}", b=backup_file.name, e=error)) from error


def backups_newest_time(database_file: Path) -> dt.datetime | None:
    """When the newest backup of ``database_file`` was taken, if there is one."""
    backups = list_backups(database_file)
    return backups[0].taken_at if backups else None
