"""The shortlist on the demo season: the table and its filters, ticks into a scenario, the board
(drops as mime data and as drag events), in-place edits, signing, the deal's three views, the
budget panel following every change (a red warning when over), comparison and contract watch."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from db.engine import Database
from db.squad.models import SquadMembership
from db.transfers.models import Deal
from desktop.common.roles import RowRole
from desktop.transfers.columns import COLUMN_INDEX
from desktop.transfers.model import MIME, deal_mime
from desktop.transfers.screen import ShortlistScreen

MAC, HUIJSEN = "Alexis Mac Allister", "Dean Huijsen"
CHECK = Qt.ItemDataRole.CheckStateRole


def row(screen: ShortlistScreen, name: str):
    return next(r for r in screen.model.rows() if r.name == name)


def cell(screen: ShortlistScreen, key: str, kind: str = "fees") -> str:
    return screen.panel.cells[(key, kind)].text()


def shown(screen: ShortlistScreen) -> list[str]:
    return sorted(screen.proxy.index(r, 0).data(RowRole).name for r in range(screen.proxy.rowCount()))


def stored(demo: Database, deal_id: int) -> Deal:
    with demo.reading() as session:
        found = session.get(Deal, deal_id)
        assert found is not None
        session.expunge(found)
        return found


def test_the_demo_shortlist_and_its_budget(screen: ShortlistScreen) -> None:
    assert shown(screen) == ["Alexis Mac Allister", "Dean Huijsen", "Trent Alexander-Arnold", "Álvaro Carreras"]
    mac = screen.model.position_of(row(screen, MAC).deal_id)
    assert screen.model.display_text(mac, COLUMN_INDEX["nationality"]) == "ARG · non-EU"
    assert screen.model.display_text(mac, COLUMN_INDEX["asking"]) == "€100M"
    assert screen.model.display_text(mac, COLUMN_INDEX["replaces"]) == "Modrić"
    assert screen.state.season is not None and screen.state.season.label == "2025/26"  # the next window's
    assert (cell(screen, "budget"), cell(screen, "planned"), cell(screen, "remaining")) == ("not set", "€149.5M", "—")
    assert "No budget set for 2025/26" in screen.panel.no_budget.text()
    assert screen.panel.set_budget.isEnabled() and screen.panel.warning.isHidden()
    assert "€754.9M for 2024/25" in screen.panel.squad_cost.text()
    assert screen.deal_views.terms is not None  # the first target is shown in the deal's views


def test_models_pass_the_model_tester(screen: ShortlistScreen, qtmodeltester) -> None:
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.stages["scouting"])


def test_ticking_moves_planned_at_once_and_undo_puts_it_back(screen: ShortlistScreen, context) -> None:
    carreras = screen.model.index(screen.model.position_of(row(screen, "Álvaro Carreras").deal_id), 0)
    assert screen.model.data(carreras, CHECK) == Qt.CheckState.Unchecked
    assert screen.model.setData(carreras, Qt.CheckState.Checked.value, CHECK)
    assert cell(screen, "planned") == "€189.5M" and screen.model.data(carreras, CHECK) == Qt.CheckState.Checked
    assert context.undo_stack.undoText() == "Tick Álvaro Carreras into Mac Allister + a centre-back"
    context.undo_stack.undo()
    assert cell(screen, "planned") == "€149.5M"


def test_seed_case_on_screen_committed_when_agreed_nowhere_when_dropped(screen: ShortlistScreen, context,
                                                                        demo: Database) -> None:
    mac = row(screen, MAC)
    mime = screen.model.mimeData([screen.model.index(screen.model.position_of(mac.deal_id), 0)])
    assert mime.hasFormat(MIME)
    assert screen.stages["agreed"].dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, screen.model.index(0, 0).parent())
    assert stored(demo, mac.deal_id).status == "agreed"
    assert (cell(screen, "committed"), cell(screen, "planned")) == ("€90M", "€59.5M")
    assert context.undo_stack.undoText() == "Move Alexis Mac Allister to Agreed"
    assert screen.move_to_stage(mac.deal_id, row(screen, MAC).version, "dropped")
    assert (cell(screen, "committed"), cell(screen, "planned")) == ("€0", "€59.5M")
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert stored(demo, mac.deal_id).status == "scouting" and cell(screen, "planned") == "€149.5M"


def _drop_on(view, mime: QMimeData) -> tuple[bool, bool]:
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


def test_drag_events_on_a_stage_move_the_target(screen: ShortlistScreen, demo: Database) -> None:
    screen.show_view(1)
    huijsen = row(screen, HUIJSEN)
    entered, dropped = _drop_on(screen.stage_views["bid"], deal_mime(huijsen))
    assert entered and dropped
    assert stored(demo, huijsen.deal_id).status == "bid"
    assert screen.board.titles["bid"].text().endswith("1")


@pytest.mark.parametrize("payload", [None, b"not json", json.dumps({"deal_id": True, "version": 1}).encode(),
                                     json.dumps({"deal_id": "3", "version": 1}).encode(), b"\xff\xfe"])
def test_foreign_or_malformed_drops_are_refused(screen: ShortlistScreen, context, payload) -> None:
    screen.show_view(1)
    mime = QMimeData()
    if payload is None:
        mime.setText(MAC)
    else:
        mime.setData(MIME, payload)
    _entered, dropped = _drop_on(screen.stage_views["agreed"], mime)
    assert not dropped and context.undo_stack.count() == 0


def test_an_old_drag_is_refused(screen: ShortlistScreen, context) -> None:
    statuses: list[str] = []
    context.status.connect(statuses.append)
    mac = row(screen, MAC)
    assert not screen.move_to_stage(mac.deal_id, mac.version + 3, "bid")
    assert statuses and "changed" in statuses[-1]


def test_in_place_edits_follow_to_the_panel_and_bad_values_are_refused(screen: ShortlistScreen, context) -> None:
    mac = screen.model.position_of(row(screen, MAC).deal_id)
    fee = screen.proxy.mapFromSource(screen.model.index(mac, COLUMN_INDEX["fee"]))
    assert screen.proxy.setData(fee, 8_000_000_000)
    assert cell(screen, "planned") == "€139.5M"
    assert not screen.proxy.setData(fee, -5)
    assert screen.model.last_error is not None and screen.model.last_error[0] == "fee_cents"
    assert not screen.proxy.setData(fee, "lots")
    huijsen = screen.model.position_of(row(screen, HUIJSEN).deal_id)
    assert not screen.proxy.setData(screen.proxy.mapFromSource(screen.model.index(huijsen, COLUMN_INDEX["fee"])),
                                    1_000)
    assert "GBP" in screen.model.last_error[1]
    context.undo_stack.undo()
    assert cell(screen, "planned") == "€149.5M"


def test_filters_by_position_age_fee_and_stage(screen: ShortlistScreen) -> None:
    screen.position.setCurrentIndex(screen.position.findData("CB"))
    assert shown(screen) == [HUIJSEN]
    screen.position.setCurrentIndex(0)
    screen.oldest.setValue(22)
    assert shown(screen) == [HUIJSEN, "Álvaro Carreras"]
    screen.oldest.setValue(45)
    from desktop.common.editors import set_money

    set_money(screen.max_fee, 6_000_000_000)
    assert MAC not in shown(screen) and HUIJSEN in shown(screen)
    set_money(screen.max_fee, None)
    screen.status.setCurrentIndex(screen.status.findData("agreed"))
    assert shown(screen) == [] and screen.stages["scouting"].rowCount() == 0
    screen.status.setCurrentIndex(0)
    screen.filter_edit.setText("benfica")
    assert shown(screen) == ["Álvaro Carreras"]


def test_signing_an_agreed_target_and_undoing_it(screen: ShortlistScreen, context, demo: Database) -> None:
    mac = row(screen, MAC)
    menu = screen.target_menu(mac)
    sign = next(a for a in menu.actions() if a.text() == "Sign into the squad")
    assert not sign.isEnabled()
    assert screen.move_to_stage(mac.deal_id, mac.version, "agreed")
    assert screen.sign(row(screen, MAC))
    with demo.reading() as session:
        deal = session.get(Deal, mac.deal_id)
        assert deal is not None and deal.status == "signed" and deal.membership_id is not None
        member = session.get(SquadMembership, deal.membership_id)
        assert member is not None and member.previous_club == "Liverpool FC"
    assert screen.board.titles["signed"].text().endswith("1")
    context.undo_stack.undo()
    assert stored(demo, mac.deal_id).status == "agreed"


def test_the_three_views_of_a_deal_in_pounds(screen: ShortlistScreen) -> None:
    huijsen = row(screen, HUIJSEN)
    screen.deal_views.show_deal(huijsen.deal_id)
    views = screen.deal_views
    assert "£50M at 1.19 on the deal date = €59.5M" in views.summaries["cash"].text()
    assert views.cash.rowCount() == 1 and views.cash.index(0, 0).data() == "2025/26"
    assert "Set the contract's length" in views.summaries["amortisation"].text()
    assert "planned in 'Mac Allister + a centre-back'" in views.summaries["effect"].text()


def test_a_budget_over_spent_turns_the_panel_red(screen: ShortlistScreen, context) -> None:
    from desktop.common.editors import set_money
    from desktop.transfers.plan_dialogs import BudgetDialog

    dialog = BudgetDialog(context, screen.state, parent=screen)
    set_money(dialog.editors["transfer_budget_cents"], 10_000_000_000)
    dialog.accept()
    assert cell(screen, "budget") == "€100M" and cell(screen, "remaining") == "-€49.5M"
    assert screen.panel.warning.isVisible() and "Over the transfer budget by €49.5M" in screen.panel.warning.text()
    assert screen.panel.cells[("remaining", "fees")].property("over") is True
    context.undo_stack.undo()
    assert cell(screen, "budget") == "not set" and screen.panel.warning.isHidden()


def test_sales_feed_setting_and_scenarios(screen: ShortlistScreen, context) -> None:
    from desktop.transfers.plan_dialogs import ScenarioDialog

    screen.panel.sales.setChecked(False)
    assert context.undo_stack.undoText() == "Leave sales out of the budgets"
    assert screen.state.snapshot is not None and not screen.state.snapshot.budget.fees.feeds
    context.undo_stack.undo()
    dialog = ScenarioDialog(context, screen.state, parent=screen)
    dialog.accept()
    assert dialog.shown_error("name")  # a scenario needs a name
    dialog.name.setText("Only Carreras")
    dialog.accept()
    assert screen.state.current_scenario().name == "Only Carreras" and cell(screen, "planned") == "€0"
    screen.panel._remove_scenario()
    assert [s.name for s in screen.state.scenarios] == ["Mac Allister + a centre-back", "Full-backs"]
    context.undo_stack.undo()
    assert "Only Carreras" in [s.name for s in screen.state.scenarios]


def test_compare_and_contract_watch(screen: ShortlistScreen) -> None:
    from desktop.transfers.compare import CompareTargets

    screen.table.selectAll()
    rows = screen.selected_rows()
    dialog = CompareTargets(screen.context, screen.state, rows[:3], parent=screen)
    facts = {dialog.model.index(r, 0).data(): [dialog.model.index(r, c).data() for c in range(1, 4)]
             for r in range(dialog.model.rowCount())}
    assert len(facts["Fee"]) == 3 and dialog.model.headerData(1, Qt.Orientation.Horizontal) == rows[0].name
    screen.show_view(2)
    watch = screen.contract_watch
    names = [watch.model.index(r, 0).data() for r in range(watch.model.rowCount())]
    assert names[:3] == ["Jesús Vallejo", "Lucas Vázquez", "Luka Modrić"] and "Endrick" in names
    assert "2 of 3" in watch.non_eu.text() and MAC in watch.non_eu.text()


def test_the_deal_dialog_refuses_by_field(screen: ShortlistScreen, context) -> None:
    from desktop.transfers.dialogs import DealDialog

    dialog = DealDialog(context, screen.state, deal_id=row(screen, MAC).deal_id, parent=screen)
    dialog._add_row(dialog.instalments, ["2025-07-01", "50"])
    dialog._add_row(dialog.instalments, ["2026-07-01", "30"])
    dialog.accept()
    assert "not the fee" in dialog.shown_error("instalments")
    dialog.instalments.item(1, 1).setText("forty")
    dialog.accept()
    assert "not an amount" in dialog.shown_error("instalments")
    dialog.instalments.setRowCount(0)
    dialog.split_fee()
    assert dialog.instalments.rowCount() == 3
    dialog.contract_end.setDate(dt.date(2030, 6, 30))
    dialog.accept()
    assert context.undo_stack.undoText() == "Change the deal for Alexis Mac Allister"
    assert screen.state.deal(row(screen, MAC).deal_id).instalments[0][1] == 3_000_000_000
    screen.deal_views.show_deal(row(screen, MAC).deal_id)
    assert screen.deal_views.summaries["amortisation"].text().startswith("€18M a year")
    assert screen.deal_views.amortisation.rowCount() == 5
    new = DealDialog(context, screen.state, parent=screen)
    new.player.setCurrentIndex(new.player.findText("Dean Huijsen"))
    new.currency.setCurrentIndex(new.currency.findData("GBP"))
    new.accept()
    assert new.shown_error("rate_ppm")


def test_every_dialog_of_the_transfer_screens_names_its_widgets(screen: ShortlistScreen, context, qtbot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

    from desktop.transfers.compare import CompareTargets
    from desktop.transfers.dialogs import DealDialog
    from desktop.transfers.plan_dialogs import BudgetDialog, ScenarioDialog, TermsDialog

    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    dialogs = [DealDialog(context, screen.state, deal_id=row(screen, MAC).deal_id, parent=screen),
               DealDialog(context, screen.state, parent=screen), BudgetDialog(context, screen.state, parent=screen),
               ScenarioDialog(context, screen.state, parent=screen),
               CompareTargets(context, screen.state, screen.model.rows()[:2], parent=screen),
               TermsDialog(context, screen.contract_watch.rows[0].membership_id, "x", parent=screen)]
    for dialog in dialogs:
        unnamed = [f"{type(dialog).__name__}:{type(w).__name__}" for w in dialog.findChildren(QWidget)
                   if isinstance(w, interactive) and not w.objectName().startswith("qt_") and w.window() is dialog
                   and not (w.objectName() and w.accessibleName())]
        assert unnamed == []


def test_clauses_are_edited_from_contract_watch_and_undone(screen: ShortlistScreen, context) -> None:
    from desktop.common.editors import set_money
    from desktop.transfers.plan_dialogs import TermsDialog

    watch = screen.contract_watch
    modric = next(r for r in watch.rows if r.name == "Luka Modrić")
    dialog = TermsDialog(context, modric.membership_id, modric.name, parent=screen)
    set_money(dialog.clause, 1_000_000_000)
    dialog.option.setCurrentIndex(dialog.option.findData("club"))
    dialog.accept()
    assert dialog.shown_error("option_until")  # an option needs its date
    dialog.until.setDate(dt.date(2026, 6, 30))
    dialog.accept()
    cells = [watch.model.index(r, 4).data() for r in range(watch.model.rowCount())]
    assert any("release €10M" in c and "club option to 30 Jun 2026" in c for c in cells)
    context.undo_stack.undo()
    assert next(r for r in watch.rows if r.name == "Luka Modrić").option is None


def test_record_a_deal_from_any_screen_preselects_the_player(screen: ShortlistScreen, context, qtbot) -> None:
    from desktop.transfers.dialogs import DealDialog

    modric = next(r for r in screen.contract_watch.rows if r.name == "Luka Modrić")
    screen.run_player_action("record_deal", modric.player_id)
    dialog = next(d for d in screen.window().findChildren(DealDialog) if d.isVisible())
    assert dialog.player.currentText() == "Luka Modrić" and dialog.kind.currentData() == "renewal"
    dialog.reject()
