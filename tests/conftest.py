"""Shared fixtures: a fresh migrated database per test (built once, copied), isolated settings,
and the test PostgreSQL server (tests/db/conftest.py runs the data-layer tests on both engines)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never need a display in tests, and qt-material writes generated icons under $HOME.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.engine import Database, without_password  # noqa: E402
from db.errors import one_line  # noqa: E402
from db.opening import open_database  # noqa: E402
from tests.engines import PG_PASSWORD, PG_URL_ENV, PgServer  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("DUGOUT_DATA_DIR", str(home / "dugout-data"))


@pytest.fixture
def settings(tmp_path: Path):
    """A private QSettings file: no test reads or writes the user's own settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_database(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, _empty_template: Path) -> Path:
    """A fresh, migrated, empty database file (a copy of one built once per session)."""
    target = tmp_path / "dugout.sqlite"
    shutil.copyfile(_empty_template, target)
    return target


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo season built once per session; never written to (use ``demo_path``)."""
    from db.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    create_demo(path)
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A private copy of the demo season."""
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """The fresh database, opened."""
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The test PostgreSQL server named by $DUGOUT_TEST_PG_URL (``bash packaging/bootstrap.sh test``
    starts one). Without it the PostgreSQL cases are skipped, except in CI (CI=true): there it is a failure."""
    url = os.environ.get(PG_URL_ENV)
    server, problem = None, ""
    if not url:
        problem = f"PostgreSQL not available: {PG_URL_ENV} is not set (bash packaging/bootstrap.sh test starts a server)"
    else:
        try:
            server = PgServer(url)
        except Exception as error:  # no driver, server down, refused login
            problem = f"PostgreSQL not reachable at {without_password(url)}: {one_line(error)}"
    if server is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}; CI must run the PostgreSQL cases", pytrace=False)
        pytest.skip(problem)
    yield server
    server.close()



@pytest.fixture(scope="session")
def pg_login(pg_server: PgServer) -> Iterator[str]:
    """A login role on the test server that needs a password (``PG_PASSWORD``); its name."""
    name = f"coach_{os.getpid()}"
    pg_server.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{PG_PASSWORD}'")
    yield name
    pg_server.execute(f'DROP ROLE IF EXISTS "{name}"')
