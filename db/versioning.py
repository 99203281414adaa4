"""Optimistic locking: an edit carries the version the user saw and fails if the row moved on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from db.errors import StaleEdit, ValidationError
from db.i18n import tr

# Constraint names (see db.models) mapped to the field and message a user should see if a
# database check catches what Python validation did not (e.g. a concurrent writer).
_CONSTRAINT_FIELDS: dict[str, tuple[str, str]] = {
    # SQLite names the columns of a UNIQUE index, PostgreSQL the index: both are listed.
    "squad_membership.club_id, squad_membership.season_id, squad_membership.shirt_number": (
        "shirt_number", "That shirt number is already taken in this squad"),
    "membership_shirt_unique": ("shirt_number", "That shirt number is already taken in this squad"),
    "squad_membership.player_id, squad_membership.club_id, squad_membership.season_id": (
        "player_id", "The player is already in this squad this season"),
    "membership_once_per_season": ("player_id", "The player is already in this squad this season"),
    "membership_leave_dated": ("left_reason", "Leaving needs both a date and a reason"),
    "FOREIGN KEY": ("", "A row it refers to does not exist (any more)"),
    "membership_contract_order": ("contract_end", "The contract ends before it starts"),
    "membership_wage": ("annual_wage_cents", "The wage must not be negative"),
    "player_name_not_empty": ("name", "The name must not be empty"),
    "club.name": ("name", "A club of that name already exists"),
    "club_alias.alias_key": ("aliases", "That alias already names another club"),
    "season.label": ("label", "A season with that label already exists"),
    "competition.name": ("name", "A competition of that name already exists"),
    "fixture.external_id": ("external_id", "A fixture with that id already exists"),
}


def integrity_to_validation(error: IntegrityError) -> ValidationError:
    """Name the field behind a constraint violation so the user sees which value is at fault."""
    text = str(error.orig)
    for needle, (field, message) in _CONSTRAINT_FIELDS.items():
        if needle in text:
            return ValidationError(field, "constraint", tr(message))
    return ValidationError("", "constraint", tr("The database refused the change: {e}", e=text))


def update_versioned(
    session: Session, model: type[SQLModel], row_id: int, seen_version: int, values: dict[str, Any], by: str
) -> int:
    """``UPDATE … WHERE id = :id AND version = :seen``; return the new version or raise StaleEdit."""
    table: Any = model
    statement = (
        update(table)
        .where(table.id == row_id, table.version == seen_version)
        .values(**values, version=table.version + 1, updated_at=dt.datetime.now(dt.UTC), updated_by=by)
    )
    try:
        result: Any = session.execute(statement)
    except IntegrityError as error:
        raise integrity_to_validation(error) from error
    if result.rowcount != 1:
        name = model.__tablename__  # type: ignore[attr-defined]
        raise StaleEdit(
            str(name),
            row_id,
            tr("Someone else changed or removed this {what} since you opened it; reload and try again", what=name),
        )
    return seen_version + 1
