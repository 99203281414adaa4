"""Fixture import and the league table, timed (medians; each import into a new temporary file).

- LaLiga 2024/25 (openfootball football.json, all 380 matches) into a new database: goal < 0.5 s;
  then the same file again (every match compared, none written).
- A generated calendar of 10,000 events (.ics, 200 clubs, Madrid times, as a club's feed would
  carry them): the whole import (read, plan, write) against ``icalendar`` parsing the same file
  on its own, measured side by side in this run: goal at most 1.5 times.
- The league table of the demo on 2 May 2025 (380 matches, head-to-head tie-breakers).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.demo import DEMO_DIR, create_demo  # noqa: E402 - needs the repository on the path first
from db.importers.fixtures import apply_fixture_plan, plan_fixture_import  # noqa: E402
from db.opening import open_database  # noqa: E402

LALIGA = DEMO_DIR / "openfootball" / "2024-25_es.1.json"
EVENTS = 10_000
RUNS = 5


def write_calendar(path: Path, count: int = EVENTS) -> None:
    """A club-feed-like calendar: distinct pairings of 200 clubs, kick-offs in Madrid time."""
    from icalendar import Calendar, Event

    clubs = [f"Club {number:03d}" for number in range(200)]
    calendar = Calendar()
    calendar.add("prodid", "-//Dugout bench//EN")
    calendar.add("version", "2.0")
    start = dt.datetime(2024, 8, 1, 18, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    for number in range(count):
        home, away = number % 200, (number % 200 + number // 200 + 1) % 200
        kickoff = start + dt.timedelta(minutes=30 * number)
        event = Event()
        event.add("uid", f"match-{number}@bench.example")
        event.add("dtstamp", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
        event.add("summary", f"{clubs[home]} - {clubs[away]}")
        event.add("dtstart", kickoff)
        event.add("dtend", kickoff + dt.timedelta(hours=2))
        event.add("location", f"Stadium {home}")
        event.add("categories", ["Bench League"])
        event.add("description", f"Bench League, matchday {number // 100 + 1}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    path.write_bytes(calendar.to_ical())


def import_into_new_file(path: Path, club: str) -> tuple[float, int]:
    """Seconds to plan and apply ``path`` into a new database; and how many matches it added."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite")
        try:
            start = time.perf_counter()
            report = apply_fixture_plan(database, plan_fixture_import(database, path, club=club), by="bench")
            return time.perf_counter() - start, len(report.added)
        finally:
            database.close()


def median(times: list[float]) -> str:
    return f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, {len(times)} runs)"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Print the figures."""
    import_into_new_file(LALIGA, "Real Madrid CF")  # warm: imports, zone data
    laliga = [import_into_new_file(LALIGA, "Real Madrid CF") for _ in range(RUNS)]
    print(f"LaLiga 2024/25, {laliga[0][1]} matches into a new file: {median([t for t, _ in laliga])} (goal < 0.5 s)")
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "again.sqlite")
        apply_fixture_plan(database, plan_fixture_import(database, LALIGA, club="Real Madrid CF"), by="bench")
        again = timed(lambda: plan_fixture_import(database, LALIGA), RUNS)
        database.close()
    print(f"LaLiga again (380 compared, none written): {median(again)}")

    from icalendar import Calendar

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.ics"
        write_calendar(path)
        size = path.stat().st_size / 2**20
        parse, whole = [], []
        for _ in range(RUNS):  # side by side, so both see the same machine
            parse += timed(lambda: Calendar.from_ical(path.read_bytes()), 1)
            seconds, added = import_into_new_file(path, "Club 000")
            whole.append(seconds)
        print(f"{EVENTS:,} events ({size:.1f} MiB): icalendar parse alone {median(parse)}")
        print(f"{EVENTS:,} events: whole import ({added:,} added) {median(whole)}; "
              f"ratio {statistics.median(whole) / statistics.median(parse):.2f}x (goal <= 1.5x)")

    with tempfile.TemporaryDirectory() as folder:
        from db.calendar.queries import league_table
        from db.reference.queries import CURRENT_SEASON, find_competition, get_setting

        create_demo(Path(folder) / "demo.sqlite")
        database = open_database(Path(folder) / "demo.sqlite")

        def table() -> None:
            with database.reading() as session:
                laliga = find_competition(session, "LaLiga")
                assert laliga is not None and laliga.id is not None
                league_table(session, competition_id=laliga.id, season_id=int(get_setting(session, CURRENT_SEASON) or 0),
                             before=dt.datetime(2025, 5, 2, tzinfo=dt.UTC))

        table()
        print(f"League table of the demo on 2 May 2025 (380 matches): {median(timed(table, 20))}")
        database.close()


if __name__ == "__main__":
    main()
