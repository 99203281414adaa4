"""``dugout screenshots DIR``: render every screen offscreen to DIR/<screen>.png and <screen>-dark.png."""

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
    from desktop.app import make_application, silence_offscreen_noise
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
    silence_offscreen_noise()
    # Screenshots never touch the user's own settings.
    scratch = tempfile.TemporaryDirectory(prefix="dugout-shots-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    apply_theme(app, dark=False)
    window = MainWindow(settings, options, interactive=False)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.start()
    if window.failure is not None or not window.screen_names():
        from db.errors import DugoutError

        failure = window.failure or tr("could not open the database for screenshots")
        window.close()
        app.processEvents()
        raise DugoutError(failure)
    written = []
    # An error inside Qt's event handling never reaches us as an exception: Python's hook prints
    # it and Qt carries on. Keep them, so a screen that failed is not a PNG and an exit status 0.
    failed: list[tuple[str, BaseException]] = []
    showing = ""
    previous_hook = sys.excepthook
    sys.excepthook = lambda _kind, error, _trace: failed.append((showing, error))
    try:
        for dark in (False, True):
            window.set_theme(dark)
            for name in window.screen_names():
                showing = name
                try:  # PySide raises an error of a Python override at the next call back into Python
                    window.show_screen(name)
                    for _ in range(3):
                        app.processEvents()
                    target = out / (f"{name}-dark.png" if dark else f"{name}.png")
                    window.grab().save(str(target))
                except Exception as error:  # noqa: BLE001 (told below, with the screen's name)
                    failed.append((name, error))
                    continue
                written.append(target)
    finally:
        sys.excepthook = previous_hook
    window.close()
    window.deleteLater()
    app.processEvents()
    del window, settings
    scratch.cleanup()
    for path in written:
        print(path)
    # Tear Qt down while Python is still whole (PySide can crash if the GC does it at exit).
    app.shutdown()
    if failed:
        from db.errors import DugoutError

        name, first = failed[0]
        raise DugoutError(tr("the {s} screen failed while it was drawn: {e}", s=name,
                             e=f"{type(first).__name__}: {first}"))
    return 0
