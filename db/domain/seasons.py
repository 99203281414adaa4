"""Season labels: one spelling per season ('2024/25'), and the season a day falls in."""

from __future__ import annotations

import datetime as dt
import re

from db.errors import ValidationError
from db.i18n import tr

_SEASON = re.compile(r"^\s*(\d{4})\s*(?:[/\-]\s*(\d{2}|\d{4}))?\s*$")


def season_label(text: str) -> str:
    """The one spelling of a season: '2023/24' for 2023/2024, 2023-24 or 2023/24; '2025' for a calendar year."""
    match = _SEASON.match(text or "")
    if not match:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must look like 2024/25", s=text))
    first, second = int(match.group(1)), match.group(2)
    if second is None:
        return str(first)
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last != first + 1:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must span two years in a row", s=text))
    return f"{first}/{str(last)[2:]}"


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
