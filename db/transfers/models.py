"""Tables of the transfer area. Money is integer cents (``BigInteger``): a deal's amounts are in
the deal's own currency, converted at the rate it records (millionths of the club's currency)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.domain.deals import DEAL_KINDS, DEAL_STATUSES, OPTION_KINDS
from db.domain.vocab import sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


def _pct(column: str) -> str:
    return f"{column} IS NULL OR {column} BETWEEN 0 AND 100"


class Deal(Versioned, table=True):
    """A purchase, sale, loan in or out, or renewal, and where it stands in the pipeline.

    A purchase or loan in is a target of the shortlist: ``club_id`` is the club he plays for,
    ``replaces_player_id`` the squad player he would replace. ``starts_on`` is the day he moves (or
    the renewed contract starts); ``deal_date`` the day the terms were set, whose exchange rate
    ``rate_ppm`` holds for a deal in another ``currency``. Signing makes ``membership_id``.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    player_id: int = Field(foreign_key="player.id", ondelete="RESTRICT", index=True)
    club_id: int | None = Field(default=None, foreign_key="club.id", ondelete="RESTRICT")
    status: str = Field(default="scouting", max_length=10)
    priority: int | None = None
    deal_date: dt.date
    starts_on: dt.date
    contract_end: dt.date | None = None
    currency: str = Field(max_length=3)
    rate_ppm: int | None = Field(default=None, sa_type=BigInteger)
    fee_cents: int | None = Field(default=None, sa_type=BigInteger)
    asking_fee_cents: int | None = Field(default=None, sa_type=BigInteger)
    valuation_cents: int | None = Field(default=None, sa_type=BigInteger)
    annual_wage_cents: int | None = Field(default=None, sa_type=BigInteger)
    wage_share_pct: int | None = None
    sell_on_pct: int | None = None
    replaces_player_id: int | None = Field(default=None, foreign_key="player.id", ondelete="SET NULL")
    membership_id: int | None = Field(default=None, foreign_key="squad_membership.id", ondelete="SET NULL")
    notes: str | None = Field(default=None, max_length=4000)

    __table_args__ = (
        CheckConstraint(f"kind IN {sql_in(DEAL_KINDS)}", name="deal_kind"),
        CheckConstraint(f"status IN {sql_in(DEAL_STATUSES)}", name="deal_status"),
        CheckConstraint("priority IS NULL OR priority BETWEEN 1 AND 3", name="deal_priority"),
        CheckConstraint("contract_end IS NULL OR contract_end >= starts_on", name="deal_contract_order"),
        CheckConstraint("starts_on >= deal_date", name="deal_moves_after_deal"),
        CheckConstraint("rate_ppm IS NULL OR rate_ppm > 0", name="deal_rate"),
        CheckConstraint("fee_cents IS NULL OR fee_cents >= 0", name="deal_fee"),
        CheckConstraint("asking_fee_cents IS NULL OR asking_fee_cents >= 0", name="deal_asking_fee"),
        CheckConstraint("valuation_cents IS NULL OR valuation_cents >= 0", name="deal_valuation"),
        CheckConstraint("annual_wage_cents IS NULL OR annual_wage_cents >= 0", name="deal_wage"),
        CheckConstraint(_pct("wage_share_pct"), name="deal_wage_share"),
        CheckConstraint(_pct("sell_on_pct"), name="deal_sell_on"),
        UniqueConstraint("player_id", "kind", "starts_on", name="deal_once_per_player_day"),
    )


class DealInstalment(SQLModel, table=True):
    """One payment of a deal's fee: due date and amount in the deal's currency (part of the deal:
    changing the schedule changes the deal's version)."""

    __tablename__ = "deal_instalment"

    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id", ondelete="CASCADE", index=True)
    due_on: dt.date
    amount_cents: int = Field(sa_type=BigInteger)

    __table_args__ = (CheckConstraint("amount_cents > 0", name="instalment_amount"),)


class DealAddon(SQLModel, table=True):
    """A conditional payment on top of the fee: amount, condition, how likely (part of the deal)."""

    __tablename__ = "deal_addon"

    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id", ondelete="CASCADE", index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    condition: str = Field(max_length=200)
    probability_pct: int | None = None  # how likely the staff think it is (None: not estimated)

    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="addon_amount"),
        CheckConstraint("length(trim(condition)) > 0", name="addon_condition"),
        CheckConstraint(_pct("probability_pct"), name="addon_probability"),
    )


