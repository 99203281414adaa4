"""Marking injuries from wherever the player is: the squad list's menu and the Player menu open the
injury board's dialogs; the squad's Status column, the board and undo all follow."""

from __future__ import annotations

import datetime as dt
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from db.changes import INJURY, Change
from db.domain.injury_types import INJURY_TYPES
from desktop.common.roles import RowRole, SortRole
from desktop.injuries.dialogs import BanDialog, InjuryDialog
from desktop.injuries.screen import InjuryBoard
from desktop.main_window import MainWindow
from desktop.squad.columns import COLUMN_INDEX
from desktop.squad.screen import SquadScreen
from tests.helpers import AS_OF

STATUS, NAME = COLUMN_INDEX["availability"], COLUMN_INDEX["name"]


@pytest.fixture
def window(qtbot, settings: QSettings, demo_path: Path) -> MainWindow:
    shown = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
    qtbot.addWidget(shown)
    shown.resize(1400, 850)
    shown.show()
    shown.start()
    return shown


def squad(window: MainWindow) -> SquadScreen:
    screen = window.screen_widget("squad")
    assert isinstance(screen, SquadScreen)
    return screen


def board(window: MainWindow) -> InjuryBoard:
    screen = window.screen_widget("injuries")
    assert isinstance(screen, InjuryBoard)
    return screen


def status_of(screen: SquadScreen, name: str) -> str:
    model = screen.model
    position = next(i for i, row in enumerate(model.rows()) if row.name == name)
    return model.index(position, STATUS).data()


def select(screen: SquadScreen, name: str) -> None:
    assert screen.open_player(next(r.player_id for r in screen.model.rows() if r.name == name))


def open_dialog(window: MainWindow, kind: type) -> QWidget:
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, f"expected one open {kind.__name__}"
    return found[0]


