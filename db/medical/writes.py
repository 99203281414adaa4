"""Writes of the medical area. Functions taking a ``Session`` write inside the caller's
transaction (the demo, imports); those taking a ``Database`` are one user action in one
transaction each, returning what the undo commands need (the id, the new version)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.changes import ABSENCE, BOOKING, INJURY, SUSPENSION
from db.domain.text import fold
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.medical.models import Absence, Booking, Injury, Registration, Suspension
from db.medical.validation import (
    check_injury,
    validate_absence_values,
    validate_booking_values,
    validate_injury_values,
    validate_suspension_values,
)
from db.reference.models import Competition, Season
from db.restoring import Restorable
from db.squad.models import Player, SquadMembership
from db.versioning import insert_checked, update_versioned

INJURY_DEFAULTS: dict[str, Any] = {"certainty": "likely", "status": "out", "surgery": False}


def _player(session: Session, player_id: int) -> Player:
    player = session.get(Player, player_id)
    if player is None:
        raise ValidationError("player_id", "unknown", tr("No such player (id {i})", i=player_id))
    return player


# --- injuries ----------------------------------------------------------------------------------
def find_injury(session: Session, *, player_id: int, started_on: dt.date, kind: str) -> Injury | None:
    """The injury episode of a player with this start date and kind (how imports recognise it)."""
    return session.exec(
        select(Injury).where(Injury.player_id == player_id, Injury.started_on == started_on, Injury.kind == kind)
    ).first()


def _check_open_once(session: Session, player_id: int, kind: str, except_id: int | None = None) -> None:
    """Refuse a second open episode of the same kind (compared as people read it)."""
    key = fold(kind)
    query = select(Injury).where(Injury.player_id == player_id, col(Injury.returned_on).is_(None))
    for other in session.exec(query):
        if other.id != except_id and fold(other.kind) == key:
            raise ValidationError("kind", "already_open", tr(
                "{p} already has an open injury of that kind (since {d}): update it instead",
                p=_player(session, player_id).name, d=other.started_on.isoformat()))


def create_injury(session: Session, *, player_id: int, values: dict[str, Any], by: str,
                  injury_id: int | None = None) -> Injury:
    """Insert a validated injury inside the caller's transaction; kind and start date are required."""
    clean = validate_injury_values({"kind": values.get("kind"), "started_on": values.get("started_on"), **values})
    if clean["started_on"] is None:
        raise ValidationError("started_on", "empty", tr("The injury needs the date it started"))
    if clean.get("surgery_on") is not None:
        clean["surgery"] = True
    merged = {**INJURY_DEFAULTS, **clean}
    check_injury(merged)
    _player(session, player_id)
    if merged.get("returned_on") is None:
        _check_open_once(session, player_id, merged["kind"])
    injury = Injury(id=injury_id, player_id=player_id, updated_by=by, **merged)
    insert_checked(session, injury)
    return injury


def check_injury_change(session: Session, current: Injury, clean: dict[str, Any]) -> None:
    """Rules an edit must keep: the episode as a whole, and one open episode of a kind."""
    merged = {**current.model_dump(), **clean}
    check_injury(merged)
    if merged["returned_on"] is None and ("kind" in clean or "returned_on" in clean):
        _check_open_once(session, current.player_id, merged["kind"], current.id)


def mark_injured(database: Database, player_id: int, values: dict[str, Any], *, by: str | None = None) -> int:
    """Record a new injury (one user action); return its id."""
    with database.transaction() as session:
        injury = create_injury(session, player_id=player_id, values=values, by=by or current_user())
        assert injury.id is not None
        return injury.id


def update_injury(database: Database, injury_id: int, seen_version: int, changes: dict[str, Any], *,
                  by: str | None = None) -> int:
    """Change an injury the user saw at ``seen_version`` (its phase, window, notes…); return the new version."""
    clean = validate_injury_values(changes)
    with database.transaction() as session:
        current = session.get(Injury, injury_id)
        if current is None or current.version != seen_version:
            raise StaleEdit(INJURY, injury_id, tr("Someone else changed this injury since you opened it; reload "
                                                  "and try again"))
        check_injury_change(session, current, clean)
        return update_versioned(session, Injury, injury_id, seen_version, clean, by or current_user())


