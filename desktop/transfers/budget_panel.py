"""The budget panel, beside the shortlist and on the budget screen: for the chosen season and
scenario, the transfer and wage budgets, what is committed, planned and coming in, what remains
(red when over), whether sales feed the budget, and the squad cost against LaLiga's limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.domain.budget import counted_as
from desktop.common.formatting import format_money
from desktop.common.messages import error_label
from desktop.common.naming import named

if TYPE_CHECKING:
    from db.domain.budget import BudgetLine
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

ROWS = ("budget", "committed", "planned", "incoming", "remaining")
LISTED = 8  # deals listed under "Counted in …", largest first


def exact(cents: int | None, currency: str) -> str:
    """Money to the cent, for tooltips ("€149,500,000.00")."""
    from desktop.common.formatting import currency_symbol, display_locale

    return "" if cents is None else display_locale().toCurrencyString(cents / 100, currency_symbol(currency), 2)


class BudgetPanel(QFrame):
    """The chosen season's budget under the chosen scenario; every figure follows each change."""

    def __init__(self, context: AppContext, state: TransferState, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.state = context, state
        self.setObjectName(name)
        self.setProperty("panel", True)
        self._updating = False
        self.season = named(QComboBox(), f"{name}Season", self.tr("Season"))
        self.season.currentIndexChanged.connect(self._season_chosen)
        self.scenario = named(QComboBox(), f"{name}Scenario", self.tr("Scenario counted as planned"))
        self.scenario.currentIndexChanged.connect(self._scenario_chosen)
        self.scenario.setToolTip(self.tr("Planned counts the open deals (scouting or bid) ticked into this scenario"))
        self.new_scenario = named(QPushButton(self.tr("New…")), f"{name}NewScenario", self.tr("New scenario"))
        self.new_scenario.clicked.connect(self._new_scenario)
        self.remove_scenario = named(QPushButton(self.tr("Remove")), f"{name}RemoveScenario",
                                     self.tr("Remove the scenario"))
        self.remove_scenario.clicked.connect(self._remove_scenario)
        self.set_budget = named(QPushButton(self.tr("Set budget…")), f"{name}SetBudget", self.tr("Set budget"))
        self.set_budget.clicked.connect(self._set_budget)
        self.sales = named(QCheckBox(self.tr("Sales feed the budgets")), f"{name}SalesFeed",
                           self.tr("Sales and loans out feed the budgets"))
        self.sales.setToolTip(self.tr("Fees received from sales and loans out count toward the transfer budget, "
                                      "and the wages they save toward the wage budget"))
        self.sales.toggled.connect(self._sales_toggled)
        self.cells: dict[tuple[str, str], QLabel] = {}
        self.warning = error_label(None, f"{name}Warning")
        self.no_budget = QLabel()
        self.no_budget.setObjectName(f"{name}NoBudget")
        self.no_budget.setWordWrap(True)
        self.squad_cost = QLabel()
        self.squad_cost.setObjectName(f"{name}SquadCost")
        self.squad_cost.setWordWrap(True)
        self.squad_cost.setTextFormat(Qt.TextFormat.RichText)
        self.counted = QLabel()
        self.counted.setObjectName(f"{name}Counted")
        self.counted.setWordWrap(True)
        self.counted.setTextFormat(Qt.TextFormat.RichText)
        self._build(name)
        state.changed.connect(self.refresh)
        self.refresh()

    def _build(self, name: str) -> None:
        title = QLabel(self.tr("Budget"))
        title.setObjectName("panelTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.season)
        plans = QHBoxLayout()
        hint = QLabel(self.tr("Scenario"))
        hint.setObjectName("budgetHeader")
        plans.addWidget(hint, 1)
        plans.addWidget(self.new_scenario)
        plans.addWidget(self.remove_scenario)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(5)
        for column, header in ((1, self.tr("Fees")), (2, self.tr("Wages"))):
            label = QLabel(header)
            label.setObjectName("budgetHeader")
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, 0, column)
        titles = {"budget": self.tr("Budget"), "committed": self.tr("Committed"), "planned": self.tr("Planned"),
                  "incoming": self.tr("Incoming"), "remaining": self.tr("Remaining")}
        for row, key in enumerate(ROWS, start=1):
            label = QLabel(titles[key])
            label.setObjectName("budgetRowTitle" if key != "remaining" else "budgetTotalTitle")
            grid.addWidget(label, row, 0)
            for column, kind in ((1, "fees"), (2, "wages")):
                cell = QLabel()
                cell.setObjectName(f"{name}_{key}_{kind}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "remaining":
                    cell.setProperty("total", True)
                grid.addWidget(cell, row, column)
                self.cells[(key, kind)] = cell
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(10)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(plans)
        layout.addWidget(self.scenario)
        layout.addSpacing(4)
        layout.addWidget(self._rule())
        layout.addLayout(grid)
        layout.addWidget(self._rule())
        layout.addWidget(self.warning)
        layout.addWidget(self.no_budget)
        budget_row = QHBoxLayout()
        budget_row.addStretch(1)
        budget_row.addWidget(self.set_budget)
        layout.addLayout(budget_row)
        layout.addWidget(self.sales)
        layout.addSpacing(4)
        layout.addWidget(self.squad_cost)
        layout.addSpacing(4)
        layout.addWidget(self.counted)
        layout.addStretch(1)

    def _rule(self) -> QFrame:
        line = QFrame()
        line.setObjectName("panelRule")
        line.setFrameShape(QFrame.Shape.HLine)
        return line

    # --- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the state's figures (combo boxes follow without echoing back)."""
        self._updating = True
        try:
            self._fill_choices()
            self._show_figures()
        finally:
            self._updating = False

    def _fill_choices(self) -> None:
        state = self.state
        self.season.clear()
        for span in state.seasons:
            self.season.addItem(span.label, span.label)
        if state.season is not None:
            self.season.setCurrentIndex(self.season.findData(state.season.label))
        self.scenario.clear()
        for scenario in state.scenarios:
            self.scenario.addItem(scenario.name, scenario.scenario_id)
        if not state.scenarios:
            self.scenario.addItem(self.tr("No scenario yet: make one"), None)
        current = state.current_scenario()
        if current is not None:
            self.scenario.setCurrentIndex(self.scenario.findData(current.scenario_id))
        self.remove_scenario.setEnabled(current is not None)
        for widget in (self.season, self.scenario, self.new_scenario, self.set_budget, self.sales):
            widget.setEnabled(state.ready())

    def _money(self, cents: int | None) -> str:
        return format_money(cents, self.context.currency) if cents else ("—" if cents is None else
                                                                           format_money(0, self.context.currency))

    def _show_figures(self) -> None:
        snapshot = self.state.snapshot
        for cell in self.cells.values():
            cell.setText("")
            cell.setProperty("over", False)
        self.warning.hide()
        if snapshot is None:
            self.no_budget.setText(self.tr("Open a club's database to see its budget."))
            self.squad_cost.setText("")
            return
        budget, currency = snapshot.budget, self.context.currency
        self.sales.setChecked(budget.fees.feeds)
        warnings = []
        for kind, line in (("fees", budget.fees), ("wages", budget.wages)):
            self._show_line(kind, line)
            if line.over:
                what = self.tr("transfer") if kind == "fees" else self.tr("wage")
                warnings.append(self.tr("Over the {what} budget by {m}").format(
                    what=what, m=format_money(-(line.remaining or 0), currency)))
        if warnings:
            self.warning.setText("⚠ " + "\n⚠ ".join(warnings))
            self.warning.setAccessibleName(" ".join(warnings))
            self.warning.show()
        unset = [self.tr("transfer") if budget.fees.budget is None else "",
                 self.tr("wage") if budget.wages.budget is None else ""]
        unset = [u for u in unset if u]
        if unset:
            self.no_budget.setText(self.tr("No budget set for {s} ({what}): remaining is not worked out.").format(
                what=self.tr(" or ").join(unset), s=snapshot.season.label))
        else:
            self.no_budget.setText(self.tr("Budgets set for {s}.").format(s=snapshot.season.label))
        self._show_squad_cost()
        unpaid = self._show_counted()
        if unpaid:
            self.no_budget.setText(self.no_budget.text() + " " + self.tr(
                "{n} of the deals counted have no wage set yet, so wages count them as nothing.").format(n=unpaid))

    def _show_line(self, kind: str, line: BudgetLine) -> None:
        currency = self.context.currency
        values = {"budget": line.budget, "committed": line.committed, "planned": line.planned,
                  "incoming": line.incoming, "remaining": line.remaining}
        for key, cents in values.items():
            cell = self.cells[(key, kind)]
            if key == "budget" and cents is None:
                cell.setText(self.tr("not set"))
            elif key == "remaining" and cents is None:
                cell.setText("—")
            else:
                cell.setText(self._money(cents) if key != "incoming" or line.feeds or not cents
                             else self.tr("{m} (not counted)").format(m=self._money(cents)))
            cell.setToolTip(exact(cents, currency))
            cell.setProperty("over", key == "remaining" and line.over)
            cell.style().unpolish(cell)
            cell.style().polish(cell)

    def _show_squad_cost(self) -> None:
        snapshot = self.state.snapshot
        assert snapshot is not None
        cost, inputs, currency = snapshot.budget.squad_cost, snapshot.inputs, self.context.currency
        title = self.tr("Squad cost against LaLiga’s limit (LCPD)")
        lines = [f"<b>{title}</b>",
                 self.tr("Wages {m} (known for {k} of {n} players)").format(
                     m=format_money(cost.wages, currency) or "€0", k=inputs.wages_known, n=inputs.squad_size),
                 self.tr("Amortised fees {m}").format(m=format_money(cost.amortisation, currency) or "€0")]
        if cost.unspread:
            lines.append(self.tr("Deals counted with a fee but no contract end: {n} (not amortised yet)").format(
                n=cost.unspread))
        if cost.limit is None:
            reference = self.state.reference_limit
            lines.append(self.tr("Limit for {s} not set").format(s=snapshot.season.label) + (
                self.tr(" (last set: {m} for {l})").format(m=format_money(reference[1], currency), l=reference[0])
                if reference else ""))
        else:
            verdict = self.tr("over by {m}") if cost.over else self.tr("{m} below it")
            lines.append(self.tr("Total {t} of the {l} limit: {v}").format(
                t=format_money(cost.total, currency), l=format_money(cost.limit, currency),
                v=verdict.format(m=format_money(abs(cost.headroom or 0), currency))))
        self.squad_cost.setText("<br>".join(lines))
        self.squad_cost.setProperty("over", cost.over)

    def _show_counted(self) -> int:
        """The deals behind the figures, largest first (at most ``LISTED``); returns how many of
        them have no wage set."""
        import html

        snapshot, state = self.state.snapshot, self.state
        assert snapshot is not None
        ticked, season, currency = state.ticked(), snapshot.season, self.context.currency
        found, unpaid = [], 0
        for deal_id, effect in snapshot.budget.effects.items():  # as the figures count it (a renewal's new wage)
            terms = state.terms.get(deal_id)
            if terms is None:
                continue
            where = counted_as(terms, ticked)
            fee, wages = effect.fee, effect.wages
            if not (fee or wages):
                continue
            unpaid += terms.annual_wage_cents is None and not terms.outbound
            found.append((where != "committed", -(fee + wages), terms.deal_id, where, terms.outbound, fee, wages))
        found.sort()
        if not found:
            self.counted.setText(self.tr("Nothing counted in {s} yet.").format(s=season.label))
            return unpaid
        names = self._names([item[2] for item in found[:LISTED]])
        rows = []
        for _later, _size, deal_id, where, outbound, fee, wages in found[:LISTED]:
            kind = self.tr("incoming") if outbound else (self.tr("committed") if where == "committed"
                                                         else self.tr("planned"))
            money = format_money(fee, currency) if fee else ""
            if wages:
                money += (" + " if money else "") + self.tr("{m} wages").format(m=format_money(wages, currency))
            rows.append(f"<tr><td>{html.escape(names.get(deal_id, ''))}</td><td>&nbsp;{html.escape(kind)}</td>"
                        f"<td align='right'>&nbsp;{html.escape(money)}</td></tr>")
        if len(found) > LISTED:
            more = self.tr("and {n} more").format(n=len(found) - LISTED)
            rows.append(f"<tr><td colspan='3'>{html.escape(more)}</td></tr>")
        title = self.tr("Counted in {s}").format(s=season.label)
        self.counted.setText(f"<b>{html.escape(title)}</b><table width='100%'>{''.join(rows)}</table>")
        return unpaid

    def _names(self, deal_ids: list[int]) -> dict[int, str]:
        from sqlmodel import col, select

        from db.squad.models import Player
        from db.transfers.models import Deal

        if self.context.database is None:
            return {}
        with self.context.database.reading() as session:
            return {deal_id or 0: name for deal_id, name in session.exec(
                select(Deal.id, Player.name).join(Player, col(Player.id) == col(Deal.player_id))
                .where(col(Deal.id).in_(deal_ids)))}

    # --- acting -------------------------------------------------------------------------------
    def _season_chosen(self) -> None:
        if not self._updating and self.season.currentData():
            self.state.choose_season(str(self.season.currentData()))

    def _scenario_chosen(self) -> None:
        if not self._updating and self.scenario.currentData() is not None:
            self.state.choose_scenario(int(self.scenario.currentData()))

    def _sales_toggled(self, checked: bool) -> None:
        if self._updating:
            return
        from desktop.transfers.commands import SalesFeedCommand
        from desktop.undo import push_applied

        text = self.tr("Count sales in the budgets") if checked else self.tr("Leave sales out of the budgets")
        try:
            push_applied(self.context, SalesFeedCommand(self.context, checked, text))
        except Exception as error:
            self.context.message.emit(str(error))
            self.refresh()

    def _new_scenario(self) -> None:
        from desktop.transfers.plan_dialogs import ScenarioDialog

        ScenarioDialog(self.context, self.state, parent=self.window()).open()

    def _remove_scenario(self) -> None:
        from desktop.transfers.commands import ScenarioCommand
        from desktop.undo import push_applied

        current = self.state.current_scenario()
        if current is None:
            return
        command = ScenarioCommand(self.context, self.tr("Remove scenario {s}").format(s=current.name),
                                  scenario_id=current.scenario_id, make=False)
        try:
            push_applied(self.context, command)
        except Exception as error:
            self.context.message.emit(str(error))

    def _set_budget(self) -> None:
        from desktop.transfers.plan_dialogs import BudgetDialog

        if self.state.season is not None:
            BudgetDialog(self.context, self.state, parent=self.window()).open()
