"""One colour per competition, wherever a fixture is shown (the calendar's chips, the forecast's
headers): taken from the theme's palette by the competition's id, so LaLiga keeps its colour
from screen to screen and from run to run, and every hue carries the theme's ``on_competition``
text readably in light and dark."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.theme import COMPETITION_COLOURS, colour, current_is_dark


def competition_colour(competition_id: int) -> QColor:
    """The competition's colour in the applied theme (ids 1, 2, … take the palette in order)."""
    return colour(f"competition_{(competition_id - 1) % COMPETITION_COLOURS}")


def on_competition() -> QColor:
    """The text colour on a competition's colour."""
    return colour("on_competition")


def competition_swatch(competition_id: int) -> QIcon:
    """A small rounded square of the competition's colour (a legend, a combo box's items)."""
    return _swatch((competition_id - 1) % COMPETITION_COLOURS, current_is_dark())


@lru_cache(maxsize=32)
def _swatch(slot: int, _dark: bool) -> QIcon:
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(f"competition_{slot}"))
        painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size / 5, size / 5)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class LiveIcon(QWidget):
    """A small icon drawn from the applied theme each time it paints (a legend's swatch or mark),
    so a switch between light and dark needs no rebuilding."""

    def __init__(self, make: Callable[[], QIcon | None], size: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make = make
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        icon = self.make()
        if icon is not None:
            painter = QPainter(self)
            icon.paint(painter, self.rect())
            painter.end()
