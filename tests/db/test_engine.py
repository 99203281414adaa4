"""Engine settings and transactions, on both engines; pragmas and file locks on SQLite only."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db.engine import Database
from db.errors import StaleEdit
from db.squad.models import Player
from db.squad.writes import update_player
from db.versioning import integrity_to_validation, update_versioned
from tests.helpers import AS_OF, add_player, build_squad


@pytest.mark.sqlite_only
def test_sqlite_pragmas_are_set(database: Database) -> None:
    with database.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


@pytest.mark.sqlite_only
def test_write_transaction_takes_the_write_lock_at_begin(database: Database) -> None:
    """BEGIN IMMEDIATE: another writer is refused while our transaction is open, before we write."""
    with database.transaction() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(database.path or "", timeout=0)
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
    with pytest.raises(IntegrityError) as info, database.transaction() as session:
        session.execute(
            text("INSERT INTO club_alias(club_id, alias, alias_key) VALUES (999, 'x', 'x')")
        )
    refused = integrity_to_validation(info.value)
    assert refused.message == "A row it refers to does not exist (any more)"


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


def test_a_second_writer_of_the_same_row_gets_a_stale_edit_not_a_lost_update(database: Database) -> None:
    """Two users saw version 1. The first one's transaction is still open when the second saves:
    the second waits (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock under READ COMMITTED), then
    finds the version moved on and is refused."""
    club_season = build_squad(database)
    player_id, _ = add_player(database, club_season, "Fran García", 20)
    first_wrote, release = threading.Event(), threading.Event()

    def first_user() -> None:
        with database.transaction() as session:
            update_versioned(session, Player, player_id, 1, {"height_cm": 169}, "coach")
            first_wrote.set()
            release.wait(5)

    outcome: dict[str, object] = {}
    second = Database(database.url)

    def second_user() -> None:
        try:
            outcome["version"] = update_player(second, player_id, 1, {"height_cm": 180}, as_of=AS_OF, by="physio")
        except StaleEdit as error:
            outcome["stale"] = error

    threads = [threading.Thread(target=first_user), threading.Thread(target=second_user)]
    threads[0].start()
    assert first_wrote.wait(5)
    threads[1].start()
    time.sleep(0.3)
    assert threads[1].is_alive(), "the second writer waits for the first one's transaction"
    release.set()
    for thread in threads:
        thread.join(10)
    second.close()
    assert "stale" in outcome and "version" not in outcome
    with database.reading() as session:
        player = session.get(Player, player_id)
        assert player is not None
        assert (player.height_cm, player.version, player.updated_by) == (169, 2, "coach")


@pytest.mark.postgres_only
def test_server_sessions_are_read_committed_with_a_lock_timeout(database: Database) -> None:
    with database.reading() as session:
        settings = {name: session.execute(text(f"SHOW {name}")).scalar()
                    for name in ("transaction_isolation", "lock_timeout", "application_name")}
    assert settings == {"transaction_isolation": "read committed", "lock_timeout": "5s", "application_name": "Dugout"}


def test_a_url_to_remember_or_show_has_no_password() -> None:
    from db.engine import hide_password, without_password

    url = "postgresql+psycopg://coach:s3%40cret@db.club.local:5432/dugout?sslmode=require"
    assert without_password(url) == "postgresql+psycopg://coach@db.club.local:5432/dugout?sslmode=require"
    assert without_password("postgresql+psycopg:///?service=club") == "postgresql+psycopg:///?service=club"
    assert without_password("/home/coach/club.sqlite") == "/home/coach/club.sqlite"
    assert hide_password("failed for coach:s3%40cret@db and s3@cret", url) == "failed for coach:***@db and ***"
    assert hide_password("port 'x' of postgresql://coach:pw@h:x/db", "postgresql://coach:pw@h:x/db").count("pw") == 0
