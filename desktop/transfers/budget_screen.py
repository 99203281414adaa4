"""The budget screen: the budget panel, the season's charts (budget used through the season, the
cash schedule of fee payments) and every scenario side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from desktop.common.screen_base import ScreenWidget
from desktop.transfers.budget_panel import BudgetPanel
from desktop.transfers.compare import ScenarioComparison
from desktop.transfers.state import TransferState

if TYPE_CHECKING:
    from desktop.context import AppContext


class BudgetScreen(ScreenWidget):
    """The chosen season's budget with its charts and the scenarios compared."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("budgetScreen")
        self.setAccessibleName(self.tr("Budget"))
        from desktop.transfers.charts import CashChart, SpendingChart

        self.state = TransferState.of(context)
        self.panel = BudgetPanel(context, self.state, "budgetPanel")
        self.panel.setFixedWidth(360)
        self.spending = SpendingChart(context, self.state, "spendingChart")
        self.cash = CashChart(context, self.state, "cashChart")
        self.comparison = ScenarioComparison(context, self.state)
        charts = QHBoxLayout()
        charts.addWidget(self.spending, 1)
        charts.addWidget(self.cash, 1)
        top = QWidget()
        top.setLayout(charts)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("budgetRight")
        right.addWidget(top)
        right.addWidget(self.comparison)
        right.setSizes([430, 330])
        right.setChildrenCollapsible(False)
        layout = QHBoxLayout()
        layout.addWidget(self.panel)
        layout.addWidget(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
