"""Tables of the calendar area."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlmodel import Field

from db.domain.vocab import FIXTURE_STATUSES, VENUE_SIDES, sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


class Fixture(Versioned, table=True):
    """A match, stored once, from one club's side: kick-off in UTC plus the IANA zone it was
    announced in.

    A match of our club is stored from our side (``club_id`` is ours, ``venue_side`` home, away
    or neutral, goals for and against us), whatever a source calls home, so every query that
    filters ``club_id`` = our club sees exactly our matches. Any other match (the rest of an
    imported league, for its table) is stored from the home side: ``club_id`` the home club,
    ``opponent_id`` the away club, ``venue_side`` 'home' (or 'neutral' at a neutral ground, from
    the side named first), goals home first. ``db.domain.match_sides`` turns one form into the
    other; imports match a stored row on ``external_id`` (an iCalendar UID) or on competition,
    season, the two clubs, home and away (and the round, in a cup), never on the stored side.
    """

    id: int | None = Field(default=None, primary_key=True)
    season_id: int = Field(foreign_key="season.id", ondelete="RESTRICT", index=True)
    competition_id: int = Field(foreign_key="competition.id", ondelete="RESTRICT", index=True)
    club_id: int = Field(foreign_key="club.id", ondelete="RESTRICT")
    opponent_id: int = Field(foreign_key="club.id", ondelete="RESTRICT")
    venue_side: str = Field(max_length=8)
    venue: str | None = Field(default=None, max_length=160)
    kickoff_utc: dt.datetime = Field(index=True)
    kickoff_time_known: bool = True
    timezone: str = Field(default="UTC", max_length=64)
    round: str | None = Field(default=None, max_length=80)
    status: str = Field(default="scheduled", max_length=12)
    goals_for: int | None = None
    goals_against: int | None = None
    extra_time: bool = False
    penalties_for: int | None = None
    penalties_against: int | None = None
    external_id: str | None = Field(default=None, max_length=200, unique=True)
    notes: str | None = Field(default=None, max_length=2000)

    __table_args__ = (
        CheckConstraint(f"venue_side IN {sql_in(VENUE_SIDES)}", name="fixture_venue_side"),
        CheckConstraint(f"status IN {sql_in(FIXTURE_STATUSES)}", name="fixture_status"),
        CheckConstraint("club_id <> opponent_id", name="fixture_distinct_clubs"),
        CheckConstraint("(goals_for IS NULL) = (goals_against IS NULL)", name="fixture_score_pair"),
        CheckConstraint("goals_for IS NULL OR (goals_for >= 0 AND goals_against >= 0)", name="fixture_score_range"),
        CheckConstraint("(penalties_for IS NULL) = (penalties_against IS NULL)", name="fixture_penalties_pair"),
    )


_FIXTURE_TAKEN = tr_noop("A fixture with that id already exists")
describe_constraints({
    # SQLite names the table and column, PostgreSQL the constraint (<table>_<column>_key).
    "fixture.external_id": ("external_id", _FIXTURE_TAKEN),
    "fixture_external_id_key": ("external_id", _FIXTURE_TAKEN),
    "fixture_venue_side": ("venue_side", tr_noop("Venue must be home, away or neutral")),
    "fixture_status": ("status", tr_noop("That is not a fixture status Dugout knows")),
    "fixture_distinct_clubs": ("opponent_id", tr_noop("A club cannot play itself")),
    "fixture_score_pair": ("goals_against", tr_noop("A score needs both numbers or neither")),
    "fixture_score_range": ("goals_for", tr_noop("Goals cannot be negative")),
    "fixture_penalties_pair": ("penalties_against", tr_noop("A shoot-out needs both numbers or neither")),
})
