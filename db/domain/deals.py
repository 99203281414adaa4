"""Rules of a transfer deal: its kinds and pipeline, money in another currency, instalment
schedules, wages and amortisation per season, and the season of the next transfer window.

Pure Python over plain values (integer cents, dates); the date arithmetic is memoised, since
a club's deals share a few start days. Every sum is exact to the cent: a split
(a fee into instalments converted at a rate, a wage into months, a fee into amortisation charges)
rounds the running total, never each part, so the parts always add up to the whole.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from db.domain.squad_rules import months_until
from db.errors import ValidationError
from db.i18n import tr, translated

DEAL_KINDS: tuple[str, ...] = ("purchase", "sale", "loan_in", "loan_out", "renewal")
INBOUND: frozenset[str] = frozenset({"purchase", "loan_in"})  # targets: players of other clubs
OUTBOUND: frozenset[str] = frozenset({"sale", "loan_out"})  # money and wages coming back
DEAL_STATUSES: tuple[str, ...] = ("scouting", "bid", "agreed", "signed", "dropped")
PIPELINE: tuple[str, ...] = ("scouting", "bid", "agreed", "signed")
COMMITTED: frozenset[str] = frozenset({"agreed", "signed"})
OPEN: frozenset[str] = frozenset({"scouting", "bid"})
PRIORITIES: tuple[int, ...] = (1, 2, 3)  # 1 is the highest
OPTION_KINDS: tuple[str, ...] = ("club", "player")
AMORTISATION_MONTHS_MAX = 60  # UEFA: a fee is spread over the contract, at most five years
YEARS_AHEAD_MAX = 10  # a contract, a move or a payment further ahead than this is a typing slip
DATE_RANGE = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))  # any date of a deal (the dialog's editors too)
RATE_SCALE = 1_000_000  # exchange rates are stored as integer millionths
RATE_RANGE = (1, 10**12)  # 0.000001 … 1,000,000 units of the club's currency per unit
CURRENCY_CODES = ("EUR", "GBP", "USD", "CHF", "BRL", "ARS", "JPY", "SEK", "DKK", "NOK", "PLN", "TRY", "SAR")


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (both non-negative integers)."""
    return (2 * numerator + denominator) // (2 * denominator)


def to_club_currency(cents: int, rate_ppm: int | None) -> int:
    """An amount of the deal's currency in the club's (``rate_ppm`` None: the same currency)."""
    return cents if rate_ppm is None else half_up(cents * rate_ppm, RATE_SCALE)


def convert_parts(parts: Sequence[int], rate_ppm: int | None) -> list[int]:
    """Parts of a whole converted so that they add up to the converted whole, to the cent."""
    if rate_ppm is None:
        return list(parts)
    out, running, before = [], 0, 0
    for part in parts:
        running += part
        now = to_club_currency(running, rate_ppm)
        out.append(now - before)
        before = now
    return out


