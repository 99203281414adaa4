"""The two engines the data-layer tests run on: a throw-away PostgreSQL server's databases, and
what a test compares on either engine (row counts, a fingerprint of everything stored)."""

from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from db.engine import Database

PG_URL_ENV = "DUGOUT_TEST_PG_URL"
PG_PASSWORD = "s3cret-Pa55"  # of the login role the ``pg_login`` fixture makes
ENGINES = ("sqlite", "postgresql")
# Table -> the column that marks the rows its migration seeds (kept when a database is emptied).
SEEDED = {"formation": "standard"}


class PgServer:
    """Databases on the test server: created from a template per test, dropped afterwards."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        parsed = make_url(url)
        self._parsed = parsed
        self._admin = psycopg.connect(self._conninfo(parsed.database or "postgres"), autocommit=True)
        self._scratch: dict[str, Any] = {}
        self._prefix = f"dugout_test_{os.getpid()}_"
        self._names = itertools.count(1)
        self._created: list[str] = []

    def _conninfo(self, name: str) -> str:
        from psycopg.conninfo import make_conninfo

        parsed = self._parsed
        return make_conninfo(host=parsed.host, port=parsed.port, user=parsed.username,
                             password=parsed.password, dbname=name, connect_timeout=5)

    @property
    def version(self) -> str:
        """The server's version, e.g. '15.18'."""
        return str(self._admin.execute("SHOW server_version").fetchone()[0]).split()[0]  # type: ignore[index]

    def url_for(self, name: str, **changes: Any) -> str:
        """The URL of database ``name`` on this server (with other user, password, … if given)."""
        return make_url(self.url).set(database=name, **changes).render_as_string(hide_password=False)

    def create(self, label: str = "db", template: str | None = None, owner: str | None = None) -> str:
        """A new database (a copy of ``template``, else empty; owned by ``owner``); returns its name."""
        name = f"{self._prefix}{next(self._names)}_{label}"
        # WAL_LOG, PostgreSQL 15's default strategy, clones a small template without the
        # checkpoint FILE_COPY needs.
        clone = f' TEMPLATE "{template}"' if template else ""
        owned = f' OWNER "{owner}"' if owner else ""
        self._admin.execute(f'CREATE DATABASE "{name}"{clone}{owned}')
        self._created.append(name)
        return name

    def empty(self, name: str) -> bool:
        """Delete every row of a migrated database, restart its ids and close other connections to it.

        Far cheaper than a new database per test (~5 ms against ~250 ms for CREATE DATABASE on
        the 2-core machine). False when the schema is not the current one any more (a test
        migrated it): the caller replaces the database then.
        """
        import psycopg

        import db.schema  # noqa: F401  (every table on the metadata)
        from db.migrations import HEAD

        connection = self._scratch.get(name)
        if connection is None or connection.closed:
            connection = psycopg.connect(self._conninfo(name), autocommit=True)
            self._scratch[name] = connection
        self._admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            (name, connection.info.backend_pid),
        )
        tables = {row[0] for row in connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        wanted = {table.name for table in SQLModel.metadata.sorted_tables}
        if tables != wanted | {"alembic_version"}:
            return False
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(HEAD,)]:
            return False
        ordered = list(reversed(SQLModel.metadata.sorted_tables))
        # Rows a migration seeds (the standard formations) belong to a freshly migrated database: kept.
        statements = [f'DELETE FROM "{table.name}"' + (f" WHERE NOT {SEEDED[table.name]}" if table.name in SEEDED else "")
                      for table in ordered]
        statements += [
            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), 1, false)"
            if table.name not in SEEDED else
            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), (SELECT max(id) FROM \"{table.name}\"))"
            for table in ordered if "id" in table.c and table.c.id.autoincrement in (True, "auto")
        ]
        connection.execute("; ".join(statements))  # type: ignore[call-overload]
        return True

    def drop(self, name: str) -> None:
        """Remove a database, closing any connection a test left open."""
        scratch = self._scratch.pop(name, None)
        if scratch is not None:
            scratch.close()
        self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._created:
            self._created.remove(name)

    def execute(self, sql: str) -> None:
        """Run one administrative statement (roles, grants) on the server."""
        self._admin.execute(sql)  # type: ignore[call-overload]

    def close(self) -> None:
        """Drop every database this session made and disconnect."""
        for name in list(self._created):
            self.drop(name)
        self._admin.close()


def table_names(database: Database) -> list[str]:
    """Every table of the database, on either engine."""
    with database.engine.connect() as connection:
        return sorted(inspect(connection).get_table_names())


def row_counts(database: Database) -> dict[str, int]:
    """Rows per table, on either engine."""
    with database.reading() as session:
        return {
            table: session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            for table in table_names(database)
        }


def fingerprint(target: str | Path) -> str:
    """What a database holds: a file's bytes on SQLite; every table's rows on a server.

    Two equal fingerprints mean nothing was written in between.
    """
    if "://" not in str(target) or str(target).startswith("sqlite"):
        path = Path(make_url(str(target)).database or "") if "://" in str(target) else Path(target)
        return hashlib.sha256(path.read_bytes()).hexdigest()
    database = Database(str(target))
    try:
        digest = hashlib.sha256()
        with database.engine.connect() as connection:
            for table in sorted(inspect(connection).get_table_names()):
                rows = connection.execute(text(f'SELECT t::text FROM "{table}" AS t ORDER BY 1')).scalars()
                digest.update(table.encode())
                for row in rows:
                    digest.update(row.encode())
        return digest.hexdigest()
    finally:
        database.close()
