"""Filter latency of the squad list: per keystroke, on the demo squad and on 1,000 players.

Run: .venv/bin/python bench/bench_filter.py  (offscreen; times typing "modric" into the filter box
and clearing it again, through the real SquadScreen, median over 20 rounds)
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
from db.domain.vocab import POSITIONS  # noqa: E402
from db.opening import open_database  # noqa: E402
from db.reference.queries import CURRENT_SEASON, OUR_CLUB  # noqa: E402
from db.reference.writes import ensure_club, ensure_season, set_setting
from db.squad.writes import add_membership, create_player  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.squad.screen import SquadScreen  # noqa: E402

TYPED = "modric"
ROUNDS = 20


def _big_squad(path: Path, size: int) -> None:
    database = open_database(path)
    with database.transaction() as session:
        club = ensure_club(session, "Big Test CF")
        season = ensure_season(session, "2024/25")
        set_setting(session, OUR_CLUB, str(club.id))
        set_setting(session, CURRENT_SEASON, str(season.id))
        for n in range(size):
            player = create_player(
                session,
                {"name": f"Player {n} Modrić" if n % 50 == 0 else f"Player {n} Ñúñez",
                 "primary_position": POSITIONS[n % len(POSITIONS)], "nationalities": "ESP",
                 "date_of_birth": dt.date(1990 + n % 15, 1 + n % 12, 1 + n % 28)},
                as_of=dt.date(2025, 5, 2), by="bench")
            add_membership(session, player_id=player.id, club_id=club.id, season_id=season.id,
                           values={"shirt_number": None}, by="bench")
    database.close()


def _measure(app: QApplication, path: Path, settings_path: Path) -> tuple[int, float, float]:
    context = AppContext(QSettings(str(settings_path), QSettings.Format.IniFormat))
    context.open_database(open_database(path))
    screen = SquadScreen(context)
    screen.resize(1400, 800)
    screen.show()
    app.processEvents()
    timings = []
    for _ in range(ROUNDS):
        for end in [*range(1, len(TYPED) + 1), 0]:
            start = time.perf_counter()
            screen.filter_edit.setText(TYPED[:end])
            app.processEvents()  # includes the repaint of the table
            timings.append(time.perf_counter() - start)
    rows = screen.model.rowCount()
    screen.close()
    context.close()
    return rows, statistics.median(timings) * 1000, max(timings) * 1000


def main() -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        demo, big = Path(folder) / "demo.sqlite", Path(folder) / "big.sqlite"
        create_demo(demo)
        _big_squad(big, 1000)
        for label, path in (("demo squad", demo), ("1,000 players", big)):
            rows, median, worst = _measure(app, path, Path(folder) / "s.ini")
            print(f"filter keystroke, {label} ({rows} rows): median {median:.2f} ms, worst {worst:.2f} ms")


if __name__ == "__main__":
    main()
