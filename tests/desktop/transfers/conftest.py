"""The shortlist screen on the demo, and the messages it tells the user."""

from __future__ import annotations

import pytest

from desktop.transfers.screen import ShortlistScreen
from tests.helpers import shown_on_screen


@pytest.fixture
def screen(context, qtbot) -> ShortlistScreen:
    return shown_on_screen(qtbot, ShortlistScreen(context), (1300, 820))


@pytest.fixture
def messages(context) -> list[str]:
    """What the screen told the user, in order."""
    said: list[str] = []
    context.message.connect(said.append)
    return said
