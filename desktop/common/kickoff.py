"""How kick-offs read: in the user's own time zone (the system's), the match day kept as the one
where it is played, a time not yet announced said as such."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate, QTime, QTimeZone

from desktop.common.formatting import display_locale

UTC = ZoneInfo("UTC")


def user_zone() -> ZoneInfo:
    """The user's time zone: the system's IANA zone (UTC when the system names none we know)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_name(zone: ZoneInfo, moment: dt.datetime | None = None) -> str:
    """A zone as people read it on a day: "CEST", "UTC", or its IANA name when it has no abbreviation."""
    when = (moment or dt.datetime.now(dt.UTC)).astimezone(zone)
    abbreviation = when.tzname() or ""
    return abbreviation if abbreviation and not abbreviation.startswith(("+", "-")) else zone.key


def zone_place(zone: ZoneInfo) -> str:
    """A zone by its place, as a column header names it: "Madrid", "New York", "UTC"."""
    return zone.key.rsplit("/", 1)[-1].replace("_", " ")


def clock(moment: dt.datetime) -> str:
    """A time of day in the user's locale ("14:00")."""
    return display_locale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def kickoff_text(kickoff: dt.datetime, time_known: bool, zone: ZoneInfo) -> str:
    """The kick-off in ``zone`` ("14:00"; "03:00 (+1 day)" when that is the next day there;
    "TBC" when the time is not announced)."""
    if not time_known:
        return QCoreApplication.translate("Kickoff", "TBC")
    there = kickoff.astimezone(zone)
    shift = (there.date() - kickoff.date()).days
    if shift == 0:
        return clock(there)
    return QCoreApplication.translate("Kickoff", "{time} ({n:+d} day)").format(time=clock(there), n=shift)


def weekday_date(day: dt.date, year: bool = True) -> str:
    """A match day with its weekday: "Sun 4 May 2025" (or "Sun 4 May")."""
    return display_locale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy" if year else "ddd d MMM")
