"""What every screen widget shares: the app context, and models that wait while it is hidden.

A hidden screen does not re-read rows for every change another screen makes: its models queue
the notices (``watch``) and apply them when the screen is shown again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.context import AppContext


log = logging.getLogger(__name__)


class HoldsUpdates(Protocol):
    """A model that can queue change notices while its screen is hidden (``CachedRowsModel``,
    or any model with these two methods)."""

    def hold_updates(self) -> None:
        """Queue notices instead of applying them."""

    def resume_updates(self) -> None:
        """Apply what was queued."""


class ReadsWhenShown:
    """For a model or panel read as a whole (``reload``): a change re-reads it at once while its
    screen is shown, and once when the screen is shown again otherwise (``ScreenWidget.watch``);
    a refusal from the data layer is told as a message, never raised into a signal handler.
    The class sets ``context``; ``_held`` starts True for a screen that starts hidden."""

    context: AppContext
    _held = False
    _stale = False

    def reload(self) -> None:
        """Read everything again."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read now, or once the screen is shown again."""
        from db.errors import DugoutError

        if self._held:
            self._stale = True
            return
        self._stale = False
        try:
            self.reload()
        except DugoutError as error:
            self.context.message.emit(str(error))
        except Exception as error:  # a locked or unreachable database: told, never raised into a slot
            log.exception("reading %s failed", type(self).__name__)
            self.context.message.emit(str(error))

    def hold_updates(self) -> None:
        """Wait with re-reads while the screen is hidden."""
        self._held = True

    def resume_updates(self) -> None:
        """Re-read once if anything changed while held."""
        self._held = False
        if self._stale:
            self.refresh()


class ScreenWidget(QWidget):
    """Base of a screen: override ``search`` and ``open_player`` (the ``Screen`` protocol)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._watched: list[HoldsUpdates] = []

    def watch(self, model: HoldsUpdates) -> None:
        """Hold ``model``'s updates while this screen is hidden (it starts hidden)."""
        self._watched.append(model)
        model.hold_updates()

    def search(self) -> None:
        """Put the cursor where the user types to look for something (Edit → Find)."""

    def open_player(self, player_id: int) -> bool:
        """Bring a player into view; False when this screen does not show them."""
        return False

    def current_player(self) -> int | None:
        """The player selected here, if any (what a player action applies to)."""
        return None

    def run_player_action(self, action: str, player_id: int | None) -> None:
        """Carry out one of this screen's player actions (none by default)."""

    def showEvent(self, event: QShowEvent) -> None:
        for model in self._watched:
            model.resume_updates()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        for model in self._watched:
            model.hold_updates()
        super().hideEvent(event)
