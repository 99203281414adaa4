"""The board's lanes: one per status, from out to match fit, then the recently returned; a card
dropped on a lane moves the injury there (the drop only hands off to the board)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from db.medical.queries import RETURNED
from desktop.common.drop_columns import DropColumnProxy, DropColumnView
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.injuries.model import MIME, read_injury_mime

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


class LaneProxy(DropColumnProxy):
    """The cards of one lane, and the drop target that moves a card into it.

    ``on_drop(injury_id, version, lane)`` decides (and says why not); it returns whether it moved.
    """

    def __init__(self, lane: str, on_drop: Callable[[int, int, str], bool], parent: QObject | None = None) -> None:
        super().__init__(lane, lambda row: row.lane, MIME, read_injury_mime, on_drop, parent)
        self.lane = lane


class LaneView(DropColumnView):
    """A lane's list of cards; an empty lane says what it is for."""

    def __init__(self) -> None:
        super().__init__(self.tr("Drop a card here"))