def test_status_column_tells_the_next_match(window: MainWindow) -> None:
    screen = squad(window)
    assert status_of(screen, "Éder Militão") == "Injured"
    assert status_of(screen, "Jude Bellingham") == "Precautionary rest (75%)"
    assert status_of(screen, "Dani Ceballos") == "Doubtful (50%)"
    assert status_of(screen, "Kylian Mbappé") == ""
    assert status_of(screen, "Lucas Vázquez") == "Banned in Copa del Rey (2)"  # free for LaLiga, told
    model = screen.model
    position = next(i for i, row in enumerate(model.rows()) if row.name == "Jude Bellingham")
    tip = model.index(position, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Next match: Celta" in tip and "LaLiga" in tip and "4 May" in tip
    assert model.index(position, STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    # Sorted by status, the worst last; filtered by the word.
    screen.table.sortByColumn(STATUS, Qt.SortOrder.DescendingOrder)
    first = screen.proxy.index(0, NAME).data(RowRole)
    assert model.verdict(first).status == "injured"
    assert screen.proxy.index(0, STATUS).data(SortRole) >= screen.proxy.index(10, STATUS).data(SortRole)
    screen.filter_edit.setText("doubtful")
    assert [screen.proxy.index(r, NAME).data() for r in range(screen.proxy.rowCount())] == ["Dani Ceballos"]


def test_mark_injured_from_the_squad_menu_with_undo(window: MainWindow, qtbot) -> None:
    screen = squad(window)
    select(screen, "Kylian Mbappé")
    menu = screen.row_menu(screen.selected_row())
    action = next(a for a in menu.actions() if a.objectName() == "rowAction_mark_injured")
    action.trigger()
    dialog = open_dialog(window, InjuryDialog)
    assert dialog.player.currentText().endswith("Kylian Mbappé")
    dialog.preset.setCurrentIndex(dialog.preset.findData(1))  # hamstring strain, grade 1: 7–21 days
    assert dialog.kind.text() == INJURY_TYPES[1].name
    assert dialog.values()["expected_return_earliest"] == AS_OF + dt.timedelta(days=7)
    dialog.accept()
    assert not dialog.isVisible()
    assert status_of(screen, "Kylian Mbappé") == "Injured"
    assert window.context.undo_stack.undoText() == "Mark Mbappé injured"
    window.show_screen("injuries")  # a hidden screen catches up when shown
    out = board(window).proxies["out"]
    assert "Kylian Mbappé" in [out.index(r, 0).data(RowRole).name for r in range(out.rowCount())]
    window.context.undo_stack.undo()
    assert "Kylian Mbappé" not in [out.index(r, 0).data(RowRole).name for r in range(out.rowCount())]
    window.show_screen("squad")
    assert status_of(screen, "Kylian Mbappé") == ""
    window.context.undo_stack.redo()
    assert status_of(screen, "Kylian Mbappé") == "Injured"


def test_player_menu_shortcut_acts_on_the_selected_row(window: MainWindow, qtbot) -> None:
    screen = squad(window)
    select(screen, "Arda Güler")
    window.findChild(type(window.undo_action), "action_mark_injured").trigger()
    dialog = open_dialog(window, InjuryDialog)
    assert dialog.player.currentText().endswith("Arda Güler")
    assert window.findChild(type(window.undo_action), "action_mark_injured").shortcut().toString() == "Ctrl+I"
    dialog.reject()


def test_bad_injury_input_names_the_field_and_saves_nothing(window: MainWindow) -> None:
    screen = squad(window)
    select(screen, "Rodrygo")
    window.run_player_action("mark_injured", screen.current_player())
    dialog = open_dialog(window, InjuryDialog)
    dialog.kind.setText("Ankle sprain")
    dialog.earliest.setDate(dialog.started.date().addDays(20))
    dialog.latest.setDate(dialog.started.date().addDays(5))
    dialog.accept()
    assert dialog.isVisible()
    assert "before" in dialog.shown_error("expected_return_latest").lower() or dialog.shown_error(
        "expected_return_earliest")
    dialog.kind.setText("   ")
    dialog.latest.setDate(dialog.started.date().addDays(30))
    dialog.accept()
    assert dialog.isVisible() and dialog.shown_error("kind")
    assert status_of(screen, "Rodrygo") == "" and window.context.undo_stack.count() == 0
    dialog.reject()


def test_changing_an_injury_is_one_undo_step(window: MainWindow) -> None:
    injuries = board(window)
    row = next(r for r in injuries.model.rows() if r.name == "Dani Ceballos")
    dialog = InjuryDialog(window.context, row=row, parent=window)
    dialog.chance.setCurrentIndex(dialog.chance.findData(75))
    dialog.accept()
    assert status_of(squad(window), "Dani Ceballos") == "Doubtful (75%)"
    assert window.context.undo_stack.undoText() == "Change Ceballos's injury"
    window.context.undo_stack.undo()
    assert status_of(squad(window), "Dani Ceballos") == "Doubtful (50%)"


def test_a_ban_shows_as_suspended_for_the_next_match(window: MainWindow) -> None:
    screen = squad(window)
    select(screen, "Kylian Mbappé")
    window.run_player_action("record_ban", screen.current_player())
    dialog = open_dialog(window, BanDialog)
    dialog.competition.setCurrentIndex(dialog.competition.findText("LaLiga"))
    dialog.matches.setValue(1)
    dialog.reason.setText("Violent conduct")
    dialog.accept()
    assert status_of(screen, "Kylian Mbappé") == "Suspended"
    window.context.undo_stack.undo()
    assert status_of(screen, "Kylian Mbappé") == ""


def test_a_change_while_the_squad_is_hidden_shows_on_return(window: MainWindow) -> None:
    from db.medical.writes import mark_injured

    screen = squad(window)
    window.show_screen("injuries")
    player = next(r.player_id for r in screen.model.rows() if r.name == "Federico Valverde")
    assert window.context.database is not None
    injury = mark_injured(window.context.database, player, {"kind": "Knock", "started_on": AS_OF})
    window.context.announce(Change.of(INJURY, {injury}))
    window.show_screen("squad")
    assert status_of(screen, "Federico Valverde") == "Injured"
