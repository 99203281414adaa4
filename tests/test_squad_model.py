"""The squad table model and its undo commands: cached rows, in-place refresh, validation, undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from db.engine import Database
from db.reference.queries import CURRENT_SEASON, OUR_CLUB
from db.reference.writes import ensure_club, ensure_season, set_setting
from db.squad.writes import add_player_to_squad, update_membership, update_player
from desktop.context import AppContext
from desktop.roles import RowRole, SortRole
from desktop.squad.columns import COLUMN_INDEX
from desktop.squad.commands import AddPlayerCommand, EditSquadFieldCommand, MarkLeftCommand
from desktop.squad.model import SquadTableModel
from desktop.squad.screen import SquadFilterProxy
from desktop.undo import push_applied
from desktop.undo_actions import bind_undo_actions
from tests.conftest import AS_OF

SHIRT, NAME, CONTRACT = COLUMN_INDEX["shirt"], COLUMN_INDEX["name"], COLUMN_INDEX["contract_end"]


def add_player(database: Database, club_season: tuple[int, int], name: str, shirt: int | None,
               player: dict[str, Any] | None = None, **membership: Any) -> tuple[int, int]:
    """Put a new player into the test squad."""
    club_id, season_id = club_season
    return add_player_to_squad(
        database, club_id=club_id, season_id=season_id,
        player={"name": name, "date_of_birth": "2000-01-15", "primary_position": "CM", **(player or {})},
        membership={"shirt_number": shirt, **membership}, as_of=AS_OF,
    )


def build_squad(database: Database) -> tuple[int, int]:
    """A small squad of five, our club and season set."""
    with database.transaction() as session:
        club, season = ensure_club(session, "Real Madrid CF"), ensure_season(session, "2024/25")
        assert club.id and season.id
        set_setting(session, OUR_CLUB, str(club.id))
        set_setting(session, CURRENT_SEASON, str(season.id))
        club_season = (club.id, season.id)
    add_player(database, club_season, "Thibaut Courtois", 1, {"primary_position": "GK", "nationalities": "BEL"},
               contract_end=dt.date(2026, 6, 30), annual_wage_cents=1_500_000_000)
    add_player(database, club_season, "Jude Bellingham", 5,
               {"primary_position": "AM", "secondary_positions": "CM", "nationalities": "ENG",
                "market_value_cents": 18_000_000_000}, contract_end=dt.date(2029, 6, 30))
    add_player(database, club_season, "Luka Modrić", 10, {"nationalities": "CRO"},
               contract_end=dt.date(2025, 6, 30))
    add_player(database, club_season, "Arda Güler", 15, {"primary_position": "AM", "nationalities": "TUR"})
    add_player(database, club_season, "Vinícius Júnior", 7, {"primary_position": "LW", "nationalities": "BRA,ESP"})
    return club_season


def make_context(database: Database, settings: QSettings) -> AppContext:
    """A context on the test database (club and season from its settings), planning on ``AS_OF``."""
    context = AppContext(settings)
    context.explicit_as_of = AS_OF
    context.open_database(database)
    return context


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
    proxy = SquadFilterProxy()
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
    assert "Could not change appearances of Bellingham" in shown.args[0]
    assert "Someone else changed" in shown.args[0]
    assert model.row_at(r).shirt_number == 40 and model.row_at(r).appearances == 30
    assert context.undo_stack.count() == 1
    assert context.undo_stack.canUndo() and context.undo_stack.undoText() == "Change shirt number of Bellingham"


def test_player_edit_refreshes_by_player_id_without_reset(model, context, qtbot) -> None:
    r = row_of(model, "Arda Güler")
    row = model.row_at(r)
    update_player(context.database, row.player_id, row.player_version, {"name": "Arda Guler"}, as_of=AS_OF)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        context.announce({"player"}, {row.player_id})
    assert model.row_at(r).name == "Arda Guler"


def test_unknown_ids_refresh_row_by_row(model, context, club_season, qtbot) -> None:
    add_player(context.database, club_season, "Kylian Mbappé", 9, {"primary_position": "ST"})
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        context.announce({"squad_membership"}, set())
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
    context.announce({"squad_membership"}, {row.membership_id})
    assert model.row_at(r).appearances is None
    model.resume_updates()
    assert model.row_at(r).appearances == 3


def test_no_club_gives_an_empty_model(qapp, database, settings) -> None:
    empty = SquadTableModel(make_context(database, settings))
    empty.reload()
    assert empty.rowCount() == 0 and not empty.has_squad()
