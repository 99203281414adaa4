"""``dugout --version`` and the About facts come from the package metadata."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import pytest

import desktop.version
from desktop.version import dugout_licence, dugout_version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_version_prints_the_installed_version_without_loading_qt() -> None:
    code = ("import sys; from desktop.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit as exit:\n"
            "    print('qt' if 'PySide6' in sys.modules else 'no-qt', exit.code)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert result.stdout.splitlines() == [f"dugout {PROJECT['version']}", "no-qt 0"], result.stderr


def test_version_and_licence_are_those_of_pyproject() -> None:
    assert dugout_version() == PROJECT["version"]
    assert dugout_licence() == PROJECT["license"]


def test_a_checkout_that_was_never_installed_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(name: str) -> None:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(desktop.version, "metadata", not_installed)

    assert dugout_version() == "unknown (not installed)"
    assert dugout_licence() == "unknown (not installed)"
