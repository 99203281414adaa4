"""When to make a backup and which backups to keep: plain rules over times, no files, no session.

Retention is "grandfather-father-son": every backup of today and yesterday, then the newest backup
of each of the 12 days before that which have one, of 10 weeks and of 9 months. A day, week or
month counts only when it holds a backup, so a club that pauses for the summer keeps its last ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable

DAILY = 12
WEEKLY = 10
MONTHLY = 9
START_AFTER = dt.timedelta(days=1)  # at start, when the newest backup is older than this
EVERY = dt.timedelta(minutes=30)  # during use, when something changed since the last one


def _newest_per_bucket(times: list[dt.datetime], bucket: Callable[[dt.datetime], Hashable],
                       count: int) -> set[dt.datetime]:
    """The newest time of each of the ``count`` newest buckets that hold one (``times`` newest first)."""
    kept: set[dt.datetime] = set()
    seen: set[Hashable] = set()
    for time in times:
        key = bucket(time)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(time)
    return kept


def backups_to_keep(times: Iterable[dt.datetime], now: dt.datetime, *, daily: int = DAILY, weekly: int = WEEKLY,
                    monthly: int = MONTHLY) -> set[dt.datetime]:
    """The backup times to keep out of ``times`` on ``now``; the others may be deleted."""
    yesterday = now.date() - dt.timedelta(days=1)
    every = sorted(set(times), reverse=True)
    recent = {t for t in every if t.date() >= yesterday}  # a clock set back keeps "future" ones too
    older = [t for t in every if t not in recent]
    return (recent
            | _newest_per_bucket(older, lambda t: t.date(), daily)
            | _newest_per_bucket(older, lambda t: t.isocalendar()[:2], weekly)
            | _newest_per_bucket(older, lambda t: (t.year, t.month), monthly))


def backup_due_at_start(newest: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether opening the database calls for a backup: none yet, or the newest is a day old."""
    return newest is None or now - newest >= START_AFTER or newest > now


def backup_due_in_use(last: dt.datetime | None, now: dt.datetime, *, changed: bool) -> bool:
    """Whether the periodic check calls for a backup: something changed and the last is 30 minutes old."""
    return changed and (last is None or now - last >= EVERY or last > now)
