"""The squad table model: the current squad of our club and season, one cached ``SquadRow`` per row."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from db.changes import MEMBERSHIP, PLAYER, Change
from db.domain.squad_rules import check_contract_order
from db.domain.text import fold
from db.squad.queries import SquadRow, memberships_of_players, squad_rows
from db.squad.validation import validate_membership_values, validate_player_values
from desktop.common.columns import Column
from desktop.common.formatting import contract_tooltip
from desktop.common.row_model import BACKGROUND, DECORATION, TOOLTIP, CachedRowsModel, Index
from desktop.squad.columns import COLUMN_INDEX, COLUMNS, HEADER_CONTEXT
from desktop.theme import colour

if TYPE_CHECKING:
    pass

_CONTRACT_COLUMN = COLUMN_INDEX["contract_end"]
_NAME_COLUMN = COLUMN_INDEX["name"]
_BORN_COLUMN = COLUMN_INDEX["born"]
_AGE_COLUMN = COLUMN_INDEX["age"]


class SquadTableModel(CachedRowsModel[SquadRow]):
    """The current squad of ``context``'s club and season, keyed by membership id.

    A player edit refreshes that player's row; a membership edit its own row.
    """

    columns = COLUMNS
    header_context = HEADER_CONTEXT
    kinds = frozenset({PLAYER, MEMBERSHIP})

    def has_squad(self) -> bool:
        """Whether a database with a club and season is open."""
        c = self.context
        return c.database is not None and c.club_id is not None and c.season_id is not None

    def can_load(self) -> bool:
        return self.has_squad()

    def fetch(self, keys: list[Any] | None) -> list[SquadRow]:
        c = self.context
        assert c.database is not None and c.club_id is not None and c.season_id is not None
        with c.database.reading() as session:
            return squad_rows(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of, membership_ids=keys)

    def key_of(self, row: SquadRow) -> Hashable:
        return row.membership_id

    def search_row(self, row: SquadRow) -> str:
        return fold(" ".join((row.name, row.primary_position or "", *row.secondary_positions, *row.nationalities)))

    def keys_for(self, change: Change) -> set[Any] | None:
        if change.is_everything(PLAYER) or change.is_everything(MEMBERSHIP):
            return None
        keys: set[Any] = set(change.ids(MEMBERSHIP))
        players = change.ids(PLAYER)
        if players and self.has_squad():
            c = self.context
            assert c.database is not None and c.club_id is not None and c.season_id is not None
            with c.database.reading() as session:
                keys |= set(memberships_of_players(session, club_id=c.club_id, season_id=c.season_id,
                                                   player_ids=players))
        return keys

    def availability_icon(self, row: SquadRow) -> None:
        """Hook for the injury issue: the availability icon of a row (none yet)."""
        return None

    def extra_data(self, row: SquadRow, column: int, role: int) -> Any:
        if role == BACKGROUND:
            return colour("warning_tint") if column == _CONTRACT_COLUMN and row.contract_expiring else None
        if role == TOOLTIP:
            if column == _CONTRACT_COLUMN:
                return contract_tooltip(row.contract_end, self.context.as_of) or None
            if column == _AGE_COLUMN and row.date_of_birth:
                position = self.position_of(row.membership_id)
                born = self.display_text(position, _BORN_COLUMN) if position is not None else ""
                return self.tr("Born {d}").format(d=born)
            return None
        if role == DECORATION and column == _NAME_COLUMN:
            return self.availability_icon(row)
        return None

    # --- editing ----------------------------------------------------------------------------
    def check_value(self, index: Index, value: Any) -> Any:
        """Validate an edit with the pure ``db`` rules; rules that need other rows (a shirt number
        worn by someone else) are the data layer's, checked when the edit is saved."""
        column, row = self.columns[index.column()], self.row_at(index.row())
        field = column.field
        if field is None:
            return super().check_value(index, value)
        if column.target == PLAYER:
            return validate_player_values({field: value}, as_of=self.context.as_of)[field]
        clean = validate_membership_values({field: value})[field]
        if field == "contract_end":
            check_contract_order(row.contract_start, clean)
        return clean

    def save_value(self, row: SquadRow, column: Column, value: Any) -> None:
        from desktop.squad.commands import EditSquadFieldCommand
        from desktop.undo import push_applied

        push_applied(self.context, EditSquadFieldCommand(self.context, row, column, value))
