"""A place in the lineup drawn on the pitch scene: one of the eleven slots, or a row of the bench.

It shows who stands there (shirt, number, name) and his marks: captain, doubtful or resting,
unable to play, out of position. It takes drops (the hand-off is the scene's ``drop_mime``) and
starts a drag of its player; in the slot-moving mode a pitch slot is dragged to a new place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QDrag, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from db.domain.availability import DOUBTFUL, PRECAUTIONARY
from db.domain.lineup import SLOT, Spot
from desktop.common.availability_icons import status_mark
from desktop.common.pitch_drawing import draw_badge, draw_empty_slot, draw_plate, draw_shirt, font
from desktop.lineup.squad_list import player_mime
from desktop.theme import colour

if TYPE_CHECKING:
    from db.domain.lineup_rules import Candidate
    from desktop.lineup.pitch import PitchScene

SHIRT_RADIUS = 36.0
BENCH_WIDTH = 252.0
POSITION_LETTER = "↔"


@dataclass
class Occupant:
    """Who stands at a place and what marks him."""

    player: Candidate | None = None
    captain: bool = False
    out_of_position: bool = False
    marks: set[str] = field(default_factory=set)


class SlotItem(QGraphicsItem):
    """One place: ``spot`` says which; ``label`` is the position a pitch slot asks for."""

    def __init__(self, spot: Spot, label: str, height: float = 0.0) -> None:
        super().__init__()
        self.spot = spot
        self.label = label
        self.height = height
        self.occupant = Occupant()
        self.current = False  # the keyboard's place
        self.carried = False  # lifted with Space, to be put down elsewhere
        self.hovered = False  # a drag is over it
        self.locked = False  # the lineup is final: nothing is dragged away
        self._press: QPointF | None = None
        self.setAcceptDrops(True)
        self.setAcceptHoverEvents(False)

    # --- geometry -------------------------------------------------------------------------------
    @property
    def on_pitch(self) -> bool:
        """A pitch slot, rather than a bench row."""
        return self.spot.kind == SLOT

    def boundingRect(self) -> QRectF:
        if self.on_pitch:
            return QRectF(-92, -SHIRT_RADIUS - 14, 184, 2 * SHIRT_RADIUS + 56)
        return QRectF(0, 0, BENCH_WIDTH, self.height)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.on_pitch:  # the shirt and the name plate: neighbours' corners stay theirs
            path.addEllipse(QPointF(0, 0), SHIRT_RADIUS + 10, SHIRT_RADIUS + 10)
            path.addRect(QRectF(-80, SHIRT_RADIUS + 4, 160, 38))
        else:
            path.addRect(self.boundingRect())
        return path

    def centre(self) -> QPointF:
        """Where the shirt is, in scene units."""
        if self.on_pitch:
            return self.pos()
        return self.pos() + QPointF(self._bench_radius() + 10, self.height / 2)

    def _bench_radius(self) -> float:
        return max(10.0, min(self.height / 2 - 7, 26.0))

    def set_occupant(self, occupant: Occupant) -> None:
        """Show another player (or none) with his marks."""
        if occupant != self.occupant:
            self.occupant = occupant
            self.setToolTip(self.describe())
            self.update()

    def describe(self) -> str:
        """What the place holds, in words (tooltip, the view's accessible description)."""
        player = self.occupant.player
        where = self.label if self.on_pitch else QCoreApplication.translate("LineupPitch", "Substitute {n}").format(
            n=self.spot.index + 1)
        if player is None:
            return QCoreApplication.translate("LineupPitch", "{where}: empty").format(where=where)
        number = f" ({player.shirt_number})" if player.shirt_number is not None else ""
        return f"{where}: {player.name}{number}"

    # --- painting -------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.on_pitch:
            self._paint_on_pitch(painter)
        else:
            self._paint_bench_row(painter)

    def _ring(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        if not (self.current or self.hovered or self.carried):
            return
        style = Qt.PenStyle.DashLine if self.carried or self.hovered else Qt.PenStyle.SolidLine
        painter.setPen(QPen(colour("selection_border"), 5, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius + 8, radius + 8)

    def _badges(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        occupant, small = self.occupant, max(9.0, radius * 0.42)
        offset = radius * 0.78
        if occupant.captain:
            draw_badge(painter, centre + QPointF(-offset, -offset), small, "C", colour("captain"), colour("on_captain"))
        status = next((m for m in ("injured", "suspended", "unavailable", "return_overdue", DOUBTFUL, PRECAUTIONARY)
                       if m in occupant.marks), None)
        if status is not None:
            fill = colour("status_doubt" if status in (DOUBTFUL, PRECAUTIONARY) else "status_out")
            draw_badge(painter, centre + QPointF(offset, -offset), small, status_mark(status) or "!", fill,
                       colour("on_status"))
        if occupant.out_of_position:
            draw_badge(painter, centre + QPointF(offset, offset), small, POSITION_LETTER, colour("position_mark"),
                       colour("on_status"))

    def _paint_on_pitch(self, painter: QPainter) -> None:
        centre, radius = QPointF(0, 0), SHIRT_RADIUS
        self._ring(painter, centre, radius)
        player = self.occupant.player
        if player is None:
            draw_empty_slot(painter, centre, radius, self.label, colour)
            return
        draw_shirt(painter, centre, radius, player.shirt_number, colour)
        self._badges(painter, centre, radius)
        draw_plate(painter, QPointF(0, radius + 6), player.short_name, 23, 184, colour("name_plate"),
                   colour("on_name_plate"))

    def _paint_bench_row(self, painter: QPainter) -> None:
        rect = QRectF(0, 2, BENCH_WIDTH, self.height - 4)
        radius = self._bench_radius()
        centre = QPointF(radius + 10, self.height / 2)
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        player = self.occupant.player
        painter.setBrush(colour("card") if player else Qt.BrushStyle.NoBrush)
        border = QPen(colour("selection_border" if self.current or self.hovered else "card_border"),
                      3 if self.current or self.hovered else 1.5)
        if player is None or self.carried:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.drawPath(path)
        text_left = centre.x() + radius + 12
        text = QRectF(text_left, rect.top(), rect.right() - text_left - 42, rect.height())
        if player is None:
            painter.setPen(colour("muted"))
            painter.setFont(font(min(20, self.height * 0.3)))
            painter.drawText(text, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                             QCoreApplication.translate("LineupPitch", "Substitute {n}").format(n=self.spot.index + 1))
            return
        draw_shirt(painter, centre, radius, player.shirt_number, colour)
        self._badges(painter, centre, radius)
        name_font = font(min(21, self.height * 0.34), bold=True)
        painter.setFont(name_font)
        painter.setPen(colour("text"))
        shown = painter.fontMetrics().elidedText(player.short_name, Qt.TextElideMode.ElideRight, int(text.width()))
        painter.drawText(text, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
        painter.setFont(font(min(17, self.height * 0.28)))
        painter.setPen(colour("muted"))
        painter.drawText(QRectF(rect.right() - 44, rect.top(), 36, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                         player.primary_position or "")

    # --- drops and drags ----------------------------------------------------------------------------
    def _pitch(self) -> PitchScene | None:
        from desktop.lineup.pitch import PitchScene

        scene = self.scene()
        return scene if isinstance(scene, PitchScene) else None

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        scene = self._pitch()
        accepted = scene is not None and scene.accepts(event.mimeData())
        event.setAccepted(accepted)
        if accepted:
            event.setDropAction(Qt.DropAction.MoveAction)
            self.hovered = True
            self.update()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        scene = self._pitch()
        accepted = scene is not None and scene.accepts(event.mimeData())
        event.setAccepted(accepted)
        if accepted:
            event.setDropAction(Qt.DropAction.MoveAction)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.hovered = False
        self.update()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.hovered = False
        self.update()
        scene = self._pitch()
        done = scene is not None and scene.drop_mime(event.mimeData(), self.spot)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.setAccepted(done)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self._pitch()
        if scene is not None:
            scene.clicked(self.spot)
        self._press = event.scenePos() if event.button() == Qt.MouseButton.LeftButton else None
        if self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            super().mousePressEvent(event)
        else:
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            super().mouseMoveEvent(event)
            return
        scene, player = self._pitch(), self.occupant.player
        if self._press is None or player is None or scene is None or self.locked or scene.fixture_id is None:
            return
        if (event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)).manhattanLength() \
                < QApplication.startDragDistance():
            return
        self._press = None
        widget: Any = event.widget()
        drag = QDrag(widget)
        drag.setMimeData(player_mime(player.player_id, scene.fixture_id, self.spot))
        scene.dragging = True
        try:
            drag.exec(Qt.DropAction.MoveAction)
        finally:
            scene.dragging = False
            scene.drag_finished()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)
        scene = self._pitch()
        if scene is not None and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            scene.slot_moved(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self._pitch()
        if scene is not None:
            scene.activated(self.spot)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        scene = self._pitch()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None and self.on_pitch:
            return scene.clamp_to_pitch(value)
        return super().itemChange(change, value)

