"""Undo commands: one per user action, each calling ``db`` functions in a transaction.

A command is applied *before* it is pushed (``push_applied``): a refused edit raises and never
enters the stack. Undo and redo then compare-and-swap on values (``db.restoring``): they write
only if the row still holds what the command left there, so another user's later change is never
overwritten. If undo or redo meets a row that changed since (``StaleEdit``), the user gets a
message and the command marks itself obsolete, which makes ``QUndoStack`` drop it, so the stack
never claims a state the database does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db.changes import Change

if TYPE_CHECKING:
    from db.engine import Database
    from desktop.context import AppContext

log = logging.getLogger(__name__)


class DbCommand(QUndoCommand):
    """Base for commands that change the database; subclasses implement ``apply`` and ``revert``,
    each returning the ``Change`` to announce, and declare the ``kinds`` of row they write (what
    screens re-read when a step fails half-way)."""

    kinds: ClassVar[frozenset[str]]

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        """A concrete command must say which kinds of row it writes (``abstract=True`` exempts a
        shared intermediate class)."""
        super().__init_subclass__(**kwargs)
        if not abstract and not getattr(cls, "kinds", None):
            raise TypeError(f"{cls.__name__} must declare the kinds of row it writes")

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._applied = False

    def apply(self) -> Change:
        """Do the action (first time or redo); return what changed."""
        raise NotImplementedError

    def revert(self) -> Change:
        """Take the action back; return what changed."""
        raise NotImplementedError

    # --- helpers for subclasses -------------------------------------------------------------
    def database(self) -> Database:
        """The open database (a command exists only while one is open)."""
        assert self.context.database is not None, "no database is open"
        return self.context.database

    def wrote(self, table: str, row_id: int, version: int) -> None:
        """Remember the version this app's own write left on a row (undo expects exactly it)."""
        self.context.own_versions[(table, row_id)] = version

    def own_version(self, table: str, row_id: int, default: int | None = None) -> int | None:
        """The version this app's last write left on a row, if any."""
        return self.context.own_versions.get((table, row_id), default)

    def failed_action(self, undoing: bool) -> str:
        """What could not be done, as it follows "Could not …" in the message of a failed undo or
        redo: 'undo “Change shirt number of Bellingham”' by default; a command may say its own."""
        if undoing:
            return QCoreApplication.translate("DbCommand", "undo “{what}”").format(what=self.text())
        return QCoreApplication.translate("DbCommand", "redo “{what}”").format(what=self.text())

    def swap(self, table: str, row_id: int, expected: dict[str, Any], changes: dict[str, Any]) -> None:
        """Write ``changes`` only if the row still holds ``expected`` and this app's last version."""
        from db.restoring import swap_fields

        version = swap_fields(
            self.database(), table, row_id, expected=expected, changes=changes, as_of=self.context.as_of,
            version=self.own_version(table, row_id),
        )
        self.wrote(table, row_id, version)

    # --- QUndoCommand -----------------------------------------------------------------------
    def run_first(self) -> None:
        """Apply now (raising ValidationError/StaleEdit to the caller); the push then skips redo."""
        self.context.announce(self.apply())
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guarded(self.apply, undoing=False)

    def undo(self) -> None:
        self._guarded(self.revert, undoing=True)

    def _guarded(self, step: Callable[[], Change], *, undoing: bool) -> None:
        from db.errors import DugoutError

        try:
            change = step()
        except Exception as error:  # never into Qt: a locked or vanished database included
            if not isinstance(error, DugoutError):
                log.exception("%s failed", self.text())
            self.setObsolete(True)
            template = QCoreApplication.translate("DbCommand", "Could not {action}: {reason}")
            self.context.message.emit(template.format(action=self.failed_action(undoing), reason=error))
            # Every row of these kinds: screens reload and show what is really there.
            self.context.announce(Change.everything(self.kinds))
            return
        self.context.announce(change)


def push_applied(context: AppContext, command: DbCommand) -> None:
    """Apply ``command`` and, only if that succeeded, put it on the undo stack."""
    command.run_first()
    context.undo_stack.push(command)
