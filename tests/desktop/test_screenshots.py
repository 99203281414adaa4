"""``dugout screenshots DIR`` renders the screens of the demo to PNG files and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_command_writes_light_and_dark_squad(tmp_path: Path) -> None:
    env = {**os.environ, "DUGOUT_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "screenshots", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    from desktop.screens import SCREENS

    expected = sorted(f"{entry.name}{suffix}.png" for entry in SCREENS for suffix in ("", "-dark"))
    assert sorted(p.name for p in out.iterdir()) == expected
    light, dark = QImage(str(out / "squad.png")), QImage(str(out / "squad-dark.png"))
    assert (light.width(), light.height()) == (1440, 900)
    # The dark theme really is darker: compare the window background at a corner of the table area.
    assert light.pixelColor(700, 880).lightness() > dark.pixelColor(700, 880).lightness()
