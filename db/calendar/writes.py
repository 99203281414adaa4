"""Writes on fixtures: validated matches whose local kick-off is stored in UTC with its IANA zone."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from db.calendar.models import Fixture
from db.calendar.validation import fixture_values
from db.domain.kickoffs import as_utc
from db.errors import ValidationError
from db.i18n import tr
from db.reference.models import Club, Competition, Season
from db.versioning import insert_checked, update_versioned

UpsertOutcome = Literal["added", "updated", "unchanged"]

# Fields compared by upsert_fixture; identity (external_id) and bookkeeping columns are left out.
_COMPARED = (
    "season_id", "competition_id", "club_id", "opponent_id", "venue_side", "venue", "kickoff_utc",
    "kickoff_time_known", "timezone", "round", "status", "goals_for", "goals_against", "extra_time",
    "penalties_for", "penalties_against", "notes",
)


def kickoff_local(fixture: Fixture) -> dt.datetime:
    """The fixture's kick-off in the zone it was announced in."""
    return as_utc(fixture.kickoff_utc).astimezone(ZoneInfo(fixture.timezone))


def checked_fixture_values(session: Session, **fields: Any) -> dict[str, Any]:
    """Validate a fixture's fields (``fixture_values``) and that the rows it names exist."""
    for field, model in (("season_id", Season), ("competition_id", Competition), ("club_id", Club),
                         ("opponent_id", Club)):
        ident = fields.get(field)
        if ident is None or session.get(model, ident) is None:
            raise ValidationError(field, "unknown", tr("No such {what} (id {i})", what=field[:-3], i=ident))
    return fixture_values(**fields)


def find_fixture(session: Session, external_id: str) -> Fixture | None:
    """The fixture an import source knows by ``external_id``."""
    return session.exec(select(Fixture).where(Fixture.external_id == external_id)).first()


def create_fixture(session: Session, *, by: str, **fields: Any) -> Fixture:
    """Insert a validated fixture inside the caller's transaction; a score makes it 'played'.

    Takes the keywords of ``db.calendar.validation.fixture_values`` (the one typed list of a fixture's fields).
    """
    return _insert(session, checked_fixture_values(session, **fields), by)


def _insert(session: Session, values: dict[str, Any], by: str) -> Fixture:
    if values["external_id"] and find_fixture(session, values["external_id"]) is not None:
        raise ValidationError(
            "external_id", "duplicate", tr("A fixture with id {i} already exists", i=values["external_id"])
        )
    fixture = Fixture(updated_by=by, **values)
    insert_checked(session, fixture)
    return fixture


def _same(field: str, stored: Any, wanted: Any) -> bool:
    if field == "kickoff_utc":
        return bool(as_utc(stored) == as_utc(wanted))
    return bool(stored == wanted)


def upsert_fixture(session: Session, *, by: str, **fields: Any) -> tuple[Fixture, UpsertOutcome]:
    """Create the fixture with this ``external_id`` or update the fields that differ; say which.

    Takes the keywords of ``create_fixture``; ``external_id`` is required.
    """
    values = checked_fixture_values(session, **fields)
    external_id = values["external_id"]
    if not external_id:
        message = tr("An update from a source needs the fixture's external id")
        raise ValidationError("external_id", "empty", message)
    existing = find_fixture(session, external_id)
    if existing is None:
        return _insert(session, values, by), "added"
    assert existing.id is not None
    changes = {f: values[f] for f in _COMPARED if not _same(f, getattr(existing, f), values[f])}
    if not changes:
        return existing, "unchanged"
    update_versioned(session, Fixture, existing.id, existing.version, changes, by)
    session.refresh(existing)
    return existing, "updated"
