"""Dialogs of what the sporting director plans with: a season's budgets, a new scenario, and a
contract's clauses. Each saves through one undo command; a refused value is shown beside its field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from db.domain.deals import CURRENCY_CODES
from desktop.common.editors import (
    EMPTY,
    date_of,
    make_date_edit,
    make_money_edit,
    money_of,
    set_date,
    set_money,
)
from desktop.common.form_dialog import FormDialog

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState


class BudgetDialog(FormDialog):
    """Set the chosen season's transfer and wage budgets and squad-cost limit ("—": not set)."""

    def __init__(self, context: AppContext, state: TransferState, parent: QWidget | None = None) -> None:
        super().__init__(context, "budgetDialog", parent)
        assert state.season is not None and context.database is not None
        from db.transfers.plans import budget_values
        from db.transfers.queries import season_id_of

        self.state = state
        with context.database.reading() as session:
            self.season_id = season_id_of(session, state.season.label)
            self.before = budget_values(session, self.season_id or 0)
        self.setWindowTitle(self.tr("Budget for {s}").format(s=state.season.label))
        self.editors = {}
        for key, label in (("transfer_budget_cents", self.tr("Transfer budget")),
                           ("wage_budget_cents", self.tr("Wage budget")),
                           ("squad_cost_limit_cents", self.tr("Squad-cost limit (LCPD)"))):
            editor = self.add_field(key, label, make_money_edit(None, context.currency))
            set_money(editor, self.before[key])
            self.editors[key] = editor

    def accept(self) -> None:
        """Save as one undoable command."""
        from desktop.transfers.commands import BudgetCommand

        after = {key: money_of(editor) for key, editor in self.editors.items()}
        if after == self.before or self.season_id is None:
            super().accept()
            return
        season = self.state.season.label if self.state.season else ""
        if self.push(BudgetCommand(self.context, self.season_id, self.before, after,
                                   self.tr("Set the budget for {s}").format(s=season))):
            super().accept()


class ScenarioDialog(FormDialog):
    """Start a named what-if scenario, empty or with the current scenario's ticks."""

    def __init__(self, context: AppContext, state: TransferState, parent: QWidget | None = None) -> None:
        super().__init__(context, "scenarioDialog", parent)
        self.state = state
        self.setWindowTitle(self.tr("New scenario"))
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. Mac Allister + a centre-back"))
        current = state.current_scenario()
        self.copy = self.add_field("copy", self.tr("Start from"), QCheckBox(
            self.tr("the ticks of '{s}'").format(s=current.name) if current else self.tr("nothing ticked")))
        self.copy.setEnabled(current is not None)

    def accept(self) -> None:
        """Make the scenario as one undoable command and count it as planned."""
        from desktop.transfers.commands import ScenarioCommand

        current = self.state.current_scenario()
        ticks = sorted(current.deal_ids) if current is not None and self.copy.isChecked() else []
        command = ScenarioCommand(self.context, self.tr("New scenario {s}").format(s=self.name.text().strip()),
                                  name=self.name.text(), deal_ids=ticks)
        if self.push(command):
            self.state.choose_scenario(command.scenario_id)
            super().accept()



class TermsDialog(FormDialog):
    """A contract's clauses: a release clause (amount and currency) and a club's or player's
    option to extend it to a date, taken up or not."""

    def __init__(self, context: AppContext, membership_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(context, "termsDialog", parent)
        from db.transfers.plans import terms_values

        assert context.database is not None
        self.membership_id, self.name = membership_id, name
        with context.database.reading() as session:
            self.before = terms_values(session, membership_id)
        self.setWindowTitle(self.tr("Clauses of {who}'s contract").format(who=name))
        self.clause = self.add_field("release_clause_cents", self.tr("Release clause"),
                                     make_money_edit(None, self.before["release_clause_currency"] or context.currency))
        set_money(self.clause, self.before["release_clause_cents"])
        self.clause_currency = self.add_field("release_clause_currency", self.tr("In"), QComboBox())
        for code in dict.fromkeys((context.currency, *CURRENCY_CODES)):
            self.clause_currency.addItem(code, code)
        self.clause_currency.setCurrentIndex(max(0, self.clause_currency.findData(self.before["release_clause_currency"])))
        self.option = self.add_field("option_kind", self.tr("Option to extend"), QComboBox())
        for value, label in ((None, EMPTY), ("club", self.tr("the club's")), ("player", self.tr("the player's"))):
            self.option.addItem(label, value)
        self.option.setCurrentIndex(max(0, self.option.findData(self.before["option_kind"])))
        from desktop.transfers.dialogs import bounded

        self.until = self.add_field("option_until", self.tr("Extends to"), bounded(make_date_edit(None)))
        set_date(self.until, self.before["option_until"])
        self.taken = self.add_field("option_exercised", self.tr("Taken up"), QComboBox())
        for taken, label in ((None, self.tr("not decided")), (True, self.tr("yes")), (False, self.tr("no"))):
            self.taken.addItem(label, taken)
        self.taken.setCurrentIndex(max(0, self.taken.findData(self.before["option_exercised"])))

    def accept(self) -> None:
        """Save as one undoable command; stay open on a refused value."""
        from desktop.transfers.commands import TermsCommand

        clause = money_of(self.clause)
        after = {"release_clause_cents": clause,
                 "release_clause_currency": self.clause_currency.currentData() if clause is not None else None,
                 "option_kind": self.option.currentData(), "option_until": date_of(self.until),
                 "option_exercised": self.taken.currentData() if self.option.currentData() else None}
        if after == self.before:
            super().accept()
            return
        command = TermsCommand(self.context, self.membership_id, self.before, after,
                               self.tr("Change the clauses of {who}'s contract").format(who=self.name))
        if self.push(command):
            super().accept()
