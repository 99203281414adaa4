"""Engines and transactions.

SQLite runs with foreign keys on, WAL, ``synchronous=FULL`` and a busy timeout, and every write
transaction begins ``IMMEDIATE`` so two writers queue instead of failing half-way with
"database is locked" at their first write. FULL rather than NORMAL: Dugout writes a handful of
rows per human action, so an fsync per commit costs nothing noticeable, and under WAL with NORMAL
the last commits can vanish on a power cut; a physio's injury note must not.

Any SQLAlchemy URL works (``--db-url``); the SQLite-specific parts switch on by dialect.
"""

from __future__ import annotations

import getpass
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from db.errors import ReadOnlyDatabase
from db.i18n import tr

BUSY_TIMEOUT_MS = 5000
_BEGIN_OPTION = "dugout_begin"


def sqlite_url(path: str | Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` with Dugout's connection settings applied."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
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
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def current_user() -> str:
    """The name written to ``updated_by``: the operating-system user."""
    try:
        return getpass.getuser()
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
