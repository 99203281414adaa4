"""Dragging players on the lineup screen: mime data built by the squad model and dropped through
the scene's hand-off, the real view → scene → slot path with drag events on the pitch's viewport,
a slot back to the list; the seed's refusals (Militão) and warnings (Bellingham); bad drops."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from db.domain.lineup import BENCH, SLOT, Spot
from desktop.lineup.screen import LineupScreen
from desktop.lineup.squad_list import MIME, player_mime, read_player_mime
from tests.desktop.lineup.conftest import ids


def list_mime(screen: LineupScreen, name: str) -> QMimeData:
    """The mime data the squad model itself builds for a player's row."""
    model = screen.model
    position = model.position_of(ids(screen)[name])
    assert position is not None
    return model.mimeData([model.index(position, 1)])


def saved(screen: LineupScreen):
    with screen.context.database.reading() as session:
        from db.lineup.queries import read_lineup

        return read_lineup(session, screen.editor.fixture_id, 1)


def drag_to(widget: QWidget, point: QPoint, mime: QMimeData) -> tuple[bool, bool]:
    """Enter, move and drop on a widget's viewport as a drag from elsewhere would; (accepted, dropped)."""
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(point, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return enter.isAccepted(), False
    drop = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return move.isAccepted(), drop.isAccepted()


def point_of(screen: LineupScreen, spot: Spot) -> QPoint:
    """Where a place's shirt is in the pitch's viewport."""
    item = screen.scene.item_at(spot)
    assert item is not None
    return screen.pitch.mapFromScene(item.centre())


def test_the_demo_shows_celta_with_warnings_and_the_bench(screen: LineupScreen) -> None:
    assert "Celta" in screen.fixture_combo.currentText() and screen.formation_combo.currentText() == "4-3-3"
    assert "Celta" in screen.match_label.text() and "23 named" in screen.match_label.text()
    names = [item.occupant.player.short_name for item in screen.scene.slots]
    assert names == ["Courtois", "Vázquez", "Asencio", "Tchouaméni", "F. García", "Valverde", "Modrić", "Güler",
                     "Rodrygo", "Mbappé", "Vinícius"]
    modric = screen.scene.slots[6].occupant
    assert modric.captain and modric.out_of_position
    bench = {item.occupant.player.short_name: item.occupant.marks for item in screen.scene.bench}
    assert len(bench) == 12 and bench["Bellingham"] == {"precautionary"} and bench["Ceballos"] == {"doubtful"}
    rules = [screen.rules.rules.item(i).text() for i in range(screen.rules.rules.count())]
    assert rules[0] == "11 starters" and screen.rules.title.text().endswith("6 of 6")
    assert screen.rules.warning_list.count() == 3
    row = screen.model.position_of(ids(screen)["Éder Militão"])
    assert screen.model.index(row, 3).data() == "Injured"


def test_models_pass_the_model_tester(screen: LineupScreen, qtmodeltester) -> None:
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)


def test_a_player_dropped_as_mime_is_saved_and_undo_takes_him_back(screen: LineupScreen) -> None:
    before = saved(screen)
    mime = list_mime(screen, "Lorenzo Aguado")
    assert read_player_mime(mime).origin is None
    assert screen.scene.drop_mime(mime, Spot(SLOT, 1))
    after = saved(screen)
    assert after.version == before.version + 1 and after.state.starters[1] == ids(screen)["Lorenzo Aguado"]
    assert ids(screen)["Lucas Vázquez"] not in after.state.named  # back on the list
    assert screen.scene.slots[1].occupant.player.short_name == "L. Aguado"
    assert screen.context.undo_stack.undoText() == "Put L. Aguado at RB"
    screen.context.undo_stack.undo()
    assert saved(screen).state == before.state and screen.scene.slots[1].occupant.player.short_name == "Vázquez"


def test_militao_is_refused_naming_his_injury_and_the_best_available(screen: LineupScreen) -> None:
    before = saved(screen)
    assert not screen.scene.drop_mime(list_mime(screen, "Éder Militão"), Spot(SLOT, 2))
    assert saved(screen) == before and screen.context.undo_stack.count() == 0
    text = screen.refusal.text()
    assert screen.refusal.isVisible()
    assert text.startswith("Militão: ACL rupture with damage to both menisci, expected back 15–30 Jun")
    assert text.endswith("Best available for CB: Vallejo")


def test_bellingham_is_allowed_with_a_warning_mark(screen: LineupScreen) -> None:
    assert screen.scene.drop_mime(list_mime(screen, "Jude Bellingham"), Spot(SLOT, 7))  # from the bench
    slot = screen.scene.slots[7].occupant
    assert slot.player.short_name == "Bellingham" and "precautionary" in slot.marks
    assert screen.scene.bench[5].occupant.player.short_name == "Güler"  # swapped onto his bench place
    warnings = [screen.rules.warning_list.item(i).text() for i in range(screen.rules.warning_list.count())]
    assert any(w.startswith("Bellingham: Precautionary rest") for w in warnings)


