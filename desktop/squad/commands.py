"""Undo commands of the squad screen: edit a field, add a player, mark a player as left."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.squad.columns import MEMBERSHIP, PLAYER, Column, last_name
from desktop.undo import DbCommand

if TYPE_CHECKING:
    from db.engine import Database
    from db.queries import SquadRow
    from desktop.context import AppContext

# The version each row had after this app's own last write to it, per open database. A command
# that undoes or redoes uses it, so a chain of our own edits on one row does not look stale, while
# a write by anyone else (which moves the version past it) still does.
_OWN_VERSIONS: weakref.WeakKeyDictionary[Database, dict[tuple[str, int], int]] = weakref.WeakKeyDictionary()


def _tr(text: str) -> str:
    return QCoreApplication.translate("SquadCommands", text)


class _VersionedCommand(DbCommand):
    """A command on one row that remembers the version it last wrote."""

    def _database(self) -> Database:
        assert self.context.database is not None, "no database is open"
        return self.context.database

    def _seen(self, table: str, row_id: int, fallback: int) -> int:
        # The later of what this command saw and what our own last write produced.
        return max(fallback, _OWN_VERSIONS.get(self._database(), {}).get((table, row_id), fallback))

    def _wrote(self, table: str, row_id: int, version: int) -> int:
        _OWN_VERSIONS.setdefault(self._database(), {})[(table, row_id)] = version
        return version


class EditSquadFieldCommand(_VersionedCommand):
    """Change one field of a squad row ("Change shirt number of Bellingham")."""

    def __init__(self, context: AppContext, row: SquadRow, column: Column, value: Any) -> None:
        assert column.field is not None and column.target is not None
        text = _tr("Change {what} of {who}").format(what=_tr(column.noun), who=last_name(row.name))
        super().__init__(context, text)
        self.column = column
        self.table = column.target
        self.row_id = row.player_id if column.target == PLAYER else row.membership_id
        self.version = row.player_version if column.target == PLAYER else row.membership_version
        self.old_value = column.stored_value(row)
        self.new_value = value

    def _write(self, value: Any) -> tuple[set[str], set[int]]:
        from db.players import update_membership, update_player

        field = self.column.field
        assert field is not None
        seen = self._seen(self.table, self.row_id, self.version)
        if self.table == PLAYER:
            new = update_player(self._database(), self.row_id, seen, {field: value}, as_of=self.context.as_of)
        else:
            new = update_membership(self._database(), self.row_id, seen, {field: value})
        self.version = self._wrote(self.table, self.row_id, new)
        return {self.table}, {self.row_id}

    def apply(self) -> tuple[set[str], set[int]]:
        return self._write(self.new_value)

    def revert(self) -> tuple[set[str], set[int]]:
        return self._write(self.old_value)


class AddPlayerCommand(_VersionedCommand):
    """Add a new player to the squad; undo takes them out again while they have no other history."""

    def __init__(self, context: AppContext, player: dict[str, Any], membership: dict[str, Any]) -> None:
        super().__init__(context, _tr("Add {who}").format(who=str(player.get("name") or "").strip()))
        self.player = dict(player)
        self.membership = dict(membership)
        self.player_id: int | None = None
        self.membership_id: int | None = None

    def apply(self) -> tuple[set[str], set[int]]:
        from db.players import add_player_to_squad

        assert self.context.club_id is not None and self.context.season_id is not None
        self.player_id, self.membership_id = add_player_to_squad(
            self._database(), club_id=self.context.club_id, season_id=self.context.season_id,
            player=self.player, membership=self.membership, as_of=self.context.as_of,
        )
        self._wrote(MEMBERSHIP, self.membership_id, 1)
        return {MEMBERSHIP}, {self.membership_id}

    def revert(self) -> tuple[set[str], set[int]]:
        from db.players import remove_new_player

        assert self.player_id is not None and self.membership_id is not None
        seen = self._seen(MEMBERSHIP, self.membership_id, 1)
        remove_new_player(self._database(), self.player_id, self.membership_id, seen)
        return {MEMBERSHIP}, {self.membership_id}


class MarkLeftCommand(_VersionedCommand):
    """Record that a player left on a day for a reason; undo restores them to the squad."""

    def __init__(self, context: AppContext, row: SquadRow, left_on: dt.date, reason: str) -> None:
        super().__init__(context, _tr("Mark {who} as left").format(who=last_name(row.name)))
        self.membership_id = row.membership_id
        self.version = row.membership_version
        self.left_on = left_on
        self.reason = reason

    def apply(self) -> tuple[set[str], set[int]]:
        from db.players import mark_left

        seen = self._seen(MEMBERSHIP, self.membership_id, self.version)
        new = mark_left(self._database(), self.membership_id, seen, left_on=self.left_on, reason=self.reason)
        self.version = self._wrote(MEMBERSHIP, self.membership_id, new)
        return {MEMBERSHIP}, {self.membership_id}

    def revert(self) -> tuple[set[str], set[int]]:
        from db.players import undo_left

        seen = self._seen(MEMBERSHIP, self.membership_id, self.version)
        self.version = self._wrote(MEMBERSHIP, self.membership_id, undo_left(self._database(), self.membership_id, seen))
        return {MEMBERSHIP}, {self.membership_id}
