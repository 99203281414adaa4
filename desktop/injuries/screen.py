"""The injury board screen: lanes from out to match fit and back, the depth left for the next
match, and the selected player's history. Cards move between lanes by drag or by menu."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.medical.queries import RETURNED, InjuryRow
from desktop.common.formatting import last_name
from desktop.common.roles import RowRole
from desktop.common.screen_base import ScreenWidget
from desktop.injuries.card_delegate import CardDelegate
from desktop.injuries.history import PlayerHistory
from desktop.injuries.lanes import LANES, LaneProxy, LaneView
from desktop.injuries.model import InjuryBoardModel

if TYPE_CHECKING:
    from db.changes import Change
    from desktop.context import AppContext

LANE_MIN_WIDTH = 136  # a lane with cards; an empty one gives way (the drop target stays)
EMPTY_LANE_MIN_WIDTH = 100


class InjuryBoard(ScreenWidget):
    """Injuries by status in lanes; the depth strip for the next match; a player's history."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("injuryBoard")
        self.setAccessibleName(self.tr("Injuries"))
        self.model = InjuryBoardModel(context, self)
        self.proxies: dict[str, LaneProxy] = {}
        self.views: dict[str, QListView] = {}
        self.titles: dict[str, QLabel] = {}
        self._build()
        self.model.reload()
        self.watch(self.model)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):
            signal.connect(self._update_titles)
        context.data_changed.connect(self._on_change)
        context.as_of_changed.connect(lambda _day: self._on_as_of())
        context.database_opened.connect(self.refresh_depth)
        self._depth_stale = True
        self._update_titles()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("injuryFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter the board"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by player, injury or body part"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(280)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.filter_edit)
        toolbar.addStretch(1)
        for name, text, slot in (
            ("markInjuredButton", self.tr("+ Mark injured…"), lambda: self.run_player_action("mark_injured", None)),
            ("recordCardButton", self.tr("Record a card…"), lambda: self.run_player_action("record_card", None)),
            ("recordBanButton", self.tr("Record a ban…"), lambda: self.run_player_action("record_ban", None)),
            ("recordAbsenceButton", self.tr("Absence…"), lambda: self.run_player_action("record_absence", None)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.strip("+ …"))
            button.clicked.connect(slot)
            toolbar.addWidget(button)

        self.depth_chips: dict[str, QLabel] = {}  # position group -> its chip
        self.depth_title = QLabel()
        self.depth_title.setObjectName("depthTitle")
        self.depth_strip = QHBoxLayout()
        self.depth_strip.setSpacing(6)
        depth_row = QHBoxLayout()
        depth_row.addWidget(self.depth_title)
        depth_row.addLayout(self.depth_strip)
        depth_row.addStretch(1)

        lanes = QWidget()
        lanes.setObjectName("lanes")
        row = QHBoxLayout(lanes)
        self.lane_row = row
        self.lane_columns: list[QWidget] = []
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for lane, title in LANES:
            proxy = LaneProxy(lane, self.move_to_lane, self)
            proxy.setSourceModel(self.model)
            view = LaneView()
            view.setObjectName(f"lane_{lane}")
            view.setAccessibleName(self.tr(title))
            view.setModel(proxy)
            view.setItemDelegate(CardDelegate(view))
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda point, v=view: self._card_menu(v, point))
            view.clicked.connect(self._select)
            view.activated.connect(self._edit)
            label = QLabel()
            label.setObjectName(f"laneTitle_{lane}")
            if lane == RETURNED:
                label.setToolTip(self.tr("Back within the last two weeks"))
            column = QWidget()
            column.setObjectName("lane")
            column.setMinimumWidth(LANE_MIN_WIDTH)
            inner = QVBoxLayout(column)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(label)
            inner.addWidget(view, 1)
            row.addWidget(column, 1)
            self.lane_columns.append(column)
            self.proxies[lane], self.views[lane], self.titles[lane] = proxy, view, label
        away = self._build_away_lane()
        row.addWidget(away, 1)
        self.lane_columns.append(away)
        self.filter_edit.textChanged.connect(self._filter)
        scroller = QScrollArea()
        scroller.setObjectName("laneScroller")
        scroller.setWidget(lanes)
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        self.history = PlayerHistory(self.context)
        splitter = QSplitter(Qt.Orientation.Vertical)  # the lanes take the width; history below
        splitter.setObjectName("boardSplitter")
        splitter.addWidget(scroller)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 220])

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(depth_row)
        layout.addWidget(splitter, 1)

    def _build_away_lane(self) -> QWidget:
        """Bans owed and absences: not an injury's phase, so nothing is dropped here."""
        from desktop.common.row_filter import RowFilterProxy
        from desktop.injuries.away import AWAY_TITLE, AwayModel

        self.away_model = AwayModel(self.context, self)
        self.away_proxy = RowFilterProxy(self)
        self.away_proxy.setSourceModel(self.away_model)
        self.away_view = LaneView()
        self.away_view.setObjectName("lane_away")
        self.away_view.setAccessibleName(self.tr(AWAY_TITLE))
        self.away_view.setModel(self.away_proxy)
        self.away_view.setItemDelegate(CardDelegate(self.away_view))
        self.away_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.away_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.away_view.setAcceptDrops(False)
        self.away_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.away_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.away_view.customContextMenuRequested.connect(lambda point: self._card_menu(self.away_view, point))
        self.away_view.clicked.connect(self._select)
        self.away_view.set_empty_text(self.tr("No bans or absences"))
        self.away_title = QLabel()
        self.away_title.setObjectName("laneTitle_away")
        self.away_title.setToolTip(self.tr("Bans still owed, and absences now or within two weeks"))
        column = QWidget()
        column.setObjectName("lane")
        column.setMinimumWidth(LANE_MIN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.away_title)
        inner.addWidget(self.away_view, 1)
        self.away_model.reload()
        self.watch(self.away_model)
        for signal in (self.away_model.modelReset, self.away_model.rowsInserted, self.away_model.rowsRemoved):
            signal.connect(self._update_titles)
        return column

    def _filter(self, text: str) -> None:
        for proxy in (*self.proxies.values(), self.away_proxy):
            proxy.set_text(text)
        self._update_titles()

    def _update_titles(self, *_args: object) -> None:
        for lane, title in LANES:
            count = self.proxies[lane].rowCount()
            self.titles[lane].setText(f"<b>{html.escape(self.tr(title))}</b>  {count}")
        if not hasattr(self, "away_title"):
            return  # still building
        from desktop.injuries.away import AWAY_TITLE

        self.away_title.setText(f"<b>{html.escape(self.tr(AWAY_TITLE))}</b>  {self.away_proxy.rowCount()}")
        # Lanes with cards get the room; empty ones stay narrow drop targets.
        counts = [self.proxies[lane].rowCount() for lane, _ in LANES] + [self.away_proxy.rowCount()]
        for position, (column, count) in enumerate(zip(self.lane_columns, counts, strict=True)):
            self.lane_row.setStretch(position, 2 if count else 1)
            column.setMinimumWidth(LANE_MIN_WIDTH if count else EMPTY_LANE_MIN_WIDTH)

    # --- depth for the next match -----------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        from db.changes import ABSENCE, BOOKING, FIXTURE, INJURY, MEMBERSHIP, PLAYER, REGISTRATION, SUSPENSION

        if not change.touches(INJURY, BOOKING, SUSPENSION, ABSENCE, REGISTRATION, FIXTURE, PLAYER, MEMBERSHIP):
            return
        self._depth_stale = True
        if self.isVisible():
            self.refresh_depth()
            self.history.refresh()

    def _on_as_of(self) -> None:
        self.refresh_depth()
        self.history.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._depth_stale:
            self.refresh_depth()
            self.history.refresh()

    def refresh_depth(self) -> None:
        """Per position group, who can play in the next match, against the club's minimums (a
        failing read is told, never raised: this runs from the change bus)."""
        from db.errors import DugoutError

        try:
            self._show_depth()
        except DugoutError as error:
            self.context.message.emit(str(error))

    def _show_depth(self) -> None:
        from db.calendar.queries import next_fixture
        from db.domain.availability import day_text
        from db.domain.depth import GROUP_NAMES
        from db.i18n import translated
        from db.medical.queries import squad_availability, squad_depth

        self._depth_stale = False
        for old in self.depth_chips.values():
            self.depth_strip.removeWidget(old)
            old.deleteLater()
        self.depth_chips = {}
        c = self.context
        if c.database is None or c.club_id is None or c.season_id is None:
            self.depth_title.setText("")
            return
        with c.database.reading() as session:
            fixture = next_fixture(session, club_id=c.club_id, on_or_after=c.as_of)
            if fixture is None:
                self.depth_title.setText(self.tr("No fixture ahead: nothing to count depth for"))
                return
            answers = squad_availability(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of,
                                         day=fixture.day, competition_id=fixture.competition_id)
            lines = squad_depth(session, answers)
        self.depth_title.setText(self.tr("Depth for {opponent} ({competition}), {day}:").format(
            opponent=fixture.opponent, competition=fixture.competition, day=day_text(fixture.day)))
        for line in lines:
            chip = QLabel(self.tr("{group}: {a} of {t}").format(group=line.group, a=line.available, t=line.total))
            chip.setObjectName(f"depth_{line.group}")
            chip.setProperty("alert", line.alert)
            tip = self.tr("{name}: {a} of {t} first-team players can play; the club wants {m}").format(
                name=translated(GROUP_NAMES[line.group]), a=line.available, t=line.total,
                m=line.minimum)
            if line.cover:
                tip += "\n" + self.tr("Academy cover: {names}").format(names=", ".join(line.cover))
            chip.setToolTip(tip)
            chip.setAccessibleName(tip)
            self.depth_strip.addWidget(chip)
            self.depth_chips[line.group] = chip

    # --- moving cards -----------------------------------------------------------------------------
    def row_of(self, injury_id: int) -> InjuryRow | None:
        """The board's row of an injury."""
        position = self.model.position_of(injury_id)
        return self.model.row_at(position) if position is not None else None

    def move_to_lane(self, injury_id: int, version: int, lane: str) -> bool:
        """Move an injury to a lane (the drop's and the menu's one way): one undo command."""
        from desktop.undo import push_applied

        row = self.row_of(injury_id)
        if row is None or row.lane == lane:
            return False
        if row.version != version:
            self.context.status.emit(self.tr("That card changed while you moved it; try again"))
            return False
        if lane == RETURNED:
            changes: dict[str, Any] = {"status": "recovered", "returned_on": self.context.as_of}
            text = self.tr("Mark {who} back").format(who=last_name(row.name))
        else:
            changes = {"status": lane}
            if row.returned_on is not None:
                changes["returned_on"] = None
            text = self.tr("Move {who} to {lane}").format(who=last_name(row.name), lane=self.tr(dict(LANES)[lane]))
        from desktop.injuries.commands import UpdateInjuryCommand

        try:
            push_applied(self.context, UpdateInjuryCommand(self.context, row, changes, text))
        except Exception as error:  # refused (stale, read-only, invalid): say why, move nothing
            self.context.message.emit(str(error))
            return False
        return True

    def _card_menu(self, view: QListView, point: QPoint) -> None:
        index = view.indexAt(point)
        row = index.data(RowRole) if index.isValid() else None
        if row is None:
            return
        menu = QMenu(self)
        menu.setObjectName("cardMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(row, InjuryRow):
            move = menu.addMenu(self.tr("Move to"))
            for lane, title in LANES:
                action = QAction(self.tr(title), move)
                action.setEnabled(lane != row.lane)
                action.triggered.connect(
                    lambda _=False, lane=lane: self.move_to_lane(row.injury_id, row.version, lane))
                move.addAction(action)
            if row.lane != RETURNED:
                from db.domain.availability import day_text

                menu.addAction(self.tr("Back on {day} (resolve)").format(day=day_text(self.context.as_of)),
                               lambda: self.move_to_lane(row.injury_id, row.version, RETURNED))
            menu.addAction(self.tr("Change…"), lambda: self._edit_row(row))
        menu.addAction(self.tr("Record a ban…"), lambda: self.run_player_action("record_ban", row.player_id))
        menu.addAction(self.tr("Player card"), lambda: self.context.open_player(row.player_id))
        menu.popup(view.viewport().mapToGlobal(point))

    def _select(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if row is None:
            return
        for view in (*self.views.values(), self.away_view):  # one selection across lanes
            if view.model() is not index.model():
                view.clearSelection()
        self.history.show_player(row.player_id, row.name)

    def _edit(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, InjuryRow):
            self._edit_row(row)

    def _edit_row(self, row: InjuryRow) -> None:
        from desktop.injuries.dialogs import InjuryDialog

        InjuryDialog(self.context, row=row, parent=self).open()

    # --- the Screen protocol ----------------------------------------------------------------------
    def search(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def open_player(self, player_id: int) -> bool:
        """Select the player's card if he is on the board, and show his history either way."""
        for lane, view in self.views.items():
            proxy = self.proxies[lane]
            for r in range(proxy.rowCount()):
                index = proxy.index(r, 0)
                row = index.data(RowRole)
                if isinstance(row, InjuryRow) and row.player_id == player_id:
                    view.setCurrentIndex(index)
                    view.scrollTo(index)
                    self._select(index)
                    return True
        name = self._player_name(player_id)
        if name is None:
            return False
        self.history.show_player(player_id, name)
        return True

    def current_player(self) -> int | None:
        for view in (*self.views.values(), self.away_view):
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return int(index.data(RowRole).player_id)
        return self.history.player_id

    def run_player_action(self, action: str, player_id: int | None) -> None:
        """Mark injured, record a card, a ban or an absence, for a player (or one chosen in the dialog)."""
        from desktop.injuries.dialogs import AbsenceDialog, BanDialog, CardDialog, InjuryDialog

        if self.context.database is None or self.context.club_id is None:
            return
        dialogs = {"mark_injured": InjuryDialog, "record_card": CardDialog, "record_ban": BanDialog,
                   "record_absence": AbsenceDialog}
        if action in dialogs:
            # Parented to the window: the action may come from another screen while this one is hidden.
            dialogs[action](self.context, player_id, parent=self.window()).open()

    def _player_name(self, player_id: int) -> str | None:
        from db.squad.models import Player

        if self.context.database is None:
            return None
        with self.context.database.reading() as session:
            player = session.get(Player, player_id)
            return player.name if player else None

