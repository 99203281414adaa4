"""Cold start: time to the first painted Dugout window against a bare themed QMainWindow.

Run: .venv/bin/python bench/bench_startup.py  (offscreen; prints medians of 5 runs each)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
from desktop.theme import apply_theme
apply_theme(app, False)
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        print("first-paint", flush=True)
        app.quit()
w = W(); w.resize(1400, 860); w.show(); app.exec()
"""
RUNS = 5


def _time_until(command: list[str], markers: tuple[str, ...], env: dict[str, str]) -> dict[str, float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    seen: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word = line.strip()
        if word in markers and word not in seen:
            seen[word] = time.perf_counter() - start
    process.wait(60)
    return seen


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_CONFIG_HOME": f"{home}/cfg",
               "DUGOUT_DATA_DIR": f"{home}/data", "DUGOUT_STARTUP_PROBE": "1"}
        demo = f"{home}/demo.sqlite"
        subprocess.run([sys.executable, "-m", "desktop", "--db", demo, "demo"], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        bare, first, filled = [], [], []
        for _ in range(RUNS):
            bare.append(_time_until([sys.executable, "-c", BARE], ("first-paint",), env)["first-paint"])
            seen = _time_until([sys.executable, "-m", "desktop", "--db", demo], ("first-paint", "screens-filled"), env)
            first.append(seen["first-paint"])
            filled.append(seen["screens-filled"])
    b, f, s = (statistics.median(x) for x in (bare, first, filled))
    print(f"bare themed QMainWindow, first paint: {b:.3f} s")
    print(f"Dugout, first paint:                  {f:.3f} s  (ratio {f / b:.2f}x, goal <= 1.5x)")
    print(f"Dugout, squad list filled (demo):     {s:.3f} s")


if __name__ == "__main__":
    main()
