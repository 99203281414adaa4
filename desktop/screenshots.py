"""``dugout screenshots DIR``: render every screen offscreen to DIR/<screen>.png (light), plus dark."""

from __future__ import annotations

import os
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
    # Screenshots never touch the user's own settings.
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    apply_theme(app, dark=False)
    window = MainWindow(settings, options)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.start()
    if not window.screens:
        from db.errors import DugoutError

        raise DugoutError(tr("could not open the database for screenshots"))
    written = []
    for dark in (False, True):
        apply_theme(app, dark)
        for name in window.screens:
            if dark and name != "squad":
                continue
            window.show_screen(name)
            for _ in range(3):
                app.processEvents()
            target = out / (f"{name}-dark.png" if dark else f"{name}.png")
            window.grab().save(str(target))
            written.append(target)
    window.close()
    for path in written:
        print(path)
    (out / ".screenshot-settings.ini").unlink(missing_ok=True)
    return 0
