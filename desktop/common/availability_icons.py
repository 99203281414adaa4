"""How availability looks wherever a player is listed: a small round mark per status, in theme
colours, the same in the squad list, on the injury board and on the lineup's pitch."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from db.domain.availability import (
    AVAILABLE,
    DOUBTFUL,
    INJURED,
    PRECAUTIONARY,
    RETURN_OVERDUE,
    STATUS_LABELS,
    SUSPENDED,
    UNAVAILABLE,
)
from desktop.theme import colour, current_is_dark

# Status -> (palette colour, the letter inside the mark): colour alone must not carry the meaning.
_MARKS = {
    INJURED: ("status_out", "+"),
    RETURN_OVERDUE: ("status_out", "!"),
    SUSPENDED: ("status_out", "S"),
    UNAVAILABLE: ("status_muted", "–"),
    DOUBTFUL: ("status_doubt", "?"),
    PRECAUTIONARY: ("status_doubt", "P"),
}


def status_label(status: str) -> str:
    """The status in words, capitalised ("Precautionary rest")."""
    text = QCoreApplication.translate("db", STATUS_LABELS[status])
    return text[:1].upper() + text[1:]


def status_colour(status: str) -> QColor:
    """The theme colour of a status (green-less: an available player carries no mark)."""
    return colour(_MARKS[status][0]) if status in _MARKS else colour("muted")


def status_mark(status: str) -> str | None:
    """The letter inside a status's mark ("?" doubtful, "P" precautionary, "+" injured…); None when available."""
    return _MARKS[status][1] if status in _MARKS else None


def availability_icon(status: str) -> QIcon | None:
    """The mark of a status, None for an available player."""
    if status == AVAILABLE or status not in _MARKS:
        return None
    fill, letter = _MARKS[status]
    return mark_icon(letter, fill)


def mark_icon(letter: str, fill_name: str) -> QIcon:
    """A round mark in a theme colour with a letter or sign in it (a status's "?", the lineup's ✓, ✗, ↔)."""
    return _mark(letter, fill_name, current_is_dark())


@lru_cache(maxsize=48)
def _mark(letter: str, fill_name: str, _dark: bool) -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(fill_name))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.setPen(colour("on_status"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
