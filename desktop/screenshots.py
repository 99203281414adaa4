"""``dugout screenshots DIR``: render every screen offscreen to DIR/<screen>.png (light), plus dark."""

from __future__ import annotations

import os
import sys
import tempfile
from argparse import Namespace
from pathlib import Path

SIZE = (1440, 900)


def run_screenshots(options: Namespace) -> int:
    """Render each screen of the open database (the demo season by default) and exit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from db.i18n import tr
    from desktop.app import make_application
    from desktop.main_window import MainWindow
    from desktop.theme import apply_theme

    out = Path(options.directory)
    out.mkdir(parents=True, exist_ok=True)
    if not (options.db or options.db_url):
        from db.demo import create_demo
        from db.paths import demo_database_path

        create_demo(demo_database_path())
        options = Namespace(**{**vars(options), "db": str(demo_database_path())})
    app = make_application()
    from desktop.i18n import install_translations

    install_translations(app)
    _silence_offscreen_noise()
    # Screenshots never touch the user's own settings.
    scratch = tempfile.TemporaryDirectory(prefix="dugout-shots-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    apply_theme(app, dark=False)
    window = MainWindow(settings, options)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.start()
    if not window.screen_names():
        from db.errors import DugoutError

        raise DugoutError(tr("could not open the database for screenshots"))
    written = []
    for dark in (False, True):
        window.set_theme(dark)
        for name in window.screen_names():
            if dark and name != "squad":
                continue
            window.show_screen(name)
            for _ in range(3):
                app.processEvents()
            target = out / (f"{name}-dark.png" if dark else f"{name}.png")
            window.grab().save(str(target))
            written.append(target)
    window.close()
    window.deleteLater()
    app.processEvents()
    del window, settings
    scratch.cleanup()
    for path in written:
        print(path)
    # Tear Qt down while Python is still whole (PySide can crash if the GC does it at exit).
    app.shutdown()
    return 0


def _silence_offscreen_noise() -> None:
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
