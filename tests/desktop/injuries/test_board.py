"""The injury board on the demo season: lanes, dragging cards between them (as mime data and as
real drag events on a lane), refusals, undo, depth for the next match and a player's history."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from db.engine import Database
from db.medical.models import Injury
from db.medical.queries import RETURNED
from desktop.common.roles import RowRole
from desktop.injuries.lanes import LANES
from desktop.injuries.model import MIME, injury_mime
from desktop.injuries.screen import InjuryBoard
from tests.helpers import AS_OF, make_context, shown_on_screen


@pytest.fixture
def context(qapp, demo: Database, settings):
    return make_context(demo, settings)


@pytest.fixture
def board(context, qtbot) -> InjuryBoard:
    return shown_on_screen(qtbot, InjuryBoard(context), (1300, 800))


def lane_names(board: InjuryBoard, lane: str) -> list[str]:
    proxy = board.proxies[lane]
    return [proxy.index(r, 0).data(RowRole).name for r in range(proxy.rowCount())]


def card(board: InjuryBoard, name: str):
    return next(row for row in board.model.rows() if row.name == name)


def stored(demo: Database, injury_id: int) -> Injury:
    with demo.reading() as session:
        found = session.get(Injury, injury_id)
        assert found is not None
        session.expunge(found)
        return found


def test_demo_lanes_depth_and_titles(board: InjuryBoard) -> None:
    assert sorted(lane_names(board, "out")) == ["Antonio Rüdiger", "Dani Carvajal", "David Alaba",
                                                "Eduardo Camavinga", "Ferland Mendy", "Éder Militão"]
    assert lane_names(board, "doubtful") == ["Dani Ceballos"]
    assert lane_names(board, "precautionary") == ["Jude Bellingham"]
    assert all(not lane_names(board, lane) for lane in ("assessment", "rehab", "training", "match_fit"))
    assert board.titles["out"].text().endswith("6")
    assert "Celta" in board.depth_title.text() and "4 May" in board.depth_title.text()
    chips = board.depth_chips
    assert chips["CB"].text() == "CB: 1 of 4" and chips["CB"].property("alert") is True
    assert chips["GK"].property("alert") is False
    assert "Academy cover" in chips["CB"].toolTip()


def test_models_pass_the_model_tester(board: InjuryBoard, qtmodeltester) -> None:
    qtmodeltester.check(board.model)
    qtmodeltester.check(board.proxies["out"])


def test_card_tooltip_tells_what_the_card_elides(board: InjuryBoard) -> None:
    proxy = board.proxies["out"]
    index = next(proxy.index(r, 0) for r in range(proxy.rowCount())
                 if proxy.index(r, 0).data(RowRole).name == "Éder Militão")
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "ACL rupture with damage to both menisci" in tip and "After surgery" in tip
    assert "back 15–30 Jun" in tip


def test_drop_as_mime_moves_a_card_and_undo_moves_it_back(board: InjuryBoard, context, demo: Database) -> None:
    ceballos = card(board, "Dani Ceballos")
    mime = board.model.mimeData([board.model.index(board.model.position_of(ceballos.injury_id), 0)])
    assert mime.hasFormat(MIME)
    assert board.proxies["training"].canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, board.model.index(0, 0).parent())
    assert board.proxies["training"].dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                                  board.model.index(0, 0).parent())
    assert lane_names(board, "training") == ["Dani Ceballos"] and lane_names(board, "doubtful") == []
    assert stored(demo, ceballos.injury_id).status == "training"
    assert context.undo_stack.undoText() == "Move Ceballos to In training"
    context.undo_stack.undo()
    assert lane_names(board, "doubtful") == ["Dani Ceballos"]
    assert stored(demo, ceballos.injury_id).status == "doubtful"
    context.undo_stack.redo()
    assert lane_names(board, "training") == ["Dani Ceballos"]


def _drop_on(view, mime: QMimeData) -> tuple[bool, bool]:
    """Send enter, move and drop to a lane's viewport as a drag from elsewhere would; (entered, dropped)."""
    viewport = view.viewport()
    point = QPoint(viewport.width() // 2, viewport.height() - 10)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return enter.isAccepted(), False
    drop = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(viewport, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_drag_events_on_a_lane_move_the_card(board: InjuryBoard, demo: Database) -> None:
    militao = card(board, "Éder Militão")
    entered, dropped = _drop_on(board.views["rehab"], injury_mime(militao))
    assert entered and dropped
    assert lane_names(board, "rehab") == ["Éder Militão"]
    assert stored(demo, militao.injury_id).status == "rehab"
    # Into "back": the injury is over as of the planning date.
    _drop_on(board.views[RETURNED], injury_mime(card(board, "Éder Militão")))
    back = stored(demo, militao.injury_id)
    assert (back.status, back.returned_on) == ("recovered", AS_OF)
    assert lane_names(board, RETURNED) == ["Éder Militão"]


@pytest.mark.parametrize("payload", [
    None,  # another application's text
    b"not json",
    json.dumps({"injury_id": True, "version": 1}).encode(),
    json.dumps({"injury_id": "7", "version": 1}).encode(),
    json.dumps({"version": 1}).encode(),
    b"\xff\xfe",
])
def test_foreign_or_malformed_drops_are_refused(board: InjuryBoard, demo: Database, payload) -> None:
    mime = QMimeData()
    if payload is None:
        mime.setText("Éder Militão")
    else:
        mime.setData(MIME, payload)
    before = [(r.injury_id, r.status, r.version) for r in board.model.rows()]
    entered, dropped = _drop_on(board.views["rehab"], mime)
    assert not dropped
    assert not board.proxies["rehab"].dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                                   board.model.index(0, 0).parent())
    assert [(r.injury_id, r.status, r.version) for r in board.model.rows()] == before


def test_a_stale_card_is_refused_and_said_so(board: InjuryBoard, context, demo: Database, qtbot) -> None:
    from db.medical.writes import update_injury

    seen = card(board, "Dani Ceballos")
    update_injury(demo, seen.injury_id, seen.version, {"chance_of_playing": 75})  # another user, unannounced
    statuses: list[str] = []
    context.status.connect(statuses.append)
    assert board.move_to_lane(seen.injury_id, seen.version + 5, "training") is False  # an old drag
    assert statuses and "changed" in statuses[-1]
    messages: list[str] = []
    context.message.connect(messages.append)
    assert board.move_to_lane(seen.injury_id, seen.version, "training") is False  # the board's own stale row
    assert messages and "Someone else changed this injury" in messages[-1]
    assert stored(demo, seen.injury_id).status == "doubtful"
    assert context.undo_stack.count() == 0


def test_filter_and_menu_moves(board: InjuryBoard, context, demo: Database) -> None:
    board.filter_edit.setText("knee")
    shown = {name for lane, _ in LANES for name in lane_names(board, lane)}
    assert shown == {"Antonio Rüdiger", "Dani Carvajal", "David Alaba", "Éder Militão"}
    assert board.titles["out"].text().endswith("4")
    board.filter_edit.clear()
    alaba = card(board, "David Alaba")
    assert board.move_to_lane(alaba.injury_id, alaba.version, "match_fit")
    assert lane_names(board, "match_fit") == ["David Alaba"]
    assert context.undo_stack.undoText() == "Move Alaba to Match fit"


def test_history_shows_injuries_and_cards(board: InjuryBoard) -> None:
    assert board.open_player(card(board, "Éder Militão").player_id)
    history = board.history
    assert "1 injury" in history.title.text()
    assert history.injuries.rowCount() == 1
    assert "ACL" in history.injuries.index(0, 0).data()
    assert board.current_player() == card(board, "Éder Militão").player_id
    bellingham = card(board, "Jude Bellingham").player_id
    board.open_player(bellingham)
    record = [history.record.index(r, 1).data() for r in range(history.record.rowCount())]
    assert any("rescinded" in text for text in record)


def test_depth_follows_a_new_injury(board: InjuryBoard, context, demo: Database) -> None:
    from sqlmodel import select

    from db.medical.writes import mark_injured
    from db.squad.models import Player

    with demo.reading() as session:
        vallejo = session.exec(select(Player).where(Player.name == "Jesús Vallejo")).one().id
    injury_id = mark_injured(demo, vallejo, {"kind": "Calf strain", "started_on": AS_OF,
                                             "expected_return_earliest": AS_OF + dt.timedelta(days=10)})
    from db.changes import INJURY, Change

    context.announce(Change.of(INJURY, {injury_id}))
    assert board.depth_chips["CB"].text() == "CB: 0 of 4"
    assert "Jesús Vallejo" in lane_names(board, "out")


def test_bans_and_absences_have_their_own_lane(board: InjuryBoard, context, demo: Database) -> None:
    from desktop.injuries.card_delegate import CardRole
    from desktop.injuries.dialogs import AbsenceDialog

    proxy = board.away_proxy
    cards = {proxy.index(r, 0).data(RowRole).name: proxy.index(r, 0).data(CardRole) for r in range(proxy.rowCount())}
    assert cards["Antonio Rüdiger"].lines[:2] == ("Owes 6 LaLiga matches", "5 this season, 1 next")
    assert cards["Lucas Vázquez"].lines[:2] == ("Owes 2 Copa del Rey matches", "all next season")
    assert board.away_title.text().endswith("2")
    # Nothing is dropped on it: a ban is not an injury's phase.
    assert not board.away_view.acceptDrops()
    _drop_on(board.away_view, injury_mime(card(board, "Dani Ceballos")))
    assert lane_names(board, "doubtful") == ["Dani Ceballos"] and context.undo_stack.count() == 0
    dialog = AbsenceDialog(context, None, parent=board)
    dialog.player.setCurrentIndex(dialog.player.findText("10  Luka Modrić"))
    dialog.reason.setText("Croatia")
    dialog.accept()
    names = [proxy.index(r, 0).data(RowRole).name for r in range(proxy.rowCount())]
    assert "Luka Modrić" in names and board.away_title.text().endswith("3")
    context.undo_stack.undo()
    assert "Luka Modrić" not in [proxy.index(r, 0).data(RowRole).name for r in range(proxy.rowCount())]


def test_a_back_card_can_be_changed_and_reopened(board: InjuryBoard, context, demo: Database) -> None:
    from desktop.injuries.dialogs import InjuryDialog

    ceballos = card(board, "Dani Ceballos")
    assert board.move_to_lane(ceballos.injury_id, ceballos.version, RETURNED)
    back = card(board, "Dani Ceballos")
    dialog = InjuryDialog(context, row=back, parent=board)
    dialog.open()
    assert dialog.status.currentData() == "recovered" and dialog.values()["returned_on"] == AS_OF
    dialog.notes.setPlainText("Trained fully on Friday")
    dialog.accept()
    assert not dialog.isVisible() and stored(demo, back.injury_id).medical_notes == "Trained fully on Friday"
    reopen = InjuryDialog(context, row=card(board, "Dani Ceballos"), parent=board)
    reopen.status.setCurrentIndex(reopen.status.findData("doubtful"))
    reopen.accept()
    again = stored(demo, back.injury_id)
    assert (again.status, again.returned_on) == ("doubtful", None)
    assert lane_names(board, "doubtful") == ["Dani Ceballos"]


def test_the_history_follows_changes(board: InjuryBoard, context) -> None:
    ceballos = card(board, "Dani Ceballos")
    board.open_player(ceballos.player_id)
    assert board.history.injuries.index(0, 2).data() == "not yet"
    board.move_to_lane(ceballos.injury_id, ceballos.version, RETURNED)
    assert board.history.injuries.index(0, 2).data() == "2 May 2025"


def test_an_overdue_injury_says_so_on_its_card(board: InjuryBoard, context, demo: Database) -> None:
    from db.changes import INJURY, Change
    from db.medical.writes import mark_injured
    from desktop.injuries.card_delegate import CardRole

    player = next(r.player_id for r in board.model.rows() if r.name == "Dani Ceballos")
    injury = mark_injured(demo, player, {"kind": "Calf strain", "started_on": dt.date(2025, 4, 1),
                                         "expected_return_earliest": dt.date(2025, 4, 10),
                                         "expected_return_latest": dt.date(2025, 4, 20)})
    context.announce(Change.of(INJURY, {injury}))
    position = board.model.position_of(injury)
    drawn = board.model.index(position, 0).data(CardRole)
    assert drawn.accent == "status_out" and drawn.lines[1] == "overdue: was due 10–20 Apr"


def test_dialogs_never_guess_a_player_and_refuse_a_future_start(board: InjuryBoard, context) -> None:
    from desktop.injuries.dialogs import BanDialog, InjuryDialog

    dialog = InjuryDialog(context, 999_999, parent=board)  # not in the squad (left, or never was)
    dialog.open()
    assert dialog.player.currentIndex() == -1
    dialog.kind.setText("Knock")
    dialog.accept()
    assert dialog.isVisible() and dialog.shown_error("player_id") == "Choose a player"
    dialog.player.setCurrentIndex(0)
    dialog.started.setDate(dialog.started.date().addDays(1))
    dialog.accept()
    assert dialog.isVisible() and "after the planning date" in dialog.shown_error("started_on")
    assert context.undo_stack.count() == 0
    ban = BanDialog(context, None, parent=board)
    assert ban.starts.date().toPython() == AS_OF + dt.timedelta(days=1)


def test_a_failing_read_is_told_not_raised(board: InjuryBoard, context, monkeypatch) -> None:
    from db.changes import INJURY, Change
    from db.errors import DugoutError

    board.open_player(card(board, "Éder Militão").player_id)

    def broken(*_args, **_kwargs):
        raise DugoutError("the database went away")

    monkeypatch.setattr(context.database, "reading", broken)
    messages: list[str] = []
    context.message.connect(messages.append)
    context.announce(Change.of(INJURY, {1}))
    assert messages and all(m == "the database went away" for m in messages)


def test_two_bans_alike_are_two_cards(board: InjuryBoard, context, demo: Database) -> None:
    from sqlmodel import select

    from db.changes import SUSPENSION, Change
    from db.medical.writes import record
    from db.reference.models import Competition

    with demo.reading() as session:
        laliga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one().id
    player = next(r.player_id for r in board.model.rows() if r.name == "Dani Ceballos")
    made = [record(demo, SUSPENSION, player_id=player, competition_id=laliga,
                   values={"matches": 1, "starts_on": AS_OF, "reason": "Red card"}) for _ in range(2)]
    context.announce(Change.of(SUSPENSION, set(made)))
    names = [board.away_proxy.index(r, 0).data(RowRole).name for r in range(board.away_proxy.rowCount())]
    assert names.count("Dani Ceballos") == 2
