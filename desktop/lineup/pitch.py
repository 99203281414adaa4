"""The pitch: a ``QGraphicsScene`` with the eleven slots of the formation and the bench beside it,
shown by a view that fits it to the window (vector drawing, crisp at any size).

A drop on a place reaches the scene's ``drop_mime`` (the hand-off every drop goes through); the
view turns keys into requests: Tab and the arrows move between places, Enter asks for candidates,
Delete empties, C makes captain, Space lifts a player and puts him down elsewhere (a swap).

Signals (PitchView):
    current_changed(spot): the keyboard's place moved.
    choose_requested(spot): Enter or a double-click: pick a player for the place.
    empty_requested(spot), captain_requested(spot): Delete, C.
    swap_requested(from_spot, to_spot): Space on a player, then Space on another place.
    slot_nudged(index, dx, dy): Shift+arrow while slots are being moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from db.domain.formations import Slot
from db.domain.lineup import BENCH, SLOT, Spot, nearest_spot
from desktop.common.pitch_drawing import PITCH_LENGTH, PITCH_WIDTH, draw_pitch, font
from desktop.lineup.slot_item import BENCH_WIDTH, SlotItem
from desktop.lineup.squad_list import Dragged, read_player_mime
from desktop.theme import colour

PITCH = QRectF(0, 0, PITCH_WIDTH, PITCH_LENGTH)
BENCH_LEFT = PITCH_WIDTH + 30
BENCH_TOP = 64.0
MARGIN = 14.0
ROW_MAX = 84.0


class PitchItem(QGraphicsItem):
    """The grass and its markings (behind everything), and the bench's heading."""

    def __init__(self) -> None:
        super().__init__()
        self.bench_title = ""
        self.setZValue(-10)
        # Drawn once per zoom level into a pixmap of the screen's own pixels: crisp, and a drop
        # repaints only the places that changed.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(PITCH.left(), PITCH.top() - 24, BENCH_LEFT + BENCH_WIDTH, PITCH.height() + 48)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_pitch(painter, PITCH, colour)
        painter.setFont(font(22, bold=True))
        painter.setPen(colour("text"))
        painter.drawText(QRectF(BENCH_LEFT, 0, BENCH_WIDTH, BENCH_TOP - 12),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), self.bench_title)


class PitchScene(QGraphicsScene):
    """The places of a lineup. ``on_drop(dragged, spot)`` decides a drop (and says why not)."""

    def __init__(self, on_drop: Callable[[Dragged, Spot | None], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self.on_drop = on_drop
        self.fixture_id: int | None = None
        self.locked = False
        self.dragging = False
        self.moving = False
        self.on_slot_moved: Callable[[int, float, float], None] | None = None
        self.on_click: Callable[[Spot], None] | None = None
        self.on_activate: Callable[[Spot], None] | None = None
        self.background = PitchItem()
        self.addItem(self.background)
        self.slots: list[SlotItem] = []
        self.bench: list[SlotItem] = []
        self._pending_bench: int | None = None
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, BENCH_LEFT + BENCH_WIDTH + 2 * MARGIN, PITCH.height() + 2 * MARGIN))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # 30 items: a linear search is fastest

    # --- places ---------------------------------------------------------------------------------
    def lay_out(self, slots: Sequence[Slot], bench_size: int, bench_title: str) -> None:
        """Put the eleven slots where the formation wants them and make ``bench_size`` bench rows."""
        while len(self.slots) < len(slots):
            item = SlotItem(Spot(SLOT, len(self.slots)), "")
            self.addItem(item)
            self.slots.append(item)
        for item, slot in zip(self.slots, slots, strict=False):
            where = self.to_scene(slot.x, slot.y)
            if item.label != slot.position or item.pos() != where:
                item.label = slot.position
                item.setPos(where)
                item.update()
        if self.background.bench_title != bench_title:
            self.background.bench_title = bench_title
            self.background.update()
        if len(self.bench) != bench_size:
            if self.dragging:  # never delete the item a drag started from
                self._pending_bench = bench_size
            else:
                self._make_bench(bench_size)

    def _make_bench(self, size: int) -> None:
        for item in self.bench:
            self.removeItem(item)
        height = min(ROW_MAX, (PITCH.height() - BENCH_TOP) / max(size, 1))
        self.bench = []
        for index in range(size):
            item = SlotItem(Spot(BENCH, index), "", height)
            item.setPos(BENCH_LEFT, BENCH_TOP + index * height)
            self.addItem(item)
            self.bench.append(item)

    def repaint_all(self) -> None:
        """Draw every item again (the theme changed: their colours are read when painting)."""
        for item in self.items():
            item.update()

    def drag_finished(self) -> None:
        """A drag from a place ended: catch up on a bench change it held back."""
        if self._pending_bench is not None:
            size, self._pending_bench = self._pending_bench, None
            self._make_bench(size)

    def places(self) -> list[SlotItem]:
        """Every place in keyboard order: the slots, then the bench."""
        return [*self.slots, *self.bench]

    def item_at(self, spot: Spot) -> SlotItem | None:
        """The item of a place."""
        items = self.slots if spot.kind == SLOT else self.bench
        return items[spot.index] if 0 <= spot.index < len(items) else None

    @staticmethod
    def to_scene(x: float, y: float) -> QPointF:
        """A place in percent of the pitch, in scene units."""
        return QPointF(PITCH.left() + x / 100 * PITCH.width(), PITCH.top() + y / 100 * PITCH.height())

    @staticmethod
    def to_percent(point: QPointF) -> tuple[float, float]:
        """A scene point in percent of the pitch."""
        return ((point.x() - PITCH.left()) / PITCH.width() * 100, (point.y() - PITCH.top()) / PITCH.height() * 100)

    def clamp_to_pitch(self, value: Any) -> Any:
        """A moved slot stays on the pitch."""
        if not isinstance(value, QPointF):
            return value
        return QPointF(min(max(value.x(), PITCH.left()), PITCH.right()), min(max(value.y(), PITCH.top()), PITCH.bottom()))

    def set_moving(self, moving: bool) -> None:
        """Let the eleven slots be dragged to new places (a custom formation) or not."""
        self.moving = moving
        for item in self.slots:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, moving)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, moving)
            item.setCursor(Qt.CursorShape.SizeAllCursor if moving else Qt.CursorShape.ArrowCursor)

    def slot_moved(self, item: SlotItem) -> None:
        """A slot was let go at a new place (the moving mode)."""
        if self.on_slot_moved is not None:
            x, y = self.to_percent(item.pos())
            self.on_slot_moved(item.spot.index, x, y)

    def clicked(self, spot: Spot) -> None:
        """A place was clicked: it becomes the keyboard's place."""
        if self.on_click is not None:
            self.on_click(spot)

    def activated(self, spot: Spot) -> None:
        """A place was double-clicked: choose its player."""
        if self.on_activate is not None:
            self.on_activate(spot)

    # --- drops ----------------------------------------------------------------------------------
    def accepts(self, mime: QMimeData | None) -> bool:
        """Whether a drag may end here (a player of this fixture, the lineup not final)."""
        dragged = read_player_mime(mime)
        return dragged is not None and not self.locked and dragged.fixture_id == self.fixture_id

    def drop_mime(self, mime: QMimeData | None, spot: Spot) -> bool:
        """The hand-off of every drop on a place; whether the lineup changed."""
        dragged = read_player_mime(mime)
        if dragged is None or self.locked:
            return False
        return self.on_drop(dragged, spot)