# --- cards, bans, absences, registrations ---------------------------------------------------------
def in_match_squad(session: Session, player_id: int, fixture: Fixture) -> bool:
    """Whether the player belonged to the club's squad on the day of ``fixture`` (where it is
    played: a late kick-off abroad is on the day the match report and the calendar show)."""
    day = kickoff_local(fixture).date()
    memberships = session.exec(select(SquadMembership).where(
        SquadMembership.player_id == player_id, SquadMembership.club_id == fixture.club_id,
        SquadMembership.season_id == fixture.season_id,
    ))
    return any((m.joined_on is None or m.joined_on <= day) and (m.left_on is None or m.left_on >= day)
               for m in memberships)


def create_booking(session: Session, *, player_id: int, fixture_id: int, values: dict[str, Any], by: str,
                   booking_id: int | None = None) -> Booking:
    """Record a card shown in one of our fixtures; the player must have been in that squad."""
    clean = validate_booking_values({"card": values.get("card"), **values})
    player = _player(session, player_id)
    fixture = session.get(Fixture, fixture_id)
    if fixture is None:
        raise ValidationError("fixture_id", "unknown", tr("No such fixture (id {i})", i=fixture_id))
    if not in_match_squad(session, player_id, fixture):
        raise ValidationError("player_id", "not_in_squad", tr(
            "{p} was not in the squad for that match", p=player.name))
    if clean.get("rescinded") and clean.get("rescinded_on") is None:
        raise ValidationError("rescinded_on", "missing", tr("Give the day the card was rescinded"))
    booking = Booking(id=booking_id, player_id=player_id, fixture_id=fixture_id, updated_by=by, **clean)
    insert_checked(session, booking)
    return booking


def create_suspension(session: Session, *, player_id: int, competition_id: int, values: dict[str, Any],
                      by: str, suspension_id: int | None = None) -> Suspension:
    """Record a ban of some matches in one competition, from a day on."""
    clean = validate_suspension_values({"matches": values.get("matches"), "starts_on": values.get("starts_on"),
                                        "reason": values.get("reason"), **values})
    _player(session, player_id)
    if session.get(Competition, competition_id) is None:
        raise ValidationError("competition_id", "unknown", tr("No such competition (id {i})", i=competition_id))
    suspension = Suspension(id=suspension_id, player_id=player_id, competition_id=competition_id, updated_by=by,
                            **clean)
    insert_checked(session, suspension)
    return suspension


def create_absence(session: Session, *, player_id: int, values: dict[str, Any], by: str,
                   absence_id: int | None = None) -> Absence:
    """Record days a player is away (international duty, personal, other)."""
    clean = validate_absence_values({"kind": values.get("kind"), "starts_on": values.get("starts_on"),
                                     "ends_on": values.get("ends_on"), **values})
    _player(session, player_id)
    absence = Absence(id=absence_id, player_id=player_id, updated_by=by, **clean)
    insert_checked(session, absence)
    return absence


def register_player(session: Session, *, player_id: int, competition_id: int, season_id: int,
                    list_name: str = "main", by: str) -> Registration:
    """Put a player on a competition's list for a season (once)."""
    _player(session, player_id)
    for field, model, ident in (("competition_id", Competition, competition_id), ("season_id", Season, season_id)):
        if session.get(model, ident) is None:
            raise ValidationError(field, "unknown", tr("No such {what} (id {i})", what=field[:-3], i=ident))
    existing = session.exec(select(Registration).where(
        Registration.player_id == player_id, Registration.competition_id == competition_id,
        Registration.season_id == season_id)).first()
    if existing is not None:
        return existing
    registration = Registration(player_id=player_id, competition_id=competition_id, season_id=season_id,
                                list_name=list_name, updated_by=by)
    insert_checked(session, registration)
    return registration


def record(database: Database, table: str, *, player_id: int, values: dict[str, Any], by: str | None = None,
           **ids: int) -> int:
    """One user action that records a card, a ban or an absence (``table`` names which); its id."""
    makers: dict[str, Callable[..., Any]] = {
        BOOKING: create_booking, SUSPENSION: create_suspension, ABSENCE: create_absence,
    }
    with database.transaction() as session:
        row: Any = makers[table](session, player_id=player_id, values=values, by=by or current_user(), **ids)
        return int(row.id)


# How undo and redo write these tables (see db.restoring).
INJURY_RESTORE = Restorable(Injury, lambda values, _as_of: validate_injury_values(values), check_injury_change)
BOOKING_RESTORE = Restorable(Booking, lambda values, _as_of: validate_booking_values(values))
SUSPENSION_RESTORE = Restorable(Suspension, lambda values, _as_of: validate_suspension_values(values))
ABSENCE_RESTORE = Restorable(Absence, lambda values, _as_of: validate_absence_values(values))
