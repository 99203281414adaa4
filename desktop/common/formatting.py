"""How every screen shows money, dates, ages, nationalities and feet: one locale, one format each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from db.domain.squad_rules import months_until
from db.domain.text import last_name  # noqa: F401  (what the screens call a player; one rule, in db)
from desktop.i18n import QT_TRANSLATE_NOOP

CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}
DATE_FORMAT = "d MMM yyyy"  # day, abbreviated month in the locale's language, year: unambiguous anywhere
FOOT_LABELS = {
    "left": QT_TRANSLATE_NOOP("Format", "Left"),
    "right": QT_TRANSLATE_NOOP("Format", "Right"),
    "both": QT_TRANSLATE_NOOP("Format", "Both"),
}


def display_locale() -> QLocale:
    """The user's locale; British English when the system says only "C" (no locale set up)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def currency_symbol(code: str) -> str:
    """A short symbol for an ISO currency code (the code itself when unknown)."""
    return CURRENCY_SYMBOLS.get(code.upper(), code)


def format_money(cents: int | None, currency: str, locale: QLocale | None = None) -> str:
    """Compact money through QLocale: "€22.5M", "€850K", "€400"; "-€49.5M" below zero."""
    if cents is None:
        return ""
    if cents < 0:  # QLocale writes some negative amounts as "(€49.5)": the sign goes in front instead
        return "-" + format_money(-cents, currency, locale)
    locale = locale or display_locale()
    amount = cents / 100
    symbol = currency_symbol(currency)
    millions, thousands = QCoreApplication.translate("Format", "M"), QCoreApplication.translate("Format", "K")
    for size, unit in ((1_000_000, millions), (1_000, thousands)):
        if abs(amount) >= size:
            scaled = amount / size
            decimals = 0 if scaled == int(scaled) else 1
            number = locale.toString(scaled, "f", decimals)
            text = locale.toCurrencyString(scaled, symbol, decimals)
            return text.replace(number, number + unit, 1)
    return locale.toCurrencyString(amount, symbol, 0)


def format_date(day: dt.date | None, locale: QLocale | None = None) -> str:
    """A date as "2 May 2025" in the locale's language, or empty."""
    if day is None:
        return ""
    return (locale or display_locale()).toString(QDate(day.year, day.month, day.day), DATE_FORMAT)


def format_number(value: int | None, locale: QLocale | None = None) -> str:
    """A whole number with the locale's grouping, or empty."""
    return "" if value is None else (locale or display_locale()).toString(value)


def format_nationality(codes: tuple[str, ...], is_eu: bool | None) -> str:
    """Codes with the EU mark: "ENG · non-EU", "FRA/ESP · EU"."""
    joined = "/".join(codes)
    if is_eu is None:
        return joined
    mark = QCoreApplication.translate("Format", "EU") if is_eu else QCoreApplication.translate("Format", "non-EU")
    return f"{joined} · {mark}" if joined else mark


def format_foot(foot: str | None) -> str:
    """A translated label for a stored foot value."""
    return QCoreApplication.translate("Format", FOOT_LABELS[foot]) if foot in FOOT_LABELS else ""


def contract_tooltip(end: dt.date | None, as_of: dt.date) -> str:
    """How far the contract end is from the planning date ("Contract ends in 2 months")."""
    if end is None:
        return ""
    months = months_until(as_of, end)
    if end < as_of:
        return QCoreApplication.translate("Format", "Contract ended on {d}").format(d=format_date(end))
    if months < 1:
        return QCoreApplication.translate("Format", "Contract ends in less than a month")
    if months == 1:
        return QCoreApplication.translate("Format", "Contract ends in 1 month")
    return QCoreApplication.translate("Format", "Contract ends in {n} months").format(n=months)
