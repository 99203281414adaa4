"""The main window: navigation, status bar with the planning date, menus and shortcuts.

It paints first with Qt alone; the database layer (SQLAlchemy/SQLModel) is imported and the
screens are built in ``start()``, which runs right after the first paint.
"""

from __future__ import annotations

import datetime as dt
import os
from argparse import Namespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from desktop.common.formatting import format_date
from desktop.screens import Screen
from desktop.theme import SETTING as THEME_SETTING
from desktop.theme import apply_theme, is_dark

if TYPE_CHECKING:
    from desktop.common.player_card import PlayerCard
    from desktop.context import AppContext

PROBE = os.environ.get("DUGOUT_STARTUP_PROBE") == "1"
# Refusals of a file that exists but cannot be used: the dialog with the ways out (a missing file,
# a server that is down, get a plain message).
UNUSABLE_FILE = {"corrupt", "locked", "newer", "foreign", "not_sqlite", "unreadable", "read_only", "directory"}


class MainWindow(QMainWindow):
    """Dugout's shell: every screen plugs into its navigation.

    Signals:
        screens_ready(): the database is open and the screens are filled.
    """

    screens_ready = Signal()

    def __init__(self, settings: QSettings, options: Namespace | None = None, *, interactive: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        # Without a screen (offscreen, screenshots) nobody can answer a dialog: a problem is one
        # line on stderr and the event loop ends with status 1 (``failure`` holds the line).
        self.interactive = interactive
        self.failure: str | None = None
        self.options = options or Namespace(db=None, db_url=None, as_of=None)
        self.context: AppContext | None = None
        self.screens: dict[str, QWidget] = {}
        self.player_card: PlayerCard | None = None
        self._started = False
        self.setWindowTitle("Dugout")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Screens"))
        self.stack = QStackedWidget()
        self.stack.setObjectName("screens")
        placeholder = QLabel(self.tr("Opening the database…"))
        placeholder.setObjectName("emptyState")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(placeholder)
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([140, 1260])
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self._navigate)
        self._build_status_bar()
        self._build_menus()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    # --- shell -------------------------------------------------------------------------------
    def _action(self, menu: Any, name: str, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, "actionNewClub", self.tr("New club…"), self.new_club, QKeySequence.StandardKey.New)
        self._action(file_menu, "actionOpen", self.tr("Open…"), self.open_file, QKeySequence.StandardKey.Open)
        self._action(file_menu, "actionOpenDemo", self.tr("Open demo season"), self.open_demo)
        file_menu.addSeparator()
        importing = file_menu.addMenu(self.tr("&Import"))
        importing.setObjectName("menuImport")
        self.import_actions = [self._action(importing, "actionImportFixtures", self.tr("Fixtures…"),
                                            self.import_fixtures)]
        exporting = file_menu.addMenu(self.tr("&Export"))
        exporting.setObjectName("menuExport")
        self.export_actions = [self._action(exporting, "actionExportFixtures", self.tr("Fixtures…"),
                                            self.export_fixtures)]
        file_menu.addSeparator()
        self.backups_action = self._action(file_menu, "actionBackups", self.tr("Backups…"), self.show_backups)
        self.check_action = self._action(file_menu, "actionCheckDatabase", self.tr("Check database…"),
                                         self.check_database)
        file_menu.setToolTipsVisible(True)
        self._enable_file_safety(None)
        file_menu.addSeparator()
        self._action(file_menu, "actionQuit", self.tr("Quit"), self.close, QKeySequence("Ctrl+Q"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.redo_action.setEnabled(False)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self._action(self.edit_menu, "actionFind", self.tr("Find"), self.search, QKeySequence.StandardKey.Find)
        view = bar.addMenu(self.tr("&View"))
        for menu, name, label in ((file_menu, "fileMenu", self.tr("File")), (self.edit_menu, "editMenu", self.tr("Edit")),
                                  (view, "viewMenu", self.tr("View"))):
            menu.setObjectName(name)
            menu.setAccessibleName(label)
        self.dark_action = self._action(view, "actionDarkTheme", self.tr("Dark theme"), self.toggle_theme)
        self.dark_action.setCheckable(True)
        self.dark_action.setChecked(is_dark(self.settings))
        self._action(view, "actionPlanningDate", self.tr("Planning date…"), self.choose_planning_date)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.setAccessibleName(self.tr("Help"))
        self._action(self.help_menu, "actionAbout", self.tr("About Dugout"), self.show_about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setObjectName("statusBar")
        self.as_of_button = QToolButton()
        self.as_of_button.setObjectName("planningDate")
        self.as_of_button.setAccessibleName(self.tr("Planning date"))
        self.as_of_button.setToolTip(self.tr("Everything in Dugout is as of this date; click to change it"))
        self.as_of_button.clicked.connect(self.choose_planning_date)
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        status.addPermanentWidget(self.as_of_button)
        status.addPermanentWidget(self.database_label)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._started:
            self._started = True
            if PROBE:
                print("first-paint", flush=True)
            QTimer.singleShot(0, self.start)

    # --- opening databases --------------------------------------------------------------------
    def start(self) -> None:
        """After the first paint: import the data layer and open the database (or welcome)."""
        if self.context is not None:
            return
        self._started = True
        from desktop.context import AppContext
        from desktop.undo_actions import bind_undo_actions

        self.context = AppContext(self.settings, self)
        from desktop.safety.schedule import BackupSchedule

        self.backup_schedule = BackupSchedule(self.context)
        if self.options.as_of:
            self.context.explicit_as_of = dt.date.fromisoformat(self.options.as_of)
        self.context.message.connect(self._show_message)
        self.context.player_requested.connect(self.show_player_card)
        self.context.player_action_requested.connect(self.run_player_action)
        self.context.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.context.as_of_changed.connect(lambda _day: self._refresh_status())
        bind_undo_actions(self.context.undo_stack, self.undo_action, self.redo_action)
        explicit = self.options.db_url or self.options.db
        read_only = bool(getattr(self.options, "read_only", False))
        if explicit and self.open_target(str(explicit), read_only=read_only):
            return
        if self.failure is not None:  # no screen to offer anything else on
            return
        remembered = self.settings.value("session/last_database")
        # A remembered file that has gone (moved, unmounted drive) must not come back empty.
        if not explicit and remembered and self.open_target(str(remembered), create=False, read_only=read_only):
            return
        self.welcome()

    def welcome(self) -> None:
        """Offer the demo, a new club or an existing file; quit if the user closes it at first run."""
        from desktop.welcome import WelcomeDialog

        if not self.interactive:
            self._fail(self.tr("no database to open: pass --db FILE, or run `dugout demo` first"))
            return
        dialog = WelcomeDialog(self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or dialog.choice is None:
            if not self._has_database():
                QTimer.singleShot(0, self.close)
            return
        if dialog.choice == "demo":
            self.open_demo()
        elif dialog.choice == "new":
            self.new_club()
        elif dialog.chosen_file is not None:
            self.open_target(str(dialog.chosen_file))
        if not self._has_database():  # the choice was cancelled or failed: offer it again
            QTimer.singleShot(0, self.welcome)

    def _has_database(self) -> bool:
        return self.context is not None and self.context.database is not None

    def open_target(self, target: str, *, create: bool = True, read_only: bool = False) -> bool:
        """Open a database by path or URL; on refusal explain why, offer the ways out, keep the current one."""
        from db.engine import hide_password, without_password
        from db.errors import DatabaseRefused, DugoutError, one_line
        from db.opening import open_database

        assert self.context is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            database = open_database(target, create=create, read_only=read_only)
        except Exception as error:  # a refused file, a missing driver, a server that is down
            QApplication.restoreOverrideCursor()
            shown = without_password(target)
            reason = str(error) if isinstance(error, DugoutError) else self.tr("{t}: {e}").format(t=shown, e=one_line(error))
            reason = hide_password(reason, target)
            if not self.interactive:
                self._fail(reason)
            elif isinstance(error, DatabaseRefused) and error.reason in UNUSABLE_FILE:
                return self._cannot_open(target, error.reason, reason)
            else:
                QMessageBox.warning(self, self.tr("Cannot open database"), reason)
            return False
        QApplication.restoreOverrideCursor()
        self.context.open_database(database)
        # Never a password in the settings file: libpq finds it again (~/.pgpass, PGPASSWORD).
        self.settings.setValue("session/last_database", without_password(target))
        self._ensure_screens()
        self._refresh_status()
        return True

    def _cannot_open(self, target: str, reason: str, message: str) -> bool:
        """The dialog for a file that cannot be used, and the way out the user picks."""
        from db.engine import is_sqlite
        from db.opening import sqlite_file
        from desktop.safety.cannot_open import CannotOpenDialog

        path = sqlite_file(target) if is_sqlite(target) and "memory" not in target else None
        dialog = CannotOpenDialog(path, reason, message, self)
        dialog.exec()
        dialog.deleteLater()
        if dialog.choice == "read_only":
            return self.open_target(target, create=False, read_only=True)
        if dialog.choice == "restore" and path is not None and dialog.latest_backup is not None:
            from db.backups import BackupFailed, restore_backup

            try:
                restore_backup(path, dialog.latest_backup.path)
            except BackupFailed as error:
                QMessageBox.warning(self, self.tr("Cannot restore the backup"), str(error))
                return False
            return self.open_target(target, create=False)
        if dialog.choice == "other":
            return self.open_file()
        return False

    def _enable_file_safety(self, database: Any) -> None:
        """Backups and the check apply to a SQLite file this user may change; say why not otherwise."""
        tip = ""
        if database is None:
            tip = self.tr("Open a database first")
        elif database.path is None:
            tip = self.tr("Backups and the check work on SQLite files; a server database is backed up with pg_dump "
                          "by whoever runs the server")
        elif database.read_only:
            tip = self.tr("This file is read-only for you: ask its owner for backups and checks")
        for action in (self.backups_action, self.check_action):
            action.setEnabled(not tip)
            action.setToolTip(tip or action.text().rstrip("…"))

    def _database_file(self) -> Any:
        database = self.context.database if self.context is not None else None
        return None if database is None or database.read_only else database.path

    def show_backups(self) -> None:
        """File → Backups…: list them, back up now, restore one (then reload)."""
        from desktop.safety.backups_dialog import BackupsDialog

        path = self._database_file()
        if path is None:
            return
        dialog = BackupsDialog(path, self)
        dialog.about_to_restore.connect(self.release_database)
        dialog.restored.connect(self._reload_database)
        dialog.exec()
        dialog.deleteLater()

    def check_database(self) -> None:
        """File → Check database…: the report in plain words, and the safe repair (then reload)."""
        from desktop.safety.check_dialog import CheckDialog

        path = self._database_file()
        if path is None:
            return
        dialog = CheckDialog(path, self)
        dialog.exec()
        dialog.deleteLater()
        if dialog.repaired:
            self._reload_database()

    def release_database(self) -> None:
        """Close this window's connections to the database (it reconnects on its next read), so that
        a restore finds the file used by no one else."""
        if self.context is not None and self.context.database is not None:
            self.context.database.close()

    def _reload_database(self) -> None:
        """Open the database again after a restore or repair: a backup from before an upgrade is
        upgraded like any older file, and every screen reloads."""
        context = self.context
        if context is None or context.database is None or context.database.path is None:
            return
        path = context.database.path
        context.database.close()
        context.database = None
        self.open_target(str(path), create=False)

    def open_demo(self) -> None:
        """Create (or refresh) the demo season in its own file and open it."""
        from db.demo import create_demo
        from db.errors import DugoutError
        from db.paths import demo_database_path

        path = demo_database_path()
        try:
            create_demo(path)
        except DugoutError as error:
            if self.interactive:
                QMessageBox.warning(self, self.tr("Cannot open the demo"), str(error))
            else:
                self._fail(str(error))
            return
        self.open_target(str(path))

    def new_club(self) -> None:
        """Ask for club, league and season; create a new database file for it and open it."""
        from desktop.welcome import create_club_database

        path = create_club_database(self)
        if path is not None:
            self.open_target(str(path))

    def open_file(self) -> bool:
        """File → Open: pick a database file."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a Dugout database"), "", self.tr("Dugout databases (*.sqlite *.db);;All files (*)")
        )
        return self.open_target(path) if path else False

    # --- screens ------------------------------------------------------------------------------
    def _ensure_screens(self) -> None:
        """Fill the navigation from the registry once a database is open; show the last screen."""
        from desktop.screens import SCREENS

        if self.navigation.count():
            return
        for entry in SCREENS:
            item = QListWidgetItem(entry.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            self.navigation.addItem(item)
        self._refresh_icons()
        self._build_player_menu()
        last = str(self.settings.value("window/last_screen", SCREENS[0].name))
        self.show_screen(last if last in self.screen_names() else SCREENS[0].name)
        if PROBE:
            print("screens-filled", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        self.screens_ready.emit()

    def _build_player_menu(self) -> None:
        """Player → every screen's player actions, for the player selected where the user is."""
        from desktop.screens import SCREENS

        assert self.context is not None
        menu = QMenu(self.tr("&Player"), self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)  # Help stays last
        menu.setObjectName("playerMenu")
        menu.setAccessibleName(self.tr("Player"))
        self.context.player_actions = []
        for entry in SCREENS:
            for action in entry.player_actions:
                title = QCoreApplication.translate("Screens", action.title)
                self.context.player_actions.append((action.name, title))
                self._action(menu, f"action_{action.name}", title,
                             lambda _=False, name=action.name: self.run_player_action(name, self._selected_player()),
                             action.shortcut or None)

    def _selected_player(self) -> int | None:
        screen = self._current()
        return screen.current_player() if screen is not None else None

    def run_player_action(self, action: str, player_id: object) -> None:
        """Hand a player action to the screen it belongs to (built if need be)."""
        from desktop.screens import SCREENS

        owner = next((e for e in SCREENS if any(a.name == action for a in e.player_actions)), None)
        if owner is None:
            return
        screen = self.screen_widget(owner.name)
        if isinstance(screen, Screen):
            screen.run_player_action(action, player_id if isinstance(player_id, int) else None)

    def _refresh_icons(self) -> None:
        from desktop.screens import SCREENS
        from desktop.theme import themed_icon

        for row, entry in enumerate(SCREENS[: self.navigation.count()]):
            self.navigation.item(row).setIcon(themed_icon(entry.icon_path()))

    def screen_names(self) -> list[str]:
        """Every screen of the navigation, in order (built or not yet)."""
        return [self.navigation.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.navigation.count())]

    def screen_widget(self, name: str) -> QWidget:
        """The widget of a screen, built on first use (its module is imported only then)."""
        from desktop.screens import SCREENS

        if name not in self.screens:
            assert self.context is not None
            entry = next(e for e in SCREENS if e.name == name)
            widget = entry.build(self.context)
            self.screens[name] = widget
            self.stack.addWidget(widget)
        return self.screens[name]

    def show_screen(self, name: str) -> None:
        """Switch to a screen by its name ("squad", …)."""
        self.navigation.setCurrentRow(self.screen_names().index(name))

    def current_screen_name(self) -> str | None:
        """The name of the visible screen."""
        item = self.navigation.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        name = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self.screen_widget(name))
        self.settings.setValue("window/last_screen", name)

    def _current(self) -> Screen | None:
        name = self.current_screen_name()
        widget = self.screens.get(name) if name else None
        return widget if isinstance(widget, Screen) else None

    def search(self) -> None:
        """Edit → Find (Ctrl+F): the current screen's search."""
        screen = self._current()
        if screen is not None:
            screen.search()

    def show_player_card(self, player_id: int) -> None:
        """Open the one shared player card (replacing an open one), offering the other screens."""
        from desktop.common.player_card import PlayerCard, load_player_card
        from desktop.screens import SCREENS

        context = self.context
        if context is None:
            return
        try:
            facts = load_player_card(context, player_id)
        except Exception as error:  # a locked or vanished database: say so, never into Qt
            self._show_message(self.tr("Cannot open the player: {e}").format(e=error))
            return
        if facts is None:
            return
        if self.player_card is not None:
            self.player_card.close()
        current = self.current_screen_name()
        others = [(e.name, e.translated_title()) for e in SCREENS if e.name != current]
        card = PlayerCard(context, facts, others, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.show_in.connect(self.show_player_in)
        card.destroyed.connect(self._forget_player_card)
        self.player_card = card
        card.show()

    def _forget_player_card(self, *_args: object) -> None:
        self.player_card = None

    def show_player_in(self, screen_name: str, player_id: int) -> bool:
        """Switch to a screen and bring a player into view there; False if it does not show them."""
        self.show_screen(screen_name)
        screen = self._current()
        shown = screen.open_player(player_id) if screen is not None else False
        if not shown:
            self.statusBar().showMessage(self.tr("That screen does not show this player"), 10000)
        return shown

    # --- status, theme, planning date ---------------------------------------------------------
    def _refresh_status(self) -> None:
        context = self.context
        if context is None or context.database is None:
            return
        club = context.club_name or self.tr("no club yet")
        # The platform adds the application's display name ("… — Dugout") where windows show it.
        self.setWindowTitle(f"{club} ({context.database.display_name})")
        self.as_of_button.setText(self.tr("Planning date: {d}").format(d=format_date(context.as_of)))
        where = str(context.database.path or context.database.display_name)
        if context.database.read_only:
            where = self.tr("{where} (read-only)").format(where=where)
        self.database_label.setText(where)
        for action in self.import_actions:  # a read-only file takes no import
            action.setEnabled(not context.database.read_only)
            action.setToolTip(self.tr("This database is open read-only") if context.database.read_only else "")
        self._enable_file_safety(context.database)

    def import_fixtures(self) -> None:
        """File → Import → Fixtures…: a calendar, a list or a league file, previewed before it is written."""
        from desktop.files.fixtures import import_fixtures

        if self.context is not None:
            import_fixtures(self.context, self)

    def export_fixtures(self) -> None:
        """File → Export → Fixtures…: our matches as .ics or .csv."""
        from desktop.files.fixtures import export_fixtures

        if self.context is not None:
            export_fixtures(self.context, self)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        if self.interactive:
            QMessageBox.information(self, self.tr("Dugout"), text)

    def _fail(self, reason: str) -> None:
        """Without a screen: keep the reason (whoever started the window prints it) and end the
        event loop with status 1."""
        self.failure = reason
        QTimer.singleShot(0, lambda: QApplication.exit(1))

    def choose_planning_date(self) -> None:
        """Pick the planning date from a calendar."""
        from desktop.common.date_dialog import pick_date

        if self.context is None:
            return
        day = pick_date(self, self.tr("Planning date"), self.context.as_of, "planningDateDialog")
        if day is not None:
            self.context.set_as_of(day)

    def toggle_theme(self) -> None:
        """Switch light/dark and remember it."""
        dark = self.dark_action.isChecked()
        self.settings.setValue(THEME_SETTING, "true" if dark else "false")
        self.set_theme(dark)

    def set_theme(self, dark: bool) -> None:
        """Apply the light or dark theme to the app and redraw what paints theme colours itself."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        self._refresh_icons()

    def show_about(self) -> None:
        """Help → About: version, licence, data folder and the open database."""
        from desktop.about import AboutDialog

        database = self.context.database if self.context is not None else None
        where = str(database.path or database.display_name) if database is not None else None
        dialog = AboutDialog(where, self)
        dialog.exec()
        dialog.deleteLater()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.context is not None:
            self.context.close()
        super().closeEvent(event)


