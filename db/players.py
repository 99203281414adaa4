"""Writes on players and squad memberships. Public functions each run in one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from db.domain.vocab import LEAVE_REASONS
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.models import Injury, Player, SquadMembership
from db.validation import (
    check_choice,
    check_contract_order,
    check_date,
    validate_membership_values,
    validate_player_values,
)
from db.versioning import integrity_to_validation, update_versioned

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
        .join(Player, Player.id == SquadMembership.player_id)  # type: ignore[arg-type]
        .where(
            SquadMembership.club_id == club_id,
            SquadMembership.season_id == season_id,
            SquadMembership.shirt_number == shirt,
            SquadMembership.left_on == None,  # noqa: E711
        )
    )
    for membership, player in session.exec(query):
        if membership.id != except_membership:
            raise ValidationError(
                "shirt_number",
                "duplicate",
                tr("Shirt number {n} is already worn by {p}", n=shirt, p=player.name),
            )


def create_player(session: Session, values: dict[str, Any], *, as_of: dt.date, by: str) -> Player:
    """Insert a validated player inside the caller's transaction."""
    clean = validate_player_values({"name": values.get("name"), **values}, as_of=as_of)
    player = Player(updated_by=by, **clean)
    session.add(player)
    session.flush()
    return player


def add_membership(
    session: Session, *, player_id: int, club_id: int, season_id: int, values: dict[str, Any], by: str
) -> SquadMembership:
    """Put a player in a club's squad for a season, inside the caller's transaction."""
    clean = validate_membership_values(values)
    check_contract_order(clean.get("contract_start"), clean.get("contract_end"))
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
    membership = SquadMembership(player_id=player_id, club_id=club_id, season_id=season_id, updated_by=by, **clean)
    session.add(membership)
    try:
        session.flush()
    except IntegrityError as error:
        raise integrity_to_validation(error) from error
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
) -> tuple[int, int]:
    """Create a player and their squad membership in one transaction; return both ids."""
    by = by or current_user()
    with database.transaction() as session:
        new_player = create_player(session, player, as_of=as_of, by=by)
        assert new_player.id is not None
        new_membership = add_membership(
            session, player_id=new_player.id, club_id=club_id, season_id=season_id, values=membership, by=by
        )
        assert new_membership.id is not None
        return new_player.id, new_membership.id


def remove_new_player(database: Database, player_id: int, membership_id: int, seen_version: int) -> None:
    """Take back a player just added (undo of "add player"): only while they have no other history."""
    with database.transaction() as session:
        membership = session.get(SquadMembership, membership_id)
        if membership is None or membership.version != seen_version or membership.player_id != player_id:
            raise StaleEdit("squad_membership", membership_id, tr("The player was changed since; not removed"))
        others = session.exec(
            select(func.count()).select_from(SquadMembership).where(
                SquadMembership.player_id == player_id, SquadMembership.id != membership_id
            )
        ).one()
        injuries = session.exec(select(func.count()).select_from(Injury).where(Injury.player_id == player_id)).one()
        if others or injuries:
            raise StaleEdit("player", player_id, tr("The player has history now and is kept; mark them as left instead"))
        session.delete(membership)
        session.flush()
        player = session.get(Player, player_id)
        if player is not None:
            session.delete(player)


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
        current = session.get(SquadMembership, membership_id)
        if current is None or current.version != seen_version:
            raise StaleEdit(
                "squad_membership",
                membership_id,
                tr("Someone else changed this squad entry since you opened it; reload and try again"),
            )
        check_contract_order(
            clean.get("contract_start", current.contract_start), clean.get("contract_end", current.contract_end)
        )
        if "shirt_number" in clean and (current.left_on is None or clean.get("left_on", 1) is None):
            check_shirt_free(session, current.club_id, current.season_id, clean["shirt_number"], membership_id)
        if ("left_on" in clean) != ("left_reason" in clean):
            raise ValidationError("left_reason", "incomplete", tr("Leaving needs both a date and a reason"))
        return update_versioned(session, SquadMembership, membership_id, seen_version, clean, by or current_user())


def mark_left(
    database: Database, membership_id: int, seen_version: int, *, left_on: Any, reason: str, by: str | None = None
) -> int:
    """Record that a player left the squad on a date and why; the history stays."""
    day = check_date("left_on", left_on, label=tr("Left on"))
    if day is None:
        raise ValidationError("left_on", "empty", tr("Left on must be a date"))
    why = check_choice("left_reason", reason, LEAVE_REASONS, label=tr("Reason for leaving"), required=True)
    return update_membership(database, membership_id, seen_version, {"left_on": day, "left_reason": why}, by=by)


def undo_left(database: Database, membership_id: int, seen_version: int, *, by: str | None = None) -> int:
    """Take back a "left" record (undo of mark-as-left); refused if the shirt was given away since."""
    with database.transaction() as session:
        current = session.get(SquadMembership, membership_id)
        if current is None or current.version != seen_version:
            raise StaleEdit("squad_membership", membership_id, tr("This squad entry changed since; not restored"))
        check_shirt_free(session, current.club_id, current.season_id, current.shirt_number, membership_id)
        return update_versioned(
            session, SquadMembership, membership_id, seen_version, {"left_on": None, "left_reason": None},
            by or current_user(),
        )
