"""Backups with SQLite's online backup API: checked after writing, kept in the data folder (never
beside the database), pruned by the retention rules, restored after backing up the current state;
``dugout backup`` and ``dugout restore``. A server database gets one line saying backups are not its."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from db.backups import (
    BackupFailed,
    BackupsNotAvailable,
    backup_folder,
    database_file,
    integrity_problems,
    latest_good_backup,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
)
from db.domain.backup_rules import backups_to_keep
from db.engine import Database
from db.opening import open_database
from db.paths import data_dir
from db.reference.queries import get_setting
from db.reference.writes import set_setting
from desktop.cli import main

pytestmark = pytest.mark.sqlite_only


def _set(database: Database, value: str) -> None:
    with database.transaction() as session:
        set_setting(session, "note", value)


def _get(database: Database) -> str | None:
    with database.reading() as session:
        return get_setting(session, "note")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_a_checked_copy_in_the_data_folder_named_after_the_database(database: Database) -> None:
    path = database_file(database)
    _set(database, "before")
    backup = make_backup(path, reason="manual", now=dt.datetime(2025, 5, 2, 10, 30, 15))
    assert backup.path.parent == backup_folder(path) and data_dir() in backup.path.parents
    assert backup.path.name == "dugout-2025-05-02_103015-manual.sqlite"
    assert backup.size == backup.path.stat().st_size > 0
    assert not integrity_problems(backup.path)
    assert not [p for p in path.parent.iterdir() if p.name.startswith("dugout-")], "nothing beside the database"
    with sqlite3.connect(backup.path) as copy:  # a self-contained file: the last commit is in it, no -wal needed
        assert copy.execute("SELECT value FROM setting WHERE key = 'note'").fetchone() == ("before",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_backup_taken_while_another_connection_writes_is_consistent(database: Database) -> None:
    path = database_file(database)
    with database.transaction() as session:  # a write in progress: its rows are not in the backup
        set_setting(session, "note", "uncommitted")
        backup = make_backup(path)
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("SELECT value FROM setting WHERE key = 'note'").fetchone() is None
    assert not integrity_problems(backup.path)


def test_a_backup_that_fails_its_check_is_reported_and_not_counted(database: Database,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = database_file(database)
    monkeypatch.setattr("db.backups.integrity_problems", lambda _p: ["*** in database main *** Page 7: btreeInitPage"])
    with pytest.raises(BackupFailed, match="damaged .*Page 7.*not kept"):
        make_backup(path)
    assert list_backups(path) == []
    assert not any(backup_folder(path).iterdir()), "not even a partial file is left"


def test_old_backups_are_pruned_by_the_retention_rules(database: Database) -> None:
    path = database_file(database)
    now = dt.datetime(2025, 5, 2, 12, 0)
    times = [now - dt.timedelta(hours=hours) for hours in range(0, 24 * 60, 6)]  # four a day for 60 days
    for time in times:
        make_backup(path, reason="periodic", now=time, prune=False)
    assert len(list_backups(path)) == 240
    gone = prune_backups(path, now)
    kept = list_backups(path)
    assert len(gone) + len(kept) == 240 and all(not p.exists() for p in gone)
    assert {b.taken_at for b in kept} == backups_to_keep(times, now)
    assert len([b for b in kept if b.taken_at.date() >= dt.date(2025, 5, 1)]) == 7  # all of today and yesterday
    assert all(b.taken_at.hour == 18 for b in kept if b.taken_at.date() < dt.date(2025, 5, 1))
    assert 7 + 12 < len(kept) <= 7 + 12 + 10 + 9
    make_backup(path, now=now + dt.timedelta(minutes=1))  # every new backup prunes too
    assert len(list_backups(path)) == len(kept) + 1


def test_restoring_puts_the_backup_back_and_backs_up_the_current_state_first(database: Database) -> None:
    path = database_file(database)
    _set(database, "good")
    good = make_backup(path, now=dt.datetime(2025, 5, 1, 9, 0))
    _set(database, "after")
    database.close()  # the window lets go of the file first: a restore needs it to itself
    current = restore_backup(path, good.path)
    assert _get(database) == "good", "the database reconnects to the restored data"
    assert current is not None and current.reason == "before-restore"
    with sqlite3.connect(current.path) as copy:
        assert copy.execute("SELECT value FROM setting WHERE key = 'note'").fetchone() == ("after",)
    assert not integrity_problems(path)
    _set(database, "writable as before")
    assert _get(database) == "writable as before"


def test_a_damaged_database_is_kept_aside_then_replaced_by_the_backup(database: Database) -> None:
    path = database_file(database)
    _set(database, "good")
    good = make_backup(path)
    database.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)
    path.write_bytes(bytes(data))
    assert restore_backup(path, good.path) is None
    aside = list(backup_folder(path).glob("*-damaged.sqlite.bad"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)
    assert latest_good_backup(path) is not None
    reopened = open_database(path)
    try:
        assert _get(reopened) == "good"
    finally:
        reopened.close()


def test_a_backup_that_is_not_a_dugout_database_is_not_restored(database: Database, tmp_path: Path) -> None:
    path = database_file(database)
    other = tmp_path / "notes.sqlite"
    other.write_text("hello", encoding="utf-8")
    before = _sha(path)
    with pytest.raises(BackupFailed, match="not a database"):
        restore_backup(path, other)
    assert _sha(path) == before and list_backups(path) == []


def test_the_commands_back_up_and_restore(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(db_path)
    _set(database, "one")
    database.close()
    assert main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    made = list_backups(db_path)
    assert len(made) == 1 and str(made[0].path) in out and "integrity ok" in out
    assert main(["--db", str(db_path), "backup", str(tmp_path / "mine.sqlite")]) == 0
    assert not integrity_problems(tmp_path / "mine.sqlite")
    assert main(["--db", str(db_path), "backup", str(tmp_path / "mine.sqlite")]) == 1
    assert "exists already" in capsys.readouterr().err
    database = open_database(db_path)
    _set(database, "two")
    database.close()
    assert main(["--db", str(db_path), "restore", str(tmp_path / "mine.sqlite")]) == 0
    assert "backed up in" in capsys.readouterr().out
    database = open_database(db_path)
    try:
        assert _get(database) == "one"
    finally:
        database.close()


def test_backups_of_a_server_database_are_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://coach:secret@db.club.invalid/dugout"
    for command in (["backup"], ["restore", "x.sqlite"], ["check", "--repair"]):
        assert main(["--db-url", url, *command]) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "secret" not in err
        assert "SQLite files" in err
    with pytest.raises(BackupsNotAvailable, match="pg_dump"):
        database_file(Database(url))


def test_an_import_from_the_command_line_backs_up_first(db_path: Path, tmp_path: Path) -> None:
    csv = tmp_path / "squad.csv"
    csv.write_text("name,number\nJude Bellingham,5\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "squad", str(csv), "--club", "Real Madrid"]) == 0
    assert [b.reason for b in list_backups(db_path)] == ["before-import"]
    assert main(["--db", str(tmp_path / "new.sqlite"), "import", "squad", str(csv), "--club", "Real Madrid"]) == 0
    assert list_backups(tmp_path / "new.sqlite") == [], "a file the import itself creates has nothing to back up"


def test_backups_never_go_beside_a_shared_file(db_path: Path) -> None:
    make_backup(db_path)
    assert sorted(os.listdir(db_path.parent)) == ["dugout.sqlite"]


def test_a_backup_is_never_restored_over_another_programs_file(db_path: Path, tmp_path: Path) -> None:
    good = make_backup(db_path)
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    before = _sha(theirs)
    with pytest.raises(BackupFailed, match="Not restored over theirs.sqlite"):
        restore_backup(theirs, good.path)
    assert _sha(theirs) == before



def test_restoring_an_old_backup_never_prunes_the_backup_being_restored(db_path: Path) -> None:
    """The backup made before a restore must not prune the chosen one (two of one day, restored two days later)."""
    database = open_database(db_path)
    _set(database, "morning")
    morning = make_backup(db_path, reason="start", now=dt.datetime(2025, 5, 1, 10, 0))
    _set(database, "evening")
    make_backup(db_path, reason="periodic", now=dt.datetime(2025, 5, 1, 18, 0))
    _set(database, "today")
    database.close()
    restore_backup(db_path, morning.path, now=dt.datetime(2025, 5, 3, 9, 0))
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT value FROM setting WHERE key = 'note'").fetchone() == ("morning",)
    kept = {b.reason for b in list_backups(db_path)}
    assert "before-restore" in kept and "periodic" in kept, "pruned after the restore, by the rules"


def test_a_restore_over_a_damaged_file_another_window_has_open_is_refused(db_path: Path) -> None:
    """Replacing the file under a window would let it go on writing into a deleted file."""
    from db.backups import DatabaseInUse
    from db.demo import create_demo
    from tests.db.test_health import _damaged_index

    create_demo(db_path)
    good = make_backup(db_path)
    _damaged_index(db_path)
    other = Database(f"sqlite:///{db_path}")
    try:
        with other.reading() as session:
            assert get_setting(session, "currency") is not None
        before = _sha(db_path)
        with pytest.raises(DatabaseInUse, match="in use by another Dugout window"):
            restore_backup(db_path, good.path)
        assert _sha(db_path) == before and not list(backup_folder(db_path).glob("*.bad"))
        _set(other, "typed in the other window")
    finally:
        other.close()
    restore_backup(db_path, good.path)  # once the other window has closed it
    assert integrity_problems(db_path) == [] and len(list(backup_folder(db_path).glob("*.bad"))) == 1


def test_a_restore_while_another_process_has_the_file_open_is_refused(db_path: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys
    import textwrap

    backup = make_backup(db_path, target=tmp_path / "good.sqlite")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from db.engine import Database
        from db.reference.queries import get_setting
        database = Database("sqlite:///{db_path}")
        with database.reading() as session:
            get_setting(session, "note")
        print("open", flush=True)
        sys.stdin.readline()
        database.close()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = _sha(db_path)
        assert main(["--db", str(db_path), "restore", str(backup.path)]) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "in use" in err
        assert _sha(db_path) == before and list_backups(db_path) == []
    finally:
        holder.communicate("\n", timeout=30)
    assert main(["--db", str(db_path), "restore", str(backup.path)]) == 0


def test_when_the_current_state_cannot_be_backed_up_nothing_is_restored(db_path: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    database = open_database(db_path)
    _set(database, "good")
    database.close()
    backup = make_backup(db_path, target=tmp_path / "good.sqlite")
    database = open_database(db_path)
    _set(database, "current")
    database.close()
    before = _sha(db_path)

    def failing(*_args: object, **_kwargs: object) -> None:
        raise BackupFailed("Cannot write the backup of dugout.sqlite: No space left on device")

    monkeypatch.setattr("db.backups.make_backup", failing)
    with pytest.raises(BackupFailed, match="No space left"):
        restore_backup(db_path, backup.path)
    assert _sha(db_path) == before
    assert not backup_folder(db_path).exists() or not any(backup_folder(db_path).iterdir()), "nothing kept aside"


@pytest.mark.parametrize("content", [b"", None], ids=["zero-bytes", "no-tables"])
def test_an_empty_file_is_not_restored(db_path: Path, tmp_path: Path, content: bytes | None,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    if content is None:
        sqlite3.connect(empty).close()
        with sqlite3.connect(empty) as connection:
            connection.execute("VACUUM")
    else:
        empty.write_bytes(content)
    before = _sha(db_path)
    with pytest.raises(BackupFailed, match="empty, not a Dugout database"):
        restore_backup(db_path, empty)
    assert main(["--db", str(db_path), "restore", str(empty)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "empty" in err
    assert _sha(db_path) == before and list_backups(db_path) == []


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(db_path: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from db.migrate import upgrade
    from db.migrations import HEAD
    from db.opening import identify

    old = tmp_path / "old.sqlite"
    older = Database(f"sqlite:///{old}")
    upgrade(older.engine, "0005_league")
    older.close()
    assert main(["--db", str(db_path), "restore", str(old)]) == 0
    assert f"from schema 0005_league to {HEAD}" in capsys.readouterr().out
    assert identify(db_path).revision == HEAD and not integrity_problems(db_path)


def test_a_stray_file_with_an_impossible_date_is_not_a_backup(db_path: Path) -> None:
    made = make_backup(db_path)
    stray = backup_folder(db_path) / "dugout-2025-13-45_256199-manual.sqlite"
    stray.write_bytes(b"copied here by hand")
    assert [b.path for b in list_backups(db_path)] == [made.path]
    assert prune_backups(db_path) == [] and stray.exists()


def test_two_backups_at_once_never_share_a_temporary_file(db_path: Path, tmp_path: Path) -> None:
    """Another window writing the same backup name at the same moment keeps its half-written file."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    target = folder / "mine.sqlite"
    theirs = folder / "mine.sqlite.partial"
    theirs.write_bytes(b"another window's backup in progress")
    make_backup(db_path, target=target)
    assert theirs.read_bytes() == b"another window's backup in progress"
    assert not integrity_problems(target)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.sqlite", "mine.sqlite.partial"]
