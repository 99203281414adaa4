"""Columns of cards that take a drop (the injury board's lanes, the transfer pipeline's stages):
a proxy showing the rows of one column, which hands a dropped row's (id, version) to the screen,
a list view that says what an empty column is for, and the frame every card is painted in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QListView

from desktop.common.row_filter import RowFilterProxy
from desktop.theme import colour

Index = QModelIndex | QPersistentModelIndex


class DropColumnProxy(RowFilterProxy):
    """The rows whose ``column_of(row)`` is ``key``, and the drop target that moves a row there.

    ``read_mime(data)`` is the (id, version) a drag carries, or None for anything else;
    ``on_drop(id, version, key)`` decides (and says why not) and returns whether it moved.
    """

    def __init__(self, key: str, column_of: Callable[[Any], str], mime: str,
                 read_mime: Callable[[QMimeData], tuple[int, int] | None],
                 on_drop: Callable[[int, int, str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key, self.mime, self.read_mime, self.on_drop = key, mime, read_mime, on_drop
        self.set_row_test(lambda row: column_of(row) == key)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index) if index.isValid() else Qt.ItemFlag.NoItemFlags
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [self.mime]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return self.read_mime(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        dropped = self.read_mime(data)
        return dropped is not None and self.on_drop(dropped[0], dropped[1], self.key)


class DropColumnView(QListView):
    """A column's cards; an empty column shows ``empty_text`` (what can be dropped there)."""

    def __init__(self, empty_text: str = "") -> None:
        super().__init__()
        self._empty_text = empty_text

    def set_empty_text(self, text: str) -> None:
        """What an empty column says."""
        self._empty_text = text

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(colour("muted"))
            painter.drawText(self.viewport().rect().adjusted(8, 16, -8, -8),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                             self._empty_text)


def paint_card_frame(painter: QPainter, rect: QRect, *, selected: bool, accent: str) -> QRect:
    """Paint a card (rounded, in the theme's card colours, a thicker border when selected, a strip
    in the ``accent`` palette colour on its left) filling ``rect``; the area left for its text.
    The painter is left antialiased with no pen; the caller saves and restores it."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    card = QRect(rect).adjusted(4, 3, -4, -3)
    painter.setPen(QPen(colour("selection_border" if selected else "card_border"), 2 if selected else 1))
    painter.setBrush(colour("card"))
    painter.drawRoundedRect(card, 5, 5)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(accent))
    painter.drawRoundedRect(QRect(card.left(), card.top(), 5, card.height()), 2, 2)
    return card.adjusted(11, 5, -6, -4)
