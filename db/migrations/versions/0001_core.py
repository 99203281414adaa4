"""core schema: clubs, seasons, competitions, players, squads, injuries, fixtures

Revision ID: 0001_core
Revises: (none)
Create Date: 2026-11-24 11:35:45.864437
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "club",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("short_name", sa.String(length=60), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.CheckConstraint("length(trim(name)) > 0", name="club_name_not_empty"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "competition",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("matchday_squad_size", sa.Integer(), nullable=False),
        sa.Column("max_substitutes", sa.Integer(), nullable=False),
        sa.Column("substitutions", sa.Integer(), nullable=False),
        sa.Column("substitution_windows", sa.Integer(), nullable=True),
        sa.Column("yellow_card_ban_threshold", sa.Integer(), nullable=True),
        sa.Column("non_eu_limit", sa.Integer(), nullable=True),
        sa.Column("registration_limit", sa.Integer(), nullable=True),
        sa.Column("min_locally_trained", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "kind IN ('league', 'cup', 'continental', 'intercontinental', 'friendly')",
            name="competition_kind",
        ),
        sa.CheckConstraint("matchday_squad_size BETWEEN 11 AND 30", name="competition_sheet_size"),
        sa.CheckConstraint("max_substitutes BETWEEN 0 AND 19", name="competition_bench_size"),
        sa.CheckConstraint("non_eu_limit IS NULL OR non_eu_limit >= 0", name="competition_non_eu_limit"),
        sa.CheckConstraint("substitutions BETWEEN 0 AND 15", name="competition_substitutions"),
        sa.CheckConstraint(
            "yellow_card_ban_threshold IS NULL OR yellow_card_ban_threshold > 0",
            name="competition_yellow_ban",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "player",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("nationalities", sa.String(length=60), nullable=False),
        sa.Column("counts_as_eu", sa.Boolean(), nullable=True),
        sa.Column("preferred_foot", sa.String(length=5), nullable=True),
        sa.Column("primary_position", sa.String(length=2), nullable=True),
        sa.Column("secondary_positions", sa.String(length=40), nullable=False),
        sa.Column("height_cm", sa.Integer(), nullable=True),
        sa.Column("market_value_cents", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "preferred_foot IS NULL OR preferred_foot IN ('left', 'right', 'both')", name="player_foot"
        ),
        sa.CheckConstraint(
            "primary_position IS NULL OR primary_position IN ('GK', 'RB', 'CB', 'LB', 'DM', 'CM', 'AM', 'RW', 'LW', 'ST')",
            name="player_position",
        ),
        sa.CheckConstraint(
            "birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100", name="player_birth_year"
        ),
        sa.CheckConstraint("height_cm IS NULL OR height_cm BETWEEN 120 AND 230", name="player_height"),
        sa.CheckConstraint("length(trim(name)) > 0", name="player_name_not_empty"),
        sa.CheckConstraint("market_value_cents IS NULL OR market_value_cents >= 0", name="player_value"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("player", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_player_name"), ["name"], unique=False)

    op.create_table(
        "season",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.CheckConstraint("ends_on > starts_on", name="season_ends_after_start"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("label"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "club_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=120), nullable=False),
        sa.Column("alias_key", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["club_id"], ["club.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias_key"),
    )
    with op.batch_alter_table("club_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_club_alias_club_id"), ["club_id"], unique=False)

    op.create_table(
        "fixture",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("opponent_id", sa.Integer(), nullable=False),
        sa.Column("venue_side", sa.String(length=8), nullable=False),
        sa.Column("venue", sa.String(length=160), nullable=True),
        sa.Column("kickoff_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kickoff_time_known", sa.Boolean(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("round", sa.String(length=80), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("goals_for", sa.Integer(), nullable=True),
        sa.Column("goals_against", sa.Integer(), nullable=True),
        sa.Column("extra_time", sa.Boolean(), nullable=False),
        sa.Column("penalties_for", sa.Integer(), nullable=True),
        sa.Column("penalties_against", sa.Integer(), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "status IN ('scheduled', 'played', 'postponed', 'cancelled')", name="fixture_status"
        ),
        sa.CheckConstraint("venue_side IN ('home', 'away', 'neutral')", name="fixture_venue_side"),
        sa.CheckConstraint("(goals_for IS NULL) = (goals_against IS NULL)", name="fixture_score_pair"),
        sa.CheckConstraint(
            "(penalties_for IS NULL) = (penalties_against IS NULL)", name="fixture_penalties_pair"
        ),
        sa.CheckConstraint("club_id <> opponent_id", name="fixture_distinct_clubs"),
        sa.CheckConstraint(
            "goals_for IS NULL OR (goals_for >= 0 AND goals_against >= 0)", name="fixture_score_range"
        ),
        sa.ForeignKeyConstraint(["club_id"], ["club.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["competition_id"], ["competition.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["opponent_id"], ["club.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["season_id"], ["season.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("external_id"),
    )
    with op.batch_alter_table("fixture", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fixture_competition_id"), ["competition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fixture_kickoff_utc"), ["kickoff_utc"], unique=False)
        batch_op.create_index(batch_op.f("ix_fixture_season_id"), ["season_id"], unique=False)

    op.create_table(
        "injury",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=120), nullable=False),
        sa.Column("body_part", sa.String(length=80), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("expected_return_earliest", sa.Date(), nullable=True),
        sa.Column("expected_return_latest", sa.Date(), nullable=True),
        sa.Column("certainty", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("surgery", sa.Boolean(), nullable=False),
        sa.Column("surgery_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("medical_notes", sa.String(length=4000), nullable=True),
        sa.CheckConstraint("certainty IN ('confirmed', 'likely', 'uncertain')", name="injury_certainty"),
        sa.CheckConstraint("status IN ('out', 'doubtful', 'recovered')", name="injury_status"),
        sa.CheckConstraint(
            "expected_return_earliest IS NULL OR expected_return_earliest >= started_on",
            name="injury_return_after_start",
        ),
        sa.CheckConstraint(
            "expected_return_latest IS NULL OR expected_return_earliest IS NULL OR expected_return_latest >= expected_return_earliest",
            name="injury_return_window",
        ),
        sa.CheckConstraint("length(trim(kind)) > 0", name="injury_kind_not_empty"),
        sa.CheckConstraint(
            "returned_on IS NULL OR returned_on >= started_on", name="injury_returned_after_start"
        ),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("injury", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_injury_player_id"), ["player_id"], unique=False)

    op.create_table(
        "squad_membership",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("shirt_number", sa.Integer(), nullable=True),
        sa.Column("squad_role", sa.String(length=20), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("contract_start", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("annual_wage_cents", sa.BigInteger(), nullable=True),
        sa.Column("appearances", sa.Integer(), nullable=True),
        sa.Column("minutes_played", sa.Integer(), nullable=True),
        sa.Column("previous_club", sa.String(length=120), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("left_reason", sa.String(length=20), nullable=True),
        sa.CheckConstraint(
            "left_reason IS NULL OR left_reason IN ('transfer', 'loan_out', 'released', 'contract_expired', 'retired', 'other')",
            name="membership_leave_reason",
        ),
        sa.CheckConstraint("squad_role IN ('first_team', 'academy', 'loan_in')", name="membership_role"),
        sa.CheckConstraint("(left_on IS NULL) = (left_reason IS NULL)", name="membership_leave_dated"),
        sa.CheckConstraint("annual_wage_cents IS NULL OR annual_wage_cents >= 0", name="membership_wage"),
        sa.CheckConstraint("appearances IS NULL OR appearances >= 0", name="membership_appearances"),
        sa.CheckConstraint(
            "contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start",
            name="membership_contract_order",
        ),
        sa.CheckConstraint("minutes_played IS NULL OR minutes_played >= 0", name="membership_minutes"),
        sa.CheckConstraint(
            "shirt_number IS NULL OR shirt_number BETWEEN 1 AND 99", name="membership_shirt_range"
        ),
        sa.ForeignKeyConstraint(["club_id"], ["club.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["season_id"], ["season.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("player_id", "club_id", "season_id", name="membership_once_per_season"),
    )
    with op.batch_alter_table("squad_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_squad_membership_club_id"), ["club_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_squad_membership_player_id"), ["player_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_squad_membership_season_id"), ["season_id"], unique=False)
        batch_op.create_index(
            "membership_shirt_unique",
            ["club_id", "season_id", "shirt_number"],
            unique=True,
            sqlite_where=sa.text("left_on IS NULL AND shirt_number IS NOT NULL"),
            postgresql_where=sa.text("left_on IS NULL AND shirt_number IS NOT NULL"),
        )


def downgrade() -> None:

    with op.batch_alter_table("squad_membership", schema=None) as batch_op:
        batch_op.drop_index(
            "membership_shirt_unique",
            sqlite_where=sa.text("left_on IS NULL AND shirt_number IS NOT NULL"),
            postgresql_where=sa.text("left_on IS NULL AND shirt_number IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_squad_membership_season_id"))
        batch_op.drop_index(batch_op.f("ix_squad_membership_player_id"))
        batch_op.drop_index(batch_op.f("ix_squad_membership_club_id"))

    op.drop_table("squad_membership")
    with op.batch_alter_table("injury", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_injury_player_id"))

    op.drop_table("injury")
    with op.batch_alter_table("fixture", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fixture_season_id"))
        batch_op.drop_index(batch_op.f("ix_fixture_kickoff_utc"))
        batch_op.drop_index(batch_op.f("ix_fixture_competition_id"))

    op.drop_table("fixture")
    with op.batch_alter_table("club_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_club_alias_club_id"))

    op.drop_table("club_alias")
    op.drop_table("setting")
    op.drop_table("season")
    with op.batch_alter_table("player", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_player_name"))

    op.drop_table("player")
    op.drop_table("competition")
    op.drop_table("club")
