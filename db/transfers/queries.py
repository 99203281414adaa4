"""Reading the transfer area for the screens and the command line: the shortlist, a deal's
terms, the inputs of a season's budget, scenarios, contract watch and non-EU places. Plain
frozen rows, never live ORM objects."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.domain.budget import BudgetSettings, SquadContract
from db.domain.deals import INBOUND, OPEN, OUTBOUND, DealTerms, SeasonSpan, to_club_currency
from db.domain.squad_rules import age_on, contract_expiring, counts_as_eu, months_until
from db.reference.models import Club, Competition, Season
from db.squad.models import Player, SquadMembership
from db.squad.queries import squad_rows
from db.transfers.models import ContractTerms, Deal, DealInstalment, Scenario, ScenarioDeal, SeasonBudget
from db.transfers.plans import sales_feed_budget


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A deal as the shortlist shows it (a target, or a sale, loan out or renewal of one of ours);
    money in the club's currency, with the deal's own currency and rate beside for a fee agreed
    in another."""

    deal_id: int
    version: int
    kind: str
    status: str
    priority: int | None
    player_id: int
    name: str
    age: int | None
    position: str | None
    other_positions: tuple[str, ...]
    club: str
    nationalities: tuple[str, ...]
    is_eu: bool | None
    contract_end: dt.date | None  # at his club now
    market_value_cents: int | None
    asking_fee_cents: int | None
    valuation_cents: int | None
    fee_cents: int | None
    fee_in_currency: int | None
    currency: str
    rate_ppm: int | None
    annual_wage_cents: int | None
    contract_until: dt.date | None  # what we would offer
    starts_on: dt.date
    replaces_player_id: int | None
    replaces: str | None
    release_clause: tuple[int, str] | None
    notes: str | None


def _club_money(cents: int | None, rate_ppm: int | None) -> int | None:
    return None if cents is None else to_club_currency(cents, rate_ppm)


def current_contracts(session: Session, player_ids: Iterable[int]) -> dict[int, tuple[SquadMembership, str]]:
    """Each player's latest squad place not left (with its club's name)."""
    query = (select(SquadMembership, Club, Season).join(Club, col(Club.id) == col(SquadMembership.club_id))
             .join(Season, col(Season.id) == col(SquadMembership.season_id))
             .where(col(SquadMembership.player_id).in_(list(player_ids)), col(SquadMembership.left_on).is_(None)))
    found: dict[int, tuple[SquadMembership, str, dt.date]] = {}
    for membership, club, season in session.exec(query):
        best = found.get(membership.player_id)
        if best is None or season.starts_on > best[2]:
            found[membership.player_id] = (membership, club.name, season.starts_on)
    return {player: (m, name) for player, (m, name, _) in found.items()}


def shortlist(session: Session, *, as_of: dt.date, window: SeasonSpan | None = None,
              deal_ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None) -> list[TargetRow]:
    """Every deal, dropped ones included (the targets, and our players' sales, loans out and
    renewals): those moving in the ``window`` season when given, only ``deal_ids`` and ``kinds``
    when given."""
    query = select(Deal, Player).join(Player, col(Player.id) == col(Deal.player_id))
    if kinds is not None:
        query = query.where(col(Deal.kind).in_(sorted(kinds)))
    if window is not None:
        query = query.where(col(Deal.starts_on) >= window.starts_on, col(Deal.starts_on) <= window.ends_on)
    if deal_ids is not None:
        query = query.where(col(Deal.id).in_(list(deal_ids)))
    found = list(session.exec(query))
    contracts = current_contracts(session, {p.id for _d, p in found if p.id is not None})
    terms = {t.membership_id: t for t in session.exec(select(ContractTerms).where(
        col(ContractTerms.membership_id).in_([m.id for m, _c in contracts.values()])))}
    replaced = {p.id: p.name for p in session.exec(select(Player).where(
        col(Player.id).in_([d.replaces_player_id for d, _p in found if d.replaces_player_id])))}
    clubs = {c.id: c.short_name or c.name
             for c in session.exec(select(Club).where(col(Club.id).in_([d.club_id for d, _ in found])))}
    rows = []
    for deal, player in found:
        assert deal.id is not None and player.id is not None
        contract = contracts.get(player.id)
        clause = terms.get(contract[0].id or 0) if contract else None
        rate = deal.rate_ppm
        rows.append(TargetRow(
            deal.id, deal.version, deal.kind, deal.status, deal.priority, player.id, player.name,
            age_on(as_of, player.date_of_birth, player.birth_year), player.primary_position,
            tuple(p for p in player.secondary_positions.split(",") if p),
            (clubs.get(deal.club_id) if deal.club_id else None) or (contract[1] if contract else ""),
            tuple(c for c in player.nationalities.split(",") if c), counts_as_eu(player.nationalities, player.counts_as_eu),
            contract[0].contract_end if contract else None, player.market_value_cents,
            _club_money(deal.asking_fee_cents, rate), _club_money(deal.valuation_cents, rate),
            _club_money(deal.fee_cents, rate), deal.fee_cents, deal.currency, rate,
            _club_money(deal.annual_wage_cents, rate), deal.contract_end, deal.starts_on, deal.replaces_player_id,
            replaced.get(deal.replaces_player_id), (clause.release_clause_cents, clause.release_clause_currency or "")
            if clause and clause.release_clause_cents is not None else None, deal.notes))
    rows.sort(key=lambda r: (r.priority or 9, r.name))
    return rows


