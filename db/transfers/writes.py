"""Writes on deals: record one with its instalments and add-ons, change it, move it through the
pipeline short of "signed" (signing and taking a signing back are ``db.transfers.signing``'s).
Functions taking a ``Session`` write inside the caller's transaction (the demo, signing); those
taking a ``Database`` are one user action in one transaction each.

Undo works on a deal's *snapshot* (its columns, instalments and add-ons): it writes only if the
deal still holds exactly what this app left there (``swap_deal``, ``remove_deal``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, delete, select

from db.changes import DEAL
from db.domain.deals import DealTerms, check_status_change
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.reference.models import Club
from db.reference.queries import CURRENCY, get_setting
from db.restoring import Restorable, stale_row, stored_columns
from db.squad.models import Player, SquadMembership
from db.transfers.models import Deal, DealAddon, DealInstalment, ScenarioDeal
from db.transfers.validation import check_deal, validate_addons, validate_deal_values, validate_instalments
from db.versioning import insert_checked, update_versioned

DEAL_DEFAULTS: dict[str, Any] = {"status": "scouting"}
CHILDREN = ("instalments", "addons")


def club_currency(session: Session) -> str:
    """The currency the club counts in (the database's setting; EUR when unset)."""
    return get_setting(session, CURRENCY) or "EUR"


def _exists(session: Session, model: Any, field: str, ident: int | None) -> None:
    if ident is not None and session.get(model, ident) is None:
        raise ValidationError(field, "unknown", tr("No such {what} (id {i})", what=field.removesuffix("_id"), i=ident))


def _check_references(session: Session, values: dict[str, Any]) -> None:
    _exists(session, Player, "player_id", values.get("player_id"))
    _exists(session, Club, "club_id", values.get("club_id"))
    _exists(session, Player, "replaces_player_id", values.get("replaces_player_id"))
    _exists(session, SquadMembership, "membership_id", values.get("membership_id"))
    if values.get("replaces_player_id") is not None and values.get("replaces_player_id") == values.get("player_id"):
        raise ValidationError("replaces_player_id", "self", tr("A player cannot replace himself"))


def _normalised(values: dict[str, Any], currency: str) -> dict[str, Any]:
    """A deal in the club's currency keeps no rate."""
    if values.get("currency", currency) == currency:
        values["rate_ppm"] = None
    return values


def children_of(session: Session, deal_id: int) -> tuple[list[tuple[dt.date, int]], list[dict[str, Any]]]:
    """A deal's instalments (due date, amount) and add-ons, in a stable order."""
    instalments = sorted((i.due_on, i.amount_cents) for i in session.exec(
        select(DealInstalment).where(DealInstalment.deal_id == deal_id)))
    addons = sorted(({"amount_cents": a.amount_cents, "condition": a.condition, "probability_pct": a.probability_pct}
                     for a in session.exec(select(DealAddon).where(DealAddon.deal_id == deal_id))),
                    key=lambda a: (a["condition"], a["amount_cents"], a["probability_pct"] or 0))
    return instalments, addons


def _write_children(session: Session, deal_id: int, instalments: Sequence[tuple[dt.date, int]],
                    addons: Sequence[dict[str, Any]]) -> None:
    session.exec(delete(DealInstalment).where(col(DealInstalment.deal_id) == deal_id))
    session.exec(delete(DealAddon).where(col(DealAddon.deal_id) == deal_id))
    for due_on, amount in instalments:
        insert_checked(session, DealInstalment(deal_id=deal_id, due_on=due_on, amount_cents=amount))
    for addon in addons:
        insert_checked(session, DealAddon(deal_id=deal_id, **addon))


def deal_snapshot(session: Session, deal_id: int) -> dict[str, Any] | None:
    """A deal as stored (columns without the locking bookkeeping) with its instalments and add-ons."""
    deal = session.get(Deal, deal_id)
    if deal is None:
        return None
    instalments, addons = children_of(session, deal_id)
    return {**stored_columns(deal), "instalments": instalments, "addons": addons}


def read_snapshot(database: Database, deal_id: int) -> dict[str, Any]:
    """``deal_snapshot`` in a read of its own; refused when the deal is gone."""
    with database.reading() as session:
        found = deal_snapshot(session, deal_id)
    if found is None:
        raise stale_row(DEAL, deal_id)
    return found


def read_deal(database: Database, deal_id: int) -> tuple[dict[str, Any], int]:
    """A deal's snapshot and the version it is at, read together (what a dialog shows and then
    saves against); refused when the deal is gone."""
    with database.reading() as session:
        found = deal_snapshot(session, deal_id)
        deal = session.get(Deal, deal_id)
        if found is None or deal is None:
            raise stale_row(DEAL, deal_id)
        return found, deal.version


def create_deal_in(session: Session, values: dict[str, Any], *, instalments: Sequence[Any] = (),
                   addons: Sequence[Any] = (), by: str, deal_id: int | None = None) -> Deal:
    """Insert a validated deal with its instalments and add-ons inside the caller's transaction."""
    currency = club_currency(session)
    required = {"kind": values.get("kind"), "player_id": values.get("player_id"),
                "deal_date": values.get("deal_date"), "starts_on": values.get("starts_on")}
    clean = validate_deal_values({**required, "currency": values.get("currency") or currency, **values})
    if clean.get("player_id") is None:
        raise ValidationError("player_id", "empty", tr("Choose the player of the deal"))
    schedule, extras = validate_instalments(instalments), validate_addons(addons)
    merged = _normalised({**DEAL_DEFAULTS, **clean}, currency)
    if merged.get("membership_id") is None:  # only the ledger of a deal done records it signed
        check_status_change(None, merged["status"])
    check_deal(merged, schedule, currency)
    _check_references(session, merged)
    deal = Deal(id=deal_id, updated_by=by, **merged)
    insert_checked(session, deal)
    assert deal.id is not None
    _write_children(session, deal.id, schedule, extras)
    return deal


def create_deal(database: Database, values: dict[str, Any], *, instalments: Sequence[Any] = (),
                addons: Sequence[Any] = (), by: str | None = None) -> int:
    """Record a new deal (a target for the shortlist, a sale, a loan, a renewal); its id."""
    with database.transaction() as session:
        deal = create_deal_in(session, values, instalments=instalments, addons=addons, by=by or current_user())
        assert deal.id is not None
        return deal.id


def _apply(session: Session, deal: Deal, clean: dict[str, Any], schedule: Sequence[tuple[dt.date, int]] | None,
           extras: Sequence[dict[str, Any]] | None, by: str) -> int:
    """Check the merged deal and write its changes and (when given) its new schedule and add-ons."""
    assert deal.id is not None
    _check_signing_untouched(deal, clean)
    currency = club_currency(session)
    merged = _normalised({**stored_columns(deal), **clean}, currency)
    if merged.get("rate_ppm") != deal.rate_ppm:
        clean["rate_ppm"] = merged["rate_ppm"]
    current_schedule, current_extras = children_of(session, deal.id)
    check_deal(merged, current_schedule if schedule is None else schedule, currency)
    _check_references(session, clean)
    if schedule is not None or extras is not None:
        _write_children(session, deal.id, current_schedule if schedule is None else schedule,
                        current_extras if extras is None else extras)
    return update_versioned(session, Deal, deal.id, deal.version, clean, by)


def _check_signing_untouched(deal: Deal, clean: dict[str, Any]) -> None:
    """An edit neither signs nor un-signs, nor moves the squad place a signing set."""
    if "status" in clean:
        check_status_change(deal.status, clean["status"])
    if "membership_id" in clean and clean["membership_id"] != deal.membership_id:
        raise ValidationError("membership_id", "set_by_signing", tr("The squad place is set by signing the deal"))


@dataclass(frozen=True)
class DealEdit:
    """A change of a deal's fields (never its stage into or out of "signed"), and of its whole
    schedule and add-ons when given (None: kept)."""

    changes: dict[str, Any] = field(default_factory=dict)
    instalments: Sequence[Any] | None = None
    addons: Sequence[Any] | None = None

    def is_empty(self) -> bool:
        """Whether it changes nothing at all."""
        return not self.changes and self.instalments is None and self.addons is None


def edit_deal_in(session: Session, deal: Deal, edit: DealEdit, *, by: str) -> int:
    """Validate and write ``edit`` on a deal the caller locked, inside its transaction; the new version."""
    clean = validate_deal_values(edit.changes)
    schedule = None if edit.instalments is None else validate_instalments(edit.instalments)
    extras = None if edit.addons is None else validate_addons(edit.addons)
    return _apply(session, deal, clean, schedule, extras, by)


def update_deal(database: Database, deal_id: int, seen_version: int, changes: dict[str, Any], *,
                instalments: Sequence[Any] | None = None, addons: Sequence[Any] | None = None,
                by: str | None = None) -> int:
    """Change a deal the user saw at ``seen_version`` (its terms, status, schedule); the new version."""
    edit = DealEdit(changes, instalments, addons)
    with database.transaction() as session:
        deal = session.get(Deal, deal_id, with_for_update=True)
        if deal is None or deal.version != seen_version:
            raise StaleEdit(DEAL, deal_id, tr("Someone else changed this deal since you opened it; reload and try again"))
        return edit_deal_in(session, deal, edit, by=by or current_user())


def swap_deal(database: Database, deal_id: int, *, expected: dict[str, Any], new: dict[str, Any],
              version: int | None, by: str | None = None) -> int:
    """Undo or redo of a change: write the snapshot ``new`` only if the deal still holds
    ``expected`` (and this app's last version); the new version."""
    with database.transaction() as session:
        deal = session.get(Deal, deal_id, with_for_update=True)
        if deal is None or (version is not None and deal.version != version) \
                or deal_snapshot(session, deal_id) != expected:
            raise stale_row(DEAL, deal_id)
        columns = {k: v for k, v in new.items() if k not in CHILDREN and k != "id"}
        return _apply(session, deal, validate_deal_values(columns), new["instalments"], new["addons"],
                      by or current_user())


def remove_deal(database: Database, deal_id: int, *, expected: dict[str, Any], version: int) -> None:
    """Undo of "record a deal": delete it only if it still holds what was written, at this app's
    version, and nothing refers to it since (a scenario tick, a squad entry)."""
    with database.transaction() as session:
        deal = session.get(Deal, deal_id, with_for_update=True)
        if deal is None or deal.version != version or deal_snapshot(session, deal_id) != expected:
            raise stale_row(DEAL, deal_id)
        ticked = session.exec(select(ScenarioDeal.id).where(ScenarioDeal.deal_id == deal_id)).first()
        if ticked is not None or deal.membership_id is not None:
            raise StaleEdit(DEAL, deal_id, tr("Something refers to it now, so it was kept"))
        session.delete(deal)


def recreate_deal(database: Database, snapshot: dict[str, Any], *, by: str | None = None) -> int:
    """Redo of "record a deal" after its undo: the same deal under the same id (version 1)."""
    with database.transaction() as session:
        if session.get(Deal, snapshot["id"]) is not None:
            raise StaleEdit(DEAL, snapshot["id"], tr("Another row took its place since; not restored"))
        columns = {k: v for k, v in snapshot.items() if k not in CHILDREN}
        insert_checked(session, Deal(**{**columns, "version": 1, "updated_by": by or current_user()}))
        _write_children(session, snapshot["id"], snapshot["instalments"], snapshot["addons"])
        return 1


def terms_of(deal: Deal, instalments: Sequence[tuple[dt.date, int]]) -> DealTerms:
    """A stored deal as the budget's plain terms."""
    assert deal.id is not None
    return DealTerms(deal.id, deal.kind, deal.status, deal.starts_on, deal.contract_end, deal.fee_cents,
                     deal.rate_ppm, tuple(instalments), deal.annual_wage_cents, deal.wage_share_pct, deal.player_id)


def _check_deal_change(session: Session, current: Deal, clean: dict[str, Any]) -> None:
    assert current.id is not None
    _check_signing_untouched(current, clean)
    merged = {**stored_columns(current), **clean}
    check_deal(merged, children_of(session, current.id)[0], club_currency(session))


# How undo and redo write a deal's own columns (its status, priority, notes); see db.restoring.
DEAL_RESTORE = Restorable(Deal, lambda values, _as_of: validate_deal_values(values), _check_deal_change)
