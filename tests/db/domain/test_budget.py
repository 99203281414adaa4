"""Budget arithmetic against brute force: payments and wages counted one by one, schedules that
add up to the fee, remaining by its formula with sales present, amortisation that spreads the
whole fee, and the seed case (committed when agreed, planned in a scenario, nowhere when dropped)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.domain.budget import BudgetSettings, counted_as, season_budget
from db.domain.deals import (
    DEAL_KINDS,
    DEAL_STATUSES,
    OUTBOUND,
    DealTerms,
    SeasonSpan,
    amortisation_in,
    annual_amortisation,
    cash_schedule,
    convert_parts,
    equal_instalments,
    next_window_season,
    rate_ppm_of,
    to_club_currency,
    wage_payments,
    wages_in,
)
from db.errors import ValidationError

SEASONS = [SeasonSpan(f"{y}/{(y + 1) % 100:02d}", dt.date(y, 7, 1), dt.date(y + 1, 6, 30)) for y in range(2022, 2034)]
S2526 = SEASONS[3]
days = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))
money = st.integers(min_value=1, max_value=10**11)


@st.composite
def deals(draw: st.DrawFn, deal_id: int = 0) -> DealTerms:
    starts = draw(days)
    amounts = draw(st.lists(money, max_size=5))
    dues = [starts + dt.timedelta(days=draw(st.integers(0, 1500))) for _ in amounts]
    fee = sum(amounts) if amounts else draw(st.one_of(st.none(), st.integers(0, 10**11)))
    end = draw(st.one_of(st.none(), st.integers(0, 3000).map(lambda n: starts + dt.timedelta(days=n))))
    return DealTerms(deal_id, draw(st.sampled_from(DEAL_KINDS)), draw(st.sampled_from(DEAL_STATUSES)), starts, end,
                     fee, draw(st.one_of(st.none(), st.integers(1, 5 * 10**6))), tuple(zip(dues, amounts, strict=True)),
                     draw(st.one_of(st.none(), st.integers(0, 5 * 10**9))),
                     draw(st.one_of(st.none(), st.integers(0, 100))))


@st.composite
def deal_lists(draw: st.DrawFn) -> list[DealTerms]:
    return [draw(deals(deal_id=i)) for i in range(draw(st.integers(0, 12)))]


def brute_force(terms: list[DealTerms], season: SeasonSpan, wanted: str, scenario: frozenset[int]) -> tuple[int, int]:
    """Fees and wages of the inbound deals counted as ``wanted``: every payment looked at alone."""
    fees = wages = 0
    for deal in terms:
        if deal.kind in OUTBOUND or counted_as(deal, scenario) != wanted:
            continue
        fees += sum(amount for day, amount in cash_schedule(deal) if season.starts_on <= day <= season.ends_on)
        wages += sum(amount for day, amount in wage_payments(deal, season.ends_on) if day >= season.starts_on)
    return fees, wages


@settings(max_examples=150, deadline=None)
@given(deal_lists(), st.sampled_from(SEASONS[1:7]), st.sets(st.integers(0, 12)))
def test_committed_and_planned_are_the_payments_and_wages_inside_the_season(terms, season, ticked) -> None:
    scenario = frozenset(ticked)
    result = season_budget(terms, season, scenario=scenario)
    assert (result.fees.committed, result.wages.committed) == brute_force(terms, season, "committed", scenario)
    assert (result.fees.planned, result.wages.planned) == brute_force(terms, season, "planned", scenario)


@settings(max_examples=150, deadline=None)
@given(deals())
def test_a_schedule_adds_up_to_the_fee_in_the_clubs_currency_to_the_cent(deal) -> None:
    paid = sum(amount for _day, amount in cash_schedule(deal))
    assert paid == (to_club_currency(deal.fee_cents, deal.rate_ppm) if deal.fee_cents else 0)
    assert sum(fee for s in SEASONS for fee in [sum(a for d, a in cash_schedule(deal) if s.holds(d))]) == paid


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**12), max_size=8), st.integers(1, 10**8), st.integers(1, 10**12), st.integers(1, 40),
       days)
def test_converted_parts_and_equal_instalments_keep_the_whole(parts, rate, fee, count, first) -> None:
    assert sum(convert_parts(parts, rate)) == to_club_currency(sum(parts), rate)
    split = equal_instalments(fee, count, first)
    assert sum(amount for _d, amount in split) == fee and len(split) == count
    assert max(a for _d, a in split) - min(a for _d, a in split) <= 1


@settings(max_examples=150, deadline=None)
@given(deals())
def test_amortisation_spreads_the_whole_fee_over_at_most_five_years(deal) -> None:
    spread = sum(amortisation_in(deal, season) for season in SEASONS)
    if deal.kind in OUTBOUND or not deal.fee_cents or deal.contract_end is None:
        assert spread == 0
    elif SEASONS[0].starts_on <= deal.starts_on:
        assert spread == to_club_currency(deal.fee_cents, deal.rate_ppm)
        assert sum(1 for s in SEASONS if amortisation_in(deal, s)) <= 6  # five years, across six seasons at most


@settings(max_examples=150, deadline=None)
@given(deal_lists(), st.sets(st.integers(0, 12)), st.one_of(st.none(), st.integers(0, 10**12)),
       st.one_of(st.none(), st.integers(0, 10**11)), st.booleans())
def test_remaining_is_budget_plus_counted_sales_less_committed_and_planned(terms, ticked, budget, wage_budget,
                                                                          feeds) -> None:
    scenario = frozenset(ticked)
    result = season_budget(terms, S2526, scenario=scenario,
                           settings=BudgetSettings(budget, wage_budget, None, feeds))
    sales = sum(sum(a for d, a in cash_schedule(t) if S2526.holds(d)) for t in terms
                if t.kind in OUTBOUND and counted_as(t, scenario))
    assert result.fees.incoming == sales
    for line, total in ((result.fees, budget), (result.wages, wage_budget)):
        if total is None:
            assert line.remaining is None and not line.over
        else:
            expected = total + (line.incoming if feeds else 0) - line.committed - line.planned
            assert line.remaining == expected and line.over == (expected < 0)


MAC_ALLISTER = DealTerms(7, "purchase", "scouting", dt.date(2025, 7, 1), dt.date(2030, 6, 30), 9_000_000_000,
                         annual_wage_cents=1_500_000_000)


@pytest.mark.parametrize(("status", "ticked", "committed", "planned"), [
    ("agreed", False, 9_000_000_000, 0),
    ("signed", True, 9_000_000_000, 0),
    ("scouting", True, 0, 9_000_000_000),
    ("bid", True, 0, 9_000_000_000),
    ("scouting", False, 0, 0),
    ("dropped", True, 0, 0),
])
def test_seed_case_mac_allister(status: str, ticked: bool, committed: int, planned: int) -> None:
    deal = DealTerms(**{**{f: getattr(MAC_ALLISTER, f) for f in MAC_ALLISTER.__slots__}, "status": status})
    result = season_budget([deal], S2526, scenario=frozenset({7} if ticked else set()),
                           settings=BudgetSettings(transfer_budget=20_000_000_000))
    assert (result.fees.committed, result.fees.planned) == (committed, planned)
    assert result.wages.committed + result.wages.planned == (1_500_000_000 if committed or planned else 0)
    assert result.fees.remaining == 20_000_000_000 - committed - planned
    assert annual_amortisation(deal) == 1_800_000_000 and amortisation_in(deal, S2526) == (
        1_800_000_000 if committed or planned else 1_800_000_000)


def test_a_fee_in_pounds_counts_at_its_rate_and_a_wage_by_the_month() -> None:
    huijsen = DealTerms(1, "purchase", "agreed", dt.date(2025, 7, 1), dt.date(2030, 6, 30), 5_000_000_000,
                        rate_ppm_of("rate", "1.19", label="Rate"),
                        ((dt.date(2025, 7, 1), 1_666_666_667), (dt.date(2026, 7, 1), 1_666_666_667),
                         (dt.date(2027, 7, 1), 1_666_666_666)), annual_wage_cents=1_000_000_000)
    assert [a for _d, a in cash_schedule(huijsen)] == [1_983_333_334, 1_983_333_333, 1_983_333_333]
    assert sum(a for _d, a in cash_schedule(huijsen)) == 5_950_000_000
    assert wages_in(huijsen, S2526) == 1_190_000_000
    assert annual_amortisation(huijsen) == 1_190_000_000
    january = DealTerms(2, "loan_in", "agreed", dt.date(2026, 1, 15), dt.date(2026, 6, 30), 100_000,
                        annual_wage_cents=1_200_000, wage_share_pct=50)
    # 15 Jan–30 Jun: paid on the 15th of January to June, six times half of 100,000
    assert wages_in(january, S2526) == 300_000


@pytest.mark.parametrize(("day", "season"), [
    (dt.date(2025, 5, 2), "2025/26"), (dt.date(2025, 7, 15), "2025/26"), (dt.date(2025, 10, 1), "2025/26"),
    (dt.date(2026, 1, 20), "2025/26"), (dt.date(2026, 2, 10), "2026/27"), (dt.date(2026, 6, 30), "2026/27"),
])
def test_the_next_transfer_window_decides_the_default_season(day: dt.date, season: str) -> None:
    assert next_window_season(day) == season


@pytest.mark.parametrize(("value", "code"), [("abc", "not_a_rate"), ("-1.2", "not_positive"), ("0", "not_positive"),
                                              ("1.1234567", "too_precise"), (True, "not_a_rate")])
def test_a_bad_rate_is_refused_by_name(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        rate_ppm_of("rate_ppm", value, label="Exchange rate")
    assert (refused.value.field, refused.value.code) == ("rate_ppm", code)


def test_a_fee_without_contract_end_is_unspread_only_once_the_deal_has_moved() -> None:
    """Told in the season he moves and after (its amortisation is unknown then), never before."""
    open_end = DealTerms(1, "purchase", "bid", dt.date(2025, 7, 1), None, 5_000_000_000)
    assert season_budget([open_end], SEASONS[2], scenario=frozenset({1})).squad_cost.unspread == 0
    assert season_budget([open_end], S2526, scenario=frozenset({1})).squad_cost.unspread == 1
    assert season_budget([open_end], S2526).squad_cost.unspread == 0  # not ticked: not counted
