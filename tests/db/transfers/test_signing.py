"""Signing is the only way into or out of "signed", on both engines: a target gets his squad place,
a renewal renews the contract (and the budget counts the new wage instead of the old), a sale
lets the player go (his wage and his purchase's amortisation stop), and each is taken back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import select

from db.domain.budget import season_budget
from db.domain.deals import INBOUND
from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.opening import open_database
from db.squad.models import Player, SquadMembership
from db.transfers.models import Deal
from db.transfers.queries import budget_inputs, deal_terms, seasons, shortlist
from db.transfers.signing import place_snapshot, sign_deal, unsign_deal
from db.transfers.writes import DealEdit, create_deal, read_snapshot, swap_deal, update_deal
from tests.helpers import AS_OF, squad_ids

MILLION = 100_000_000
MAC, ALABA, ENDRICK = "Alexis Mac Allister", "David Alaba", "Endrick"  # Alaba: 22.5m a year to June 2026


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    opened = open_database(demo_target)
    yield opened
    opened.close()


def player_id(database: Database, name: str) -> int:
    with database.reading() as session:
        found = session.exec(select(Player.id).where(Player.name == name)).one()
        assert found is not None
        return found


def deal_of(database: Database, name: str, kind: str = "purchase") -> Deal:
    with database.reading() as session:
        found = session.exec(select(Deal).join(Player, Player.id == Deal.player_id)  # type: ignore[arg-type]
                             .where(Player.name == name, Deal.kind == kind)).first()
        assert found is not None
        return found


def place_of(database: Database, name: str) -> SquadMembership:
    club_id, _season_id, _squad = squad_ids(database)
    with database.reading() as session:
        found = session.exec(select(SquadMembership).where(SquadMembership.player_id == player_id(database, name),
                                                           SquadMembership.club_id == club_id)).one()
        return found


def budget(database: Database, label: str = "2025/26") -> Any:
    club_id, season_id, _ = squad_ids(database)
    with database.reading() as session:
        span = next(s for s in seasons(session) if s.label == label)
        inputs = budget_inputs(session, club_id=club_id, season_id=season_id, span=span)
        terms = list(deal_terms(session).values())
    return season_budget(terms, span, settings=inputs.settings, squad=inputs.contracts)


def agreed(database: Database, name: str, kind: str, **values: Any) -> tuple[int, int]:
    deal_id = create_deal(database, {"kind": kind, "player_id": player_id(database, name), "deal_date": AS_OF,
                                     "starts_on": dt.date(2025, 7, 1), **values})
    return deal_id, update_deal(database, deal_id, 1, {"status": "agreed"})


def test_a_status_edit_neither_signs_nor_unsigns(demo: Database) -> None:
    mac = deal_of(demo, MAC)
    assert mac.id is not None
    version = update_deal(demo, mac.id, mac.version, {"status": "agreed"})
    with pytest.raises(ValidationError) as refused:
        update_deal(demo, mac.id, version, {"status": "signed"})
    assert (refused.value.field, refused.value.code) == ("status", "sign_it")
    assert deal_of(demo, MAC).status == "agreed" and deal_of(demo, MAC).membership_id is None
    with pytest.raises(ValidationError) as new:
        create_deal(demo, {"kind": "purchase", "player_id": player_id(demo, MAC), "deal_date": AS_OF,
                           "starts_on": dt.date(2026, 1, 15), "status": "signed"})
    assert new.value.field == "status"
    signed = sign_deal(demo, mac.id, version)
    with pytest.raises(ValidationError) as out:
        update_deal(demo, mac.id, signed.deal_version, {"status": "dropped"})
    assert (out.value.field, out.value.code) == ("status", "unsign_it")
    before = read_snapshot(demo, mac.id)
    with pytest.raises(ValidationError):
        swap_deal(demo, mac.id, expected=before, new={**before, "status": "dropped"}, version=signed.deal_version)
    with pytest.raises(ValidationError) as moved:
        update_deal(demo, mac.id, signed.deal_version, {"membership_id": place_of(demo, ALABA).id})
    assert moved.value.field == "membership_id"
    # taking the signing back, straight to "dropped": the place goes with it, in one transaction
    unsign_deal(demo, mac.id, version=signed.deal_version, status="dropped")
    with demo.reading() as session:
        assert session.get(SquadMembership, signed.membership_id) is None
        deal = session.get(Deal, mac.id)
        assert deal is not None and (deal.status, deal.membership_id) == ("dropped", None)


def test_a_renewal_replaces_the_old_wage_and_signing_it_renews_the_contract(demo: Database) -> None:
    assert budget(demo).squad_cost.wages == 2_250_000_000
    deal_id, version = agreed(demo, ALABA, "renewal", contract_end=dt.date(2027, 6, 30),
                              annual_wage_cents=12 * MILLION)
    counted = budget(demo)
    assert counted.wages.committed == 12 * MILLION
    assert counted.squad_cost.wages == 12 * MILLION  # not 22.5m + 12m: the new wage replaces the old
    signed = sign_deal(demo, deal_id, version)
    place = place_of(demo, ALABA)
    assert (place.id, place.contract_end, place.annual_wage_cents) == (
        signed.membership_id, dt.date(2027, 6, 30), 12 * MILLION)
    assert signed.before == {"contract_end": dt.date(2026, 6, 30), "annual_wage_cents": 2_250_000_000}
    assert budget(demo).squad_cost.wages == 12 * MILLION
    with pytest.raises(ValidationError) as unknown:  # outside its undo the old contract is not known
        unsign_deal(demo, deal_id, version=signed.deal_version)
    assert unknown.value.code == "contract_unknown"
    snapshot, place_version = place_snapshot(demo, signed.membership_id)
    unsign_deal(demo, deal_id, version=signed.deal_version, membership=snapshot, membership_version=place_version,
                restore=signed.before)
    place = place_of(demo, ALABA)
    assert (place.contract_end, place.annual_wage_cents) == (dt.date(2026, 6, 30), 2_250_000_000)
    assert deal_of(demo, ALABA, "renewal").status == "agreed"


def test_a_renewal_is_signed_only_with_its_end_and_only_for_one_of_ours(demo: Database) -> None:
    deal_id, version = agreed(demo, ALABA, "renewal")
    with pytest.raises(ValidationError) as refused:
        sign_deal(demo, deal_id, version)
    assert refused.value.field == "contract_end"
    stranger, at = agreed(demo, MAC, "renewal", contract_end=dt.date(2027, 6, 30))
    with pytest.raises(ValidationError) as theirs:
        sign_deal(demo, stranger, at)
    assert theirs.value.field == "player_id"


def test_a_sale_stops_his_wage_and_signing_it_lets_him_go(demo: Database) -> None:
    deal_id, version = agreed(demo, ALABA, "sale", starts_on=dt.date(2026, 1, 1), fee_cents=5 * MILLION)
    result = budget(demo)
    assert result.squad_cost.wages == 1_125_000_000  # July to December only
    assert (result.wages.incoming, result.fees.incoming) == (1_125_000_000, 5 * MILLION)
    signed = sign_deal(demo, deal_id, version)
    place = place_of(demo, ALABA)
    assert (place.left_on, place.left_reason) == (dt.date(2026, 1, 1), "transfer")
    assert budget(demo).squad_cost.wages == 1_125_000_000  # the same once he is let go
    unsign_deal(demo, deal_id, version=signed.deal_version)  # outside undo: his leaving is known
    assert place_of(demo, ALABA).left_on is None


def test_after_his_sale_a_purchase_is_no_longer_amortised(demo: Database) -> None:
    assert budget(demo).squad_cost.amortisation == 1_166_666_666  # Endrick: 35m over three years
    agreed(demo, ENDRICK, "sale", fee_cents=40 * MILLION)
    result = budget(demo)
    assert result.squad_cost.amortisation == 0 and result.fees.incoming == 40 * MILLION
    assert budget(demo, "2024/25").squad_cost.amortisation == 1_166_666_667


def test_an_untouched_place_is_required_to_take_a_signing_back(demo: Database) -> None:
    deal_id, version = agreed(demo, ALABA, "sale", fee_cents=5 * MILLION)
    signed = sign_deal(demo, deal_id, version)
    snapshot, place_version = place_snapshot(demo, signed.membership_id)
    from db.squad.writes import update_membership

    update_membership(demo, signed.membership_id, place_version, {"left_reason": "other"})
    with pytest.raises(StaleEdit):
        unsign_deal(demo, deal_id, version=signed.deal_version, membership=snapshot, membership_version=place_version)
    with pytest.raises(StaleEdit):
        unsign_deal(demo, deal_id, version=signed.deal_version)


def test_the_shortlist_lists_sales_loans_and_renewals_too(demo: Database) -> None:
    agreed(demo, ALABA, "renewal", contract_end=dt.date(2027, 6, 30))
    with demo.reading() as session:
        window = next(s for s in seasons(session) if s.label == "2025/26")
        every = {(r.name, r.kind) for r in shortlist(session, as_of=AS_OF, window=window)}
        targets = {(r.name, r.kind) for r in shortlist(session, as_of=AS_OF, window=window, kinds=INBOUND)}
    assert (ALABA, "renewal") in every and (ALABA, "renewal") not in targets and len(every) == len(targets) + 1


def test_an_edit_and_its_signing_are_one_transaction(demo: Database) -> None:
    deal_id, version = agreed(demo, ALABA, "renewal")
    before = read_snapshot(demo, deal_id)
    with pytest.raises(ValidationError) as refused:  # the edit is refused: nothing signed, nothing renewed
        sign_deal(demo, deal_id, version, edit=DealEdit({"contract_end": dt.date(2024, 6, 30)}))
    assert refused.value.field == "contract_end"
    assert read_snapshot(demo, deal_id) == before and place_of(demo, ALABA).contract_end == dt.date(2026, 6, 30)
    signed = sign_deal(demo, deal_id, version, edit=DealEdit({"contract_end": dt.date(2028, 6, 30),
                                                              "annual_wage_cents": 15 * MILLION, "priority": 1}))
    assert signed.deal_version == version + 2
    place = place_of(demo, ALABA)
    assert (place.contract_end, place.annual_wage_cents) == (dt.date(2028, 6, 30), 15 * MILLION)
    snapshot, place_version = place_snapshot(demo, signed.membership_id)
    with pytest.raises(ValidationError):  # a bad edit keeps the signing as it was
        unsign_deal(demo, deal_id, version=signed.deal_version, membership=snapshot, membership_version=place_version,
                    restore=signed.before, edit=DealEdit({"fee_cents": -1}))
    assert deal_of(demo, ALABA, "renewal").status == "signed"
    unsign_deal(demo, deal_id, version=signed.deal_version, membership=snapshot, membership_version=place_version,
                restore=signed.before, status="bid",
                edit=DealEdit({"contract_end": None, "annual_wage_cents": None, "priority": None}))
    assert read_snapshot(demo, deal_id) == {**before, "status": "bid"}
    assert place_of(demo, ALABA).contract_end == dt.date(2026, 6, 30)
