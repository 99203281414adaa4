"""The shared form dialog: buttons named after their dialog, errors beside their field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from desktop.common.form_dialog import FormDialog
from desktop.squad.dialogs import AddPlayerDialog, MarkLeftDialog
from tests.helpers import build_squad, make_context


@pytest.fixture
def context(qapp, database, settings):
    build_squad(database)
    return make_context(database, settings)


def test_buttons_are_named_after_their_dialog(qtbot, context) -> None:
    from desktop.squad.model import SquadTableModel

    model = SquadTableModel(context)
    model.reload()
    for dialog, name in ((AddPlayerDialog(context), "addPlayerDialog"),
                         (MarkLeftDialog(context, model.row_at(0)), "markLeftDialog")):
        qtbot.addWidget(dialog)
        assert dialog.objectName() == name
        assert dialog.findChild(QPushButton, f"{name}Ok") is not None
        assert dialog.findChild(QPushButton, f"{name}Cancel") is not None
        assert dialog.findChild(QPushButton, "formOk") is None


def test_an_error_shows_beside_its_field_and_unknown_fields_under_the_form(qtbot, context) -> None:
    dialog = FormDialog(context, "testDialog")
    qtbot.addWidget(dialog)
    dialog.add_field("name", "Name", QLineEdit())
    dialog.show()
    dialog.show_error("name", "Name must not be empty")
    assert dialog.shown_error("name") == "Name must not be empty"
    assert dialog.error_labels["name"].property("error") is True  # the theme styles it
    dialog.show_error("elsewhere", "The database is busy")
    assert dialog.shown_error("name") == "" and dialog.shown_error("general") == "The database is busy"
