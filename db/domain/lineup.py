"""A matchday lineup as plain data, and the moves a coach makes on it. Pure Python.

``LineupState`` is the whole lineup of one fixture: the formation, who stands in each of its
eleven slots (``None`` for an empty one), the substitutes in order, the captain and whether it
is marked final. Every move returns a new state; undo keeps the one before and puts it back
exactly (``db.lineup.writes.swap_lineup``).

A spot is where a player can be put: ``Spot("slot", i)`` for the formation's slot ``i`` or
``Spot("bench", i)`` for the ``i``-th substitute (an index past the end adds to the bench).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from db.domain.formations import SLOTS, Slot, distance

SLOT, BENCH = "slot", "bench"


@dataclass(frozen=True, slots=True)
class Spot:
    """A place in the lineup: one of the eleven slots, or a place on the bench."""

    kind: str  # SLOT or BENCH
    index: int


@dataclass(frozen=True)
class LineupState:
    """Everything that makes a fixture's lineup; compared whole by undo."""

    formation_id: int
    starters: tuple[int | None, ...] = (None,) * SLOTS
    bench: tuple[int, ...] = ()
    captain_id: int | None = None
    final: bool = False

    @property
    def named(self) -> list[int]:
        """Every player on the sheet: starters in slot order, then the substitutes."""
        return [p for p in self.starters if p is not None] + list(self.bench)

    @property
    def is_empty(self) -> bool:
        """Nobody named."""
        return not self.named

    def spot_of(self, player_id: int) -> Spot | None:
        """Where a player is, if named."""
        if player_id in self.starters:
            return Spot(SLOT, self.starters.index(player_id))
        if player_id in self.bench:
            return Spot(BENCH, self.bench.index(player_id))
        return None

    def at(self, spot: Spot) -> int | None:
        """The player at a spot (None: empty or past the bench's end)."""
        if spot.kind == SLOT:
            return self.starters[spot.index] if 0 <= spot.index < len(self.starters) else None
        return self.bench[spot.index] if 0 <= spot.index < len(self.bench) else None


def _with(state: LineupState, starters: list[int | None], bench: list[int]) -> LineupState:
    """The state with new starters and bench; the captain stays only while he starts."""
    captain = state.captain_id if state.captain_id in starters else None
    return replace(state, starters=tuple(starters), bench=tuple(bench), captain_id=captain)


def remove(state: LineupState, player_id: int) -> LineupState:
    """The player taken off the sheet (back to the squad list)."""
    starters = [None if p == player_id else p for p in state.starters]
    return _with(state, starters, [p for p in state.bench if p != player_id])


def place(state: LineupState, player_id: int, spot: Spot) -> LineupState:
    """Put a player at a spot. From another spot of the lineup he swaps with whoever stands there;
    from the squad list he takes the place and its player goes back to the list. A bench index past
    the end adds him to the bench (the caller checks the bench's limit)."""
    starters, bench = list(state.starters), list(state.bench)
    origin = state.spot_of(player_id)
    if origin == spot:
        return state
    occupant = state.at(spot)
    if origin is not None:  # lift him out of his old spot first
        if origin.kind == SLOT:
            starters[origin.index] = None
        else:
            bench[origin.index] = -1  # a hole kept until the end, so bench indexes stay put
    if spot.kind == SLOT:
        starters[spot.index] = player_id
    elif spot.index < len(bench):
        bench[spot.index] = player_id
    else:
        bench.append(player_id)
    if occupant is not None and origin is not None:  # a swap: the occupant takes the old spot
        if origin.kind == SLOT:
            starters[origin.index] = occupant
        else:
            bench[origin.index] = occupant
    return _with(state, starters, [p for p in bench if p != -1])


def set_captain(state: LineupState, player_id: int | None) -> LineupState:
    """Make a starter captain (None: nobody)."""
    if player_id is not None and player_id not in state.starters:
        return state
    return replace(state, captain_id=player_id)


def clear(state: LineupState) -> LineupState:
    """Nobody named; the formation stays."""
    return replace(state, starters=(None,) * SLOTS, bench=(), captain_id=None)


# --- position fit ----------------------------------------------------------------------------------
NATURAL, SECONDARY, NEAR, FOREIGN = 3, 2, 1, 0
# Positions next to each other on the pitch: playing there is out of position, but not absurd.
_NEAR: dict[str, frozenset[str]] = {
    "RB": frozenset({"CB", "RW", "DM"}), "LB": frozenset({"CB", "LW", "DM"}),
    "CB": frozenset({"RB", "LB", "DM"}), "DM": frozenset({"CB", "CM"}),
    "CM": frozenset({"DM", "AM"}), "AM": frozenset({"CM", "RW", "LW", "ST"}),
    "RW": frozenset({"LW", "AM", "ST", "RB"}), "LW": frozenset({"RW", "AM", "ST", "LB"}),
    "ST": frozenset({"AM", "RW", "LW"}), "GK": frozenset(),
}


def position_fit(slot_position: str, primary: str | None, secondary: Sequence[str] = ()) -> int:
    """How well a player fits a slot: 3 his position, 2 one he also plays, 1 a neighbouring one,
    0 none (a goalkeeper outfield, an outfielder in goal, a striker at centre-back)."""
    if primary == slot_position:
        return NATURAL
    if slot_position in secondary:
        return SECONDARY
    if primary is not None and primary in _NEAR.get(slot_position, frozenset()):
        return NEAR
    return FOREIGN


def out_of_position(slot_position: str, primary: str | None, secondary: Sequence[str] = ()) -> bool:
    """Whether a player in this slot is playing neither his position nor one he also plays."""
    return position_fit(slot_position, primary, secondary) < SECONDARY


def remap(starters: Sequence[int | None], old: Sequence[Slot], new: Sequence[Slot],
          positions: Mapping[int, tuple[str | None, tuple[str, ...]]]) -> tuple[int | None, ...]:
    """The starters moved into another formation's slots: the best fits first (a player's fit to
    the new slot, then the shortest way from his old slot), so a full back stays a full back."""
    pairs = []
    for i, player in enumerate(starters):
        if player is None or i >= len(old):
            continue
        primary, secondary = positions.get(player, (None, ()))
        for j, slot in enumerate(new):
            pairs.append((-position_fit(slot.position, primary, secondary), distance(old[i], slot), i, j, player))
    pairs.sort(key=lambda p: p[:4])
    placed: list[int | None] = [None] * len(new)
    done: set[int] = set()
    for _fit, _way, i, j, player in pairs:
        if i in done or placed[j] is not None:
            continue
        placed[j] = player
        done.add(i)
    return tuple(placed)


def nearest_spot(spots: Mapping[Spot, tuple[float, float]], current: Spot, dx: int, dy: int) -> Spot:
    """The spot the arrow key (dx, dy) leads to from ``current``: the closest one lying in that
    direction (within 60° of it); ``current`` when none does. Places are in any common unit."""
    here = spots[current]
    best, best_score = current, math.inf
    for spot, (x, y) in spots.items():
        vx, vy = x - here[0], y - here[1]
        along = vx * dx + vy * dy
        if spot == current or along <= 0:
            continue
        across = abs(vx * dy - vy * dx)
        if across > along * math.tan(math.radians(60)):
            continue
        score = math.hypot(vx, vy) + across / 2
        if score < best_score:
            best, best_score = spot, score
    return best
