"""What a write changed, by kind of row: the notice every screen listens to after a commit.

The kinds are the table names, listed here once. A ``Change`` maps each kind to the ids of the rows
written, or to ``EVERY_ROW`` when the rows are not known one by one (a refused undo, a whole-table
refresh): screens then re-read all they show of that kind. Plain Python: the data layer and the
desktop's change bus share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

CLUB = "club"
SEASON = "season"
COMPETITION = "competition"
SETTING = "setting"
PLAYER = "player"
MEMBERSHIP = "squad_membership"
INJURY = "injury"
FIXTURE = "fixture"
BOOKING = "booking"
SUSPENSION = "suspension"
ABSENCE = "absence"
REGISTRATION = "registration"
DEAL = "deal"  # a deal with its instalments and add-ons
SCENARIO = "scenario"
SCENARIO_DEAL = "scenario_deal"
SEASON_BUDGET = "season_budget"
CONTRACT_TERMS = "contract_terms"
FORMATION = "formation"
LINEUP = "lineup"
APPEARANCE = "appearance"  # a match report's lines

KINDS: frozenset[str] = frozenset({
    CLUB, SEASON, COMPETITION, SETTING, PLAYER, MEMBERSHIP, INJURY, FIXTURE, BOOKING, SUSPENSION, ABSENCE,
    REGISTRATION, DEAL, SCENARIO, SCENARIO_DEAL, SEASON_BUDGET, CONTRACT_TERMS, FORMATION, LINEUP,
    APPEARANCE,
})
EVERY_ROW = None  # in place of a set of ids: every row of that kind


class Change:
    """Row ids per kind (``EVERY_ROW`` for all rows of a kind); immutable."""

    __slots__ = ("_ids",)

    def __init__(self, ids_by_kind: Mapping[str, Iterable[int] | None] | None = None) -> None:
        ids = {kind: None if rows is EVERY_ROW else frozenset(rows) for kind, rows in (ids_by_kind or {}).items()}
        unknown = set(ids) - KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        self._ids: Mapping[str, frozenset[int] | None] = MappingProxyType(ids)

    @classmethod
    def of(cls, kind: str, ids: Iterable[int]) -> Change:
        """These rows of one kind (none at all is a change that touches nothing)."""
        rows = frozenset(ids)
        return cls({kind: rows}) if rows else cls()

    @classmethod
    def everything(cls, kinds: Iterable[str]) -> Change:
        """Every row of these kinds (screens reload what they show of them)."""
        return cls(dict.fromkeys(kinds, EVERY_ROW))

    def merged(self, other: Change) -> Change:
        """Both changes in one notice; "every row" absorbs any ids of the same kind."""
        merged: dict[str, frozenset[int] | None] = dict(self._ids)
        for kind, ids in other._ids.items():
            if kind not in merged:
                merged[kind] = ids
            else:
                mine = merged[kind]
                merged[kind] = None if mine is None or ids is None else mine | ids
        return Change(merged)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of row this change touched."""
        return frozenset(self._ids)

    def touches(self, *kinds: str) -> bool:
        """Whether any of ``kinds`` changed."""
        return any(kind in self._ids for kind in kinds)

    def ids(self, kind: str) -> frozenset[int]:
        """The changed ids of ``kind`` (empty when untouched or when every row changed: ask
        ``is_everything``)."""
        return self._ids.get(kind) or frozenset()

    def is_everything(self, kind: str) -> bool:
        """Whether every row of ``kind`` must be re-read."""
        return kind in self._ids and self._ids[kind] is None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Change) and dict(self._ids) == dict(other._ids)

    def __hash__(self) -> int:
        return hash(frozenset(self._ids.items()))

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}: {'every row' if v is None else sorted(v)}" for k, v in sorted(self._ids.items()))
        return f"Change({parts})"