def deal_terms(session: Session, deal_ids: Iterable[int] | None = None) -> dict[int, DealTerms]:
    """Every deal's terms as the budget needs them (only ``deal_ids`` when given), in two queries."""
    deals = select(Deal)
    instalments = select(DealInstalment)
    if deal_ids is not None:
        wanted = list(deal_ids)
        deals = deals.where(col(Deal.id).in_(wanted))
        instalments = instalments.where(col(DealInstalment.deal_id).in_(wanted))
    schedule: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for instalment in session.exec(instalments):
        schedule[instalment.deal_id].append((instalment.due_on, instalment.amount_cents))
    out = {}
    for d in session.exec(deals):
        assert d.id is not None
        out[d.id] = DealTerms(d.id, d.kind, d.status, d.starts_on, d.contract_end, d.fee_cents, d.rate_ppm,
                              tuple(sorted(schedule.get(d.id, ()))), d.annual_wage_cents, d.wage_share_pct, d.player_id)
    return out


def seasons(session: Session) -> list[SeasonSpan]:
    """Every season, in order."""
    return [SeasonSpan(s.label, s.starts_on, s.ends_on)
            for s in session.exec(select(Season).order_by(col(Season.starts_on)))]


def season_id_of(session: Session, label: str) -> int | None:
    """The id of a season by its label."""
    return session.exec(select(Season.id).where(Season.label == label)).first()


@dataclass(frozen=True, slots=True)
class BudgetInputs:
    """What a season's budget needs besides the deals: the club's settings, and the contracts of
    the squad under contract then (``wages_known`` of ``squad_size`` players have a wage)."""

    settings: BudgetSettings
    contracts: tuple[SquadContract, ...]
    wages_known: int
    squad_size: int
    notes: str | None = None


def budget_inputs(session: Session, *, club_id: int, season_id: int, span: SeasonSpan) -> BudgetInputs:
    """Budgets, limit and sales setting of ``span``'s season, and the squad's contracts that run
    into it. A place a purchase or loan in made is counted by its deal; a place a signed sale or
    loan out ended still counts until the deal takes over (the budget stops it there)."""
    stored = session.exec(select(SeasonBudget).join(Season, col(Season.id) == col(SeasonBudget.season_id))
                          .where(Season.label == span.label)).first()
    settings = BudgetSettings(
        stored.transfer_budget_cents if stored else None, stored.wage_budget_cents if stored else None,
        stored.squad_cost_limit_cents if stored else None, sales_feed_budget(session))
    by_deals = {(kind, m) for kind, m in session.exec(select(Deal.kind, Deal.membership_id).where(
        col(Deal.membership_id).is_not(None)))}
    made = {m for kind, m in by_deals if kind in INBOUND}
    let_go = {m for kind, m in by_deals if kind in OUTBOUND}
    members = [m for m in session.exec(select(SquadMembership).where(
        SquadMembership.club_id == club_id, SquadMembership.season_id == season_id))
        if (m.left_on is None or m.id in let_go) and m.id not in made
        and (m.contract_end is None or m.contract_end >= span.starts_on)]
    contracts = tuple(SquadContract(m.player_id, span.starts_on, m.contract_end, m.annual_wage_cents)
                      for m in members if m.annual_wage_cents)
    return BudgetInputs(settings, contracts, sum(1 for m in members if m.annual_wage_cents is not None), len(members),
                        stored.notes if stored else None)


