"""Safe open of files: anything that is not a current-or-older Dugout database is refused, untouched.

SQLite only: these are about files (headers, sidecars, hashes, locks). A server database's refusals
are in test_server.py."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from db.errors import DatabaseRefused
from db.opening import FileState, identify, open_database
from db.reference.queries import get_setting
from desktop.cli import main

pytestmark = pytest.mark.sqlite_only

def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _text_file(path: Path) -> None:
    path.write_text("name,number\nJude Bellingham,5\n", encoding="utf-8")


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes(body) VALUES ('keep me')")
    con.commit()
    con.close()


def _newer_dugout(path: Path, template: Path) -> None:
    shutil.copyfile(template, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()


def _corrupt(path: Path, template: Path) -> None:
    data = bytearray(template.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # wreck page 1's b-tree after the header
    path.write_bytes(bytes(data))


def _truncated_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


CASES = {
    "not_sqlite": lambda p, t: _text_file(p),
    "foreign": lambda p, t: _foreign_sqlite(p),
    "newer": _newer_dugout,
    "corrupt": _corrupt,
    "truncated": lambda p, t: _truncated_header(p),
}
REASONS = {"truncated": "not_sqlite"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_file_is_left_byte_for_byte(case: str, tmp_path: Path, _empty_template: Path) -> None:
    path = tmp_path / "club.sqlite"
    CASES[case](path, _empty_template)
    before = _sha(path)
    with pytest.raises(DatabaseRefused) as info:
        open_database(path)
    assert info.value.reason == REASONS.get(case, case)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["club.sqlite"], "no -wal, -shm or backup left behind"


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", [["migrate"], ["import", "squad", "SQUAD"], ["demo"]])
def test_cli_refuses_with_one_line(
    case: str, command: list[str], tmp_path: Path, _empty_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "club.sqlite"
    CASES[case](path, _empty_template)
    squad = tmp_path / "squad.csv"
    squad.write_text("name,number\nJude Bellingham,5\n", encoding="utf-8")
    before = _sha(path)
    argv = ["--db", str(path), *[str(squad) if part == "SQUAD" else part for part in command]]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and str(path.name) in err
    assert _sha(path) == before


def test_identify_never_writes_a_dugout_file(_empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(_empty_template, path)
    before = _sha(path)
    assert identify(path).state is FileState.DUGOUT
    assert _sha(path) == before


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    path.touch()
    open_database(path).close()
    assert identify(path).state is FileState.DUGOUT


def test_missing_file_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused):
        open_database(tmp_path / "nope.sqlite", create=False)
    assert not (tmp_path / "nope.sqlite").exists()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused) as info:
        open_database(tmp_path)
    assert info.value.reason == "directory"


def test_an_empty_sqlite_file_claimed_by_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1234")
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    before = _sha(path)
    with pytest.raises(DatabaseRefused) as info:
        open_database(path)
    assert info.value.reason == "foreign"
    assert _sha(path) == before


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "sqlite://"])
def test_in_memory_urls_are_refused_in_one_line(url: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db-url", url, "migrate"]) == 1
    assert main(["--db-url", url, "demo"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("in-memory" in line for line in err)
    assert list(tmp_path.iterdir()) == []


def test_a_lock_held_past_the_busy_timeout_is_one_line_with_the_way_out(
    tmp_path: Path, _empty_template: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "club.sqlite"
    shutil.copyfile(_empty_template, path)
    squad = tmp_path / "squad.csv"
    squad.write_text("name,number\nJude Bellingham,5\n", encoding="utf-8")
    holder = sqlite3.connect(path, isolation_level=None)  # a process that hung halfway through a write
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO setting (key, value) VALUES ('half', 'written')")
    before = _sha(path)
    try:
        assert main(["--db", str(path), "import", "squad", str(squad), "--club", "Real Madrid"]) == 1
        with pytest.raises(DatabaseRefused) as info:
            open_database(path)
        assert info.value.reason == "locked"
        reader = open_database(path, read_only=True)  # the way out: read what is committed
        try:
            assert reader.read_only
            with reader.reading() as session:
                assert get_setting(session, "half") is None
        finally:
            reader.close()
        assert main(["--db", str(path), "--read-only", "availability"]) == 1  # reads; no club yet in this file
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == (f"dugout: {path} is locked: another program has been writing to it for more than 0.05 s "
                      f"(a Dugout that hung?); close that program, or open the file read-only "
                      f"(dugout --db {path} --read-only …)")
    assert "locked" not in err[1]
    assert _sha(path) == before


def test_a_damaged_file_names_its_latest_good_backup(tmp_path: Path, _empty_template: Path, capsys) -> None:
    from db.backups import make_backup

    path = tmp_path / "club.sqlite"
    shutil.copyfile(_empty_template, path)
    good = make_backup(path)
    _corrupt(path, _empty_template)
    before = _sha(path)
    assert main(["--db", str(path), "budget"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"dugout: {path} is damaged") and err.endswith(f"restore {good.path}")
    assert "restore the latest good backup" in err and _sha(path) == before


def test_no_display_is_one_clear_line(monkeypatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    assert capsys.readouterr().err.strip() == "dugout: no display to open a window on: set DISPLAY (or run under Xvfb)"


def test_read_only_never_creates_a_database(blank_target: str) -> None:
    """--read-only on nothing yet: refused, and no file, no table is made (a server refuses --read-only)."""
    from db.engine import Database, is_sqlite

    with pytest.raises(DatabaseRefused):
        open_database(blank_target, read_only=True)
    if is_sqlite(blank_target):
        assert not Path(blank_target.removeprefix("sqlite:///")).exists()
        return
    from sqlalchemy import inspect

    server = Database(blank_target)
    try:
        with server.engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        server.close()


def test_the_way_out_names_the_file_that_was_refused(_empty_template: Path, capsys) -> None:
    """`dugout demo` works on the demo's own file: the advice must restore that one, not the default database."""
    from db.backups import make_backup
    from db.paths import default_database_path, demo_database_path

    demo = demo_database_path()
    demo.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_empty_template, demo)
    good = make_backup(demo)
    _corrupt(demo, _empty_template)
    assert main(["demo"]) == 1
    err = capsys.readouterr().err.strip()
    assert f"dugout --db {demo} restore {good.path}" in err and str(default_database_path()) not in err
