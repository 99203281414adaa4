"""Drawing a pitch, a shirt and the small marks on it, with any palette: the screen's theme
(``desktop.theme.colour``) or the printed sheet's (``desktop.theme.sheet_colour``). Vector only,
so the pitch stays crisp at any size and in a PDF."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

Ink = Callable[[str], QColor]

# A pitch of 105 × 68 m in tenths of a metre; markings by the Laws of the Game.
PITCH_WIDTH, PITCH_LENGTH = 680.0, 1050.0
_STRIPES = 10


def font(pixels: float, bold: bool = False) -> QFont:
    """A font of a size in the painter's units (scene units on the pitch, sheet units on paper)."""
    made = QFont()
    made.setPixelSize(max(1, round(pixels)))
    made.setBold(bold)
    return made


def draw_pitch(painter: QPainter, rect: QRectF, ink: Ink) -> None:
    """Grass in stripes and the markings, fitted to ``rect`` (portrait: our goal at the bottom)."""
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(rect.width() / PITCH_WIDTH, rect.height() / PITCH_LENGTH)
    painter.setPen(Qt.PenStyle.NoPen)
    band = PITCH_LENGTH / _STRIPES
    for i in range(_STRIPES):
        painter.setBrush(ink("pitch" if i % 2 == 0 else "pitch_stripe"))
        painter.drawRect(QRectF(0, i * band, PITCH_WIDTH, band + 0.5))
    pen = QPen(ink("pitch_line"), 4)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    w, length = PITCH_WIDTH, PITCH_LENGTH
    painter.drawRect(QRectF(2, 2, w - 4, length - 4))
    painter.drawLine(QPointF(2, length / 2), QPointF(w - 2, length / 2))
    painter.drawEllipse(QPointF(w / 2, length / 2), 91.5, 91.5)
    painter.setBrush(ink("pitch_line"))
    painter.drawEllipse(QPointF(w / 2, length / 2), 5, 5)
    for top in (True, False):
        line = 2.0 if top else length - 2
        inward = 1 if top else -1
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box, small = QRectF(w / 2 - 201.5, 0, 403, 165), QRectF(w / 2 - 91.6, 0, 183.2, 55)
        for area in (box, small):
            area.moveTop(line if top else line - area.height())
            painter.drawRect(area)
        spot = QPointF(w / 2, line + inward * 110)
        arc = QRectF(spot.x() - 91.5, spot.y() - 91.5, 183, 183)
        # The part of the arc outside the penalty area: ±53° around the direction of play.
        painter.drawArc(arc, (270 if top else 90) * 16 - 53 * 16, 106 * 16)
        painter.drawRect(QRectF(w / 2 - 36.6, line - 20 if top else line, 73.2, 20))  # the goal
        painter.setBrush(ink("pitch_line"))
        painter.drawEllipse(spot, 4, 4)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for x, y, start in ((2, 2, 270), (w - 2, 2, 180), (2, length - 2, 0), (w - 2, length - 2, 90)):
        painter.drawArc(QRectF(x - 10, y - 10, 20, 20), start * 16, 90 * 16)
    painter.restore()


def draw_shirt(painter: QPainter, centre: QPointF, radius: float, number: int | None, ink: Ink) -> None:
    """A round shirt with the player's number."""
    painter.save()
    painter.setPen(QPen(ink("shirt_border"), max(1.5, radius * 0.08)))
    painter.setBrush(ink("shirt"))
    painter.drawEllipse(centre, radius, radius)
    if number is not None:
        painter.setFont(font(radius * 0.95, bold=True))
        painter.setPen(ink("on_shirt"))
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         int(Qt.AlignmentFlag.AlignCenter), str(number))
    painter.restore()


def draw_empty_slot(painter: QPainter, centre: QPointF, radius: float, label: str, ink: Ink) -> None:
    """An empty place: a dashed ring with the position it asks for."""
    painter.save()
    pen = QPen(ink("pitch_line"), max(1.5, radius * 0.07), Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    painter.setFont(font(radius * 0.6, bold=True))
    painter.setPen(ink("pitch_line"))
    painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                     int(Qt.AlignmentFlag.AlignCenter), label)
    painter.restore()


def draw_badge(painter: QPainter, centre: QPointF, radius: float, letter: str, fill: QColor, text: QColor) -> None:
    """A small round mark with a letter (captain, doubt, out of position)."""
    painter.save()
    painter.setPen(QPen(text, max(1.0, radius * 0.12)))
    painter.setBrush(fill)
    painter.drawEllipse(centre, radius, radius)
    painter.setFont(font(radius * 1.25, bold=True))
    painter.setPen(text)
    painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                     int(Qt.AlignmentFlag.AlignCenter), letter)
    painter.restore()


def draw_plate(painter: QPainter, centre_top: QPointF, text: str, pixels: float, max_width: float,
               fill: QColor, ink: QColor) -> QRectF:
    """A name on a rounded plate under a shirt, elided to ``max_width``; the plate's rectangle."""
    painter.save()
    shown_font = font(pixels, bold=True)
    metrics = QFontMetricsF(shown_font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_width - pixels * 0.8)
    width = min(max_width, metrics.horizontalAdvance(shown) + pixels * 0.8)
    plate = QRectF(centre_top.x() - width / 2, centre_top.y(), width, pixels * 1.45)
    path = QPainterPath()
    path.addRoundedRect(plate, pixels * 0.3, pixels * 0.3)
    painter.fillPath(path, fill)
    painter.setFont(shown_font)
    painter.setPen(ink)
    painter.drawText(plate, int(Qt.AlignmentFlag.AlignCenter), shown)
    painter.restore()
    return plate
