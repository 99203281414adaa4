"""Budget recomputation with 1,000 targets and 5,000 instalments (goal under 20 ms per change).

The demo season gets 1,000 extra targets (each a purchase of an extra player, five instalments,
a wage and a contract; half of them ticked into the demo's first scenario). Figures, medians:

- the pure arithmetic of one season's budget over every deal;
- one change as the screens see it: a deal's fee edited and announced, the transfer state
  re-reading that deal alone and recomputing (what every figure on screen then shows);
- the same with the budget panel on screen refreshing its labels.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.changes import DEAL, Change  # noqa: E402 - needs the repository on the path first
from db.demo import create_demo  # noqa: E402
from db.domain.budget import season_budget  # noqa: E402
from db.domain.deals import SeasonSpan  # noqa: E402
from db.opening import open_database  # noqa: E402
from db.squad.writes import create_player  # noqa: E402
from db.transfers.models import ScenarioDeal  # noqa: E402
from db.transfers.queries import scenarios  # noqa: E402
from db.transfers.writes import create_deal_in, update_deal  # noqa: E402

TARGETS, INSTALMENTS, RUNS = 1_000, 5, 30
AS_OF = dt.date(2025, 5, 2)


def _fill(database) -> list[int]:
    """1,000 targets with five yearly instalments each; half ticked into the first scenario."""
    ids = []
    with database.transaction() as session:
        plan = scenarios(session)[0].scenario_id
        for n in range(TARGETS):
            player = create_player(session, {"name": f"Target {n:04d}", "date_of_birth": "2000-01-01",
                                             "primary_position": "CM"}, as_of=AS_OF, by="bench")
            fee = 1_000_000_000 + n * 1_000_000
            start = dt.date(2025, 7, 1) if n % 3 else dt.date(2026, 1, 15)
            schedule = [(dt.date(start.year + k, start.month, start.day), fee // INSTALMENTS) for k in range(INSTALMENTS)]
            deal = create_deal_in(session, {
                "kind": "purchase", "player_id": player.id, "deal_date": AS_OF, "starts_on": start,
                "contract_end": dt.date(2030, 6, 30), "fee_cents": fee, "annual_wage_cents": 500_000_000 + n,
                "status": ("scouting", "bid", "agreed", "signed", "dropped")[n % 5]}, instalments=schedule, by="bench")
            ids.append(deal.id)
            if n % 2:
                session.add(ScenarioDeal(scenario_id=plan, deal_id=deal.id))
    return ids


def _median_ms(step, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the figures."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.context import AppContext
    from desktop.transfers.budget_panel import BudgetPanel
    from desktop.transfers.state import TransferState

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        create_demo(path)
        database = open_database(path)
        started = time.perf_counter()
        ids = _fill(database)
        print(f"setup: {TARGETS} targets, {TARGETS * INSTALMENTS} instalments written in "
              f"{time.perf_counter() - started:.1f} s")
        context = AppContext(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        context.explicit_as_of = AS_OF
        context.open_database(database)
        state = TransferState.of(context)
        season = state.season
        assert season is not None and len(state.terms) > TARGETS
        terms = list(state.terms.values())
        ticked = state.ticked()
        pure = _median_ms(lambda: season_budget(terms, SeasonSpan(season.label, season.starts_on, season.ends_on),
                                                scenario=ticked))
        print(f"pure arithmetic, one season over {len(terms)} deals: median {pure:.1f} ms")
        version = {"v": 1}
        deal_id = ids[1]

        def change() -> None:
            version["v"] = update_deal(database, deal_id, version["v"], {"fee_cents": 1_000_000_000 + version["v"]},
                                       instalments=[])
            started_change = time.perf_counter()
            state.on_change(Change.of(DEAL, {deal_id}))
            timings.append((time.perf_counter() - started_change) * 1000)

        panel = None
        for label in ("state only", "with the budget panel"):
            if label != "state only":
                panel = BudgetPanel(context, state, "bench")
            timings: list[float] = []
            for _ in range(RUNS):
                change()
            print(f"one change (re-read one deal, recompute{', refresh the panel' if panel else ''}), {label}: "
                  f"median {statistics.median(timings):.1f} ms, worst {max(timings):.1f} ms")
        database.close()
    del app


if __name__ == "__main__":
    main()
