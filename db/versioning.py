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
from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Field, Session, SQLModel, text

from db.errors import StaleEdit, ValidationError, one_line
from db.i18n import tr, tr_noop, translated


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Versioned(SQLModel):
    """Columns shared by every row a user can edit."""

    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    updated_at: dt.datetime = Field(default_factory=_utcnow)
    updated_by: str = Field(default="", max_length=80)


# Text found in the first line of a driver's constraint error -> (field, message). The engines
# name constraints differently, so areas list both spellings where they differ:
#   SQLite      UNIQUE constraint failed: club.name            CHECK constraint failed: player_value
#   PostgreSQL  ... violates unique constraint "club_name_key"  ... violates check constraint "player_value"
# PostgreSQL names an unnamed UNIQUE column ``<table>_<column>_key`` and a named index or
# constraint by its name; SQLite names the columns of a UNIQUE constraint or index. Only the first
# line is read: PostgreSQL's DETAIL line quotes the row's values, which must not match a name.
_FOREIGN_KEY = tr_noop("A row it refers to does not exist (any more)")
_CONSTRAINT_FIELDS: dict[str, tuple[str, str]] = {
    "FOREIGN KEY constraint failed": ("", _FOREIGN_KEY),
    "violates foreign key constraint": ("", _FOREIGN_KEY),
}


def describe_constraints(fields: Mapping[str, tuple[str, str]]) -> None:
    """Register the field and message (marked with ``tr_noop``) behind constraint names of an area."""
    _CONSTRAINT_FIELDS.update(fields)


def constraint_field(message: str) -> tuple[str, str] | None:
    """The (field, message marked with ``tr_noop``) registered for a driver's constraint error line."""
    for needle, found in _CONSTRAINT_FIELDS.items():
        if needle in message:
            return found
    return None


def integrity_to_validation(error: IntegrityError) -> ValidationError:
    """Name the field behind a constraint violation so the user sees which value is at fault."""
    found = constraint_field(one_line(error))
    if found is not None:
        return ValidationError(found[0], "constraint", translated(found[1]))
    return ValidationError("", "constraint", tr("The database refused the change: {e}", e=one_line(error)))


def data_to_validation(error: DataError) -> ValidationError:
    """A value the server's column cannot hold (too long, out of range): one line, no field known."""
    return ValidationError("", "out_of_range", tr("The database cannot store a value: {e}", e=one_line(error)))


def insert_checked(session: Session, row: SQLModel) -> None:
    """Add a row and flush it in the caller's transaction; a constraint violation names its field."""
    session.add(row)
    try:
        session.flush()
    except IntegrityError as error:
        raise integrity_to_validation(error) from error
    except DataError as error:
        raise data_to_validation(error) from error


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
    except DataError as error:
        raise data_to_validation(error) from error
    if result.rowcount != 1:
        raise StaleEdit(
            table.__tablename__,
            row_id,
            tr("Someone else changed or removed this {what} since you opened it; reload and try again",
               what=table.__tablename__),
        )
    return seen_version + 1