def latest_limit(session: Session, *, before: dt.date) -> tuple[str, int] | None:
    """The last squad-cost limit set for a season starting before ``before`` (label, cents)."""
    query = (select(Season.label, SeasonBudget.squad_cost_limit_cents)
             .join(Season, col(Season.id) == col(SeasonBudget.season_id))
             .where(col(SeasonBudget.squad_cost_limit_cents).is_not(None), col(Season.starts_on) < before)
             .order_by(col(Season.starts_on).desc()))
    found = session.exec(query).first()
    return (found[0], int(found[1])) if found is not None and found[1] is not None else None


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    """A scenario and the deals ticked into it."""

    scenario_id: int
    version: int
    name: str
    deal_ids: frozenset[int]


def scenarios(session: Session) -> list[ScenarioRow]:
    """Every scenario in the order they were made (the first is the default plan), with its ticked deals."""
    ticks: dict[int, set[int]] = defaultdict(set)
    for tick in session.exec(select(ScenarioDeal)):
        ticks[tick.scenario_id].add(tick.deal_id)
    return [ScenarioRow(s.id or 0, s.version, s.name, frozenset(ticks.get(s.id or 0, ())))
            for s in session.exec(select(Scenario).order_by(col(Scenario.id)))]


@dataclass(frozen=True, slots=True)
class WatchRow:
    """A squad player whose contract needs a decision: ending within 12 months, or with a clause."""

    player_id: int
    membership_id: int
    name: str
    position: str | None
    age: int | None
    contract_end: dt.date | None
    months_left: int | None
    expiring: bool
    release_clause: tuple[int, str] | None
    option: tuple[str, dt.date, bool | None] | None  # (club/player, until, exercised)
    replacements: tuple[str, ...]  # targets marked as his replacement
    candidates: tuple[str, ...]  # open targets at his position, not marked


def contract_watch(session: Session, *, club_id: int, season_id: int, as_of: dt.date) -> list[WatchRow]:
    """Contracts ending within 12 months of the planning date (then those with a clause), each
    with the targets marked to replace the player and others shortlisted at his position."""
    squad = squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)
    terms = {t.membership_id: t for t in session.exec(select(ContractTerms).where(
        col(ContractTerms.membership_id).in_([r.membership_id for r in squad])))}
    targets = [(d, p) for d, p in session.exec(select(Deal, Player).join(Player, col(Player.id) == col(Deal.player_id))
                                               .where(col(Deal.kind).in_(sorted(INBOUND))))
               if d.status != "dropped"]
    rows = []
    for row in squad:
        clause = terms.get(row.membership_id)
        expiring = contract_expiring(row.contract_end, as_of)
        if not expiring and clause is None:
            continue
        marked = tuple(p.name for d, p in targets if d.replaces_player_id == row.player_id)
        same = tuple(p.name for d, p in targets if d.replaces_player_id is None and d.status in OPEN | {"agreed"}
                     and row.primary_position and p.primary_position == row.primary_position) if expiring else ()
        rows.append(WatchRow(
            row.player_id, row.membership_id, row.name, row.primary_position, row.age, row.contract_end,
            months_until(as_of, row.contract_end) if row.contract_end else None, expiring,
            (clause.release_clause_cents, clause.release_clause_currency or "")
            if clause and clause.release_clause_cents is not None else None,
            (clause.option_kind, clause.option_until, clause.option_exercised)
            if clause and clause.option_kind and clause.option_until else None, marked, same))
    rows.sort(key=lambda r: (not r.expiring, r.contract_end or dt.date.max, r.name))
    return rows


@dataclass(frozen=True, slots=True)
class NonEuPlaces:
    """The league's non-EU limit, who fills a place, and what each open target would do."""

    limit: int | None
    competition: str | None
    holders: tuple[str, ...]
    unknown: tuple[str, ...]  # first-team players whose status is not recorded
    targets: tuple[tuple[int, str, bool | None], ...]  # (deal id, name, counts as EU)


def non_eu_places(session: Session, *, club_id: int, season_id: int, as_of: dt.date) -> NonEuPlaces:
    """Non-EU places of the first team against the league's limit (LaLiga: 3), and the targets'
    status: a target recorded as non-EU would take a place if signed."""
    league = next((c for c in session.exec(select(Competition).where(
        Competition.kind == "league", col(Competition.non_eu_limit).is_not(None)).order_by(col(Competition.id)))), None)
    squad = [r for r in squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)
             if r.squad_role in ("first_team", "loan_in")]
    targets = tuple((r.deal_id, r.name, r.is_eu) for r in shortlist(session, as_of=as_of, kinds=INBOUND)
                    if r.status in OPEN | {"agreed"})
    return NonEuPlaces(league.non_eu_limit if league else None, league.name if league else None,
                       tuple(r.name for r in squad if r.is_eu is False),
                       tuple(r.name for r in squad if r.is_eu is None), targets)
