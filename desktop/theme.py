"""The one place that styles the app: qt-material (light or dark) plus Dugout's own overrides."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

LIGHT_THEME = "light_blue.xml"
DARK_THEME = "dark_teal.xml"
SETTING = "view/dark_theme"
_OVERRIDES = Path(__file__).resolve().parent.parent / "resources" / "styles" / "overrides.qss"
_COLOURS = {
    False: {"error": "#c62828", "muted": "#5f6b76", "text": "#1b1f23", "background": "#ffffff", "on_primary": "#ffffff"},
    True: {"error": "#ff8a80", "muted": "#9aa7b2", "text": "#e8eaed", "background": "#31363b", "on_primary": "#10201d"},
}


def is_dark(settings: QSettings) -> bool:
    """The user's remembered theme choice."""
    return str(settings.value(SETTING, "false")).lower() == "true"


def apply_theme(app: QApplication, dark: bool) -> None:
    """Style the whole application; called once at start and again only when the user toggles."""
    # qt-material warns on the root logger about import order when imported; that is noise for
    # us, so quieten the root logger for the import only.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        import qt_material
    finally:
        root.setLevel(level)

    qt_material.apply_stylesheet(
        app,
        theme=DARK_THEME if dark else LIGHT_THEME,
        invert_secondary=not dark,
        extra={"density_scale": "-1", "font_family": "DejaVu Sans, Noto Sans, sans-serif"},
    )
    overrides = _OVERRIDES.read_text(encoding="utf-8")
    for key, value in _COLOURS[dark].items():
        overrides = overrides.replace("{" + key + "}", value)
    app.setStyleSheet(app.styleSheet() + "\n" + overrides)
    app.setProperty("dugout_dark", dark)
