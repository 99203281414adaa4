"""The fee and wage budget of a season: what is committed, planned and coming in, what remains,
and the squad-cost limit. Pure arithmetic over ``DealTerms`` (integer cents, exact).

- **committed**: deals agreed or signed: their fee payments and wages that fall in the season;
- **planned**: deals still open (scouting or bid) that are ticked in the chosen scenario;
- **incoming**: sales and loans out, committed or in the scenario (fees received, wages saved);
- **remaining** = budget + incoming (only when the club lets sales feed the budgets) − committed − planned;
- a dropped deal counts nowhere, whatever scenario it is ticked in;
- a renewal or sale counted takes over from its start: the player's earlier contract (his squad
  contract, his purchase or an earlier renewal) pays no wage from then, and after a sale his
  purchase fee is no longer amortised. So a renewal's wage is counted once: the wage budget
  counts its whole new wage from its start as committed or planned (like any deal's), and the
  squad cost counts the old wage until then and the new one after, never both. A sale saves the
  wage his squad contract would have paid (its own wage figure only when no contract of his is
  known).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from db.domain.deals import (
    COMMITTED,
    OPEN,
    DealTerms,
    SeasonSpan,
    add_months,
    amortisation_in,
    annual_amortisation,
    cash_schedule,
    fee_in,
    wages_in,
)

TAKES_OVER = ("renewal", "sale")  # kinds that end the wage of the contract before them

COMMITTED_KIND, PLANNED_KIND = "committed", "planned"


def counted_as(terms: DealTerms, scenario: frozenset[int]) -> str | None:
    """"committed", "planned" or None: where a deal counts with this scenario ticked."""
    if terms.status in COMMITTED:
        return COMMITTED_KIND
    if terms.status in OPEN and terms.deal_id in scenario:
        return PLANNED_KIND
    return None


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One budget (fees or wages) for one season."""

    budget: int | None
    committed: int = 0
    planned: int = 0
    incoming: int = 0
    feeds: bool = True  # whether incoming money counts toward this budget

    @property
    def counted_incoming(self) -> int:
        """Incoming money as the budget counts it (none when sales do not feed the budgets)."""
        return self.incoming if self.feeds else 0

    @property
    def remaining(self) -> int | None:
        """Budget + counted incoming − committed − planned; None without a budget."""
        if self.budget is None:
            return None
        return self.budget + self.counted_incoming - self.committed - self.planned

    @property
    def over(self) -> bool:
        """Whether committed and planned spending go past the budget."""
        remaining = self.remaining
        return remaining is not None and remaining < 0


@dataclass(frozen=True, slots=True)
class SquadCost:
    """Wages plus amortised fees of a season against a squad-cost limit (LaLiga's LCPD)."""

    limit: int | None
    wages: int
    amortisation: int
    unspread: int = 0  # deals counted, moved by the season's end, with a fee but no contract end: not amortised

    @property
    def total(self) -> int:
        """Wages plus amortisation."""
        return self.wages + self.amortisation

    @property
    def headroom(self) -> int | None:
        """The limit less the total; None without a limit."""
        return None if self.limit is None else self.limit - self.total

    @property
    def over(self) -> bool:
        """Whether the total passes the limit."""
        return self.limit is not None and self.total > self.limit


@dataclass(frozen=True, slots=True)
class BudgetSettings:
    """What the club set for a season: the budgets, the squad-cost limit, and whether sales and
    loans out feed the budgets (their fees received the transfer budget, their wages saved the
    wage budget: one setting for both)."""

    transfer_budget: int | None = None
    wage_budget: int | None = None
    squad_cost_limit: int | None = None
    sales_feed: bool = True


@dataclass(frozen=True, slots=True)
class SquadContract:
    """A squad player's current contract as the budget counts it: his yearly wage, paid monthly
    from ``counts_from`` (the season's first day) until the contract ends."""

    player_id: int
    counts_from: dt.date
    ends_on: dt.date | None
    annual_wage_cents: int

    def terms(self, wages_until: dt.date | None = None) -> DealTerms:
        """The contract as a signed deal's terms (wages only)."""
        return DealTerms(0, "purchase", "signed", self.counts_from, self.ends_on,
                         annual_wage_cents=self.annual_wage_cents, player_id=self.player_id, wages_until=wages_until)


Takeover = tuple[dt.date, str, int]  # (start, kind, deal id) of a renewal or sale counted


def takeovers(deals: Iterable[DealTerms], scenario: frozenset[int]) -> dict[int, list[Takeover]]:
    """Per player, the renewals and sales counted with this scenario, in date order."""
    found: dict[int, list[Takeover]] = {}
    for terms in deals:
        if terms.kind in TAKES_OVER and terms.player_id is not None and counted_as(terms, scenario):
            found.setdefault(terms.player_id, []).append((terms.starts_on, terms.kind, terms.deal_id))
    for items in found.values():
        items.sort()
    return found


def _first(items: list[Takeover], after: dt.date | None, kinds: tuple[str, ...] = TAKES_OVER) -> Takeover | None:
    return next((t for t in items if t[1] in kinds and (after is None or t[0] > after)), None)


def counted_terms(deals: Iterable[DealTerms], scenario: frozenset[int]) -> list[tuple[DealTerms, str]]:
    """The deals counted with this scenario and where ("committed" or "planned"), each with the
    wage and amortisation a later renewal or sale of the same player stops."""
    deals = list(deals)
    overs = takeovers(deals, scenario)
    out = []
    for terms in deals:
        where = counted_as(terms, scenario)
        if where is None:
            continue
        items = overs.get(terms.player_id) if terms.player_id is not None and not terms.outbound else None
        if items:
            wage_stop, fee_stop = _first(items, terms.starts_on), _first(items, terms.starts_on, ("sale",))
            terms = replace(terms, wages_until=wage_stop[0] if wage_stop else None,
                            amortised_until=fee_stop[0] if fee_stop else None)
        out.append((terms, where))
    return out


