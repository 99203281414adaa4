"""Validating the medical area's fields: the normalised value, or the field at fault.

``validate_*_values`` check each field on its own; ``check_injury`` checks an episode as a whole
(dates in order, recovered exactly when a return date is set), on the merged values of an edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from db.domain.checks import check_bool, check_choice, check_date, check_int, check_text
from db.domain.vocab import ABSENCE_KINDS, CARDS, CHANCES_OF_PLAYING, INJURY_CERTAINTIES, INJURY_STATUSES
from db.errors import ValidationError
from db.i18n import tr, tr_noop

_DATE_LABELS = {
    "started_on": tr_noop("Injured on"),
    "expected_return_earliest": tr_noop("Earliest return"),
    "expected_return_latest": tr_noop("Latest return"),
    "surgery_on": tr_noop("Surgery on"),
    "returned_on": tr_noop("Returned on"),
}


def validate_injury_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise injury fields present in ``values`` (each on its own)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "kind":
            out[key] = check_text(key, value, label=tr_noop("Injury"), max_length=120)
        elif key == "body_part":
            out[key] = check_text(key, value, label=tr_noop("Body part"), max_length=80, required=False)
        elif key in _DATE_LABELS:
            out[key] = check_date(key, value, label=_DATE_LABELS[key])
        elif key == "certainty":
            out[key] = check_choice(key, value, INJURY_CERTAINTIES, label=tr_noop("Certainty"), required=True)
        elif key == "status":
            out[key] = check_choice(key, value, INJURY_STATUSES, label=tr_noop("Status"), required=True)
        elif key == "chance_of_playing":
            chance = check_int(key, value, label=tr_noop("Chance of playing"), low=0, high=100)
            if chance is not None and chance not in CHANCES_OF_PLAYING:
                raise ValidationError(key, "not_a_step", tr("The chance of playing must be 0, 25, 50, 75 or 100 %"))
            out[key] = chance
        elif key == "surgery":
            out[key] = check_bool(key, value, label=tr_noop("Surgery"), allow_none=False)
        elif key == "medical_notes":
            out[key] = check_text(key, value, label=tr_noop("Medical notes"), max_length=4000, required=False,
                                  multiline=True)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not an injury field", f=key))
    check_injury_dates(out)
    return out


def check_injury_dates(values: Mapping[str, Any]) -> None:
    """Whatever of start, return window, surgery and return is given, in order."""
    start, returned = values.get("started_on"), values.get("returned_on")
    earliest, latest = values.get("expected_return_earliest"), values.get("expected_return_latest")
    if start and earliest and earliest < start:
        raise ValidationError("expected_return_earliest", "before_start", tr("Expected return is before the injury"))
    if earliest and latest and latest < earliest:
        raise ValidationError("expected_return_latest", "before_earliest", tr("Latest return is before earliest return"))
    if start and returned and returned < start:
        raise ValidationError("returned_on", "before_start", tr("The return is dated before the injury"))
    surgery_on = values.get("surgery_on")
    if start and surgery_on and surgery_on < start:
        raise ValidationError("surgery_on", "before_start", tr("The operation is dated before the injury"))


def check_injury(values: Mapping[str, Any]) -> None:
    """An episode as a whole (the merged values of an edit): dates in order, a return date exactly
    when recovered, a surgery date only with surgery."""
    check_injury_dates(values)
    recovered = values.get("status") == "recovered"
    if recovered and values.get("returned_on") is None:
        raise ValidationError("returned_on", "missing", tr("A recovered injury needs the day the player returned"))
    if not recovered and values.get("returned_on") is not None:
        raise ValidationError("status", "not_recovered", tr("A player who returned is recovered: set the status too"))
    if values.get("surgery_on") is not None and not values.get("surgery"):
        raise ValidationError("surgery_on", "no_surgery", tr("A surgery date needs surgery to be ticked"))


def validate_booking_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the fields of a card."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "card":
            out[key] = check_choice(key, value, CARDS, label=tr_noop("Card"), required=True)
        elif key == "minute":
            out[key] = check_int(key, value, label=tr_noop("Minute"), low=1, high=130)
        elif key == "rescinded":
            out[key] = check_bool(key, value, label=tr_noop("Rescinded"), allow_none=False)
        elif key == "rescinded_on":
            out[key] = check_date(key, value, label=tr_noop("Rescinded on"))
        elif key == "notes":
            out[key] = check_text(key, value, label=tr_noop("Notes"), max_length=400, required=False)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a card", f=key))
    if out.get("rescinded_on") is not None and not out.get("rescinded", True):
        raise ValidationError("rescinded_on", "not_rescinded", tr("Only a rescinded card has a rescinded date"))
    return out


def validate_suspension_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the fields of a ban (its competition and player are checked by the write)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "matches":
            matches = check_int(key, value, label=tr_noop("Matches"), low=1, high=50)
            if matches is None:
                raise ValidationError(key, "empty", tr("Say how many matches the ban is"))
            out[key] = matches
        elif key == "starts_on":
            day = check_date(key, value, label=tr_noop("Banned from"))
            if day is None:
                raise ValidationError(key, "empty", tr("Say from which day the ban runs"))
            out[key] = day
        elif key == "reason":
            out[key] = check_text(key, value, label=tr_noop("Reason"), max_length=400)
        elif key == "booking_id":
            out[key] = check_int(key, value, label=tr_noop("Card"), low=1, high=2**62)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a ban", f=key))
    return out


def validate_absence_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the fields of an absence (international duty, personal, other)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "kind":
            out[key] = check_choice(key, value, ABSENCE_KINDS, label=tr_noop("Absence"), required=True)
        elif key in ("starts_on", "ends_on"):
            label = tr_noop("Away from") if key == "starts_on" else tr_noop("Back on")
            day = check_date(key, value, label=label)
            if day is None:
                raise ValidationError(key, "empty", tr("An absence needs both its first and last day"))
            out[key] = day
        elif key == "reason":
            out[key] = check_text(key, value, label=tr_noop("Reason"), max_length=400, required=False)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of an absence", f=key))
    starts, ends = out.get("starts_on"), out.get("ends_on")
    if isinstance(starts, dt.date) and isinstance(ends, dt.date) and ends < starts:
        raise ValidationError("ends_on", "before_start", tr("The absence ends before it starts"))
    return out
