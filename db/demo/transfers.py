"""The demo's transfer section: the targets of May 2025 with the bids Madrid was said to plan,
the deals already in the ledger (Endrick's), two what-if scenarios, the clauses the sources name
and the 2024/25 squad-cost limit. No transfer or wage budget was published, so none is set.

Each row is written once (matched on its natural key); an older demo file gains what it lacked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import select

from db.demo.state import DemoLoad, cents, date_or_none
from db.domain.deals import rate_ppm_of
from db.domain.text import fold
from db.errors import ValidationError
from db.i18n import tr, tr_noop
from db.reference.models import Season
from db.squad.models import SquadMembership
from db.transfers.models import Deal, Scenario, SeasonBudget
from db.transfers.plans import create_scenario_in, set_budget_in, set_terms_in, terms_values
from db.transfers.writes import create_deal_in

# Sections of the demo file with no table yet (none since the transfer tables exist).
PENDING_SECTIONS: tuple[str, ...] = ()


def pending_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The sections of a parsed demo file that no loader writes yet."""
    return {key: data[key] for key in PENDING_SECTIONS if key in data}


def load_transfers(load: DemoLoad) -> int:
    """Targets, ledger deals, scenarios, clauses and budgets; returns how many deals were added."""
    added = 0
    deal_ids: dict[str, int] = {}
    for entry in load.data.get("targets", []):
        deal_id, new = _target(load, entry)
        deal_ids[fold(entry["player"])] = deal_id
        added += new
    for entry in load.data.get("deals", []):
        deal_id, new = _ledger_deal(load, entry)
        deal_ids[fold(entry["player"])] = deal_id
        added += new
    for entry in load.data.get("scenarios", []):
        if load.session.exec(select(Scenario.id).where(Scenario.name == entry["name"])).first() is None:
            create_scenario_in(load.session, entry["name"], deal_ids=[deal_ids[fold(n)] for n in entry["deals"]],
                               notes=entry.get("notes"), by=load.by)
    for entry in load.data.get("finances", {}).get("budgets", []):
        _budget(load, entry)
    return added


def _player(load: DemoLoad, name: str) -> int:
    if fold(name) not in load.players:
        raise ValidationError("player", "unknown", tr("The demo names a player it does not list: {p}", p=name))
    return load.players[fold(name)]


def _season_start(load: DemoLoad, label: str) -> dt.date:
    season = load.session.exec(select(Season).where(Season.label == label)).one()
    return season.starts_on


def _existing(load: DemoLoad, player_id: int, kind: str, starts_on: dt.date) -> int | None:
    return load.session.exec(select(Deal.id).where(Deal.player_id == player_id, Deal.kind == kind,
                                                   Deal.starts_on == starts_on)).first()


def _money(entry: dict[str, Any], key: str) -> int | None:
    """A whole amount of the entry's currency as cents ("fee" or the older "fee_eur")."""
    return cents(key, entry.get(key))


def _target(load: DemoLoad, entry: dict[str, Any]) -> tuple[int, int]:
    player_id = _player(load, entry["player"])
    starts_on = _season_start(load, entry["season"])
    found = _existing(load, player_id, entry.get("kind", "purchase"), starts_on)
    if found is not None:
        return found, 0
    rate = rate_ppm_of("rate_ppm", entry.get("rate"), label=tr_noop("Exchange rate"))
    values = {
        "kind": entry.get("kind", "purchase"), "player_id": player_id, "club_id": load.club_id(entry["club"]),
        "status": entry.get("status", "scouting"), "priority": entry.get("priority"),
        "deal_date": load.as_of, "starts_on": starts_on, "currency": entry.get("currency", "EUR"), "rate_ppm": rate,
        "fee_cents": _money(entry, "planned_bid"), "asking_fee_cents": _money(entry, "asking_fee"),
        "valuation_cents": _money(entry, "valuation"),
        "replaces_player_id": _player(load, entry["replaces"]) if entry.get("replaces") else None,
        "notes": entry.get("notes"),
    }
    deal = create_deal_in(load.session, values, by=load.by)
    clause = entry.get("release_clause")
    if clause:
        _clauses(load, player_id, {"release_clause_cents": cents("release_clause", clause["amount"]),
                                   "release_clause_currency": clause["currency"]})
    assert deal.id is not None
    return deal.id, 1


def _ledger_deal(load: DemoLoad, entry: dict[str, Any]) -> tuple[int, int]:
    player_id = _player(load, entry["player"])
    starts_on = dt.date.fromisoformat(entry["starts_on"])
    found = _existing(load, player_id, entry["kind"], starts_on)
    if found is not None:
        return found, 0
    membership = _membership(load, player_id)
    values = {
        "kind": entry["kind"], "player_id": player_id, "club_id": load.club_id(entry["club"]),
        "status": entry["status"], "deal_date": date_or_none(entry["deal_date"]), "starts_on": starts_on,
        "contract_end": date_or_none(entry.get("contract_end")), "currency": entry.get("currency", "EUR"),
        "fee_cents": _money(entry, "fee"), "notes": entry.get("notes"),
        "membership_id": membership.id if membership and entry["status"] == "signed" else None,
    }
    addons = [{"amount_cents": cents("addons", a["amount"]), "condition": a["condition"],
               "probability_pct": a.get("probability")} for a in entry.get("addons", [])]
    deal = create_deal_in(load.session, values, addons=addons, by=load.by)
    option = entry.get("option")
    if option:
        _clauses(load, player_id, {"option_kind": option["kind"], "option_until": option["until"],
                                   "option_exercised": option.get("exercised")})
    assert deal.id is not None
    return deal.id, 1


def _membership(load: DemoLoad, player_id: int) -> SquadMembership | None:
    return load.session.exec(select(SquadMembership).where(
        SquadMembership.player_id == player_id, SquadMembership.season_id == load.current_season)).first()


def _clauses(load: DemoLoad, player_id: int, values: dict[str, Any]) -> None:
    membership = _membership(load, player_id)
    if membership is None or membership.id is None:
        return
    if any(v is not None for v in terms_values(load.session, membership.id).values()):
        return
    set_terms_in(load.session, membership.id, values, by=load.by)


def _budget(load: DemoLoad, entry: dict[str, Any]) -> None:
    season_id = load.seasons[entry["season"]]
    if load.session.exec(select(SeasonBudget.id).where(SeasonBudget.season_id == season_id)).first() is not None:
        return
    set_budget_in(load.session, season_id, {
        "transfer_budget_cents": cents("transfer_budget_eur", entry.get("transfer_budget_eur")),
        "wage_budget_cents": cents("wage_budget_eur", entry.get("wage_budget_eur")),
        "squad_cost_limit_cents": cents("squad_cost_limit_eur", entry.get("squad_cost_limit_eur")),
        "notes": entry.get("notes"),
    }, by=load.by)
