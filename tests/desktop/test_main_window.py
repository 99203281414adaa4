"""The window shell: welcome flow, title, status bar, shortcuts, theme, remembered settings."""

from __future__ import annotations

import shutil
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.main_window import MainWindow
from desktop.welcome import NewClubDialog, WelcomeDialog
from tests.helpers import when_modal


def _window(qtbot, settings: QSettings, db: Path | None = None) -> MainWindow:
    window = MainWindow(settings, Namespace(db=str(db) if db else None, db_url=None, as_of=None))
    qtbot.addWidget(window)
    return window


def test_first_run_welcome_creates_a_new_club(qtbot, settings: QSettings, tmp_path: Path) -> None:
    window = _window(qtbot, settings)
    shown_errors: list[str] = []
    rounds: list[int] = []

    def fill_new_club(dialog: QWidget) -> None:
        assert isinstance(dialog, NewClubDialog)
        rounds.append(1)
        error = dialog.errors["club_name"]
        if not error.isHidden():
            shown_errors.append(error.text())
        if len(rounds) == 1:
            dialog.club.setText("   ")  # refused: the dialog must come back and say why
            when_modal(NewClubDialog, fill_new_club)
        else:
            dialog.club.setText("CD Leganés")
        dialog.accept()

    def choose_new(dialog: QWidget) -> None:
        assert isinstance(dialog, WelcomeDialog)
        when_modal(NewClubDialog, fill_new_club)
        qtbot.mouseClick(dialog.findChild(QWidget, "welcome_new"), Qt.MouseButton.LeftButton)

    when_modal(WelcomeDialog, choose_new)
    window.start()
    assert len(rounds) == 2 and shown_errors and "Club name" in shown_errors[0]
    assert window.windowTitle() == "CD Leganés (cd-leganes.sqlite)"
    remembered = Path(str(settings.value("session/last_database")))
    assert remembered.name == "cd-leganes.sqlite" and remembered.exists()
    assert window.current_screen_name() == "squad"
    assert window.context is not None and window.context.season_label


