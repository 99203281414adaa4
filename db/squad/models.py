"""Tables of the squad area: players (one row per person) and their memberships of a club's squad.

Money is integer cents (``BigInteger``) in the club's single currency.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field

from db.domain.squad_rules import APPEARANCES, BIRTH_YEARS, HEIGHT_CM, MINUTES, SHIRT_NUMBERS
from db.domain.vocab import FEET, LEAVE_REASONS, POSITIONS, SQUAD_ROLES, sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


def _between(column: str, bounds: tuple[int, int]) -> str:
    return f"{column} IS NULL OR {column} BETWEEN {bounds[0]} AND {bounds[1]}"


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
        CheckConstraint(_between("height_cm", HEIGHT_CM), name="player_height"),
        CheckConstraint("market_value_cents IS NULL OR market_value_cents >= 0", name="player_value"),
        CheckConstraint(_between("birth_year", BIRTH_YEARS), name="player_birth_year"),
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
        CheckConstraint(_between("shirt_number", SHIRT_NUMBERS), name="membership_shirt_range"),
        CheckConstraint(f"squad_role IN {sql_in(SQUAD_ROLES)}", name="membership_role"),
        CheckConstraint(
            "contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start",
            name="membership_contract_order",
        ),
        CheckConstraint("annual_wage_cents IS NULL OR annual_wage_cents >= 0", name="membership_wage"),
        CheckConstraint(f"appearances IS NULL OR appearances >= {APPEARANCES[0]}", name="membership_appearances"),
        CheckConstraint(f"minutes_played IS NULL OR minutes_played >= {MINUTES[0]}", name="membership_minutes"),
        CheckConstraint(
            f"left_reason IS NULL OR left_reason IN {sql_in(LEAVE_REASONS)}", name="membership_leave_reason"
        ),
        CheckConstraint("(left_on IS NULL) = (left_reason IS NULL)", name="membership_leave_dated"),
    )


_SHIRT_TAKEN = tr_noop("That shirt number is already taken in this squad")
_ALREADY_IN_SQUAD = tr_noop("The player is already in this squad this season")
describe_constraints({
    # SQLite names the columns of a UNIQUE constraint or index, PostgreSQL its name: both are listed.
    "squad_membership.club_id, squad_membership.season_id, squad_membership.shirt_number": (
        "shirt_number", _SHIRT_TAKEN),
    "membership_shirt_unique": ("shirt_number", _SHIRT_TAKEN),
    "squad_membership.player_id, squad_membership.club_id, squad_membership.season_id": (
        "player_id", _ALREADY_IN_SQUAD),
    "membership_once_per_season": ("player_id", _ALREADY_IN_SQUAD),
    "membership_leave_dated": ("left_reason", tr_noop("Leaving needs both a date and a reason")),
    "membership_contract_order": ("contract_end", tr_noop("The contract ends before it starts")),
    "membership_wage": ("annual_wage_cents", tr_noop("The wage must not be negative")),
    "player_name_not_empty": ("name", tr_noop("The name must not be empty")),
})
