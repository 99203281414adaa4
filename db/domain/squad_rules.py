"""Rules about a squad member on a planning date: age, EU status, contract countdown. Pure Python."""

from __future__ import annotations

import datetime as dt

# LaLiga counts EU/EEA citizens (and Swiss) as EU players. Football codes, not ISO: England,
# Scotland, Wales and Northern Ireland are separate and, since Brexit, non-EU.
EU_CODES = frozenset(
    ["AUT", "BEL", "BUL", "CRO", "CYP", "CZE", "DEN", "EST", "FIN", "FRA", "GER", "GRE", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NED", "POL", "POR", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR", "SUI"]
)
CONTRACT_WARNING_MONTHS = 12


def age_on(day: dt.date, date_of_birth: dt.date | None, birth_year: int | None = None) -> int | None:
    """Age in whole years on ``day``; from the birth year alone it is the age reached that year."""
    if date_of_birth is not None:
        before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
        return day.year - date_of_birth.year - int(before_birthday)
    if birth_year is not None:
        return day.year - birth_year
    return None


def counts_as_eu(nationalities: str, override: bool | None) -> bool | None:
    """Whether a player fills an EU place: the club's explicit record wins, else any EU passport."""
    if override is not None:
        return override
    codes = [c for c in nationalities.split(",") if c]
    if not codes:
        return None
    return any(code in EU_CODES for code in codes)


def months_until(day: dt.date, end: dt.date) -> int:
    """Whole months from ``day`` until ``end`` (negative once it has passed)."""
    months = (end.year - day.year) * 12 + (end.month - day.month)
    if end.day < day.day:
        months -= 1
    return months


def contract_expiring(contract_end: dt.date | None, day: dt.date, months: int = CONTRACT_WARNING_MONTHS) -> bool:
    """A contract that ends within ``months`` of the planning date (or has ended) needs attention."""
    if contract_end is None:
        return False
    return contract_end <= _add_months(day, months)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
