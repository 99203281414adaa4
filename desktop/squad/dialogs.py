"""Dialogs of the squad screen: add a player, mark a player as left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from db.domain.squad_rules import SHIRT_NUMBERS
from db.domain.vocab import LEAVE_REASONS, POSITIONS
from desktop.common.columns import FOOT, POSITION
from desktop.common.editors import (
    date_of,
    fill_choices,
    make_date_edit,
    make_money_edit,
    make_number_edit,
    money_of,
    number_of,
)
from desktop.common.form_dialog import FormDialog
from desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from db.squad.queries import SquadRow
    from desktop.context import AppContext

LEAVE_LABELS = {
    "transfer": QT_TRANSLATE_NOOP("MarkLeftDialog", "Transferred"),
    "loan_out": QT_TRANSLATE_NOOP("MarkLeftDialog", "Loaned out"),
    "released": QT_TRANSLATE_NOOP("MarkLeftDialog", "Released"),
    "contract_expired": QT_TRANSLATE_NOOP("MarkLeftDialog", "Contract expired"),
    "retired": QT_TRANSLATE_NOOP("MarkLeftDialog", "Retired"),
    "other": QT_TRANSLATE_NOOP("MarkLeftDialog", "Other"),
}


class AddPlayerDialog(FormDialog):
    """Add a new player to the squad; refused values are shown beside their field."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "addPlayerDialog", parent)
        self.setWindowTitle(self.tr("Add player"))
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.shirt = make_number_edit(None, SHIRT_NUMBERS)
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
            "shirt_number": number_of(self.shirt),
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


class MarkLeftDialog(FormDialog):
    """Record that a player left the squad: the day (planning date by default) and why."""

    def __init__(self, context: AppContext, row: SquadRow, parent: QWidget | None = None) -> None:
        super().__init__(context, "markLeftDialog", parent)
        self.row = row
        self.setWindowTitle(self.tr("Mark {name} as left").format(name=row.name))
        day = context.as_of
        self.left_on = self.add_field("left_on", self.tr("Left on"), make_date_edit(None, allow_empty=False))
        self.left_on.setDate(QDate(day.year, day.month, day.day))
        self.reason = QComboBox()
        for value in LEAVE_REASONS:
            self.reason.addItem(self.tr(LEAVE_LABELS[value]), value)
        self.add_field("left_reason", self.tr("Reason"), self.reason)

    def accept(self) -> None:
        """Mark the player as left as one undoable command; stay open on a refusal."""
        from desktop.squad.commands import MarkLeftCommand

        command = MarkLeftCommand(self.context, self.row, date_of(self.left_on), self.reason.currentData())
        if self.push(command):
            super().accept()
