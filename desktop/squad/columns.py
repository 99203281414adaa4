"""The squad table's columns in one place: what each shows, which field it edits, how it sorts.

Formatting helpers live here too, so the model only caches what they return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from db.domain.squad_rules import months_until
from db.domain.text import fold
from db.domain.vocab import POSITIONS
from db.squad.queries import SquadRow

PLAYER = "player"
MEMBERSHIP = "squad_membership"

# Editor kinds understood by ``SquadDelegate``.
SHIRT, TEXT, POSITION, POSITIONS_LIST, DATE, FOOT, MONEY, INT, NATIONALITIES = (
    "shirt", "text", "position", "positions", "date", "foot", "money", "int", "nationalities",
)
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}


def tr(text: str) -> str:
    """Translate a squad-column string (context "SquadColumns")."""
    return QCoreApplication.translate("SquadColumns", text)


@dataclass(frozen=True)
class Column:
    """One squad column: header, the field it edits (None: read-only), editor kind and sort key.

    ``noun`` names the field in undo texts ("Change {noun} of Bellingham"); ``edit_value`` gives
    the stored value the editor starts from, ``sort_key`` a comparable value (None sorts last).
    """

    key: str
    header: str
    field: str | None
    target: str | None
    editor: str | None
    sort_key: Callable[[SquadRow], Any]
    noun: str = ""
    edit_value: Callable[[SquadRow], Any] | None = None
    numeric: bool = False
    max_value: int = 0

    def stored_value(self, row: SquadRow) -> Any:
        """The field's value as the database stores it (lists joined by commas)."""
        value = self.edit_value(row) if self.edit_value else None
        return ",".join(value) if isinstance(value, tuple) else value


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def _position_rank(code: str | None) -> int | None:
    return POSITIONS.index(code) if code in POSITIONS else None


COLUMNS: tuple[Column, ...] = (
    Column("shirt", "#", "shirt_number", MEMBERSHIP, SHIRT, lambda r: r.shirt_number,
           "shirt number", lambda r: r.shirt_number, numeric=True),
    Column("name", "Name", "name", PLAYER, TEXT, lambda r: fold(r.name), "name", lambda r: r.name),
    Column("position", "Pos", "primary_position", PLAYER, POSITION,
           lambda r: _position_rank(r.primary_position), "position", lambda r: r.primary_position),
    Column("other_positions", "Also plays", "secondary_positions", PLAYER, POSITIONS_LIST,
           lambda r: ",".join(r.secondary_positions) or None, "other positions", lambda r: r.secondary_positions),
    Column("age", "Age", None, None, None, lambda r: r.age, numeric=True),
    Column("born", "Born", "date_of_birth", PLAYER, DATE, lambda r: _ordinal(r.date_of_birth),
           "date of birth", lambda r: r.date_of_birth),
    Column("nationality", "Nationality", "nationalities", PLAYER, NATIONALITIES,
           lambda r: ",".join(r.nationalities) or None, "nationality", lambda r: r.nationalities),
    Column("foot", "Foot", "preferred_foot", PLAYER, FOOT, lambda r: r.preferred_foot, "foot",
           lambda r: r.preferred_foot),
    Column("contract_end", "Contract", "contract_end", MEMBERSHIP, DATE, lambda r: _ordinal(r.contract_end),
           "contract end", lambda r: r.contract_end),
    Column("appearances", "Apps", "appearances", MEMBERSHIP, INT, lambda r: r.appearances, "appearances",
           lambda r: r.appearances, numeric=True, max_value=200),
    Column("minutes", "Mins", "minutes_played", MEMBERSHIP, INT, lambda r: r.minutes_played, "minutes",
           lambda r: r.minutes_played, numeric=True, max_value=20000),
    Column("value", "Value", "market_value_cents", PLAYER, MONEY, lambda r: r.market_value_cents,
           "market value", lambda r: r.market_value_cents, numeric=True),
    Column("wage", "Wage/yr", "annual_wage_cents", MEMBERSHIP, MONEY, lambda r: r.annual_wage_cents,
           "wage", lambda r: r.annual_wage_cents, numeric=True),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
# Placeholder hook for the injury issue: an "availability" column (icon per row) goes here once
# injuries land; the model already asks ``SquadTableModel.availability_icon(row)``.


def last_name(name: str) -> str:
    """The word undo texts use for a player ("Jude Bellingham" -> "Bellingham")."""
    words = name.split()
    return words[-1] if words else name


def currency_symbol(code: str) -> str:
    """A short symbol for an ISO currency code (the code itself when unknown)."""
    return CURRENCY_SYMBOLS.get(code.upper(), code)


def format_money(cents: int | None, currency: str, locale: QLocale) -> str:
    """Compact money through QLocale: "€22.5M", "€850K", "€400"."""
    if cents is None:
        return ""
    amount = cents / 100
    symbol = currency_symbol(currency)
    for size, unit in ((1_000_000, "M"), (1_000, "K")):
        if abs(amount) >= size:
            scaled = amount / size
            decimals = 0 if scaled == int(scaled) else 1
            number = locale.toString(scaled, "f", decimals)
            text = locale.toCurrencyString(scaled, symbol, decimals)
            return text.replace(number, number + unit, 1)
    return locale.toCurrencyString(amount, symbol, 0)


def date_format(locale: QLocale) -> str:
    """Day, abbreviated month in the locale's language, year: unambiguous across countries."""
    del locale  # the month names come from the locale when formatting; the pattern is the same
    return "d MMM yyyy"


def format_date(day: dt.date | None, locale: QLocale) -> str:
    """A date in the locale's short format, or empty."""
    return locale.toString(QDate(day.year, day.month, day.day), date_format(locale)) if day else ""


def format_nationality(row: SquadRow) -> str:
    """Codes with the EU mark: "ENG · non-EU", "FRA/ESP · EU"."""
    codes = "/".join(row.nationalities)
    if row.is_eu is None:
        return codes
    mark = tr("EU") if row.is_eu else tr("non-EU")
    return f"{codes} · {mark}" if codes else mark


FOOT_LABELS = {"left": "Left", "right": "Right", "both": "Both"}


def format_foot(foot: str | None) -> str:
    """A translated label for a stored foot value."""
    return tr(FOOT_LABELS[foot]) if foot in FOOT_LABELS else ""


def contract_tooltip(end: dt.date | None, as_of: dt.date) -> str:
    """How far the contract end is from the planning date ("Contract ends in 2 months")."""
    if end is None:
        return ""
    months = months_until(as_of, end)
    if end < as_of:
        return tr("Contract ended on {d}").format(d=end.isoformat())
    if months < 1:
        return tr("Contract ends in less than a month")
    if months == 1:
        return tr("Contract ends in 1 month")
    return tr("Contract ends in {n} months").format(n=months)


def display_strings(row: SquadRow, currency: str, locale: QLocale) -> list[str]:
    """Every column's display text for one row, computed once when the row loads."""
    def number(value: int | None) -> str:
        return "" if value is None else locale.toString(value)

    return [
        "" if row.shirt_number is None else str(row.shirt_number),
        row.name,
        row.primary_position or "",
        ", ".join(row.secondary_positions),
        "" if row.age is None else str(row.age),
        format_date(row.date_of_birth, locale) or ("" if row.birth_year is None else str(row.birth_year)),
        format_nationality(row),
        format_foot(row.preferred_foot),
        format_date(row.contract_end, locale),
        number(row.appearances),
        number(row.minutes_played),
        format_money(row.market_value_cents, currency, locale),
        format_money(row.annual_wage_cents, currency, locale),
    ]
