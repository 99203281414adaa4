"""A club server (PostgreSQL): logins through libpq's own means, passwords never shown, bad input
refused in one line on stderr with nothing written, the demo in shared mode.

The same refusals for files are in test_opening.py (SQLite only)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.engine import Database
from db.opening import open_database
from desktop.cli import main
from tests.engines import PG_PASSWORD as PASSWORD
from tests.engines import PgServer, fingerprint, table_names

pytestmark = pytest.mark.postgres_only

@pytest.fixture
def coach(pg_login: str) -> str:
    """A login role that needs ``PASSWORD`` (the test server trusts only its superuser)."""
    return pg_login


@pytest.fixture
def club_db(pg_server: PgServer, coach: str) -> Iterator[str]:
    """An empty database the coach owns; its name."""
    name = pg_server.create("club", owner=coach)
    yield name
    pg_server.drop(name)


def _url(pg_server: PgServer, name: str, coach: str, password: str | None = None) -> str:
    return pg_server.url_for(name, username=coach, password=password)


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dugout: "), err
    assert "Traceback" not in err and PASSWORD not in err
    return lines[0]


def _squad_file(tmp_path: Path) -> Path:
    squad = tmp_path / "squad.csv"
    squad.write_text("name,number\nJude Bellingham,5\nLuka Modrić,10\n", encoding="utf-8")
    return squad


COMMANDS = {"migrate": ["migrate"], "import": ["import", "squad", "SQUAD", "--club", "Real Madrid"], "demo": ["demo"]}


def _run(url: str, command: str, tmp_path: Path) -> int:
    squad = str(_squad_file(tmp_path))
    return main(["--db-url", url, *[squad if part == "SQUAD" else part for part in COMMANDS[command]]])


# --- credentials: Dugout stores none; libpq's own means work with a URL without password ----------


def test_pgpassword_serves_a_url_without_password(pg_server, coach, club_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert main(["--db-url", _url(pg_server, club_db, coach), "migrate"]) == 0
    assert "is at schema" in capsys.readouterr().out


def test_pgpass_file_in_home_serves_a_url_without_password(pg_server, coach, club_db, capsys) -> None:
    port = make_url(pg_server.url).port
    pgpass = Path(os.environ["HOME"]) / ".pgpass"  # the test's own HOME (conftest)
    pgpass.write_text(f"127.0.0.1:{port}:{club_db}:{coach}:{PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    assert main(["--db-url", _url(pg_server, club_db, coach), "migrate"]) == 0
    capsys.readouterr()


def test_service_file_names_the_whole_connection(pg_server, coach, club_db, tmp_path, monkeypatch, capsys) -> None:
    port = make_url(pg_server.url).port
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[club]\nhost=127.0.0.1\nport={port}\ndbname={club_db}\nuser={coach}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert main(["--db-url", "postgresql+psycopg:///?service=club", "migrate"]) == 0
    assert "is at schema" in capsys.readouterr().out
    database = Database(_url(pg_server, club_db, coach, PASSWORD))
    try:
        assert "player" in table_names(database)
    finally:
        database.close()


def test_a_plain_postgresql_url_uses_psycopg(pg_server, coach, club_db, monkeypatch, capsys) -> None:
    """``postgresql://`` (libpq's spelling, SQLAlchemy's psycopg2 default) is taken as psycopg 3."""
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    url = _url(pg_server, club_db, coach).replace("postgresql+psycopg://", "postgresql://")
    assert main(["--db-url", url, "migrate"]) == 0
    assert "is at schema" in capsys.readouterr().out


def test_a_password_in_the_url_is_never_printed(pg_server, coach, club_db, tmp_path, monkeypatch, capsys) -> None:
    url = _url(pg_server, club_db, coach, PASSWORD)
    assert main(["--db-url", url, "migrate"]) == 0
    assert main(["--db-url", url, "import", "squad", str(_squad_file(tmp_path)), "--club", "Real Madrid"]) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out and f"{coach}:***@" in out

    def crash(*_args, **_kwargs):
        raise RuntimeError(f"boom while talking to {url}")

    monkeypatch.setattr("db.importers.squad.apply_squad", crash)
    assert _run(url, "import", tmp_path) == 1
    assert "boom" in _one_error_line(capsys)
    crash_log = Path(os.environ["DUGOUT_DATA_DIR"]) / "crash.log"
    assert "boom" in crash_log.read_text(encoding="utf-8")
    assert PASSWORD not in crash_log.read_text(encoding="utf-8")


