"""The squad beside the pitch: every player with his availability on the fixture's day and where
he is in the lineup. Players are dragged from here onto the pitch as ``application/x-dugout-lineup-player``
(the player, the fixture and where he comes from); one dropped back here leaves the lineup."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.domain.availability import (
    AVAILABLE,
    DOUBTFUL,
    INJURED,
    PRECAUTIONARY,
    RETURN_OVERDUE,
    STATUSES,
    SUSPENDED,
    UNAVAILABLE,
)
from db.domain.lineup import BENCH, SLOT, Spot
from db.domain.lineup_rules import Candidate
from db.domain.text import fold
from desktop.common.availability_icons import availability_icon, status_label
from desktop.common.columns import Column
from desktop.common.row_model import DECORATION, TOOLTIP, CachedRowsModel
from desktop.i18n import QT_TRANSLATE_NOOP

MIME = "application/x-dugout-lineup-player"
HEADER_CONTEXT = "LineupColumns"
_RANK = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass(frozen=True, slots=True)
class Dragged:
    """What a drag carries: which player, for which fixture, and from where (None: the squad list)."""

    player_id: int
    fixture_id: int
    origin: Spot | None


def player_mime(player_id: int, fixture_id: int, origin: Spot | None) -> QMimeData:
    """The mime data of a dragged player."""
    mime = QMimeData()
    payload = {"player_id": player_id, "fixture_id": fixture_id,
               "from": origin.kind if origin else "list", "index": origin.index if origin else None}
    mime.setData(MIME, json.dumps(payload).encode())
    return mime


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_player_mime(mime: QMimeData | None) -> Dragged | None:
    """The dragged player, or None for anything else (foreign or malformed data)."""
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
        player_id, fixture_id, source, index = data["player_id"], data["fixture_id"], data["from"], data["index"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not (_whole(player_id) and _whole(fixture_id)) or source not in ("list", SLOT, BENCH):
        return None
    if source == "list":
        return Dragged(player_id, fixture_id, None) if index is None else None
    if not _whole(index) or not 0 <= index < 30:
        return None
    return Dragged(player_id, fixture_id, Spot(source, index))


@dataclass(frozen=True, slots=True)
class SquadEntry:
    """A squad player and where the lineup has him (None: not named)."""

    player: Candidate
    spot: Spot | None
    spot_label: str  # the slot's position for a starter ("CB"), "Sub", or ""


COLUMNS = (
    Column("shirt", QT_TRANSLATE_NOOP("LineupColumns", "#"), lambda e: e.player.shirt_number,
           numeric=True, display=lambda e, _f: "" if e.player.shirt_number is None else str(e.player.shirt_number)),
    Column("name", QT_TRANSLATE_NOOP("LineupColumns", "Player"), lambda e: fold(e.player.name),
           display=lambda e, _f: e.player.name),
    Column("position", QT_TRANSLATE_NOOP("LineupColumns", "Pos"), lambda e: e.player.primary_position,
           display=lambda e, _f: e.player.primary_position or ""),
    Column("status", QT_TRANSLATE_NOOP("LineupColumns", "Status"),
           lambda e: _RANK[e.player.availability.status], display=lambda e, _f: _status(e.player)),
    Column("lineup", QT_TRANSLATE_NOOP("LineupColumns", "Lineup"), lambda e: e.spot_label or None,
           display=lambda e, _f: e.spot_label),
)
STATUS_COLUMN, LINEUP_COLUMN = 3, 4


# Short words for a narrow column (the full sentence is in the tooltip).
SHORT_STATUS = {
    DOUBTFUL: QT_TRANSLATE_NOOP("LineupSquad", "Doubtful"), PRECAUTIONARY: QT_TRANSLATE_NOOP("LineupSquad", "Rest"),
    INJURED: QT_TRANSLATE_NOOP("LineupSquad", "Injured"), SUSPENDED: QT_TRANSLATE_NOOP("LineupSquad", "Banned"),
    RETURN_OVERDUE: QT_TRANSLATE_NOOP("LineupSquad", "Overdue"), UNAVAILABLE: QT_TRANSLATE_NOOP("LineupSquad", "Away"),
}


def _status(player: Candidate) -> str:
    verdict = player.availability
    if verdict.status == AVAILABLE:
        return ""
    text = QCoreApplication.translate("LineupSquad", SHORT_STATUS[verdict.status])
    return f"{text} {verdict.chance}%" if verdict.chance is not None else text


class LineupSquadModel(CachedRowsModel[SquadEntry]):
    """The squad for the chosen fixture, from what the screen has read (``entries``), keyed by player.

    ``on_drop(dragged)`` is the hand-off of a player dropped on the list (out of the lineup); it
    returns whether anything changed.
    """

    columns = COLUMNS
    header_context = HEADER_CONTEXT

    def __init__(self, context: Any, entries: Callable[[], Sequence[SquadEntry]],
                 on_drop: Callable[[Dragged], bool], fixture_id: Callable[[], int | None],
                 parent: QObject | None = None) -> None:
        self._entries = entries
        self._on_drop = on_drop
        self._fixture_id = fixture_id
        super().__init__(context, parent)

    def can_load(self) -> bool:
        return self.has_squad()

    def fetch(self, keys: list[Any] | None) -> list[SquadEntry]:
        entries = list(self._entries())
        return entries if keys is None else [e for e in entries if e.player.player_id in set(keys)]

    def key_of(self, row: SquadEntry) -> Any:
        return row.player.player_id

    def search_row(self, row: SquadEntry) -> str:
        player = row.player
        words = (player.name, player.primary_position or "", *player.secondary_positions, _status(player))
        return fold(" ".join(words))

    def extra_data(self, row: SquadEntry, column: int, role: int) -> Any:
        verdict = row.player.availability
        if column == STATUS_COLUMN and role == DECORATION:
            return availability_icon(verdict.status)
        if role == TOOLTIP:
            lines = [row.player.name, status_label(verdict.status) + (f": {verdict.reason}" if verdict.reason else ""),
                     *verdict.notes]
            positions = ", ".join(filter(None, (row.player.primary_position, *row.player.secondary_positions)))
            if positions:
                lines.append(QCoreApplication.translate("LineupSquad", "Plays {positions}").format(positions=positions))
            return "\n".join(lines)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        valid = [i for i in indexes if i.isValid()]
        fixture_id = self._fixture_id()
        if not valid or fixture_id is None:
            return QMimeData()
        entry = self.row_at(valid[0].row())
        return player_mime(entry.player.player_id, fixture_id, entry.spot)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        dragged = read_player_mime(data)
        return dragged is not None and dragged.origin is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        dragged = read_player_mime(data)
        return dragged is not None and dragged.origin is not None and self._on_drop(dragged)
