"""Signing a deal, the only way into or out of "signed": each kind settles the player's squad place
in the same transaction as the deal's status.

- a purchase or loan in gives him a new place in our squad for the season he joins;
- a renewal gives his current place the new contract's end and wage;
- a sale or loan out marks him as leaving our squad on the day he moves.

Taking a signing back (``unsign_deal``) undoes that place's change only while nobody touched it
since, and moves the deal to the stage asked for (agreed by default). Either may carry an edit of
the deal's other fields (the deal's dialog), written in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from db.changes import DEAL, MEMBERSHIP
from db.domain.deals import INBOUND, OUTBOUND, annual_wage
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.reference.models import Club, Season
from db.reference.queries import OUR_CLUB, get_setting
from db.restoring import holds, rows_referring_to, stale_row, stored_columns
from db.squad.models import SquadMembership
from db.squad.validation import validate_membership_values
from db.squad.writes import MEMBERSHIP_FIELDS, add_membership, check_membership_change
from db.transfers.models import Deal
from db.transfers.writes import DealEdit, children_of, edit_deal_in, terms_of
from db.versioning import update_versioned

UNSIGNED_STAGES = ("scouting", "bid", "agreed", "dropped")


@dataclass(frozen=True, slots=True)
class Signing:
    """What a signing wrote: the squad place and the versions it left, the place's fields as they
    were before (None: the place is new) and as the signing left them (with its id)."""

    membership_id: int
    deal_version: int
    membership_version: int
    before: dict[str, Any] | None
    place: dict[str, Any]


def _season_of(session: Session, day: dt.date) -> Season:
    season = session.exec(select(Season).where(Season.starts_on <= day, Season.ends_on >= day)).first()
    if season is None:
        raise ValidationError("starts_on", "no_season", tr("No season holds {d}: add that season first", d=day.isoformat()))
    return season


def _our_club(session: Session) -> int:
    our_club = get_setting(session, OUR_CLUB)
    if not our_club:
        raise ValidationError("club_id", "no_club", tr("Set up our club before signing anyone"))
    return int(our_club)


def current_place(session: Session, player_id: int, club_id: int) -> SquadMembership | None:
    """The player's latest place in our squad that he has not left."""
    return session.exec(select(SquadMembership).join(Season, col(Season.id) == col(SquadMembership.season_id))
                        .where(SquadMembership.player_id == player_id, SquadMembership.club_id == club_id,
                               col(SquadMembership.left_on).is_(None))
                        .order_by(col(Season.starts_on).desc()).with_for_update()).first()


def _new_place(session: Session, deal: Deal, club_id: int, place: dict[str, Any] | None, membership_id: int | None,
               by: str) -> SquadMembership:
    season = _season_of(session, deal.starts_on)
    seller = session.get(Club, deal.club_id) if deal.club_id else None
    schedule, _ = children_of(session, deal.id or 0)
    values = {k: v for k, v in place.items() if k in MEMBERSHIP_FIELDS} if place is not None else {
        "squad_role": "loan_in" if deal.kind == "loan_in" else "first_team",
        "joined_on": deal.starts_on, "contract_start": deal.starts_on, "contract_end": deal.contract_end,
        "annual_wage_cents": annual_wage(terms_of(deal, schedule)), "previous_club": seller.name if seller else None}
    return add_membership(session, player_id=deal.player_id, club_id=club_id, season_id=season.id or 0,
                          values=values, by=by, membership_id=membership_id)


def _place_change(session: Session, deal: Deal) -> dict[str, Any]:
    """What signing a renewal, a sale or a loan out writes on his current place."""
    if deal.kind in OUTBOUND:
        return {"left_on": deal.starts_on, "left_reason": "transfer" if deal.kind == "sale" else "loan_out"}
    if deal.contract_end is None:
        raise ValidationError("contract_end", "missing", tr("Set when the renewed contract ends before signing it"))
    change: dict[str, Any] = {"contract_end": deal.contract_end}
    wage = annual_wage(terms_of(deal, children_of(session, deal.id or 0)[0]))
    if wage is not None:
        change["annual_wage_cents"] = wage
    return change


