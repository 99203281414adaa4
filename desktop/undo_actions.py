"""Edit → Undo/Redo actions that say what they will undo ("Undo: change shirt number of Bellingham")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QUndoStack


def _describe(prefix: str, text: str) -> str:
    return f"{prefix}: {text[:1].lower()}{text[1:]}" if text else prefix


class _UndoActionLabels(QObject):
    """Keeps the two actions' labels in step with the stack.

    It is a child of the undo action, so Qt cuts its connections when the window goes away: the
    stack's own teardown (which still emits) then reaches nothing that is already deleted.
    """

    def __init__(self, undo: QAction, redo: QAction) -> None:
        super().__init__(undo)
        self.undo, self.redo = undo, redo
        self.undo_word = QCoreApplication.translate("Undo", "Undo")
        self.redo_word = QCoreApplication.translate("Undo", "Redo")

    @Slot(str)
    def undo_text(self, text: str) -> None:
        self.undo.setText(_describe(self.undo_word, text))

    @Slot(str)
    def redo_text(self, text: str) -> None:
        self.redo.setText(_describe(self.redo_word, text))


def bind_undo_actions(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Keep ``undo``/``redo`` enabled, labelled and wired to ``stack``."""
    labels = _UndoActionLabels(undo, redo)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(labels.undo_text)
    stack.redoTextChanged.connect(labels.redo_text)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
