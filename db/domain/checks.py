"""Field checks every write path shares (dialogs, in-place edits, imports, the demo). Pure Python.

Each ``check_*`` returns the normalised value or raises ``ValidationError(field, code, message)``.
``label`` is the field's name as marked with ``tr_noop``: it is translated only when a message
is shown, so checking a value that passes costs no translation (an import checks millions).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from db.domain.text import clean_text, control_character_in
from db.domain.vocab import POSITIONS
from db.errors import ValidationError
from db.i18n import tr, translated

_CODE = re.compile(r"^[A-Z]{3}$")
_LIST = re.compile(r"[,;/\s]+")
# One trillion in the club's currency, in cents: far above any fee or wage, far below BIGINT's limit.
MAX_CENTS = 10**14


def check_text(
    field: str, value: Any, *, label: str, max_length: int, required: bool = True, multiline: bool = False
) -> str | None:
    """Clean text (``clean_text``: NFC, no invisible characters, trimmed); empty is refused when
    required, else stored as None. Only a ``multiline`` field (notes) may hold line breaks."""
    raw = "" if value is None else str(value).replace("\r\n", "\n")
    if control_character_in(raw, allow_newlines=multiline):
        raise ValidationError(
            field, "control_character",
            tr("{label} must be one line of text, without line breaks or control characters", label=translated(label))
            if not multiline else tr("{label} holds a control character", label=translated(label)),
        )
    text = clean_text(raw)
    if not text:
        if required:
            raise ValidationError(field, "empty", tr("{label} must not be empty", label=translated(label)))
        return None
    if len(text) > max_length:
        raise ValidationError(
            field, "too_long", tr("{label} is longer than {n} characters", label=translated(label), n=max_length)
        )
    return text


def check_int(field: str, value: Any, *, label: str, low: int, high: int) -> int | None:
    """An integer within [low, high], or None for an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "not_a_number", tr("{label} must be a whole number", label=translated(label)))
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(
            field, "not_a_number", tr("{label} must be a whole number, not '{v}'", label=translated(label), v=value)
        ) from None
    if number < low:
        code = "negative" if low == 0 else "too_small"
        raise ValidationError(field, code, tr("{label} must be at least {n}", label=translated(label), n=low))
    if number > high:
        raise ValidationError(field, "too_large", tr("{label} must be at most {n}", label=translated(label), n=high))
    return number


def check_money(field: str, value: Any, *, label: str) -> int | None:
    """Integer cents, never negative; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_money", tr("{label} must be an amount in cents", label=translated(label)))
    if value < 0:
        raise ValidationError(field, "negative", tr("{label} must not be negative", label=translated(label)))
    if value > MAX_CENTS:
        raise ValidationError(field, "too_large", tr("{label} is implausibly large", label=translated(label)))
    return value


def check_bool(field: str, value: Any, *, label: str, allow_none: bool = True) -> bool | None:
    """True/False (also yes/no, 1/0); None only where the field may be unknown."""
    if value is None or value == "":
        if allow_none:
            return None
        raise ValidationError(field, "empty", tr("{label} must be yes or no", label=translated(label)))
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "y", "si", "sí"):
        return True
    if text in ("no", "false", "0", "n"):
        return False
    raise ValidationError(field, "not_yes_no", tr("{label} must be yes or no, not '{v}'", label=translated(label), v=value))


def check_date(field: str, value: Any, *, label: str) -> dt.date | None:
    """A date from a date or an ISO string (YYYY-MM-DD)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            field, "not_a_date", tr("{label} must be a date like 2025-06-30, not '{v}'", label=translated(label), v=value)
        ) from None


def check_choice(field: str, value: Any, choices: Iterable[str], *, label: str, required: bool = False) -> str | None:
    """One value of a fixed vocabulary (compared case-insensitively)."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "empty", tr("{label} must be chosen", label=translated(label)))
        return None
    allowed = {c.lower(): c for c in choices}
    key = str(value).strip().lower()
    if key not in allowed:
        raise ValidationError(
            field,
            "unknown",
            tr("{label} '{v}' is not one of {choices}", label=translated(label), v=value, choices=", ".join(allowed.values())),
        )
    return allowed[key]


def check_positions(field: str, value: Any, *, label: str) -> list[str]:
    """A list of fine positions (GK … ST) from a list or a text like 'CB, RB'."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, (list, tuple)) else _LIST.split(str(value))
    result: list[str] = []
    for item in items:
        code = str(item).strip().upper()
        if not code:
            continue
        if code not in POSITIONS:
            raise ValidationError(
                field,
                "unknown",
                tr("{label}: '{v}' is not a position ({choices})", label=translated(label), v=item, choices=" ".join(POSITIONS)),
            )
        if code not in result:
            result.append(code)
    return result


def check_nationalities(field: str, value: Any) -> str:
    """Comma-separated three-letter football codes ('BRA,ESP')."""
    if value is None or value == "":
        return ""
    items = value if isinstance(value, (list, tuple)) else _LIST.split(str(value))
    codes: list[str] = []
    for item in items:
        code = str(item).strip().upper()
        if not code:
            continue
        if not _CODE.match(code):
            raise ValidationError(
                field, "not_a_code", tr("Nationality '{v}' must be a three-letter code such as ESP", v=item)
            )
        if code not in codes:
            codes.append(code)
    return ",".join(codes)
