"""How a forecast cell looks: tinted in its status's theme colour, with the status's mark (a letter
in a disc, as in the squad list) so the colour is never the only sign; ✓ for an available player.
Heading rows read as a band with each fixture's count for that line.

A grid paints hundreds of cells at a time, so colours, fonts and marks are worked out once per
theme and font (``_Look``), not per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from db.domain.availability import AVAILABLE, STATUSES
from desktop.common.availability_icons import availability_icon, status_colour
from desktop.forecast.model import ForecastModel
from desktop.theme import colour, current_is_dark

Index = QModelIndex | QPersistentModelIndex
MARK = 15


@dataclass(frozen=True)
class _Look:
    """What painting needs, for one theme and one base font."""

    tints: dict[str, QColor]
    marks: dict[str, QPixmap]
    lane: QColor
    text: QColor
    muted: QColor
    tick: QColor
    border: QColor
    bold: QFont
    small: QFont
    small_metrics: QFontMetrics


@lru_cache(maxsize=8)
def _look(dark: bool, font_key: str) -> _Look:
    font = QFont()
    font.fromString(font_key)
    tints, marks = {}, {}
    for status in STATUSES:
        if status == AVAILABLE:
            tints[status] = colour("available_tint")
            continue
        tint = status_colour(status)
        tint.setAlpha(70 if dark else 45)
        tints[status] = tint
        icon = availability_icon(status)
        if icon is not None:
            marks[status] = icon.pixmap(MARK, MARK)
    bold, small = QFont(font), QFont(font)
    bold.setBold(True)
    small.setPixelSize(11)
    return _Look(tints, marks, colour("lane"), colour("text"), colour("muted"), colour("status_back"),
                 colour("selection_border"), bold, small, QFontMetrics(small))


class ForecastDelegate(QStyledItemDelegate):
    """Paints the player column, the heading bands and the status cells."""

    _key: tuple[bool, QFont] | None = None
    _current: _Look | None = None

    def _look_for(self, font: QFont) -> _Look:
        """The look of the applied theme and this font (kept while neither changes)."""
        key = (current_is_dark(), font)
        if self._current is None or self._key != key:
            self._key, self._current = (key[0], QFont(font)), _look(key[0], font.toString())
        return self._current

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, ForecastModel):
            return
        look = self._look_for(option.font)
        rect: QRect = option.rect
        row, column = index.row(), index.column()
        painter.save()
        if model.is_heading(row):
            painter.fillRect(rect, look.lane)
            painter.setFont(look.bold)
            painter.setPen(look.text if column == 0 else look.muted)
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignHCenter
            painter.drawText(rect.adjusted(8, 0, -4, 0), align | Qt.AlignmentFlag.AlignVCenter,
                             str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        elif column == 0:
            painter.setFont(option.font)
            painter.setPen(look.text)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            painter.drawText(rect.adjusted(14, 0, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 18))
        else:
            verdict = model.verdict(row, column)
            if verdict is not None:
                chance = model.chance_text(verdict)
                self._paint_status(painter, look, rect.adjusted(2, 2, -2, -2), verdict.status, chance)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(look.border, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_status(self, painter: QPainter, look: _Look, rect: QRect, status: str, text: str) -> None:
        painter.fillRect(rect, look.tints[status])
        mark = look.marks.get(status)
        if mark is None:  # available
            painter.setFont(look.bold)
            painter.setPen(look.tick)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "✓")
            return
        width = MARK + (look.small_metrics.horizontalAdvance(text) + 4 if text else 0)
        left = rect.left() + (rect.width() - width) // 2
        painter.drawPixmap(left, rect.top() + (rect.height() - MARK) // 2, mark)
        if text:
            painter.setFont(look.small)
            painter.setPen(look.text)
            painter.drawText(QRect(left + MARK + 4, rect.top(), width - MARK, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200 if index.column() == 0 else 92, 24)
