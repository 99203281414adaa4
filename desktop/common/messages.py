"""Labels that tell the user something went wrong, styled by the theme (``QLabel[error="true"]``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def error_label(parent: QWidget | None, object_name: str) -> QLabel:
    """A hidden label for a refused value's message; the theme gives it the error colours."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setProperty("error", True)
    label.setWordWrap(True)
    label.hide()
    return label
