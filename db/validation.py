"""Field validation shared by every write path (dialogs, in-place edits, imports, the demo).

Each ``check_*`` returns the normalised value or raises ``ValidationError(field, code, message)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from db.domain.vocab import FEET, INJURY_CERTAINTIES, INJURY_STATUSES, LEAVE_REASONS, POSITIONS, SQUAD_ROLES
from db.errors import ValidationError
from db.i18n import tr

_CODE = re.compile(r"^[A-Z]{3}$")
# One trillion in the club's currency, in cents: far above any fee or wage, far below BIGINT's limit.
MAX_CENTS = 10**14


def check_text(field: str, value: Any, *, label: str, max_length: int, required: bool = True) -> str | None:
    """A trimmed string; empty is refused when required, else stored as None."""
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise ValidationError(field, "empty", tr("{label} must not be empty", label=label))
        return None
    if len(text) > max_length:
        raise ValidationError(
            field, "too_long", tr("{label} is longer than {n} characters", label=label, n=max_length)
        )
    return text


def check_int(field: str, value: Any, *, label: str, low: int, high: int) -> int | None:
    """An integer within [low, high], or None for an empty value."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "not_a_number", tr("{label} must be a whole number", label=label))
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(
            field, "not_a_number", tr("{label} must be a whole number, not '{v}'", label=label, v=value)
        ) from None
    if number < low:
        code = "negative" if low == 0 else "too_small"
        raise ValidationError(field, code, tr("{label} must be at least {n}", label=label, n=low))
    if number > high:
        raise ValidationError(field, "too_large", tr("{label} must be at most {n}", label=label, n=high))
    return number


def check_money(field: str, value: Any, *, label: str) -> int | None:
    """Integer cents, never negative; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_money", tr("{label} must be an amount in cents", label=label))
    if value < 0:
        raise ValidationError(field, "negative", tr("{label} must not be negative", label=label))
    if value > MAX_CENTS:
        raise ValidationError(field, "too_large", tr("{label} is implausibly large", label=label))
    return value


def check_bool(field: str, value: Any, *, label: str, allow_none: bool = True) -> bool | None:
    """True/False (also yes/no, 1/0); None only where the field may be unknown."""
    if value is None or value == "":
        if allow_none:
            return None
        raise ValidationError(field, "empty", tr("{label} must be yes or no", label=label))
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "y", "si", "sí"):
        return True
    if text in ("no", "false", "0", "n"):
        return False
    raise ValidationError(field, "not_yes_no", tr("{label} must be yes or no, not '{v}'", label=label, v=value))


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
            field, "not_a_date", tr("{label} must be a date like 2025-06-30, not '{v}'", label=label, v=value)
        ) from None


def check_choice(field: str, value: Any, choices: Iterable[str], *, label: str, required: bool = False) -> str | None:
    """One value of a fixed vocabulary (compared case-insensitively)."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "empty", tr("{label} must be chosen", label=label))
        return None
    allowed = {c.lower(): c for c in choices}
    key = str(value).strip().lower()
    if key not in allowed:
        raise ValidationError(
            field,
            "unknown",
            tr("{label} '{v}' is not one of {choices}", label=label, v=value, choices=", ".join(allowed.values())),
        )
    return allowed[key]


