"""Starting the desktop app: QApplication and theme first, the window next, data after the first paint."""

from __future__ import annotations

import sys
from argparse import Namespace

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.resource_paths import APP_ICON

ORGANISATION = "Dugout"
APPLICATION = "Dugout"
# The desktop entry (packaging/linux): Wayland matches windows to it, and so their icon.
DESKTOP_ID = "org.dugout.Dugout"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    return app


def run_app(options: Namespace) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    app = make_application()
    from desktop.i18n import install_translations
    from desktop.theme import apply_theme, is_dark

    install_translations(app)
    settings = QSettings()
    apply_theme(app, is_dark(settings))
    from desktop.main_window import MainWindow  # after the QApplication exists (lean start)

    # Offscreen or minimal platforms have no screen to answer a dialog on.
    interactive = app.platformName() not in ("offscreen", "minimal")
    if not interactive:
        silence_offscreen_noise()
    window = MainWindow(settings, options, interactive=interactive)
    window.show()
    status = app.exec()
    if window.failure is not None:
        from db.errors import DugoutError

        raise DugoutError(window.failure)  # the command line prints it as its one line
    return status


def silence_offscreen_noise() -> None:
    """The offscreen platform warns about size hints for every dialog; that is not the user's business."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
