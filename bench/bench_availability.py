"""Availability of 30 players over 60 fixture dates on the demo season, loader included: the
nine queries that read the facts, then 1,800 answers (median of 20 runs; goal under 20 ms).

The demo records no yellow cards, and counting bookings is the engine's costliest rule, so a
second figure gives every player eight yellows spread over the matches already played."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.calendar.queries import fixtures_of  # noqa: E402 - needs the repository on the path first
from db.demo import create_demo  # noqa: E402
from db.domain.availability import CardFact, availability_on  # noqa: E402
from db.medical.availability import load_availability_facts  # noqa: E402
from db.opening import open_database  # noqa: E402
from db.reference.queries import our_club_and_season  # noqa: E402
from db.squad.queries import squad_rows  # noqa: E402

RUNS = 20
PLAYERS = 30
DATES = 60
AS_OF = dt.date(2025, 5, 2)


def main() -> None:
    """Print the median time of a whole squad's availability over a season's fixtures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        create_demo(path)
        database = open_database(path)
        with database.reading() as session:
            found = our_club_and_season(session)
            assert found is not None
            club, season = found
            assert club.id is not None and season.id is not None
            players = [r.player_id for r in squad_rows(session, club_id=club.id, season_id=season.id,
                                                       as_of=AS_OF)][:PLAYERS]
            fixtures = fixtures_of(session, club_id=club.id)[:DATES]
        days = [(f.day, f.competition_id) for f in fixtures]
        played = [(day, competition) for day, competition in days if day <= AS_OF]
        for label, yellows in (("as in the demo", False), ("with 8 yellows each", True)):
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                with database.reading() as session:
                    facts = load_availability_facts(session, players, [d for d, _ in days], as_of=AS_OF,
                                                    club_id=club.id)
                each = {p: facts.of(p) for p in players}
                if yellows:  # added after the timer started: the engine sees them as loaded facts
                    each = {p: dataclasses.replace(f, cards=tuple(CardFact(c, d, "yellow")
                                                                 for d, c in played[p % 5::7][:8]))
                            for p, f in each.items()}
                answers = [availability_on(each[p], day, competition) for p in players for day, competition in days]
                times.append(time.perf_counter() - start)
            print(f"availability {label}: {len(players)} players x {len(days)} fixture dates = {len(answers)} "
                  f"answers, loader included: median {statistics.median(times) * 1000:.1f} ms over {RUNS} runs "
                  f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}; goal < 20 ms)")
        database.close()


if __name__ == "__main__":
    main()
