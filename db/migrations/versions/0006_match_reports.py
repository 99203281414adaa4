"""match reports: one appearance per player who took part in one of our matches

Revision ID: 0006_match_reports
Revises: 0005_league

A report's cards are ``booking`` rows (written through the medical area); its appearances add to
the season's stored totals, which stay the baseline for matches without a report.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_match_reports"
down_revision = "0005_league"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appearance",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fixture_id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("started", sa.Boolean(), nullable=False),
        sa.Column("minute_on", sa.Integer(), nullable=True),
        sa.Column("minute_off", sa.Integer(), nullable=True),
        sa.Column("goals", sa.Integer(), nullable=False),
        sa.Column("card", sa.String(length=16), nullable=True),
        sa.Column("injured", sa.Boolean(), nullable=False),
        sa.CheckConstraint("started = (minute_on IS NULL)", name="appearance_came_on"),
        sa.CheckConstraint("minute_on IS NULL OR minute_on BETWEEN 1 AND 120", name="appearance_minute_on"),
        sa.CheckConstraint("minute_off IS NULL OR minute_off BETWEEN 1 AND 120", name="appearance_minute_off"),
        sa.CheckConstraint("minute_off IS NULL OR minute_on IS NULL OR minute_off > minute_on",
                           name="appearance_minutes_order"),
        sa.CheckConstraint("goals BETWEEN 0 AND 20", name="appearance_goals"),
        sa.CheckConstraint("card IS NULL OR card IN ('yellow', 'second_yellow', 'red')", name="appearance_card"),
        sa.ForeignKeyConstraint(["fixture_id"], ["fixture.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fixture_id", "player_id", name="appearance_once"),
    )
    op.create_index("ix_appearance_player_id", "appearance", ["player_id"])


def downgrade() -> None:
    raise NotImplementedError("Dugout does not downgrade; restore the backup taken before the upgrade")
