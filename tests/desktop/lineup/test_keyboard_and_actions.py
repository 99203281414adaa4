"""Everything the mouse does, the keyboard does: Tab and arrows between places, Enter for the
ranked candidates, Enter to pick, Delete, C for captain, Space to swap. Undo of a sequence of
moves returns exactly the earlier lineup; formations, copy, clear, final, a formation of our own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain.lineup import BENCH, SLOT, Spot
from desktop.lineup.formation_dialog import FormationNameDialog
from desktop.lineup.screen import LineupScreen
from tests.desktop.lineup.conftest import ids


def focus_pitch(screen: LineupScreen, qtbot) -> None:
    screen.activateWindow()
    screen.pitch.setFocus()
    qtbot.waitUntil(screen.pitch.hasFocus)


def test_tab_and_arrows_move_between_places(screen: LineupScreen, qtbot) -> None:
    focus_pitch(screen, qtbot)
    assert screen.pitch.current == Spot(SLOT, 0)
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Tab)
    assert screen.pitch.current == Spot(SLOT, 1) and screen.scene.slots[1].current
    assert screen.pitch.hasFocus()  # Tab stays on the pitch
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Backtab)
    assert screen.pitch.current == Spot(SLOT, 0)
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Up)
    assert screen.pitch.current in (Spot(SLOT, 2), Spot(SLOT, 3))  # a centre-back
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Right)
    assert screen.pitch.current == Spot(SLOT, 2) or screen.pitch.current == Spot(SLOT, 1)
    for _ in range(11):
        qtbot.keyClick(screen.pitch, Qt.Key.Key_Tab)
    assert screen.pitch.current.kind == BENCH
    assert "Substitute" in screen.pitch.accessibleDescription() or ":" in screen.pitch.accessibleDescription()


def test_enter_offers_ranked_candidates_and_enter_picks(screen: LineupScreen, qtbot) -> None:
    focus_pitch(screen, qtbot)
    screen.editor.take_out(ids(screen)["Raúl Asencio"])
    screen.pitch.set_current(Spot(SLOT, 2))
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Return)
    popup = screen.candidate_popup
    assert popup is not None and popup.isVisible()
    lines = [popup.list.item(i).text() for i in range(popup.list.count())]
    assert lines[0] == "18  Jesús Vallejo · CB · his position · substitute"  # can play, fits, then by shirt
    assert lines[1:3] == ["31  Jacobo Ramón · CB · his position · substitute", "35  Raúl Asencio · CB · his position"]
    assert "14  Aurélien Tchouaméni · DM · plays there too · starts at CB" in lines
    militao = next(i for i, line in enumerate(lines) if "Militão" in line)
    assert not popup.list.item(militao).flags() & Qt.ItemFlag.ItemIsEnabled and militao > 20
    assert popup.list.currentRow() == 0
    qtbot.keyClick(popup.list, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert screen.editor.state.starters[2] == ids(screen)["Jesús Vallejo"]
    assert ids(screen)["Jesús Vallejo"] not in screen.editor.state.bench
    assert screen.context.undo_stack.undoText() == "Put Vallejo at CB"


def test_delete_empties_c_makes_captain_and_space_swaps(screen: LineupScreen, qtbot) -> None:
    focus_pitch(screen, qtbot)
    screen.pitch.set_current(Spot(SLOT, 9))
    qtbot.keyClick(screen.pitch, Qt.Key.Key_C)
    assert screen.editor.state.captain_id == ids(screen)["Kylian Mbappé"] and screen.scene.slots[9].occupant.captain
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Space)  # lift Mbappé…
    assert screen.scene.slots[9].carried
    screen.pitch.set_current(Spot(SLOT, 10))
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Space)  # …and put him down on Vinícius' place: a swap
    state = screen.editor.state
    assert state.starters[10] == ids(screen)["Kylian Mbappé"] and state.starters[9] == ids(screen)["Vinícius Júnior"]
    qtbot.keyClick(screen.pitch, Qt.Key.Key_Delete)
    assert screen.editor.state.starters[10] is None and screen.editor.state.captain_id is None
    checks = {screen.rules.rules.item(i).data(Qt.ItemDataRole.UserRole): screen.rules.rules.item(i).text()
              for i in range(screen.rules.rules.count())}
    assert "10 of 11 named" in checks["eleven"] and "Press C" in checks["captain"]
    screen.pitch.set_current(Spot(BENCH, 0))
    qtbot.keyClick(screen.pitch, Qt.Key.Key_C)  # a substitute cannot captain
    assert screen.editor.state.captain_id is None and "starters" in screen.refusal.text()


def test_enter_on_the_list_puts_the_player_in_the_current_place(screen: LineupScreen, qtbot) -> None:
    screen.pitch.set_current(Spot(SLOT, 1))
    assert screen.open_player(ids(screen)["Lorenzo Aguado"])
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.editor.state.starters[1] == ids(screen)["Lorenzo Aguado"]
    assert screen.open_player(ids(screen)["Luka Modrić"]) and screen.pitch.current == Spot(SLOT, 6)
    assert screen.current_player() == ids(screen)["Luka Modrić"]


def test_undo_of_a_sequence_returns_exactly_the_earlier_lineup(screen: LineupScreen) -> None:
    editor, stack = screen.editor, screen.context.undo_stack
    first = editor.facts.stored
    assert editor.put(ids(screen)["Jude Bellingham"], Spot(SLOT, 7))
    assert editor.put(ids(screen)["Endrick"], Spot(SLOT, 9))
    assert editor.take_out(ids(screen)["Rodrygo"])
    assert editor.make_captain(Spot(SLOT, 5))
    assert editor.choose_formation(screen.formation_combo.itemData(screen.formation_combo.findText("4-2-3-1")))
    assert editor.clear()
    last = editor.state
    assert stack.count() == 6
    for _ in range(6):
        stack.undo()
    assert editor.state == first.state and editor.facts.stored.state == first.state
    assert [item.occupant.player.short_name for item in screen.scene.slots][6] == "Modrić"
    for _ in range(6):
        stack.redo()
    assert editor.state == last


def test_a_formation_switch_keeps_players_in_their_positions(screen: LineupScreen) -> None:
    combo = screen.formation_combo
    combo.setCurrentIndex(combo.findText("4-4-2"))
    combo.activated.emit(combo.currentIndex())
    state = screen.editor.state
    assert screen.editor.formation.name == "4-4-2" and len(state.named) == 23
    assert state.starters[:5] == screen.context.undo_stack.command(0).before.starters[:5]  # keeper and back four
    assert [s.label for s in screen.scene.slots][5] == "RW"
    screen.context.undo_stack.undo()
    assert screen.editor.formation.name == "4-3-3" and combo.currentText() == "4-3-3"


def test_copy_the_last_match_and_clear(screen: LineupScreen) -> None:
    combo = screen.fixture_combo
    barcelona = next(f for f in screen.editor.fixtures if f.day.isoformat() == "2025-05-11")
    combo.setCurrentIndex(combo.findData(barcelona.fixture_id))
    combo.activated.emit(combo.currentIndex())
    assert "Barcelona" in screen.match_label.text() and screen.editor.state.is_empty
    assert screen.scene.slots[0].occupant.player is None
    screen.copy_button.click()
    assert len(screen.editor.state.named) == 23 and screen.editor.state.captain_id == ids(screen)["Luka Modrić"]
    assert screen.context.undo_stack.undoText() == "Copy the lineup of Celta"
    screen.clear_button.click()
    assert screen.editor.state.is_empty
    screen.context.undo_stack.undo()
    assert len(screen.editor.state.named) == 23


def test_a_final_lineup_refuses_edits_until_unlocked(screen: LineupScreen) -> None:
    screen.final_button.click()
    assert screen.editor.state.final and screen.final_button.isChecked()
    assert not screen.clear_button.isEnabled() and not screen.formation_combo.isEnabled()
    from desktop.lineup.squad_list import player_mime

    assert not screen.scene.accepts(player_mime(ids(screen)["Endrick"], screen.editor.fixture_id, None))
    assert not screen.editor.put(ids(screen)["Endrick"], Spot(SLOT, 9))
    assert "final" in screen.refusal.text()
    screen.final_button.click()
    assert not screen.editor.state.final
    assert screen.editor.put(ids(screen)["Endrick"], Spot(SLOT, 9))


def test_an_incomplete_lineup_is_not_marked_final(screen: LineupScreen) -> None:
    screen.editor.take_out(ids(screen)["Thibaut Courtois"])
    screen.final_button.click()
    assert not screen.editor.state.final and not screen.final_button.isChecked()
    assert "Not ready to mark final" in screen.refusal.text()


def test_moved_slots_are_saved_as_our_own_formation_in_one_undo_step(screen: LineupScreen, qtbot) -> None:
    screen.move_button.click()
    assert screen.scene.moving
    focus_pitch(screen, qtbot)
    screen.pitch.set_current(Spot(SLOT, 8))
    for _ in range(3):
        qtbot.keyClick(screen.pitch, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert screen.editor.draft_slots[8].x == screen.editor.formation.slots[8].x + 6
    assert screen.save_formation_button.isEnabled() and "slots moved" in screen.match_label.text()
    screen.editor.move_slot(10, 12, 30)
    dialog = FormationNameDialog(screen.editor, screen)
    qtbot.addWidget(dialog)
    dialog.name.setText("4-3-3")
    dialog.accept()
    assert "already exists" in dialog.shown_error("name")
    dialog.name.setText("4-3-3 wide")
    dialog.accept()
    assert dialog.saved and screen.editor.formation.name == "4-3-3 wide"
    assert screen.formation_combo.currentText() == "4-3-3 wide" and screen.editor.draft_slots is None
    assert len(screen.editor.state.named) == 23
    stack = screen.context.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Save formation 4-3-3 wide"
    stack.undo()
    assert screen.editor.formation.name == "4-3-3" and screen.formation_combo.findText("4-3-3 wide") < 0
    stack.redo()
    assert screen.formation_combo.currentText() == "4-3-3 wide"
    QApplication.processEvents()


def test_a_new_injury_shows_on_the_pitch_and_fails_the_checklist(screen: LineupScreen) -> None:
    from db.changes import INJURY, Change
    from db.medical.writes import mark_injured
    from tests.helpers import AS_OF

    injury = mark_injured(screen.context.database, ids(screen)["Kylian Mbappé"],
                          {"kind": "Ankle sprain", "started_on": AS_OF,
                           "expected_return_earliest": AS_OF.replace(day=20)})
    screen.hide()  # a hidden screen reads nothing for it until it is shown
    screen.context.announce(Change.of(INJURY, {injury}))
    assert "injured" not in screen.scene.slots[9].occupant.marks
    screen.show()
    assert "injured" in screen.scene.slots[9].occupant.marks
    checks = {screen.rules.rules.item(i).data(Qt.ItemDataRole.UserRole): screen.rules.rules.item(i).text()
              for i in range(screen.rules.rules.count())}
    assert "Mbappé: Ankle sprain" in checks["available"]
