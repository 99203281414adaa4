"""Squad depth on a day: per position group, how many first-team players can play, against the
minimum the club wants (GK 2, CB 3 … by default; a club setting)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from db.i18n import tr_noop

# Position group -> the fine positions in it, in the order the board lists them.
POSITION_GROUPS: dict[str, tuple[str, ...]] = {
    "GK": ("GK",), "CB": ("CB",), "FB": ("RB", "LB"), "MF": ("DM", "CM", "AM"), "W": ("RW", "LW"), "ST": ("ST",),
}
GROUP_NAMES = {
    "GK": tr_noop("Goalkeepers"), "CB": tr_noop("Centre-backs"), "FB": tr_noop("Full-backs"),
    "MF": tr_noop("Midfielders"), "W": tr_noop("Wingers"), "ST": tr_noop("Strikers"),
}
# The four lines a team sheet reads in, built from the groups above.
LINES: dict[str, tuple[str, ...]] = {"GK": ("GK",), "DF": ("CB", "FB"), "MF": ("MF",), "FW": ("W", "ST")}
LINE_NAMES = {"GK": tr_noop("Goalkeepers"), "DF": tr_noop("Defenders"), "MF": tr_noop("Midfielders"),
              "FW": tr_noop("Forwards")}
DEFAULT_MINIMUMS: dict[str, int] = {"GK": 2, "CB": 3, "FB": 2, "MF": 4, "W": 2, "ST": 2}
MINIMUMS_SETTING = "depth_minimums"


@dataclass(frozen=True, slots=True)
class DepthPlayer:
    """What depth needs of a squad member: name, role, positions and whether he can play that day."""

    name: str
    squad_role: str
    primary_position: str | None
    secondary_positions: tuple[str, ...]
    can_play: bool


@dataclass(frozen=True)
class DepthLine:
    """One group: first-team players who can play of all in it, the minimum, and academy cover."""

    group: str
    available: int
    total: int
    minimum: int
    cover: tuple[str, ...]

    @property
    def alert(self) -> bool:
        """Fewer first-team players can play than the club wants."""
        return self.available < self.minimum


def group_of(position: str | None) -> str | None:
    """The group a fine position belongs to."""
    return next((group for group, members in POSITION_GROUPS.items() if position in members), None)


def line_of(position: str | None) -> str | None:
    """The line (GK, DF, MF, FW) a fine position plays in."""
    group = group_of(position)
    return next((line for line, groups in LINES.items() if group in groups), None)


def depth_on(players: Iterable[DepthPlayer], minimums: Mapping[str, int] | None = None) -> list[DepthLine]:
    """Per group, first-team players counted by their primary position; academy players who can
    play there (first or other position) are listed as cover, not counted."""
    wanted = {**DEFAULT_MINIMUMS, **(minimums or {})}
    squad = list(players)
    lines = []
    for group, members in POSITION_GROUPS.items():
        first_team = [p for p in squad if p.squad_role != "academy" and p.primary_position in members]
        cover = tuple(p.name for p in squad if p.squad_role == "academy" and p.can_play
                      and (p.primary_position in members or any(s in members for s in p.secondary_positions)))
        lines.append(DepthLine(group, sum(p.can_play for p in first_team), len(first_team), wanted[group], cover))
    return lines


def read_minimums(stored: str | None) -> dict[str, int]:
    """The club's minimums from their setting (missing or unreadable: the defaults)."""
    try:
        loaded = json.loads(stored) if stored else {}
    except ValueError:
        return dict(DEFAULT_MINIMUMS)
    if not isinstance(loaded, dict):
        return dict(DEFAULT_MINIMUMS)
    clean = {k: v for k, v in loaded.items() if k in POSITION_GROUPS and isinstance(v, int) and 0 <= v <= 30}
    return {**DEFAULT_MINIMUMS, **clean}
