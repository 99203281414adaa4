"""Writes on what the sporting director plans with: scenarios and their ticked deals, each
season's budgets, whether sales feed the budget, and a contract's clauses.

Each ``Database`` function is one user action in one transaction. Their undo writes compare and
swap: a value is put back only where the row still holds what this app left there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, select

from db.changes import CONTRACT_TERMS, SCENARIO, SCENARIO_DEAL, SEASON_BUDGET, SETTING
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.reference.models import Season
from db.reference.queries import get_setting
from db.reference.writes import set_setting
from db.restoring import Restorable, stale_row
from db.squad.models import SquadMembership
from db.transfers.models import ContractTerms, Deal, Scenario, ScenarioDeal, SeasonBudget
from db.transfers.validation import validate_budget_values, validate_scenario_values, validate_terms_values
from db.versioning import insert_checked, update_versioned

SALES_FEED = "sales_feed_transfer_budget"  # setting: "yes" (the default) or "no"
BUDGET_FIELDS = ("transfer_budget_cents", "wage_budget_cents", "squad_cost_limit_cents")
TERMS_FIELDS = ("release_clause_cents", "release_clause_currency", "option_kind", "option_until", "option_exercised")


# --- scenarios ------------------------------------------------------------------------------------
def create_scenario_in(session: Session, name: str, *, deal_ids: Iterable[int] = (), notes: str | None = None,
                       by: str, scenario_id: int | None = None) -> Scenario:
    """A named what-if with these deals ticked, inside the caller's transaction."""
    clean = validate_scenario_values({"name": name, "notes": notes})
    scenario = Scenario(id=scenario_id, updated_by=by, **clean)
    insert_checked(session, scenario)
    assert scenario.id is not None
    for deal_id in deal_ids:
        _tick(session, scenario.id, deal_id)
    return scenario


def create_scenario(database: Database, name: str, *, deal_ids: Iterable[int] = (), scenario_id: int | None = None,
                    by: str | None = None) -> int:
    """Start a scenario (``scenario_id`` brings back one an undo took away, under its id); its id."""
    with database.transaction() as session:
        if scenario_id is not None and session.get(Scenario, scenario_id) is not None:
            raise StaleEdit(SCENARIO, scenario_id, tr("Another row took its place since; not restored"))
        scenario = create_scenario_in(session, name, deal_ids=deal_ids, by=by or current_user(),
                                      scenario_id=scenario_id)
        assert scenario.id is not None
        return scenario.id


def scenario_snapshot(database: Database, scenario_id: int) -> dict[str, Any]:
    """A scenario's name, version and ticked deals (what undoing its removal brings back)."""
    with database.reading() as session:
        scenario = session.get(Scenario, scenario_id)
        if scenario is None:
            raise stale_row(SCENARIO, scenario_id)
        ticks = sorted(session.exec(select(ScenarioDeal.deal_id).where(ScenarioDeal.scenario_id == scenario_id)))
        return {"id": scenario_id, "name": scenario.name, "version": scenario.version, "deal_ids": ticks}


def remove_scenario(database: Database, scenario_id: int, *, expected: dict[str, Any]) -> None:
    """Delete a scenario (its ticks go with it) only if it is as ``expected`` (``scenario_snapshot``)."""
    with database.transaction() as session:
        scenario = session.get(Scenario, scenario_id, with_for_update=True)
        ticks = sorted(session.exec(select(ScenarioDeal.deal_id).where(ScenarioDeal.scenario_id == scenario_id)))
        if scenario is None or scenario.version != expected["version"] or ticks != expected["deal_ids"]:
            raise stale_row(SCENARIO, scenario_id)
        session.delete(scenario)


def _tick(session: Session, scenario_id: int, deal_id: int) -> None:
    if session.get(Deal, deal_id) is None:
        raise ValidationError("deal_id", "unknown", tr("No such deal (id {i})", i=deal_id))
    insert_checked(session, ScenarioDeal(scenario_id=scenario_id, deal_id=deal_id))


def set_ticked(database: Database, scenario_id: int, deal_id: int, ticked: bool) -> None:
    """Tick a deal into a scenario or take it out; refused when it already is so (someone else
    did it meanwhile)."""
    with database.transaction() as session:
        if session.get(Scenario, scenario_id, with_for_update=True) is None:
            raise stale_row(SCENARIO, scenario_id)
        row = session.exec(select(ScenarioDeal).where(ScenarioDeal.scenario_id == scenario_id,
                                                      ScenarioDeal.deal_id == deal_id)).first()
        if ticked and row is None:
            _tick(session, scenario_id, deal_id)
        elif not ticked and row is not None:
            session.delete(row)
        else:
            raise StaleEdit(SCENARIO_DEAL, deal_id, tr("Someone else changed this scenario since; reload and try again"))


