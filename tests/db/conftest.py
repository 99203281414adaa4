"""Every data-layer test that opens a database runs twice: on SQLite and on PostgreSQL.

A test asks for ``database`` (opened), ``db_target`` (a path or URL of a fresh migrated database),
``blank_target`` (nothing there yet: a new file or an empty server database), ``demo_target`` (a
private copy of the demo season) or ``demo_shared`` (the demo, read only), and is run once per
engine (ids ``[sqlite]`` and ``[postgresql]``). On PostgreSQL, ``db_target`` is one database
emptied before each test; the demo and blank ones are cloned from templates built once per session
(CREATE DATABASE … TEMPLATE) and dropped afterwards.

``@pytest.mark.sqlite_only`` marks tests about SQLite files themselves (safe open of files, WAL,
pragmas, file hashes, backups); ``@pytest.mark.postgres_only`` tests about a server (logins,
passwords, a server that is down). A test here that uses a SQLite-only fixture (``db_path``,
``demo_path``, …) without ``sqlite_only`` is a collection error, so none runs on one engine by accident.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database
from db.opening import open_database
from tests.engines import ENGINES, PgServer

_HERE = Path(__file__).resolve().parent
_SQLITE_FILE_FIXTURES = {"db_path", "demo_path", "demo_template", "_empty_template"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames:
        return
    engines = list(ENGINES)
    if metafunc.definition.get_closest_marker("sqlite_only"):
        engines = ["sqlite"]
    elif metafunc.definition.get_closest_marker("postgres_only"):
        engines = ["postgresql"]
    metafunc.parametrize("db_engine", engines, indirect=True, scope="session")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE not in Path(str(item.path)).parents or item.get_closest_marker("sqlite_only"):
            continue
        used = _SQLITE_FILE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if used:
            raise pytest.UsageError(
                f"{item.nodeid} uses {sorted(used)}: use db_target/demo_target, or mark it sqlite_only"
            )


@pytest.fixture(scope="session")
def db_engine(request: pytest.FixtureRequest) -> str:
    """The engine this run of the test uses: 'sqlite' or 'postgresql' (skipped without a server)."""
    engine: str = request.param
    if engine == "postgresql":
        request.getfixturevalue("pg_server")
    return engine


@pytest.fixture(scope="session")
def _pg_empty_template(pg_server: PgServer) -> str:
    name = pg_server.create("empty_template")
    open_database(pg_server.url_for(name)).close()  # an empty server database gets the schema
    return name


@pytest.fixture(scope="session")
def _pg_demo_template(pg_server: PgServer, _pg_empty_template: str) -> str:
    from db.demo import create_demo

    name = pg_server.create("demo_template", template=_pg_empty_template)
    create_demo(pg_server.url_for(name))
    return name


def _fresh(request: pytest.FixtureRequest, db_engine: str, sqlite_template: str, pg_template: str,
           file_name: str) -> Iterator[str]:
    """A copy of a template: a file copied on SQLite, a database cloned on PostgreSQL."""
    if db_engine == "sqlite":
        target = request.getfixturevalue("tmp_path") / file_name
        shutil.copyfile(request.getfixturevalue(sqlite_template), target)
        yield str(target)
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create(template=request.getfixturevalue(pg_template))
    yield server.url_for(name)
    server.drop(name)


@pytest.fixture(scope="session")
def _pg_scratch(pg_server: PgServer, _pg_empty_template: str) -> list[str]:
    """The database ``db_target`` hands out on PostgreSQL, emptied before each test ([name])."""
    return [pg_server.create("scratch", template=_pg_empty_template)]


@pytest.fixture
def db_target(request: pytest.FixtureRequest, db_engine: str) -> Iterator[str]:
    """A fresh, migrated, empty database: a file path on SQLite, a URL on PostgreSQL.

    On PostgreSQL it is one database emptied before each test (rows deleted, ids restarted, other
    connections closed), replaced by a new copy of the template when a test changed its schema.
    """
    if db_engine == "sqlite":
        yield from _fresh(request, db_engine, "_empty_template", "_pg_empty_template", "dugout.sqlite")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    scratch: list[str] = request.getfixturevalue("_pg_scratch")
    if not server.empty(scratch[0]):
        server.drop(scratch[0])
        scratch[0] = server.create("scratch", template=request.getfixturevalue("_pg_empty_template"))
    yield server.url_for(scratch[0])


@pytest.fixture
def demo_target(request: pytest.FixtureRequest, db_engine: str) -> Iterator[str]:
    """A private copy of the demo season (path or URL) that the test may write to."""
    yield from _fresh(request, db_engine, "demo_template", "_pg_demo_template", "demo.sqlite")


@pytest.fixture(scope="session")
def demo_shared(request: pytest.FixtureRequest, db_engine: str) -> Iterator[str]:
    """The demo season built once per session and engine: read it, never write to it."""
    if db_engine == "sqlite":
        yield str(request.getfixturevalue("demo_template"))
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create("demo_shared", template=request.getfixturevalue("_pg_demo_template"))
    yield server.url_for(name)
    server.drop(name)


@pytest.fixture
def blank_target(request: pytest.FixtureRequest, db_engine: str, tmp_path: Path) -> Iterator[str]:
    """Where nothing is yet: a file name not taken, or an empty server database (no schema)."""
    if db_engine == "sqlite":
        yield str(tmp_path / "new.sqlite")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create("blank")
    yield server.url_for(name)
    server.drop(name)


@pytest.fixture
def database(db_target: str) -> Iterator[Database]:
    """The fresh database, opened (either engine)."""
    opened = open_database(db_target)
    yield opened
    opened.close()
