"""Dialogs of the squad screen: add a player, mark a player as left, look at a player."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.domain.vocab import LEAVE_REASONS, POSITIONS
from db.errors import DugoutError, ValidationError
from desktop.locale_format import display_locale
from desktop.naming import button_box, named
from desktop.squad.columns import (
    FOOT,
    POSITION,
    format_date,
    format_foot,
    format_money,
    format_nationality,
)
from desktop.squad.delegates import (
    ERROR_STYLE,
    date_of,
    fill_choices,
    make_date_edit,
    make_money_edit,
    money_of,
)
from desktop.undo import DbCommand, push_applied

if TYPE_CHECKING:
    from db.squad.queries import SquadRow
    from desktop.context import AppContext

FIELD_ERROR_STYLE = ERROR_STYLE.replace("QLabel#fieldError", "QLabel")
LEAVE_LABELS = {
    "transfer": "Transferred", "loan_out": "Loaned out", "released": "Released",
    "contract_expired": "Contract expired", "retired": "Retired", "other": "Other",
}


class _FormDialog(QDialog):
    """A form whose fields each have an error label right under them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = QFormLayout()
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = self._error_label("general")
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self.objectName() or "form"
        )
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(FIELD_ERROR_STYLE)
        label.hide()
        self.error_labels[field] = label
        return label

    def add_field(self, field: str, label: str, widget: QWidget) -> QWidget:
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


class AddPlayerDialog(_FormDialog):
    """Add a new player to the squad; refused values are shown beside their field."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("addPlayerDialog")
        self.setWindowTitle(self.tr("Add player"))
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.shirt = QSpinBox()
        self.shirt.setRange(0, 99)
        self.shirt.setSpecialValueText("—")
        self.add_field("shirt_number", self.tr("Shirt number"), self.shirt)
        self.position = QComboBox()
        fill_choices(self.position, POSITION)
        self.add_field("primary_position", self.tr("Position"), self.position)
        self.other_positions = self.add_field("secondary_positions", self.tr("Other positions"), QLineEdit())
        self.other_positions.setPlaceholderText(" ".join(POSITIONS))
        self.born = self.add_field("date_of_birth", self.tr("Date of birth"), make_date_edit(None))
        self.nationalities = self.add_field("nationalities", self.tr("Nationalities"), QLineEdit())
        self.nationalities.setPlaceholderText(self.tr("e.g. ENG, IRL"))
        self.foot = QComboBox()
        fill_choices(self.foot, FOOT)
        self.add_field("preferred_foot", self.tr("Foot"), self.foot)
        self.contract_start = self.add_field("contract_start", self.tr("Contract start"), make_date_edit(None))
        self.contract_end = self.add_field("contract_end", self.tr("Contract end"), make_date_edit(None))
        self.wage = self.add_field("annual_wage_cents", self.tr("Wage per year"), make_money_edit(None, context.currency))
        self.value = self.add_field("market_value_cents", self.tr("Market value"), make_money_edit(None, context.currency))
        self.command: Any = None
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The player and membership values as typed."""
        player = {
            "name": self.name.text(),
            "primary_position": self.position.currentData(),
            "secondary_positions": self.other_positions.text(),
            "date_of_birth": date_of(self.born),
            "nationalities": self.nationalities.text(),
            "preferred_foot": self.foot.currentData(),
            "market_value_cents": money_of(self.value),
        }
        membership = {
            "shirt_number": self.shirt.value() or None,
            "contract_start": date_of(self.contract_start),
            "contract_end": date_of(self.contract_end),
            "annual_wage_cents": money_of(self.wage),
        }
        return player, membership

    def accept(self) -> None:
        """Add the player as one undoable command; stay open on a refused value."""
        from desktop.squad.commands import AddPlayerCommand

        player, membership = self.values()
        self.command = AddPlayerCommand(self.context, player, membership)
        if self.push(self.command):
            super().accept()


class MarkLeftDialog(_FormDialog):
    """Record that a player left the squad: the day (planning date by default) and why."""

    def __init__(self, context: AppContext, row: SquadRow, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.row = row
        self.setObjectName("markLeftDialog")
        self.setWindowTitle(self.tr("Mark {name} as left").format(name=row.name))
        day = context.as_of
        self.left_on = self.add_field("left_on", self.tr("Left on"), make_date_edit(None, allow_empty=False))
        self.left_on.setDate(QDate(day.year, day.month, day.day))
        self.reason = QComboBox()
        for value in LEAVE_REASONS:
            self.reason.addItem(self.tr(LEAVE_LABELS.get(value, value)), value)
        self.add_field("left_reason", self.tr("Reason"), self.reason)

    def accept(self) -> None:
        """Mark the player as left as one undoable command; stay open on a refusal."""
        from desktop.squad.commands import MarkLeftCommand

        command = MarkLeftCommand(self.context, self.row, date_of(self.left_on), self.reason.currentData())
        if self.push(command):
            super().accept()


class PlayerDialog(QDialog):
    """A read-only card of one squad member (opened with Enter or a double-click on a row)."""

    def __init__(self, context: AppContext, row: SquadRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.row = row
        self.setObjectName("playerDialog")
        self.setWindowTitle(row.name)
        locale = display_locale()
        form = QFormLayout()
        facts = [
            (self.tr("Shirt number"), "" if row.shirt_number is None else str(row.shirt_number)),
            (self.tr("Name"), row.name),
            (self.tr("Position"), row.primary_position or ""),
            (self.tr("Other positions"), ", ".join(row.secondary_positions)),
            (self.tr("Date of birth"), format_date(row.date_of_birth, locale)),
            (self.tr("Age"), "" if row.age is None else str(row.age)),
            (self.tr("Nationality"), format_nationality(row)),
            (self.tr("Foot"), format_foot(row.preferred_foot)),
            (self.tr("Contract"), " – ".join(
                t for t in (format_date(row.contract_start, locale), format_date(row.contract_end, locale)) if t)),
            (self.tr("Appearances"), "" if row.appearances is None else str(row.appearances)),
            (self.tr("Minutes"), "" if row.minutes_played is None else str(row.minutes_played)),
            (self.tr("Market value"), format_money(row.market_value_cents, context.currency, locale)),
            (self.tr("Wage per year"), format_money(row.annual_wage_cents, context.currency, locale)),
        ]
        for number, (label, value) in enumerate(facts):
            shown = named(QLabel(value or "—"), f"playerFact{number}", label)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, "playerCard")
        buttons.setObjectName("playerDialogButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
