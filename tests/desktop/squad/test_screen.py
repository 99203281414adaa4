"""The squad screen: filter, keyboard use, in-place editing with validation, dialogs, remembered columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QSpinBox, QWidget

from db.changes import MEMBERSHIP, Change
from db.engine import Database
from db.squad.writes import update_membership
from desktop.common.roles import RowRole
from desktop.squad.columns import COLUMN_INDEX
from desktop.squad.dialogs import AddPlayerDialog, MarkLeftDialog
from desktop.squad.screen import SquadScreen
from tests.helpers import build_squad, make_context, shown_on_screen

SHIRT, NAME = COLUMN_INDEX["shirt"], COLUMN_INDEX["name"]


@pytest.fixture
def context(qapp, database, settings):
    build_squad(database)
    return make_context(database, settings)


@pytest.fixture
def screen(context, qtbot) -> SquadScreen:
    return shown_on_screen(qtbot, SquadScreen(context), (1200, 600))


def proxy_row(screen: SquadScreen, name: str) -> int:
    proxy = screen.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, NAME).data() == name)


def names(screen: SquadScreen) -> list[str]:
    return [screen.proxy.index(r, NAME).data() for r in range(screen.proxy.rowCount())]


def open_editor(screen: SquadScreen, qtbot, name: str, column: int) -> QWidget:
    index = screen.proxy.index(proxy_row(screen, name), column)
    screen.table.setCurrentIndex(index)
    screen.table.edit(index)
    key = next(k for k, i in COLUMN_INDEX.items() if i == column)
    found = screen.table.findChild(QWidget, f"editor_{key}")
    assert found is not None and found.isVisible()
    return found


def test_screen_models_pass_the_model_tester(screen, qtmodeltester) -> None:
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)


def test_sorted_by_shirt_and_counted(screen) -> None:
    assert names(screen) == ["Thibaut Courtois", "Jude Bellingham", "Vinícius Júnior", "Luka Modrić", "Arda Güler"]
    assert screen.count_label.text() == "5 players"
    screen.table.sortByColumn(COLUMN_INDEX["contract_end"], Qt.SortOrder.DescendingOrder)
    assert names(screen)[-2:] == ["Arda Güler", "Vinícius Júnior"] or names(screen)[-2:] == [
        "Vinícius Júnior", "Arda Güler"], "rows without a contract end sort last"
    screen.table.sortByColumn(COLUMN_INDEX["contract_end"], Qt.SortOrder.AscendingOrder)
    assert names(screen)[0] == "Luka Modrić"


@pytest.mark.parametrize(("text", "expected"), [
    ("modric", ["Luka Modrić"]), ("güler", ["Arda Güler"]), ("guler", ["Arda Güler"]),
    ("VINICIUS", ["Vinícius Júnior"]), ("eng", ["Jude Bellingham"]), ("gk", ["Thibaut Courtois"]),
])
def test_filter_ignores_accents_and_case(screen, text, expected) -> None:
    screen.filter_edit.setText(text)
    assert names(screen) == expected
    assert screen.count_label.text() == "1 of 5 players"


def test_position_filter_matches_primary_or_secondary(screen) -> None:
    screen.position_combo.setCurrentIndex(screen.position_combo.findData("CM"))
    assert sorted(names(screen)) == ["Jude Bellingham", "Luka Modrić"]


def test_keyboard_filter_then_enter_asks_for_the_player_card(screen, context, qtbot) -> None:
    screen.search()
    assert screen.filter_edit.hasFocus()
    qtbot.keyClicks(screen.filter_edit, "modric")
    assert names(screen) == ["Luka Modrić"]
    qtbot.keyClick(screen.filter_edit, Qt.Key.Key_Return)
    assert screen.table.hasFocus()
    with qtbot.waitSignal(context.player_requested) as opened:
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened.args == [screen.selected_row().player_id]


def test_open_player_selects_the_row_even_when_filtered_out(screen) -> None:
    modric = next(r for r in screen.model.rows() if r.name == "Luka Modrić")
    screen.filter_edit.setText("bellingham")
    assert screen.open_player(modric.player_id)
    assert screen.selected_row() == modric and screen.filter_edit.text() == ""
    assert not screen.open_player(999_999)


def test_edit_in_place_with_the_delegate_and_undo_with_ctrl_z(screen, context, qtbot) -> None:
    undo = QAction("Undo", screen)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(context.undo_stack.undo)
    screen.addAction(undo)
    editor = open_editor(screen, qtbot, "Jude Bellingham", SHIRT)
    assert isinstance(editor, QSpinBox) and editor.value() == 5
    editor.setValue(22)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert screen.table.findChild(QWidget, "editor_shirt") is None or not editor.isVisible()
    assert screen.proxy.index(proxy_row(screen, "Jude Bellingham"), SHIRT).data() == "22"
    assert context.undo_stack.undoText() == "Change shirt number of Bellingham"
    screen.table.setFocus()
    screen.activateWindow()
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.proxy.index(proxy_row(screen, "Jude Bellingham"), SHIRT).data() == "5"


def test_refused_edit_shows_the_message_and_keeps_the_editor_open(screen, context, qtbot) -> None:
    editor = open_editor(screen, qtbot, "Jude Bellingham", SHIRT)
    editor.setValue(10)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    label = screen.table.findChild(QLabel, "fieldError")
    assert label is not None and label.isVisible()
    assert label.text() == "Shirt number 10 is already worn by Luka Modrić"
    assert editor.isVisible() and screen.table.state() == screen.table.State.EditingState
    assert context.undo_stack.count() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not label.isVisible()
    assert screen.proxy.index(proxy_row(screen, "Jude Bellingham"), SHIRT).data() == "5"


def test_stale_edit_through_the_editor_is_refused_with_a_message(screen, context, db_path, qtbot) -> None:
    editor = open_editor(screen, qtbot, "Jude Bellingham", SHIRT)
    row = screen.selected_row()
    other = Database(f"sqlite:///{db_path}")
    try:
        update_membership(other, row.membership_id, row.membership_version, {"appearances": 12}, by="other")
    finally:
        other.close()
    editor.setValue(23)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    label = screen.table.findChild(QLabel, "fieldError")
    assert label is not None and label.isVisible() and "Someone else changed" in label.text()
    assert editor.isVisible() and context.undo_stack.count() == 0
    refreshed = screen.selected_row()
    assert refreshed.shirt_number == 5 and refreshed.appearances == 12
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_selection_survives_a_change_to_another_row(screen, context, qtbot) -> None:
    index = screen.proxy.index(proxy_row(screen, "Arda Güler"), NAME)
    screen.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    other = screen.model.row_at(screen.model.position_of(
        next(r.membership_id for r in screen.model.rows() if r.name == "Thibaut Courtois")))
    update_membership(context.database, other.membership_id, other.membership_version, {"appearances": 31})
    with qtbot.assertNotEmitted(screen.model.modelReset), qtbot.waitSignal(screen.model.dataChanged):
        context.announce(Change.of(MEMBERSHIP, {other.membership_id}))
    assert screen.table.currentIndex().data() == "Arda Güler"
    assert [i.data() for i in screen.table.selectionModel().selectedRows(NAME)] == ["Arda Güler"]


def test_hidden_screen_refreshes_when_shown(screen, context) -> None:
    screen.hide()
    row = next(r for r in screen.model.rows() if r.name == "Thibaut Courtois")
    update_membership(context.database, row.membership_id, row.membership_version, {"appearances": 7})
    context.announce(Change.of(MEMBERSHIP, {row.membership_id}))
    assert next(r for r in screen.model.rows() if r.name == "Thibaut Courtois").appearances is None
    screen.show()
    assert next(r for r in screen.model.rows() if r.name == "Thibaut Courtois").appearances == 7


def test_add_player_dialog_shows_a_duplicate_shirt_next_to_the_field(screen, context, qtbot) -> None:
    dialog = AddPlayerDialog(context, screen)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Kylian Mbappé")
    dialog.shirt.setValue(10)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.shown_error("shirt_number") == "Shirt number 10 is already worn by Luka Modrić"
    assert dialog.error_labels["shirt_number"].isVisible()
    assert context.undo_stack.count() == 0
    dialog.shirt.setValue(9)
    dialog.accept()
    assert not dialog.isVisible()
    assert "Kylian Mbappé" in names(screen) and screen.count_label.text() == "6 players"
    context.undo_stack.undo()
    assert "Kylian Mbappé" not in names(screen)


def test_mark_left_dialog_defaults_to_the_planning_date(screen, context, qtbot) -> None:
    screen.table.setCurrentIndex(screen.proxy.index(proxy_row(screen, "Luka Modrić"), NAME))
    dialog = MarkLeftDialog(context, screen.selected_row(), screen)
    qtbot.addWidget(dialog)
    assert dialog.left_on.date().toPython() == context.as_of
    dialog.reason.setCurrentIndex(dialog.reason.findData("contract_expired"))
    dialog.accept()
    assert "Luka Modrić" not in names(screen)
    assert context.undo_stack.undoText() == "Mark Modrić as left"


def test_hidden_column_is_remembered(screen, context, qtbot) -> None:
    menu = screen.header_menu()
    action = menu.findChild(QAction, "toggleColumn_foot")
    assert action.isChecked()
    action.trigger()
    assert screen.table.horizontalHeader().isSectionHidden(COLUMN_INDEX["foot"])
    screen.table.horizontalHeader().moveSection(COLUMN_INDEX["wage"], 0)
    again = SquadScreen(context)
    qtbot.addWidget(again)
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(COLUMN_INDEX["foot"])
    assert header.logicalIndex(0) == COLUMN_INDEX["wage"]


def qt_internal(widget: QWidget, screen: SquadScreen) -> bool:
    """Qt's own parts: the table's headers and corner button, a line edit's clear button, a combo's list."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if parent is screen.table or isinstance(parent, (QLineEdit, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def test_every_interactive_widget_is_named(screen) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    for kind in (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView):
        for widget in screen.findChildren(kind):
            if qt_internal(widget, screen):
                continue
            assert widget.objectName() and widget.accessibleName(), widget


