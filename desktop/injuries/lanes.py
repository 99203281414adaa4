"""The board's lanes: one per status, from out to match fit, then the recently returned; a card
dropped on a lane moves the injury there (the drop only hands off to the board)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QListView

from db.medical.queries import RETURNED
from desktop.common.row_filter import RowFilterProxy
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.injuries.model import MIME, read_injury_mime
from desktop.theme import colour

# (lane, title marked for translation): the statuses in the order an injury moves through them.
LANES: tuple[tuple[str, str], ...] = (
    ("out", QT_TRANSLATE_NOOP("InjuryBoard", "Out")),
    ("doubtful", QT_TRANSLATE_NOOP("InjuryBoard", "Doubtful")),
    ("precautionary", QT_TRANSLATE_NOOP("InjuryBoard", "Precaution")),
    ("assessment", QT_TRANSLATE_NOOP("InjuryBoard", "Assessment")),
    ("rehab", QT_TRANSLATE_NOOP("InjuryBoard", "Rehab")),
    ("training", QT_TRANSLATE_NOOP("InjuryBoard", "In training")),
    ("match_fit", QT_TRANSLATE_NOOP("InjuryBoard", "Match fit")),
    (RETURNED, QT_TRANSLATE_NOOP("InjuryBoard", "Back")),
)


class LaneProxy(RowFilterProxy):
    """The cards of one lane, and the drop target that moves a card into it.

    ``on_drop(injury_id, version, lane)`` decides (and says why not); it returns whether it moved.
    """

    def __init__(self, lane: str, on_drop: Callable[[int, int, str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.on_drop = on_drop
        self.set_row_test(lambda row: row.lane == lane)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index) if index.isValid() else Qt.ItemFlag.NoItemFlags
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return read_injury_mime(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        dropped = read_injury_mime(data)
        return dropped is not None and self.on_drop(dropped[0], dropped[1], self.lane)


class LaneView(QListView):
    """A lane's list of cards; an empty lane says what it is for."""

    def __init__(self) -> None:
        super().__init__()
        self._empty_text = self.tr("Drop a card here")

    def set_empty_text(self, text: str) -> None:
        """What an empty lane says."""
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
