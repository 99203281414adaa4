"""The lineup screen on a private copy of the demo season, planning on 2 May 2025."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.engine import Database
from db.opening import open_database
from desktop.lineup.screen import LineupScreen
from tests.helpers import make_context, shown_on_screen


@pytest.fixture
def demo(demo_path) -> Iterator[Database]:
    opened = open_database(demo_path)
    yield opened
    opened.close()


@pytest.fixture
def context(qapp, demo: Database, settings):
    return make_context(demo, settings)


@pytest.fixture
def screen(context, qtbot) -> LineupScreen:
    return shown_on_screen(qtbot, LineupScreen(context), (1300, 820))


def ids(screen: LineupScreen) -> dict[str, int]:
    """Squad player ids by name."""
    return {p.name: p.player_id for p in screen.editor.players.values()}
