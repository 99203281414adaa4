"""Tables of the lineup area: formations (the standard shapes and the club's own), each fixture's
lineup and the players named in it."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints

ROLES: tuple[str, ...] = ("starter", "bench")
MAX_SPOT = 29  # slots 0–10 for starters, 0–18 for the largest bench a competition allows


class Formation(Versioned, table=True):
    """A formation: its name and eleven slots as JSON ``[[position, x, y], …]`` (percent of the
    pitch; ``db.domain.formations`` checks them). The standard ones are seeded by the migration."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=40, unique=True)
    slots: str = Field(max_length=600)
    standard: bool = False

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="formation_name_not_empty"),
        CheckConstraint("length(slots) > 2", name="formation_slots_not_empty"),
    )


class Lineup(Versioned, table=True):
    """A fixture's lineup: the formation, the captain, whether it is final. Its players are
    ``LineupPlayer`` rows; every change to them bumps this row's version (one lock for the whole)."""

    id: int | None = Field(default=None, primary_key=True)
    # CASCADE on purpose: a lineup means nothing without its match.
    fixture_id: int = Field(foreign_key="fixture.id", ondelete="CASCADE", unique=True)
    formation_id: int = Field(foreign_key="formation.id", ondelete="RESTRICT", index=True)
    captain_id: int | None = Field(default=None, foreign_key="player.id", ondelete="SET NULL")
    final: bool = False


class LineupPlayer(SQLModel, table=True):
    """A player named in a lineup: a starter in slot ``spot`` of the formation, or the ``spot``-th
    substitute. Written only as part of its lineup, whose version stands for them all."""

    __tablename__ = "lineup_player"

    id: int | None = Field(default=None, primary_key=True)
    lineup_id: int = Field(foreign_key="lineup.id", ondelete="CASCADE", index=True)
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    role: str = Field(max_length=8)
    spot: int

    __table_args__ = (
        UniqueConstraint("lineup_id", "player_id", name="lineup_player_once"),
        UniqueConstraint("lineup_id", "role", "spot", name="lineup_spot_once"),
        CheckConstraint("role IN ('starter', 'bench')", name="lineup_player_role"),
        CheckConstraint(f"spot BETWEEN 0 AND {MAX_SPOT}", name="lineup_player_spot"),
        CheckConstraint("role <> 'starter' OR spot <= 10", name="lineup_starter_slot"),
    )


_FORMATION_TAKEN = tr_noop("A formation of that name already exists")
_TWICE = tr_noop("A player is named only once in a lineup")
_SPOT_TAKEN = tr_noop("Two players cannot take the same place")
_LINEUP_TAKEN = tr_noop("That match already has a lineup")
describe_constraints({
    # SQLite names the table and columns, PostgreSQL the constraint: both are listed.
    "formation.name": ("name", _FORMATION_TAKEN),
    "formation_name_key": ("name", _FORMATION_TAKEN),
    "formation_name_not_empty": ("name", tr_noop("The formation needs a name")),
    "formation_slots_not_empty": ("slots", tr_noop("A formation has 11 slots")),
    "lineup.fixture_id": ("fixture_id", _LINEUP_TAKEN),
    "lineup_fixture_id_key": ("fixture_id", _LINEUP_TAKEN),
    "lineup_player.lineup_id, lineup_player.player_id": ("player_id", _TWICE),
    "lineup_player_once": ("player_id", _TWICE),
    "lineup_player.lineup_id, lineup_player.role, lineup_player.spot": ("spot", _SPOT_TAKEN),
    "lineup_spot_once": ("spot", _SPOT_TAKEN),
    "lineup_player_role": ("role", tr_noop("A player starts or is on the bench")),
    "lineup_player_spot": ("spot", tr_noop("That place is not on the sheet")),
    "lineup_starter_slot": ("spot", tr_noop("A formation has 11 slots")),
})