def rate_ppm_of(field: str, value: object, *, label: str) -> int | None:
    """An exchange rate ("1.19": club currency per unit of the deal's) as integer millionths."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "not_a_rate", tr("{label} must be a number such as 1.19", label=translated(label)))
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(field, "not_a_rate", tr("{label} must be a number such as 1.19, not '{v}'",
                                                      label=translated(label), v=value)) from None
    if not number.is_finite() or number <= 0:
        raise ValidationError(field, "not_positive", tr("{label} must be more than zero", label=translated(label)))
    ppm = number * RATE_SCALE
    if ppm != ppm.to_integral_value():
        raise ValidationError(field, "too_precise", tr("{label} has more than six decimals", label=translated(label)))
    if not RATE_RANGE[0] <= ppm <= RATE_RANGE[1]:
        raise ValidationError(field, "too_large", tr("{label} is implausibly large", label=translated(label)))
    return int(ppm)


def rate_text(rate_ppm: int) -> str:
    """A stored rate as people write it ("1.19")."""
    text = str(Decimal(rate_ppm) / RATE_SCALE)
    return text.rstrip("0").rstrip(".") if "." in text else text


def share(cents: int, percent: int | None) -> int:
    """``percent`` % of an amount (None: all of it)."""
    return cents if percent is None else half_up(cents * percent, 100)


# --- dates and months -----------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter); ValueError past
    the year 9999."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _before(starts_on: dt.date, k: int, day: dt.date) -> bool:
    """Whether the k-th monthly date falls before ``day`` (a date past the calendar does not)."""
    try:
        return add_months(starts_on, k) < day
    except ValueError:
        return False


@lru_cache(maxsize=65536)
def months_before(starts_on: dt.date, day: dt.date) -> int:
    """How many monthly dates (``starts_on`` + k months, k ≥ 0) fall before ``day``."""
    if day <= starts_on:
        return 0
    k = max(0, months_until(starts_on, day))
    while _before(starts_on, k, day):
        k += 1
    while k > 0 and not _before(starts_on, k - 1, day):
        k -= 1
    return k


@lru_cache(maxsize=65536)
def contract_months(starts_on: dt.date, ends_on: dt.date | None) -> int | None:
    """How many monthly payments a contract makes: the dates ``starts_on`` + k months (k ≥ 0) on
    or before its last day (at least 1, the first day's); None when it has no end. A contract
    from 1 Jul, or from 2 Jul, to 30 Jun five years later pays 60."""
    if ends_on is None:
        return None
    if ends_on <= starts_on:
        return 1
    before = months_before(starts_on, ends_on)
    try:
        return before + (add_months(starts_on, before) == ends_on)  # one more falls on the last day
    except ValueError:
        return before


def next_window_season(day: dt.date) -> str:
    """The season whose transfer window comes next after ``day`` (or is open on it): the summer
    window (July–August) opens a season, the winter one (January) falls in it; from February to
    June the next window is the coming summer's."""
    first = day.year if day.month >= 7 else day.year - 1
    if 2 <= day.month <= 6:
        first = day.year
    return f"{first}/{(first + 1) % 100:02d}"


@dataclass(frozen=True, slots=True)
class SeasonSpan:
    """A season's label and its first and last day."""

    label: str
    starts_on: dt.date
    ends_on: dt.date

    def holds(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the season."""
        return self.starts_on <= day <= self.ends_on


def seasons_covering(first: dt.date, last: dt.date) -> list[SeasonSpan]:
    """The July–June seasons from the one holding ``first`` to the one holding ``last``."""
    year = first.year if first.month >= 7 else first.year - 1
    out = []
    while dt.date(year, 7, 1) <= max(first, last):
        out.append(SeasonSpan(f"{year}/{(year + 1) % 100:02d}", dt.date(year, 7, 1), dt.date(year + 1, 6, 30)))
        year += 1
    return out


# --- a deal's money -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DealTerms:
    """What the budget needs of a deal, money in the deal's currency (``rate_ppm`` converts it).

    ``instalments`` are (due date, amount); without them the whole fee is due on ``starts_on``.
    ``wage_share_pct`` is, for a loan, the share of the wage the borrowing club pays.
    ``wages_until`` and ``amortised_until`` (set by the budget, never stored) stop the wage
    payments and the amortisation charges dated on or after them: a later renewal or sale of
    ``player_id`` takes over.
    """

    deal_id: int
    kind: str
    status: str
    starts_on: dt.date
    contract_end: dt.date | None = None
    fee_cents: int | None = None
    rate_ppm: int | None = None
    instalments: tuple[tuple[dt.date, int], ...] = ()
    annual_wage_cents: int | None = None
    wage_share_pct: int | None = None
    player_id: int | None = None
    wages_until: dt.date | None = None
    amortised_until: dt.date | None = None

    @property
    def outbound(self) -> bool:
        """A sale or a loan out: its money comes in."""
        return self.kind in OUTBOUND


def cash_schedule(terms: DealTerms) -> list[tuple[dt.date, int]]:
    """The fee's payments in the club's currency: the instalments, or the whole fee on the day
    the player moves; in date order, adding up exactly to the converted fee."""
    if terms.instalments:
        ordered = sorted(terms.instalments)
        amounts = convert_parts([amount for _day, amount in ordered], terms.rate_ppm)
        return [(day, amount) for (day, _), amount in zip(ordered, amounts, strict=True)]
    if terms.fee_cents:
        return [(terms.starts_on, to_club_currency(terms.fee_cents, terms.rate_ppm))]
    return []


def annual_wage(terms: DealTerms) -> int | None:
    """The yearly gross wage this deal costs (or, sold or loaned out, saves) in the club's currency."""
    if terms.annual_wage_cents is None:
        return None
    wage = to_club_currency(terms.annual_wage_cents, terms.rate_ppm)
    return share(wage, terms.wage_share_pct) if terms.kind in ("loan_in", "loan_out") else wage


def _wage_paid(annual: int, months: int) -> int:
    """The first ``months`` monthly payments of a yearly wage (each year adds up to the wage)."""
    years, rest = divmod(months, 12)
    return years * annual + half_up(annual * rest, 12)


def paid_months(terms: DealTerms) -> int | None:
    """How many monthly wages the deal pays: the contract's payment dates, none from
    ``wages_until`` on; None when neither ends it."""
    total = contract_months(terms.starts_on, terms.contract_end)
    if terms.wages_until is None:
        return total
    stop = months_before(terms.starts_on, terms.wages_until)
    return stop if total is None else min(total, stop)


def wage_payments(terms: DealTerms, until: dt.date) -> list[tuple[dt.date, int]]:
    """The monthly wage payments (on the contract's day each month) up to ``until``: what the
    budget counts, spelled out (tests compare the sums against them)."""
    annual = annual_wage(terms)
    if not annual:
        return []
    total = paid_months(terms)
    out, k = [], 0
    while total is None or k < total:
        day = add_months(terms.starts_on, k)
        if day > until:
            break
        out.append((day, _wage_paid(annual, k + 1) - _wage_paid(annual, k)))
        k += 1
    return out


def wages_in(terms: DealTerms, season: SeasonSpan) -> int:
    """The monthly wage payments of a deal that fall in ``season``."""
    annual = annual_wage(terms)
    if not annual:
        return 0
    total = paid_months(terms)
    first = months_before(terms.starts_on, season.starts_on)
    last = months_before(terms.starts_on, season.ends_on + dt.timedelta(days=1))
    if total is not None:
        first, last = min(first, total), min(last, total)
    return _wage_paid(annual, last) - _wage_paid(annual, first)


def fee_in(terms: DealTerms, season: SeasonSpan) -> int:
    """The fee's payments that fall in ``season``."""
    return sum(amount for day, amount in cash_schedule(terms) if season.holds(day))


def amortisation_months(terms: DealTerms) -> int | None:
    """Over how many months the fee is spread: the contract, at most five years (None: no end)."""
    months = contract_months(terms.starts_on, terms.contract_end)
    return None if months is None else min(months, AMORTISATION_MONTHS_MAX)


def annual_amortisation(terms: DealTerms) -> int | None:
    """The fee ÷ contract years (at most five): the yearly cost a squad-cost limit counts (None:
    the contract has no end yet, so it cannot be spread)."""
    if terms.kind in OUTBOUND or not terms.fee_cents:
        return 0
    months = amortisation_months(terms)
    if months is None:
        return None
    fee = to_club_currency(terms.fee_cents, terms.rate_ppm)
    return half_up(fee * min(12, months), months)


def amortisation_in(terms: DealTerms, season: SeasonSpan) -> int:
    """The fee's monthly amortisation charges that fall in ``season`` (they add up to the fee);
    nothing for money coming in or a contract without an end, none from ``amortised_until`` on
    (a sale: what is left of the fee is set against it, not charged to the squad cost)."""
    months = amortisation_months(terms)
    if months is None or terms.kind in OUTBOUND or not terms.fee_cents:
        return 0
    charged = months
    if terms.amortised_until is not None:
        charged = min(months, months_before(terms.starts_on, terms.amortised_until))
    fee = to_club_currency(terms.fee_cents, terms.rate_ppm)
    first = min(months_before(terms.starts_on, season.starts_on), charged)
    last = min(months_before(terms.starts_on, season.ends_on + dt.timedelta(days=1)), charged)
    return half_up(fee * last, months) - half_up(fee * first, months)


# --- checks ---------------------------------------------------------------------------------------
def check_instalments(fee: int | None, instalments: Sequence[tuple[dt.date, int]], deal_date: dt.date | None) -> None:
    """Instalments add up to the fee exactly, each positive and due on or after the deal date."""
    if not instalments:
        return
    if fee is None:
        raise ValidationError("instalments", "no_fee", tr("Instalments need the fee they pay"))
    for day, amount in instalments:
        if amount <= 0:
            raise ValidationError("instalments", "not_positive", tr("Each instalment must be more than zero"))
        if deal_date is not None and day < deal_date:
            raise ValidationError("instalments", "before_deal", tr(
                "An instalment is due on {d}, before the deal date {a}", d=day.isoformat(), a=deal_date.isoformat()))
        if deal_date is not None and day > years_later(deal_date):
            raise ValidationError("instalments", "too_far", tr(
                "An instalment is due on {d}, more than {n} years after the deal date {a}",
                d=day.isoformat(), n=YEARS_AHEAD_MAX, a=deal_date.isoformat()))
    total = sum(amount for _day, amount in instalments)
    if total != fee:
        raise ValidationError("instalments", "not_the_fee", tr(
            "The instalments add up to {t} cents, not the fee of {f} cents", t=total, f=fee))


def years_later(day: dt.date, years: int = YEARS_AHEAD_MAX) -> dt.date:
    """The same day ``years`` later (28 Feb for 29 Feb)."""
    return add_months(day, 12 * years)


def check_date_range(field: str, day: dt.date | None, *, label: str) -> None:
    """A deal's date between 1990 and 2100 (``DATE_RANGE``): anything else is a typing slip."""
    if day is not None and not DATE_RANGE[0] <= day <= DATE_RANGE[1]:
        raise ValidationError(field, "out_of_range", tr("{label} must fall between {a} and {b}, not {d}",
                                                        label=translated(label), a=DATE_RANGE[0].year,
                                                        b=DATE_RANGE[1].year, d=day.isoformat()))


def check_deal_dates(deal_date: dt.date | None, starts_on: dt.date | None, contract_end: dt.date | None) -> None:
    """A contract ends after it starts and within ten years; a player moves on or after the deal
    date and within ten years of it."""
    if starts_on is not None and contract_end is not None and contract_end < starts_on:
        raise ValidationError("contract_end", "before_start", tr(
            "The contract ends on {e}, before it starts on {s}", e=contract_end.isoformat(), s=starts_on.isoformat()))
    if starts_on is not None and contract_end is not None and contract_end > years_later(starts_on):
        raise ValidationError("contract_end", "too_long", tr(
            "The contract ends on {e}, more than {n} years after it starts on {s}",
            e=contract_end.isoformat(), n=YEARS_AHEAD_MAX, s=starts_on.isoformat()))
    if deal_date is not None and starts_on is not None and starts_on < deal_date:
        raise ValidationError("starts_on", "before_deal", tr(
            "The move on {s} is before the deal date {d}", s=starts_on.isoformat(), d=deal_date.isoformat()))
    if deal_date is not None and starts_on is not None and starts_on > years_later(deal_date):
        raise ValidationError("starts_on", "too_far", tr(
            "The move on {s} is more than {n} years after the deal date {d}",
            s=starts_on.isoformat(), n=YEARS_AHEAD_MAX, d=deal_date.isoformat()))


def check_status_change(before: str | None, after: str) -> None:
    """A deal enters or leaves "signed" only by signing it or taking the signing back, which also
    give or take back the squad place (a new place, a renewed contract, a player gone): a status
    edit alone would leave the squad and the budget disagreeing. ``before`` None: a new deal."""
    if after == "signed" and before != "signed":
        raise ValidationError("status", "sign_it", tr(
            "A deal becomes signed only by signing it (Sign, or a drop on Signed), which also settles "
            "his squad place"))
    if before == "signed" and after != "signed":
        raise ValidationError("status", "unsign_it", tr(
            "A signed deal leaves Signed only by taking the signing back, which also undoes what it did "
            "to his squad place"))


def equal_instalments(fee: int, count: int, first: dt.date, every_months: int = 12) -> list[tuple[dt.date, int]]:
    """A fee split into ``count`` instalments ``every_months`` apart (the first ones take the
    leftover cents), adding up exactly to the fee."""
    base, rest = divmod(fee, count)
    return [(add_months(first, k * every_months), base + (1 if k < rest else 0)) for k in range(count)]
