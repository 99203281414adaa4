"""Writes on fixtures: validated matches whose local kick-off is stored in UTC with its IANA zone."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from db.calendar.models import Fixture
from db.domain.checks import check_choice, check_int, check_text
from db.domain.vocab import VENUE_SIDES
from db.errors import ValidationError
from db.i18n import tr, tr_noop
from db.reference.models import Club, Competition, Season
from db.versioning import insert_checked, update_versioned

UpsertOutcome = Literal["added", "updated", "unchanged"]

# Fields compared by upsert_fixture; identity (external_id) and bookkeeping columns are left out.
_COMPARED = (
    "season_id", "competition_id", "club_id", "opponent_id", "venue_side", "venue", "kickoff_utc",
    "kickoff_time_known", "timezone", "round", "status", "goals_for", "goals_against", "extra_time",
    "penalties_for", "penalties_against", "notes",
)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """An aware UTC datetime: a naive one is UTC (SQLite's raw values), an aware one may be in a
    server session's own time zone (PostgreSQL returns timestamptz that way)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def kickoff_local(fixture: Fixture) -> dt.datetime:
    """The fixture's kick-off in the zone it was announced in."""
    return as_utc(fixture.kickoff_utc).astimezone(ZoneInfo(fixture.timezone))


def check_zone(field: str, name: Any) -> ZoneInfo:
    """An IANA time zone ('Europe/Madrid'), refused with a readable message when unknown."""
    text = "" if name is None else str(name).strip()
    if not text:
        raise ValidationError(field, "empty", tr("Time zone must not be empty"))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        message = tr("'{z}' is not a known time zone (use a name like Europe/Madrid)", z=text)
        raise ValidationError(field, "unknown_zone", message) from None


def local_to_utc(local: Any, zone: ZoneInfo) -> dt.datetime:
    """Convert a naive local kick-off to aware UTC; refuse aware values and clock-change gaps."""
    if not isinstance(local, dt.datetime):
        raise ValidationError("kickoff_local", "not_a_datetime", tr("Kick-off must be a date and time"))
    if local.tzinfo is not None:
        raise ValidationError(
            "kickoff_local", "not_local", tr("Kick-off must be a local time; give the zone separately")
        )
    utc = local.replace(tzinfo=zone).astimezone(dt.UTC)
    # A time skipped when clocks go forward does not survive the round trip; an ambiguous time
    # (clocks going back) takes its first occurrence, which is what fixture lists mean.
    if utc.astimezone(zone).replace(tzinfo=None) != local:
        raise ValidationError(
            "kickoff_local",
            "nonexistent",
            tr("{t} does not exist in {z} (the clocks change then)", t=local.isoformat(" "), z=zone.key),
        )
    return utc


def _score_pair(
    field_for: str, field_against: str, first: Any, second: Any, *, label: str
) -> tuple[int | None, int | None]:
    """Two counts given together or not at all, each 0..99."""
    left = check_int(field_for, first, label=label, low=0, high=99)
    right = check_int(field_against, second, label=label, low=0, high=99)
    if (left is None) != (right is None):
        missing = field_against if right is None else field_for
        raise ValidationError(missing, "incomplete", tr("{label}: give both numbers or neither", label=label))
    return left, right


def _fixture_values(
    session: Session,
    *,
    season_id: int,
    competition_id: int,
    club_id: int,
    opponent_id: int,
    venue_side: str,
    kickoff_local: dt.datetime,
    timezone: str,
    time_known: bool = True,
    venue: str | None = None,
    round: str | None = None,  # noqa: A002 - the column's name
    goals_for: int | None = None,
    goals_against: int | None = None,
    extra_time: bool = False,
    penalties_for: int | None = None,
    penalties_against: int | None = None,
    external_id: str | None = None,
    notes: str | None = None,
) -> dict[str, Any]:
    """Validate a fixture's fields and return the column values to store."""
    for field, model, ident in (
        ("season_id", Season, season_id),
        ("competition_id", Competition, competition_id),
        ("club_id", Club, club_id),
        ("opponent_id", Club, opponent_id),
    ):
        if session.get(model, ident) is None:
            raise ValidationError(field, "unknown", tr("No such {what} (id {i})", what=field[:-3], i=ident))
    if club_id == opponent_id:
        raise ValidationError("opponent_id", "same_club", tr("A club cannot play itself"))
    zone = check_zone("timezone", timezone)
    goals = _score_pair("goals_for", "goals_against", goals_for, goals_against, label=tr_noop("Score"))
    penalties = _score_pair(
        "penalties_for", "penalties_against", penalties_for, penalties_against, label=tr_noop("Penalty shoot-out")
    )
    played = goals[0] is not None
    if not played and (extra_time or penalties[0] is not None):
        raise ValidationError(
            "goals_for", "missing_score", tr("Extra time or penalties need the score after play")
        )
    return {
        "season_id": season_id,
        "competition_id": competition_id,
        "club_id": club_id,
        "opponent_id": opponent_id,
        "venue_side": check_choice("venue_side", venue_side, VENUE_SIDES, label=tr_noop("Venue"), required=True),
        "venue": check_text("venue", venue, label=tr_noop("Stadium"), max_length=160, required=False),
        "kickoff_utc": local_to_utc(kickoff_local, zone),
        "kickoff_time_known": bool(time_known),
        "timezone": zone.key,
        "round": check_text("round", round, label=tr_noop("Round"), max_length=80, required=False),
        "status": "played" if played else "scheduled",
        "goals_for": goals[0],
        "goals_against": goals[1],
        "extra_time": bool(extra_time),
        "penalties_for": penalties[0],
        "penalties_against": penalties[1],
        "external_id": check_text(
            "external_id", external_id, label=tr_noop("External id"), max_length=200, required=False
        ),
        "notes": check_text("notes", notes, label=tr_noop("Notes"), max_length=2000, required=False, multiline=True),
    }


def find_fixture(session: Session, external_id: str) -> Fixture | None:
    """The fixture an import source knows by ``external_id``."""
    return session.exec(select(Fixture).where(Fixture.external_id == external_id)).first()


def create_fixture(session: Session, *, by: str, **fields: Any) -> Fixture:
    """Insert a validated fixture inside the caller's transaction; a score makes it 'played'.

    Takes the keywords of ``_fixture_values`` (the one typed list of a fixture's fields).
    """
    return _insert(session, _fixture_values(session, **fields), by)


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
    values = _fixture_values(session, **fields)
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
