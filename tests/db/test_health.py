"""``dugout check [--repair]`` and the data layer behind it: integrity, links between rows and
Dugout's own rules, in plain words; exit 0 healthy, 1 problems (listed), 2 cannot be opened. The
repair makes a backup, then only REINDEX/ANALYZE/VACUUM: rows are listed, never deleted."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from db.backups import backup_folder, list_backups
from db.errors import DatabaseRefused
from db.health import check_file, repair_file
from desktop.cli import main

pytestmark = pytest.mark.sqlite_only
MARK = "ZQXJ" * 6  # a name found once in the index's page and once in the table's


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw(path: Path, *statements: str) -> None:
    """Write behind Dugout's back, as a damaged or hand-edited file would be."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def _damaged_index(path: Path) -> None:
    """A player whose entry in the name index no longer matches the row (a torn index page)."""
    _raw(path, f"UPDATE player SET name = '{MARK}' WHERE id = (SELECT min(id) FROM player)")
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = 'ix_player_name'")]
    data = bytearray(path.read_bytes())
    found = [at for page in pages for at in [data.find(MARK.encode(), (page - 1) * page_size, page * page_size)]
             if at >= 0]
    assert len(found) == 1
    data[found[0]] = ord("A")  # the index now says "AQXJ…" for the row named "ZQXJ…"
    path.write_bytes(bytes(data))


