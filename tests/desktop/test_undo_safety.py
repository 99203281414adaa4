"""Undo never overwrites another user's work, never lets an error into Qt, and survives add/redo chains."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from db.engine import Database
from db.squad.writes import update_membership
from desktop.squad.columns import COLUMN_INDEX
from desktop.squad.commands import AddPlayerCommand
from desktop.squad.model import SquadTableModel
from desktop.undo import push_applied
from tests.helpers import build_squad, make_context

APPS, SHIRT = COLUMN_INDEX["appearances"], COLUMN_INDEX["shirt"]


@pytest.fixture
def context(qapp, database, settings):
    build_squad(database)
    return make_context(database, settings)


def _model(context) -> SquadTableModel:
    model = SquadTableModel(context)
    model.reload()
    return model


def _row(model: SquadTableModel, name: str) -> int:
    return next(i for i in range(model.rowCount()) if model.row_at(i).name == name)


def _other_user_sets(db_path, membership_id: int, **values) -> None:
    other = Database(f"sqlite:///{db_path}")
    try:
        with other.reading() as session:
            from db.squad.models import SquadMembership

            version = session.get(SquadMembership, membership_id).version
        update_membership(other, membership_id, version, values, by="other")
    finally:
        other.close()


def test_undo_does_not_overwrite_a_value_another_user_saved_in_between(qtbot, context, db_path) -> None:
    model = _model(context)
    r = _row(model, "Jude Bellingham")
    membership_id = model.row_at(r).membership_id
    assert model.setData(model.index(r, APPS), 33)  # edit A
    _other_user_sets(db_path, membership_id, appearances=35)
    assert not model.setData(model.index(r, APPS), 40)  # stale: refused, row re-read
    assert model.row_at(r).appearances == 35
    assert model.setData(model.index(r, APPS), 40)  # edit B, on what is really there
    context.undo_stack.undo()  # B back to 35: fine
    assert model.row_at(r).appearances == 35
    with qtbot.waitSignal(context.message) as shown:
        context.undo_stack.undo()  # A would put 0/None back over the other user's 35
    assert "changed" in shown.args[0]
    assert model.row_at(r).appearances == 35
    assert not context.undo_stack.canUndo()


def test_undo_and_redo_across_an_added_player_keep_working(qtbot, context) -> None:
    model = _model(context)
    command = AddPlayerCommand(context, {"name": "Dean Huijsen", "primary_position": "CB"}, {"shirt_number": 24})
    push_applied(context, command)
    r = _row(model, "Dean Huijsen")
    assert model.setData(model.index(r, SHIRT), 4)
    stack = context.undo_stack
    messages = []
    context.message.connect(messages.append)
    stack.undo()
    stack.undo()
    assert messages == []
    assert all(model.row_at(i).name != "Dean Huijsen" for i in range(model.rowCount()))
    stack.redo()
    stack.redo()
    r = _row(model, "Dean Huijsen")
    assert model.row_at(r).shirt_number == 4
    assert model.row_at(r).player_id == command.player_id
    assert stack.count() == 2 and stack.index() == 2


def test_a_database_error_during_undo_is_reported_not_raised(qtbot, context, monkeypatch) -> None:
    model = _model(context)
    r = _row(model, "Jude Bellingham")
    assert model.setData(model.index(r, APPS), 12)

    def locked(*_args, **_kwargs):
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    monkeypatch.setattr("db.restoring.swap_fields", locked)
    with qtbot.waitSignal(context.message) as shown:
        context.undo_stack.undo()
    assert "locked" in shown.args[0]
    assert context.undo_stack.count() == 0, "the failed step is dropped, not left claiming an undo"
    assert model.row_at(r).appearances == 12


def test_planning_date_change_updates_rows_in_place(qtbot, context) -> None:
    model = _model(context)
    r = _row(model, "Luka Modrić")
    age_before = model.row_at(r).age
    with qtbot.assertNotEmitted(model.modelReset):
        context.set_as_of(dt.date(2026, 1, 20))  # past the test squad's 15 January birthdays
    assert model.row_at(r).age == age_before + 1


def test_filter_folds_letters_without_accents_of_their_own() -> None:
    from db.domain.text import fold

    assert fold("Martin Ødegaard") == "martin odegaard"
    assert fold("Łukasz Fabiański") == "lukasz fabianski"