def check_positions(field: str, value: Any, *, label: str) -> list[str]:
    """A list of fine positions (GK … ST) from a list or a text like 'CB, RB'."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"[,;/\s]+", str(value))
    result: list[str] = []
    for item in items:
        code = str(item).strip().upper()
        if not code:
            continue
        if code not in POSITIONS:
            raise ValidationError(
                field,
                "unknown",
                tr("{label}: '{v}' is not a position ({choices})", label=label, v=item, choices=" ".join(POSITIONS)),
            )
        if code not in result:
            result.append(code)
    return result


def check_nationalities(field: str, value: Any) -> str:
    """Comma-separated three-letter football codes ('BRA,ESP')."""
    if value is None or value == "":
        return ""
    items = value if isinstance(value, (list, tuple)) else re.split(r"[,;/\s]+", str(value))
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


def validate_player_values(values: Mapping[str, Any], *, as_of: dt.date) -> dict[str, Any]:
    """Validate and normalise the player fields present in ``values``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            out[key] = check_text(key, value, label=tr("Name"), max_length=120)
        elif key == "date_of_birth":
            born = check_date(key, value, label=tr("Date of birth"))
            if born is not None and born > as_of:
                raise ValidationError(
                    key,
                    "after_planning_date",
                    tr("Date of birth {d} is after the planning date {p}", d=born.isoformat(), p=as_of.isoformat()),
                )
            if born is not None and born.year < 1900:
                raise ValidationError(key, "too_early", tr("Date of birth {d} is before 1900", d=born.isoformat()))
            out[key] = born
        elif key == "birth_year":
            out[key] = check_int(key, value, label=tr("Birth year"), low=1900, high=as_of.year)
        elif key == "nationalities":
            out[key] = check_nationalities(key, value)
        elif key == "counts_as_eu":
            out[key] = check_bool(key, value, label=tr("Counts as EU"))
        elif key == "preferred_foot":
            out[key] = check_choice(key, value, FEET, label=tr("Preferred foot"))
        elif key == "primary_position":
            positions = check_positions(key, value, label=tr("Position"))
            if len(positions) > 1:
                raise ValidationError(key, "several", tr("Position must be a single position"))
            out[key] = positions[0] if positions else None
        elif key == "secondary_positions":
            out[key] = ",".join(check_positions(key, value, label=tr("Other positions")))
        elif key == "height_cm":
            out[key] = check_int(key, value, label=tr("Height (cm)"), low=120, high=230)
        elif key == "market_value_cents":
            out[key] = check_money(key, value, label=tr("Market value"))
        elif key == "notes":
            out[key] = check_text(key, value, label=tr("Notes"), max_length=2000, required=False)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a player field", f=key))
    if "primary_position" in out and "secondary_positions" in out and out["primary_position"]:
        others = [p for p in out["secondary_positions"].split(",") if p and p != out["primary_position"]]
        out["secondary_positions"] = ",".join(others)
    return out


def validate_membership_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise the squad-membership fields present in ``values`` (row-local rules)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "shirt_number":
            out[key] = check_int(key, value, label=tr("Shirt number"), low=1, high=99)
        elif key == "squad_role":
            out[key] = check_choice(key, value, SQUAD_ROLES, label=tr("Squad role"), required=True)
        elif key in ("joined_on", "contract_start", "contract_end", "left_on"):
            labels = {
                "joined_on": tr("Joined"),
                "contract_start": tr("Contract start"),
                "contract_end": tr("Contract end"),
                "left_on": tr("Left on"),
            }
            out[key] = check_date(key, value, label=labels[key])
        elif key == "annual_wage_cents":
            out[key] = check_money(key, value, label=tr("Wage"))
        elif key == "appearances":
            out[key] = check_int(key, value, label=tr("Appearances"), low=0, high=200)
        elif key == "minutes_played":
            out[key] = check_int(key, value, label=tr("Minutes"), low=0, high=20000)
        elif key == "previous_club":
            out[key] = check_text(key, value, label=tr("Previous club"), max_length=120, required=False)
        elif key == "left_reason":
            out[key] = check_choice(key, value, LEAVE_REASONS, label=tr("Reason for leaving"))
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a squad field", f=key))
    return out


def check_shirt_not_worn(shirt: int | None, wearers: Iterable[tuple[int | None, str]]) -> None:
    """Refuse a shirt number one of ``wearers`` (shirt number, name: the other current squad
    members) already wears. The database query and the squad screen's cached rows both use it."""
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


def validate_injury_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise injury fields present in ``values``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "kind":
            out[key] = check_text(key, value, label=tr("Injury"), max_length=120)
        elif key == "body_part":
            out[key] = check_text(key, value, label=tr("Body part"), max_length=80, required=False)
        elif key in ("started_on", "expected_return_earliest", "expected_return_latest", "surgery_on", "returned_on"):
            out[key] = check_date(key, value, label=key.replace("_", " ").capitalize())
        elif key == "certainty":
            out[key] = check_choice(key, value, INJURY_CERTAINTIES, label=tr("Certainty"), required=True)
        elif key == "status":
            out[key] = check_choice(key, value, INJURY_STATUSES, label=tr("Status"), required=True)
        elif key == "surgery":
            out[key] = check_bool(key, value, label=tr("Surgery"), allow_none=False)
        elif key == "medical_notes":
            out[key] = check_text(key, value, label=tr("Medical notes"), max_length=4000, required=False)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not an injury field", f=key))
    start = out.get("started_on")
    earliest, latest = out.get("expected_return_earliest"), out.get("expected_return_latest")
    if start and earliest and earliest < start:
        raise ValidationError("expected_return_earliest", "before_start", tr("Expected return is before the injury"))
    if earliest and latest and latest < earliest:
        raise ValidationError("expected_return_latest", "before_earliest", tr("Latest return is before earliest return"))
    return out
