"""Tables of the reference area. The schema itself is created and upgraded by Alembic.

Vocabularies are VARCHAR with a CHECK so later migrations can add values.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel, text

from db.domain.competition_rules import COMPETITION_RULES
from db.domain.league_table import DEFAULT_TIEBREAKERS, POINTS_RANGE
from db.domain.vocab import COMPETITION_KINDS, sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


def _between(rule: str) -> str:
    _label, low, high = COMPETITION_RULES[rule]
    return f"{rule} BETWEEN {low} AND {high}"


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
    # After the threshold, a ban for every this many further bookings (LaLiga 5, UEFA 2: 3, 5, 7…);
    # None: only the threshold bans.
    yellow_card_ban_every: int | None = None
    # Bookings are wiped once the club has played the round of this name (UEFA: "Quarterfinals").
    yellow_cards_reset_after: str | None = Field(default=None, max_length=80)
    non_eu_limit: int | None = None
    registration_limit: int | None = None
    min_locally_trained: int | None = None
    notes: str | None = Field(default=None, max_length=2000)
    # The league table: points per result and the tie-breakers after points, comma-separated in
    # order (db.domain.league_table.TIEBREAKERS); LaLiga: h2h_points,h2h_goal_difference,goal_difference,goals_for.
    points_for_win: int = Field(default=3, sa_column_kwargs={"server_default": text("3")})
    points_for_draw: int = Field(default=1, sa_column_kwargs={"server_default": text("1")})
    table_tiebreakers: str = Field(default=",".join(DEFAULT_TIEBREAKERS), max_length=200,
                                   sa_column_kwargs={"server_default": ",".join(DEFAULT_TIEBREAKERS)})
    # Where its kick-off times are told when a source names no zone (LaLiga: Europe/Madrid).
    timezone: str | None = Field(default=None, max_length=64)

    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(COMPETITION_KINDS)}", name="competition_kind"),
        CheckConstraint(_between("matchday_squad_size"), name="competition_sheet_size"),
        CheckConstraint(_between("max_substitutes"), name="competition_bench_size"),
        CheckConstraint(_between("substitutions"), name="competition_substitutions"),
        CheckConstraint(
            "yellow_card_ban_threshold IS NULL OR yellow_card_ban_threshold > 0", name="competition_yellow_ban"
        ),
        CheckConstraint("non_eu_limit IS NULL OR non_eu_limit >= 0", name="competition_non_eu_limit"),
        CheckConstraint(
            "yellow_card_ban_every IS NULL OR yellow_card_ban_every > 0", name="competition_yellow_ban_every"
        ),
        CheckConstraint(f"points_for_win BETWEEN {POINTS_RANGE[0]} AND {POINTS_RANGE[1]}", name="competition_win_points"),
        CheckConstraint(f"points_for_draw BETWEEN {POINTS_RANGE[0]} AND {POINTS_RANGE[1]}", name="competition_draw_points"),
    )


class CompetitionAlias(SQLModel, table=True):
    """Another name of a competition ("Primera División" for LaLiga, openfootball's "es.1");
    ``alias_key`` is its folded form. The season is told apart: "Primera División 2024/25" is the
    alias plus the season 2024/25."""

    __tablename__ = "competition_alias"

    id: int | None = Field(default=None, primary_key=True)
    competition_id: int = Field(foreign_key="competition.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=120)
    alias_key: str = Field(max_length=120, unique=True)


_CLUB_TAKEN = tr_noop("A club of that name already exists")
_ALIAS_TAKEN = tr_noop("That alias already names another club")
_SEASON_TAKEN = tr_noop("A season with that label already exists")
_COMPETITION_TAKEN = tr_noop("A competition of that name already exists")
_COMPETITION_ALIAS_TAKEN = tr_noop("That alias already names another competition")
describe_constraints({
    # SQLite names the table and column, PostgreSQL the constraint (<table>_<column>_key).
    "club.name": ("name", _CLUB_TAKEN),
    "club_name_key": ("name", _CLUB_TAKEN),
    "club_alias.alias_key": ("aliases", _ALIAS_TAKEN),
    "club_alias_alias_key_key": ("aliases", _ALIAS_TAKEN),
    "season.label": ("label", _SEASON_TAKEN),
    "season_label_key": ("label", _SEASON_TAKEN),
    "competition.name": ("name", _COMPETITION_TAKEN),
    "competition_name_key": ("name", _COMPETITION_TAKEN),
    "competition_alias.alias_key": ("aliases", _COMPETITION_ALIAS_TAKEN),
    "competition_alias_alias_key_key": ("aliases", _COMPETITION_ALIAS_TAKEN),
    "competition_win_points": ("points_for_win", tr_noop("Points for a win must be between 0 and 10")),
    "competition_draw_points": ("points_for_draw", tr_noop("Points for a draw must be between 0 and 10")),
})
