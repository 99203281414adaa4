"""Edit → Undo/Redo actions that say what they will undo ("Undo: change shirt number of Bellingham")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoStack


def _describe(prefix: str, text: str) -> str:
    return f"{prefix}: {text[:1].lower()}{text[1:]}" if text else prefix


def bind_undo_actions(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Keep ``undo``/``redo`` enabled, labelled and wired to ``stack``."""
    undo_word = QCoreApplication.translate("Undo", "Undo")
    redo_word = QCoreApplication.translate("Undo", "Redo")
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: undo.setText(_describe(undo_word, text)))
    stack.redoTextChanged.connect(lambda text: redo.setText(_describe(redo_word, text)))
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