# --- bad input: one line on stderr, nothing written ---------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_wrong_password(pg_server, coach, club_db, command, tmp_path, capsys) -> None:
    url = _url(pg_server, club_db, coach, "not-the-password")
    assert _run(url, command, tmp_path) == 1
    line = _one_error_line(capsys)
    assert "password authentication failed" in line and "not-the-password" not in line
    database = Database(_url(pg_server, club_db, coach, PASSWORD))
    try:
        assert table_names(database) == [], "nothing written"
    finally:
        database.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends: nothing listens there


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_server_down(command, tmp_path, capsys) -> None:
    url = f"postgresql+psycopg://coach:{PASSWORD}@127.0.0.1:{_closed_port()}/club"
    assert _run(url, command, tmp_path) == 1
    line = _one_error_line(capsys)
    assert "Cannot open" in line and "coach:***@" in line


@pytest.fixture
def foreign_db(pg_server: PgServer) -> Iterator[str]:
    """A database of another application: tables, but no Dugout schema."""
    name = pg_server.create("foreign")
    url = pg_server.url_for(name)
    database = Database(url)
    with database.transaction() as session:
        session.execute(text("CREATE TABLE notes(id serial PRIMARY KEY, body text)"))
        session.execute(text("INSERT INTO notes(body) VALUES ('keep me')"))
    database.close()
    yield url
    pg_server.drop(name)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_database_of_another_application(foreign_db, command, tmp_path, capsys) -> None:
    before = fingerprint(foreign_db)
    assert _run(foreign_db, command, tmp_path) == 1
    assert "another program's tables" in _one_error_line(capsys)
    assert fingerprint(foreign_db) == before
    database = Database(foreign_db)
    try:
        assert table_names(database) == ["notes"]
    finally:
        database.close()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_schema_newer_than_this_dugout(db_target, command, tmp_path, capsys) -> None:
    database = open_database(db_target)
    with database.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    database.close()
    before = fingerprint(db_target)
    assert _run(db_target, command, tmp_path) == 1
    line = _one_error_line(capsys)
    assert "newer version of Dugout" in line and "9999_from_the_future" in line
    assert fingerprint(db_target) == before


def test_a_row_locked_by_another_user_is_busy_in_one_line(db_target, tmp_path, monkeypatch, capsys) -> None:
    """lock_timeout plays SQLite's busy timeout: a write blocked by another session gives up in one line."""
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 200)
    holder = Database(db_target)
    try:
        with holder.transaction() as session:
            session.execute(text("LOCK TABLE club IN EXCLUSIVE MODE"))
            assert _run(db_target, "import", tmp_path) == 1
    finally:
        holder.close()
    assert _one_error_line(capsys) == "dugout: the database is busy: another program is writing to it; try again"


# --- the demo in shared mode --------------------------------------------------------------------


def test_demo_goes_into_an_empty_server_database_once(blank_target, capsys) -> None:
    assert main(["--db-url", blank_target, "demo"]) == 0
    first = capsys.readouterr().out
    assert "Players added" in first and "Demo season ready in postgresql+psycopg://" in first
    assert main(["--db-url", blank_target, "demo"]) == 0
    assert "Nothing new: the demo was already loaded" in capsys.readouterr().out


def test_demo_refuses_a_server_database_holding_another_club(db_target, tmp_path, capsys) -> None:
    assert _run(db_target, "import", tmp_path) == 0
    capsys.readouterr()
    before = fingerprint(db_target)
    assert _run(db_target, "demo", tmp_path) == 1
    assert "holds a club's own data" in _one_error_line(capsys)
    assert fingerprint(db_target) == before


def test_import_into_an_empty_server_database_then_again_adds_nothing(blank_target, tmp_path, capsys) -> None:
    assert _run(blank_target, "import", tmp_path) == 0
    assert "Added 2, updated 0, unchanged 0, refused 0" in capsys.readouterr().out
    assert _run(blank_target, "import", tmp_path) == 0
    assert "Added 0, updated 0, unchanged 2, refused 0" in capsys.readouterr().out
