"""What the screens' tests share: the demo database opened, and an app context over it."""

from __future__ import annotations

import pytest

from db.opening import open_database
from tests.helpers import make_context


@pytest.fixture
def demo(demo_path):
    """The demo season, opened (a fresh copy per test)."""
    opened = open_database(demo_path)
    yield opened
    opened.close()


@pytest.fixture
def context(qapp, demo, settings):
    """An app context on the demo, as the window would make it."""
    return make_context(demo, settings)
