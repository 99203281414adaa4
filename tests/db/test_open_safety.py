"""Opening files the user may only read, files of other programs, and folders the user may not write."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.errors import DatabaseRefused
from db.opening import open_database
from db.reference.queries import get_setting
from db.reference.writes import set_setting
from db.sqlite_files import APPLICATION_ID, sidecars
from tests.helpers import as_another_user, hand_to_another_user

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only  # files, their permissions and their sidecars


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shared(tmp_path: Path, demo_template: Path) -> Path:
    """The demo season in a shared folder, owned by someone else: readable, not writable by us."""
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "club.sqlite"
    shutil.copyfile(demo_template, target)
    hand_to_another_user(target, folder)
    return target


READER = textwrap.dedent("""
    import sys
    from db.errors import ReadOnlyDatabase
    from db.opening import open_database
    from db.reference.queries import our_club_and_season
    from db.squad.queries import squad_rows
    import datetime as dt
    database = open_database(sys.argv[1] if len(sys.argv) > 1 else {path!r})
    with database.reading() as session:
        club, season = our_club_and_season(session)
        rows = squad_rows(session, club_id=club.id, season_id=season.id, as_of=dt.date(2025, 5, 2))
    print(len(rows), database.read_only)
    try:
        with database.transaction() as session:
            pass
    except ReadOnlyDatabase as error:
        print(error)
    database.close()
""")


def test_a_reader_who_may_not_write_reads_and_leaves_nothing_behind(shared: Path) -> None:
    before = _hash(shared)
    result = as_another_user(READER.format(path=str(shared)), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    first, refusal = result.stdout.strip().splitlines()
    count, read_only = first.split()
    assert int(count) >= 26 and read_only == "True"
    assert refusal == "read-only: you cannot change club.sqlite"
    assert not any(p.exists() for p in sidecars(shared))  # nothing owned by the reader is left
    assert _hash(shared) == before
    # The owner (us, here) writes as before: no stale -shm of the reader's in the way.
    database = open_database(shared)
    with database.transaction() as session:
        set_setting(session, "owner_was_here", "yes")
    with database.reading() as session:
        assert get_setting(session, "owner_was_here") == "yes"
    database.close()


def test_a_reader_while_the_owner_works_in_it_creates_nothing_either(shared: Path) -> None:
    owner = open_database(shared)  # the owner has it open: -wal and -shm exist
    try:
        with owner.reading() as session:
            session.connection()
        assert all(p.exists() for p in sidecars(shared))
        result = as_another_user(READER.format(path=str(shared)), cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[0].split()[1] == "True"
    finally:
        owner.close()


def test_the_command_line_says_read_only_not_damaged(shared: Path, tmp_path: Path) -> None:
    csv = tmp_path / "squad.csv"
    csv.write_text("name,number\nNew Signing,40\n", encoding="utf-8")
    before = _hash(shared)
    code = f"import sys; from desktop.cli import main; sys.exit(main(['--db', {str(shared)!r}, 'import', 'squad', {str(csv)!r}]))"
    result = as_another_user(code, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["dugout: read-only: you cannot change club.sqlite"]
    assert _hash(shared) == before and not any(p.exists() for p in sidecars(shared))


def test_a_file_the_user_may_not_read_is_a_permission_problem(tmp_path: Path, _empty_template: Path) -> None:
    private = tmp_path / "private"
    private.mkdir()
    target = private / "club.sqlite"
    shutil.copyfile(_empty_template, target)
    hand_to_another_user(target, private)
    target.chmod(0o600)
    code = f"from db.opening import open_database; open_database({str(target)!r})"
    result = as_another_user(code, cwd=ROOT)
    assert "you do not have permission" in result.stderr and "damaged" not in result.stderr


def test_a_new_file_in_a_folder_the_user_may_not_write_names_the_path(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    hand_to_another_user(locked, folder_writable=False)
    code = f"from db.opening import open_database; open_database({str(locked / 'new.sqlite')!r})"
    result = as_another_user(code, cwd=ROOT)
    assert f"Cannot create {locked / 'new.sqlite'}: you may not write in the folder {locked}" in result.stderr
    assert not (locked / "new.sqlite").exists()


def _other_program(path: Path, revision: str, application_id: int = 0) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(f"""
        CREATE TABLE player (id INTEGER PRIMARY KEY, name TEXT);
        CREATE TABLE alembic_version (version_num TEXT);
        INSERT INTO alembic_version VALUES ('{revision}');
        PRAGMA application_id = {application_id};
    """)
    connection.close()
    return path


@pytest.mark.parametrize(("revision", "application_id", "reason", "words"), [
    ("3f2a9c1b7d4e", 0, "foreign", "another program"),  # another Alembic project with a player table
    ("0042_scouting", 0x12345678, "foreign", "not a Dugout one"),  # another program's own mark
    ("0099_future", 0, "newer", "newer version of Dugout"),  # a Dugout file from before the mark
    ("0002_injuries", APPLICATION_ID, "newer", "newer version of Dugout"),
])
def test_other_programs_files_are_not_called_newer(tmp_path: Path, revision: str, application_id: int,
                                                   reason: str, words: str) -> None:
    path = _other_program(tmp_path / "theirs.sqlite", revision, application_id)
    before = _hash(path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(path)
    assert refused.value.reason == reason and words in str(refused.value)
    assert _hash(path) == before


def test_new_files_carry_dugouts_mark(tmp_path: Path) -> None:
    open_database(tmp_path / "new.sqlite").close()
    connection = sqlite3.connect(tmp_path / "new.sqlite")
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()


@pytest.mark.parametrize("command", [["screenshots", "SHOTS"], [], ["migrate"], ["demo"]])
def test_every_command_on_a_refused_file_ends_with_one_line(tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    args = [str(tmp_path / "shots") if part == "SHOTS" else part for part in command]
    env = {"QT_QPA_PLATFORM": "offscreen", "DUGOUT_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bad), *args], cwd=ROOT,
                            env={**__import__("os").environ, **env}, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"dugout: {bad} is not a database (not an SQLite file)"]
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_the_window_without_a_screen_and_without_a_database_says_so(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "DUGOUT_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env={**__import__("os").environ, **env},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["dugout: no database to open: pass --db FILE, or run `dugout demo` first"]


OTHER_WRITER = textwrap.dedent("""
    import sys
    from db.engine import Database, sqlite_url
    from db.reference.writes import set_setting
    database = Database(sqlite_url(sys.argv[1]))
    for i in range(30):
        with database.transaction() as session:
            set_setting(session, f"other{i}", "other process")
    database.close()
