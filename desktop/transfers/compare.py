"""Side by side: two to four targets, and the scenarios' budgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from db.domain.deals import annual_amortisation, fee_in, wages_in
from desktop.common.formatting import format_date, format_money, format_nationality
from desktop.common.naming import button_box, named
from desktop.common.plain_table import PlainTableModel
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.transfers.columns import PRIORITY_NAMES, STATUS_NAMES
from desktop.transfers.deal_view import name_headers

if TYPE_CHECKING:
    from db.transfers.queries import TargetRow
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

MOST_COMPARED = 4


class SideBySideModel(PlainTableModel):
    """A table whose first header is marked for translation and the others are names as they are."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if section > 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return super().headerData(section, orientation, role)


def _columns(model: SideBySideModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return view


class CompareTargets(QDialog):
    """Two to four targets in columns, one fact a row, for the chosen season."""

    def __init__(self, context: AppContext, state: TransferState, rows: list[TargetRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareTargets")
        self.setWindowTitle(self.tr("Compare targets"))
        rows = rows[:MOST_COMPARED]
        self.model = SideBySideModel([QT_TRANSLATE_NOOP("CompareTargets", "Fact")] + [r.name for r in rows],
                                     "CompareTargets", self)
        money = lambda cents: format_money(cents, context.currency) or "—"  # noqa: E731
        season = state.season
        facts: list[list[str]] = []

        def add(title: str, values: list[str]) -> None:
            facts.append([title, *values])

        add(self.tr("Age"), [str(r.age or "—") for r in rows])
        add(self.tr("Position"), [", ".join(p for p in (r.position, *r.other_positions) if p) for r in rows])
        add(self.tr("Club"), [r.club for r in rows])
        add(self.tr("Nationality"), [format_nationality(r.nationalities, r.is_eu) for r in rows])
        add(self.tr("Contract at his club"), [format_date(r.contract_end) or "—" for r in rows])
        add(self.tr("Market value"), [money(r.market_value_cents) for r in rows])
        add(self.tr("Asking fee"), [money(r.asking_fee_cents) for r in rows])
        add(self.tr("Our valuation"), [money(r.valuation_cents) for r in rows])
        add(self.tr("Fee"), [money(r.fee_cents) for r in rows])
        add(self.tr("Gross wage a year"), [money(r.annual_wage_cents) for r in rows])
        terms = [state.deal(r.deal_id) for r in rows]
        add(self.tr("Amortised a year"), [money(annual_amortisation(t)) if t else "—" for t in terms])
        if season is not None:
            add(self.tr("Paid in {s}").format(s=season.label), [money(fee_in(t, season)) if t else "—" for t in terms])
            add(self.tr("Wages in {s}").format(s=season.label), [money(wages_in(t, season)) if t else "—" for t in terms])
        add(self.tr("Priority"), [self._named(PRIORITY_NAMES[r.priority]) if r.priority else "—" for r in rows])
        add(self.tr("Stage"), [self._named(STATUS_NAMES[r.status]) for r in rows])
        add(self.tr("Replaces"), [r.replaces or "—" for r in rows])
        self.model.set_rows(facts)
        table = named(_columns(self.model), "compareTable", self.tr("Targets side by side"))
        name_headers(table, "compareTable", self.tr("Targets side by side"))
        buttons = button_box(QDialogButtonBox.StandardButton.Close, "compareTargets")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(780, 660)

    def _named(self, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ShortlistColumns", text)


class ScenarioComparison(QWidget):
    """Every scenario's budget for the chosen season side by side (and nothing ticked, for reference)."""

    def __init__(self, context: AppContext, state: TransferState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.state = context, state
        self.setObjectName("scenarioComparison")
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.model = SideBySideModel([QT_TRANSLATE_NOOP("ScenarioComparison", "Scenario")], "ScenarioComparison", self)
        self.table = named(_columns(self.model), "scenarioTable", self.tr("Scenarios side by side"))
        name_headers(self.table, "scenarioTable", self.tr("Scenarios side by side"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        state.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Recompute every scenario's figures."""
        state = self.state
        season = state.season
        self.title.setText(self.tr("Scenarios compared for {s}").format(s=season.label) if season else "")
        plans = [(self.tr("Nothing ticked"), frozenset[int]())] + [(s.name, s.deal_ids) for s in state.scenarios]
        columns = []
        for _name, ticks in plans:
            budget = state.budget_for(ticks)
            if budget is None:
                columns.append(["—"] * 7)
                continue
            open_ticks = sum(1 for d in ticks if d in state.terms and state.terms[d].status in ("scouting", "bid"))
            columns.append([str(open_ticks), self._money(budget.fees.planned), self._money(budget.fees.committed),
                            self._money(budget.wages.planned), self._money(budget.fees.remaining),
                            self._money(budget.wages.remaining), self._money(budget.squad_cost.total)])
        titles = [self.tr("Open targets ticked"), self.tr("Fees planned"), self.tr("Fees committed"),
                  self.tr("Wages planned"), self.tr("Transfer budget left"), self.tr("Wage budget left"),
                  self.tr("Squad cost (wages + amortisation)")]
        self.model.headers = [QT_TRANSLATE_NOOP("ScenarioComparison", "Scenario"), *[n for n, _t in plans]]
        self.model.set_rows([[title, *[column[i] for column in columns]] for i, title in enumerate(titles)])

    def _money(self, cents: int | None) -> str:
        if cents is None:
            return self.tr("no budget set")
        return format_money(cents, self.context.currency) or format_money(0, self.context.currency) or "0"