# --- budgets and the sales setting ----------------------------------------------------------------
def sales_feed_budget(session: Session) -> bool:
    """Whether money from sales feeds the transfer budget (the club's setting; yes by default)."""
    return get_setting(session, SALES_FEED) != "no"


def set_sales_feed(database: Database, value: bool, *, expected: bool) -> None:
    """Change whether sales feed the budget, only if it still is ``expected``."""
    with database.transaction() as session:
        if sales_feed_budget(session) != expected:
            raise StaleEdit(SETTING, 0, tr("Someone else changed this setting since; reload and try again"))
        set_setting(session, SALES_FEED, "yes" if value else "no")


def budget_values(session: Session, season_id: int) -> dict[str, Any]:
    """A season's budgets and limit as stored (each None when unset, as for a season without a row)."""
    row = session.exec(select(SeasonBudget).where(SeasonBudget.season_id == season_id)).first()
    return {field: getattr(row, field) if row else None for field in BUDGET_FIELDS}


def set_budget_in(session: Session, season_id: int, changes: dict[str, Any], *, by: str,
                  expected: dict[str, Any] | None = None) -> None:
    """Set a season's budgets inside the caller's transaction (``expected``: only if it holds that)."""
    clean = validate_budget_values(changes)
    if session.get(Season, season_id) is None:
        raise ValidationError("season_id", "unknown", tr("No such season (id {i})", i=season_id))
    row = session.exec(select(SeasonBudget).where(SeasonBudget.season_id == season_id).with_for_update()).first()
    if expected is not None and any(budget_values(session, season_id)[k] != v for k, v in expected.items()):
        raise StaleEdit(SEASON_BUDGET, row.id if row and row.id else 0,
                        tr("Someone else changed this budget since; reload and try again"))
    if row is None:
        insert_checked(session, SeasonBudget(season_id=season_id, updated_by=by, **clean))
    elif clean:
        assert row.id is not None
        update_versioned(session, SeasonBudget, row.id, row.version, clean, by)


def set_budget(database: Database, season_id: int, changes: dict[str, Any], *,
               expected: dict[str, Any] | None = None, by: str | None = None) -> None:
    """Set a season's transfer and wage budgets or squad-cost limit (None: not set)."""
    with database.transaction() as session:
        set_budget_in(session, season_id, changes, by=by or current_user(), expected=expected)


# --- a contract's clauses -------------------------------------------------------------------------
def terms_values(session: Session, membership_id: int) -> dict[str, Any]:
    """A contract's clauses as stored (each None when there is none)."""
    row = session.exec(select(ContractTerms).where(ContractTerms.membership_id == membership_id)).first()
    return {field: getattr(row, field) if row else None for field in TERMS_FIELDS}


def set_terms_in(session: Session, membership_id: int, changes: dict[str, Any], *, by: str,
                 expected: dict[str, Any] | None = None) -> None:
    """Set a contract's release clause or option inside the caller's transaction."""
    clean = validate_terms_values(changes)
    if session.get(SquadMembership, membership_id) is None:
        raise ValidationError("membership_id", "unknown", tr("No such contract (id {i})", i=membership_id))
    merged = {**terms_values(session, membership_id), **clean}
    validate_terms_values({k: merged[k] for k in ("option_kind", "option_until")})
    if merged["release_clause_cents"] is not None and merged["release_clause_currency"] is None:
        raise ValidationError("release_clause_currency", "missing", tr("Say which currency the release clause is in"))
    row = session.exec(select(ContractTerms).where(ContractTerms.membership_id == membership_id)
                       .with_for_update()).first()
    if expected is not None and any(terms_values(session, membership_id)[k] != v for k, v in expected.items()):
        raise StaleEdit(CONTRACT_TERMS, row.id if row and row.id else 0,
                        tr("Someone else changed these clauses since; reload and try again"))
    if row is None:
        insert_checked(session, ContractTerms(membership_id=membership_id, updated_by=by, **clean))
    elif clean:
        assert row.id is not None
        update_versioned(session, ContractTerms, row.id, row.version, clean, by)


def set_terms(database: Database, membership_id: int, changes: dict[str, Any], *,
              expected: dict[str, Any] | None = None, by: str | None = None) -> None:
    """Set a contract's clauses (one user action)."""
    with database.transaction() as session:
        set_terms_in(session, membership_id, changes, by=by or current_user(), expected=expected)


# How undo and redo rename a scenario (see db.restoring).
SCENARIO_RESTORE = Restorable(Scenario, lambda values, _as_of: validate_scenario_values(values))
