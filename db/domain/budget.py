"""The fee and wage budget of a season: what is committed, planned and coming in, what remains,
and the squad-cost limit. Pure arithmetic over ``DealTerms`` (integer cents, exact).

- **committed**: deals agreed or signed: their fee payments and wages that fall in the season;
- **planned**: deals still open (scouting or bid) that are ticked in the chosen scenario;
- **incoming**: sales and loans out, committed or in the scenario (fees received, wages saved);
- **remaining** = budget + incoming (only where sales feed the budget) − committed − planned;
- a dropped deal counts nowhere, whatever scenario it is ticked in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

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
        """Incoming money as the budget counts it (none when sales do not feed the budget)."""
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
    unspread: int = 0  # deals with a fee but no contract end: their amortisation is unknown

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
class SeasonBudget:
    """Fees, wages and squad cost of one season under one scenario."""

    season: SeasonSpan
    fees: BudgetLine
    wages: BudgetLine
    squad_cost: SquadCost


@dataclass(frozen=True, slots=True)
class BudgetSettings:
    """What the club set for a season: the budgets, the squad-cost limit, whether sales feed it."""

    transfer_budget: int | None = None
    wage_budget: int | None = None
    squad_cost_limit: int | None = None
    sales_feed: bool = True


def season_budget(deals: Iterable[DealTerms], season: SeasonSpan, *, scenario: frozenset[int] = frozenset(),
                  settings: BudgetSettings = BudgetSettings(), squad_wages: int = 0) -> SeasonBudget:  # noqa: B008
    """Add up every deal's payments and wages falling in ``season``. ``squad_wages`` are the
    known wages of the squad already under contract in the season (for the squad-cost limit)."""
    fees = {COMMITTED_KIND: 0, PLANNED_KIND: 0}
    wages = {COMMITTED_KIND: 0, PLANNED_KIND: 0}
    fees_in = wages_saved = amortisation = unspread = 0
    for terms in deals:
        where = counted_as(terms, scenario)
        if where is None:
            continue
        fee, wage = fee_in(terms, season), wages_in(terms, season)
        if terms.outbound:
            fees_in += fee
            wages_saved += wage
            continue
        fees[where] += fee
        wages[where] += wage
        amortisation += amortisation_in(terms, season)
        if annual_amortisation(terms) is None:
            unspread += 1
    feeds = settings.sales_feed
    squad = SquadCost(settings.squad_cost_limit,
                      squad_wages + wages[COMMITTED_KIND] + wages[PLANNED_KIND] - wages_saved, amortisation, unspread)
    return SeasonBudget(
        season,
        BudgetLine(settings.transfer_budget, fees[COMMITTED_KIND], fees[PLANNED_KIND], fees_in, feeds),
        BudgetLine(settings.wage_budget, wages[COMMITTED_KIND], wages[PLANNED_KIND], wages_saved, feeds),
        squad,
    )


@dataclass(frozen=True, slots=True)
class DealEffect:
    """What one deal does to one season: fee paid (or received), wages, amortisation."""

    fee: int
    wages: int
    amortisation: int


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
