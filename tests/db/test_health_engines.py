"""Dugout's own rules are checked the same way on a file and on a server database."""

from __future__ import annotations

import pytest

from desktop.cli import main


def test_the_check_of_the_demo_finds_it_healthy_on_either_engine(demo_target: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    where = ["--db-url", demo_target] if "://" in demo_target else ["--db", demo_target]
    assert main([*where, "check"]) == 0
    assert "healthy" in capsys.readouterr().out
