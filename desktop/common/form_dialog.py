"""A form dialog whose fields each show their own error, and which saves through one undo command."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from db.errors import DugoutError, ValidationError
from desktop.common.messages import error_label
from desktop.common.naming import button_box
from desktop.undo import DbCommand, push_applied

if TYPE_CHECKING:
    from desktop.context import AppContext

W = TypeVar("W", bound=QWidget)


class FieldForm(QDialog):
    """Fields in a form, each with an error label right under it; OK and Cancel named after ``name``.

    ``name`` is the dialog's object name ("addPlayerDialog"); its buttons are "addPlayerDialogOk"
    and "addPlayerDialogCancel".
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = self._error_label("general")
        self.buttons = button_box(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _error_label(self, field: str) -> QLabel:
        label = error_label(None, f"error_{field}")
        self.error_labels[field] = label
        return label

    def add_field(self, field: str, label: str, widget: W) -> W:
        """Add a labelled field with its own (hidden) error label below it."""
        widget.setObjectName(f"field_{field}")
        widget.setAccessibleName(label)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        self.form.addRow(label, box)
        return widget

    def show_error(self, field: str, message: str) -> None:
        """Show ``message`` next to ``field`` (or under the form when no field matches)."""
        self.clear_errors()
        label = self.error_labels.get(field, self.general_error)
        label.setText(message)
        label.setAccessibleName(message)
        label.show()
        owner = self.findChild(QWidget, f"field_{field}")
        if owner is not None:
            owner.setFocus()

    def clear_errors(self) -> None:
        """Hide every error label."""
        for label in self.error_labels.values():
            label.hide()

    def shown_error(self, field: str) -> str:
        """The message shown next to ``field`` (empty when none)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


class FormDialog(FieldForm):
    """A field form that saves through one undo command on the app's stack (``push``)."""

    def __init__(self, context: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.context = context

    def push(self, command: DbCommand) -> bool:
        """Apply ``command`` and put it on the undo stack; on a refusal show why and return False."""
        try:
            push_applied(self.context, command)
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return False
        except DugoutError as error:
            self.show_error("general", str(error))
            return False
        except Exception as error:  # a locked or unreachable database: say so, keep the dialog
            self.show_error("general", self.tr("Could not save: {e}").format(e=error))
            return False
        return True