def test_a_healthy_database_says_so_and_exits_0(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _sha(demo_path)
    assert main(["--db", str(demo_path), "check"]) == 0
    assert "healthy" in capsys.readouterr().out
    assert _sha(demo_path) == before, "a check only reads"


def test_a_damaged_index_is_found_then_repaired_after_a_backup(demo_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    _damaged_index(demo_path)
    before = _sha(demo_path)
    assert main(["--db", str(demo_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "integrity check found" in out and "ix_player_name" in out and "--repair` fixes this" in out
    assert _sha(demo_path) == before and list_backups(demo_path) == []
    assert main(["--db", str(demo_path), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Backed up first to" in out and "REINDEX" in out and "healthy" in out
    assert list_backups(demo_path) == [], "a copy of a damaged file is not a backup to restore"
    assert len(list(backup_folder(demo_path).glob("*-damaged.sqlite.bad"))) == 1
    with closing(sqlite3.connect(demo_path)) as connection:
        assert connection.execute("SELECT count(*) FROM player WHERE name = ?", (MARK,)).fetchone() == (1,)


def _break_the_rules(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        lineup, club, season = connection.execute(
            "SELECT l.id, f.club_id, f.season_id FROM lineup l JOIN fixture f ON f.id = l.fixture_id").fetchone()
        stranger = connection.execute(
            "SELECT id, name FROM player WHERE id NOT IN (SELECT player_id FROM squad_membership "
            "WHERE club_id = ? AND season_id = ?) ORDER BY id", (club, season)).fetchone()
        injured = connection.execute(
            "SELECT player_id, kind FROM injury WHERE returned_on IS NULL ORDER BY id").fetchone()
    _raw(path,
         f"INSERT INTO lineup_player (lineup_id, player_id, role, spot) VALUES ({lineup}, {stranger[0]}, 'bench', 19)",
         "DROP INDEX injury_open_once",
         "INSERT INTO injury (player_id, kind, started_on, certainty, status, surgery, version, updated_at, updated_by) "
         f"VALUES ({injured[0]}, '{injured[1]}', '2025-04-01', 'likely', 'out', 0, 1, '2025-04-01 00:00:00', 't')",
         "INSERT INTO deal_instalment (deal_id, due_on, amount_cents) "
         "SELECT id, starts_on, fee_cents - 1 FROM deal WHERE fee_cents > 1 ORDER BY id LIMIT 1")


def test_broken_rules_are_listed_row_by_row_and_never_repaired_away(demo_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _break_the_rules(demo_path)
    report = check_file(demo_path)
    kinds = {p.kind: p for p in report.problems}
    assert set(kinds) == {"lineup_club", "open_injury_twice", "instalments"}
    assert all(len(p.rows) == 1 and not p.repairable for p in report.problems)
    assert "in the lineup of Real Madrid" in kinds["lineup_club"].rows[0]
    assert "open 2 times" in kinds["open_injury_twice"].rows[0]
    assert "do not add up to the fee" in kinds["instalments"].summary
    with closing(sqlite3.connect(demo_path)) as connection:
        counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("lineup_player", "injury", "deal_instalment")]
    assert main(["--db", str(demo_path), "check", "--repair"]) == 1
    out = capsys.readouterr().out
    assert "3 problem(s) found" in out and "Not repaired automatically" in out
    with closing(sqlite3.connect(demo_path)) as connection:
        assert [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("lineup_player", "injury", "deal_instalment")] == counts, "no row deleted"


def test_rows_pointing_at_missing_rows_are_listed(demo_path: Path) -> None:
    _raw(demo_path, "INSERT INTO lineup_player (lineup_id, player_id, role, spot) "
                    "SELECT id, 999999, 'bench', 18 FROM lineup LIMIT 1")
    report = check_file(demo_path)
    problem = next(p for p in report.problems if p.kind == "foreign_key")
    assert problem.rows == (next(r for r in problem.rows if "lineup_player row" in r and "missing player" in r),)


@pytest.mark.parametrize(("content", "words"), [
    (b"name,number\nJude,5\n", "not a database"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
])
def test_a_file_that_cannot_be_opened_exits_2_unchanged(tmp_path: Path, content: bytes, words: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "club.sqlite"
    path.write_bytes(content)
    for command in (["check"], ["check", "--repair"]):
        assert main(["--db", str(path), *command]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and words in err
    assert path.read_bytes() == content
    with pytest.raises(DatabaseRefused):
        check_file(tmp_path / "nothing.sqlite")


def test_a_repair_of_a_healthy_file_keeps_every_row(demo_path: Path, tmp_path: Path) -> None:
    shutil.copyfile(demo_path, tmp_path / "copy.sqlite")
    report = repair_file(demo_path)
    assert report.healthy and report.backup is not None and "Nothing needed repairing" in report.lines()
    with closing(sqlite3.connect(demo_path)) as now, closing(sqlite3.connect(tmp_path / "copy.sqlite")) as then:
        for (table,) in then.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            assert sorted(now.execute(f"SELECT * FROM {table}")) == sorted(then.execute(f"SELECT * FROM {table}"))


@pytest.mark.parametrize("tableless", [False, True], ids=["zero-bytes", "no-tables"])
def test_an_empty_file_cannot_be_checked_and_is_never_written(tmp_path: Path, tableless: bool,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "club.sqlite"
    path.write_bytes(b"")
    if tableless:
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("VACUUM")  # a valid SQLite header, no table
    before = path.read_bytes()
    for command in (["check"], ["check", "--repair"]):
        assert main(["--db", str(path), *command]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "empty" in err
    assert path.read_bytes() == before, "no ANALYZE, no VACUUM: not even sqlite_stat1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["club.sqlite"]


def test_a_repair_never_rewrites_a_file_damaged_beyond_its_indexes(demo_path: Path) -> None:
    with closing(sqlite3.connect(demo_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size, pages = (connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
    data = bytearray(demo_path.read_bytes()) + bytes(page_size)  # a page nothing points at
    data[28:32] = (pages + 1).to_bytes(4, "big")
    demo_path.write_bytes(bytes(data))
    before = check_file(demo_path)
    assert [p.repairable for p in before.problems if p.kind == "integrity"] == [False]
    report = repair_file(demo_path)
    assert not any("VACUUM)" in line and "Rewrote" in line for line in report.lines())
    assert any("Did not rewrite the file" in line for line in report.lines())
    assert any(p.kind == "integrity" for p in report.problems), "not vacuumed: the unused page is still there"
