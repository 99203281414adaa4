"""The lineup screen: choose a match and a formation, drag players from the squad onto the pitch
(or pick them with the keyboard), with the rules checked live beside it; copy the last match's
lineup, clear it, mark it final, save a formation of your own, print the team sheet."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.domain.lineup import SLOT, Spot
from desktop.common.formatting import format_date
from desktop.common.messages import error_label
from desktop.common.naming import named
from desktop.common.roles import RowRole
from desktop.common.row_filter import RowFilterProxy
from desktop.common.screen_base import ScreenWidget
from desktop.lineup.editor import LineupEditor
from desktop.lineup.pitch import PitchScene, PitchView
from desktop.lineup.rules_panel import RulesPanel
from desktop.lineup.slot_item import Occupant
from desktop.lineup.squad_list import Dragged, LineupSquadModel

if TYPE_CHECKING:
    from desktop.context import AppContext

_WIDTHS = (36, 150, 40, 126, 56)


class LineupScreen(ScreenWidget):
    """A fixture's lineup on a pitch, the squad beside it and the checklist."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("lineupScreen")
        self.setAccessibleName(self.tr("Lineup"))
        self.editor = LineupEditor(context, self)
        self.model = LineupSquadModel(context, self.editor.entries, self._drop_on_list, lambda: self.editor.fixture_id,
                                      self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.scene = PitchScene(self.editor.drop, self)
        self.candidate_popup: Any = None
        self._build()
        self.editor.loaded.connect(self.show_fixture)
        self.editor.state_changed.connect(self.show_state)
        self.editor.refused.connect(self.show_refusal)
        context.database_opened.connect(self.start)
        context.as_of_changed.connect(lambda _day: self.start(keep=True))
        self.start()

    # --- building -------------------------------------------------------------------------------
    def _button(self, name: str, text: str, tip: str, slot: Any, checkable: bool = False) -> QPushButton:
        button = named(QPushButton(text), name, text.rstrip("…"))
        button.setToolTip(tip)
        button.setCheckable(checkable)
        (button.toggled if checkable else button.clicked).connect(slot)
        return button

    def _build(self) -> None:
        self.fixture_combo = named(QComboBox(), "lineupFixture", self.tr("Match"))
        self.fixture_combo.setMinimumWidth(300)
        self.fixture_combo.activated.connect(self._fixture_chosen)
        self.formation_combo = named(QComboBox(), "lineupFormation", self.tr("Formation"))
        self.formation_combo.setMinimumWidth(130)
        self.formation_combo.activated.connect(self._formation_chosen)
        self.move_button = self._button("lineupMoveSlots", self.tr("Move slots"), self.tr(
            "Drag the slots (or Shift+arrow keys) to shape a formation of your own"), self._toggle_moving, True)
        self.save_formation_button = self._button("lineupSaveFormation", self.tr("Save formation…"), self.tr(
            "Save the moved slots as a formation of your own"), self.save_formation)
        self.copy_button = self._button("lineupCopy", self.tr("Copy last match"), self.tr(
            "The lineup of the previous match, without those who cannot play in this one"), self.editor.copy_previous)
        self.clear_button = self._button("lineupClear", self.tr("Clear"), self.tr("Take everybody off the sheet"),
                                         self.editor.clear)
        self.final_button = self._button("lineupFinal", self.tr("Mark final"), self.tr(
            "Lock the lineup against accidental edits (click again to unlock)"), self._toggle_final, True)
        self.sheet_button = self._button("lineupTeamSheet", self.tr("Team sheet…"), self.tr(
            "Save the team sheet as a PDF or a PNG to print"), self.export_team_sheet)
        toolbar = QHBoxLayout()
        for widget in (self.fixture_combo, self.formation_combo, self.move_button, self.save_formation_button):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        for widget in (self.copy_button, self.clear_button, self.final_button, self.sheet_button):
            toolbar.addWidget(widget)
        self.match_label = QLabel()
        self.match_label.setObjectName("lineupMatch")
        self.refusal = error_label(self, "lineupRefusal")

        self.filter_edit = named(QLineEdit(), "lineupFilter", self.tr("Filter the squad"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, position or status"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.table = named(QTableView(), "lineupSquad", self.tr("Squad"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.activated.connect(self._list_activated)
        header = named(self.table.horizontalHeader(), "lineupSquadHeader", self.tr("Squad columns"))
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        left = QWidget()
        left.setObjectName("lineupSquadPanel")
        beside = QVBoxLayout(left)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.filter_edit)
        beside.addWidget(self.table, 1)

        self.pitch = named(PitchView(self.scene), "lineupPitch", self.tr("Pitch"))
        self.pitch.setToolTip(self.tr("Tab and arrow keys move between places; Enter picks a player, Delete "
                                      "empties, C makes captain, Space lifts a player to swap"))
        self.pitch.choose_requested.connect(self.choose_player)
        self.pitch.empty_requested.connect(self.editor.empty)
        self.pitch.captain_requested.connect(self.editor.make_captain)
        self.pitch.swap_requested.connect(self._swap)
        self.pitch.slot_nudged.connect(self._nudge)
        self.scene.on_slot_moved = self.editor.move_slot
        self.rules = RulesPanel()
        self.rules.setMinimumWidth(210)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("lineupSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.pitch)
        splitter.addWidget(self.rules)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([430, 610, 230])
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.match_label)
        layout.addWidget(self.refusal)
        layout.addWidget(splitter, 1)

    # --- loading ----------------------------------------------------------------------------------
    def start(self, keep: bool = False) -> None:
        """Read the season's fixtures and show the next one (or keep the one shown)."""
        from db.errors import DugoutError

        try:
            shown = self.editor.fixture_id if keep else None
            self.editor.load_fixtures()
            if shown is None or not any(f.fixture_id == shown for f in self.editor.fixtures):
                shown = self.editor.default_fixture()
            self._fill_fixtures()
            self.editor.load(shown)
        except DugoutError as error:
            self.context.message.emit(str(error))

    def _fill_fixtures(self) -> None:
        combo = self.fixture_combo
        combo.blockSignals(True)
        combo.clear()
        sides = {"home": self.tr("home"), "away": self.tr("away"), "neutral": self.tr("neutral")}
        for fixture in self.editor.fixtures:
            text = self.tr("{day} · {opponent} ({side}) · {competition}").format(
                day=format_date(fixture.day), opponent=fixture.opponent, side=sides.get(fixture.venue_side, ""),
                competition=fixture.competition)
            combo.addItem(text, fixture.fixture_id)
        combo.blockSignals(False)

    def show_fixture(self) -> None:
        """Everything anew for the fixture the editor holds."""
        facts = self.editor.facts
        index = self.fixture_combo.findData(self.editor.fixture_id)
        if index >= 0:
            self.fixture_combo.setCurrentIndex(index)
        self.formation_combo.blockSignals(True)
        self.formation_combo.clear()
        for formation in facts.formations if facts else ():
            self.formation_combo.addItem(formation.name, formation.formation_id)
        self.formation_combo.blockSignals(False)
        self.model.reload()
        self.hide_refusal()
        self.show_state()

    def show_state(self) -> None:
        """The lineup as saved (or as the slots are being moved): pitch, list, checklist, buttons."""
        editor, facts, state = self.editor, self.editor.facts, self.editor.state
        self.scene.fixture_id = editor.fixture_id
        for widget in (self.formation_combo, self.move_button, self.copy_button, self.clear_button, self.final_button,
                       self.sheet_button, self.pitch, self.table):
            widget.setEnabled(facts is not None)
        if facts is None or state is None:
            self.match_label.setText(self.tr("No match to plan: the season has no fixtures yet"))
            self.scene.lay_out((), 0, "")
            self.model.refresh_all()
            self.rules.show_checks([])
            self.rules.show_warnings([])
            return
        bench_title = self.tr("Substitutes  {n}/{limit}").format(n=len(state.bench), limit=facts.rules.bench_size)
        self.scene.lay_out(editor.slots, facts.rules.bench_size, bench_title)
        warnings = editor.warnings()
        marks: dict[int, set[str]] = {}
        for warning in warnings:
            marks.setdefault(warning.player_id, set()).add(warning.kind)
        for item in self.scene.places():
            player_id = state.at(item.spot)
            player = editor.players.get(player_id) if player_id is not None else None
            player_marks = set(marks.get(player_id, set())) if player_id is not None else set()
            if player is not None and not player.can_play:
                player_marks.add(player.availability.status)
            item.locked = state.final
            item.set_occupant(Occupant(player, player_id == state.captain_id and player_id is not None,
                                       "position" in player_marks, player_marks))
        self.scene.locked = state.final
        self.pitch.refresh_description()
        self.model.refresh_all()
        self.rules.show_checks(editor.checks())
        self.rules.show_warnings(warnings)
        self._sync_controls()

    def _sync_controls(self) -> None:
        editor, facts, state = self.editor, self.editor.facts, self.editor.state
        assert facts is not None and state is not None
        index = self.formation_combo.findData(state.formation_id)
        self.formation_combo.setCurrentIndex(index)
        draft = editor.draft_slots is not None
        self.save_formation_button.setEnabled(draft)
        self.final_button.blockSignals(True)
        self.final_button.setChecked(state.final)
        self.final_button.setText(self.tr("Final — unlock") if state.final else self.tr("Mark final"))
        self.final_button.blockSignals(False)
        for widget in (self.formation_combo, self.move_button, self.copy_button, self.clear_button):
            widget.setEnabled(not state.final)
        fixture = facts.fixture
        kickoff = fixture.kickoff.strftime("%H:%M") if fixture.time_known else ""
        formation = editor.formation.name if editor.formation else ""
        if draft:
            formation = self.tr("{name}, slots moved (not saved)").format(name=formation)
        status = self.tr("final, locked") if state.final else self.tr("saved with every move")
        self.match_label.setText(self.tr("<b>{opponent}</b> ({competition}{round}) · {day} {time} · {formation} · "
                                         "{named} named · {status}").format(
            opponent=html.escape(fixture.opponent), competition=html.escape(fixture.competition),
            round=html.escape(f", {fixture.round}") if fixture.round else "", day=format_date(fixture.day),
            time=kickoff, formation=html.escape(formation), named=len(state.named), status=status))

    def showEvent(self, event: QShowEvent) -> None:
        self.editor.resume()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.editor.hold()  # another screen's writes are read when this one shows again
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and self.editor.facts is not None:
            self.rules.forget()  # its marks are drawn in the theme's colours: draw them again
            self.show_state()

    # --- refusals ---------------------------------------------------------------------------------
    def show_refusal(self, text: str) -> None:
        """Say why a move was refused, above the pitch and in the status bar."""
        self.refusal.setText(text)
        self.refusal.setAccessibleName(text)
        self.refusal.show()
        self.context.status.emit(text)
        QTimer.singleShot(12000, self.hide_refusal)

    def hide_refusal(self) -> None:
        """Take the refusal away (the next move, another match)."""
        self.refusal.hide()

    # --- actions ----------------------------------------------------------------------------------
    def _fixture_chosen(self, index: int) -> None:
        self.editor.load(self.fixture_combo.itemData(index))

    def _formation_chosen(self, index: int) -> None:
        if not self.editor.choose_formation(int(self.formation_combo.itemData(index))):
            self.show_state()

    def _toggle_moving(self, moving: bool) -> None:
        self.scene.set_moving(moving)

    def _toggle_final(self, final: bool) -> None:
        if not self.editor.set_final(final):
            self.show_state()

    def _nudge(self, index: int, dx: int, dy: int) -> None:
        slot = self.editor.slots[index]
        self.editor.move_slot(index, slot.x + dx, slot.y + dy)

    def _swap(self, origin: Spot, target: Spot) -> None:
        state = self.editor.state
        player = state.at(origin) if state else None
        if player is not None:
            self.editor.put(player, target)

    def _drop_on_list(self, dragged: Dragged) -> bool:
        return self.editor.drop(dragged, None)

    def _list_activated(self, index: QModelIndex) -> None:
        """Enter on a player in the list: put him in the pitch's current place."""
        entry = index.data(RowRole)
        if entry is not None:
            self.editor.put(entry.player.player_id, self.pitch.current)

    def choose_player(self, spot: Spot) -> None:
        """The ranked candidates for a place (Enter on the pitch); picking one puts him there."""
        from desktop.lineup.candidates import CandidatePopup

        state, slots = self.editor.state, self.editor.slots
        if state is None or state.final:
            if state is not None:
                self.show_refusal(self.tr("The lineup is final: unlock it to change it"))
            return
        position = slots[spot.index].position if spot.kind == SLOT and spot.index < len(slots) else ""
        where = position or self.tr("substitute {n}").format(n=spot.index + 1)
        named = {}
        for player_id in state.named:
            at = state.spot_of(player_id)
            if at == spot:
                named[player_id] = self.tr("here now")
            elif at is not None and at.kind == SLOT and at.index < len(slots):
                named[player_id] = self.tr("starts at {position}").format(position=slots[at.index].position)
            else:
                named[player_id] = self.tr("substitute")
        popup = CandidatePopup(self.tr("Who plays {where}?").format(where=where), position,
                               self.editor.candidates(spot), named, self)
        popup.picked.connect(lambda player_id: self.editor.put(player_id, spot))
        popup.finished.connect(lambda _result: self.pitch.setFocus())
        self.candidate_popup = popup
        popup.open()
        popup.list.setFocus()

    def save_formation(self) -> None:
        """Name the moved slots and save them as a formation of the club's own."""
        from desktop.lineup.formation_dialog import FormationNameDialog

        dialog = FormationNameDialog(self.editor, self)
        dialog.finished.connect(lambda _r: self.move_button.setChecked(False) if dialog.saved else None)
        dialog.open()

    def export_team_sheet(self) -> None:
        """Save the team sheet of the match shown as a PDF or a PNG."""
        from desktop.lineup.formation_dialog import save_team_sheet

        save_team_sheet(self)

    # --- the Screen protocol ----------------------------------------------------------------------
    def search(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def open_player(self, player_id: int) -> bool:
        """Select the player in the squad list, and his place on the pitch if he has one."""
        position = self.model.position_of(player_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        spot = self.editor.state.spot_of(player_id) if self.editor.state else None
        if spot is not None:
            self.pitch.set_current(spot)
        return True

    def current_player(self) -> int | None:
        if self.pitch.hasFocus() and self.editor.state is not None:
            return self.editor.state.at(self.pitch.current)
        index = self.table.currentIndex()
        entry = index.data(RowRole) if index.isValid() else None
        return entry.player.player_id if entry is not None else None
