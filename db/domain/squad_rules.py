"""Rules about squad members: ranges, shirt numbers, contracts, leaving, EU places, the same person.

Each rule has its one home here; the data layer enforces it and the screens take their ranges and
messages from here. Pure Python over plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from db.errors import ValidationError
from db.i18n import tr

# LaLiga counts EU/EEA citizens (and Swiss) as EU players. Football codes, not ISO: England,
# Scotland, Wales and Northern Ireland are separate and, since Brexit, non-EU.
EU_CODES = frozenset(
    ["AUT", "BEL", "BUL", "CRO", "CYP", "CZE", "DEN", "EST", "FIN", "FRA", "GER", "GRE", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NED", "POL", "POR", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR", "SUI"]
)
CONTRACT_WARNING_MONTHS = 12

# The ranges a value must fall in (database CHECKs, validation and the editors' limits).
SHIRT_NUMBERS = (1, 99)
HEIGHT_CM = (120, 230)
APPEARANCES = (0, 200)
MINUTES = (0, 20000)
BIRTH_YEARS = (1900, 2100)


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


def check_shirt_not_worn(shirt: int | None, wearers: Iterable[tuple[int | None, str]]) -> None:
    """Refuse a shirt number one of ``wearers`` (shirt number, name: the other current squad
    members) already wears."""
    if shirt is None:
        return
    for number, name in wearers:
        if number == shirt:
            raise ValidationError(
                "shirt_number", "duplicate", tr("Shirt number {n} is already worn by {p}", n=shirt, p=name)
            )


def check_contract_order(start: dt.date | None, end: dt.date | None) -> None:
    """A contract cannot end before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            "contract_end",
            "before_start",
            tr("Contract end {e} is before contract start {s}", e=end.isoformat(), s=start.isoformat()),
        )


def check_leaving(left_on: dt.date | None, reason: str | None, joined: dt.date | None) -> None:
    """Leaving is dated and explained together, and never before joining."""
    if (left_on is None) != (reason is None):
        raise ValidationError("left_reason", "incomplete", tr("Leaving needs both a date and a reason"))
    if joined is not None and left_on is not None and left_on < joined:
        raise ValidationError(
            "left_on", "before_joining",
            tr("Left on {l} is before joining on {j}", l=left_on.isoformat(), j=joined.isoformat()),
        )


@dataclass(frozen=True, slots=True)
class PersonKey:
    """What tells two player records apart: the folded name and the birth date or year."""

    folded_name: str
    date_of_birth: dt.date | None
    birth_year: int | None

    @property
    def year(self) -> int | None:
        """The birth year, from the date when known."""
        return self.date_of_birth.year if self.date_of_birth else self.birth_year


def same_person(a: PersonKey, b: PersonKey) -> bool | None:
    """Whether two records are one person: True, False, or None when only the birth years agree.

    Full birth dates decide alone. Where either side knows only the year, equal years make a
    *possible* match (None): the caller decides with what else it knows (a namesake already in
    another squad is not the same man).
    """
    if a.folded_name != b.folded_name:
        return False
    if a.date_of_birth is not None and b.date_of_birth is not None:
        return a.date_of_birth == b.date_of_birth
    if a.year is not None and a.year == b.year:
        return None
    return False
