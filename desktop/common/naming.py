"""Object and accessible names for widgets (tests, screen readers and style sheets find them by these)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialogButtonBox, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    """Give ``widget`` both names and return it."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def button_box(buttons: QDialogButtonBox.StandardButton, prefix: str) -> QDialogButtonBox:
    """A dialog's button box whose buttons are named "<prefix>Ok", "<prefix>Cancel", … after their role."""
    box = QDialogButtonBox(buttons)
    box.setObjectName(f"{prefix}Buttons")
    for button in box.buttons():
        role = box.standardButton(button).name  # e.g. "Ok", "Cancel", "Close"
        named(button, f"{prefix}{role}", button.text().replace("&", ""))
    return box
