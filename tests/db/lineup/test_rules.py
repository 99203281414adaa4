"""The lineup's pure rules: formations as data, moves on a lineup, position fit, candidates and
the checklist (no database, no Qt)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from db.domain.availability import AVAILABLE, DOUBTFUL, INJURED, PRECAUTIONARY, Availability
from db.domain.formations import STANDARD_FORMATIONS, Slot, check_slots, parse_slots, slots_text
from db.domain.lineup import (
    BENCH,
    FOREIGN,
    NATURAL,
    NEAR,
    SECONDARY,
    SLOT,
    LineupState,
    Spot,
    clear,
    nearest_spot,
    out_of_position,
    place,
    position_fit,
    remap,
    remove,
    set_captain,
)
from db.domain.lineup_rules import (
    Candidate,
    SheetRules,
    best_available,
    checklist,
    is_complete,
    rank_candidates,
    refusal,
    refusal_with_suggestion,
    warnings,
)
from db.domain.text import short_names
from db.errors import ValidationError

ROOT = Path(__file__).resolve().parents[3]
F433 = STANDARD_FORMATIONS["4-3-3"]


def _migration_standard() -> dict[str, str]:
    path = ROOT / "db" / "migrations" / "versions" / "0004_lineup.py"
    spec = importlib.util.spec_from_file_location("lineup_migration", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STANDARD


def test_the_migration_seeds_exactly_the_standard_formations() -> None:
    seeded = _migration_standard()
    assert list(seeded) == list(STANDARD_FORMATIONS)
    assert {name: parse_slots(text) for name, text in seeded.items()} == STANDARD_FORMATIONS
    assert {"4-3-3", "4-4-2", "4-2-3-1", "4-1-4-1", "3-5-2", "3-4-3", "5-3-2"} <= set(seeded)


@pytest.mark.parametrize("name", list(STANDARD_FORMATIONS))
def test_every_standard_formation_is_valid(name: str) -> None:
    assert check_slots(STANDARD_FORMATIONS[name]) == STANDARD_FORMATIONS[name]
    assert parse_slots(slots_text(STANDARD_FORMATIONS[name])) == STANDARD_FORMATIONS[name]


@pytest.mark.parametrize(("slots", "code"), [
    (F433[:10], "not_eleven"),
    ((*F433, Slot("ST", 50, 5)), "not_eleven"),
    ((Slot("GK", 50, 80), *F433[1:10], Slot("GK", 50, 97)), "one_goalkeeper"),
    ((Slot("CB", 50, 92), *F433[1:]), "one_goalkeeper"),
    ((*F433[:10], Slot("LW", 20, 104)), "off_pitch"),
    ((*F433[:10], Slot("LW", -3, 24)), "off_pitch"),
    ((*F433[:10], Slot("XX", 20, 24)), "unknown_position"),
    ((*F433[:10], Slot("LW", 50, 18)), "overlap"),  # on the striker
    ((*F433[:10], Slot("LW", float("nan"), 24)), "malformed"),
    ((*F433[:10], ("LW", 20, 24)), "malformed"),
])
def test_a_bad_formation_is_refused(slots: tuple, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_slots(slots)
    assert refused.value.field == "slots" and refused.value.code == code


@pytest.mark.parametrize("text", ["", "not json", "[[1]]", '{"GK": 1}', '[["GK", "x", 2]]'])
def test_unreadable_slots_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_slots(text)


def test_place_takes_a_spot_and_swaps_within_the_lineup() -> None:
    state = LineupState(1)
    state = place(state, 1, Spot(SLOT, 0))
    state = place(state, 9, Spot(SLOT, 9))
    state = place(state, 13, Spot(BENCH, 5))  # past the end: added to the bench
    assert state.starters[0] == 1 and state.starters[9] == 9 and state.bench == (13,)
    swapped = place(state, 9, Spot(SLOT, 0))  # slot to slot: a swap
    assert swapped.starters[0] == 9 and swapped.starters[9] == 1
    to_bench = place(swapped, 9, Spot(BENCH, 0))  # onto a substitute: they swap too
    assert to_bench.bench == (9,) and to_bench.starters[0] == 13
    replaced = place(to_bench, 7, Spot(SLOT, 0))  # from the list: the occupant goes back to the list
    assert replaced.starters[0] == 7 and 13 not in replaced.named
    assert remove(replaced, 9).bench == ()
    assert place(replaced, 7, Spot(SLOT, 0)) is replaced


def test_the_captain_must_start() -> None:
    state = set_captain(place(LineupState(1), 10, Spot(SLOT, 6)), 10)
    assert state.captain_id == 10
    assert place(state, 10, Spot(BENCH, 0)).captain_id is None
    assert remove(state, 10).captain_id is None
    assert set_captain(remove(state, 10), 10).captain_id is None  # not a starter: unchanged
    assert clear(state) == LineupState(1)


def test_position_fit_and_out_of_position() -> None:
    assert position_fit("CB", "CB") == NATURAL
    assert position_fit("CB", "DM", ("CB",)) == SECONDARY
    assert position_fit("DM", "CM", ("AM",)) == NEAR
    assert position_fit("GK", "CB") == FOREIGN and position_fit("ST", "GK") == FOREIGN
    assert out_of_position("DM", "CM", ("AM",)) and not out_of_position("CB", "DM", ("CB",))


def test_remap_keeps_players_in_their_positions() -> None:
    positions = {1: ("GK", ()), 2: ("RB", ()), 3: ("CB", ()), 4: ("CB", ()), 5: ("LB", ()), 6: ("CM", ()),
                 7: ("DM", ()), 8: ("CM", ()), 9: ("RW", ()), 10: ("ST", ()), 11: ("LW", ())}
    starters = tuple(range(1, 12))
    f442 = STANDARD_FORMATIONS["4-4-2"]
    moved = remap(starters, F433, f442, positions)
    assert sorted(p for p in moved if p is not None) == list(range(1, 12))
    assert moved[:5] == (1, 2, 3, 4, 5)  # the goalkeeper and the back four stay
    assert moved[5] == 9 and moved[8] == 11  # the wingers go wide
    assert remap(moved, f442, F433, positions) == starters
    assert remap((1, *[None] * 10), F433, f442, positions) == (1, *[None] * 10)


def test_arrow_keys_lead_to_the_nearest_place_that_way() -> None:
    spots = {Spot(SLOT, i): (s.x, s.y) for i, s in enumerate(F433)}
    keeper, right_back = Spot(SLOT, 0), Spot(SLOT, 1)
    assert nearest_spot(spots, keeper, 0, -1) in (Spot(SLOT, 2), Spot(SLOT, 3))
    assert nearest_spot(spots, right_back, -1, 0) == Spot(SLOT, 2)
    assert nearest_spot(spots, keeper, 0, 1) == keeper  # nothing behind the goalkeeper


def _player(pid: int, name: str, primary: str, status: str = AVAILABLE, secondary: tuple[str, ...] = (),
            shirt: int | None = None, reason: str = "") -> Candidate:
    return Candidate(pid, name, name.split()[-1], shirt if shirt is not None else pid, primary, secondary,
                     Availability(status, reason, 50 if status in (DOUBTFUL, PRECAUTIONARY) else None))


SQUAD = [
    _player(1, "Thibaut Courtois", "GK"), _player(3, "Éder Militão", "CB", INJURED, ("RB",),
                                                  reason="ACL rupture, expected back 15–30 Jun"),
    _player(35, "Raúl Asencio", "CB", secondary=("RB",)), _player(14, "Aurélien Tchouaméni", "DM", secondary=("CB",)),
    _player(18, "Jesús Vallejo", "CB"), _player(5, "Jude Bellingham", "AM", PRECAUTIONARY, ("CM",),
                                                reason="Precautionary rest (load management)"),
    _player(19, "Dani Ceballos", "CM", DOUBTFUL, ("DM",), reason="Sprain"), _player(10, "Luka Modrić", "CM", secondary=("AM",)),
]
PLAYERS = {p.player_id: p for p in SQUAD}


def test_candidates_can_play_first_then_by_fit() -> None:
    ranked = rank_candidates(F433[2], SQUAD, LineupState(1))  # a centre-back slot
    names = [c.short_name for c in ranked]
    assert names[:3] == ["Vallejo", "Asencio", "Tchouaméni"]  # his position (by shirt), then plays there too
    assert names.index("Ceballos") > names.index("Courtois")  # a doubt after every fit player
    assert names[-1] == "Militão"  # cannot play: last, whatever his fit
    state = LineupState(1, (None, None, 18, *[None] * 8))
    assert best_available(F433[2], SQUAD, state).short_name == "Asencio"  # Vallejo already starts


def test_refusal_names_the_player_the_reason_and_the_best_available() -> None:
    militao = PLAYERS[3]
    assert refusal(militao) == "Militão: ACL rupture, expected back 15–30 Jun"
    text = refusal_with_suggestion(militao, F433[2], SQUAD, LineupState(1))
    assert text == "Militão: ACL rupture, expected back 15–30 Jun. Best available for CB: Vallejo"


def test_checklist_and_warnings() -> None:
    rules = SheetRules(23, 12)
    assert rules.bench_size == 12 and SheetRules(16, 9).bench_size == 5
    empty = checklist(LineupState(1), F433, PLAYERS, rules)
    assert [c.ok for c in empty] == [False, False, True, True, False, True]
    assert empty[0].detail == "0 of 11 named" and not is_complete(empty)
    outfield_keeper = LineupState(1, (35, *[None] * 10))
    assert checklist(outfield_keeper, F433, PLAYERS, rules)[1].detail == "Asencio is not a goalkeeper"
    state = LineupState(1, (1, None, 35, 14, None, None, 10, None, None, None, None), (5, 19, 3), captain_id=10)
    checks = {c.key: c for c in checklist(state, F433, PLAYERS, rules)}
    assert checks["goalkeeper"].ok and checks["captain"].ok and not checks["eleven"].ok
    assert not checks["available"].ok and "Militão" in checks["available"].detail
    full = LineupState(1, tuple(range(100, 111)), tuple(range(200, 213)))
    assert not {c.key: c for c in checklist(full, F433, PLAYERS, rules)}["bench"].ok
    twice = LineupState(1, (1, *[None] * 10), (1,))
    assert not {c.key: c for c in checklist(twice, F433, PLAYERS, rules)}["once"].ok
    marks = {(w.player_id, w.kind) for w in warnings(state, F433, PLAYERS)}
    assert marks == {(5, PRECAUTIONARY), (19, DOUBTFUL), (10, "position")}  # Modrić at DM


def test_short_names_tell_namesakes_apart() -> None:
    names = short_names(["Fran García", "Gonzalo García", "Vinícius Júnior", "Endrick"])
    assert names == {"Fran García": "F. García", "Gonzalo García": "G. García", "Vinícius Júnior": "Vinícius",
                     "Endrick": "Endrick"}
