"""availability: injury phases and chance of playing, cards, bans, absences, registrations

Revision ID: 0002_availability
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_availability"
down_revision = "0001_core"
branch_labels = None
depends_on = None

_STATUSES = "('out', 'doubtful', 'precautionary', 'assessment', 'rehab', 'training', 'match_fit', 'recovered')"


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    # An episode with a return date is over: say so, as the new rule requires.
    op.execute("UPDATE injury SET status = 'recovered' WHERE returned_on IS NOT NULL")
    with op.batch_alter_table("injury", schema=None) as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=12), type_=sa.String(length=16),
                              existing_nullable=False)
        batch_op.add_column(sa.Column("chance_of_playing", sa.Integer(), nullable=True))
        batch_op.drop_constraint("injury_status", type_="check")
        batch_op.create_check_constraint("injury_status", f"status IN {_STATUSES}")
        batch_op.create_check_constraint(
            "injury_chance", "chance_of_playing IS NULL OR chance_of_playing IN (0, 25, 50, 75, 100)")
        batch_op.create_check_constraint("injury_recovered_dated", "(status = 'recovered') = (returned_on IS NOT NULL)")
        batch_op.create_index("injury_open_once", ["player_id", "kind"], unique=True,
                              sqlite_where=sa.text("returned_on IS NULL"),
                              postgresql_where=sa.text("returned_on IS NULL"))
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("yellow_card_ban_every", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("yellow_cards_reset_after", sa.String(length=80), nullable=True))
        batch_op.create_check_constraint(
            "competition_yellow_ban_every", "yellow_card_ban_every IS NULL OR yellow_card_ban_every > 0")

    op.create_table(
        "booking",
        *_versioned(),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("fixture_id", sa.Integer(), nullable=False),
        sa.Column("card", sa.String(length=16), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=True),
        sa.Column("rescinded", sa.Boolean(), nullable=False),
        sa.Column("rescinded_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(length=400), nullable=True),
        sa.CheckConstraint("card IN ('yellow', 'second_yellow', 'red')", name="booking_card"),
        sa.CheckConstraint("minute IS NULL OR minute BETWEEN 1 AND 130", name="booking_minute"),
        sa.CheckConstraint("rescinded OR rescinded_on IS NULL", name="booking_rescinded_dated"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["fixture_id"], ["fixture.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("player_id", "fixture_id", "card", name="booking_once"),
    )
    op.create_index("ix_booking_player_id", "booking", ["player_id"])
    op.create_index("ix_booking_fixture_id", "booking", ["fixture_id"])
    op.create_table(
        "suspension",
        *_versioned(),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("matches", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("matches BETWEEN 1 AND 50", name="suspension_matches"),
        sa.CheckConstraint("length(trim(reason)) > 0", name="suspension_reason"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["competition_id"], ["competition.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["booking_id"], ["booking.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_suspension_player_id", "suspension", ["player_id"])
    op.create_index("ix_suspension_competition_id", "suspension", ["competition_id"])
    op.create_table(
        "absence",
        *_versioned(),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.CheckConstraint("kind IN ('international', 'personal', 'other')", name="absence_kind"),
        sa.CheckConstraint("ends_on >= starts_on", name="absence_order"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_absence_player_id", "absence", ["player_id"])
    op.create_table(
        "registration",
        *_versioned(),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=8), nullable=False),
        sa.CheckConstraint("list_name IN ('main', 'A', 'B')", name="registration_list"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["competition_id"], ["competition.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["season_id"], ["season.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("player_id", "competition_id", "season_id", name="registration_once"),
    )
    op.create_index("ix_registration_player_id", "registration", ["player_id"])
    op.create_index("ix_registration_competition_id", "registration", ["competition_id"])


def downgrade() -> None:
    raise NotImplementedError("Dugout does not downgrade; restore the backup taken before the upgrade")
