"""The availability forecast screen: the squad, line by line, against our next fixtures; each
cell the engine's answer for that match (its mark and colour, the reason on hover), each fixture
headed with how many players are available. Double-click a player for his card."""

from __future__ import annotations

import html
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.domain.availability import DOUBTFUL, INJURED, PRECAUTIONARY, RETURN_OVERDUE, SUSPENDED, UNAVAILABLE
from desktop.common.availability_icons import availability_icon, status_label
from desktop.common.competition_colours import LiveIcon
from desktop.common.formatting import format_date
from desktop.common.naming import named
from desktop.common.screen_base import ScreenWidget
from desktop.forecast.delegate import ForecastDelegate
from desktop.forecast.header import ForecastHeader
from desktop.forecast.model import ForecastModel, PlayerRole

if TYPE_CHECKING:
    from desktop.context import AppContext

PLAYER_WIDTH = 210
FIXTURE_WIDTH = 96
LEGEND = (INJURED, RETURN_OVERDUE, SUSPENDED, UNAVAILABLE, DOUBTFUL, PRECAUTIONARY)


class ForecastScreen(ScreenWidget):
    """Players × the next N fixtures from the planning date (N chosen here, 8 by default)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("forecastScreen")
        self.setAccessibleName(self.tr("Forecast"))
        self.model = ForecastModel(context, self)
        self._build()
        self.model.reload()
        self.watch(self.model)
        self.model.modelReset.connect(self._after_reset)
        self.model.headerDataChanged.connect(self._update_title)
        context.as_of_changed.connect(lambda _day: self._update_title())
        self._after_reset()

    def _build(self) -> None:
        self.count_spin = named(QSpinBox(), "forecastCount", self.tr("Number of fixtures"))
        from db.medical.forecast import MAX_FIXTURES

        self.count_spin.setRange(1, MAX_FIXTURES)
        self.count_spin.setValue(self.model.count)
        self.count_spin.setFixedWidth(70)
        self.count_spin.valueChanged.connect(self.model.set_count)
        self.title = QLabel()
        self.title.setObjectName("forecastTitle")
        self.academy_box = named(QCheckBox(self.tr("Academy players")), "forecastAcademy",
                                 self.tr("Show academy players"))
        self.academy_box.toggled.connect(self.model.set_show_academy)
        toolbar = QHBoxLayout()
        lead = QLabel(self.tr("Next"))
        lead.setObjectName("forecastLead")
        for widget in (lead, self.count_spin, self.title):
            toolbar.addWidget(widget)
        toolbar.addSpacing(16)
        toolbar.addWidget(self.academy_box)
        toolbar.addStretch(1)
        for status in LEGEND:  # what each mark means: the colour is never the only sign
            mark = LiveIcon(partial(availability_icon, status), 14)
            mark.setObjectName(f"legend_{status}")
            word = QLabel(status_label(status))
            word.setObjectName("legendLabel")
            toolbar.addWidget(mark)
            toolbar.addWidget(word)
            toolbar.addSpacing(8)

        self.table = named(QTableView(), "forecastTable", self.tr("Availability forecast"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(ForecastDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = named(ForecastHeader(self.table), "forecastHeader", self.tr("Fixtures"))
        self.table.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(60)
        self.table.activated.connect(self._open_player)  # a double-click or Enter
        self.empty = QLabel(self.tr("No fixtures ahead of the planning date, or no squad yet."))
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def _after_reset(self) -> None:
        self.fit_columns()
        empty = self.model.columnCount() <= 1 or self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self._update_title()

    def fit_columns(self) -> None:
        """Share the width among the fixtures (at least 96 px each: more scroll sideways)."""
        fixtures = self.model.columnCount() - 1
        self.table.setColumnWidth(0, PLAYER_WIDTH)
        if fixtures <= 0:
            return
        room = self.table.viewport().width() - PLAYER_WIDTH
        each = max(FIXTURE_WIDTH, min(150, room // fixtures))
        for column in range(1, fixtures + 1):
            self.table.setColumnWidth(column, each)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_columns)  # once the table has its new size

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_columns)

    def _update_title(self, *_args: object) -> None:
        shown = self.model.columnCount() - 1 if self.model.forecast else 0
        self.title.setText(html.escape(self.tr("fixtures from {day} ({n} shown)").format(
            day=format_date(self.context.as_of), n=max(0, shown))))

    def _open_player(self, index: QModelIndex) -> None:
        player_id = index.data(PlayerRole)
        if player_id is not None:
            self.context.open_player(int(player_id))

    # --- the Screen protocol --------------------------------------------------------------------
    def search(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_player(self, player_id: int) -> bool:
        """Select the player's row (academy players are shown if need be)."""
        row = self.model.row_of(player_id)
        if row is None and not self.academy_box.isChecked():
            self.academy_box.setChecked(True)
            row = self.model.row_of(player_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current_player(self) -> int | None:
        index = self.table.currentIndex()
        player_id = index.data(PlayerRole) if index.isValid() else None
        return int(player_id) if player_id is not None else None
