"""How a forecast cell looks: tinted in its status's theme colour, with the status's mark (a letter
in a disc, as in the squad list) so the colour is never the only sign; ✓ for an available player.
Heading rows read as a band with each fixture's count for that line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from db.domain.availability import AVAILABLE
from desktop.common.availability_icons import availability_icon, status_colour
from desktop.forecast.model import HeadingRole, StatusRole
from desktop.theme import colour, current_is_dark

Index = QModelIndex | QPersistentModelIndex
MARK = 15


class ForecastDelegate(QStyledItemDelegate):
    """Paints the player column, the heading bands and the status cells."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        if index.data(HeadingRole):
            painter.fillRect(rect, colour("lane"))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(colour("text") if index.column() == 0 else colour("muted"))
            align = Qt.AlignmentFlag.AlignLeft if index.column() == 0 else Qt.AlignmentFlag.AlignHCenter
            painter.drawText(rect.adjusted(8, 0, -4, 0), align | Qt.AlignmentFlag.AlignVCenter, text)
        elif index.column() == 0:
            painter.setFont(font)
            painter.setPen(colour("text"))
            painter.drawText(rect.adjusted(14, 0, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 18))
        else:
            self._paint_status(painter, rect.adjusted(2, 2, -2, -2), str(index.data(StatusRole)), text, font)
        if selected:
            painter.setPen(QPen(colour("selection_border"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_status(self, painter: QPainter, rect: QRect, status: str, text: str, font: QFont) -> None:
        if status == AVAILABLE:
            tint = colour("available_tint")
        else:
            tint = status_colour(status)
            tint.setAlpha(70 if current_is_dark() else 45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(QRectF(rect), 3, 3)
        icon = availability_icon(status)
        small = QFont(font)
        small.setPixelSize(11)
        painter.setFont(small)
        width = MARK + (painter.fontMetrics().horizontalAdvance(text) + 4 if text else 0)
        left = rect.left() + (rect.width() - width) // 2
        top = rect.top() + (rect.height() - MARK) // 2
        if icon is None:
            painter.setPen(colour("status_back"))
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "✓")
            return
        icon.paint(painter, QRect(left, top, MARK, MARK))
        if text:
            painter.setPen(colour("text"))
            painter.drawText(QRect(left + MARK + 4, rect.top(), width - MARK, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200 if index.column() == 0 else 92, 24)
