"""Injury fields: dates in order, a known status and certainty."""

from __future__ import annotations

import datetime as dt

import pytest

from db.errors import ValidationError
from db.medical.validation import validate_injury_values


def test_a_valid_injury_is_normalised() -> None:
    clean = validate_injury_values({"kind": " ACL rupture ", "started_on": "2025-03-01", "certainty": "Confirmed",
                                    "status": "out", "surgery": "yes"})
    assert clean == {"kind": "ACL rupture", "started_on": dt.date(2025, 3, 1), "certainty": "confirmed",
                     "status": "out", "surgery": True}


@pytest.mark.parametrize(("values", "field"), [
    ({"started_on": "2025-03-01", "expected_return_earliest": "2025-02-01"}, "expected_return_earliest"),
    ({"expected_return_earliest": "2025-06-15", "expected_return_latest": "2025-06-01"}, "expected_return_latest"),
    ({"started_on": "2025-03-01", "returned_on": "2025-02-28"}, "returned_on"),
    ({"status": "sleeping"}, "status"),
    ({"kind": "\u200b"}, "kind"),
    ({"severity": "high"}, "severity"),
])
def test_refusals_name_the_field(values: dict, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_injury_values(values)
    assert info.value.field == field
