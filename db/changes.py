"""What a write changed, by kind of row: the notice every screen listens to after a commit.

The kinds are the table names, listed here once. A ``Change`` maps each kind to the ids of the rows
written; an empty set of ids means "any row of this kind" (reload them all), which is what a
refused undo or a whole-table refresh announces. Plain Python: the data layer and the desktop's
change bus share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

CLUB = "club"
SEASON = "season"
COMPETITION = "competition"
SETTING = "setting"
PLAYER = "player"
MEMBERSHIP = "squad_membership"
INJURY = "injury"
FIXTURE = "fixture"

KINDS: frozenset[str] = frozenset({CLUB, SEASON, COMPETITION, SETTING, PLAYER, MEMBERSHIP, INJURY, FIXTURE})


@dataclass(frozen=True)
class Change:
    """Row ids per kind; an empty id set stands for every row of that kind."""

    ids_by_kind: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.ids_by_kind) - KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")

    @classmethod
    def of(cls, kind: str, ids: Iterable[int]) -> Change:
        """Rows of one kind."""
        return cls({kind: frozenset(ids)})

    @classmethod
    def everything(cls, kinds: Iterable[str]) -> Change:
        """Every row of these kinds (screens reload what they show of them)."""
        return cls({kind: frozenset() for kind in kinds})

    def merged(self, other: Change) -> Change:
        """Both changes in one notice; "every row" absorbs any ids of the same kind."""
        merged = dict(self.ids_by_kind)
        for kind, ids in other.ids_by_kind.items():
            if kind in merged:
                merged[kind] = frozenset() if not ids or not merged[kind] else merged[kind] | ids
            else:
                merged[kind] = ids
        return Change(merged)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of row this change touched."""
        return frozenset(self.ids_by_kind)

    def touches(self, *kinds: str) -> bool:
        """Whether any of ``kinds`` changed."""
        return any(kind in self.ids_by_kind for kind in kinds)

    def ids(self, kind: str) -> frozenset[int] | None:
        """The changed ids of ``kind``: None if untouched, an empty set for "every row"."""
        return self.ids_by_kind.get(kind)

    def is_everything(self, kind: str) -> bool:
        """Whether every row of ``kind`` must be re-read."""
        return kind in self.ids_by_kind and not self.ids_by_kind[kind]
