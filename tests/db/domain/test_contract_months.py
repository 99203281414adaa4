"""A contract's length in monthly payments (the dates start + k months on or before its last day),
what a renewal or a sale takes over from the contract before it, and dates at the calendar's end."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.domain.budget import SquadContract, season_budget
from db.domain.deals import (
    DealTerms,
    SeasonSpan,
    add_months,
    amortisation_in,
    annual_amortisation,
    contract_months,
    wage_payments,
    wages_in,
)

SEASONS = [SeasonSpan(f"{y}/{(y + 1) % 100:02d}", dt.date(y, 7, 1), dt.date(y + 1, 6, 30)) for y in range(1998, 2070)]
S2526, S2627 = SEASONS[27], SEASONS[28]
MILLION = 100_000_000


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31)), st.data())
def test_a_five_year_contract_pays_sixty_monthly_wages_and_spreads_its_fee_over_them(start, data) -> None:
    last_paid, first_beyond = add_months(start, 59), add_months(start, 60)
    end = last_paid + dt.timedelta(days=data.draw(st.integers(0, (first_beyond - last_paid).days - 1)))
    deal = DealTerms(1, "purchase", "signed", start, end, 60 * MILLION, annual_wage_cents=12 * MILLION)
    assert contract_months(start, end) == 60
    assert len(wage_payments(deal, end)) == 60
    assert sum(wages_in(deal, season) for season in SEASONS) == 5 * 12 * MILLION
    assert annual_amortisation(deal) == 12 * MILLION
    assert sum(amortisation_in(deal, season) for season in SEASONS) == 60 * MILLION


@pytest.mark.parametrize(("start", "end", "payments"), [
    (dt.date(2025, 7, 1), dt.date(2030, 6, 30), 60),
    (dt.date(2025, 7, 2), dt.date(2030, 6, 30), 60),  # was 59: a month's wage lost
    (dt.date(2025, 8, 31), dt.date(2030, 8, 30), 60),
    (dt.date(2025, 8, 31), dt.date(2030, 6, 30), 59),  # 30 Jun 2030 is still a payday (short month)
    (dt.date(2025, 8, 31), dt.date(2025, 8, 31), 1),
    (dt.date(2025, 1, 31), dt.date(2025, 2, 28), 2),
])
def test_payments_fall_on_the_contracts_day_or_the_months_last(start: dt.date, end: dt.date, payments: int) -> None:
    assert contract_months(start, end) == payments
    deal = DealTerms(1, "purchase", "signed", start, end, annual_wage_cents=12 * MILLION)
    days = [day for day, _amount in wage_payments(deal, end)]
    assert len(days) == payments and days[-1] <= end
    if start == dt.date(2025, 8, 31):
        assert days[:7] == [dt.date(2025, 8, 31), dt.date(2025, 9, 30), dt.date(2025, 10, 31), dt.date(2025, 11, 30),
                            dt.date(2025, 12, 31), dt.date(2026, 1, 31), dt.date(2026, 2, 28)][:payments]


def test_a_contract_to_the_end_of_the_calendar_does_not_overflow() -> None:
    """Data saved before dates were bounded must still add up instead of raising."""
    deal = DealTerms(1, "purchase", "signed", dt.date(2025, 7, 1), dt.date(9999, 12, 31), 60 * MILLION,
                     annual_wage_cents=12 * MILLION)
    assert contract_months(deal.starts_on, deal.contract_end) == (9999 - 2025) * 12 + 6
    assert wages_in(deal, S2526) == 12 * MILLION and amortisation_in(deal, S2526) == 12 * MILLION
    assert season_budget([deal], S2526).squad_cost.total == 24 * MILLION
    with pytest.raises(ValueError):
        add_months(dt.date(9999, 12, 31), 1)


# --- renewals and sales take over -----------------------------------------------------------------
MODRIC = 5
SQUAD = [SquadContract(MODRIC, S2526.starts_on, dt.date(2027, 6, 30), 12 * MILLION)]


def renewal(status: str = "agreed") -> DealTerms:
    return DealTerms(20, "renewal", status, dt.date(2026, 1, 1), dt.date(2030, 6, 30),
                     annual_wage_cents=24 * MILLION, player_id=MODRIC)


def test_a_renewal_replaces_the_current_wage_from_its_start() -> None:
    alone = season_budget([], S2526, squad=SQUAD)
    assert alone.squad_cost.wages == 12 * MILLION
    renewed = season_budget([renewal()], S2526, squad=SQUAD)
    # six months of the old 1m a month, then six of the new 2m: never both
    assert renewed.squad_cost.wages == 6 * MILLION + 12 * MILLION
    assert renewed.wages.committed == 12 * MILLION and renewed.effects[20].wages == 12 * MILLION
    assert season_budget([renewal()], S2627, squad=SQUAD).squad_cost.wages == 24 * MILLION
    # only when it counts: an open renewal not ticked leaves the old wage alone, ticked it takes over
    assert season_budget([renewal("bid")], S2526, squad=SQUAD).squad_cost.wages == 12 * MILLION
    ticked = season_budget([renewal("bid")], S2526, squad=SQUAD, scenario=frozenset({20}))
    assert ticked.squad_cost.wages == 18 * MILLION and ticked.wages.planned == 12 * MILLION


def test_a_renewal_ends_the_wage_of_the_purchase_that_brought_him() -> None:
    bought = DealTerms(10, "purchase", "signed", dt.date(2024, 7, 1), dt.date(2027, 6, 30), 36 * MILLION,
                       annual_wage_cents=12 * MILLION, player_id=MODRIC)
    result = season_budget([bought, renewal()], S2526)
    assert result.wages.committed == 6 * MILLION + 12 * MILLION
    assert result.squad_cost.amortisation == 12 * MILLION  # the fee is still his: still amortised


def test_after_a_sale_his_purchase_stops_its_wage_and_amortisation() -> None:
    bought = DealTerms(10, "purchase", "signed", dt.date(2024, 7, 1), dt.date(2029, 6, 30), 60 * MILLION,
                       annual_wage_cents=12 * MILLION, player_id=MODRIC)
    sale = DealTerms(30, "sale", "agreed", dt.date(2026, 1, 1), fee_cents=30 * MILLION,
                     annual_wage_cents=12 * MILLION, player_id=MODRIC)
    result = season_budget([bought, sale], S2526)
    assert (result.wages.committed, result.squad_cost.amortisation) == (6 * MILLION, 6 * MILLION)
    assert result.fees.incoming == 30 * MILLION
    assert result.wages.incoming == 0  # his wage stopped: nothing saved twice
    assert result.squad_cost.wages == 6 * MILLION
    later = season_budget([bought, sale], S2627)
    assert (later.wages.committed, later.squad_cost.amortisation, later.squad_cost.total) == (0, 0, 0)


def test_a_sale_of_a_squad_player_saves_what_his_contract_would_have_paid() -> None:
    sale = DealTerms(30, "sale", "agreed", dt.date(2026, 1, 1), fee_cents=30 * MILLION, player_id=MODRIC)
    result = season_budget([sale], S2526, squad=SQUAD)
    assert result.squad_cost.wages == 6 * MILLION
    assert result.wages.incoming == 6 * MILLION and result.effects[30].wages == 6 * MILLION
    stranger = DealTerms(31, "sale", "agreed", dt.date(2026, 1, 1), annual_wage_cents=12 * MILLION, player_id=99)
    unknown = season_budget([stranger], S2526, squad=SQUAD)  # no contract of his known: his own wage figure
    assert unknown.wages.incoming == 6 * MILLION and unknown.squad_cost.wages == 12 * MILLION - 6 * MILLION
