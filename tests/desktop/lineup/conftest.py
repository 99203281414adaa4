"""The lineup screen on a private copy of the demo season, planning on 2 May 2025."""

from __future__ import annotations

import pytest

from desktop.lineup.screen import LineupScreen
from tests.helpers import shown_on_screen


@pytest.fixture
def screen(context, qtbot) -> LineupScreen:
    return shown_on_screen(qtbot, LineupScreen(context), (1300, 820))


def ids(screen: LineupScreen) -> dict[str, int]:
    """Squad player ids by name."""
    return {p.name: p.player_id for p in screen.editor.players.values()}
