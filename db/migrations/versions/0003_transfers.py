"""transfers: deals (the shortlist's targets among them) with instalments and add-ons, scenarios,
season budgets, contract clauses

Revision ID: 0003_transfers
Revises: 0002_availability

Self-contained: it only adds tables, so it can follow any revision that has player, club,
season and squad_membership.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_transfers"
down_revision = "0002_availability"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
    ]


def _pct(column: str) -> str:
    return f"{column} IS NULL OR {column} BETWEEN 0 AND 100"


def _not_negative(column: str) -> str:
    return f"{column} IS NULL OR {column} >= 0"


def upgrade() -> None:
    op.create_table(
        "deal",
        *_versioned(),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("deal_date", sa.Date(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate_ppm", sa.BigInteger(), nullable=True),
        sa.Column("fee_cents", sa.BigInteger(), nullable=True),
        sa.Column("asking_fee_cents", sa.BigInteger(), nullable=True),
        sa.Column("valuation_cents", sa.BigInteger(), nullable=True),
        sa.Column("annual_wage_cents", sa.BigInteger(), nullable=True),
        sa.Column("wage_share_pct", sa.Integer(), nullable=True),
        sa.Column("sell_on_pct", sa.Integer(), nullable=True),
        sa.Column("replaces_player_id", sa.Integer(), nullable=True),
        sa.Column("membership_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(length=4000), nullable=True),
        sa.CheckConstraint("kind IN ('purchase', 'sale', 'loan_in', 'loan_out', 'renewal')", name="deal_kind"),
        sa.CheckConstraint("status IN ('scouting', 'bid', 'agreed', 'signed', 'dropped')", name="deal_status"),
        sa.CheckConstraint("priority IS NULL OR priority BETWEEN 1 AND 3", name="deal_priority"),
        sa.CheckConstraint("contract_end IS NULL OR contract_end >= starts_on", name="deal_contract_order"),
        sa.CheckConstraint("starts_on >= deal_date", name="deal_moves_after_deal"),
        sa.CheckConstraint("rate_ppm IS NULL OR rate_ppm > 0", name="deal_rate"),
        sa.CheckConstraint(_not_negative("fee_cents"), name="deal_fee"),
        sa.CheckConstraint(_not_negative("asking_fee_cents"), name="deal_asking_fee"),
        sa.CheckConstraint(_not_negative("valuation_cents"), name="deal_valuation"),
        sa.CheckConstraint(_not_negative("annual_wage_cents"), name="deal_wage"),
        sa.CheckConstraint(_pct("wage_share_pct"), name="deal_wage_share"),
        sa.CheckConstraint(_pct("sell_on_pct"), name="deal_sell_on"),
        sa.ForeignKeyConstraint(["player_id"], ["player.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["club_id"], ["club.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["replaces_player_id"], ["player.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["membership_id"], ["squad_membership.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("player_id", "kind", "starts_on", name="deal_once_per_player_day"),
    )
    op.create_index("ix_deal_player_id", "deal", ["player_id"])
    op.create_table(
        "deal_instalment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name="instalment_amount"),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deal_instalment_deal_id", "deal_instalment", ["deal_id"])
    op.create_table(
        "deal_addon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("condition", sa.String(length=200), nullable=False),
        sa.Column("probability_pct", sa.Integer(), nullable=True),
        sa.CheckConstraint("amount_cents > 0", name="addon_amount"),
        sa.CheckConstraint("length(trim(condition)) > 0", name="addon_condition"),
        sa.CheckConstraint(_pct("probability_pct"), name="addon_probability"),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_deal_addon_deal_id", "deal_addon", ["deal_id"])
    op.create_table(
        "scenario",
        *_versioned(),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.String(length=400), nullable=True),
        sa.CheckConstraint("length(trim(name)) > 0", name="scenario_name_not_empty"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "scenario_deal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["scenario_id"], ["scenario.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scenario_id", "deal_id", name="scenario_deal_once"),
    )
    op.create_index("ix_scenario_deal_scenario_id", "scenario_deal", ["scenario_id"])
    op.create_index("ix_scenario_deal_deal_id", "scenario_deal", ["deal_id"])
    op.create_table(
        "season_budget",
        *_versioned(),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("transfer_budget_cents", sa.BigInteger(), nullable=True),
        sa.Column("wage_budget_cents", sa.BigInteger(), nullable=True),
        sa.Column("squad_cost_limit_cents", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(_not_negative("transfer_budget_cents"), name="budget_transfer"),
        sa.CheckConstraint(_not_negative("wage_budget_cents"), name="budget_wages"),
        sa.CheckConstraint(_not_negative("squad_cost_limit_cents"), name="budget_squad_cost"),
        sa.ForeignKeyConstraint(["season_id"], ["season.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("season_id"),
    )
    op.create_table(
        "contract_terms",
        *_versioned(),
        sa.Column("membership_id", sa.Integer(), nullable=False),
        sa.Column("release_clause_cents", sa.BigInteger(), nullable=True),
        sa.Column("release_clause_currency", sa.String(length=3), nullable=True),
        sa.Column("option_kind", sa.String(length=6), nullable=True),
        sa.Column("option_until", sa.Date(), nullable=True),
        sa.Column("option_exercised", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.String(length=400), nullable=True),
        sa.CheckConstraint(_not_negative("release_clause_cents"), name="terms_release_clause"),
        sa.CheckConstraint("option_kind IS NULL OR option_kind IN ('club', 'player')", name="terms_option_kind"),
        sa.CheckConstraint("(option_kind IS NULL) = (option_until IS NULL)", name="terms_option_dated"),
        sa.ForeignKeyConstraint(["membership_id"], ["squad_membership.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("membership_id"),
    )


def downgrade() -> None:
    raise NotImplementedError("Dugout does not downgrade; restore the backup taken before the upgrade")