def test_empty_state_without_a_club(qapp, database, settings, qtbot) -> None:
    empty = SquadScreen(make_context(database, settings))
    qtbot.addWidget(empty)
    assert empty.pages.currentWidget() is empty.empty_label
    assert not empty.add_button.isEnabled()


def test_date_and_money_editors_commit_with_tab(screen, context, qtbot) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox

    editor = open_editor(screen, qtbot, "Jude Bellingham", COLUMN_INDEX["contract_end"])
    assert isinstance(editor, QDateEdit) and editor.calendarPopup()
    editor.setDate(QDate(2031, 6, 30))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert screen.selected_row().contract_end == dt.date(2031, 6, 30)
    money = open_editor(screen, qtbot, "Jude Bellingham", COLUMN_INDEX["wage"])
    assert isinstance(money, QDoubleSpinBox) and money.prefix().startswith("€")
    money.setValue(12.5)
    qtbot.keyClick(money, Qt.Key.Key_Return)
    assert screen.selected_row().annual_wage_cents == 1_250_000_000
    assert context.undo_stack.count() == 2


def test_double_click_edits_an_editable_cell_but_opens_the_card_on_a_read_only_one(qtbot, screen) -> None:
    from desktop.squad.columns import COLUMN_INDEX

    screen.show()
    qtbot.waitExposed(screen)
    table = screen.table
    shirt = screen.proxy.index(0, COLUMN_INDEX["shirt"])
    rect = table.visualRect(shirt)
    double_click(qtbot, table, rect.center())
    assert table.state() == table.State.EditingState
    qtbot.keyClick(table.viewport().focusWidget() or table, Qt.Key.Key_Escape)
    age = screen.proxy.index(0, COLUMN_INDEX["age"])
    with qtbot.waitSignal(screen.context.player_requested) as opened:
        double_click(qtbot, table, table.visualRect(age).center())
    assert opened.args == [screen.proxy.index(0, 0).data(RowRole).player_id]


def double_click(qtbot, table, point) -> None:
    """A real double-click: press/release then the double-click event (Qt checks the pressed index)."""
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