""")


def test_a_reader_never_deletes_sidecars_a_window_opened_meanwhile(db_path: Path) -> None:
    """A check or backup reads the file; a window opens it during the read. When the read ends,
    the window's -shm must stay: deleting it lets the next process lose the window's commits."""
    from db.engine import Database, sqlite_url
    from db.sqlite_files import read_only_connection

    assert not any(p.exists() for p in sidecars(db_path))
    with read_only_connection(db_path) as connection:
        connection.execute("SELECT count(*) FROM player").fetchone()
        window = Database(sqlite_url(db_path))
        with window.transaction() as session:
            set_setting(session, "window", "first")
    try:
        assert all(p.exists() for p in sidecars(db_path)), "the window's sidecars were deleted under it"
        other = subprocess.run([sys.executable, "-c", OTHER_WRITER, str(db_path)], cwd=ROOT, capture_output=True,
                               text=True, timeout=60)
        assert other.returncode == 0, other.stderr
        for i in range(30):
            with window.transaction() as session:
                set_setting(session, f"window{i}", "window")
    finally:
        window.close()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = [connection.execute("SELECT count(*) FROM setting WHERE key LIKE ?", (f"{k}%",)).fetchone()[0]
                  for k in ("window", "other")]
    assert counts == [31, 30]


def test_a_reader_who_may_write_cannot_change_the_file_and_leaves_no_sidecars(db_path: Path) -> None:
    from db.sqlite_files import read_only_connection

    before = _hash(db_path)
    with read_only_connection(db_path) as connection, pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    assert _hash(db_path) == before and not any(p.exists() for p in sidecars(db_path))


READ_ONLY_REFUSED = [
    ["demo"], ["migrate"], ["restore", "{backup}"], ["check", "--repair"],
    ["import", "squad", "{csv}", "--club", "Real Madrid"], ["import", "fixtures", "{ics}", "--club", "Real Madrid"],
]


@pytest.mark.parametrize("command", READ_ONLY_REFUSED, ids=lambda c: " ".join(c[:2]))
def test_commands_that_write_refuse_read_only_and_leave_the_file_as_it_was(
        demo_path: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from db.backups import list_backups, make_backup
    from desktop.cli import main

    backup = make_backup(demo_path, target=tmp_path / "backup.sqlite")
    (tmp_path / "squad.csv").write_text("name,number\nNew Signing,40\n", encoding="utf-8")
    (tmp_path / "f.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    args = [a.format(backup=backup.path, csv=tmp_path / "squad.csv", ics=tmp_path / "f.ics") for a in command]
    before = _hash(demo_path)
    assert main(["--db", str(demo_path), "--read-only", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--read-only" in err
    assert _hash(demo_path) == before and list_backups(demo_path) == []


def test_read_only_never_creates_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    missing = tmp_path / "nothing.sqlite"
    with pytest.raises(DatabaseRefused, match="does not exist"):
        open_database(missing, read_only=True)
    assert main(["--db", str(missing), "--read-only", "availability"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_read_only_on_a_server_is_refused_before_connecting() -> None:
    url = "postgresql+psycopg://coach:secret@db.club.invalid/dugout"
    with pytest.raises(DatabaseRefused, match="SQLite files") as refused:
        open_database(url, read_only=True)
    assert refused.value.reason == "read_only_server" and "secret" not in str(refused.value)
