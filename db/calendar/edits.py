"""A user's edits of the calendar: add, change and delete one fixture, each one transaction.

The field checks are the calendar's own (``db.calendar.writes``): a fixture is given as the
keywords of ``create_fixture`` (a local kick-off and its zone, scores…) and stored as columns. A
change carries the version the user saw and is refused as a ``StaleEdit`` when the row moved on.
A fixture with cards recorded in it is never deleted: the cards would go with it (the booking's
foreign key cascades) and a ban counted from them would silently vanish.

``FIXTURE_RESTORE`` tells undo (``db.restoring``) how to check column values of this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sa_delete
from sqlmodel import Session, SQLModel, col, func, select

from db.calendar.models import Fixture
from db.calendar.writes import as_utc, checked_fixture_values, kickoff_local
from db.changes import FIXTURE
from db.domain.checks import check_bool, check_choice, check_int, check_text
from db.domain.kickoffs import check_zone
from db.domain.match_report import report_bound_changes
from db.domain.vocab import FIXTURE_STATUSES, VENUE_SIDES
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr, tr_noop
from db.medical.models import Booking
from db.reference.models import Season
from db.restoring import Restorable, referring_tables, stored_columns
from db.versioning import insert_checked, update_versioned

# What a user may set beside the score: a match that will not be played as planned.
USER_STATUSES = ("scheduled", "postponed", "cancelled")


@dataclass(frozen=True)
class FixtureEdit:
    """What a change wrote: the new version and the columns before and after (for undo)."""

    version: int
    before: dict[str, Any]
    after: dict[str, Any]


def season_for_day(session: Session, day: dt.date) -> int:
    """The season a match day falls in; refused (on the kick-off) when no season covers it."""
    found = session.exec(select(Season).where(col(Season.starts_on) <= day, col(Season.ends_on) >= day)).first()
    if found is None or found.id is None:
        raise ValidationError("kickoff_local", "no_season",
                              tr("No season covers {d}: add the season first", d=day.isoformat()))
    return found.id


def fields_of(fixture: Fixture) -> dict[str, Any]:
    """A stored fixture as the keywords ``create_fixture`` takes (its kick-off local to its zone)."""
    return {
        "season_id": fixture.season_id, "competition_id": fixture.competition_id, "club_id": fixture.club_id,
        "opponent_id": fixture.opponent_id, "venue_side": fixture.venue_side,
        "kickoff_local": kickoff_local(fixture).replace(tzinfo=None), "timezone": fixture.timezone,
        "time_known": fixture.kickoff_time_known, "venue": fixture.venue, "round": fixture.round,
        "goals_for": fixture.goals_for, "goals_against": fixture.goals_against, "extra_time": fixture.extra_time,
        "penalties_for": fixture.penalties_for, "penalties_against": fixture.penalties_against,
        "external_id": fixture.external_id, "notes": fixture.notes, "status": fixture.status,
    }


def _values(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    """Validated column values of a whole fixture; ``status`` may say a match without a score is
    postponed or cancelled (a score makes it played)."""
    wanted = dict(fields)
    status = wanted.pop("status", None)
    values = checked_fixture_values(session, **wanted)
    if status in (None, "", "scheduled", "played"):
        return values
    chosen = check_choice("status", status, USER_STATUSES, label=tr_noop("Status"), required=True)
    if values["goals_for"] is not None:
        raise ValidationError("status", "played", tr("A match with a score was played: clear the score first"))
    return {**values, "status": chosen}


def _same(field: str, stored: Any, wanted: Any) -> bool:
    if field == "kickoff_utc":
        return bool(as_utc(stored) == as_utc(wanted))
    return bool(stored == wanted)


def add_fixture(database: Database, *, club_id: int, fields: dict[str, Any], by: str | None = None) -> int:
    """Add one of our matches (the season follows from its day); return its id."""
    with database.transaction() as session:
        wanted = {**fields, "club_id": club_id}
        if "season_id" not in wanted and isinstance(wanted.get("kickoff_local"), dt.datetime):
            wanted["season_id"] = season_for_day(session, wanted["kickoff_local"].date())
        values = _values(session, wanted)
        fixture = Fixture(updated_by=by or current_user(), **values)
        insert_checked(session, fixture)
        assert fixture.id is not None
        return fixture.id


def update_fixture(database: Database, fixture_id: int, seen_version: int, fields: dict[str, Any], *,
                   by: str | None = None) -> FixtureEdit:
    """Change the fields given of a fixture the user saw at ``seen_version`` (a new day moves it to
    that day's season); only columns that differ are written."""
    with database.transaction() as session:
        current = session.get(Fixture, fixture_id, with_for_update=True)
        if current is None or current.version != seen_version:
            raise StaleEdit(FIXTURE, fixture_id, tr(
                "Someone else changed or deleted this fixture since you opened it; reload and try again"))
        merged = {**fields_of(current), **fields}
        if "kickoff_local" in fields and "season_id" not in fields \
                and isinstance(fields["kickoff_local"], dt.datetime):
            merged["season_id"] = season_for_day(session, fields["kickoff_local"].date())
        values = _values(session, merged)
        after = {k: v for k, v in values.items() if not _same(k, getattr(current, k), v)}
        before = {k: as_utc(getattr(current, k)) if k == "kickoff_utc" else getattr(current, k) for k in after}
        if not after:
            return FixtureEdit(seen_version, {}, {})
        check_report_bound(session, current, after)
        version = update_versioned(session, Fixture, fixture_id, seen_version, after, by or current_user())
        return FixtureEdit(version, before, after)


def fixture_columns(database: Database, fixture_id: int) -> dict[str, Any]:
    """A fixture's stored columns (kick-off as an aware UTC moment), as undo compares and restores them."""
    with database.reading() as session:
        fixture = session.get(Fixture, fixture_id)
        if fixture is None:
            raise StaleEdit(FIXTURE, fixture_id, tr("This fixture was deleted meanwhile"))
        stored = stored_columns(fixture)
    stored["kickoff_utc"] = as_utc(stored["kickoff_utc"])
    return stored


def cards_in(session: Session, fixture_id: int) -> int:
    """How many cards are recorded in a fixture."""
    return int(session.exec(select(func.count()).select_from(Booking).where(Booking.fixture_id == fixture_id)).one())


def delete_fixture(database: Database, fixture_id: int, seen_version: int) -> dict[str, Any]:
    """Delete a fixture the user saw at ``seen_version``; return its columns (undo puts it back).

    Refused while cards are recorded in it, a match report or anything else refers to it:
    deleting would take them along (or fail on a foreign key), and bans counted from those cards
    or the minutes of the report would vanish.
    """
    with database.transaction() as session:
        fixture = session.get(Fixture, fixture_id, with_for_update=True)
        if fixture is None or fixture.version != seen_version:
            raise StaleEdit(FIXTURE, fixture_id, tr(
                "Someone else changed or deleted this fixture since you opened it; reload and try again"))
        cards = cards_in(session, fixture_id)
        if cards:
            raise ValidationError("", "has_cards", tr(
                "Cards are recorded in this match ({n}): it cannot be deleted while they are kept", n=cards))
        referring = referring_tables(session, FIXTURE, fixture_id)
        if "appearance" in referring:
            raise ValidationError("", "has_report", tr(
                "A match report of {n} players is saved for this match: delete the report first",
                n=referring["appearance"]))
        if "lineup" in referring:
            picked = _lineup_players(session, fixture_id)
            if picked:
                raise ValidationError("", "has_lineup", tr(
                    "A lineup of {n} players is saved for this match: clear it on the Lineup screen first",
                    n=picked))
            _drop_empty_lineup(session, fixture_id)  # nothing picked: nothing of the user's is lost
            del referring["lineup"]
        if referring:
            raise ValidationError("", "referred_to", tr("Other records refer to this match: it cannot be deleted"))
        stored = stored_columns(fixture)
        stored["kickoff_utc"] = as_utc(stored["kickoff_utc"])
        session.delete(fixture)
        return stored


def _lineup_players(session: Session, fixture_id: int) -> int:
    """How many players the match's lineup holds (the lineup area's tables, read by name so the
    calendar does not import that area)."""
    tables = SQLModel.metadata.tables
    lineup, picked = tables["lineup"], tables["lineup_player"]
    query = (select(func.count()).select_from(picked.join(lineup, picked.c.lineup_id == lineup.c.id))
             .where(lineup.c.fixture_id == fixture_id))
    return int(session.execute(query).scalar_one())


def _drop_empty_lineup(session: Session, fixture_id: int) -> None:
    lineup = SQLModel.metadata.tables["lineup"]
    session.execute(sa_delete(lineup).where(lineup.c.fixture_id == fixture_id))


# --- how undo checks this table's columns (db.restoring) ------------------------------------------
def _kickoff(value: Any) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise ValidationError("kickoff_local", "not_a_datetime", tr("Kick-off must be a date and time"))
    return as_utc(value)


def _score(field: str) -> Any:
    return lambda value: check_int(field, value, label=tr_noop("Score"), low=0, high=99)


_COLUMN_CHECKS: dict[str, Any] = {
    "venue_side": lambda v: check_choice("venue_side", v, VENUE_SIDES, label=tr_noop("Venue"), required=True),
    "venue": lambda v: check_text("venue", v, label=tr_noop("Stadium"), max_length=160, required=False),
    "kickoff_utc": _kickoff,
    "kickoff_time_known": lambda v: bool(check_bool("time_known", v, label=tr_noop("Time known"),
                                                    allow_none=False)),
    "timezone": lambda v: check_zone("timezone", v).key,
    "round": lambda v: check_text("round", v, label=tr_noop("Round"), max_length=80, required=False),
    "status": lambda v: check_choice("status", v, FIXTURE_STATUSES, label=tr_noop("Status"), required=True),
    "goals_for": _score("goals_for"), "goals_against": _score("goals_against"),
    "penalties_for": _score("penalties_for"), "penalties_against": _score("penalties_against"),
    "extra_time": lambda v: bool(check_bool("extra_time", v, label=tr_noop("Extra time"), allow_none=False)),
    "notes": lambda v: check_text("notes", v, label=tr_noop("Notes"), max_length=2000, required=False,
                                  multiline=True),
    "external_id": lambda v: check_text("external_id", v, label=tr_noop("External id"), max_length=200,
                                        required=False),
}


def validate_fixture_columns(values: dict[str, Any], _as_of: dt.date | None = None) -> dict[str, Any]:
    """Column values of a fixture in stored form (ids pass as they are: the row check sees them)."""
    return {key: _COLUMN_CHECKS[key](value) if key in _COLUMN_CHECKS else value for key, value in values.items()}


def check_fixture_change(session: Session, current: Fixture, clean: dict[str, Any]) -> None:
    """The fixture as a whole after a change must still be one ``create_fixture`` would accept,
    and a change its match report depends on waits until the report is deleted."""
    _values(session, fields_of(Fixture(**{**current.model_dump(), **clean})))
    check_report_bound(session, current, clean)


_FORM_FIELDS = {"kickoff_utc": "kickoff_local", "club_id": "opponent_id"}


def reported_fixtures(session: Session, fixture_ids: Collection[int] | None = None) -> set[int]:
    """Which fixtures (of ``fixture_ids``, or all) have a match report saved (the report area's
    table, read by name so the calendar does not import that area)."""
    appearance = SQLModel.metadata.tables["appearance"]
    query = select(appearance.c.fixture_id).distinct()
    if fixture_ids is not None:
        query = query.where(appearance.c.fixture_id.in_(list(fixture_ids)))
    return {int(row[0]) for row in session.execute(query)}


def report_refusal(changed: list[str]) -> ValidationError:
    """The refusal of a change a saved match report depends on, named by its first field."""
    first = "kickoff_utc" if "kickoff_utc" in changed else changed[0]  # a new day is why the season moved
    field = _FORM_FIELDS.get(first, first)
    return ValidationError(field, "has_report", tr(
        "A match report is saved for this match: its result, day, competition and opponent stay as "
        "reported; delete the report first to change them"))


def check_report_bound(session: Session, current: Fixture, after: dict[str, Any]) -> None:
    """Refuse ``after`` (changed columns) when the fixture has a report and the report depends on them."""
    assert current.id is not None
    before = {**stored_columns(current), "kickoff_utc": as_utc(current.kickoff_utc)}
    changed = report_bound_changes(before, {k: as_utc(v) if k == "kickoff_utc" else v for k, v in after.items()})
    if changed and reported_fixtures(session, [current.id]):
        raise report_refusal(changed)


FIXTURE_RESTORE = Restorable(Fixture, validate_fixture_columns, check_fixture_change)
