"""Lineup writes on the demo season, on SQLite and PostgreSQL: every change one compare-and-swap
transaction, refusals that change nothing (a player who cannot play, another club's player, a
stale lineup, a full bench, a final lineup), undo back to exactly the earlier lineup, formations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlmodel import select

from db.calendar.queries import fixture_on
from db.domain.formations import STANDARD_FORMATIONS, Slot
from db.domain.lineup import BENCH, SLOT, LineupState, Spot, place, set_captain
from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.lineup.models import Formation, Lineup
from db.lineup.queries import formations, lineup_facts, previous_lineup, read_lineup
from db.lineup.writes import create_formation, swap_lineup
from db.opening import open_database
from db.restoring import recreate, remove_created, restorable, stored_columns
from db.squad.models import Player
from tests.helpers import AS_OF, squad_ids

CELTA_DAY = dt.date(2025, 5, 4)


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    database = open_database(demo_target)
    yield database
    database.close()


@pytest.fixture
def ids(demo: Database) -> dict[str, int]:
    club_id, _season, players = squad_ids(demo)
    with demo.reading() as session:
        celta = fixture_on(session, club_id=club_id, day=CELTA_DAY)
        mac_allister = session.exec(select(Player).where(Player.name == "Alexis Mac Allister")).one().id
    assert celta is not None
    return {"club": club_id, "celta": celta.fixture_id, "mac_allister": mac_allister, **players}


def stored(demo: Database, ids: dict[str, int]):
    with demo.reading() as session:
        default = next(f.formation_id for f in formations(session) if f.name == "4-3-3")
        return read_lineup(session, ids["celta"], default)


def swap(demo: Database, ids: dict[str, int], after: LineupState, *, expected: LineupState | None = None,
         version: int | None = None) -> int:
    current = stored(demo, ids)
    _id, new = swap_lineup(demo, club_id=ids["club"], fixture_id=ids["celta"],
                           expected=expected if expected is not None else current.state, state=after,
                           version=current.version if version is None else version, as_of=AS_OF)
    return new


def test_the_demo_ships_a_lineup_for_celta_that_respects_the_injuries(demo: Database, ids: dict[str, int]) -> None:
    saved = stored(demo, ids)
    state = saved.state
    assert saved.version == 1 and len([p for p in state.starters if p]) == 11 and len(state.bench) == 12
    assert state.starters[0] == ids["Thibaut Courtois"] and state.captain_id == ids["Luka Modrić"]
    assert ids["Jude Bellingham"] in state.bench and ids["Dani Ceballos"] in state.bench
    with demo.reading() as session:
        facts = lineup_facts(session, club_id=ids["club"], fixture_id=ids["celta"], as_of=AS_OF)
    assert all(facts.player(p).can_play for p in state.named)
    assert facts.rules.bench_size == 12 and facts.fixture.opponent == "Celta"


def test_militao_is_refused_with_his_injury_and_nothing_changes(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    after = place(before.state, ids["Éder Militão"], Spot(SLOT, 2))
    with pytest.raises(ValidationError) as refused:
        swap(demo, ids, after)
    assert refused.value.code == "unavailable"
    assert refused.value.message.startswith("Militão: ACL rupture") and "15–30 Jun" in refused.value.message
    assert stored(demo, ids) == before


def test_bellingham_may_start_while_resting_as_a_precaution(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    after = place(before.state, ids["Jude Bellingham"], Spot(SLOT, 7))
    assert swap(demo, ids, after) == before.version + 1
    assert stored(demo, ids).state.starters[7] == ids["Jude Bellingham"]


def test_another_clubs_player_is_refused(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    with pytest.raises(ValidationError) as refused:
        swap(demo, ids, place(before.state, ids["mac_allister"], Spot(SLOT, 5)))
    assert refused.value.code == "not_ours" and "Mac Allister" in refused.value.message
    assert stored(demo, ids) == before


def test_a_stale_lineup_is_refused(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    swap(demo, ids, set_captain(before.state, ids["Federico Valverde"]))  # another user, first
    with pytest.raises(StaleEdit):
        swap(demo, ids, set_captain(before.state, ids["Kylian Mbappé"]), expected=before.state,
             version=before.version)
    with pytest.raises(StaleEdit):  # the right version but not what is there
        swap(demo, ids, before.state, expected=set_captain(before.state, ids["Kylian Mbappé"]))
    assert stored(demo, ids).state.captain_id == ids["Federico Valverde"]


def test_the_bench_keeps_the_competitions_limit(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    full = replace(before.state, bench=(*before.state.bench, ids["Diego Aguado"]))
    with pytest.raises(ValidationError) as refused:
        swap(demo, ids, full)
    assert refused.value.code == "full" and "12" in refused.value.message


@pytest.mark.parametrize("bad", [
    lambda s, i: replace(s, starters=s.starters[:10]),
    lambda s, i: replace(s, bench=(*s.bench[:11], s.starters[3])),
    lambda s, i: replace(s, captain_id=s.bench[0]),
    lambda s, i: replace(s, formation_id=9999),
    lambda s, i: replace(s, bench=(*s.bench[:11], 987654)),
])
def test_malformed_lineups_are_refused(demo: Database, ids: dict[str, int], bad) -> None:
    before = stored(demo, ids)
    with pytest.raises(ValidationError):
        swap(demo, ids, bad(before.state, ids))
    assert stored(demo, ids) == before


def test_a_final_lineup_is_locked_until_unlocked(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    final = replace(before.state, final=True)
    swap(demo, ids, final)
    with pytest.raises(ValidationError) as refused:
        swap(demo, ids, replace(final, captain_id=ids["Kylian Mbappé"]))
    assert refused.value.code == "locked" and "Celta" in refused.value.message
    swap(demo, ids, before.state)  # unlocking
    assert stored(demo, ids).state == before.state


def test_an_incomplete_lineup_cannot_be_marked_final(demo: Database, ids: dict[str, int]) -> None:
    before = stored(demo, ids)
    no_captain = replace(before.state, captain_id=None)
    swap(demo, ids, no_captain)
    with pytest.raises(ValidationError) as refused:
        swap(demo, ids, replace(no_captain, final=True))
    assert refused.value.code == "incomplete" and "captain" in refused.value.message
    with pytest.raises(ValidationError):  # marking final and changing players in one go
        swap(demo, ids, replace(before.state, final=True, captain_id=ids["Kylian Mbappé"]))


def test_undoing_a_sequence_returns_exactly_the_earlier_lineup(demo: Database, ids: dict[str, int]) -> None:
    first = stored(demo, ids)
    states = [first.state]
    moves = [
        lambda s: place(s, ids["Jude Bellingham"], Spot(SLOT, 7)),
        lambda s: place(s, ids["Rodrygo"], Spot(SLOT, 10)),  # a swap with Vinícius
        lambda s: place(s, ids["Kylian Mbappé"], Spot(BENCH, 0)),
        lambda s: set_captain(s, ids["Federico Valverde"]),
        lambda s: replace(s, formation_id=2),
    ]
    for move in moves:
        states.append(move(states[-1]))
        swap(demo, ids, states[-1])
    assert stored(demo, ids).state == states[-1]
    for earlier, later in zip(reversed(states[:-1]), reversed(states[1:]), strict=True):
        swap(demo, ids, earlier, expected=later)
    back = stored(demo, ids)
    assert back.state == first.state and back.version == first.version + 2 * len(moves)


def test_the_first_save_of_a_match_makes_its_lineup(demo: Database, ids: dict[str, int]) -> None:
    with demo.reading() as session:
        later = fixture_on(session, club_id=ids["club"], day=dt.date(2025, 5, 11))
        assert later is not None
        facts = lineup_facts(session, club_id=ids["club"], fixture_id=later.fixture_id, as_of=AS_OF)
    assert facts.stored.lineup_id is None and facts.stored.version == 0 and facts.stored.state.is_empty
    after = place(facts.stored.state, ids["Thibaut Courtois"], Spot(SLOT, 0))
    with pytest.raises(StaleEdit):  # a version nobody saw
        swap_lineup(demo, club_id=ids["club"], fixture_id=later.fixture_id, expected=facts.stored.state,
                    state=after, version=3, as_of=AS_OF)
    lineup_id, version = swap_lineup(demo, club_id=ids["club"], fixture_id=later.fixture_id,
                                     expected=facts.stored.state, state=after, version=0, as_of=AS_OF)
    assert version == 1
    with pytest.raises(StaleEdit):  # a second first save
        swap_lineup(demo, club_id=ids["club"], fixture_id=later.fixture_id, expected=facts.stored.state,
                    state=after, version=0, as_of=AS_OF)
    with demo.reading() as session:
        found = previous_lineup(session, club_id=ids["club"], fixture=facts.fixture)
        assert found is not None and found[0].opponent == "Celta"
        assert session.get(Lineup, lineup_id).fixture_id == later.fixture_id


def test_a_fixture_of_another_club_is_refused(demo: Database, ids: dict[str, int]) -> None:
    state = stored(demo, ids).state
    with pytest.raises(ValidationError):
        swap_lineup(demo, club_id=ids["club"] + 1, fixture_id=ids["celta"], expected=state, state=state,
                    version=1, as_of=AS_OF)


def test_formations_are_seeded_saved_and_taken_out_again(demo: Database, ids: dict[str, int]) -> None:
    with demo.reading() as session:
        names = [f.name for f in formations(session)]
    assert names[:7] == list(STANDARD_FORMATIONS)
    moved = (Slot("GK", 50, 92), *STANDARD_FORMATIONS["4-3-3"][1:8], Slot("RW", 86, 30),
             *STANDARD_FORMATIONS["4-3-3"][9:])
    formation_id = create_formation(demo, name="4-3-3 wide", slots=moved)
    with pytest.raises(ValidationError) as taken:
        create_formation(demo, name="4-3-3 wide", slots=moved)
    assert taken.value.field == "name"
    with pytest.raises(ValidationError):
        create_formation(demo, name="ten men", slots=moved[:10])
    with pytest.raises(ValidationError):
        create_formation(demo, name="off", slots=(*moved[:10], Slot("LW", 20, 120)))
    with demo.reading() as session:
        values = stored_columns(session.get(Formation, formation_id))
    used = swap(demo, ids, replace(stored(demo, ids).state, formation_id=formation_id))
    expected = {k: v for k, v in values.items() if k != "id"}
    with pytest.raises(StaleEdit):  # a lineup uses it: kept
        remove_created(demo, "formation", formation_id, expected=expected, version=1)
    swap(demo, ids, replace(stored(demo, ids).state, formation_id=1), version=used)
    remove_created(demo, "formation", formation_id, expected=expected, version=1)
    assert recreate(demo, "formation", values) == 1
    assert restorable("formation").model is Formation