def test_drag_events_on_the_pitch_reach_the_slot(screen: LineupScreen) -> None:
    accepted, dropped = drag_to(screen.pitch.viewport(), point_of(screen, Spot(SLOT, 9)),
                                list_mime(screen, "Endrick"))
    assert accepted and dropped
    assert saved(screen).state.starters[9] == ids(screen)["Endrick"]
    # Slot to slot: Endrick and Vinícius swap.
    mime = player_mime(ids(screen)["Endrick"], screen.editor.fixture_id, Spot(SLOT, 9))
    assert drag_to(screen.pitch.viewport(), point_of(screen, Spot(SLOT, 10)), mime) == (True, True)
    state = saved(screen).state
    assert state.starters[10] == ids(screen)["Endrick"] and state.starters[9] == ids(screen)["Vinícius Júnior"]
    # Onto an empty bench row: past the last substitute.
    screen.editor.take_out(ids(screen)["Víctor Muñoz"])
    mime = player_mime(ids(screen)["Endrick"], screen.editor.fixture_id, Spot(SLOT, 10))
    assert drag_to(screen.pitch.viewport(), point_of(screen, Spot(BENCH, 11)), mime) == (True, True)
    assert saved(screen).state.bench[-1] == ids(screen)["Endrick"]


def test_a_slot_dropped_on_the_list_leaves_the_lineup(screen: LineupScreen) -> None:
    mime = player_mime(ids(screen)["Rodrygo"], screen.editor.fixture_id, Spot(SLOT, 8))
    assert screen.proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert screen.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert saved(screen).state.starters[8] is None
    assert screen.scene.slots[8].occupant.player is None and screen.rules.rules.item(0).text().startswith("11")
    mime = player_mime(ids(screen)["Kylian Mbappé"], screen.editor.fixture_id, Spot(SLOT, 9))
    viewport = screen.table.viewport()
    accepted, dropped = drag_to(viewport, QPoint(viewport.width() // 2, 30), mime)
    assert accepted and dropped and saved(screen).state.starters[9] is None
    # A player from the list itself is not "dropped back".
    assert not screen.proxy.canDropMimeData(list_mime(screen, "Lorenzo Aguado"), Qt.DropAction.MoveAction, -1, -1,
                                            QModelIndex())


@pytest.mark.parametrize("payload", [
    None,  # another application's text
    b"not json",
    b"\xff\xfe",
    json.dumps({"player_id": True, "fixture_id": 1, "from": "list", "index": None}).encode(),
    json.dumps({"player_id": "7", "fixture_id": 1, "from": "list", "index": None}).encode(),
    json.dumps({"player_id": 7, "fixture_id": 1, "from": "slot", "index": 99}).encode(),
    json.dumps({"player_id": 7, "fixture_id": 1, "from": "roof", "index": None}).encode(),
    json.dumps({"player_id": 7}).encode(),
    json.dumps([1, 2, 3]).encode(),
])
def test_foreign_or_malformed_drops_change_nothing(screen: LineupScreen, payload: bytes | None) -> None:
    mime = QMimeData()
    if payload is None:
        mime.setText("Kylian Mbappé")
    else:
        mime.setData(MIME, payload)
    before = saved(screen)
    assert drag_to(screen.pitch.viewport(), point_of(screen, Spot(SLOT, 9)), mime)[1] is False
    assert not screen.scene.drop_mime(mime, Spot(SLOT, 9))
    assert not screen.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert saved(screen) == before and screen.context.undo_stack.count() == 0


def test_another_clubs_player_or_another_match_is_refused(screen: LineupScreen, demo) -> None:
    from sqlmodel import select

    from db.squad.models import Player

    with demo.reading() as session:
        mac_allister = session.exec(select(Player).where(Player.name == "Alexis Mac Allister")).one().id
    before = saved(screen)
    assert not screen.scene.drop_mime(player_mime(mac_allister, screen.editor.fixture_id, None), Spot(SLOT, 6))
    assert "not in our squad" in screen.refusal.text()
    other_match = player_mime(ids(screen)["Endrick"], screen.editor.fixture_id + 1, None)
    assert drag_to(screen.pitch.viewport(), point_of(screen, Spot(SLOT, 9)), other_match)[1] is False
    assert not screen.scene.drop_mime(other_match, Spot(SLOT, 9))
    assert saved(screen) == before


def test_a_lineup_changed_by_someone_else_is_not_overwritten(screen: LineupScreen) -> None:
    from dataclasses import replace

    from db.lineup.writes import swap_lineup
    from tests.helpers import AS_OF

    before = saved(screen)
    theirs = replace(before.state, captain_id=ids(screen)["Federico Valverde"])
    swap_lineup(screen.context.database, club_id=screen.context.club_id, fixture_id=screen.editor.fixture_id,
                expected=before.state, state=theirs, version=before.version, as_of=AS_OF)  # not announced
    assert not screen.scene.drop_mime(list_mime(screen, "Endrick"), Spot(SLOT, 9))
    assert "Someone else changed this lineup" in screen.refusal.text()
    assert saved(screen).state == theirs and screen.editor.state == theirs  # shown as they saved it
    assert screen.scene.drop_mime(list_mime(screen, "Endrick"), Spot(SLOT, 9))  # now on what is there
