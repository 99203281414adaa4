"""Which backups are kept and when one is due: all of today and yesterday, then 12 daily, 10
weekly and 9 monthly; at start after a day, in use every 30 minutes when something changed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from db.domain.backup_rules import backup_due_at_start, backup_due_in_use, backups_to_keep

NOW = dt.datetime(2025, 5, 2, 12, 0)
_TIMES = st.lists(st.datetimes(min_value=dt.datetime(2022, 1, 1), max_value=NOW + dt.timedelta(hours=2)),
                  max_size=120)


def test_a_backup_every_hour_for_two_years_keeps_today_yesterday_and_12_10_9() -> None:
    times = [NOW - dt.timedelta(hours=h) for h in range(0, 2 * 365 * 24)]
    kept = backups_to_keep(times, NOW)
    recent = [t for t in times if t.date() >= dt.date(2025, 5, 1)]
    assert len(recent) == 13 + 24 and set(recent) <= kept
    older = sorted(kept - set(recent), reverse=True)
    days = [t for t in older if t.date() >= dt.date(2025, 4, 18)]
    assert [t.date() for t in days] == [dt.date(2025, 4, 30) - dt.timedelta(days=d) for d in range(12)]
    assert all(t.hour == 23 for t in days), "the newest of each day"
    assert len({t.isocalendar()[:2] for t in older}) >= 10 and len({(t.year, t.month) for t in older}) == 9
    assert min(kept) == dt.datetime(2024, 8, 31, 23, 0), "the newest of the ninth month back"


@given(_TIMES)
def test_today_and_yesterday_are_always_kept_and_so_is_the_newest(times: list[dt.datetime]) -> None:
    kept = backups_to_keep(times, NOW)
    assert {t for t in times if t.date() >= NOW.date() - dt.timedelta(days=1)} <= kept
    assert kept <= set(times)
    if times:
        assert max(times) in kept


@given(_TIMES)
def test_at_most_12_10_and_9_older_backups_are_kept(times: list[dt.datetime]) -> None:
    kept = backups_to_keep(times, NOW)
    older = [t for t in kept if t.date() < NOW.date() - dt.timedelta(days=1)]
    assert len(older) <= 12 + 10 + 9
    assert len({t.date() for t in older}) == len(older), "one per day at most"


@given(_TIMES)
def test_pruning_twice_deletes_nothing_more(times: list[dt.datetime]) -> None:
    kept = backups_to_keep(times, NOW)
    assert backups_to_keep(kept, NOW) == kept


@given(_TIMES, st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=60)))
def test_a_backup_kept_later_was_kept_before(times: list[dt.datetime], later: dt.timedelta) -> None:
    """Retention never brings back what it dropped: as time passes the kept set only shrinks."""
    assert backups_to_keep(times, NOW + later) <= backups_to_keep(times, NOW) | {
        t for t in times if t.date() >= NOW.date() - dt.timedelta(days=1)}


def test_a_backup_is_due_at_start_after_a_day() -> None:
    assert backup_due_at_start(None, NOW)
    assert not backup_due_at_start(NOW - dt.timedelta(hours=23, minutes=59), NOW)
    assert backup_due_at_start(NOW - dt.timedelta(days=1), NOW)
    assert backup_due_at_start(NOW + dt.timedelta(days=3), NOW), "a clock that went back"


def test_in_use_a_backup_is_due_every_30_minutes_only_when_something_changed() -> None:
    assert not backup_due_in_use(NOW - dt.timedelta(hours=5), NOW, changed=False)
    assert not backup_due_in_use(NOW - dt.timedelta(minutes=29), NOW, changed=True)
    assert backup_due_in_use(NOW - dt.timedelta(minutes=30), NOW, changed=True)
    assert backup_due_in_use(None, NOW, changed=True)
