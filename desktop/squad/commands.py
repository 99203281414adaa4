"""Undo commands of the squad screen: edit a field, add a player, mark a player as left.

The first application of a command carries the version the user saw (a stale edit is refused);
undo and redo compare-and-swap on values through ``DbCommand.swap``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from db.changes import MEMBERSHIP, PLAYER, Change
from desktop.common.columns import Column
from desktop.common.formatting import last_name
from desktop.squad.columns import HEADER_CONTEXT
from desktop.undo import DbCommand

if TYPE_CHECKING:
    from db.squad.queries import SquadRow
    from desktop.context import AppContext


class EditSquadFieldCommand(DbCommand):
    """Change one field of a squad row ("Change shirt number of Bellingham")."""

    kinds = frozenset({PLAYER, MEMBERSHIP})

    def __init__(self, context: AppContext, row: SquadRow, column: Column, value: Any) -> None:
        assert column.field is not None and column.target is not None
        noun = QCoreApplication.translate(HEADER_CONTEXT, column.noun)
        super().__init__(context, QCoreApplication.translate("SquadCommands", "Change {what} of {who}").format(what=noun, who=last_name(row.name)))
        self.field = column.field
        self.table = column.target
        self.row_id = row.player_id if column.target == PLAYER else row.membership_id
        self.seen_version: int | None = row.player_version if column.target == PLAYER else row.membership_version
        self.old_value = column.stored_value(row)
        self.new_value = value

    def apply(self) -> Change:
        from db.squad.writes import update_membership, update_player

        if self.seen_version is None:  # a redo after an undo: the row must hold the old value
            self.swap(self.table, self.row_id, {self.field: self.old_value}, {self.field: self.new_value})
        elif self.table == PLAYER:
            self.wrote(self.table, self.row_id, update_player(
                self.database(), self.row_id, self.seen_version, {self.field: self.new_value},
                as_of=self.context.as_of))
        else:
            self.wrote(self.table, self.row_id, update_membership(
                self.database(), self.row_id, self.seen_version, {self.field: self.new_value}))
        self.seen_version = None
        return Change.of(self.table, {self.row_id})

    def revert(self) -> Change:
        self.swap(self.table, self.row_id, {self.field: self.new_value}, {self.field: self.old_value})
        return Change.of(self.table, {self.row_id})


class AddPlayerCommand(DbCommand):
    """Add a new player to the squad; undo takes them out again while nobody else touched them."""

    kinds = frozenset({PLAYER, MEMBERSHIP})

    def __init__(self, context: AppContext, player: dict[str, Any], membership: dict[str, Any]) -> None:
        super().__init__(context, QCoreApplication.translate("SquadCommands", "Add {who}").format(who=str(player.get("name") or "").strip()))
        self.player = dict(player)
        self.membership = dict(membership)
        self.player_id: int | None = None
        self.membership_id: int | None = None
        self._stored: tuple[dict[str, Any], dict[str, Any]] | None = None

    def _change(self) -> Change:
        assert self.player_id is not None and self.membership_id is not None
        return Change({PLAYER: {self.player_id}, MEMBERSHIP: {self.membership_id}})

    def apply(self) -> Change:
        from db.squad.writes import add_player_to_squad, stored_values

        assert self.context.club_id is not None and self.context.season_id is not None
        again = (self.player_id, self.membership_id) if self.player_id and self.membership_id else None
        self.player_id, self.membership_id = add_player_to_squad(
            self.database(), club_id=self.context.club_id, season_id=self.context.season_id,
            player=self.player, membership=self.membership, as_of=self.context.as_of, ids=again,
        )
        self._stored = stored_values(self.database(), self.player_id, self.membership_id)
        self.wrote(PLAYER, self.player_id, 1)
        self.wrote(MEMBERSHIP, self.membership_id, 1)
        return self._change()

    def revert(self) -> Change:
        from db.squad.writes import remove_new_player

        assert self.player_id is not None and self.membership_id is not None and self._stored is not None
        versions = (self.own_version(PLAYER, self.player_id, 1) or 1,
                    self.own_version(MEMBERSHIP, self.membership_id, 1) or 1)
        remove_new_player(self.database(), self.player_id, self.membership_id, expected=self._stored,
                          versions=versions)
        return self._change()


class MarkLeftCommand(DbCommand):
    """Record that a player left on a day for a reason; undo restores them to the squad."""

    kinds = frozenset({MEMBERSHIP})

    def __init__(self, context: AppContext, row: SquadRow, left_on: dt.date | None, reason: str) -> None:
        super().__init__(context, QCoreApplication.translate("SquadCommands", "Mark {who} as left").format(who=last_name(row.name)))
        self.membership_id = row.membership_id
        self.seen_version: int | None = row.membership_version
        self.left: dict[str, Any] = {"left_on": left_on, "left_reason": reason}
        self.stayed: dict[str, Any] = {"left_on": None, "left_reason": None}

    def apply(self) -> Change:
        from db.squad.writes import mark_left

        if self.seen_version is None:
            self.swap(MEMBERSHIP, self.membership_id, self.stayed, self.left)
        else:
            self.wrote(MEMBERSHIP, self.membership_id, mark_left(
                self.database(), self.membership_id, self.seen_version,
                left_on=self.left["left_on"], reason=self.left["left_reason"]))
        self.seen_version = None
        return Change.of(MEMBERSHIP, {self.membership_id})

    def revert(self) -> Change:
        self.swap(MEMBERSHIP, self.membership_id, self.left, self.stayed)
        return Change.of(MEMBERSHIP, {self.membership_id})
