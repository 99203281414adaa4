"""The one place that styles the app: qt-material (light or dark) plus Dugout's own overrides.

Every colour Dugout adds lives in ``PALETTE``: the style sheet ``resources/styles/overrides.qss``
takes them through ``{placeholders}``, and what is painted in code (a model's tint, an icon) asks
``colour(name)``, so light and dark both come from here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.resource_paths import STYLE_OVERRIDES

LIGHT_THEME = "light_blue.xml"
DARK_THEME = "dark_teal.xml"
SETTING = "view/dark_theme"
_OVERRIDES = STYLE_OVERRIDES
COMPETITION_COLOURS = 8  # competition_0 … competition_7 in each palette
PALETTE: dict[bool, dict[str, str]] = {
    False: {
        "error": "#b3261e", "on_error": "#ffffff", "muted": "#5f6b76", "text": "#1b1f23",
        "background": "#ffffff", "on_primary": "#ffffff", "icon": "#37474f",
        "warning_tint": "rgba(255, 170, 0, 80)",
        "status_out": "#c62828", "status_doubt": "#b26a00", "status_muted": "#607d8b", "status_back": "#2e7d32",
        "lane": "#f3f6f9", "card": "#ffffff", "card_border": "#cfd8dc", "alert": "#c62828",
        "on_status": "#ffffff", "selection_border": "#2979ff",
        # The lineup's pitch: grass in two stripes, chalk lines, our shirts and the marks on them.
        "pitch": "#3f8f4f", "pitch_stripe": "#47995a", "pitch_line": "#eef5ee", "shirt": "#ffffff",
        "on_shirt": "#1d2a4d", "shirt_border": "#1d2a4d", "name_plate": "rgba(16, 32, 24, 190)",
        "on_name_plate": "#ffffff", "position_mark": "#6a3fb5", "captain": "#f2b90f", "on_captain": "#1b1f23",
        "bench": "#eef2f5", "rule_ok": "#2e7d32", "rule_failed": "#c62828",
        # Competitions (calendar chips, forecast headers): deep hues that carry white text.
        "competition_0": "#1565c0", "competition_1": "#6a1b9a", "competition_2": "#00796b",
        "competition_3": "#ad1457", "competition_4": "#2e7d32", "competition_5": "#bf360c",
        "competition_6": "#455a64", "competition_7": "#8d6e00", "on_competition": "#ffffff",
        "today": "#2979ff", "day_outside": "#f3f6f9", "day": "#ffffff", "available_tint": "rgba(46, 125, 50, 22)",
    },
    True: {
        "error": "#ff8a80", "on_error": "#10201d", "muted": "#9aa7b2", "text": "#e8eaed",
        "background": "#31363b", "on_primary": "#10201d", "icon": "#e8eaed",
        "warning_tint": "rgba(255, 170, 0, 80)",
        "status_out": "#ef5350", "status_doubt": "#ffb74d", "status_muted": "#90a4ae", "status_back": "#81c784",
        "lane": "#2a2e32", "card": "#3a4046", "card_border": "#4f5b62", "alert": "#ff8a80",
        "on_status": "#1b1f23", "selection_border": "#1de9b6",
        "pitch": "#24543a", "pitch_stripe": "#285c40", "pitch_line": "#b9cfc0", "shirt": "#e8eaed",
        "on_shirt": "#1d2a4d", "shirt_border": "#9aa7b2", "name_plate": "rgba(10, 20, 16, 200)",
        "on_name_plate": "#f1f3f4", "position_mark": "#b39ddb", "captain": "#ffd54f", "on_captain": "#1b1f23",
        "bench": "#2a2e32", "rule_ok": "#81c784", "rule_failed": "#ff8a80",
        # Competitions: light hues that carry dark text.
        "competition_0": "#90caf9", "competition_1": "#ce93d8", "competition_2": "#80cbc4",
        "competition_3": "#f48fb1", "competition_4": "#a5d6a7", "competition_5": "#ffab91",
        "competition_6": "#b0bec5", "competition_7": "#e6c65c", "on_competition": "#1b1f23",
        "today": "#1de9b6", "day_outside": "#2a2e32", "day": "#3a4046", "available_tint": "rgba(129, 199, 132, 30)",
    },
}


# A team sheet is printed on white paper whatever the screen's theme: its own palette.
SHEET_PALETTE: dict[str, str] = {
    "paper": "#ffffff", "ink": "#111418", "muted": "#5a6570", "rule": "#c9d1d8", "band": "#1d2a4d",
    "on_band": "#ffffff", "pitch": "#5fa86b", "pitch_stripe": "#67b073", "pitch_line": "#ffffff",
    "shirt": "#ffffff", "on_shirt": "#1d2a4d", "shirt_border": "#1d2a4d", "captain": "#f2b90f",
    "on_captain": "#111418", "status_out": "#c62828", "status_doubt": "#b26a00", "position_mark": "#6a3fb5",
    "on_status": "#ffffff",
}


def sheet_colour(name: str) -> QColor:
    """A colour of the printed team sheet."""
    return QColor(SHEET_PALETTE[name])


def is_dark(settings: QSettings) -> bool:
    """The user's remembered theme choice."""
    return str(settings.value(SETTING, "false")).lower() == "true"


def current_is_dark() -> bool:
    """Whether the dark theme is applied now."""
    app = QApplication.instance()
    return bool(app.property("dugout_dark")) if app is not None else False


def colour(name: str) -> QColor:
    """A colour of the applied theme's palette ("warning_tint", "error", …)."""
    value = PALETTE[current_is_dark()][name]
    if value.startswith("rgba("):
        red, green, blue, alpha = (int(part) for part in value[5:-1].split(","))
        return QColor(red, green, blue, alpha)
    return QColor(value)


def _svg_pixmap(text: str, colour_value: str, size: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(text.replace("#000000", colour_value).encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def themed_icon(svg: Path) -> QIcon:
    """An SVG icon in the theme's icon colour (its #000000 replaced), drawn at several sizes so it
    stays sharp on high-density screens."""
    text = svg.read_text(encoding="utf-8")
    icon = QIcon()
    for size in (24, 48, 96):
        icon.addPixmap(_svg_pixmap(text, PALETTE[current_is_dark()]["icon"], size))
    return icon


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
    for key, value in PALETTE[dark].items():
        overrides = overrides.replace("{" + key + "}", value)
    app.setStyleSheet(app.styleSheet() + "\n" + overrides)
    app.setProperty("dugout_dark", dark)
