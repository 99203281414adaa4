"""Writes that undo or redo the app's own edits: compare-and-swap on the values themselves.

An undo step must not rely on version numbers alone: between our edit and its undo another user
may have written the row. So an undo (or redo) states the values it expects to find, and the
write happens only if the row still holds exactly those values; otherwise it is a ``StaleEdit``
and the other user's work stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.models import Injury, Player, SquadMembership
from db.players import check_membership_change
from db.validation import validate_membership_values, validate_player_values
from db.versioning import update_versioned

_TABLES: dict[str, type[SQLModel]] = {"player": Player, "squad_membership": SquadMembership}


def _validator(table: str, as_of: dt.date) -> Callable[[dict[str, Any]], dict[str, Any]]:
    if table == "player":
        return lambda values: validate_player_values(values, as_of=as_of)
    return validate_membership_values


def _normalised(validate: Callable[[dict[str, Any]], dict[str, Any]], values: dict[str, Any]) -> dict[str, Any]:
    """Values in stored form ('cm, am' -> 'CM,AM'); values that no longer validate are kept as given."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        try:
            out.update(validate({key: value}))
        except ValidationError:
            out[key] = value
    return out


def holds(row: SQLModel, expected: dict[str, Any]) -> bool:
    """Whether ``row`` currently has every value in ``expected``."""
    return all(getattr(row, key) == value for key, value in expected.items())


def _stale(table: str, row_id: int) -> StaleEdit:
    return StaleEdit(table, row_id, tr("Someone else changed this row since; it was left as they saved it"))


def swap_fields(
    database: Database,
    table: str,
    row_id: int,
    *,
    expected: dict[str, Any],
    changes: dict[str, Any],
    as_of: dt.date,
    version: int | None = None,
    by: str | None = None,
) -> int:
    """Write ``changes`` only if the row still holds ``expected`` (and is at ``version``, when the
    caller knows the version its own last write produced); return the new version."""
    validate = _validator(table, as_of)
    clean = validate(changes)
    want = _normalised(validate, expected)
    model = _TABLES[table]
    with database.transaction() as session:
        row: Any = session.get(model, row_id)
        if row is None or not holds(row, want) or (version is not None and row.version != version):
            raise _stale(table, row_id)
        if model is SquadMembership:
            check_membership_change(session, row, clean)
        return update_versioned(session, model, row_id, row.version, clean, by or current_user())


def stored_values(database: Database, player_id: int, membership_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A player's and a membership's columns as stored (what an undo of "add player" expects to find)."""
    skip = {"version", "updated_at", "updated_by"}
    with database.reading() as session:
        player, membership = session.get(Player, player_id), session.get(SquadMembership, membership_id)
        if player is None or membership is None:
            raise _stale("player", player_id)
        return (
            {k: v for k, v in player.model_dump().items() if k not in skip},
            {k: v for k, v in membership.model_dump().items() if k not in skip},
        )


def remove_new_player(
    database: Database,
    player_id: int,
    membership_id: int,
    *,
    expected: tuple[dict[str, Any], dict[str, Any]],
    versions: tuple[int, int],
) -> None:
    """Take back a player just added (undo of "add player"), only if untouched by others and without history.

    ``expected`` is what ``stored_values`` read right after the add; ``versions`` the player's and
    the membership's versions after the app's own last writes to them.
    """
    with database.transaction() as session:
        player, membership = session.get(Player, player_id), session.get(SquadMembership, membership_id)
        if (
            player is None
            or membership is None
            or (player.version, membership.version) != versions
            or not (holds(player, expected[0]) and holds(membership, expected[1]))
        ):
            raise _stale("player", player_id)
        if _has_history(session, player_id, membership_id):
            raise StaleEdit("player", player_id, tr("The player has history now and is kept; mark them as left instead"))
        session.delete(membership)
        session.flush()
        session.delete(player)


def _has_history(session: Session, player_id: int, membership_id: int) -> bool:
    others = session.exec(
        select(func.count()).select_from(SquadMembership).where(
            SquadMembership.player_id == player_id, SquadMembership.id != membership_id
        )
    ).one()
    injuries = session.exec(select(func.count()).select_from(Injury).where(Injury.player_id == player_id)).one()
    return bool(others or injuries)