class Scenario(Versioned, table=True):
    """A named what-if: the open deals ticked into it count as planned."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    notes: str | None = Field(default=None, max_length=400)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="scenario_name_not_empty"),)


class ScenarioDeal(SQLModel, table=True):
    """A deal ticked into a scenario."""

    __tablename__ = "scenario_deal"

    id: int | None = Field(default=None, primary_key=True)
    scenario_id: int = Field(foreign_key="scenario.id", ondelete="CASCADE", index=True)
    deal_id: int = Field(foreign_key="deal.id", ondelete="CASCADE", index=True)

    __table_args__ = (UniqueConstraint("scenario_id", "deal_id", name="scenario_deal_once"),)


class SeasonBudget(Versioned, table=True):
    """What the club set for a season: transfer and wage budgets and the squad-cost limit (each
    may be unset: never guessed)."""

    __tablename__ = "season_budget"

    id: int | None = Field(default=None, primary_key=True)
    season_id: int = Field(foreign_key="season.id", ondelete="RESTRICT", unique=True)
    transfer_budget_cents: int | None = Field(default=None, sa_type=BigInteger)
    wage_budget_cents: int | None = Field(default=None, sa_type=BigInteger)
    squad_cost_limit_cents: int | None = Field(default=None, sa_type=BigInteger)
    notes: str | None = Field(default=None, max_length=2000)

    __table_args__ = (
        CheckConstraint("transfer_budget_cents IS NULL OR transfer_budget_cents >= 0", name="budget_transfer"),
        CheckConstraint("wage_budget_cents IS NULL OR wage_budget_cents >= 0", name="budget_wages"),
        CheckConstraint("squad_cost_limit_cents IS NULL OR squad_cost_limit_cents >= 0", name="budget_squad_cost"),
    )


class ContractTerms(Versioned, table=True):
    """Clauses of a contract (a squad membership): a release clause, a club's or player's option
    to extend it to a date and whether it was taken up."""

    __tablename__ = "contract_terms"

    id: int | None = Field(default=None, primary_key=True)
    membership_id: int = Field(foreign_key="squad_membership.id", ondelete="CASCADE", unique=True)
    release_clause_cents: int | None = Field(default=None, sa_type=BigInteger)
    release_clause_currency: str | None = Field(default=None, max_length=3)
    option_kind: str | None = Field(default=None, max_length=6)
    option_until: dt.date | None = None
    option_exercised: bool | None = None
    notes: str | None = Field(default=None, max_length=400)

    __table_args__ = (
        CheckConstraint("release_clause_cents IS NULL OR release_clause_cents >= 0", name="terms_release_clause"),
        CheckConstraint(f"option_kind IS NULL OR option_kind IN {sql_in(OPTION_KINDS)}", name="terms_option_kind"),
        CheckConstraint("(option_kind IS NULL) = (option_until IS NULL)", name="terms_option_dated"),
    )


_ON_SHORTLIST = tr_noop("That deal is already recorded for this player and day")
_SCENARIO_TAKEN = tr_noop("A scenario of that name already exists")
_TICKED = tr_noop("The deal is already in that scenario")
_BUDGET_SET = tr_noop("That season already has its budget")
_TERMS_SET = tr_noop("That contract already has its clauses")
describe_constraints({
    # SQLite names the columns of a UNIQUE constraint, PostgreSQL its name: both are listed.
    "deal.player_id, deal.kind, deal.starts_on": ("player_id", _ON_SHORTLIST),
    "deal_once_per_player_day": ("player_id", _ON_SHORTLIST),
    "scenario.name": ("name", _SCENARIO_TAKEN),
    "scenario_name_key": ("name", _SCENARIO_TAKEN),
    "scenario_deal.scenario_id, scenario_deal.deal_id": ("deal_id", _TICKED),
    "scenario_deal_once": ("deal_id", _TICKED),
    "season_budget.season_id": ("season_id", _BUDGET_SET),
    "season_budget_season_id_key": ("season_id", _BUDGET_SET),
    "contract_terms.membership_id": ("membership_id", _TERMS_SET),
    "contract_terms_membership_id_key": ("membership_id", _TERMS_SET),
    "deal_kind": ("kind", tr_noop("A deal is a purchase, sale, loan in, loan out or renewal")),
    "deal_status": ("status", tr_noop("That is not a deal status Dugout knows")),
    "deal_priority": ("priority", tr_noop("Priority is 1, 2 or 3")),
    "deal_contract_order": ("contract_end", tr_noop("The contract ends before it starts")),
    "deal_moves_after_deal": ("starts_on", tr_noop("The move is dated before the deal")),
    "deal_rate": ("rate_ppm", tr_noop("The exchange rate must be more than zero")),
    "deal_fee": ("fee_cents", tr_noop("The fee must not be negative")),
    "deal_asking_fee": ("asking_fee_cents", tr_noop("The asking fee must not be negative")),
    "deal_valuation": ("valuation_cents", tr_noop("Our valuation must not be negative")),
    "deal_wage": ("annual_wage_cents", tr_noop("The wage must not be negative")),
    "deal_wage_share": ("wage_share_pct", tr_noop("A wage share is between 0 and 100 %")),
    "deal_sell_on": ("sell_on_pct", tr_noop("A sell-on percentage is between 0 and 100 %")),
    "instalment_amount": ("instalments", tr_noop("Each instalment must be more than zero")),
    "addon_amount": ("addons", tr_noop("An add-on must be more than zero")),
    "addon_condition": ("addons", tr_noop("Say what an add-on depends on")),
    "addon_probability": ("addons", tr_noop("A probability is between 0 and 100 %")),
    "scenario_name_not_empty": ("name", tr_noop("The scenario needs a name")),
    "budget_transfer": ("transfer_budget_cents", tr_noop("The transfer budget must not be negative")),
    "budget_wages": ("wage_budget_cents", tr_noop("The wage budget must not be negative")),
    "budget_squad_cost": ("squad_cost_limit_cents", tr_noop("The squad-cost limit must not be negative")),
    "terms_release_clause": ("release_clause_cents", tr_noop("The release clause must not be negative")),
    "terms_option_kind": ("option_kind", tr_noop("An option is the club's or the player's")),
    "terms_option_dated": ("option_until", tr_noop("An option needs the date it extends the contract to")),
})