def test_welcome_closed_at_first_run_quits(qtbot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    window.show()
    when_modal(WelcomeDialog, lambda dialog: dialog.reject())
    window.start()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_opens_demo_with_title_and_planning_date(qtbot, settings: QSettings, demo_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    window.start()
    # The platform appends the display name where titles show it ("… — Dugout"), so ours lacks it.
    assert window.windowTitle() == "Real Madrid CF (demo.sqlite)"
    assert window.as_of_button.text() == "Planning date: 2 May 2025"
    assert str(demo_path) in window.database_label.text()


def test_planning_date_is_a_per_user_setting(qtbot, settings: QSettings, demo_path: Path) -> None:
    import datetime as dt

    window = _window(qtbot, settings, demo_path)
    window.start()
    assert window.context is not None
    window.context.set_as_of(dt.date(2025, 5, 10))
    assert "10 May 2025" in window.as_of_button.text()
    window.close()
    again = _window(qtbot, settings, demo_path)
    again.start()
    assert again.context is not None and again.context.as_of == dt.date(2025, 5, 10)


def test_ctrl_f_focuses_the_squad_filter(qtbot, settings: QSettings, demo_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget().objectName() == "squadFilter"


def test_refused_file_is_explained_and_window_keeps_working(
    qtbot, settings: QSettings, demo_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.safety.cannot_open import CannotOpenDialog

    window = _window(qtbot, settings, demo_path)
    window.start()
    warnings: list[str] = []

    def read_and_cancel(dialog: CannotOpenDialog) -> None:
        warnings.append(dialog.findChild(QLabel, "cannotOpenReason").text())
        dialog.reject()

    when_modal(CannotOpenDialog, read_and_cancel)
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database", encoding="utf-8")
    assert window.open_target(str(notes)) is False
    assert warnings and "notes.sqlite" in warnings[0]
    assert window.windowTitle().startswith("Real Madrid CF")
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_theme_choice_and_geometry_are_remembered(qtbot, settings: QSettings, demo_path: Path) -> None:
    window = _window(qtbot, settings, demo_path)
    window.start()
    window.resize(701, 502)
    window.dark_action.setChecked(True)
    window.toggle_theme()
    assert QApplication.instance().property("dugout_dark") is True
    window.close()
    again = _window(qtbot, settings, demo_path)
    assert again.dark_action.isChecked()
    assert (again.width(), again.height()) == (701, 502)
    again.dark_action.setChecked(False)
    again.toggle_theme()


def test_every_interactive_widget_is_named(qtbot, settings: QSettings, demo_path: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    window = _window(qtbot, settings, demo_path)
    window.start()
    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    for name in window.screen_names():
        window.show_screen(name)
        unnamed = [
            type(w).__name__
            for w in window.findChildren(QWidget)
            if isinstance(w, interactive) and w.isVisibleTo(window) and not (w.objectName() and w.accessibleName())
            and not w.objectName().startswith("qt_")
        ]
        assert unnamed == [], name


def test_keyboard_only_filter_open_and_undo(qtbot, settings: QSettings, demo_path: Path) -> None:
    """Ctrl+F, type, Enter to the table, Enter opens the player; an edit is undone with Ctrl+Z."""
    from desktop.squad.columns import COLUMN_INDEX

    window = _window(qtbot, settings, demo_path)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    screen = window.screens["squad"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "modric")
    assert screen.proxy.rowCount() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.table
    with qtbot.waitSignal(window.context.player_requested) as opened:
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    card = window.player_card
    assert card is not None and card.isVisible() and card.windowTitle() == "Luka Modrić"
    assert card.fact("Club") == "Real Madrid CF (2024/25)" and card.fact("Shirt number") == "10"
    card.close()

    shirt = screen.proxy.index(0, COLUMN_INDEX["shirt"])
    assert opened.args and shirt.data() == "10"
    assert screen.proxy.setData(shirt, 99)
    assert window.undo_action.text() == "Undo: change shirt number of Modrić"
    window.activateWindow()
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.proxy.index(0, COLUMN_INDEX["shirt"]).data() == "10")
    assert window.redo_action.text() == "Redo: change shirt number of Modrić"


def test_opening_another_database_clears_the_undo_stack(
    qtbot, settings: QSettings, demo_path: Path, tmp_path: Path
) -> None:
    from desktop.squad.columns import COLUMN_INDEX

    window = _window(qtbot, settings, demo_path)
    window.start()
    screen = window.screens["squad"]
    assert screen.proxy.setData(screen.proxy.index(0, COLUMN_INDEX["shirt"]), 98)
    assert window.context is not None and window.context.undo_stack.count() == 1
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo_path, other)
    assert window.open_target(str(other))
    assert window.context.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert window.windowTitle().endswith("(other.sqlite)")


def test_a_remembered_database_that_is_gone_is_not_recreated(qtbot, settings: QSettings, tmp_path: Path) -> None:
    gone = tmp_path / "unmounted" / "club.sqlite"
    settings.setValue("session/last_database", str(gone))
    window = _window(qtbot, settings)
    warnings: list[str] = []
    seen: list[bool] = []

    def close_welcome(dialog: QWidget) -> None:
        seen.append(True)
        dialog.reject()

    when_modal(QMessageBox, lambda box: (warnings.append(box.text()), box.accept()))
    when_modal(WelcomeDialog, close_welcome)
    window.start()
    qtbot.waitUntil(lambda: bool(seen))
    assert not gone.exists() and not gone.parent.exists()
    assert warnings and "club.sqlite" in warnings[0]


def test_cancelling_new_club_at_first_run_offers_the_welcome_again(qtbot, settings: QSettings) -> None:
    window = _window(qtbot, settings)
    welcomes: list[int] = []

    def on_welcome(dialog: QWidget) -> None:
        welcomes.append(1)
        if len(welcomes) == 1:
            when_modal(NewClubDialog, lambda new: new.reject())
            qtbot.mouseClick(dialog.findChild(QWidget, "welcome_new"), Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    when_modal(WelcomeDialog, on_welcome)
    window.start()
    qtbot.waitUntil(lambda: len(welcomes) == 1)
    when_modal(WelcomeDialog, on_welcome)
    qtbot.waitUntil(lambda: len(welcomes) == 2)


def test_every_dialog_names_its_interactive_widgets(qtbot, settings: QSettings, demo_path: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    from db.squad.queries import player_card
    from desktop.about import AboutDialog
    from desktop.common.player_card import PlayerCard
    from desktop.squad.dialogs import AddPlayerDialog, MarkLeftDialog

    window = _window(qtbot, settings, demo_path)
    window.start()
    context = window.context
    assert context is not None and context.database is not None
    row = window.screens["squad"].model.row_at(0)
    with context.database.reading() as session:
        facts = player_card(session, player_id=row.player_id, season_id=context.season_id, as_of=context.as_of)
    assert facts is not None
    dialogs = [AddPlayerDialog(context), MarkLeftDialog(context, row), PlayerCard(context, facts, [("x", "X")]),
               NewClubDialog(), WelcomeDialog(), AboutDialog(str(demo_path))]
    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        unnamed = [
            f"{type(dialog).__name__}:{type(w).__name__}"
            for w in dialog.findChildren(QWidget)
            if isinstance(w, interactive) and not w.objectName().startswith("qt_")
            and w.window() is dialog  # a combo box's popup list is its own internal window
            and not (w.objectName() and w.accessibleName())
        ]
        assert unnamed == []


def test_quitting_after_an_edit_raises_nothing(qtbot, settings: QSettings, demo_path: Path) -> None:
    """The undo stack still emits while the window is torn down; nothing may be left listening."""
    from desktop.squad.columns import COLUMN_INDEX

    window = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
    window.start()
    screen = window.screens["squad"]
    assert screen.proxy.setData(screen.proxy.index(0, COLUMN_INDEX["shirt"]), 97)
    window.close()
    window.deleteLater()
    qtbot.wait(50)  # pytest-qt fails the test on any exception raised in a slot meanwhile


def test_the_application_names_itself_once_for_window_titles() -> None:
    """Qt appends the display name to every window title on X11; ours must not carry it as well."""
    import subprocess
    import sys

    code = "from desktop.app import make_application; print(make_application().applicationDisplayName())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "Dugout", result.stderr


def test_a_server_password_is_never_shown_nor_remembered(
    qtbot, settings: QSettings, pg_server, pg_login: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A club server opened with a password in the URL: title, status bar and the settings file
    (last database, planning date key) never hold it; next time libpq supplies it (PGPASSWORD)."""
    import datetime as dt

    from db.demo import create_demo
    from tests.engines import PG_PASSWORD

    name = pg_server.create("window", owner=pg_login)
    try:
        url = pg_server.url_for(name, username=pg_login, password=PG_PASSWORD)
        create_demo(url)
        window = MainWindow(settings, Namespace(db=None, db_url=url, as_of=None))
        qtbot.addWidget(window)
        window.start()
        assert window.context is not None and window.context.club_name == "Real Madrid CF"
        window.context.set_as_of(dt.date(2025, 5, 10))
        shown = [window.windowTitle(), window.database_label.text(), window.statusBar().currentMessage()]
        assert all(PG_PASSWORD not in text for text in shown) and f"{pg_login}:***@" in shown[0]
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
        assert window.open_target(pg_server.url_for(name, username=pg_login, password="not-the-password")) is False
        assert warnings and "password authentication failed" in warnings[0] and "not-the-password" not in warnings[0]
        settings.sync()
        stored = Path(settings.fileName()).read_text(encoding="utf-8")
        assert PG_PASSWORD not in stored and name in stored
        window.close()

        monkeypatch.setenv("PGPASSWORD", PG_PASSWORD)
        again = MainWindow(settings, Namespace(db=None, db_url=None, as_of=None))
        qtbot.addWidget(again)
        again.start()
        assert again.context is not None and again.context.club_name == "Real Madrid CF"
        assert again.context.as_of == dt.date(2025, 5, 10), "the planning date is remembered per database"
        again.close()
    finally:
        pg_server.drop(name)


def test_file_import_fixtures_previews_then_writes(qtbot, settings: QSettings, demo_path: Path, tmp_path: Path,
                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.files.fixtures import FixtureImportDialog

    window = _window(qtbot, settings, demo_path)
    window.start()
    window.show()
    window.show_screen("fixtures")
    calendar = window.screen_widget("fixtures")
    before = len(calendar.model.rows())
    path = tmp_path / "friendly.csv"
    path.write_text("date,time,competition,opponent,home/away\n2025-07-30,19:00,Friendly,Celta,home\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    previews: list[list[str]] = []

    def accept(dialog: FixtureImportDialog) -> None:
        previews.append(dialog.section("To add"))
        dialog.import_button.click()

    when_modal(FixtureImportDialog, accept)
    window.findChild(QAction, "actionImportFixtures").trigger()
    assert previews == [["2025-07-30 Real Madrid CF – RC Celta de Vigo (Friendly)"]]
    assert len(calendar.model.rows()) == before + 1  # the calendar shows it at once
    out = tmp_path / "ours.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    window.findChild(QAction, "actionExportFixtures").trigger()
    assert out.read_text(encoding="utf-8").count("BEGIN:VEVENT") == before + 1
