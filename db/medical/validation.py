"""Validating injury fields: the normalised value, or the field at fault."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.domain.checks import check_bool, check_choice, check_date, check_text
from db.domain.vocab import INJURY_CERTAINTIES, INJURY_STATUSES
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
    """Validate and normalise injury fields present in ``values``."""
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
        elif key == "surgery":
            out[key] = check_bool(key, value, label=tr_noop("Surgery"), allow_none=False)
        elif key == "medical_notes":
            out[key] = check_text(key, value, label=tr_noop("Medical notes"), max_length=4000, required=False, multiline=True)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not an injury field", f=key))
    start = out.get("started_on")
    earliest, latest = out.get("expected_return_earliest"), out.get("expected_return_latest")
    if start and earliest and earliest < start:
        raise ValidationError("expected_return_earliest", "before_start", tr("Expected return is before the injury"))
    returned = out.get("returned_on")
    if start and returned and returned < start:
        raise ValidationError("returned_on", "before_start", tr("The return is dated before the injury"))
    if earliest and latest and latest < earliest:
        raise ValidationError("expected_return_latest", "before_earliest", tr("Latest return is before earliest return"))
    return out
