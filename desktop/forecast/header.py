"""The forecast's fixture headers: a strip in the competition's colour, the day, the opponent with
H/A, the competition and how many players are available, drawn in theme colours."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.common.competition_colours import competition_colour
from desktop.common.kickoff import weekday_date
from desktop.forecast.model import ForecastModel, side_letter
from desktop.theme import colour

HEIGHT = 88


class ForecastHeader(QHeaderView):
    """A horizontal header that paints each fixture's section itself (four lines and a strip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHighlightSections(False)
        self.setSectionsClickable(False)
        self.setMinimumHeight(HEIGHT)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        model = self.model()
        if not isinstance(model, ForecastModel) or model.forecast is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, colour("lane"))
        painter.setPen(colour("card_border"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        font = QFont(self.font())
        font.setPixelSize(12)
        if logical_index == 0:
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(colour("muted"))
            painter.drawText(rect.adjusted(14, 0, -4, -8), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             str(model.headerData(0, Qt.Orientation.Horizontal)))
            painter.restore()
            return
        fixture = model.fixture(logical_index)
        inner = rect.adjusted(3, 0, -3, 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(competition_colour(fixture.competition_id))
        painter.drawRoundedRect(QRectF(inner.left(), inner.top() + 3, inner.width(), 5), 2, 2)
        width = inner.width() - 4
        lines = (
            (weekday_date(fixture.day, year=False), True, "text"),
            (f"{fixture.opponent} ({side_letter(fixture.venue_side)})", True, "text"),
            (fixture.competition, False, "muted"),
        )
        top = inner.top() + 12
        for text, bold, tone in lines:
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(colour(tone))
            elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(inner.left() + 2, top, width, 16), Qt.AlignmentFlag.AlignCenter, elided)
            top += 16
        badge = str(model.headerData(logical_index, Qt.Orientation.Horizontal)).splitlines()[-1]
        font.setBold(True)
        painter.setFont(font)
        pill = painter.fontMetrics().horizontalAdvance(badge) + 14
        box = QRectF(inner.center().x() - pill / 2, top + 3, pill, 18)
        painter.setBrush(colour("status_back"))
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(colour("on_status"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()
