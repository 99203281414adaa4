"""Engine settings and transactions."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from db.engine import Database


def test_sqlite_pragmas_are_set(database: Database) -> None:
    with database.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_write_transaction_takes_the_write_lock_at_begin(database: Database, db_path) -> None:
    """BEGIN IMMEDIATE: another writer is refused while our transaction is open, before we write."""
    with database.transaction() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(db_path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_read_session_does_not_block_writers(database: Database) -> None:
    with database.reading() as session:
        session.execute(text("SELECT count(*) FROM player"))
        done = threading.Event()

        def write() -> None:
            with database.transaction() as s:
                s.execute(text("INSERT INTO setting(key, value) VALUES ('k', 'v')"))
            done.set()

        worker = threading.Thread(target=write)
        worker.start()
        worker.join(5)
        assert done.is_set()


def test_failed_transaction_writes_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.execute(text("INSERT INTO setting(key, value) VALUES ('a', 'b')"))
        raise RuntimeError("boom")
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM setting")).scalar() == 0


def test_foreign_keys_enforced(database: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), database.transaction() as session:
        session.execute(
            text("INSERT INTO club_alias(club_id, alias, alias_key) VALUES (999, 'x', 'x')")
        )


def test_display_name_hides_password() -> None:
    from sqlalchemy import create_engine

    url = "postgresql+psycopg://coach:s3cret@db.club.local:5432/dugout"
    server = Database(url, engine=create_engine("sqlite://"))  # naming it needs no server
    assert "s3cret" not in server.display_name
    assert server.display_name == "postgresql+psycopg://coach:***@db.club.local:5432/dugout"
    server.close()
    local = Database("sqlite:////tmp/some-file.sqlite")
    assert local.display_name == "some-file.sqlite"
    local.close()