class PitchView(QGraphicsView):
    """Shows the pitch scene fitted to its size and drives it from the keyboard."""

    current_changed = Signal(object)
    choose_requested = Signal(object)
    empty_requested = Signal(object)
    captain_requested = Signal(object)
    swap_requested = Signal(object, object)
    slot_nudged = Signal(int, int, int)

    def __init__(self, scene: PitchScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.pitch = scene
        self.current = Spot(SLOT, 0)
        self.carried: Spot | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        scene.on_click = self.set_current
        scene.on_activate = self._activate

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.pitch.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self.pitch.repaint_all()  # theme colours are read when painting

    def set_current(self, spot: Spot) -> None:
        """Make a place the keyboard's place."""
        if self.pitch.item_at(spot) is None:
            spot = Spot(SLOT, 0)
        old, self.current = self.pitch.item_at(self.current), spot
        for item in (old, self.pitch.item_at(spot)):
            if item is not None:
                item.current = item.spot == spot
                item.update()
        self.refresh_description()
        self.current_changed.emit(spot)

    def refresh_description(self) -> None:
        """Say what the keyboard's place holds (for screen readers)."""
        item = self.pitch.item_at(self.current)
        self.setAccessibleDescription(item.describe() if item else "")

    def _activate(self, spot: Spot) -> None:
        self.set_current(spot)
        self.choose_requested.emit(spot)

    def event(self, event: QEvent) -> bool:
        # Tab moves between places here, not between widgets (except past the last place).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            places = [item.spot for item in self.pitch.places()]
            step = -1 if event.key() == Qt.Key.Key_Backtab else 1
            index = places.index(self.current) + step if self.current in places else 0
            if 0 <= index < len(places):
                self.set_current(places[index])
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            dx, dy = arrows[Qt.Key(key)]
            if shift and self.pitch.moving and self.current.kind == SLOT:
                self.slot_nudged.emit(self.current.index, dx * 2, dy * 2)
            else:
                places = {item.spot: (item.centre().x(), item.centre().y()) for item in self.pitch.places()}
                if self.current in places:
                    self.set_current(nearest_spot(places, self.current, dx, dy))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose_requested.emit(self.current)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.empty_requested.emit(self.current)
        elif key == Qt.Key.Key_C and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.captain_requested.emit(self.current)
        elif key == Qt.Key.Key_Space:
            self._carry()
        elif key == Qt.Key.Key_Escape and self.carried is not None:
            self._set_carried(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _carry(self) -> None:
        """Space: lift the player here, or put the lifted one down here."""
        item = self.pitch.item_at(self.current)
        if self.carried is None:
            if item is not None and item.occupant.player is not None:
                self._set_carried(self.current)
            return
        origin = self.carried
        self._set_carried(None)
        if origin != self.current:
            self.swap_requested.emit(origin, self.current)

    def _set_carried(self, spot: Spot | None) -> None:
        for item in self.pitch.places():
            item.carried = item.spot == spot
            item.update()
        self.carried = spot
