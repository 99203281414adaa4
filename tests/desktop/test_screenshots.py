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
    # Every screen fits a 1440 × 900 window: none makes the window grow past a laptop's screen.
    sizes = {path.name: (QImage(str(path)).width(), QImage(str(path)).height()) for path in out.iterdir()}
    assert {name: size for name, size in sizes.items() if size != (1440, 900)} == {}
    light, dark = QImage(str(out / "squad.png")), QImage(str(out / "squad-dark.png"))
    assert (light.width(), light.height()) == (1440, 900)
    # The dark theme really is darker: compare the window background at a corner of the table area.
    assert light.pixelColor(700, 880).lightness() > dark.pixelColor(700, 880).lightness()


def test_a_screen_that_fails_while_drawn_fails_the_command(tmp_path: Path) -> None:
    """An exception inside Qt's painting is not swallowed: one line naming the screen, status 1."""
    env = {**os.environ, "DUGOUT_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    script = (
        "import sys\n"
        "import desktop.screens as screens\n"
        "entry = screens.ScreenEntry('broken', 'Broken', 'squad.svg', 'tests.desktop.fake_screen.broken:BrokenScreen')\n"
        "screens.SCREENS = (*screens.SCREENS, entry)\n"
        "from desktop.cli import main\n"
        f"sys.exit(main(['screenshots', {str(tmp_path / 'shots')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 1
    # PySide prints its own note on the same stream without a line break; ours ends it.
    assert result.stderr.rstrip().endswith("dugout: the broken screen failed while it was drawn: "
                                           "RuntimeError: drawing went wrong")
    shots = {p.name for p in (tmp_path / "shots").iterdir()}
    assert "broken.png" not in shots and "squad.png" in shots
