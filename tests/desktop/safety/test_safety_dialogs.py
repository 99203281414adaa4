"""Data safety in the window: File → Backups… and File → Check database…, the dialog for a file
that cannot be used (its ways out), the automatic backups, and the menu on a server database."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from argparse import Namespace
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from db.backups import list_backups, make_backup
from db.changes import Change
from db.engine import Database
from db.reference.queries import get_setting
from db.reference.writes import set_setting
from desktop.main_window import MainWindow
from desktop.safety.backups_dialog import BackupsDialog
from desktop.safety.cannot_open import CannotOpenDialog
from desktop.safety.check_dialog import CheckDialog
from tests.helpers import when_modal


def _window(qtbot, settings: QSettings, db: Path, **options: object) -> MainWindow:
    window = MainWindow(settings, Namespace(db=str(db), db_url=None, as_of=None, **options))
    qtbot.addWidget(window)
    window.start()
    return window


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _note(window: MainWindow) -> str | None:
    assert window.context is not None and window.context.database is not None
    with window.context.database.reading() as session:
        return get_setting(session, "note")


def _set_note(path: Path, value: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('note', ?)", (value,))
        connection.commit()


def test_the_backups_dialog_lists_backs_up_and_restores(qtbot, settings: QSettings, demo_path: Path,
                                                         tmp_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    assert window.backups_action.isEnabled() and window.check_action.isEnabled()
    _set_note(demo_path, "kept")
    make_backup(demo_path, reason="manual", now=dt.datetime(2025, 5, 1, 9, 30))
    _set_note(demo_path, "later")
    dialog = BackupsDialog(demo_path, window, confirm=False)
    qtbot.addWidget(dialog)
    texts = [[dialog.list.topLevelItem(r).text(c) for c in range(3)] for r in range(dialog.list.topLevelItemCount())]
    assert texts[-1][1].endswith("KB") and texts[-1][2] == "by hand"
    assert any("2025" in row[0] and "09:30:00" in row[0] for row in texts)
    dialog.back_up_now()
    assert dialog.list.topLevelItemCount() == len(texts) + 1 and "checked" in dialog.message.text()
    dialog.grab().save(str(tmp_path / "backups.png"))
    dialog.list.setCurrentItem(dialog.list.topLevelItem(dialog.list.topLevelItemCount() - 1))
    assert dialog.selected() is not None and dialog.selected().taken_at == dt.datetime(2025, 5, 1, 9, 30)
    dialog.about_to_restore.connect(window.release_database)
    dialog.restored.connect(window._reload_database)
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_selected()
    assert _note(window) == "kept"
    assert [b.reason for b in list_backups(demo_path)].count("before-restore") == 1


def test_file_backups_asks_before_restoring(qtbot, settings: QSettings, demo_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = _window(qtbot, settings, demo_path)
    make_backup(demo_path)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.No)

    def answer(dialog: BackupsDialog) -> None:
        dialog.restore_selected()
        dialog.reject()

    when_modal(BackupsDialog, answer)
    window.show_backups()
    assert asked and "backed up first" in asked[0]
    assert [b.reason for b in list_backups(demo_path)] == ["manual"], "said no: nothing restored"


def test_the_check_dialog_reports_and_repairs(qtbot, settings: QSettings, demo_path: Path, tmp_path: Path) -> None:
    from tests.db.test_health import _damaged_index

    _damaged_index(demo_path)
    dialog = CheckDialog(demo_path)
    qtbot.addWidget(dialog)
    assert "can be repaired" in dialog.summary.text() and "ix_player_name" in dialog.details.toPlainText()
    assert dialog.repair_button.isEnabled()
    dialog.grab().save(str(tmp_path / "check.png"))
    dialog.repair()
    assert dialog.repaired and dialog.summary.text() == "The database is healthy."
    assert "Backed up first" in dialog.details.toPlainText() and not dialog.repair_button.isEnabled()


def test_a_damaged_file_offers_its_latest_good_backup(qtbot, settings: QSettings, demo_path: Path,
                                                      tmp_path: Path) -> None:
    _set_note(demo_path, "good")
    make_backup(demo_path)
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)
    demo_path.write_bytes(bytes(data))
    before = _sha(demo_path)
    shown: list[list[str]] = []

    def cancel(dialog: CannotOpenDialog) -> None:
        from PySide6.QtWidgets import QPushButton

        shown.append([b.objectName() for b in dialog.findChildren(QPushButton)])
        dialog.grab().save(str(tmp_path / "cannot-open.png"))
        dialog.reject()

    when_modal(CannotOpenDialog, cancel)
    window = MainWindow(settings, Namespace(db=None, db_url=None, as_of=None))
    qtbot.addWidget(window)
    from desktop.context import AppContext

    window.context = AppContext(settings, window)
    assert window.open_target(str(demo_path)) is False
    assert shown == [["cannotOpen_restore", "cannotOpen_other", "cannotOpen_cancel"]]
    assert _sha(demo_path) == before, "cancelled: the file is as it was"
    when_modal(CannotOpenDialog, lambda dialog: dialog._choose("restore"))
    assert window.open_target(str(demo_path)) is True
    assert _note(window) == "good"


def test_a_file_whose_lock_is_held_opens_read_only_from_the_dialog(qtbot, settings: QSettings, demo_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(demo_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    reasons: list[str] = []

    def read_only(dialog: CannotOpenDialog) -> None:
        from PySide6.QtWidgets import QLabel

        reasons.append(dialog.findChild(QLabel, "cannotOpenReason").text())
        dialog._choose("read_only")

    try:
        when_modal(CannotOpenDialog, read_only)
        window = _window(qtbot, settings, demo_path)
        assert reasons and "is locked" in reasons[0]
        assert window.context is not None and window.context.database is not None
        assert window.context.database.read_only
        assert not window.backups_action.isEnabled() and "read-only" in window.backups_action.toolTip()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_backups_and_check_are_disabled_for_a_server_database_and_say_why(qtbot, settings: QSettings,
                                                                           demo_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    window._enable_file_safety(Database("postgresql+psycopg://coach@db.club.invalid/dugout"))
    assert not window.backups_action.isEnabled() and not window.check_action.isEnabled()
    assert "pg_dump" in window.backups_action.toolTip()


def test_automatic_backups_at_start_and_every_30_minutes_of_changes(qtbot, settings: QSettings,
                                                                    demo_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    schedule = window.backup_schedule
    qtbot.waitUntil(lambda: len(list_backups(demo_path)) == 1)  # at start, after the window showed
    assert list_backups(demo_path)[0].reason == "start"
    now = dt.datetime.now()
    assert not schedule.at_start(now + dt.timedelta(hours=23)), "the newest is not a day old yet"
    assert not schedule.tick(now + dt.timedelta(hours=2)), "nothing changed"
    assert window.context is not None and window.context.database is not None
    with window.context.database.transaction() as session:
        set_setting(session, "note", "changed")
    window.context.announce(Change())
    assert not schedule.tick(now + dt.timedelta(minutes=10)), "the last is not 30 minutes old"
    assert schedule.tick(now + dt.timedelta(minutes=31))
    assert not schedule.tick(now + dt.timedelta(minutes=70)), "nothing changed since"
    assert [b.reason for b in list_backups(demo_path)] == ["periodic", "start"]
    assert schedule.at_start(now + dt.timedelta(days=2))


def test_a_copy_is_not_the_same_database_for_backups(qtbot, settings: QSettings, demo_path: Path,
                                                     tmp_path: Path) -> None:
    shutil.copyfile(demo_path, tmp_path / "other.sqlite")
    make_backup(tmp_path / "other.sqlite")
    assert list_backups(demo_path) == []


def test_restoring_in_one_window_while_another_has_the_file_open_is_refused(qtbot, settings: QSettings,
                                                                              demo_path: Path, tmp_path: Path) -> None:
    first = _window(qtbot, settings, demo_path)
    second = _window(qtbot, settings, demo_path)
    _set_note(demo_path, "old")
    make_backup(demo_path, reason="manual", now=dt.datetime(2025, 5, 1, 9, 30))
    _set_note(demo_path, "current")
    assert _note(first) == "current" and _note(second) == "current"  # both windows have the file open
    before = _sha(demo_path)
    said: list[str] = []

    def restore(dialog: BackupsDialog) -> None:
        dialog.confirm = False
        dialog.list.setCurrentItem(dialog.list.topLevelItem(dialog.list.topLevelItemCount() - 1))
        dialog.restore_selected()
        said.append(dialog.message.text())
        dialog.grab().save(str(tmp_path / "backups-in-use.png"))
        dialog.reject()

    when_modal(BackupsDialog, restore)
    second.show_backups()
    assert said and "in use by another Dugout window" in said[0]
    assert _sha(demo_path) == before and _note(first) == "current" and _note(second) == "current"
    assert first.context is not None and first.context.database is not None
    first.context.database.close()
    first.close()
    when_modal(BackupsDialog, restore)  # once the other window has closed, the same restore goes through
    second.show_backups()
    assert said[1].startswith("Restored") and _note(second) == "old"


def test_read_only_holds_for_the_remembered_database_too(qtbot, settings: QSettings, demo_path: Path) -> None:
    settings.setValue("session/last_database", str(demo_path))
    window = _window(qtbot, settings, demo_path, read_only=True)
    window2 = MainWindow(settings, Namespace(db=None, db_url=None, as_of=None, read_only=True))
    qtbot.addWidget(window2)
    window2.start()
    for each in (window, window2):
        assert each.context is not None and each.context.database is not None
        assert each.context.database.read_only and each.context.database.path == demo_path


def test_an_automatic_or_manual_backup_that_hits_a_file_error_is_told_not_raised(
        qtbot, settings: QSettings, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, settings, demo_path)
    told: list[str] = []
    assert window.context is not None
    window.context.status.connect(told.append)

    def vanished(*_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr("db.backups.make_backup", vanished)
    assert window.backup_schedule.at_start(dt.datetime.now() + dt.timedelta(days=3)) is False
    assert told and "No such file or directory" in told[-1]
    dialog = BackupsDialog(demo_path, window, confirm=False)
    qtbot.addWidget(dialog)
    dialog.back_up_now()
    assert "No such file or directory" in dialog.message.text()
