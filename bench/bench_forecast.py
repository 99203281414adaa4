"""The availability forecast grid: build it and paint it for 30 players × 20 fixtures (goal under
50 ms). Offscreen, on the demo season planned from 1 February 2025 (20 fixtures ahead) with four
academy players taken out of the squad so that 30 remain; the table is sized to show every cell.

Run: .venv/bin/python bench/bench_forecast.py  (median, min and max of 20 rounds: the read of the
facts in one load, the engine's 600 answers, then a full paint of the grid into a pixmap)
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.demo import create_demo  # noqa: E402
from db.opening import open_database  # noqa: E402
from db.squad.queries import squad_rows  # noqa: E402
from db.squad.writes import mark_left  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.theme import apply_theme  # noqa: E402

ROUNDS = 20
PLAYERS = 30
FIXTURES = 20
AS_OF = dt.date(2025, 2, 1)


def main() -> None:
    """Print the median time to build and paint the forecast grid."""
    app = QApplication(sys.argv)
    apply_theme(app, dark=False)
    from desktop.forecast.screen import ForecastScreen

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        create_demo(path)
        database = open_database(path)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext(settings)
        context.explicit_as_of = AS_OF
        context.open_database(database)
        assert context.club_id is not None and context.season_id is not None
        with database.reading() as session:
            squad = squad_rows(session, club_id=context.club_id, season_id=context.season_id, as_of=AS_OF)
        for member in [m for m in squad if m.squad_role == "academy"][:len(squad) - PLAYERS]:
            mark_left(database, member.membership_id, member.membership_version, left_on=AS_OF, reason="other")
        screen = ForecastScreen(context)
        screen.academy_box.setChecked(True)
        screen.count_spin.setValue(FIXTURES)
        screen.resize(210 + FIXTURES * 100 + 40, 88 + (PLAYERS + 4) * 24 + 120)
        screen.show()
        app.processEvents()
        model, table = screen.model, screen.table
        players = sum(1 for r in range(model.rowCount()) if model.player(r) is not None)
        fixtures = model.columnCount() - 1
        times, builds, paints = [], [], []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            model.reload()
            built = time.perf_counter()
            table.grab()  # paints every cell and the headers
            done = time.perf_counter()
            times.append(done - start)
            builds.append(built - start)
            paints.append(done - built)
        print(f"forecast grid: {players} players x {fixtures} fixtures, build (one load of the facts, "
              f"{players * fixtures} answers) and paint: median {statistics.median(times) * 1000:.1f} ms over "
              f"{ROUNDS} rounds (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}; goal < 50 ms); "
              f"build {statistics.median(builds) * 1000:.1f} ms, paint {statistics.median(paints) * 1000:.1f} ms")
        screen.close()
        context.close()
    app.shutdown()


if __name__ == "__main__":
    main()
