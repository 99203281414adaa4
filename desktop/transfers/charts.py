"""The budget's charts, drawn with pyqtgraph (plain Qt widgets: they render offscreen and in
screenshots). pyqtgraph is imported when a chart is first built, never at start-up.

- ``SpendingChart``: fees committed and planned, added up month by month through the season,
  against the transfer budget (when one is set);
- ``CashChart``: the payments falling due each month, committed ones solid, planned ones light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.common.formatting import currency_symbol, format_money
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.theme import colour, current_is_dark

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

MONTHS = (
    QT_TRANSLATE_NOOP("BudgetCharts", "Jul"), QT_TRANSLATE_NOOP("BudgetCharts", "Aug"),
    QT_TRANSLATE_NOOP("BudgetCharts", "Sep"), QT_TRANSLATE_NOOP("BudgetCharts", "Oct"),
    QT_TRANSLATE_NOOP("BudgetCharts", "Nov"), QT_TRANSLATE_NOOP("BudgetCharts", "Dec"),
    QT_TRANSLATE_NOOP("BudgetCharts", "Jan"), QT_TRANSLATE_NOOP("BudgetCharts", "Feb"),
    QT_TRANSLATE_NOOP("BudgetCharts", "Mar"), QT_TRANSLATE_NOOP("BudgetCharts", "Apr"),
    QT_TRANSLATE_NOOP("BudgetCharts", "May"), QT_TRANSLATE_NOOP("BudgetCharts", "Jun"),
)
MILLION = 100_000_000  # cents


def _plot(object_name: str, accessible: str) -> Any:
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.setObjectName(object_name)
    plot.setAccessibleName(accessible)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    return plot


def _style(plot: Any, currency: str) -> None:
    """Theme colours on a plot: background, axes, labels, grid; month names along the bottom."""
    import pyqtgraph as pg

    plot.setBackground(colour("background"))
    text = colour("text")
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(colour("muted")))
        axis.setTextPen(pg.mkPen(text))
    months = [(i, QCoreApplication.translate("BudgetCharts", m)) for i, m in enumerate(MONTHS)]
    plot.getAxis("bottom").setTicks([months])
    plot.getAxis("left").setLabel(QCoreApplication.translate("BudgetCharts", "{c} millions").format(
        c=currency_symbol(currency)), color=text.name())
    plot.showGrid(x=False, y=True, alpha=0.25)


class _Chart(QWidget):
    """A titled chart that follows the transfer state."""

    title_text = ""

    def __init__(self, context: AppContext, state: TransferState, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.state = context, state
        self.setObjectName(name)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.note = QLabel()
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        self.plot = _plot(f"{name}Plot", self.accessible())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        state.changed.connect(self.refresh)
        self._dark = current_is_dark()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        # The theme comes as a new style sheet (its light or dark flag is set just after): look
        # once the switch is over and redraw in its colours.
        if event.type() == QEvent.Type.StyleChange:
            QTimer.singleShot(0, self._follow_theme)
        super().changeEvent(event)

    def _follow_theme(self) -> None:
        if current_is_dark() != self._dark:
            self._dark = current_is_dark()
            self.refresh()

    def accessible(self) -> str:
        """The chart's name for screen readers."""
        return ""

    def months(self) -> list[tuple[Any, int, int]]:
        """(month, committed, planned) fee payments of the chosen season and scenario."""
        from db.domain.budget import monthly_spending

        season = self.state.season
        return [] if season is None else monthly_spending(self.state.terms.values(), season, self.state.ticked())

    def refresh(self) -> None:
        """Draw again from the state's figures."""
        raise NotImplementedError


class SpendingChart(_Chart):
    """Budget used against what remains, through the season."""

    def accessible(self) -> str:
        return self.tr("Budget used through the season")

    def refresh(self) -> None:
        import pyqtgraph as pg

        self.plot.clear()
        _style(self.plot, self.context.currency)
        snapshot, months = self.state.snapshot, self.months()
        season = snapshot.season.label if snapshot else ""
        self.title.setText(self.tr("Transfer budget used through {s}").format(s=season))
        if snapshot is None:
            return
        committed, both, total_c, total_p = [], [], 0, 0
        for _month, c, p in months:
            total_c += c
            total_p += p
            committed.append(total_c / MILLION)
            both.append((total_c + total_p) / MILLION)
        x = list(range(len(months)))
        legend = self.plot.addLegend(offset=(-10, -34), labelTextColor=colour("text"))
        legend.setLabelTextColor(colour("text"))
        self.plot.plot(x, both, name=self.tr("Committed + planned"), pen=pg.mkPen(colour("status_doubt"), width=2,
                                                                                 style=pg.QtCore.Qt.PenStyle.DashLine))
        self.plot.plot(x, committed, name=self.tr("Committed"), pen=pg.mkPen(colour("status_back"), width=3))
        budget = snapshot.budget.fees.budget
        if budget is not None:
            line = pg.InfiniteLine(pos=budget / MILLION, angle=0, pen=pg.mkPen(colour("error"), width=2),
                                   label=self.tr("Budget {m}").format(m=format_money(budget, self.context.currency)),
                                   labelOpts={"color": colour("error"), "position": 0.1})
            self.plot.addItem(line)
        top = max([*both, (budget or 0) / MILLION, 1.0])
        self.plot.setYRange(0, top * 1.15, padding=0)
        self.plot.setXRange(-0.5, 11.5, padding=0)
        fees = snapshot.budget.fees
        if budget is None:
            self.note.setText(self.tr("No transfer budget set for {s}: the line shows spending only; "
                                      "set a budget to see what remains.").format(s=season))
        else:
            self.note.setText(self.tr("Remaining at the end of the season: {m}").format(
                m=format_money(fees.remaining, self.context.currency)))
        self.note.setProperty("error", fees.over)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)


class CashChart(_Chart):
    """The cash schedule: fee payments falling due month by month."""

    def accessible(self) -> str:
        return self.tr("Cash schedule of the fees")

    def refresh(self) -> None:
        import pyqtgraph as pg

        self.plot.clear()
        _style(self.plot, self.context.currency)
        snapshot, months = self.state.snapshot, self.months()
        self.title.setText(self.tr("Fee payments falling due in {s}").format(s=snapshot.season.label if snapshot else ""))
        if snapshot is None:
            return
        x = list(range(len(months)))
        committed = [c / MILLION for _m, c, _p in months]
        planned = [p / MILLION for _m, _c, p in months]
        legend = self.plot.addLegend(offset=(-10, -34), labelTextColor=colour("text"))
        legend.setLabelTextColor(colour("text"))
        self.plot.addItem(pg.BarGraphItem(x=x, height=committed, width=0.6, brush=colour("status_back"),
                                          pen=pg.mkPen(None), name=self.tr("Committed")))
        self.plot.addItem(pg.BarGraphItem(x=x, y0=committed, height=planned, width=0.6,
                                          brush=colour("status_doubt").lighter(130), pen=pg.mkPen(None),
                                          name=self.tr("Planned")))
        top = max([c + p for c, p in zip(committed, planned, strict=True)] + [1.0])
        self.plot.setYRange(0, top * 1.2, padding=0)
        self.plot.setXRange(-0.6, 11.6, padding=0)
        due = sum(c for _m, c, _p in months)
        self.note.setText(self.tr("Committed payments due in {s}: {m}; planned: {p}").format(
            s=snapshot.season.label, m=format_money(due, self.context.currency) or "0",
            p=format_money(sum(p for _m, _c, p in months), self.context.currency) or "0"))