@dataclass(frozen=True, slots=True)
class DealEffect:
    """What one deal does to one season: fee paid (or received), wages, amortisation."""

    fee: int
    wages: int
    amortisation: int


@dataclass(frozen=True, slots=True)
class SeasonBudget:
    """Fees, wages and squad cost of one season under one scenario."""

    season: SeasonSpan
    fees: BudgetLine
    wages: BudgetLine
    squad_cost: SquadCost
    effects: dict[int, DealEffect] = field(default_factory=dict)  # each counted deal's share


def season_budget(deals: Iterable[DealTerms], season: SeasonSpan, *, scenario: frozenset[int] = frozenset(),
                  settings: BudgetSettings = BudgetSettings(),  # noqa: B008
                  squad: Iterable[SquadContract] = ()) -> SeasonBudget:
    """Add up every deal's payments and wages falling in ``season``. ``squad`` are the contracts
    of the squad already under contract in the season, for the squad-cost limit."""
    deals = list(deals)
    counted = counted_terms(deals, scenario)
    overs = takeovers(deals, scenario)
    fees = {COMMITTED_KIND: 0, PLANNED_KIND: 0}
    wages = {COMMITTED_KIND: 0, PLANNED_KIND: 0}
    squad_wages, sold = _squad_wages(squad, overs, season)
    paid_by_deals = {t.player_id for t, _w in counted if not t.outbound and t.annual_wage_cents is not None}
    fees_in = wages_saved = off_cost = amortisation = unspread = 0
    effects: dict[int, DealEffect] = {}
    for terms, where in counted:
        fee, wage, spread = fee_in(terms, season), wages_in(terms, season), amortisation_in(terms, season)
        if terms.outbound:
            if terms.kind == "sale" and (terms.deal_id in sold or terms.player_id in paid_by_deals):
                wage = sold.get(terms.deal_id, 0)  # his contract's wage stops: nothing else to take off
            else:
                off_cost += wage
            fees_in += fee
            wages_saved += wage
            effects[terms.deal_id] = DealEffect(fee, wage, 0)
            continue
        fees[where] += fee
        wages[where] += wage
        amortisation += spread
        effects[terms.deal_id] = DealEffect(fee, wage, spread)
        if annual_amortisation(terms) is None and terms.starts_on <= season.ends_on:
            unspread += 1
    cost = SquadCost(settings.squad_cost_limit, squad_wages + wages[COMMITTED_KIND] + wages[PLANNED_KIND] - off_cost,
                     amortisation, unspread)
    return SeasonBudget(
        season,
        BudgetLine(settings.transfer_budget, fees[COMMITTED_KIND], fees[PLANNED_KIND], fees_in, settings.sales_feed),
        BudgetLine(settings.wage_budget, wages[COMMITTED_KIND], wages[PLANNED_KIND], wages_saved, settings.sales_feed),
        cost, effects,
    )


def _squad_wages(squad: Iterable[SquadContract], overs: dict[int, list[Takeover]], season: SeasonSpan
                 ) -> tuple[int, dict[int, int]]:
    """The squad contracts' wages in the season, each stopped by the player's first renewal or
    sale counted; and what each sale stopped (by deal id)."""
    total = 0
    sold: dict[int, int] = {}
    for contract in squad:
        stop = _first(overs.get(contract.player_id, []), None)
        paid = wages_in(contract.terms(stop[0] if stop else None), season)
        total += paid
        if stop is not None and stop[1] == "sale":
            sold[stop[2]] = sold.get(stop[2], 0) + wages_in(contract.terms(), season) - paid
    return total, sold


def deal_effect(terms: DealTerms, season: SeasonSpan) -> DealEffect:
    """One deal's share of a season's budget."""
    return DealEffect(fee_in(terms, season), wages_in(terms, season), amortisation_in(terms, season))


def cash_by_season(terms: DealTerms, seasons: Iterable[SeasonSpan]) -> list[tuple[SeasonSpan, int]]:
    """A deal's fee payments grouped by the season they fall in (seasons without any left out)."""
    out = []
    schedule = cash_schedule(terms)
    for season in seasons:
        total = sum(amount for day, amount in schedule if season.holds(day))
        if total:
            out.append((season, total))
    return out


def monthly_spending(deals: Iterable[DealTerms], season: SeasonSpan, scenario: frozenset[int]
                     ) -> list[tuple[dt.date, int, int]]:
    """Fee payments of the season month by month: (first of the month, committed, planned)."""
    months = [add_months(season.starts_on.replace(day=1), k) for k in range(12)]
    committed, planned = [0] * 12, [0] * 12
    for terms in deals:
        where = counted_as(terms, scenario)
        if where is None or terms.outbound:
            continue
        for day, amount in cash_schedule(terms):
            if season.holds(day):
                index = (day.year - months[0].year) * 12 + day.month - months[0].month
                if 0 <= index < 12:
                    (committed if where == COMMITTED_KIND else planned)[index] += amount
    return [(months[k], committed[k], planned[k]) for k in range(12)]


def non_eu_after(current: Iterable[tuple[str, bool | None]], signing: Iterable[tuple[str, bool | None]]
                 ) -> tuple[list[str], list[str], list[str]]:
    """Non-EU places: (who fills one now, who would take one among ``signing``, whose status is
    unknown among them). Each item is (name, counts as EU: True, False or None for unknown)."""
    now = [name for name, eu in current if eu is False]
    would = [name for name, eu in signing if eu is False]
    unknown = [name for name, eu in signing if eu is None]
    return now, would, unknown
