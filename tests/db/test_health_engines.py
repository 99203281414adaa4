"""Dugout's own rules are checked the same way on a file and on a server database."""

from __future__ import annotations

import pytest

from desktop.cli import main


def test_the_check_of_the_demo_finds_it_healthy_on_either_engine(demo_target: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    server = "://" in demo_target
    where = ["--db-url", demo_target] if server else ["--db", demo_target]
    assert main([*where, "check"]) == 0
    out = capsys.readouterr().out
    assert "Dugout's own rules all check out" in out
    # A server's files are its own business: the check must not claim it looked at their integrity.
    assert ("healthy (integrity" in out) is not server
