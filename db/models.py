"""SQLModel tables. The schema itself is created and upgraded by Alembic, never by ``create_all``.

Money is integer cents (``BigInteger``) in the club's single currency. Vocabularies are VARCHAR
with a CHECK so later migrations can add values. Every editable row carries ``version`` plus
``updated_at``/``updated_by`` for optimistic locking (see ``db.writes``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from db.domain.vocab import (
    COMPETITION_KINDS,
    FEET,
    FIXTURE_STATUSES,
    INJURY_CERTAINTIES,
    INJURY_STATUSES,
    LEAVE_REASONS,
    POSITIONS,
    SQUAD_ROLES,
    VENUE_SIDES,
    sql_in,
)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Versioned(SQLModel):
    """Columns shared by every row a user can edit."""

    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    updated_at: dt.datetime = Field(default_factory=_utcnow)
    updated_by: str = Field(default="", max_length=80)


class Setting(SQLModel, table=True):
    """Database-wide settings: our club, currency, current season, a pinned planning date."""

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=400)


class Club(Versioned, table=True):
    """A football club: ours or any other (opponents, targets' clubs)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    short_name: str = Field(max_length=60)
    country: str | None = Field(default=None, max_length=3)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="club_name_not_empty"),)


class ClubAlias(SQLModel, table=True):
    """Another spelling of a club's name ("Real Madrid CF (ESP)"); ``alias_key`` is its folded form."""

    __tablename__ = "club_alias"

    id: int | None = Field(default=None, primary_key=True)
    club_id: int = Field(foreign_key="club.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=120)
    alias_key: str = Field(max_length=120, unique=True)


class Season(Versioned, table=True):
    """A season such as 2024/25 with its first and last day."""

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=20, unique=True)
    starts_on: dt.date
    ends_on: dt.date

    __table_args__ = (CheckConstraint("ends_on > starts_on", name="season_ends_after_start"),)


class Competition(Versioned, table=True):
    """A competition and its rules as data, so a club can correct them without a new release."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    kind: str = Field(max_length=20)
    country: str | None = Field(default=None, max_length=3)
    matchday_squad_size: int = Field(default=23)
    max_substitutes: int = Field(default=12)
    substitutions: int = Field(default=5)
    substitution_windows: int | None = None
    yellow_card_ban_threshold: int | None = None
    non_eu_limit: int | None = None
    registration_limit: int | None = None
    min_locally_trained: int | None = None
    notes: str | None = Field(default=None, max_length=2000)

    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(COMPETITION_KINDS)}", name="competition_kind"),
        CheckConstraint("matchday_squad_size BETWEEN 11 AND 30", name="competition_sheet_size"),
        CheckConstraint("max_substitutes BETWEEN 0 AND 19", name="competition_bench_size"),
        CheckConstraint("substitutions BETWEEN 0 AND 15", name="competition_substitutions"),
        CheckConstraint(
            "yellow_card_ban_threshold IS NULL OR yellow_card_ban_threshold > 0", name="competition_yellow_ban"
        ),
        CheckConstraint("non_eu_limit IS NULL OR non_eu_limit >= 0", name="competition_non_eu_limit"),
    )


class Player(Versioned, table=True):
    """One row per person: in our squad, a transfer target or at another club. Never hard-deleted."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    date_of_birth: dt.date | None = None
    birth_year: int | None = None
    # Comma-separated football codes ("BRA,ESP"); the first is the sporting nationality.
    nationalities: str = Field(default="", max_length=60)
    # Explicit registration status where it does not follow from nationality (Lunin, Güler).
    counts_as_eu: bool | None = None
    preferred_foot: str | None = Field(default=None, max_length=5)
    primary_position: str | None = Field(default=None, max_length=2)
    secondary_positions: str = Field(default="", max_length=40)
    height_cm: int | None = None
    market_value_cents: int | None = Field(default=None, sa_type=BigInteger)
    notes: str | None = Field(default=None, max_length=2000)

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="player_name_not_empty"),
        CheckConstraint(f"preferred_foot IS NULL OR preferred_foot IN {sql_in(FEET)}", name="player_foot"),
        CheckConstraint(
            f"primary_position IS NULL OR primary_position IN {sql_in(POSITIONS)}", name="player_position"
        ),
        CheckConstraint("height_cm IS NULL OR height_cm BETWEEN 120 AND 230", name="player_height"),
        CheckConstraint("market_value_cents IS NULL OR market_value_cents >= 0", name="player_value"),
        CheckConstraint("birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100", name="player_birth_year"),
    )


class SquadMembership(Versioned, table=True):
    """A player's time at a club in a season: shirt number, contract, wage; leaving is a dated record."""

    __tablename__ = "squad_membership"

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", ondelete="RESTRICT", index=True)
    club_id: int = Field(foreign_key="club.id", ondelete="RESTRICT", index=True)
    season_id: int = Field(foreign_key="season.id", ondelete="RESTRICT", index=True)
    shirt_number: int | None = None
    squad_role: str = Field(default="first_team", max_length=20)
    joined_on: dt.date | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    annual_wage_cents: int | None = Field(default=None, sa_type=BigInteger)
    appearances: int | None = None
    minutes_played: int | None = None
    previous_club: str | None = Field(default=None, max_length=120)
    left_on: dt.date | None = None
    left_reason: str | None = Field(default=None, max_length=20)

    __table_args__ = (
        UniqueConstraint("player_id", "club_id", "season_id", name="membership_once_per_season"),
        # A shirt number belongs to one current player per club and season; leavers free it.
        Index(
            "membership_shirt_unique",
            "club_id",
            "season_id",
            "shirt_number",
            unique=True,
            sqlite_where=text("left_on IS NULL AND shirt_number IS NOT NULL"),
            postgresql_where=text("left_on IS NULL AND shirt_number IS NOT NULL"),
        ),
        CheckConstraint("shirt_number IS NULL OR shirt_number BETWEEN 1 AND 99", name="membership_shirt_range"),
        CheckConstraint(f"squad_role IN {sql_in(SQUAD_ROLES)}", name="membership_role"),
        CheckConstraint(
            "contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start",
            name="membership_contract_order",
        ),
        CheckConstraint("annual_wage_cents IS NULL OR annual_wage_cents >= 0", name="membership_wage"),
        CheckConstraint("appearances IS NULL OR appearances >= 0", name="membership_appearances"),
        CheckConstraint("minutes_played IS NULL OR minutes_played >= 0", name="membership_minutes"),
        CheckConstraint(
            f"left_reason IS NULL OR left_reason IN {sql_in(LEAVE_REASONS)}", name="membership_leave_reason"
        ),
        CheckConstraint("(left_on IS NULL) = (left_reason IS NULL)", name="membership_leave_dated"),
    )


class Injury(Versioned, table=True):
    """An injury episode: what, since when, expected return window and how sure the staff are."""

    id: int | None = Field(default=None, primary_key=True)
    # CASCADE on purpose: an injury has no meaning without its player (players are never deleted).
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=120)
    body_part: str | None = Field(default=None, max_length=80)
    started_on: dt.date
    expected_return_earliest: dt.date | None = None
    expected_return_latest: dt.date | None = None
    certainty: str = Field(default="likely", max_length=12)
    status: str = Field(default="out", max_length=12)
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
    )


class Fixture(Versioned, table=True):
    """A match of our club: kick-off stored in UTC plus the IANA zone it was announced in."""

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
