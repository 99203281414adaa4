"""lineup: formations (the standard ones seeded), each fixture's lineup and its players

Revision ID: 0004_lineup
Revises: 0003_transfers
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0004_lineup"
down_revision = "0003_transfers"
branch_labels = None
depends_on = None

# The standard formations as they were when this migration was written (a migration is a
# snapshot: it never reads the code's current list). db.domain.formations.STANDARD_FORMATIONS is
# the same; tests/db/lineup/test_formations.py keeps them equal. [position, x, y], percent of
# the pitch, our goal at the bottom.
STANDARD = {
    "4-3-3": '[["GK",50,92],["RB",86,71],["CB",64,78],["CB",36,78],["LB",14,71],["CM",70,47],["DM",50,60],["CM",30,47],'
             '["RW",80,24],["ST",50,17],["LW",20,24]]',
    "4-4-2": '[["GK",50,92],["RB",86,71],["CB",64,78],["CB",36,78],["LB",14,71],["RW",84,46],["CM",61,52],["CM",39,52],'
             '["LW",16,46],["ST",62,20],["ST",38,20]]',
    "4-2-3-1": '[["GK",50,92],["RB",86,71],["CB",64,78],["CB",36,78],["LB",14,71],["DM",62,57],["DM",38,57],["RW",80,36],'
               '["AM",50,38],["LW",20,36],["ST",50,16]]',
    "4-1-4-1": '[["GK",50,92],["RB",86,71],["CB",64,78],["CB",36,78],["LB",14,71],["DM",50,60],["RW",84,40],["CM",61,44],'
               '["CM",39,44],["LW",16,40],["ST",50,17]]',
    "3-5-2": '[["GK",50,92],["CB",72,77],["CB",50,80],["CB",28,77],["RB",88,50],["CM",68,46],["DM",50,57],["CM",32,46],'
             '["LB",12,50],["ST",62,20],["ST",38,20]]',
    "3-4-3": '[["GK",50,92],["CB",72,77],["CB",50,80],["CB",28,77],["RB",86,52],["CM",60,54],["CM",40,54],["LB",14,52],'
             '["RW",78,24],["ST",50,17],["LW",22,24]]',
    "5-3-2": '[["GK",50,92],["RB",88,64],["CB",70,78],["CB",50,80],["CB",30,78],["LB",12,64],["CM",72,50],["DM",50,55],'
             '["CM",28,50],["ST",62,20],["ST",38,20]]',
}


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    formation = op.create_table(
        "formation",
        *_versioned(),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("slots", sa.String(length=600), nullable=False),
        sa.Column("standard", sa.Boolean(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name="formation_name_not_empty"),
        sa.CheckConstraint("length(slots) > 2", name="formation_slots_not_empty"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "lineup",
        *_versioned(),
        sa.Column("fixture_id", sa.Integer(), nullable=False),
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("captain_id", sa.Integer(), nullable=True),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["fixture_id"], ["fixture.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["formation_id"], ["formation.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["captain_id"], ["player.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fixture_id"),
    )
    op.create_index("ix_lineup_formation_id", "lineup", ["formation_id"])
    op.create_table(
        "lineup_player",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lineup_id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("spot", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('starter', 'bench')", name="lineup_player_role"),
        sa.CheckConstraint("spot BETWEEN 0 AND 29", name="lineup_player_spot"),
        sa.CheckConstraint("role <> 'starter' OR spot <= 10", name="lineup_starter_slot"),
        sa.ForeignKeyConstraint(["lineup_id"], ["lineup.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lineup_id", "player_id", name="lineup_player_once"),
        sa.UniqueConstraint("lineup_id", "role", "spot", name="lineup_spot_once"),
    )
    op.create_index("ix_lineup_player_lineup_id", "lineup_player", ["lineup_id"])
    op.create_index("ix_lineup_player_player_id", "lineup_player", ["player_id"])
    now = dt.datetime.now(dt.UTC)
    op.bulk_insert(formation, [
        {"name": name, "slots": slots, "standard": True, "version": 1, "updated_at": now, "updated_by": "dugout"}
        for name, slots in STANDARD.items()
    ])


def downgrade() -> None:
    raise NotImplementedError("Dugout does not downgrade; restore the backup taken before the upgrade")
