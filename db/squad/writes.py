"""Writes on players and squad memberships. Functions taking a ``Database`` each run in one
transaction; those taking a ``Session`` write inside the caller's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from db.changes import MEMBERSHIP, PLAYER
from db.domain.checks import check_choice, check_date
from db.domain.squad_rules import check_contract_order, check_leaving, check_shirt_not_worn
from db.domain.vocab import LEAVE_REASONS
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr, tr_noop
from db.reference.models import Club, Season
from db.restoring import Restorable, holds, rows_referring_to, stale_row, stored_columns
from db.squad.models import Player, SquadMembership
from db.squad.validation import validate_membership_values, validate_player_values
from db.versioning import insert_checked, update_versioned

PLAYER_FIELDS = frozenset(
    {
        "name", "date_of_birth", "birth_year", "nationalities", "counts_as_eu", "preferred_foot",
        "primary_position", "secondary_positions", "height_cm", "market_value_cents", "notes",
    }
)
MEMBERSHIP_FIELDS = frozenset(
    {
        "shirt_number", "squad_role", "joined_on", "contract_start", "contract_end", "annual_wage_cents",
        "appearances", "minutes_played", "previous_club", "left_on", "left_reason",
    }
)


def check_shirt_free(
    session: Session, club_id: int, season_id: int, shirt: int | None, except_membership: int | None = None
) -> None:
    """Refuse a shirt number another current squad member already wears."""
    if shirt is None:
        return
    query = (
        select(SquadMembership, Player)
        .join(Player, col(Player.id) == col(SquadMembership.player_id))
        .where(
            SquadMembership.club_id == club_id,
            SquadMembership.season_id == season_id,
            SquadMembership.shirt_number == shirt,
            SquadMembership.left_on == None,  # noqa: E711
        )
    )
    wearers = [(m.shirt_number, p.name) for m, p in session.exec(query) if m.id != except_membership]
    check_shirt_not_worn(shirt, wearers)


def check_membership_change(session: Session, current: SquadMembership, clean: dict[str, Any]) -> None:
    """Rules that need the stored row: contract order, a free shirt number, leaving dated and explained."""
    check_contract_order(
        clean.get("contract_start", current.contract_start), clean.get("contract_end", current.contract_end)
    )
    stays = clean.get("left_on", current.left_on) is None
    if stays and ("shirt_number" in clean or "left_on" in clean):
        shirt = clean.get("shirt_number", current.shirt_number)
        check_shirt_free(session, current.club_id, current.season_id, shirt, current.id)
    check_leaving(
        clean.get("left_on", current.left_on),
        clean.get("left_reason", current.left_reason),
        clean.get("joined_on", current.joined_on),
    )


def create_player(
    session: Session, values: dict[str, Any], *, as_of: dt.date, by: str, player_id: int | None = None
) -> Player:
    """Insert a validated player inside the caller's transaction (``player_id`` restores a known id)."""
    clean = validate_player_values({"name": values.get("name"), **values}, as_of=as_of)
    player = Player(id=player_id, updated_by=by, **clean)
    insert_checked(session, player)
    return player


def add_membership(
    session: Session, *, player_id: int, club_id: int, season_id: int, values: dict[str, Any], by: str,
    membership_id: int | None = None,
) -> SquadMembership:
    """Put a player in a club's squad for a season, inside the caller's transaction."""
    clean = validate_membership_values(values)
    check_contract_order(clean.get("contract_start"), clean.get("contract_end"))
    check_leaving(clean.get("left_on"), clean.get("left_reason"), clean.get("joined_on"))
    for field, model, ident in (("player_id", Player, player_id), ("club_id", Club, club_id), ("season_id", Season, season_id)):
        if session.get(model, ident) is None:
            raise ValidationError(field, "unknown", tr("No such {what} (id {i})", what=field[:-3], i=ident))
    check_shirt_free(session, club_id, season_id, clean.get("shirt_number"))
    existing = session.exec(
        select(SquadMembership).where(
            SquadMembership.player_id == player_id,
            SquadMembership.club_id == club_id,
            SquadMembership.season_id == season_id,
        )
    ).first()
    if existing is not None:
        raise ValidationError("player_id", "already_in_squad", tr("The player is already in this squad"))
    membership = SquadMembership(
        id=membership_id, player_id=player_id, club_id=club_id, season_id=season_id, updated_by=by, **clean
    )
    insert_checked(session, membership)
    return membership


