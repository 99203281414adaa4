"""One real mouse drag, squad list to pitch, driven by xdotool on an X display (Xvfb will do).

Offscreen, ``QDrag.exec()`` returns at once, so the other tests drop at mime level and with drag
events; this one presses, moves and releases a real pointer. It skips itself without a display
or xdotool:  Xvfb :97 & DISPLAY=:97 pytest tests/desktop/lineup/test_real_drag.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.skipif(not os.environ.get("DISPLAY") or shutil.which("xdotool") is None,
                                reason="a real drag needs an X display (e.g. Xvfb) and xdotool")


def _xdotool(*args: object) -> None:
    subprocess.run(["xdotool", *map(str, args)], check=True, timeout=10)


def test_a_player_dragged_with_the_mouse_onto_a_slot_is_saved(demo_path: Path, tmp_path: Path) -> None:
    from db.lineup.queries import read_lineup
    from db.opening import open_database

    positions = tmp_path / "positions.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path), "DUGOUT_DATA_DIR": str(tmp_path / "data")}
    app = subprocess.Popen([sys.executable, str(HERE / "real_drag_app.py"), str(demo_path), str(positions),
                            "Lorenzo Aguado", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    try:
        deadline = time.monotonic() + 60
        while not positions.exists() and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert positions.exists(), app.communicate(timeout=5)[0] if app.poll() is not None else "no positions"
        time.sleep(0.5)
        where = json.loads(positions.read_text())
        (x0, y0), (x1, y1) = where["source"], where["target"]
        _xdotool("mousemove", x0, y0)
        time.sleep(0.3)
        _xdotool("mousedown", 1)
        for step in range(1, 13):  # several moves: Qt starts a drag past the drag distance
            _xdotool("mousemove", x0 + (x1 - x0) * step // 12, y0 + (y1 - y0) * step // 12)
            time.sleep(0.08)
        time.sleep(0.3)
        _xdotool("mouseup", 1)
        output, _ = app.communicate(timeout=40)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, output
    database = open_database(demo_path)
    try:
        from db.calendar.queries import fixture_on
        from db.squad.models import Player

        with database.reading() as session:
            celta = fixture_on(session, club_id=1, day=dt.date(2025, 5, 4))
            assert celta is not None
            saved = read_lineup(session, celta.fixture_id, 1)
            right_back = session.get(Player, saved.state.starters[1]).name
    finally:
        database.close()
    assert right_back == "Lorenzo Aguado" and saved.version == 2
