"""The squad table model and its undo commands: cached rows, in-place refresh, validation, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db.changes import MEMBERSHIP, PLAYER, Change
from db.engine import Database
from db.squad.writes import update_membership, update_player
from desktop.common.roles import RowRole, SortRole
from desktop.common.row_filter import RowFilterProxy
from desktop.context import AppContext
from desktop.squad.columns import COLUMN_INDEX
from desktop.squad.commands import AddPlayerCommand, EditSquadFieldCommand, MarkLeftCommand
from desktop.squad.model import SquadTableModel
from desktop.undo import push_applied
from desktop.undo_actions import bind_undo_actions
from tests.helpers import AS_OF, add_player, build_squad, make_context

SHIRT, NAME, CONTRACT = COLUMN_INDEX["shirt"], COLUMN_INDEX["name"], COLUMN_INDEX["contract_end"]


@pytest.fixture
def club_season(database: Database) -> tuple[int, int]:
    return build_squad(database)


@pytest.fixture
def context(qapp, database, club_season, settings) -> AppContext:
    return make_context(database, settings)


@pytest.fixture
def model(context) -> SquadTableModel:
    loaded = SquadTableModel(context)
    loaded.reload()
    return loaded


def row_of(model: SquadTableModel, name: str) -> int:
    return next(i for i in range(model.rowCount()) if model.row_at(i).name == name)


def test_model_and_proxy_pass_the_model_tester(model, qtmodeltester) -> None:
    qtmodeltester.check(model)
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SHIRT)
    proxy.set_text("a")
    qtmodeltester.check(proxy)


def test_rows_are_plain_cached_rows_with_formatted_display(model) -> None:
    assert model.rowCount() == 5
    r = row_of(model, "Jude Bellingham")
    assert model.data(model.index(r, SHIRT)) == "5"
    assert model.data(model.index(r, COLUMN_INDEX["position"])) == "AM"
    assert model.data(model.index(r, COLUMN_INDEX["nationality"])) == "ENG · non-EU"
    assert model.data(model.index(r, COLUMN_INDEX["age"])) == "25"
    assert model.data(model.index(r, COLUMN_INDEX["value"])) == "€180M"  # LC_ALL=C falls back to en-GB
    assert "180" in model.data(model.index(r, COLUMN_INDEX["value"]))
    assert model.data(model.index(r, NAME), RowRole).__class__.__name__ == "SquadRow"
    assert model.data(model.index(r, SHIRT), SortRole) == 5
    assert model.data(model.index(r, SHIRT), Qt.ItemDataRole.EditRole) == 5
    assert model.data(model.index(r, SHIRT), Qt.ItemDataRole.UserRole + 40) is None
    vini = row_of(model, "Vinícius Júnior")
    assert model.data(model.index(vini, COLUMN_INDEX["nationality"])) == "BRA/ESP · EU"



def test_contract_warning_within_twelve_months(model) -> None:
    modric, jude = row_of(model, "Luka Modrić"), row_of(model, "Jude Bellingham")
    assert model.data(model.index(modric, CONTRACT), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(modric, CONTRACT), Qt.ItemDataRole.ToolTipRole) == "Contract ends in 1 month"
    assert model.data(model.index(jude, CONTRACT), Qt.ItemDataRole.BackgroundRole) is None


def test_only_editable_columns_are_editable(model) -> None:
    assert model.flags(model.index(0, SHIRT)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COLUMN_INDEX["age"])) & Qt.ItemFlag.ItemIsEditable


def test_edit_through_set_data_is_one_undoable_command(model, context, qtbot) -> None:
    from PySide6.QtGui import QAction

    undo, redo = QAction(), QAction()
    bind_undo_actions(context.undo_stack, undo, redo)
    r = row_of(model, "Jude Bellingham")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(r, SHIRT), 22)
    assert model.data(model.index(r, SHIRT)) == "22"
    assert context.undo_stack.count() == 1
    assert undo.text() == "Undo: change shirt number of Bellingham"
    context.undo_stack.undo()
    assert model.data(model.index(r, SHIRT)) == "5"
    assert redo.text() == "Redo: change shirt number of Bellingham"
    context.undo_stack.redo()
    assert model.data(model.index(r, SHIRT)) == "22"


def test_chained_edits_of_one_row_undo_cleanly(model, context) -> None:
    r = row_of(model, "Jude Bellingham")
    assert model.setData(model.index(r, SHIRT), 22)
    assert model.setData(model.index(r, CONTRACT), dt.date(2030, 6, 30))
    assert model.setData(model.index(r, NAME), "Jude V. Bellingham")
    for _ in range(3):
        context.undo_stack.undo()
    row = model.row_at(r)
    assert (row.shirt_number, row.contract_end, row.name) == (5, dt.date(2029, 6, 30), "Jude Bellingham")
    assert context.undo_stack.index() == 0 and context.undo_stack.count() == 3


@pytest.mark.parametrize(
    ("column", "value", "field", "words"),
    [
        ("shirt", 10, "shirt_number", "already worn by Luka Modrić"),
        ("shirt", 120, "shirt_number", "at most 99"),
        ("name", "  ", "name", "must not be empty"),
        ("born", dt.date(2026, 1, 1), "date_of_birth", "after the planning date"),
        ("nationality", "England", "nationalities", "three-letter code"),
    ],
)
def test_refused_edit_never_enters_the_stack(model, context, column, value, field, words) -> None:
    r = row_of(model, "Jude Bellingham")
    before = model.row_at(r)
    assert not model.setData(model.index(r, COLUMN_INDEX[column]), value)
    assert model.last_error is not None
    assert model.last_error[0] == field and words in model.last_error[1]
    assert context.undo_stack.count() == 0
    assert model.row_at(r) == before


def test_stale_edit_is_refused_and_the_row_shows_the_other_value(model, context, db_path) -> None:
    r = row_of(model, "Jude Bellingham")
    seen = model.row_at(r)
    other = Database(f"sqlite:///{db_path}")
    try:
        update_membership(other, seen.membership_id, seen.membership_version, {"shirt_number": 30}, by="other")
    finally:
        other.close()
    assert not model.setData(model.index(r, SHIRT), 22)
    assert model.last_error is not None and "Someone else changed" in model.last_error[1]
    assert context.undo_stack.count() == 0
    assert model.row_at(r).shirt_number == 30


def test_stale_undo_tells_the_user_and_drops_the_command(model, context, db_path, qtbot) -> None:
    r = row_of(model, "Jude Bellingham")
    assert model.setData(model.index(r, SHIRT), 22)
    assert model.setData(model.index(r, COLUMN_INDEX["appearances"]), 30)
    mine = model.row_at(r)
    other = Database(f"sqlite:///{db_path}")
    try:
        update_membership(other, mine.membership_id, mine.membership_version, {"shirt_number": 40}, by="other")
    finally:
        other.close()
    with qtbot.waitSignal(context.message) as shown:
        context.undo_stack.undo()
    assert shown.args[0].startswith("Could not undo “Change appearances of Bellingham”: ")
    assert "Someone else changed" in shown.args[0]
    assert model.row_at(r).shirt_number == 40 and model.row_at(r).appearances == 30
    assert context.undo_stack.count() == 1
    assert context.undo_stack.canUndo() and context.undo_stack.undoText() == "Change shirt number of Bellingham"


def test_player_edit_refreshes_by_player_id_without_reset(model, context, qtbot) -> None:
    r = row_of(model, "Arda Güler")
    row = model.row_at(r)
    update_player(context.database, row.player_id, row.player_version, {"name": "Arda Guler"}, as_of=AS_OF)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        context.announce(Change.of(PLAYER, {row.player_id}))
    assert model.row_at(r).name == "Arda Guler"


def test_unknown_ids_refresh_row_by_row(model, context, club_season, qtbot) -> None:
    add_player(context.database, club_season, "Kylian Mbappé", 9, {"primary_position": "ST"})
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        context.announce(Change.everything({MEMBERSHIP}))
    assert model.rowCount() == 6


def test_add_player_command_undo_and_redo(model, context) -> None:
    command = AddPlayerCommand(context, {"name": "Kylian Mbappé", "primary_position": "ST"}, {"shirt_number": 9})
    push_applied(context, command)
    assert model.rowCount() == 6 and context.undo_stack.undoText() == "Add Kylian Mbappé"
    context.undo_stack.undo()
    assert model.rowCount() == 5
    context.undo_stack.redo()
    assert model.rowCount() == 6 and model.row_at(5).shirt_number == 9


def test_mark_left_command_removes_and_restores_the_row(model, context) -> None:
    r = row_of(model, "Luka Modrić")
    push_applied(context, MarkLeftCommand(context, model.row_at(r), AS_OF, "contract_expired"))
    assert model.rowCount() == 4 and all(row.name != "Luka Modrić" for row in model.rows())
    assert context.undo_stack.undoText() == "Mark Modrić as left"
    context.undo_stack.undo()
    assert model.rowCount() == 5


def test_edit_command_on_a_bare_stack(context, model) -> None:
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    r = row_of(model, "Thibaut Courtois")
    command = EditSquadFieldCommand(context, model.row_at(r), model_column("wage"), 2_000_000_000)
    command.run_first()
    stack.push(command)
    assert model.row_at(r).annual_wage_cents == 2_000_000_000
    stack.undo()
    assert model.row_at(r).annual_wage_cents == 1_500_000_000


def model_column(key: str):
    from desktop.squad.columns import COLUMNS

    return COLUMNS[COLUMN_INDEX[key]]


def test_held_updates_apply_on_resume(model, context, qtbot) -> None:
    model.hold_updates()
    r = row_of(model, "Jude Bellingham")
    row = model.row_at(r)
    update_membership(context.database, row.membership_id, row.membership_version, {"appearances": 3})
    context.announce(Change.of(MEMBERSHIP, {row.membership_id}))
    assert model.row_at(r).appearances is None
    model.resume_updates()
    assert model.row_at(r).appearances == 3


def test_no_club_gives_an_empty_model(qapp, database, settings) -> None:
    empty = SquadTableModel(make_context(database, settings))
    empty.reload()
    assert empty.rowCount() == 0 and not empty.has_squad()


def test_a_read_only_database_refuses_edits_in_its_own_words(qapp, demo_path, settings) -> None:
    from db.engine import Database as OpenDatabase
    from db.sqlite_files import read_only_uri

    database = OpenDatabase(f"sqlite:///{read_only_uri(demo_path)}&uri=true", read_only=True)
    context = make_context(database, settings)
    model = SquadTableModel(context)
    model.reload()
    assert model.rowCount() >= 26
    assert not model.setData(model.index(0, SHIRT), 77)
    assert model.last_error == ("shirt_number", "read-only: you cannot change demo.sqlite")
    assert context.undo_stack.count() == 0
    database.close()
