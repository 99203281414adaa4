"""Undo commands: one per user action, each calling ``db`` functions in a transaction.

A command is applied *before* it is pushed (``push_applied``): a refused edit raises and never
enters the stack. If undo or redo later meets a row that changed since (``StaleEdit``), the user
gets a message and the command marks itself obsolete, which makes ``QUndoStack`` drop it, so the
stack never claims a state the database does not have.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.context import AppContext

log = logging.getLogger(__name__)


class DbCommand(QUndoCommand):
    """Base for commands that change the database; subclasses implement ``apply`` and ``revert``.

    Both return ``(kinds, ids)`` to announce on the change bus.
    """

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._applied = False

    kinds: frozenset[str] = frozenset({"player", "squad_membership"})

    def apply(self) -> tuple[set[str], set[int]]:
        raise NotImplementedError

    def revert(self) -> tuple[set[str], set[int]]:
        raise NotImplementedError

    def run_first(self) -> None:
        """Apply now (raising ValidationError/StaleEdit to the caller); the push then skips redo."""
        self.context.announce(*self.apply())
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Any) -> None:
        from db.errors import DugoutError

        try:
            kinds, ids = step()
        except Exception as error:  # never into Qt: a locked or vanished database included
            if not isinstance(error, DugoutError):
                log.exception("%s failed", self.text())
            self.setObsolete(True)
            template = QCoreApplication.translate("DbCommand", "Could not {action}: {reason}")
            self.context.message.emit(template.format(action=self.text()[:1].lower() + self.text()[1:], reason=error))
            # Empty ids mean "any row of these kinds": screens reload and show what is really there.
            self.context.announce(self.kinds, set())
            return
        self.context.announce(kinds, ids)


def push_applied(context: AppContext, command: DbCommand) -> None:
    """Apply ``command`` and, only if that succeeded, put it on the undo stack."""
    command.run_first()
    context.undo_stack.push(command)
