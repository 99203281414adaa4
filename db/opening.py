"""Safe open: identify a file read-only before anything may write to it.

Turning on WAL rewrites the SQLite header, so a file that is not a Dugout database (or is a newer
Dugout's) must be refused before the first read-write connection. Every refusal leaves the file
byte-for-byte as it was.
"""

from __future__ import annotations

import enum
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from db.engine import Database, hide_password, is_sqlite, sqlite_url, without_password
from db.errors import DatabaseRefused, one_line
from db.i18n import tr
from db.migrations import HEAD
from db.sqlite_files import (
    APPLICATION_ID,
    can_write,
    read_only_connection,
    read_only_uri,
    remove_database_files,
)

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(enum.Enum):
    """What a path holds, as far as Dugout is concerned."""

    MISSING = "missing"
    EMPTY = "empty"  # a zero-length file or an SQLite file without any table: safe to initialise
    DUGOUT = "dugout"


@dataclass(frozen=True)
class Identified:
    """The result of identifying a path: its state, for a Dugout database its revision, and
    whether this user may only read it."""

    state: FileState
    revision: str | None = None
    read_only: bool = False


_REVISION = re.compile(r"^(\d{4})_[a-z0-9_]+$")  # how Dugout names its schema revisions


def _is_newer_dugout(revision: str, application_id: int) -> bool:
    """An unknown revision is a newer Dugout's when the file carries Dugout's mark, or (files made
    before the mark) when it is named like ours and numbered past our newest."""
    if application_id == APPLICATION_ID:
        return True
    ours, theirs = _REVISION.match(HEAD), _REVISION.match(revision)
    if application_id != 0 or ours is None or theirs is None:
        return False
    return int(theirs.group(1)) > int(ours.group(1))


def identify(path: Path, known: set[str] | None = None) -> Identified:
    """Identify ``path`` without writing to it; raise DatabaseRefused (naming ``path``) for anything not safe to open."""
    try:
        return _identify(path, known)
    except DatabaseRefused as refused:
        refused.path = refused.path or path
        raise