def add_player_to_squad(
    database: Database,
    *,
    club_id: int,
    season_id: int,
    player: dict[str, Any],
    membership: dict[str, Any],
    as_of: dt.date,
    by: str | None = None,
    ids: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """Create a player and their squad membership in one transaction; return both ids.

    ``ids`` brings back a player that an undo took out, under the same ids, so later undo steps
    that name those rows still find them.
    """
    by = by or current_user()
    player_id, membership_id = ids or (None, None)
    with database.transaction() as session:
        taken = player_id is not None and (
            session.get(Player, player_id) is not None or session.get(SquadMembership, membership_id) is not None
        )
        if taken:
            raise StaleEdit(PLAYER, player_id or 0, tr("Another player took this place since; not restored"))
        new_player = create_player(session, player, as_of=as_of, by=by, player_id=player_id)
        assert new_player.id is not None
        new_membership = add_membership(
            session, player_id=new_player.id, club_id=club_id, season_id=season_id, values=membership, by=by,
            membership_id=membership_id,
        )
        assert new_membership.id is not None
        return new_player.id, new_membership.id


def update_player(
    database: Database,
    player_id: int,
    seen_version: int,
    changes: dict[str, Any],
    *,
    as_of: dt.date,
    by: str | None = None,
) -> int:
    """Apply validated changes to a player the user saw at ``seen_version``; return the new version."""
    clean = validate_player_values(changes, as_of=as_of)
    with database.transaction() as session:
        return update_versioned(session, Player, player_id, seen_version, clean, by or current_user())


def update_membership(
    database: Database,
    membership_id: int,
    seen_version: int,
    changes: dict[str, Any],
    *,
    by: str | None = None,
) -> int:
    """Apply validated changes to a squad membership seen at ``seen_version``; return the new version."""
    clean = validate_membership_values(changes)
    with database.transaction() as session:
        # Locked until commit: the checks below read the row a server must not let change under them.
        current = session.get(SquadMembership, membership_id, with_for_update=True)
        if current is None or current.version != seen_version:
            raise StaleEdit(
                MEMBERSHIP,
                membership_id,
                tr("Someone else changed this squad entry since you opened it; reload and try again"),
            )
        check_membership_change(session, current, clean)
        return update_versioned(session, SquadMembership, membership_id, seen_version, clean, by or current_user())


def mark_left(
    database: Database, membership_id: int, seen_version: int, *, left_on: Any, reason: str, by: str | None = None
) -> int:
    """Record that a player left the squad on a date and why; the history stays."""
    day = check_date("left_on", left_on, label=tr_noop("Left on"))
    if day is None:
        raise ValidationError("left_on", "empty", tr("Left on must be a date"))
    why = check_choice("left_reason", reason, LEAVE_REASONS, label=tr_noop("Reason for leaving"), required=True)
    return update_membership(database, membership_id, seen_version, {"left_on": day, "left_reason": why}, by=by)


def stored_values(database: Database, player_id: int, membership_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A player's and a membership's columns as stored (what an undo of "add player" expects to find)."""
    with database.reading() as session:
        player, membership = session.get(Player, player_id), session.get(SquadMembership, membership_id)
        if player is None or membership is None:
            raise stale_row(PLAYER, player_id)
        return stored_columns(player), stored_columns(membership)


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
        # Both rows locked first: on a server an injury added for the player meanwhile waits for
        # this transaction (and then finds no player), instead of being cascade-deleted with it.
        player = session.get(Player, player_id, with_for_update=True)
        membership = session.get(SquadMembership, membership_id, with_for_update=True)
        if (
            player is None
            or membership is None
            or (player.version, membership.version) != versions
            or not (holds(player, expected[0]) and holds(membership, expected[1]))
        ):
            raise stale_row(PLAYER, player_id)
        if rows_referring_to(session, PLAYER, player_id, ignore={(MEMBERSHIP, membership_id)}):
            raise StaleEdit(PLAYER, player_id, tr("The player has history now and is kept; mark them as left instead"))
        session.delete(membership)
        session.flush()
        session.delete(player)


# How undo and redo write these tables (see db.restoring).
PLAYER_RESTORE = Restorable(Player, lambda values, as_of: validate_player_values(values, as_of=as_of))
MEMBERSHIP_RESTORE = Restorable(
    SquadMembership, lambda values, _as_of: validate_membership_values(values), check_membership_change
)
