"""The injury board's model: open injuries and those back within two weeks, one cached row each;
cards are dragged between lanes as ``application/x-dugout-injury`` (the injury's id and version)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from db.changes import ABSENCE, BOOKING, FIXTURE, INJURY, MEMBERSHIP, PLAYER, SUSPENSION
from db.domain.availability import day_text
from db.domain.text import fold
from db.medical.queries import InjuryRow, injury_board
from desktop.common.columns import Column
from desktop.common.row_model import TOOLTIP, CachedRowsModel
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.injuries.card_delegate import CardRole, injury_card, return_text

MIME = "application/x-dugout-injury"
HEADER_CONTEXT = "InjuryColumns"
CERTAINTY_TEXT = {"confirmed": QT_TRANSLATE_NOOP("InjuryCard", "Return date confirmed"),
                  "likely": QT_TRANSLATE_NOOP("InjuryCard", "Return date likely"),
                  "uncertain": QT_TRANSLATE_NOOP("InjuryCard", "Return date uncertain")}
COLUMNS = (Column("player", QT_TRANSLATE_NOOP("InjuryColumns", "Player"), lambda r: r.name,
                  display=lambda r, _f: r.name),)


def injury_mime(row: InjuryRow) -> QMimeData:
    """What a dragged card carries: which injury, and the version the user saw."""
    mime = QMimeData()
    mime.setData(MIME, json.dumps({"injury_id": row.injury_id, "version": row.version}).encode())
    return mime


def read_injury_mime(mime: QMimeData | None) -> tuple[int, int] | None:
    """(injury id, version) from a drop; None for anything else (foreign or malformed data)."""
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
        injury_id, version = data["injury_id"], data["version"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not (isinstance(injury_id, int) and isinstance(version, int)) or isinstance(injury_id, bool):
        return None
    return injury_id, version


def card_tooltip(row: InjuryRow) -> str:
    """Everything the card elides: the injury in full, the window, how sure, the notes."""
    lines = [row.name, row.kind + (f" ({row.body_part})" if row.body_part else "")]
    since = QCoreApplication.translate("InjuryCard", "Since {day}").format(day=day_text(row.started_on))
    lines.append(f"{since}; {return_text(row)}")
    if row.chance_of_playing is not None:
        lines.append(QCoreApplication.translate("InjuryCard", "Chance of playing: {n}%").format(
            n=row.chance_of_playing))
    certainty = CERTAINTY_TEXT.get(row.certainty)
    if certainty and row.returned_on is None:
        lines.append(QCoreApplication.translate("InjuryCard", certainty))
    if row.surgery:
        lines.append(QCoreApplication.translate("InjuryCard", "After surgery"))
    if row.medical_notes:
        lines.append(row.medical_notes)
    return "\n".join(lines)


class InjuryBoardModel(CachedRowsModel[InjuryRow]):
    """The squad's injuries the board shows, keyed by injury id."""

    columns = COLUMNS
    header_context = HEADER_CONTEXT
    kinds = frozenset({INJURY, PLAYER, MEMBERSHIP, FIXTURE, BOOKING, SUSPENSION, ABSENCE})

    def can_load(self) -> bool:
        return self.has_squad()

    def fetch(self, keys: list[Any] | None) -> list[InjuryRow]:
        c = self.context
        assert c.database is not None and c.club_id is not None and c.season_id is not None
        with c.database.reading() as session:
            rows = injury_board(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of)
        return rows if keys is None else [r for r in rows if r.injury_id in set(keys)]

    def key_of(self, row: InjuryRow) -> Any:
        return row.injury_id

    def search_row(self, row: InjuryRow) -> str:
        return fold(" ".join((row.name, row.kind, row.body_part or "")))

    def extra_data(self, row: InjuryRow, column: int, role: int) -> Any:
        if role == TOOLTIP:
            return card_tooltip(row)
        if role == CardRole:
            return injury_card(row)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        valid = [i for i in indexes if i.isValid()]
        return injury_mime(self.row_at(valid[0].row())) if valid else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
