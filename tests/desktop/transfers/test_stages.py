"""A deal enters or leaves "signed" only by signing it or taking the signing back, from the board,
the menu, the table's cell and the deal's dialog alike (his squad place follows, undo reverses it);
every kind of deal is on the shortlist, named by its kind, and the filters work on all of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from sqlmodel import select

from db.changes import DEAL, Change
from db.engine import Database
from db.squad.models import Player, SquadMembership
from db.transfers.models import Deal
from db.transfers.writes import create_deal, update_deal
from desktop.common.roles import RowRole
from desktop.transfers.columns import COLUMN_INDEX
from desktop.transfers.model import deal_mime
from desktop.transfers.screen import ShortlistScreen
from tests.helpers import AS_OF

MAC, ALABA, VAZQUEZ = "Alexis Mac Allister", "David Alaba", "Lucas Vázquez"


def row(screen: ShortlistScreen, name: str, kind: str | None = None) -> Any:
    return next(r for r in screen.model.rows() if r.name == name and kind in (None, r.kind))


def deal(demo: Database, deal_id: int) -> Deal:
    with demo.reading() as session:
        found = session.get(Deal, deal_id)
        assert found is not None
        session.expunge(found)
        return found


def place(demo: Database, membership_id: int | None) -> SquadMembership | None:
    with demo.reading() as session:
        found = session.get(SquadMembership, membership_id) if membership_id is not None else None
        if found is not None:
            session.expunge(found)
        return found


def agree_mac(screen: ShortlistScreen) -> Any:
    mac = row(screen, MAC)
    assert screen.move_to_stage(mac.deal_id, mac.version, "agreed")
    return row(screen, MAC)


def drop(screen: ShortlistScreen, stage: str, target: Any) -> bool:
    return screen.stages[stage].dropMimeData(deal_mime(target), Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_a_drop_on_signed_signs_him_into_the_squad_and_undo_takes_him_out(screen: ShortlistScreen, context,
                                                                         demo: Database) -> None:
    mac = agree_mac(screen)
    assert drop(screen, "signed", mac)
    signed = deal(demo, mac.deal_id)
    member = place(demo, signed.membership_id)
    assert signed.status == "signed" and member is not None and member.previous_club == "Liverpool FC"
    assert context.undo_stack.undoText() == "Sign Alexis Mac Allister"
    assert row(screen, MAC).status == "signed" and screen.stages["signed"].rowCount() == 1
    context.undo_stack.undo()
    assert (deal(demo, mac.deal_id).status, deal(demo, mac.deal_id).membership_id) == ("agreed", None)
    assert place(demo, signed.membership_id) is None
    context.undo_stack.redo()
    again = deal(demo, mac.deal_id)
    assert again.status == "signed" and again.membership_id == signed.membership_id  # the same place back
    # Dragged back out of "signed": the signing is taken back, the place goes with it.
    assert drop(screen, "dropped", row(screen, MAC))
    assert (deal(demo, mac.deal_id).status, deal(demo, mac.deal_id).membership_id) == ("dropped", None)
    assert place(demo, signed.membership_id) is None
    assert context.undo_stack.undoText() == "Take back the signing of Alexis Mac Allister"
    context.undo_stack.undo()
    assert deal(demo, mac.deal_id).status == "signed" and place(demo, signed.membership_id) is not None
    context.undo_stack.redo()
    assert deal(demo, mac.deal_id).status == "dropped"


def test_the_menu_and_the_tables_cell_sign_too_and_a_target_not_agreed_is_refused(screen: ShortlistScreen, context,
                                                                                 demo: Database,
                                                                                 messages: list[str]) -> None:
    mac = row(screen, MAC)
    move = next(a for a in screen.target_menu(mac).findChildren(QAction) if a.objectName() == "moveTo_signed")
    move.trigger()  # scouting → signed: only an agreed deal is signed
    assert messages[-1] == "Only an agreed deal can be signed" and deal(demo, mac.deal_id).status == "scouting"
    mac = agree_mac(screen)
    status = screen.proxy.mapFromSource(screen.model.index(screen.model.position_of(mac.deal_id),
                                                           COLUMN_INDEX["status"]))
    assert screen.proxy.setData(status, "signed")
    signed = deal(demo, mac.deal_id)
    assert signed.status == "signed" and place(demo, signed.membership_id) is not None
    assert screen.proxy.setData(status, "agreed")
    assert deal(demo, mac.deal_id).membership_id is None and place(demo, signed.membership_id) is None


def test_the_dialog_signs_with_its_other_changes_in_one_step(screen: ShortlistScreen, context,
                                                             demo: Database) -> None:
    from desktop.transfers.dialogs import DealDialog

    mac = agree_mac(screen)
    steps = context.undo_stack.count()
    dialog = DealDialog(context, screen.state, deal_id=mac.deal_id, parent=screen)
    dialog.status.setCurrentIndex(dialog.status.findData("signed"))
    dialog.contract_end.setDate(dt.date(2030, 6, 30))
    dialog.accept()
    signed = deal(demo, mac.deal_id)
    member = place(demo, signed.membership_id)
    assert signed.status == "signed" and member is not None and member.contract_end == dt.date(2030, 6, 30)
    assert context.undo_stack.count() == steps + 1 and context.undo_stack.undoText() == "Sign Alexis Mac Allister"
    context.undo_stack.undo()
    back = deal(demo, mac.deal_id)
    assert (back.status, back.contract_end, back.membership_id) == ("agreed", None, None)
    context.undo_stack.redo()
    assert deal(demo, mac.deal_id).contract_end == dt.date(2030, 6, 30)
    # Out of "signed" in the dialog: the signing is taken back, not a bare status write.
    dialog = DealDialog(context, screen.state, deal_id=mac.deal_id, parent=screen)
    dialog.status.setCurrentIndex(dialog.status.findData("bid"))
    dialog.accept()
    assert (deal(demo, mac.deal_id).status, deal(demo, mac.deal_id).membership_id) == ("bid", None)
    assert place(demo, signed.membership_id) is None


def test_a_refusal_about_the_squad_place_is_shown_beside_the_stage(screen: ShortlistScreen, context) -> None:
    from desktop.transfers.dialogs import DealDialog

    dialog = DealDialog(context, screen.state, deal_id=row(screen, MAC).deal_id, parent=screen)
    dialog.show_error("membership_id", "The squad place is set by signing the deal")
    assert dialog.shown_error("status") == "The squad place is set by signing the deal"
    assert dialog.shown_error("general") == ""


# --- every kind on the shortlist ----------------------------------------------------------------
def _ours(demo: Database, screen: ShortlistScreen, context) -> dict[str, int]:
    with demo.reading() as session:
        ids = {p.name: p.id or 0 for p in session.exec(select(Player).where(
            Player.name.in_([ALABA, VAZQUEZ])))}  # type: ignore[attr-defined]
    made = {
        "renewal": create_deal(demo, {"kind": "renewal", "player_id": ids[ALABA], "deal_date": AS_OF,
                                      "starts_on": dt.date(2025, 7, 1), "contract_end": dt.date(2027, 6, 30),
                                      "annual_wage_cents": 1_200_000_000}),
        "sale": create_deal(demo, {"kind": "sale", "player_id": ids[VAZQUEZ], "deal_date": AS_OF,
                                   "starts_on": dt.date(2025, 7, 1), "fee_cents": 500_000_000}),
        "loan_out": create_deal(demo, {"kind": "loan_out", "player_id": ids[ALABA], "deal_date": AS_OF,
                                       "starts_on": dt.date(2026, 1, 1)}),
    }
    context.announce(Change(dict.fromkeys([DEAL], set(made.values()))))
    return made


def shown(screen: ShortlistScreen) -> list[tuple[str, str]]:
    rows = (screen.proxy.index(r, 0).data(RowRole) for r in range(screen.proxy.rowCount()))
    return sorted((r.name, screen.model.display_text(screen.model.position_of(r.deal_id), COLUMN_INDEX["kind"]))
                  for r in rows)


def test_sales_loans_out_and_renewals_are_listed_with_their_kind_and_filtered(screen: ShortlistScreen, context,
                                                                              demo: Database) -> None:
    assert screen.table.isColumnHidden(COLUMN_INDEX["kind"])  # targets alone: no kind column
    _ours(demo, screen, context)
    assert not screen.table.isColumnHidden(COLUMN_INDEX["kind"])
    listed = shown(screen)
    assert (ALABA, "Renewal") in listed and (VAZQUEZ, "Sale") in listed and (ALABA, "Loan out") in listed
    assert (MAC, "Purchase") in listed and len(listed) == 7
    screen.kind.setCurrentIndex(screen.kind.findData("sale"))
    assert shown(screen) == [(VAZQUEZ, "Sale")]
    assert [screen.stages[s].rowCount() for s in ("scouting", "bid", "agreed")] == [1, 0, 0]
    screen.kind.setCurrentIndex(0)
    screen.position.setCurrentIndex(screen.position.findData("CB"))
    assert [name for name, _kind in shown(screen)] == ["David Alaba", "David Alaba", "Dean Huijsen"]
    screen.position.setCurrentIndex(0)
    screen.filter_edit.setText("vázquez")
    assert shown(screen) == [(VAZQUEZ, "Sale")]
    card = screen.board.views["scouting"].itemDelegate()
    assert card.lines(row(screen, VAZQUEZ))[2].startswith("Sale · Fee €5M")


def test_signing_a_sale_lets_him_go_and_a_renewal_renews_his_contract(screen: ShortlistScreen, context,
                                                                      demo: Database) -> None:
    made = _ours(demo, screen, context)
    for kind in ("sale", "renewal"):
        update_deal(demo, made[kind], 1, {"status": "agreed"})
    context.announce(Change.of(DEAL, {made["sale"], made["renewal"]}))
    sale, renewal = row(screen, VAZQUEZ, "sale"), row(screen, ALABA, "renewal")
    menu = screen.target_menu(sale)
    sign = next(a for a in menu.actions() if a.objectName() == "signDeal")
    assert sign.text() == "Sign: he leaves the squad" and sign.isEnabled()
    sign.trigger()
    gone = place(demo, deal(demo, sale.deal_id).membership_id)
    assert gone is not None and (gone.left_on, gone.left_reason) == (dt.date(2025, 7, 1), "transfer")
    assert drop(screen, "signed", renewal)
    renewed = place(demo, deal(demo, renewal.deal_id).membership_id)
    assert renewed is not None and (renewed.contract_end, renewed.annual_wage_cents) == (
        dt.date(2027, 6, 30), 1_200_000_000)
    context.undo_stack.undo()
    context.undo_stack.undo()
    for membership_id in (gone.id, renewed.id):
        back = place(demo, membership_id)
        assert back is not None and back.left_on is None
    assert place(demo, renewed.id).contract_end == dt.date(2026, 6, 30)  # type: ignore[union-attr]
    assert deal(demo, sale.deal_id).status == deal(demo, renewal.deal_id).status == "agreed"
