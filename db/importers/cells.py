"""Turning one cell of an imported file into a value: dates, whole numbers, money, heights.

Each parser raises ``CellError`` naming the field, which the reader turns into a refused line.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from db.i18n import tr

# More digits than this is no number a squad list means (and int() of thousands of digits is slow).
MAX_DIGITS = 12
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_WHOLE = re.compile(r"[+-]?\d+")
_HEIGHT_UNIT = re.compile(r"\s*(cm|m)$")
_MONEY_NOISE = re.compile(r"[\s€$£'\u00a0]|EUR", re.IGNORECASE)
_MONEY = re.compile(r"[\d.,]+")
_DIGIT = re.compile(r"\d")
_MARKS = re.compile(r"[.,]")


class CellError(Exception):
    """A cell that could not be read: names the field and says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def parse_date(field: str, label: str, text: str) -> dt.date:
    """YYYY-MM-DD or DD/MM/YYYY (also with '-' or '.')."""
    text = text.strip()
    try:
        if _ISO_DATE.fullmatch(text):
            year, month, day = (int(p) for p in text.split("-"))
            return dt.date(year, month, day)
        match = _DAY_FIRST.fullmatch(text)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    raise CellError(field, tr("{label} '{v}' is not a date like 2025-06-30 or 30/06/2025", label=label, v=_short(text)))


def parse_int(field: str, label: str, text: str) -> int:
    """A whole number ('#10' is 10); more than ``MAX_DIGITS`` digits is refused, not computed."""
    clean = text.strip().lstrip("#")
    if not _WHOLE.fullmatch(clean):
        raise CellError(field, tr("{label} must be a whole number, not '{v}'", label=label, v=_short(text)))
    if len(clean.lstrip("+-")) > MAX_DIGITS:
        raise CellError(field, tr("{label} '{v}' is far too large", label=label, v=_short(text)))
    return int(clean)


def parse_height(text: str) -> int:
    """Centimetres from '185', '185 cm', '1,85' or '1.85 m'."""
    clean = _HEIGHT_UNIT.sub("", text.strip().lower()).replace(",", ".")
    try:
        number = float(clean) if len(clean) <= MAX_DIGITS else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not 0 < number < 1000:
        raise CellError("height_cm", tr("Height '{v}' is not a number of centimetres", v=_short(text)))
    return round(number * 100) if number < 3 else round(number)


def parse_euros_to_cents(text: str) -> int:
    """'1.234.567,50', '1,234,567.50', '1234567' or '-500 €' as integer cents (ValueError if not money)."""
    if text.isdigit() and len(text) <= MAX_DIGITS:  # plain whole euros: most cells, and fast
        return int(text) * 100
    clean = _MONEY_NOISE.sub("", text.strip())
    negative = clean.startswith("-") or (clean.startswith("(") and clean.endswith(")"))
    clean = clean.strip("-()+")
    if not _MONEY.fullmatch(clean) or not _DIGIT.search(clean) or len(clean) > 3 * MAX_DIGITS:
        raise ValueError(text)
    dot, comma = clean.rfind("."), clean.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal = "." if dot > comma else ","
    elif dot >= 0 or comma >= 0:
        mark = "." if dot >= 0 else ","
        last = clean.split(mark)[-1]
        # One mark followed by exactly three digits is a thousands separator ("1.500" euros).
        decimal = mark if clean.count(mark) == 1 and len(last) != 3 else ""
    else:
        decimal = ""
    whole, _, fraction = clean.partition(decimal) if decimal else (clean, "", "")
    whole = _MARKS.sub("", whole)
    if _MARKS.search(fraction) or len(fraction) > 2:
        raise ValueError(text)
    cents = int(whole or "0") * 100 + int((fraction + "00")[:2])
    return -cents if negative else cents


def parse_cents(field: str, label: str, text: str) -> int:
    """Money in euros as integer cents, refused by field when it is not an amount."""
    try:
        return parse_euros_to_cents(text)
    except ValueError:
        raise CellError(field, tr("{label} '{v}' is not an amount in euros", label=label, v=_short(text))) from None


def _short(text: str, limit: int = 40) -> str:
    """A cell as quoted in a message: long ones cut, so a refusal stays one readable line."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
