"""Undo commands of the squad screen: edit a field, add a player, mark a player as left.

The first application of a command carries the version the user saw (a stale edit is refused).
Undo and redo then compare-and-swap on values (``db.restoring``): they write only if the row
still holds what the command left there, so another user's later change is never overwritten.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.squad.columns import MEMBERSHIP, PLAYER, Column, last_name
from desktop.undo import DbCommand

if TYPE_CHECKING:
    from db.engine import Database
    from db.squad.queries import SquadRow
    from desktop.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("SquadCommands", text)


class _SquadCommand(DbCommand):
    """Shared access to the open database."""

    def _database(self) -> Database:
        assert self.context.database is not None, "no database is open"
        return self.context.database

    def _wrote(self, table: str, row_id: int, version: int) -> None:
        self.context.own_versions[(table, row_id)] = version

    def _swap(self, table: str, row_id: int, expected: dict[str, Any], changes: dict[str, Any]) -> None:
        from db.restoring import swap_fields

        key = (table, row_id)
        version = swap_fields(
            self._database(), table, row_id, expected=expected, changes=changes, as_of=self.context.as_of,
            version=self.context.own_versions.get(key),
        )
        self._wrote(table, row_id, version)


class EditSquadFieldCommand(_SquadCommand):
    """Change one field of a squad row ("Change shirt number of Bellingham")."""

    def __init__(self, context: AppContext, row: SquadRow, column: Column, value: Any) -> None:
        assert column.field is not None and column.target is not None
        text = _tr("Change {what} of {who}").format(what=_tr(column.noun), who=last_name(row.name))
        super().__init__(context, text)
        self.field = column.field
        self.table = column.target
        self.row_id = row.player_id if column.target == PLAYER else row.membership_id
        self.seen_version = row.player_version if column.target == PLAYER else row.membership_version
        self.old_value = column.stored_value(row)
        self.new_value = value

    def apply(self) -> tuple[set[str], set[int]]:
        from db.squad.writes import update_membership, update_player

        if self.seen_version is None:  # a redo after an undo: the row must hold the old value
            self._swap(self.table, self.row_id, {self.field: self.old_value}, {self.field: self.new_value})
        elif self.table == PLAYER:
            self._wrote(self.table, self.row_id, update_player(
                self._database(), self.row_id, self.seen_version, {self.field: self.new_value},
                as_of=self.context.as_of))
        else:
            self._wrote(self.table, self.row_id, update_membership(
                self._database(), self.row_id, self.seen_version, {self.field: self.new_value}))
        self.seen_version = None
        return {self.table}, {self.row_id}

    def revert(self) -> tuple[set[str], set[int]]:
        self._swap(self.table, self.row_id, {self.field: self.new_value}, {self.field: self.old_value})
        return {self.table}, {self.row_id}


class AddPlayerCommand(_SquadCommand):
    """Add a new player to the squad; undo takes them out again while nobody else touched them."""

    def __init__(self, context: AppContext, player: dict[str, Any], membership: dict[str, Any]) -> None:
        super().__init__(context, _tr("Add {who}").format(who=str(player.get("name") or "").strip()))
        self.player = dict(player)
        self.membership = dict(membership)
        self.player_id: int | None = None
        self.membership_id: int | None = None
        self._stored: tuple[dict[str, Any], dict[str, Any]] | None = None

    def apply(self) -> tuple[set[str], set[int]]:
        from db.squad.writes import add_player_to_squad, stored_values

        assert self.context.club_id is not None and self.context.season_id is not None
        again = (self.player_id, self.membership_id) if self.player_id and self.membership_id else None
        self.player_id, self.membership_id = add_player_to_squad(
            self._database(), club_id=self.context.club_id, season_id=self.context.season_id,
            player=self.player, membership=self.membership, as_of=self.context.as_of, ids=again,
        )
        self._stored = stored_values(self._database(), self.player_id, self.membership_id)
        self._wrote(PLAYER, self.player_id, 1)
        self._wrote(MEMBERSHIP, self.membership_id, 1)
        return {MEMBERSHIP}, {self.membership_id}

    def revert(self) -> tuple[set[str], set[int]]:
        from db.squad.writes import remove_new_player

        assert self.player_id is not None and self.membership_id is not None and self._stored is not None
        own = self.context.own_versions
        versions = (own.get((PLAYER, self.player_id), 1), own.get((MEMBERSHIP, self.membership_id), 1))
        remove_new_player(self._database(), self.player_id, self.membership_id, expected=self._stored,
                          versions=versions)
        return {MEMBERSHIP}, {self.membership_id}


class MarkLeftCommand(_SquadCommand):
    """Record that a player left on a day for a reason; undo restores them to the squad."""

    def __init__(self, context: AppContext, row: SquadRow, left_on: dt.date, reason: str) -> None:
        super().__init__(context, _tr("Mark {who} as left").format(who=last_name(row.name)))
        self.membership_id = row.membership_id
        self.seen_version: int | None = row.membership_version
        self.left = {"left_on": left_on, "left_reason": reason}
        self.stayed: dict[str, Any] = {"left_on": None, "left_reason": None}

    def apply(self) -> tuple[set[str], set[int]]:
        from db.squad.writes import mark_left

        if self.seen_version is None:
            self._swap(MEMBERSHIP, self.membership_id, self.stayed, self.left)
        else:
            self._wrote(MEMBERSHIP, self.membership_id, mark_left(
                self._database(), self.membership_id, self.seen_version,
                left_on=self.left["left_on"], reason=self.left["left_reason"]))
        self.seen_version = None
        return {MEMBERSHIP}, {self.membership_id}

    def revert(self) -> tuple[set[str], set[int]]:
        self._swap(MEMBERSHIP, self.membership_id, self.left, self.stayed)
        return {MEMBERSHIP}, {self.membership_id}
