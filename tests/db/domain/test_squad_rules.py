"""Pure domain rules: planning date, age, EU status, contract warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.domain.planning import parse_as_of, resolve_as_of
from db.domain.squad_rules import age_on, contract_expiring, counts_as_eu, months_until
from db.errors import ValidationError

MAY_2 = dt.date(2025, 5, 2)


def test_planning_date_order_of_precedence() -> None:
    cli, user, pinned, today = dt.date(2025, 1, 1), dt.date(2025, 2, 1), MAY_2, dt.date(2026, 11, 24)
    assert resolve_as_of(cli, user, pinned, today) == cli
    assert resolve_as_of(None, user, pinned, today) == user
    assert resolve_as_of(None, None, pinned, today) == pinned
    assert resolve_as_of(None, None, None, today) == today


def test_bad_planning_date_names_the_option() -> None:
    with pytest.raises(ValidationError) as info:
        parse_as_of("2025-13-01")
    assert info.value.field == "as_of" and "--as-of" in info.value.message


def test_age_on_the_planning_date() -> None:
    assert age_on(MAY_2, dt.date(1985, 9, 9)) == 39  # Modric turns 40 in September
    assert age_on(MAY_2, dt.date(2003, 6, 29)) == 21  # Bellingham
    assert age_on(dt.date(2025, 6, 29), dt.date(2003, 6, 29)) == 22
    assert age_on(MAY_2, None, 1999) == 26
    assert age_on(MAY_2, None, None) is None


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2020, 12, 31)), st.integers(0, 20000))
def test_age_never_decreases_and_moves_once_a_year(born: dt.date, days: int) -> None:
    day = born + dt.timedelta(days=days)
    later = day + dt.timedelta(days=1)
    assert 0 <= age_on(later, born) - age_on(day, born) <= 1
    assert age_on(day, born) == (day.year - born.year) - ((day.month, day.day) < (born.month, born.day))


def test_eu_status() -> None:
    assert counts_as_eu("ENG", None) is False  # Bellingham since Brexit
    assert counts_as_eu("BRA,ESP", None) is True  # Vinícius with a Spanish passport
    assert counts_as_eu("UKR", True) is True  # the club's explicit record wins (Lunin)
    assert counts_as_eu("BRA", None) is False  # Endrick
    assert counts_as_eu("", None) is None


def test_contract_warning_within_twelve_months() -> None:
    assert contract_expiring(dt.date(2025, 6, 30), MAY_2)  # Modric
    assert contract_expiring(dt.date(2026, 5, 2), MAY_2)
    assert not contract_expiring(dt.date(2026, 5, 3), MAY_2)
    assert not contract_expiring(None, MAY_2)
    assert months_until(MAY_2, dt.date(2025, 6, 30)) == 1
    assert months_until(dt.date(2025, 1, 31), dt.date(2025, 2, 28)) == 0
