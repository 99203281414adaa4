"""Moving a deal through the pipeline: into or out of "signed" only by signing it or taking the
signing back (his squad place follows: a new place, a renewed contract, a player let go), any
other move a plain edit. The board's drop, the menu, the table's cell and the deal's dialog all
come here; each move is one undo command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from db.changes import DEAL, MEMBERSHIP, Change
from desktop.transfers.commands import EditDealCommand
from desktop.undo import DbCommand, push_applied

if TYPE_CHECKING:
    from db.transfers.queries import TargetRow
    from db.transfers.signing import Signing
    from db.transfers.writes import DealEdit
    from desktop.context import AppContext


def _edited(edit: DealEdit | None) -> bool:
    return edit is not None and not edit.is_empty()


def _edit_back_to(snapshot: dict[str, Any]) -> DealEdit:
    """The edit that puts a deal's own fields, schedule and add-ons back to ``snapshot`` (its
    stage and squad place are the signing's)."""
    from db.transfers.writes import DealEdit

    columns = {k: v for k, v in snapshot.items() if k not in ("id", "status", "membership_id", "instalments", "addons")}
    return DealEdit(columns, snapshot["instalments"], snapshot["addons"])


class SignCommand(DbCommand):
    """Sign an agreed deal: his squad place settled as its kind says (a new place, a renewed
    contract, a player let go), the deal kept, signed, in the ledger; ``edit`` (the dialog's other
    changes) written in the same step. Undo takes the signing back the same way."""

    kinds = frozenset({DEAL, MEMBERSHIP})

    def __init__(self, context: AppContext, deal_id: int, seen_version: int, text: str, *,
                 edit: DealEdit | None = None) -> None:
        super().__init__(context, text)
        self.deal_id, self.seen_version, self.edit = deal_id, seen_version, edit
        self.signing: Signing | None = None
        self.before: dict[str, Any] | None = None  # the deal before and after the dialog's edit
        self.after: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.transfers.signing import sign_deal
        from db.transfers.writes import read_snapshot

        database = self.database()
        if self.signing is None:
            if _edited(self.edit):
                self.before = read_snapshot(database, self.deal_id)
            signing = sign_deal(database, self.deal_id, self.seen_version, edit=self.edit)
            if _edited(self.edit):
                self.after = read_snapshot(database, self.deal_id)
        else:  # redo: a new place comes back under its id, with its fields
            new_place = self.signing.before is None
            signing = sign_deal(database, self.deal_id, self.own_version(DEAL, self.deal_id) or 0,
                                membership_id=self.signing.membership_id if new_place else None,
                                place=self.signing.place if new_place else None,
                                edit=_edit_back_to(self.after) if self.after is not None else None)
        self.signing = signing
        self.wrote(DEAL, self.deal_id, signing.deal_version)
        self.wrote(MEMBERSHIP, signing.membership_id, signing.membership_version)
        return Change({DEAL: {self.deal_id}, MEMBERSHIP: {signing.membership_id}})

    def revert(self) -> Change:
        from db.transfers.signing import unsign_deal

        signing = self.signing
        assert signing is not None
        version = unsign_deal(self.database(), self.deal_id, version=self.own_version(DEAL, self.deal_id) or 0,
                              membership=signing.place,
                              membership_version=self.own_version(MEMBERSHIP, signing.membership_id) or 0,
                              restore=signing.before,
                              edit=_edit_back_to(self.before) if self.before is not None else None)
        self.wrote(DEAL, self.deal_id, version)
        return Change({DEAL: {self.deal_id}, MEMBERSHIP: {signing.membership_id}})


