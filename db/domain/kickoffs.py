"""Kick-off times: IANA time zones, local times turned into UTC, and when a time is not known.

A fixture stores its kick-off in UTC plus the zone it was announced in. A match whose time is not
known yet (an all-day event, a fixture list without times) is stored at noon local time with
``kickoff_time_known`` false, so its local day never shifts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from db.errors import ValidationError
from db.i18n import tr

PLACEHOLDER_KICKOFF = dt.time(12, 0)  # the local time stored for a match whose time is not known


def check_zone(field: str, name: Any) -> ZoneInfo:
    """An IANA time zone ('Europe/Madrid'), refused with a readable message when unknown."""
    text = "" if name is None else str(name).strip()
    if not text:
        raise ValidationError(field, "empty", tr("Time zone must not be empty"))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        message = tr("'{z}' is not a known time zone (use a name like Europe/Madrid)", z=text[:64])
        raise ValidationError(field, "unknown_zone", message) from None


def local_to_utc(local: Any, zone: ZoneInfo) -> dt.datetime:
    """Convert a naive local kick-off to aware UTC; refuse aware values and clock-change gaps."""
    if not isinstance(local, dt.datetime):
        raise ValidationError("kickoff_local", "not_a_datetime", tr("Kick-off must be a date and time"))
    if local.tzinfo is not None:
        raise ValidationError(
            "kickoff_local", "not_local", tr("Kick-off must be a local time; give the zone separately")
        )
    utc = local.replace(tzinfo=zone).astimezone(dt.UTC)
    # A time skipped when clocks go forward does not survive the round trip; an ambiguous time
    # (clocks going back) takes its first occurrence, which is what fixture lists mean.
    if utc.astimezone(zone).replace(tzinfo=None) != local:
        raise ValidationError(
            "kickoff_local",
            "nonexistent",
            tr("{t} does not exist in {z} (the clocks change then)", t=local.isoformat(" "), z=zone.key),
        )
    return utc


def as_utc(moment: dt.datetime) -> dt.datetime:
    """An aware UTC datetime: a naive one is UTC (SQLite's raw values), an aware one may be in a
    server session's own time zone (PostgreSQL returns timestamptz that way)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
