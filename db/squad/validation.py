"""Validating player and squad-membership fields: the normalised value, or the field at fault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from db.domain.checks import (
    check_bool,
    check_choice,
    check_date,
    check_int,
    check_money,
    check_nationalities,
    check_positions,
    check_text,
)
from db.domain.squad_rules import APPEARANCES, BIRTH_YEARS, HEIGHT_CM, MINUTES, SHIRT_NUMBERS
from db.domain.vocab import FEET, LEAVE_REASONS, SQUAD_ROLES
from db.errors import ValidationError
from db.i18n import tr, tr_noop


def validate_player_values(values: Mapping[str, Any], *, as_of: dt.date) -> dict[str, Any]:
    """Validate and normalise the player fields present in ``values``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            out[key] = check_text(key, value, label=tr_noop("Name"), max_length=120)
        elif key == "date_of_birth":
            born = check_date(key, value, label=tr_noop("Date of birth"))
            if born is not None and born > as_of:
                raise ValidationError(
                    key,
                    "after_planning_date",
                    tr("Date of birth {d} is after the planning date {p}", d=born.isoformat(), p=as_of.isoformat()),
                )
            if born is not None and born.year < BIRTH_YEARS[0]:
                raise ValidationError(key, "too_early", tr("Date of birth {d} is before {y}", d=born.isoformat(), y=BIRTH_YEARS[0]))
            out[key] = born
        elif key == "birth_year":
            out[key] = check_int(key, value, label=tr_noop("Birth year"), low=BIRTH_YEARS[0], high=as_of.year)
        elif key == "nationalities":
            out[key] = check_nationalities(key, value)
        elif key == "counts_as_eu":
            out[key] = check_bool(key, value, label=tr_noop("Counts as EU"))
        elif key == "preferred_foot":
            out[key] = check_choice(key, value, FEET, label=tr_noop("Preferred foot"))
        elif key == "primary_position":
            positions = check_positions(key, value, label=tr_noop("Position"))
            if len(positions) > 1:
                raise ValidationError(key, "several", tr("Position must be a single position"))
            out[key] = positions[0] if positions else None
        elif key == "secondary_positions":
            out[key] = ",".join(check_positions(key, value, label=tr_noop("Other positions")))
        elif key == "height_cm":
            out[key] = check_int(key, value, label=tr_noop("Height (cm)"), low=HEIGHT_CM[0], high=HEIGHT_CM[1])
        elif key == "market_value_cents":
            out[key] = check_money(key, value, label=tr_noop("Market value"))
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=2000, required=False, multiline=True)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a player field", f=key))
    if "primary_position" in out and "secondary_positions" in out and out["primary_position"]:
        others = [p for p in out["secondary_positions"].split(",") if p and p != out["primary_position"]]
        out["secondary_positions"] = ",".join(others)
    return out


_DATE_LABELS = {
    "joined_on": tr_noop("Joined"),
    "contract_start": tr_noop("Contract start"),
    "contract_end": tr_noop("Contract end"),
    "left_on": tr_noop("Left on"),
}


def validate_membership_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise the squad-membership fields present in ``values`` (row-local rules)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "shirt_number":
            out[key] = check_int(key, value, label=tr_noop("Shirt number"), low=SHIRT_NUMBERS[0], high=SHIRT_NUMBERS[1])
        elif key == "squad_role":
            out[key] = check_choice(key, value, SQUAD_ROLES, label=tr_noop("Squad role"), required=True)
        elif key in ("joined_on", "contract_start", "contract_end", "left_on"):
            out[key] = check_date(key, value, label=_DATE_LABELS[key])
        elif key == "annual_wage_cents":
            out[key] = check_money(key, value, label=tr_noop("Wage"))
        elif key == "appearances":
            out[key] = check_int(key, value, label=tr_noop("Appearances"), low=APPEARANCES[0], high=APPEARANCES[1])
        elif key == "minutes_played":
            out[key] = check_int(key, value, label=tr_noop("Minutes"), low=MINUTES[0], high=MINUTES[1])
        elif key == "previous_club":
            out[key] = check_text(key, value, label=tr_noop("Previous club"), max_length=120, required=False)
        elif key == "left_reason":
            out[key] = check_choice(key, value, LEAVE_REASONS, label=tr_noop("Reason for leaving"))
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a squad field", f=key))
    return out
