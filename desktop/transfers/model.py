"""The shortlist's model: every deal of the chosen window (targets, and our sales, loans out and
renewals), one cached row each; the first column ticks a deal into the current scenario; a row is dragged onto the board as
``application/x-dugout-deal`` (the deal's id and version)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.changes import CONTRACT_TERMS, DEAL, MEMBERSHIP, PLAYER, SCENARIO, SCENARIO_DEAL, Change
from db.domain.deals import rate_text
from db.domain.text import fold
from db.transfers.queries import TargetRow, shortlist
from db.transfers.validation import validate_deal_values
from desktop.common.columns import Column
from desktop.common.formatting import format_money
from desktop.common.row_model import TOOLTIP, CachedRowsModel, Index
from desktop.transfers.columns import COLUMN_INDEX, COLUMNS, HEADER_CONTEXT

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

MIME = "application/x-dugout-deal"
CHECK = int(Qt.ItemDataRole.CheckStateRole)
_NAME, _FEE = COLUMN_INDEX["name"], COLUMN_INDEX["fee"]
_PLAN = _NAME  # the name carries the tick into the current scenario
_CONTRACT = COLUMN_INDEX["contract_end"]
_NATIONALITY, _ASKING = COLUMN_INDEX["nationality"], COLUMN_INDEX["asking"]


def deal_mime(row: TargetRow) -> QMimeData:
    """What a dragged target carries: which deal, and the version the user saw."""
    mime = QMimeData()
    mime.setData(MIME, json.dumps({"deal_id": row.deal_id, "version": row.version}).encode())
    return mime


def read_deal_mime(mime: QMimeData | None) -> tuple[int, int] | None:
    """(deal id, version) from a drop; None for anything else (foreign or malformed data)."""
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
        deal_id, version = data["deal_id"], data["version"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (deal_id, version)):
        return None
    return deal_id, version


class ShortlistModel(CachedRowsModel[TargetRow]):
    """Every deal (of any kind) moving in the chosen window's season, keyed by deal id."""

    columns = COLUMNS
    header_context = HEADER_CONTEXT
    kinds = frozenset({DEAL, PLAYER, MEMBERSHIP, CONTRACT_TERMS, SCENARIO, SCENARIO_DEAL})

    def __init__(self, context: AppContext, state: TransferState, parent: QObject | None = None) -> None:
        self.state = state
        self._window = state.season
        super().__init__(context, parent)
        state.changed.connect(self._on_state)

    def can_load(self) -> bool:
        return self.has_squad() and self.state.season is not None

    def fetch(self, keys: list[Any] | None) -> list[TargetRow]:
        assert self.context.database is not None
        with self.context.database.reading() as session:
            return shortlist(session, as_of=self.context.as_of, window=self.state.season, deal_ids=keys)

    def key_of(self, row: TargetRow) -> Any:
        return row.deal_id

    def search_row(self, row: TargetRow) -> str:
        return fold(" ".join((row.name, row.club, row.position or "", *row.other_positions, *row.nationalities,
                              row.replaces or "", row.notes or "")))

    def keys_for(self, change: Change) -> set[Any] | None:
        if change.touches(PLAYER, MEMBERSHIP, CONTRACT_TERMS) or change.is_everything(DEAL):
            return None
        return set(change.ids(DEAL))

    def on_change(self, change: Change) -> None:
        if change.touches(DEAL, PLAYER, MEMBERSHIP, CONTRACT_TERMS):
            super().on_change(change)
        # Ticks are read from the shared state when painted (``_on_state`` repaints them).

    def _on_state(self) -> None:
        if self.state.season != self._window:  # another window: other targets
            self._window = self.state.season
            self.refresh_all()
        elif self._rows:
            self.dataChanged.emit(self.index(0, _PLAN), self.index(len(self._rows) - 1, _PLAN), [CHECK])

    # --- reading ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == _PLAN and int(role) == CHECK:
            ticked = self.row_at(index.row()).deal_id in self.state.ticked()
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def extra_data(self, row: TargetRow, column: int, role: int) -> Any:
        if role != TOOLTIP:
            return None
        if column == _NAME:
            scenario = self.state.current_scenario()
            if scenario is None:
                tick = QCoreApplication.translate("ShortlistModel",
                                                  "Make a scenario in the budget panel to tick targets into it")
            elif row.deal_id in scenario.deal_ids:
                tick = QCoreApplication.translate("ShortlistModel", "Ticked into '{s}'").format(s=scenario.name)
            else:
                tick = QCoreApplication.translate("ShortlistModel", "Tick to count him in '{s}'").format(
                    s=scenario.name)
            return "\n".join(t for t in (row.name, tick, row.notes) if t)
        if column == _CONTRACT and row.contract_end is not None:
            from desktop.common.formatting import contract_tooltip, format_date

            return f"{format_date(row.contract_end)}: {contract_tooltip(row.contract_end, self.context.as_of)}"
        if column == _FEE and row.rate_ppm is not None and row.fee_in_currency is not None:
            return QCoreApplication.translate("ShortlistModel", "{fee} at {rate} = {club}").format(
                fee=format_money(row.fee_in_currency, row.currency), rate=rate_text(row.rate_ppm),
                club=format_money(row.fee_cents, self.context.currency))
        if column == _ASKING and row.release_clause is not None:
            return QCoreApplication.translate("ShortlistModel", "Release clause: {m}").format(
                m=format_money(row.release_clause[0], row.release_clause[1] or self.context.currency))
        if column == _NATIONALITY and row.is_eu is False:
            return QCoreApplication.translate("ShortlistModel", "Would take a non-EU place")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == _PLAN and self.state.current_scenario() is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # --- ticking and editing --------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == _PLAN and int(role) == CHECK:
            from desktop.transfers.commands import push_tick

            ticked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return push_tick(self.context, self.state, self.row_at(index.row()), ticked)
        return super().setData(index, value, role)

    def check_value(self, index: Index, value: Any) -> Any:
        from db.errors import ValidationError

        column, row = self.columns[index.column()], self.row_at(index.row())
        field = column.field
        if field is None:
            return super().check_value(index, value)
        if column.editor == "money" and row.rate_ppm is not None:
            raise ValidationError(field, "foreign", QCoreApplication.translate(
                "ShortlistModel", "This deal is in {c}: change its money in the deal's dialog").format(c=row.currency))
        return validate_deal_values({field: value})[field]

    def save_value(self, row: TargetRow, column: Column, value: Any) -> None:
        from desktop.transfers.commands import EditDealCommand
        from desktop.undo import push_applied

        assert column.field is not None
        if column.field == "status":  # into or out of "signed" only by signing or taking it back
            from desktop.transfers.stages import stage_command, stage_text

            push_applied(self.context, stage_command(self.context, row.deal_id, row.version, row.status, value,
                                                     stage_text(row.name, row.status, value)))
            return
        noun = QCoreApplication.translate(HEADER_CONTEXT, column.noun)
        text = QCoreApplication.translate("ShortlistModel", "Change {what} of {who}").format(what=noun, who=row.name)
        push_applied(self.context, EditDealCommand(self.context, row.deal_id, row.version, {column.field: value}, text))

    # --- dragging -------------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        valid = [i for i in indexes if i.isValid()]
        return deal_mime(self.row_at(valid[0].row())) if valid else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
