"""Lineup screen latency on the demo season: a drop until it is saved and the pitch repainted,
and a formation switch with eleven players placed.

Run: .venv/bin/python bench/bench_lineup.py  (offscreen; the real LineupScreen on a demo file;
each drop goes through the scene's drop hand-off with the squad model's own mime data, is saved
in its own transaction, re-read and repainted; median and worst over the rounds)
"""

from __future__ import annotations

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
from db.domain.lineup import SLOT, Spot  # noqa: E402
from db.opening import open_database  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.lineup.screen import LineupScreen  # noqa: E402

ROUNDS = 60


def _repaint(app: QApplication, screen: LineupScreen) -> None:
    app.processEvents()
    screen.pitch.viewport().repaint()  # the pitch really painted, not only scheduled


def _drops(app: QApplication, screen: LineupScreen) -> list[float]:
    """Endrick and Gonzalo García dropped in turn on the striker's place."""
    model, timings = screen.model, []
    names = {p.name: p.player_id for p in screen.editor.players.values()}
    for n in range(ROUNDS):
        player = names["Endrick" if n % 2 == 0 else "Gonzalo García"]
        mime = model.mimeData([model.index(model.position_of(player), 1)])
        start = time.perf_counter()
        assert screen.scene.drop_mime(mime, Spot(SLOT, 9))
        _repaint(app, screen)
        timings.append(time.perf_counter() - start)
    return timings


def _switches(app: QApplication, screen: LineupScreen) -> list[float]:
    """4-3-3 → 4-4-2 → 4-2-3-1 → … with the eleven placed, saved and repainted each time."""
    combo, timings = screen.formation_combo, []
    for n in range(ROUNDS):
        index = 1 + n % (combo.count() - 1) if n % 2 == 0 else 0
        start = time.perf_counter()
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        _repaint(app, screen)
        timings.append(time.perf_counter() - start)
    assert len([p for p in screen.editor.state.starters if p is not None]) == 11
    return timings


def _line(label: str, timings: list[float], goal: float) -> str:
    median, worst = statistics.median(timings) * 1000, max(timings) * 1000
    return f"{label}: median {median:.1f} ms, worst {worst:.1f} ms (goal < {goal:.0f} ms)"


def main() -> None:
    from desktop.app import silence_offscreen_noise

    app = QApplication(sys.argv[:1])
    silence_offscreen_noise()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        create_demo(demo)
        context = AppContext(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        context.open_database(open_database(demo))
        screen = LineupScreen(context)
        screen.resize(1300, 820)
        screen.show()
        app.processEvents()
        print(_line("drop to saved and repainted", _drops(app, screen), 30))
        print(_line("formation switch with 11 placed, saved and repainted", _switches(app, screen), 50))
        screen.close()
        context.close()
    app.shutdown()


if __name__ == "__main__":
    main()