def _identify(path: Path, known: set[str] | None) -> Identified:

    if not path.exists():
        if path.parent.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
            return Identified(FileState.MISSING, read_only=True)
        return Identified(FileState.MISSING)
    if path.is_dir():
        raise DatabaseRefused("directory", tr("{p} is a folder, not a database file", p=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as error:
        raise DatabaseRefused("unreadable", tr("Cannot read {p}: you do not have permission to", p=path)) from error
    except OSError as error:
        raise DatabaseRefused("unreadable", tr("Cannot read {p}: {e}", p=path, e=error.strerror)) from error
    read_only = not can_write(path)
    if not header:
        return Identified(FileState.EMPTY, read_only=read_only)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused("not_sqlite", tr("{p} is not a database (not an SQLite file)", p=path))
    return _identify_sqlite(path, known, read_only)


def _identify_sqlite(path: Path, known: set[str] | None, read_only: bool) -> Identified:
    try:
        with read_only_connection(path) as connection:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise DatabaseRefused("corrupt", tr("{p} is damaged (SQLite integrity check failed)", p=path))
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            anything = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            marks = [connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version")]
            if not anything and marks == [0, 0]:  # a bare SQLite file nobody has claimed
                return Identified(FileState.EMPTY, read_only=read_only)
            if marks[0] not in (0, APPLICATION_ID) or "alembic_version" not in tables or "player" not in tables:
                raise DatabaseRefused("foreign", tr("{p} is an SQLite database, but not a Dugout one", p=path))
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise _sqlite_refusal(path, error) from error
    revision = row[0] if row else None
    if revision is None:
        raise DatabaseRefused("foreign", tr("{p} has no Dugout schema version", p=path))
    if known is None and revision == HEAD:
        return Identified(FileState.DUGOUT, revision, read_only)
    if known is None:
        from db.migrate import known_revisions

        known = known_revisions()
    if revision not in known:
        if not _is_newer_dugout(revision, marks[0]):
            raise DatabaseRefused(
                "foreign", tr("{p} is an SQLite database of another program (its tables only look like Dugout's)", p=path)
            )
        raise DatabaseRefused(
            "newer",
            tr("{p} was written by a newer version of Dugout (schema {r}); update Dugout to open it", p=path, r=revision),
        )
    return Identified(FileState.DUGOUT, revision, read_only)


def _sqlite_refusal(path: Path, error: sqlite3.DatabaseError) -> DatabaseRefused:
    """SQLite's error in words that say what is wrong: permissions are not damage."""
    text = str(error)
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return DatabaseRefused("unreadable", tr("Cannot open {p}: you do not have permission to read it as a database "
                                                "(check the file and its folder)", p=path), path)
    return DatabaseRefused("corrupt", tr("{p} is damaged or unreadable: {e}", p=path, e=error), path)


def sqlite_file(target: str | Path) -> Path:
    """The file behind a SQLite path or ``sqlite:///`` URL; an in-memory URL is refused."""
    text = str(target)
    if "://" not in text:
        return Path(text).expanduser()
    name = make_url(text).database
    if not name or name == ":memory:" or name.startswith("file::memory:"):
        raise DatabaseRefused("memory", tr("{u} is an in-memory database; Dugout needs a file", u=text))
    return Path(name).expanduser()


def _known(config: Config | None) -> set[str] | None:
    """Revisions of a test configuration; None lets ``identify`` take the fast path for the default."""
    if config is None:
        return None
    from db.migrate import known_revisions

    return known_revisions(config)


def _head(config: Config | None) -> str:
    if config is None:
        return HEAD  # without importing Alembic: most opens find the schema current
    from db.migrate import head_revision

    return head_revision(config)


def _open_read_only(path: Path, identified: Identified, head: str) -> Database:
    """A file this user may only read: opened so that nothing is written, not even beside it."""
    if identified.state is not FileState.DUGOUT:
        raise DatabaseRefused("read_only", tr("{p} is read-only: you cannot change this file, so it cannot be "
                                              "made into a Dugout database", p=path))
    if identified.revision != head:
        raise DatabaseRefused("read_only", tr(
            "{p} is read-only for you and needs an upgrade (schema {r} to {h}); ask whoever may change it to "
            "run `dugout migrate` on it", p=path, r=identified.revision, h=head))
    return Database(f"sqlite:///{read_only_uri(path)}&uri=true", read_only=True)


def _refuse_if_lock_held(path: Path) -> None:
    """Refuse a file whose write lock another connection holds past the busy timeout (a hung
    process): better one clear line now than "database is locked" at the user's first edit.
    Taking the lock and giving it back writes nothing."""
    from db import engine

    wait_s = engine.BUSY_TIMEOUT_MS / 1000
    try:
        with closing(sqlite3.connect(path, timeout=wait_s)) as probe:
            probe.isolation_level = None
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise _sqlite_refusal(path, error) from error
        raise DatabaseRefused("locked", tr(
            "{p} is locked: another program has been writing to it for more than {s} s (a Dugout that hung?); "
            "close that program, or open the file read-only", p=path, s=f"{wait_s:g}"), path) from error


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    upgrade: bool = True,
    backup: bool = True,
    config: Config | None = None,
    migrate: bool = False,
    read_only: bool = False,
) -> Database:
    """Open a Dugout database by path or URL: identify, back up if an upgrade is due, then upgrade.

    A missing file is created only when ``create`` is true; a failed creation removes the file.
    ``read_only`` opens a current Dugout file for reading only (the way out of a file whose write
    lock another program holds); a file whose write lock stays held past the busy timeout is
    refused ("locked") when opened for writing.
    A server's schema is upgraded only by the ``migrate`` command (``migrate=True``).
    ``config`` swaps in another Alembic configuration (tests add migration scripts with it).
    """
    text = str(target)
    if not is_sqlite(text):
        if read_only:  # refused before connecting: opening an empty server database would create tables
            raise DatabaseRefused("read_only_server", tr(
                "--read-only works on SQLite files; {db} is a server database: ask whoever runs it for a login "
                "that may only read", db=without_password(text)))
        return open_server(text, create=create, migrate=migrate, config=config)

    path = sqlite_file(text)
    identified = identify(path, _known(config))
    if identified.state is FileState.MISSING and (read_only or not create):
        raise DatabaseRefused("missing", tr("{p} does not exist", p=path))
    if identified.state is FileState.MISSING:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseRefused("unwritable", tr("Cannot create {p}: {e}", p=path, e=error.strerror)) from error
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise DatabaseRefused("unwritable", tr("Cannot create {p}: you may not write in the folder {d}",
                                                   p=path, d=path.parent))
    head = _head(config)
    if identified.read_only or (read_only and identified.state is not FileState.MISSING):
        return _open_read_only(path, identified, head)
    if identified.state is FileState.DUGOUT:
        _refuse_if_lock_held(path)
    if not (upgrade or migrate) and identified.revision != head:
        raise DatabaseRefused("outdated", tr("{p} needs `dugout migrate` first", p=path))
    database = Database(sqlite_url(path))
    try:
        if identified.revision != head:
            # Alembic is imported only when there is something to upgrade.
            from db.migrate import backup_copy
            from db.migrate import upgrade as run_upgrade

            if backup and identified.state is FileState.DUGOUT:
                backup_copy(path, identified.revision)
            run_upgrade(database.engine, config=config)
    except Exception:
        database.close()
        if identified.state is FileState.MISSING:
            remove_database_files(path)
        raise
    return database


def open_server(url: str, *, create: bool = True, migrate: bool = False, config: Config | None = None) -> Database:
    """Open a Dugout database on a server (PostgreSQL); refuse anything else, reading only.

    An empty database gets the schema when ``create`` is true (a new club database, like a new
    file). A database of another program, one written by a newer Dugout, or one whose schema is
    older is refused without a write: on a shared server only the explicit ``dugout migrate``
    (``migrate=True``) upgrades, because other staff may still run the previous version.
    """
    try:
        database = Database(url)
    except ModuleNotFoundError as error:
        raise DatabaseRefused(
            "driver", tr("The database driver {m} for {db} is not installed (PostgreSQL: pip install 'dugout[postgres]')",
                         m=error.name, db=without_password(url))
        ) from error
    except Exception as error:  # not a URL SQLAlchemy can read
        raise DatabaseRefused("bad_url", tr("Cannot use the database URL: {e}", e=hide_password(str(error), url))) from error
    try:
        identified = identify_server(database)
        revision, head = identified.revision, _head(config)
        if identified.state is FileState.EMPTY and not create:
            raise DatabaseRefused("missing", tr("{db} holds no Dugout database", db=database.display_name))
        if identified.state is FileState.DUGOUT:
            if revision != head and revision not in _revisions(config):
                raise DatabaseRefused(
                    "newer",
                    tr("{db} was written by a newer version of Dugout (schema {r}); update Dugout to open it",
                       db=database.display_name, r=revision),
                )
            if revision != head and not migrate:
                raise DatabaseRefused(
                    "outdated",
                    tr("{db} has schema {old} and this Dugout needs {new}: upgrade it once with "
                       "`dugout --db-url {url} migrate` (back the database up first)",
                       db=database.display_name, old=revision, new=head, url=without_password(url)),
                )
        if revision != head:
            from db.migrate import upgrade as run_upgrade

            run_upgrade(database.engine, config=config)
    except Exception:
        database.close()
        raise
    return database


def _revisions(config: Config | None) -> set[str]:
    from db.migrate import known_revisions

    return known_revisions(config)


def identify_server(database: Database) -> Identified:
    """Identify a server database by reading it: empty, Dugout's (with its revision), or refused."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DBAPIError

    try:
        with database.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                return Identified(FileState.EMPTY)
            if "alembic_version" not in tables or "player" not in tables:
                raise DatabaseRefused(
                    "foreign", tr("{db} holds another program's tables, not a Dugout database", db=database.display_name)
                )
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except DBAPIError as error:
        raise DatabaseRefused(
            "unreachable",
            tr("Cannot open {db}: {e}", db=database.display_name, e=hide_password(one_line(error), database.url)),
        ) from error
    if row is None:
        raise DatabaseRefused("foreign", tr("{db} has no Dugout schema version", db=database.display_name))
    return Identified(FileState.DUGOUT, str(row[0]))

