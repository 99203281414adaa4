"""The Linux bundle: what the PyInstaller recipe must carry, and (on request) the real build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMOKE_ENV = "DUGOUT_BUNDLE_SMOKE"


def test_every_file_the_code_finds_beside_its_modules_is_carried_by_the_bundle() -> None:
    """Code that reads files next to its module (``Path(__file__)…``) must read them from a folder
    the recipe copies into the bundle: ``resources/`` or the Alembic scripts."""
    spec = (ROOT / "packaging" / "dugout.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert 'ROOT / "db" / "migrations"' in spec
    uses = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for folder in ("db", "desktop")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"Path\(__file__\)", line) and not line.lstrip().startswith("#")
    ]
    assert uses  # the scan sees the code
    assert [use for use in uses if '"resources"' not in use and '"migrations"' not in use] == []


def test_every_screen_is_a_module_the_recipe_collects() -> None:
    """Screens are imported by name: the recipe collects every module under ``desktop``."""
    from desktop.screens import SCREENS

    spec = (ROOT / "packaging" / "dugout.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("desktop", filter=_ours)' in spec
    assert all(entry.factory.startswith("desktop.") for entry in SCREENS)


@pytest.mark.bundle
@pytest.mark.skipif(os.environ.get(SMOKE_ENV) != "1",
                    reason=f"builds the bundle (~2 min): set {SMOKE_ENV}=1, or run bash packaging/smoke.sh")
def test_the_built_bundle_renders_every_screen_from_a_fresh_data_folder() -> None:
    result = subprocess.run(["bash", str(ROOT / "packaging" / "smoke.sh")], cwd=ROOT, capture_output=True,
                            text=True, timeout=900, env={**os.environ, "PYTHON": sys.executable})

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke: OK:" in result.stdout
