"""The shortlist: the deals of the chosen window (targets, and our sales, loans out and renewals)
as a table or a pipeline board (dragged between stages), contract watch, the selected deal's
three views, and the budget panel beside it all."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.domain.vocab import POSITIONS
from db.transfers.queries import TargetRow
from desktop.common.delegate import ValidatingDelegate
from desktop.common.editors import make_money_edit, money_of
from desktop.common.naming import named
from desktop.common.roles import RowRole
from desktop.common.row_filter import RowFilterProxy
from desktop.common.screen_base import ScreenWidget
from desktop.transfers.board import STAGES, PipelineBoard
from desktop.transfers.budget_panel import BudgetPanel
from desktop.transfers.columns import COLUMN_INDEX, COLUMNS, KIND_NAMES, STATUS_NAMES
from desktop.transfers.deal_view import DealViews
from desktop.transfers.model import ShortlistModel
from desktop.transfers.state import TransferState
from desktop.transfers.watch import ContractWatch

if TYPE_CHECKING:
    from desktop.context import AppContext

log = logging.getLogger(__name__)
WIDEST = {"name": 152, "club": 80, "replaces": 72}  # elided beyond (the tooltip has the rest)
AGES = (15, 45)


def _at_stage(status: str, keep: Callable[[TargetRow], bool]) -> Callable[[TargetRow], bool]:
    return lambda row: row.status == status and keep(row)


class ShortlistScreen(ScreenWidget):
    """Targets in a table or on the pipeline board, contract watch, a deal's views; the budget beside."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("shortlistScreen")
        self.setAccessibleName(self.tr("Shortlist"))
        self.state = TransferState.of(context)
        self.model = ShortlistModel(context, self.state, self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.model.reload()
        self.watch(self.model)
        self.model.modelReset.connect(self._select_first)
        self.model.modelReset.connect(self.fit_columns)
        self._select_first()
        self.fit_columns()
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged, self.proxy.layoutChanged):
            signal.connect(self._update_titles)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._show_kinds)
        self._update_titles()
        self._show_kinds()

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        toolbar = QHBoxLayout()
        self.filter_edit = named(QLineEdit(), "shortlistFilter", self.tr("Filter the shortlist"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, club, position, notes"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(120)  # the whole toolbar must fit a 1440-pixel-wide window
        self.filter_edit.textChanged.connect(self._filter_text)
        self.position = named(QComboBox(), "shortlistPosition", self.tr("Position filter"))
        self.position.addItem(self.tr("All positions"), None)
        for code in POSITIONS:
            self.position.addItem(code, code)
        self.youngest = named(QSpinBox(), "shortlistYoungest", self.tr("Youngest age"))
        self.oldest = named(QSpinBox(), "shortlistOldest", self.tr("Oldest age"))
        for spin, value in ((self.youngest, AGES[0]), (self.oldest, AGES[1])):
            spin.setRange(*AGES)
            spin.setValue(value)
            spin.valueChanged.connect(self.apply_filters)
        self.max_fee = named(make_money_edit(None, self.context.currency), "shortlistMaxFee", self.tr("Highest fee"))
        self.max_fee.setToolTip(self.tr("Highest fee (— for any)"))
        self.max_fee.valueChanged.connect(self.apply_filters)
        self.status = named(QComboBox(), "shortlistStatus", self.tr("Stage filter"))
        self.status.addItem(self.tr("All stages"), None)
        self.status.addItem(self.tr("Still open"), "open")
        for status, title in STATUS_NAMES.items():
            self.status.addItem(self._stage(title), status)
        self.kind = named(QComboBox(), "shortlistKind", self.tr("Kind filter"))
        self.kind.addItem(self.tr("All kinds"), None)
        for kind, title in KIND_NAMES.items():
            self.kind.addItem(self._stage(title), kind)
        for combo in (self.position, self.status, self.kind):
            combo.currentIndexChanged.connect(self.apply_filters)
        ages = QLabel(self.tr("Age"))
        ages.setBuddy(self.youngest)
        fee = QLabel(self.tr("Max fee"))
        fee.setBuddy(self.max_fee)
        self.youngest.setFixedWidth(62)
        self.oldest.setFixedWidth(62)
        self.max_fee.setFixedWidth(106)
        for widget in (self.filter_edit, self.kind, self.position, ages, self.youngest, QLabel("–"), self.oldest, fee,
                       self.max_fee, self.status):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        self.views = QButtonGroup(self)
        for number, (name, text) in enumerate((("viewTable", self.tr("Table")), ("viewBoard", self.tr("Board")),
                                               ("viewWatch", self.tr("Contract watch")))):
            button = named(QPushButton(text), name, text)
            button.setCheckable(True)
            button.setProperty("segment", True)
            self.views.addButton(button, number)
            toolbar.addWidget(button)
        self.views.idClicked.connect(self.show_view)
        self.add_button = named(QPushButton(self.tr("+ Deal…")), "recordDealButton", self.tr("Record a deal"))
        self.add_button.clicked.connect(lambda: self.open_deal(None))
        self.compare_button = named(QPushButton(self.tr("Compare")), "compareButton",
                                    self.tr("Compare the selected targets"))
        self.compare_button.clicked.connect(self.compare)
        toolbar.addWidget(self.add_button)
        toolbar.addWidget(self.compare_button)

        self.pages = QStackedWidget()
        self.pages.setObjectName("shortlistPages")
        self.pages.addWidget(self._build_table())
        self.pages.addWidget(self._build_board())
        self.contract_watch = ContractWatch(self.context, self.state)
        self.pages.addWidget(self.contract_watch)
        self.deal_views = DealViews(self.context, self.state)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("shortlistLeft")
        left.addWidget(self.pages)
        left.addWidget(self.deal_views)
        left.setSizes([470, 250])
        left.setChildrenCollapsible(False)
        self.panel = BudgetPanel(self.context, self.state, "shortlistBudget")
        self.panel.setMinimumWidth(246)
        self.panel.setMaximumWidth(340)
        main = QSplitter()
        main.setObjectName("shortlistSplitter")
        main.addWidget(left)
        main.addWidget(self.panel)
        main.setStretchFactor(0, 1)
        main.setChildrenCollapsible(False)
        main.setSizes([1000, 246])
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(main, 1)
        self.views.button(0).setChecked(True)

    def _build_table(self) -> QTableView:
        self.table = named(QTableView(), "shortlistTable", self.tr("Shortlist"))
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(ValidatingDelegate(self.model, self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_INDEX["priority"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setAlternatingRowColors(True)
        self.table.setDragEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda p: self._menu(self.table, p))
        self.table.selectionModel().currentRowChanged.connect(lambda index, _old: self._select(index))
        header = self.table.horizontalHeader()
        header.setObjectName("shortlistHeader")
        header.setAccessibleName(self.tr("Shortlist columns"))
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        return self.table

    def _build_board(self) -> QWidget:
        self.board = PipelineBoard(self.model, self.move_to_stage, self._menu, self._select, self.open_deal)
        self.stages, self.stage_views = self.board.stages, self.board.views
        return self.board

    def _stage(self, title: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ShortlistColumns", title)

    # --- filters and views ----------------------------------------------------------------------
    def _filter_text(self, text: str) -> None:
        for proxy in (self.proxy, *self.stages.values()):
            proxy.set_text(text)
        self._update_titles()

    def apply_filters(self, *_args: object) -> None:
        """Kind, position, age range, highest fee and stage, on the table and the board alike."""
        kind, position, stage = self.kind.currentData(), self.position.currentData(), self.status.currentData()
        youngest, oldest, most = self.youngest.value(), self.oldest.value(), money_of(self.max_fee)

        def keep(row: TargetRow) -> bool:
            if kind and row.kind != kind:
                return False
            if position and position != row.position and position not in row.other_positions:
                return False
            if row.age is not None and not youngest <= row.age <= oldest:
                return False
            if most is not None and (row.fee_cents or 0) > most:
                return False
            return stage is None or (row.status in ("scouting", "bid", "agreed") if stage == "open" else
                                     row.status == stage)

        self.proxy.set_row_test(keep)
        for status, proxy in self.stages.items():
            proxy.set_row_test(_at_stage(status, keep))
        self._update_titles()

    def _show_kinds(self, *_args: object) -> None:
        """The kind column only once the window lists more than purchases (a sale, a loan, a
        renewal): a shortlist of targets alone keeps its width for the rest."""
        mixed = any(row.kind != "purchase" for row in self.model.rows())
        if self.table.isColumnHidden(COLUMN_INDEX["kind"]) == mixed:
            self.table.setColumnHidden(COLUMN_INDEX["kind"], not mixed)
            self.fit_columns()

    def show_view(self, number: int) -> None:
        """0: the table, 1: the pipeline board, 2: contract watch."""
        self.pages.setCurrentIndex(number)
        self.views.button(number).setChecked(True)

    def _update_titles(self, *_args: object) -> None:
        self.board.update_titles()

    # --- acting on targets ----------------------------------------------------------------------
    def row_of(self, deal_id: int) -> TargetRow | None:
        """The shortlist's row of a deal."""
        position = self.model.position_of(deal_id)
        return self.model.row_at(position) if position is not None else None

    def move_to_stage(self, deal_id: int, version: int, status: str) -> bool:
        """Move a target to a stage (the drop's and the menu's one way): one undo command."""
        from desktop.transfers.stages import push_status

        row = self.row_of(deal_id)
        if row is None or row.status == status:
            return False
        if row.version != version:
            self.context.status.emit(self.tr("That target changed while you moved it; try again"))
            return False
        return push_status(self.context, row, status)

    def sign(self, row: TargetRow) -> bool:
        """Sign an agreed deal (his squad place settled as its kind says): one undo command; False,
        said why, if refused."""
        from desktop.transfers.stages import push_status

        return push_status(self.context, row, "signed")

    def _menu(self, view: QAbstractItemView, point: QPoint) -> None:
        index = view.indexAt(point)
        row = index.data(RowRole) if index.isValid() else None
        if isinstance(row, TargetRow):
            self.target_menu(row).popup(view.viewport().mapToGlobal(point))

    def target_menu(self, row: TargetRow) -> QMenu:
        """A target's menu: move to a stage, tick into the scenario, change, sign, compare, card."""
        from desktop.transfers.commands import push_tick

        menu = QMenu(self)
        menu.setObjectName("targetMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        move = menu.addMenu(self.tr("Move to"))
        for status in STAGES:
            action = QAction(self._stage(STATUS_NAMES[status]), move)
            action.setObjectName(f"moveTo_{status}")
            action.setEnabled(status != row.status)
            action.triggered.connect(lambda _=False, s=status: self.move_to_stage(row.deal_id, row.version, s))
            move.addAction(action)
        scenario = self.state.current_scenario()
        if scenario is not None:
            ticked = row.deal_id in scenario.deal_ids
            text = self.tr("Take out of '{s}'") if ticked else self.tr("Tick into '{s}'")
            menu.addAction(text.format(s=scenario.name),
                           lambda: push_tick(self.context, self.state, row, not ticked))
        menu.addAction(self.tr("Change the deal…"), lambda: self.open_deal(row))
        sign = menu.addAction(self._sign_text(row.kind), lambda: self.sign(row))
        sign.setObjectName("signDeal")
        sign.setEnabled(row.status == "agreed")
        menu.addAction(self.tr("Player card"), lambda: self.context.open_player(row.player_id))
        return menu

    def _sign_text(self, kind: str) -> str:
        if kind == "renewal":
            return self.tr("Sign the renewal")
        if kind == "sale":
            return self.tr("Sign: he leaves the squad")
        if kind == "loan_out":
            return self.tr("Sign: he leaves on loan")
        return self.tr("Sign into the squad")

    def open_deal(self, row: Any) -> None:
        """The deal's dialog: a target's (a row), or a new deal (None)."""
        from desktop.transfers.dialogs import DealDialog

        if self.context.database is None or self.context.club_id is None:
            return
        DealDialog(self.context, self.state, deal_id=row.deal_id if isinstance(row, TargetRow) else None,
                   parent=self.window()).open()

    def selected_rows(self) -> list[TargetRow]:
        """The targets selected in the table, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(RowRole) for r in rows]

    def compare(self) -> None:
        """Two to four selected targets side by side."""
        from desktop.transfers.compare import CompareTargets

        rows = self.selected_rows()
        if not 2 <= len(rows) <= 4:
            self.context.status.emit(self.tr("Select two to four targets in the table to compare them"))
            return
        CompareTargets(self.context, self.state, rows, parent=self.window()).open()

    def fit_columns(self) -> None:
        """Each column as wide as its header and texts (names and clubs at most ``WIDEST``)."""
        from PySide6.QtGui import QFontMetrics

        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        cells, titles = QFontMetrics(self.table.font()), QFontMetrics(bold)
        sorted_by = header.sortIndicatorSection()
        for number, column in enumerate(COLUMNS):
            title = str(self.model.headerData(number, Qt.Orientation.Horizontal))
            texts = [self.model.display_text(r, number) for r in range(self.model.rowCount())]
            content = max([0, *(cells.horizontalAdvance(t) for t in texts)]) + 20 + (22 if number == 0 else 0)
            needed = max(content, titles.horizontalAdvance(title) + 14 + (12 if number == sorted_by else 0))
            header.resizeSection(number, min(needed, WIDEST.get(column.key, needed)))

    def _select_first(self) -> None:
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, COLUMN_INDEX["name"]))

    def _select(self, index: QModelIndex) -> None:
        """Show the selected deal's views (a slot: never raises into Qt, says what went wrong)."""
        from db.errors import DugoutError

        row = index.data(RowRole) if index.isValid() else None
        try:
            self.deal_views.show_deal(row.deal_id if isinstance(row, TargetRow) else None)
        except Exception as error:
            if not isinstance(error, DugoutError):
                log.exception("Showing a deal failed")
            self.context.message.emit(self.tr("Could not show the deal: {e}").format(e=error))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit_columns()  # the style sheet's fonts apply once shown

    # --- the Screen protocol --------------------------------------------------------------------
    def search(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def open_player(self, player_id: int) -> bool:
        position = next((i for i, r in enumerate(self.model.rows()) if r.player_id == player_id), None)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, COLUMN_INDEX["name"]))
        if not index.isValid():
            self.filter_edit.clear()
            for combo in (self.kind, self.position, self.status):
                combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(position, COLUMN_INDEX["name"]))
        self.show_view(0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current_player(self) -> int | None:
        index = self.table.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        return row.player_id if isinstance(row, TargetRow) else None

    def run_player_action(self, action: str, player_id: int | None) -> None:
        """"record_deal": the deal dialog for a player (a target, a sale, a loan, a renewal)."""
        from desktop.transfers.dialogs import DealDialog

        if action == "record_deal" and self.context.database is not None and self.context.club_id is not None:
            DealDialog(self.context, self.state, player_id=player_id, parent=self.window()).open()
