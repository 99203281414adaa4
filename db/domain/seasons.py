"""Season labels: one spelling per season ('2024/25'), and the season a day falls in."""

from __future__ import annotations

import datetime as dt
import re

from db.errors import ValidationError
from db.i18n import tr

_SEASON = re.compile(r"^\s*(\d{4})\s*(?:[/\-]\s*(\d{2}|\d{4}))?\s*$")
FIRST_YEARS = (1900, 2100)  # the years a season may start in


def season_label(text: str) -> str:
    """The one spelling of a season: '2023/24' for 2023/2024, 2023-24 or 2023/24; '2025' for a calendar year."""
    match = _SEASON.match(text or "")
    if not match:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must look like 2024/25", s=text))
    first, second = int(match.group(1)), match.group(2)
    if not FIRST_YEARS[0] <= first <= FIRST_YEARS[1]:
        raise ValidationError(
            "label", "out_of_range",
            tr("Season '{s}' must start between {a} and {b}", s=text, a=FIRST_YEARS[0], b=FIRST_YEARS[1]),
        )
    if second is None:
        return str(first)
    # Two digits name the year after the first one, across a century too (1999/00, 2099/00).
    follows = int(second) == first + 1 if len(second) == 4 else int(second) == (first + 1) % 100
    if not follows:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must span two years in a row", s=text))
    return f"{first}/{(first + 1) % 100:02d}"


def season_label_for(day: dt.date) -> str:
    """The July–June season a day falls in ('2024/25')."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}/{str(first + 1)[2:]}"


def default_season_dates(label: str) -> tuple[dt.date, dt.date]:
    """1 July – 30 June for '2024/25'; 1 January – 31 December for a calendar-year season '2025'."""
    first = int(label[:4])
    if "/" not in label:
        return dt.date(first, 1, 1), dt.date(first, 12, 31)
    return dt.date(first, 7, 1), dt.date(first + 1, 6, 30)
