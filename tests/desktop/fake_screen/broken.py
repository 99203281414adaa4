"""A screen that fails each time it is painted (the screenshots command must not hide it)."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent

from desktop.common.screen_base import ScreenWidget


class BrokenScreen(ScreenWidget):
    """Raises from paintEvent."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        raise RuntimeError("drawing went wrong")