def sign_deal(database: Database, deal_id: int, seen_version: int, *, membership_id: int | None = None,
              place: dict[str, Any] | None = None, from_status: str = "agreed", edit: DealEdit | None = None,
              by: str | None = None) -> Signing:
    """Sign an agreed deal (at ``from_status`` when undo brings a signing back): the deal becomes
    signed, pointing at the squad place it settled. ``membership_id`` and ``place`` bring back a
    place an undo took away, under its id and with its fields; ``edit`` is written first."""
    by = by or current_user()
    with database.transaction() as session:
        deal = session.get(Deal, deal_id, with_for_update=True)
        if deal is None or deal.version != seen_version:
            raise StaleEdit(DEAL, deal_id, tr("Someone else changed this deal since you opened it; reload and try again"))
        if edit is not None and not edit.is_empty():
            edit_deal_in(session, deal, edit, by=by)
            session.refresh(deal)
        if deal.status != from_status:
            raise ValidationError("status", "not_agreed", tr("Only an agreed deal can be signed"))
        club_id = _our_club(session)
        before: dict[str, Any] | None = None
        if deal.kind in INBOUND:
            row = _new_place(session, deal, club_id, place, membership_id, by)
            membership_version = row.version
        else:
            found = current_place(session, deal.player_id, club_id)
            if found is None:
                raise ValidationError("player_id", "not_ours", tr(
                    "He has no place in our squad now, so there is no contract to renew or player to let go"))
            row = found
            change = validate_membership_values(_place_change(session, deal))
            before = {key: getattr(row, key) for key in change}
            check_membership_change(session, row, change)
            assert row.id is not None
            membership_version = update_versioned(session, SquadMembership, row.id, row.version, change, by)
        assert row.id is not None
        version = update_versioned(session, Deal, deal_id, deal.version, {"status": "signed", "membership_id": row.id},
                                   by)
        session.flush()
        session.refresh(row)
        return Signing(row.id, version, membership_version, before, {"id": row.id, **stored_columns(row)})


def unsign_deal(database: Database, deal_id: int, *, version: int, membership: dict[str, Any] | None = None,
                membership_version: int | None = None, restore: dict[str, Any] | None = None,
                status: str = "agreed", edit: DealEdit | None = None, by: str | None = None) -> int:
    """Take a signing back: a new place goes (only while it has no history), a renewed or left
    place gets back ``restore`` (its fields before the signing); the deal moves to ``status``, and
    ``edit`` is written then. ``membership`` and ``membership_version`` are the place as this
    app's signing left it (undo); without them the place is taken as it is now. Returns the
    deal's new version."""
    if status not in UNSIGNED_STAGES:
        raise ValidationError("status", "unknown", tr("That is not a deal status Dugout knows"))
    with database.transaction() as session:
        deal = session.get(Deal, deal_id, with_for_update=True)
        if deal is None or deal.version != version or deal.status != "signed" or deal.membership_id is None \
                or (membership is not None and deal.membership_id != membership["id"]):
            raise stale_row(DEAL, deal_id)
        row = session.get(SquadMembership, deal.membership_id, with_for_update=True)
        if row is None or (membership_version is not None and row.version != membership_version) \
                or (membership is not None and not holds(row, {k: v for k, v in membership.items() if k != "id"})):
            raise stale_row(DEAL, deal_id)
        by = by or current_user()
        if deal.kind in INBOUND:
            if rows_referring_to(session, MEMBERSHIP, deal.membership_id, ignore={(DEAL, deal_id)}):
                raise StaleEdit(DEAL, deal_id, tr("The player has history in the squad now; mark him as left instead"))
        else:
            _restore_place(session, deal, row, restore, by)
        new_version = update_versioned(session, Deal, deal_id, version, {"status": status, "membership_id": None}, by)
        if deal.kind in INBOUND:
            session.delete(row)
        if edit is not None and not edit.is_empty():
            session.flush()
            session.refresh(deal)
            new_version = edit_deal_in(session, deal, edit, by=by)
        return new_version


def _restore_place(session: Session, deal: Deal, row: SquadMembership, restore: dict[str, Any] | None,
                   by: str) -> None:
    if restore is None and deal.kind in OUTBOUND:
        if not holds(row, _place_change(session, deal)):
            raise StaleEdit(MEMBERSHIP, row.id or 0, tr(
                "His squad place changed since the signing; change it in the squad list instead"))
        restore = {"left_on": None, "left_reason": None}
    if restore is None:
        raise ValidationError("status", "contract_unknown", tr(
            "His contract before the renewal is not recorded, so this signing can only be taken back by Undo "
            "right after it; change his contract in the squad list instead"))
    change = validate_membership_values(restore)
    check_membership_change(session, row, change)
    assert row.id is not None
    update_versioned(session, SquadMembership, row.id, row.version, change, by)


def place_snapshot(database: Database, membership_id: int) -> tuple[dict[str, Any], int]:
    """A squad place's fields (with its id) and version, read together; refused when it is gone."""
    with database.reading() as session:
        row = session.get(SquadMembership, membership_id)
        if row is None:
            raise stale_row(MEMBERSHIP, membership_id)
        return {"id": membership_id, **stored_columns(row)}, row.version
