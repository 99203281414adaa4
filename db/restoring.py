"""Writes that undo or redo the app's own edits: compare-and-swap on the values themselves.

An undo step must not rely on version numbers alone: between our edit and its undo another user
may have written the row. So an undo (or redo) states the values it expects to find, and the
write happens only if the row still holds exactly those values; otherwise it is a ``StaleEdit``
and the other user's work stays.

A table plugs in with one line in ``RESTORABLE_TABLES``: its area defines a ``Restorable`` saying
how its values are validated and which rules need the stored row.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

import db.schema  # noqa: F401  (every area's tables: history is found wherever it lives)
from db.changes import (
    ABSENCE,
    BOOKING,
    DEAL,
    FIXTURE,
    FORMATION,
    INJURY,
    MEMBERSHIP,
    PLAYER,
    SCENARIO,
    SUSPENSION,
)
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.versioning import insert_checked, update_versioned

# Table name -> "module:attribute" of its Restorable, imported when first needed.
RESTORABLE_TABLES: dict[str, str] = {
    PLAYER: "db.squad.writes:PLAYER_RESTORE",
    MEMBERSHIP: "db.squad.writes:MEMBERSHIP_RESTORE",
    INJURY: "db.medical.writes:INJURY_RESTORE",
    BOOKING: "db.medical.writes:BOOKING_RESTORE",
    SUSPENSION: "db.medical.writes:SUSPENSION_RESTORE",
    ABSENCE: "db.medical.writes:ABSENCE_RESTORE",
    DEAL: "db.transfers.writes:DEAL_RESTORE",
    SCENARIO: "db.transfers.plans:SCENARIO_RESTORE",
    FORMATION: "db.lineup.writes:FORMATION_RESTORE",
    FIXTURE: "db.calendar.edits:FIXTURE_RESTORE",
}
_BOOKKEEPING = frozenset({"version", "updated_at", "updated_by"})


@dataclass(frozen=True)
class Restorable:
    """How undo writes one table: its model, its field validation and the checks that need the row."""

    model: type[SQLModel]
    validate: Callable[[dict[str, Any], dt.date], dict[str, Any]]
    check_change: Callable[[Session, Any, dict[str, Any]], None] | None = None


def restorable(table: str) -> Restorable:
    """The registered ``Restorable`` of a table."""
    module, _, attribute = RESTORABLE_TABLES[table].partition(":")
    found: Restorable = getattr(importlib.import_module(module), attribute)
    return found


def _normalised(validate: Callable[[dict[str, Any]], dict[str, Any]], values: dict[str, Any]) -> dict[str, Any]:
    """Values in stored form ('cm, am' -> 'CM,AM'); values that no longer validate are kept as given."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        try:
            out.update(validate({key: value}))
        except ValidationError:
            out[key] = value
    return out


def _instant(value: Any) -> Any:
    """A datetime as an aware UTC instant (SQLite returns naive UTC, a server its own zone)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return value


def holds(row: SQLModel, expected: dict[str, Any]) -> bool:
    """Whether ``row`` currently has every value in ``expected`` (moments compared as instants)."""
    return all(_instant(getattr(row, key)) == _instant(value) for key, value in expected.items())


def stored_columns(row: SQLModel) -> dict[str, Any]:
    """A row's columns as stored, without the locking bookkeeping."""
    return {k: v for k, v in row.model_dump().items() if k not in _BOOKKEEPING}


def stale_row(table: str, row_id: int) -> StaleEdit:
    """The refusal of an undo step whose row changed since this app wrote it."""
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
    entry = restorable(table)

    def validate(values: dict[str, Any]) -> dict[str, Any]:
        return entry.validate(values, as_of)

    clean = validate(changes)
    want = _normalised(validate, expected)
    with database.transaction() as session:
        # FOR UPDATE: on a server (READ COMMITTED) nobody may change the row between this check
        # and the write; SQLite's BEGIN IMMEDIATE already holds every other writer off.
        row: Any = session.get(entry.model, row_id, with_for_update=True)
        if row is None or not holds(row, want) or (version is not None and row.version != version):
            raise stale_row(table, row_id)
        if entry.check_change is not None:
            entry.check_change(session, row, clean)
        return update_versioned(session, entry.model, row_id, row.version, clean, by or current_user())


def rows_referring_to(
    session: Session, table: str, row_id: int, *, ignore: Collection[tuple[str, int]] = ()
) -> int:
    """How many rows of any table point at ``table``'s row ``row_id`` through a foreign key
    (``ignore`` lists (table, id) pairs not to count): the row's history, whatever area holds it."""
    return sum(referring_tables(session, table, row_id, ignore=ignore).values())


def referring_tables(
    session: Session, table: str, row_id: int, *, ignore: Collection[tuple[str, int]] = ()
) -> dict[str, int]:
    """The tables whose rows point at ``table``'s row ``row_id``, with how many rows each (only
    tables with at least one), so a refusal can say what is in the way."""
    found: dict[str, int] = {}
    for other in SQLModel.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table.name != table:
                continue
            query = select(func.count()).select_from(other).where(key.parent == row_id)
            skipped = [i for t, i in ignore if t == other.name]
            if skipped and "id" in other.c:
                query = query.where(other.c.id.notin_(skipped))
            count = session.execute(query).scalar_one()
            if count:
                found[other.name] = found.get(other.name, 0) + count
    return found


def remove_created(database: Database, table: str, row_id: int, *, expected: dict[str, Any], version: int) -> None:
    """Undo of "create": delete the row this app made, only if it still holds what was written,
    is at the version this app left and nothing refers to it since."""
    entry = restorable(table)
    with database.transaction() as session:
        row: Any = session.get(entry.model, row_id, with_for_update=True)
        if row is None or row.version != version or not holds(row, expected):
            raise stale_row(table, row_id)
        if rows_referring_to(session, table, row_id):
            raise StaleEdit(table, row_id, tr("Something refers to it now, so it was kept"))
        session.delete(row)


def recreate(database: Database, table: str, values: dict[str, Any], *, by: str | None = None) -> int:
    """Redo of "create" after its undo: the same row under the same id (later undo steps name it);
    refused if the id was taken meanwhile. Returns the row's version (1)."""
    entry = restorable(table)
    with database.transaction() as session:
        if session.get(entry.model, values["id"]) is not None:
            raise StaleEdit(table, values["id"], tr("Another row took its place since; not restored"))
        row = entry.model(**{**values, "version": 1, "updated_by": by or current_user()})
        insert_checked(session, row)
        return 1
