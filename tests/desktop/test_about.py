"""Help → About and the app's icon: which Dugout this is and where its files are."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from argparse import Namespace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from desktop.about import AboutDialog
from desktop.main_window import MainWindow
from tests.helpers import when_modal

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_help_about_shows_version_licence_data_folder_and_database(qtbot, settings: QSettings,
                                                                    demo_path: Path) -> None:
    window = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
    qtbot.addWidget(window)
    window.start()
    seen: dict[str, str] = {}

    def read_and_close(dialog: AboutDialog) -> None:
        seen.update({key: label.text() for key, label in dialog.facts.items()})
        seen["title"] = dialog.windowTitle()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()

    when_modal(AboutDialog, read_and_close)
    window.findChild(type(window.dark_action), "actionAbout").trigger()

    assert seen["title"] == "About Dugout"
    assert seen["version"] == VERSION
    assert seen["licence"] == "MIT"
    assert seen["data_folder"] == os.environ["DUGOUT_DATA_DIR"]  # the tests' own data folder
    assert seen["database"] == str(demo_path)
    assert seen["built_with"].startswith("Qt 6.")


def test_help_stays_the_last_menu_once_the_player_menu_comes(qtbot, settings: QSettings, demo_path: Path) -> None:
    window = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
    qtbot.addWidget(window)
    window.start()

    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Player", "&Help"]


def test_without_a_database_the_dialog_says_none_is_open(qtbot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)

    assert dialog.facts["database"].text() == "none open"
    assert not dialog.findChild(type(dialog.facts["version"]), "aboutIcon").pixmap().isNull()


def test_the_app_icon_is_the_window_icon() -> None:
    code = ("from desktop.app import make_application; app = make_application();"
            "icon = app.windowIcon(); print(icon.isNull(), icon.pixmap(64, 64).isNull(), app.desktopFileName())")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})

    assert result.stdout.split() == ["False", "False", "org.dugout.Dugout"], result.stderr
