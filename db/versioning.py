"""Optimistic locking: an edit carries the version the user saw and fails if the row moved on.

Every editable row carries ``version`` plus ``updated_at``/``updated_by`` (``Versioned``). Each
area of the data layer names the fields behind its constraints (``describe_constraints``), so a
violation the database catches names the field at fault like a Python check would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, text

from db.errors import StaleEdit, ValidationError
from db.i18n import tr, tr_noop, translated


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Versioned(SQLModel):
    """Columns shared by every row a user can edit."""

    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    updated_at: dt.datetime = Field(default_factory=_utcnow)
    updated_by: str = Field(default="", max_length=80)


# Text found in a driver's constraint error -> (field, message). SQLite names the columns of a
# UNIQUE index, PostgreSQL the index, so areas list both where they differ.
_CONSTRAINT_FIELDS: dict[str, tuple[str, str]] = {
    "FOREIGN KEY": ("", tr_noop("A row it refers to does not exist (any more)")),
}


def describe_constraints(fields: Mapping[str, tuple[str, str]]) -> None:
    """Register the field and message (marked with ``tr_noop``) behind constraint names of an area."""
    _CONSTRAINT_FIELDS.update(fields)


def integrity_to_validation(error: IntegrityError) -> ValidationError:
    """Name the field behind a constraint violation so the user sees which value is at fault."""
    message = str(error.orig)
    for needle, (field, text_) in _CONSTRAINT_FIELDS.items():
        if needle in message:
            return ValidationError(field, "constraint", translated(text_))
    return ValidationError("", "constraint", tr("The database refused the change: {e}", e=message))


def insert_checked(session: Session, row: SQLModel) -> None:
    """Add a row and flush it in the caller's transaction; a constraint violation names its field."""
    session.add(row)
    try:
        session.flush()
    except IntegrityError as error:
        raise integrity_to_validation(error) from error


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
        raise StaleEdit(
            table.__tablename__,
            row_id,
            tr("Someone else changed or removed this {what} since you opened it; reload and try again",
               what=table.__tablename__),
        )
    return seen_version + 1