class UnsignCommand(DbCommand):
    """Take a signing back to another stage (``status``): his squad place as it was before (a
    new place removed while it has no history, his leaving undone), with ``edit`` in the same
    step. Undo signs the deal again the same way."""

    kinds = frozenset({DEAL, MEMBERSHIP})

    def __init__(self, context: AppContext, deal_id: int, seen_version: int, status: str, text: str, *,
                 edit: DealEdit | None = None) -> None:
        super().__init__(context, text)
        self.deal_id, self.seen_version, self.status, self.edit = deal_id, seen_version, status, edit
        self.place: dict[str, Any] | None = None  # the place as the signing left it (with its id)
        self.restore: dict[str, Any] | None = None  # a renewed place's fields before its signing
        self.new_place = False
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.domain.deals import INBOUND
        from db.restoring import stale_row
        from db.transfers.signing import place_snapshot, unsign_deal
        from db.transfers.writes import read_snapshot

        database = self.database()
        if self.place is None:
            before = read_snapshot(database, self.deal_id)
            if before["membership_id"] is None:
                raise stale_row(DEAL, self.deal_id)
            self.place, place_version = place_snapshot(database, before["membership_id"])
            self.new_place = before["kind"] in INBOUND
            version = unsign_deal(database, self.deal_id, version=self.seen_version, membership=self.place,
                                  membership_version=place_version, status=self.status, edit=self.edit)
            if _edited(self.edit):
                self.before, self.after = before, read_snapshot(database, self.deal_id)
        else:
            version = unsign_deal(database, self.deal_id, version=self.own_version(DEAL, self.deal_id) or 0,
                                  membership=self.place,
                                  membership_version=self.own_version(MEMBERSHIP, self.place["id"]) or 0,
                                  restore=self.restore, status=self.status,
                                  edit=_edit_back_to(self.after) if self.after is not None else None)
        self.wrote(DEAL, self.deal_id, version)
        return Change({DEAL: {self.deal_id}, MEMBERSHIP: {self.place["id"]}})

    def revert(self) -> Change:
        from db.transfers.signing import sign_deal

        assert self.place is not None
        signing = sign_deal(self.database(), self.deal_id, self.own_version(DEAL, self.deal_id) or 0,
                            membership_id=self.place["id"] if self.new_place else None,
                            place=self.place if self.new_place else None, from_status=self.status,
                            edit=_edit_back_to(self.before) if self.before is not None else None)
        self.place, self.restore = signing.place, signing.before
        self.wrote(DEAL, self.deal_id, signing.deal_version)
        self.wrote(MEMBERSHIP, signing.membership_id, signing.membership_version)
        return Change({DEAL: {self.deal_id}, MEMBERSHIP: {signing.membership_id}})


def stage_command(context: AppContext, deal_id: int, seen_version: int, now: str, to: str, text: str, *,
                  edit: DealEdit | None = None) -> DbCommand:
    """The one command that moves a deal from stage ``now`` to ``to`` (with ``edit``): into or out
    of "signed" only by signing or taking the signing back, any other move a plain edit."""
    from db.transfers.writes import DealEdit

    edit = edit or DealEdit()
    if to == "signed" and now != "signed":
        return SignCommand(context, deal_id, seen_version, text, edit=edit)
    if now == "signed" and to != "signed":
        return UnsignCommand(context, deal_id, seen_version, to, text, edit=edit)
    changes = edit.changes if to == now else {**edit.changes, "status": to}
    return EditDealCommand(context, deal_id, seen_version, changes, text, instalments=edit.instalments,
                           addons=edit.addons)


def stage_text(name: str, now: str, to: str) -> str:
    """What moving a deal of ``name`` from ``now`` to ``to`` is called (undo's text, a refusal's)."""
    from desktop.transfers.columns import STATUS_NAMES

    if to == "signed" and now != "signed":
        return QCoreApplication.translate("TransferCommands", "Sign {who}").format(who=name)
    if now == "signed" and to != "signed":
        return QCoreApplication.translate("TransferCommands", "Take back the signing of {who}").format(who=name)
    stage = QCoreApplication.translate("ShortlistColumns", STATUS_NAMES[to])
    return QCoreApplication.translate("TransferCommands", "Move {who} to {stage}").format(who=name, stage=stage)


def push_status(context: AppContext, row: TargetRow, status: str) -> bool:
    """Move a deal to a pipeline stage (menu, drop, the table's cell): one undo step, signing or
    taking a signing back when it enters or leaves "signed"; False, said why, if refused."""
    if row.status == status:
        return False
    text = stage_text(row.name, row.status, status)
    try:
        push_applied(context, stage_command(context, row.deal_id, row.version, row.status, status, text))
    except Exception as error:
        context.message.emit(str(error))
        return False
    return True
