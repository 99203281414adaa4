"""Recording injuries, cards, bans and absences: bad input is refused by field, nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import col, func, select

from db.calendar.models import Fixture
from db.engine import Database
from db.errors import ValidationError
from db.medical.models import Booking, Injury, Suspension
from db.medical.writes import mark_injured, record, update_injury
from db.opening import open_database
from db.reference.models import Competition
from db.reference.queries import OUR_CLUB, get_setting
from db.squad.models import Player

MAY_2 = dt.date(2025, 5, 2)


@pytest.fixture
def demo(demo_target: str):
    database = open_database(demo_target)
    yield database
    database.close()


def _ids(database: Database, name: str) -> int:
    with database.reading() as session:
        player = session.exec(select(Player).where(Player.name == name)).one()
        assert player.id is not None
        return player.id


def _count(database: Database, model: type) -> int:
    with database.reading() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _refused(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value


@pytest.mark.parametrize(("values", "field"), [
    ({"kind": "Hamstring strain", "started_on": "2025-05-02", "returned_on": "2025-05-01", "status": "recovered"},
     "returned_on"),
    ({"kind": "Hamstring strain", "started_on": "2025-05-02", "expected_return_earliest": "2025-05-20",
      "expected_return_latest": "2025-05-10"}, "expected_return_latest"),
    ({"kind": "Hamstring strain", "started_on": "2025-05-02", "expected_return_earliest": "2025-04-20"},
     "expected_return_earliest"),
    ({"kind": "", "started_on": "2025-05-02"}, "kind"),
    ({"kind": "Knock", "started_on": "2025-05-02", "chance_of_playing": 60}, "chance_of_playing"),
    ({"kind": "Knock", "started_on": "2025-05-02", "status": "recovered"}, "returned_on"),
])
def test_bad_injuries_are_refused_by_field(demo: Database, values: dict, field: str) -> None:
    before = _count(demo, Injury)
    assert _refused(mark_injured, demo, _ids(demo, "Luka Modrić"), values).field == field
    assert _count(demo, Injury) == before


def test_a_second_open_injury_of_the_same_kind_is_refused(demo: Database) -> None:
    militao = _ids(demo, "Éder Militão")
    refusal = _refused(mark_injured, demo, militao, {"kind": "acl rupture with damage to both menisci",
                                                     "started_on": "2025-05-01"})
    assert refusal.field == "kind" and "already has an open injury" in refusal.message
    other = mark_injured(demo, militao, {"kind": "Hamstring strain", "started_on": "2025-05-01"})
    assert other > 0


def test_phases_move_and_resolving_needs_the_return_day(demo: Database) -> None:
    injury_id = mark_injured(demo, _ids(demo, "Luka Modrić"), {"kind": "Calf strain", "started_on": "2025-05-01",
                                                               "expected_return_earliest": "2025-05-20"})
    version = update_injury(demo, injury_id, 1, {"status": "rehab"})
    assert _refused(update_injury, demo, injury_id, version, {"status": "recovered"}).field == "returned_on"
    update_injury(demo, injury_id, version, {"status": "recovered", "returned_on": "2025-05-18"})
    with demo.reading() as session:
        injury = session.get(Injury, injury_id)
        assert injury is not None and (injury.status, injury.returned_on) == ("recovered", dt.date(2025, 5, 18))


def test_a_ban_of_no_matches_and_a_card_outside_the_squad_are_refused(demo: Database) -> None:
    with demo.reading() as session:
        liga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one()
        ours = int(get_setting(session, OUR_CLUB) or 0)  # the demo stores the whole league: one of ours
        fixture = session.exec(select(Fixture).where(Fixture.competition_id == liga.id, Fixture.club_id == ours)).first()
        assert fixture is not None and liga.id is not None
    modric, mac_allister = _ids(demo, "Luka Modrić"), _ids(demo, "Alexis Mac Allister")
    bans, cards = _count(demo, Suspension), _count(demo, Booking)
    for matches in (0, -2):
        refusal = _refused(record, demo, "suspension", player_id=modric, competition_id=liga.id,
                           values={"matches": matches, "starts_on": MAY_2, "reason": "Dissent"})
        assert refusal.field == "matches"
    refusal = _refused(record, demo, "booking", player_id=mac_allister, fixture_id=fixture.id,
                       values={"card": "yellow"})
    assert refusal.field == "player_id" and "was not in the squad" in refusal.message
    assert (_count(demo, Suspension), _count(demo, Booking)) == (bans, cards)
    assert record(demo, "booking", player_id=modric, fixture_id=fixture.id, values={"card": "yellow"}) > 0


def test_the_squad_of_a_late_kick_off_abroad_is_the_one_of_its_local_day(demo: Database) -> None:
    """Salzburg at the Club World Cup kicks off at 21:00 in New York on 26 Jun, 01:00 UTC on 27 Jun:
    a player whose squad place ended on the 26th was in that match's squad."""
    from db.squad.models import SquadMembership

    modric = _ids(demo, "Luka Modrić")
    with demo.transaction() as session:
        fixture = session.exec(select(Fixture).where(col(Fixture.external_id).like("%Club World Cup%Salzburg%"))).one()
        membership = session.exec(select(SquadMembership).where(SquadMembership.player_id == modric,
                                                                SquadMembership.season_id == fixture.season_id)).one()
        membership.left_on, membership.left_reason = dt.date(2025, 6, 26), "contract_expired"
        session.add(membership)
        fixture_id = fixture.id
    record(demo, "booking", player_id=modric, fixture_id=fixture_id, values={"card": "yellow"}, by="test")
    with demo.reading() as session:
        assert session.exec(select(Booking).where(Booking.fixture_id == fixture_id,
                                                  Booking.player_id == modric)).one().card == "yellow"
