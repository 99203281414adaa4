"""The deal's dialog saves nothing when nothing changed and keeps money to the cent; dates stay in
range and a failure in the budget's slots is a message, never a traceback; a scenario's name is
stored trimmed and undone; the texts say what is counted and what the sales setting governs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from sqlalchemy import text

from db.changes import DEAL, SCENARIO, Change
from db.engine import Database
from db.transfers.writes import read_snapshot, update_deal
from desktop.common.editors import date_of, set_money
from desktop.transfers.screen import ShortlistScreen

MAC, HUIJSEN = "Alexis Mac Allister", "Dean Huijsen"
THIRD = 1_666_666_667  # €16,666,666.67: a third of €50M, more exact than the editors' thousands


def row(screen: ShortlistScreen, name: str):
    return next(r for r in screen.model.rows() if r.name == name)


def _third_of_a_fee(screen: ShortlistScreen, context, demo: Database) -> int:
    mac = row(screen, MAC)
    update_deal(demo, mac.deal_id, mac.version, {"fee_cents": THIRD, "annual_wage_cents": THIRD,
                                                 "notes": "Fee by thirds"})
    context.announce(Change.of(DEAL, {mac.deal_id}))
    return mac.deal_id


# --- the deal's dialog ----------------------------------------------------------------------------
def test_ok_with_nothing_changed_writes_nothing_and_pushes_nothing(screen: ShortlistScreen, context,
                                                                   demo: Database) -> None:
    from desktop.transfers.dialogs import DealDialog

    deal_id = _third_of_a_fee(screen, context, demo)
    steps = context.undo_stack.count()
    for target in screen.model.rows():
        before = read_snapshot(demo, target.deal_id)
        dialog = DealDialog(context, screen.state, deal_id=target.deal_id, parent=screen)
        dialog.accept()
        assert dialog.result() == DealDialog.DialogCode.Accepted
        assert read_snapshot(demo, target.deal_id) == before
    assert context.undo_stack.count() == steps
    # Another field changed: the fee and wage the editors round are saved to the cent as they were.
    dialog = DealDialog(context, screen.state, deal_id=deal_id, parent=screen)
    dialog.priority.setCurrentIndex(dialog.priority.findData(3))
    dialog.accept()
    stored = read_snapshot(demo, deal_id)
    assert (stored["fee_cents"], stored["annual_wage_cents"], stored["priority"]) == (THIRD, THIRD, 3)
    assert context.undo_stack.count() == steps + 1
    # A new amount typed is taken as typed.
    dialog = DealDialog(context, screen.state, deal_id=deal_id, parent=screen)
    set_money(dialog.fee, 2_000_000_000)
    dialog.accept()
    assert read_snapshot(demo, deal_id)["fee_cents"] == 2_000_000_000


def test_the_dialogs_dates_stay_between_1990_and_2100(screen: ShortlistScreen, context) -> None:
    from desktop.transfers.dialogs import DealDialog

    dialog = DealDialog(context, screen.state, deal_id=row(screen, MAC).deal_id, parent=screen)
    for editor in (dialog.deal_date, dialog.starts, dialog.contract_end):
        editor.setDate(QDate(9999, 12, 31))
        assert date_of(editor) == dt.date(2100, 12, 31)
    dialog.deal_date.setDate(QDate(1900, 1, 2))
    assert date_of(dialog.deal_date) == dt.date(1990, 1, 1)
    dialog.contract_end.setDate(QDate(1900, 1, 2))
    assert date_of(dialog.contract_end) is None  # below the range: "no date"
    dialog.deal_date.setDate(QDate(2025, 5, 2))
    dialog.starts.setDate(QDate(2025, 7, 1))
    dialog.contract_end.setDate(QDate(2100, 12, 31))
    dialog.accept()
    assert "more than 10 years" in dialog.shown_error("contract_end")


def test_a_date_stored_before_dates_were_bounded_is_worked_out_without_a_traceback(
        screen: ShortlistScreen, context, demo: Database, messages: list[str]) -> None:
    mac = row(screen, MAC)
    with demo.transaction() as session:  # as an older version could store it
        session.execute(text("UPDATE deal SET contract_end = :end, status = 'agreed' WHERE id = :id"),
                        {"end": dt.date(9999, 12, 31), "id": mac.deal_id})
    context.announce(Change.of(DEAL, {mac.deal_id}))
    screen.table.setCurrentIndex(screen.proxy.index(0, 0))
    screen.deal_views.show_deal(mac.deal_id)
    assert messages == [] and screen.state.snapshot is not None
    assert screen.panel.cells[("committed", "fees")].text() == "€90M"
    assert "a year" in screen.deal_views.summaries["amortisation"].text()


def test_a_failure_in_the_budgets_slots_is_said_in_a_message(screen: ShortlistScreen, context,
                                                             messages: list[str], monkeypatch) -> None:
    import db.domain.budget
    import db.transfers.queries

    def overflow(*_args: object, **_kwargs: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(db.domain.budget, "season_budget", overflow)
    context.announce(Change.of(DEAL, {row(screen, MAC).deal_id}))
    assert messages == ["Could not work out the budget: date value out of range",
                        "Could not show the deal's figures: date value out of range"]
    monkeypatch.setattr(db.transfers.queries, "deal_terms", overflow)
    context.announce(Change.of(DEAL, {row(screen, MAC).deal_id}))
    assert messages[-1] == "Could not read what changed in the budget: date value out of range"
    monkeypatch.setattr(screen.deal_views, "show_deal", overflow)
    screen.table.setCurrentIndex(screen.proxy.index(1, 0))
    assert messages[-1] == "Could not show the deal: date value out of range"


# --- scenarios ------------------------------------------------------------------------------------
def test_a_scenario_named_with_a_trailing_space_is_undone_and_redone(screen: ShortlistScreen, context,
                                                                     messages: list[str]) -> None:
    from desktop.transfers.plan_dialogs import ScenarioDialog

    dialog = ScenarioDialog(context, screen.state, parent=screen)
    dialog.name.setText("  Plan B ")
    dialog.accept()
    assert screen.state.current_scenario().name == "Plan B"
    assert context.undo_stack.undoText() == "New scenario Plan B"
    context.undo_stack.undo()
    assert "Plan B" not in [s.name for s in screen.state.scenarios] and messages == []
    context.undo_stack.redo()
    assert "Plan B" in [s.name for s in screen.state.scenarios] and messages == []


def test_a_failed_undo_or_redo_of_a_scenario_says_what_could_not_be_done(screen: ShortlistScreen, context,
                                                                        demo: Database,
                                                                        messages: list[str]) -> None:
    from db.transfers.plans import create_scenario, set_ticked
    from desktop.transfers.plan_dialogs import ScenarioDialog

    dialog = ScenarioDialog(context, screen.state, parent=screen)
    dialog.name.setText("Plan C")
    dialog.accept()
    context.undo_stack.undo()
    create_scenario(demo, "Plan C")  # someone else took the name meanwhile
    context.announce(Change.everything([SCENARIO]))
    context.undo_stack.redo()
    assert messages[-1].startswith("Could not create the scenario 'Plan C': ")
    dialog = ScenarioDialog(context, screen.state, parent=screen)
    dialog.name.setText("Plan D")
    dialog.accept()
    scenario = screen.state.current_scenario()
    set_ticked(demo, scenario.scenario_id, row(screen, MAC).deal_id, True)  # someone else ticked into it
    context.undo_stack.undo()
    assert messages[-1].startswith("Could not remove the scenario 'Plan D': ")


# --- texts ----------------------------------------------------------------------------------------
def test_the_effect_of_a_deal_not_counted_says_so_plainly(screen: ShortlistScreen, context) -> None:
    mac = row(screen, MAC)
    assert screen.move_to_stage(mac.deal_id, mac.version, "dropped")
    screen.deal_views.show_deal(mac.deal_id)
    summary = screen.deal_views.summaries["effect"].text()
    assert summary.startswith("Alexis Mac Allister in 2025/26: not counted (dropped).")
    assert "counted as not" not in summary
    screen.deal_views.show_deal(row(screen, HUIJSEN).deal_id)
    assert "counted as planned in 'Mac Allister + a centre-back'" in screen.deal_views.summaries["effect"].text()


def test_the_sales_setting_says_it_governs_both_budgets(screen: ShortlistScreen) -> None:
    sales = screen.panel.sales
    assert sales.text() == "Sales feed the budgets"
    assert "transfer budget" in sales.toolTip() and "wage budget" in sales.toolTip()


def test_a_deal_without_contract_end_is_told_only_in_seasons_it_counts_in(screen: ShortlistScreen) -> None:
    # Mac Allister and Huijsen, planned with a fee and no contract end, move in July 2025.
    assert "Deals counted with a fee but no contract end: 2 (not amortised yet)" in screen.panel.squad_cost.text()
    screen.state.choose_season("2024/25")
    assert "no contract end" not in screen.panel.squad_cost.text()
