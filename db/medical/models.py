"""Tables of the medical area: injuries, and what else keeps a player from playing (cards and
bans, international duty and personal absences, registration for a competition)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field

from db.domain.vocab import (
    ABSENCE_KINDS,
    CARDS,
    CHANCES_OF_PLAYING,
    INJURY_CERTAINTIES,
    INJURY_STATUSES,
    REGISTRATION_LISTS,
    sql_in,
)
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


class Injury(Versioned, table=True):
    """An injury episode: what, since when, expected return window, how sure the staff are, and
    where it stands (out, doubtful, precautionary rest, a return-to-play phase, recovered)."""

    id: int | None = Field(default=None, primary_key=True)
    # CASCADE on purpose: an injury has no meaning without its player (players are never deleted).
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=120)
    body_part: str | None = Field(default=None, max_length=80)
    started_on: dt.date
    expected_return_earliest: dt.date | None = None
    expected_return_latest: dt.date | None = None
    certainty: str = Field(default="likely", max_length=12)
    status: str = Field(default="out", max_length=16)
    # The staff's chance of playing (0/25/50/75/100 %) for a doubtful or precautionary player.
    chance_of_playing: int | None = None
    surgery: bool = False
    surgery_on: dt.date | None = None
    returned_on: dt.date | None = None
    medical_notes: str | None = Field(default=None, max_length=4000)

    __table_args__ = (
        CheckConstraint("length(trim(kind)) > 0", name="injury_kind_not_empty"),
        CheckConstraint(f"certainty IN {sql_in(INJURY_CERTAINTIES)}", name="injury_certainty"),
        CheckConstraint(f"status IN {sql_in(INJURY_STATUSES)}", name="injury_status"),
        CheckConstraint(
            "expected_return_earliest IS NULL OR expected_return_earliest >= started_on", name="injury_return_after_start"
        ),
        CheckConstraint(
            "expected_return_latest IS NULL OR expected_return_earliest IS NULL "
            "OR expected_return_latest >= expected_return_earliest",
            name="injury_return_window",
        ),
        CheckConstraint("returned_on IS NULL OR returned_on >= started_on", name="injury_returned_after_start"),
        CheckConstraint(
            "chance_of_playing IS NULL OR chance_of_playing IN "
            + "(" + ", ".join(str(c) for c in CHANCES_OF_PLAYING) + ")",
            name="injury_chance",
        ),
        CheckConstraint("(status = 'recovered') = (returned_on IS NOT NULL)", name="injury_recovered_dated"),
        # One open episode of a kind per player: a second "hamstring strain" is an update, not news.
        Index("injury_open_once", "player_id", "kind", unique=True,
              sqlite_where=text("returned_on IS NULL"), postgresql_where=text("returned_on IS NULL")),
    )


class Booking(Versioned, table=True):
    """A card shown to a player in one of our fixtures; a card rescinded on appeal counts for nothing."""

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    fixture_id: int = Field(foreign_key="fixture.id", ondelete="CASCADE", index=True)
    card: str = Field(max_length=16)
    minute: int | None = None
    rescinded: bool = False
    rescinded_on: dt.date | None = None
    notes: str | None = Field(default=None, max_length=400)

    __table_args__ = (
        CheckConstraint(f"card IN {sql_in(CARDS)}", name="booking_card"),
        CheckConstraint("minute IS NULL OR minute BETWEEN 1 AND 130", name="booking_minute"),
        CheckConstraint("rescinded OR rescinded_on IS NULL", name="booking_rescinded_dated"),
        UniqueConstraint("player_id", "fixture_id", "card", name="booking_once"),
    )


class Suspension(Versioned, table=True):
    """A ban of ``matches`` games in one competition from a day on (served in its next fixtures,
    carried into the next season if the calendar runs out)."""

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    competition_id: int = Field(foreign_key="competition.id", ondelete="RESTRICT", index=True)
    matches: int
    starts_on: dt.date
    reason: str = Field(max_length=400)
    booking_id: int | None = Field(default=None, foreign_key="booking.id", ondelete="SET NULL")

    __table_args__ = (
        CheckConstraint("matches BETWEEN 1 AND 50", name="suspension_matches"),
        CheckConstraint("length(trim(reason)) > 0", name="suspension_reason"),
    )


class Absence(Versioned, table=True):
    """Days a fit player is away: international duty, personal reasons, anything else."""

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=16)
    starts_on: dt.date
    ends_on: dt.date
    reason: str | None = Field(default=None, max_length=400)

    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(ABSENCE_KINDS)}", name="absence_kind"),
        CheckConstraint("ends_on >= starts_on", name="absence_order"),
    )


class Registration(Versioned, table=True):
    """A player on a competition's list for a season (LaLiga's 25, the Champions League's A or B)."""

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    competition_id: int = Field(foreign_key="competition.id", ondelete="RESTRICT", index=True)
    season_id: int = Field(foreign_key="season.id", ondelete="RESTRICT")
    list_name: str = Field(default="main", max_length=8)

    __table_args__ = (
        CheckConstraint(f"list_name IN {sql_in(REGISTRATION_LISTS)}", name="registration_list"),
        UniqueConstraint("player_id", "competition_id", "season_id", name="registration_once"),
    )


_OPEN_TWICE = tr_noop("The player already has an open injury of that kind: update it instead")
describe_constraints({
    "injury_kind_not_empty": ("kind", tr_noop("The injury must be named")),
    "injury_certainty": ("certainty", tr_noop("Certainty must be confirmed, likely or uncertain")),
    "injury_status": ("status", tr_noop("That is not an injury status Dugout knows")),
    "injury_return_after_start": ("expected_return_earliest", tr_noop("Expected return is before the injury")),
    "injury_return_window": ("expected_return_latest", tr_noop("Latest return is before earliest return")),
    "injury_returned_after_start": ("returned_on", tr_noop("The return is dated before the injury")),
    "injury_chance": ("chance_of_playing", tr_noop("The chance of playing must be 0, 25, 50, 75 or 100 %")),
    "injury_recovered_dated": ("returned_on", tr_noop("A recovered injury needs its return date, and only it")),
    # SQLite names the columns of a UNIQUE index, PostgreSQL the index: both are listed.
    "injury.player_id, injury.kind": ("kind", _OPEN_TWICE),
    "injury_open_once": ("kind", _OPEN_TWICE),
    "booking_card": ("card", tr_noop("A card is a yellow, a second yellow or a red")),
    "booking_minute": ("minute", tr_noop("The minute must be between 1 and 130")),
    "booking_rescinded_dated": ("rescinded_on", tr_noop("Only a rescinded card has a rescinded date")),
    "booking.player_id, booking.fixture_id, booking.card": ("card", tr_noop("That card is already recorded")),
    "booking_once": ("card", tr_noop("That card is already recorded")),
    "suspension_matches": ("matches", tr_noop("A ban is between 1 and 50 matches")),
    "suspension_reason": ("reason", tr_noop("Say why the player is banned")),
    "absence_kind": ("kind", tr_noop("An absence is international duty, personal or other")),
    "absence_order": ("ends_on", tr_noop("The absence ends before it starts")),
    "registration_list": ("list_name", tr_noop("A list is main, A or B")),
    "registration.player_id, registration.competition_id, registration.season_id": (
        "competition_id", tr_noop("The player is already registered for that competition and season")),
    "registration_once": ("competition_id", tr_noop("The player is already registered for that competition and season")),
})
