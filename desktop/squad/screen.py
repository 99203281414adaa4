"""The squad list screen: filterable, sortable, editable table of the current squad."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.domain.vocab import POSITIONS
from desktop.common.delegate import ValidatingDelegate
from desktop.common.roles import RowRole
from desktop.common.row_filter import RowFilterProxy
from desktop.common.screen_base import ScreenWidget
from desktop.squad.columns import COLUMN_INDEX, COLUMNS
from desktop.squad.model import SquadTableModel

if TYPE_CHECKING:
    from db.squad.queries import SquadRow
    from desktop.context import AppContext

HEADER_KEY = "squad/header/v2"  # v2: the Status column
_DEFAULT_WIDTHS = {"shirt": 44, "name": 190, "availability": 120, "position": 90, "other_positions": 90, "age": 48, "born": 90,
                   "nationality": 110, "foot": 56, "contract_end": 100, "appearances": 56, "minutes": 64,
                   "value": 76, "wage": 84}


class SquadScreen(ScreenWidget):
    """The current squad as a table with a filter, a position filter, add and mark-as-left.

    Enter, or a double-click on a read-only cell, opens the player's card (``AppContext.open_player``).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("squadScreen")
        self.setAccessibleName(self.tr("Squad"))
        self.model = SquadTableModel(context, self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.model.reload()
        self.watch(self.model)
        self.fit_columns()
        self._restore_header()
        context.database_opened.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self._update_state()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("squadFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, position or nationality"))
        self.filter_edit.setAccessibleName(self.tr("Filter the squad"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(320)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.position_combo = QComboBox()
        self.position_combo.setObjectName("squadPositionFilter")
        self.position_combo.setAccessibleName(self.tr("Position filter"))
        self.position_combo.addItem(self.tr("All positions"), None)
        for code in POSITIONS:
            self.position_combo.addItem(code, code)
        self.position_combo.currentIndexChanged.connect(
            lambda _i: self.set_position_filter(self.position_combo.currentData()))
        self.add_button = QPushButton(self.tr("Add player…"))
        self.add_button.setObjectName("addPlayerButton")
        self.add_button.setAccessibleName(self.tr("Add player"))
        self.add_button.clicked.connect(self.add_player)
        self.left_button = QPushButton(self.tr("Mark as left…"))
        self.left_button.setObjectName("markLeftButton")
        self.left_button.setAccessibleName(self.tr("Mark as left"))
        self.left_button.clicked.connect(self.mark_left)
        self.count_label = QLabel()
        self.count_label.setObjectName("squadCount")
        toolbar = QHBoxLayout()
        for widget in (self.filter_edit, self.position_combo):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        for item in (self.count_label, self.add_button, self.left_button):
            toolbar.addWidget(item)

        self.table = QTableView()
        self.table.setObjectName("squadTable")
        self.table.setAccessibleName(self.tr("Squad list"))
        self.table.setModel(self.proxy)
        self.delegate = ValidatingDelegate(self.model, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_INDEX["shirt"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Double-click edits an editable cell (Qt then does not emit ``activated``); Enter, or a
        # double-click on a read-only cell such as Age, opens the player card.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self.open_card)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_row_menu)
        header = self.table.horizontalHeader()
        header.setObjectName("squadHeader")
        header.setAccessibleName(self.tr("Squad columns"))
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        header.sectionMoved.connect(self.save_header)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)

        self.empty_label = QLabel(self.tr(
            "No club or season is set up yet.\nOpen the demo or import a squad to see the squad list here."))
        self.empty_label.setObjectName("squadEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.setObjectName("squadPages")
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.pages, 1)

    # --- header: hide, reorder, remember ----------------------------------------------------
    def header_menu(self) -> QMenu:
        """A menu with one checkable action per column ("toggleColumn_<key>")."""
        menu = QMenu(self)
        menu.setObjectName("squadHeaderMenu")
        header = self.table.horizontalHeader()
        for section, column in enumerate(COLUMNS):
            action = QAction(self.model.headerData(section, Qt.Orientation.Horizontal), menu)
            action.setObjectName(f"toggleColumn_{column.key}")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(column.key != "name")  # the name always stays
            action.toggled.connect(lambda shown, s=section: self.set_column_visible(s, shown))
            menu.addAction(action)
        return menu

    def fit_columns(self) -> None:
        """Size each column to its contents and its header (at least a sensible default width)."""
        header = self.table.horizontalHeader()
        for key, width in _DEFAULT_WIDTHS.items():
            section = COLUMN_INDEX[key]
            needed = max(self.table.sizeHintForColumn(section), header.sectionSizeHint(section))
            header.resizeSection(section, max(width, needed))

    def row_menu(self, row: SquadRow) -> QMenu:
        """A player's menu: his card, every screen's player actions, mark as left."""
        menu = QMenu(self)
        menu.setObjectName("squadRowMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Player card"), lambda: self.context.open_player(row.player_id))
        menu.addSeparator()
        for name, title in self.context.player_actions:
            action = menu.addAction(title)
            action.setObjectName(f"rowAction_{name}")
            action.triggered.connect(lambda _=False, n=name: self.context.run_player_action(n, row.player_id))
        menu.addSeparator()
        menu.addAction(self.tr("Mark as left…"), self.mark_left)
        return menu

    def _show_row_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self.row_menu(index.data(RowRole)).popup(self.table.viewport().mapToGlobal(point))

    def _show_header_menu(self, point: QPoint) -> None:
        self.header_menu().exec(self.table.horizontalHeader().mapToGlobal(point))

    def set_column_visible(self, section: int, shown: bool) -> None:
        """Show or hide a column and remember it."""
        self.table.horizontalHeader().setSectionHidden(section, not shown)
        self.save_header()

    def save_header(self, *_args: object) -> None:
        """Remember column order, widths and hidden columns."""
        self.context.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = self.context.settings.value(HEADER_KEY)
        if state:
            self.table.horizontalHeader().restoreState(state)

    # --- actions ----------------------------------------------------------------------------
    def search(self) -> None:
        """Put the cursor in the filter box (the window maps Ctrl+F here)."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def set_position_filter(self, position: str | None) -> None:
        """Show only players who play ``position`` (primary or secondary); None shows all."""
        if position is None:
            self.proxy.set_row_test(None)
        else:
            self.proxy.set_row_test(
                lambda row: position == row.primary_position or position in row.secondary_positions)

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, COLUMN_INDEX["name"]))

    def selected_row(self) -> SquadRow | None:
        """The squad row of the current table row, if any."""
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def current_player(self) -> int | None:
        row = self.selected_row()
        return row.player_id if row is not None else None

    def open_card(self, index: QModelIndex | None = None) -> None:
        """Open the player card of a row (the current one by default)."""
        row = index.data(RowRole) if index is not None and index.isValid() else self.selected_row()
        if row is not None:
            self.context.open_player(row.player_id)

    def open_player(self, player_id: int) -> bool:
        """Select the player's row (clearing filters that hide it); False if not in this squad."""
        position = next((i for i, row in enumerate(self.model.rows()) if row.player_id == player_id), None)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, COLUMN_INDEX["name"]))
        if not index.isValid():  # filtered out: show everyone again
            self.filter_edit.clear()
            self.position_combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(position, COLUMN_INDEX["name"]))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def add_player(self) -> None:
        """Open the add-player dialog."""
        from desktop.squad.dialogs import AddPlayerDialog

        AddPlayerDialog(self.context, self).open()

    def mark_left(self) -> None:
        """Open the mark-as-left dialog for the selected player."""
        from desktop.squad.dialogs import MarkLeftDialog

        row = self.selected_row()
        if row is not None:
            MarkLeftDialog(self.context, row, self).open()

    # --- state ------------------------------------------------------------------------------
    def _update_state(self) -> None:
        has_squad = self.model.has_squad()
        self.pages.setCurrentWidget(self.table if has_squad else self.empty_label)
        for widget in (self.filter_edit, self.position_combo, self.add_button):
            widget.setEnabled(has_squad)
        self._update_count()
        self._update_buttons()

    def _update_count(self, *_args: object) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = self.tr("1 player") if total == 1 else self.tr("{n} players").format(n=total)
        if shown != total:
            text = self.tr("{shown} of {text}").format(shown=shown, text=text)
        self.count_label.setText(text)

    def _update_buttons(self, *_args: object) -> None:
        self.left_button.setEnabled(self.selected_row() is not None)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_header()
        super().hideEvent(event)
