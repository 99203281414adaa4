"""Engines and transactions.

SQLite runs with foreign keys on, WAL, ``synchronous=FULL`` and a busy timeout, and every write
transaction begins ``IMMEDIATE`` so two writers queue instead of failing half-way with
"database is locked" at their first write. FULL rather than NORMAL: Dugout writes a handful of
rows per human action, so an fsync per commit costs nothing noticeable, and under WAL with NORMAL
the last commits can vanish on a power cut; a physio's injury note must not.

Any SQLAlchemy URL works (``--db-url``); the SQLite-specific parts switch on by dialect. A club
server (PostgreSQL) runs READ COMMITTED, the level the stale-edit check (``UPDATE … WHERE version =
:seen``) is built for: a second writer of the same row waits for the first, then re-reads the row
and finds the version moved on. ``lock_timeout`` plays the part of SQLite's busy timeout.

Passwords are never stored by Dugout: a URL without one leaves it to libpq (``~/.pgpass``, a
service file, ``PGPASSWORD``), and a URL that has one is shown with the password hidden.
"""

from __future__ import annotations

import getpass
import re
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlmodel import Session

from db.errors import ReadOnlyDatabase
from db.i18n import tr

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
_BEGIN_OPTION = "dugout_begin"


def sqlite_url(path: str | Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    """Whether a path or URL names a SQLite database (a plain path does)."""
    if "://" not in url:
        return True
    try:
        return make_url(url).get_backend_name() == "sqlite"
    except Exception:  # unreadable: the server path refuses it in one line
        return False


def without_password(url: str) -> str:
    """The URL with its password left out: what may be remembered, shown or logged."""
    if "://" not in url:
        return url
    try:
        parsed = make_url(url)
    except Exception:  # not a URL SQLAlchemy reads: nothing to strip reliably, so show nothing of it
        return url.split("://", 1)[0] + "://…"
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


def hide_password(text: str, url: str | None) -> str:
    """``text`` with the password of ``url`` replaced by ``***`` wherever it appears (errors, logs)."""
    if not url or "://" not in url:
        return text
    try:
        password = make_url(url).password
    except Exception:  # an unreadable URL: whatever stands between "user:" and "@"
        found = re.search(r"://[^:/@]*:([^@/]*)@", url)
        password = found.group(1) if found else None
    if not password:
        return text
    for form in {str(password), quote(str(password), safe=""), quote_plus(str(password))}:
        text = text.replace(form, "***")
    return text


def _server_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return create_engine(url, pool_pre_ping=True)
    if parsed.drivername == "postgresql":  # libpq's own spelling: Dugout's driver is psycopg 3
        parsed = parsed.set(drivername="postgresql+psycopg")
    # A write waiting on another user's row lock gives up after the time SQLite's busy timeout waits.
    options = f"-c lock_timeout={BUSY_TIMEOUT_MS}"
    given = parsed.query.get("options")
    if given:
        options = f"{given if isinstance(given, str) else ' '.join(given)} {options}"
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Dugout", "options": options}
    return create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED", connect_args=connect_args)


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` with Dugout's connection settings applied."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return _server_engine(url)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    if read_only:

        @event.listens_for(engine, "connect")
        def _on_read_only_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA query_only=ON")

        return engine

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Driver-level autocommit: pysqlite must not emit its own BEGIN; _on_begin does.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # 32 MiB of page cache (default 2 MiB): a bulk import's index updates stay in memory.
        cursor.execute("PRAGMA cache_size=-32768")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        begin_with_retry(connection, f"BEGIN {mode}")

    return engine


def _is_busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", None) or error)
    return "database is locked" in text or "database is busy" in text


def begin_with_retry(connection: Any, statement: str, *, patience_s: float = BUSY_TIMEOUT_MS / 1000) -> None:
    """Begin a transaction, retrying with backoff while SQLite answers "database is locked".

    The busy timeout makes SQLite wait for the write lock, but some waits end early (another
    connection recovering or checkpointing the WAL answers busy at once); those are retried for up
    to the busy timeout, so two writers on one file never see "locked" under ordinary use.
    """
    from sqlalchemy.exc import OperationalError

    deadline = time.monotonic() + patience_s
    delay = 0.005
    while True:
        try:
            connection.exec_driver_sql(statement)
            return
        except OperationalError as error:
            if not _is_busy(error) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def current_user() -> str:
    """The name written to ``updated_by``: the operating-system user."""
    try:
        return getpass.getuser()[:80]  # the column's width (a server enforces it)
    except Exception:  # no login name (containers, services): still record something
        return "unknown"


class Database:
    """An open Dugout database: hands out short sessions, one per operation.

    A ``read_only`` database (a file this user may not change) reads as usual; every write is
    refused with ``ReadOnlyDatabase`` before anything is tried.
    """

    def __init__(self, url: str, engine: Engine | None = None, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.engine = engine or make_engine(url, read_only=read_only)
        self._reader = self.engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"})

    @property
    def path(self) -> Path | None:
        """The file of a SQLite database, else None."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
            return None
        name = str(parsed.database)
        return Path(urllib.parse.unquote(name[5:])) if name.startswith("file:") else Path(name)

    @property
    def display_name(self) -> str:
        """How the database is named to the user: its file name, or the URL without password."""
        path = self.path
        return path.name if path else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write session in one transaction (BEGIN IMMEDIATE on SQLite): commit or roll back whole."""
        if self.read_only:
            raise ReadOnlyDatabase(tr("read-only: you cannot change {name}", name=self.display_name))
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session whose transaction does not take the write lock."""
        # Closing (not rolling back) ends the transaction and detaches rows without expiring
        # them, so values read here stay usable after the block.
        with Session(self._reader, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        """Release every pooled connection (checkpoints and removes the WAL on SQLite)."""
        self.engine.dispose()
