"""A league table from results and the competition's rules. Pure Python: no session, no Qt.

Clubs are ordered by points, then by the competition's tie-breakers in their stored order.
Head-to-head criteria (``h2h_*``) are worked out as a mini-league among *all* the clubs tied at
that point, using only the matches between them. When a run of head-to-head criteria splits the
tied clubs but leaves a smaller group still level, the criteria start again from the top for that
group alone (its own mini-league), as LaLiga's regulations and UEFA's do. When the head-to-head
run cannot separate a group at all, the next criterion (overall goal difference, …) decides.

A head-to-head criterion only counts once every match among the tied clubs has been played: while
one of them is still to come (``pending``), LaLiga ranks level clubs by the criteria after it.
Clubs level on everything are listed by name, so the order never depends on the input's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from db.errors import ValidationError
from db.i18n import tr, tr_noop

# Tie-breakers a competition may list, in any order (stored comma-separated).
TIEBREAKERS: dict[str, str] = {
    "h2h_points": tr_noop("Head-to-head points"),
    "h2h_goal_difference": tr_noop("Head-to-head goal difference"),
    "h2h_goals_for": tr_noop("Head-to-head goals scored"),
    "h2h_away_goals_for": tr_noop("Head-to-head away goals"),
    "goal_difference": tr_noop("Goal difference"),
    "goals_for": tr_noop("Goals scored"),
    "wins": tr_noop("Matches won"),
    "away_goals_for": tr_noop("Away goals scored"),
}
DEFAULT_TIEBREAKERS = ("goal_difference", "goals_for")
POINTS_RANGE = (0, 10)  # points for a win or a draw


@dataclass(frozen=True, slots=True)
class Result:
    """One match as the table needs it: home and away club ids, goals (None: not played yet)."""

    home: int
    away: int
    home_goals: int | None
    away_goals: int | None
    kickoff: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class TableRules:
    """Points for a win and a draw, and the tie-breakers after points, in order."""

    win: int = 3
    draw: int = 1
    tiebreakers: tuple[str, ...] = DEFAULT_TIEBREAKERS


@dataclass(frozen=True, slots=True)
class Standing:
    """A club's line in the table."""

    position: int
    club_id: int
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    points: int

    @property
    def goal_difference(self) -> int:
        """Goals scored minus goals conceded."""
        return self.goals_for - self.goals_against


def parse_tiebreakers(text: str | Sequence[str] | None, field: str = "table_tiebreakers") -> tuple[str, ...]:
    """Tie-breakers from 'h2h_points, goal_difference' (or a list); unknown or repeated ones refused."""
    if text is None or text == "":
        return ()
    items = [p.strip() for p in (text.split(",") if isinstance(text, str) else text)]
    seen: list[str] = []
    for item in items:
        if item not in TIEBREAKERS:
            raise ValidationError(field, "unknown", tr("'{t}' is not a tie-breaker Dugout knows ({known})",
                                                       t=item, known=", ".join(TIEBREAKERS)))
        if item in seen:
            raise ValidationError(field, "repeated", tr("The tie-breaker '{t}' is listed twice", t=item))
        seen.append(item)
    return tuple(seen)


class _Line:
    """Running totals of one club, overall or within a mini-league."""

    __slots__ = ("played", "won", "drawn", "lost", "goals_for", "goals_against", "away_goals", "points")

    def __init__(self) -> None:
        self.played = self.won = self.drawn = self.lost = 0
        self.goals_for = self.goals_against = self.away_goals = self.points = 0

    def add(self, scored: int, conceded: int, away: bool, rules: TableRules) -> None:
        self.played += 1
        self.goals_for += scored
        self.goals_against += conceded
        if away:
            self.away_goals += scored
        if scored > conceded:
            self.won += 1
            self.points += rules.win
        elif scored == conceded:
            self.drawn += 1
            self.points += rules.draw
        else:
            self.lost += 1


def _totals(results: Iterable[Result], clubs: Iterable[int], rules: TableRules) -> dict[int, _Line]:
    lines = {club: _Line() for club in clubs}
    for match in results:
        assert match.home_goals is not None and match.away_goals is not None
        lines[match.home].add(match.home_goals, match.away_goals, False, rules)
        lines[match.away].add(match.away_goals, match.home_goals, True, rules)
    return lines


_VALUE: dict[str, Callable[[_Line], int]] = {
    "points": lambda line: line.points,
    "goal_difference": lambda line: line.goals_for - line.goals_against,
    "goals_for": lambda line: line.goals_for,
    "wins": lambda line: line.won,
    "away_goals_for": lambda line: line.away_goals,
}


def _criterion_value(name: str) -> Callable[[_Line], int]:
    return _VALUE[name.removeprefix("h2h_")]


class _Ranker:
    """Orders tied groups; holds the played results and the pairs still to play."""

    def __init__(self, played: list[Result], pending: set[frozenset[int]], overall: dict[int, _Line],
                 rules: TableRules, names: Mapping[int, str]) -> None:
        self.played, self.pending, self.overall, self.rules, self.names = played, pending, overall, rules, names
        self.by_club: dict[int, list[Result]] = {}
        for match in played:
            self.by_club.setdefault(match.home, []).append(match)
            self.by_club.setdefault(match.away, []).append(match)

    def _mini_league(self, group: list[int]) -> dict[int, _Line] | None:
        """Totals of the matches among ``group`` alone; None while one of them is still to play."""
        members = set(group)
        if any(pair <= members for pair in self.pending):
            return None
        among = {id(m): m for club in group for m in self.by_club.get(club, ())
                 if m.home in members and m.away in members}
        return _totals(among.values(), group, self.rules)

    def rank(self, group: list[int], start: int = 0) -> list[int]:
        """``group`` (level on points) in table order, from criterion ``start`` on."""
        criteria = self.rules.tiebreakers
        if len(group) < 2:
            return group
        i = start
        while i < len(criteria):
            head_to_head = criteria[i].startswith("h2h_")
            end = i + 1
            while head_to_head and end < len(criteria) and criteria[end].startswith("h2h_"):
                end += 1
            lines = self._mini_league(group) if head_to_head else self.overall
            if lines is None:  # head to head not complete yet: the criteria after the run decide
                i = end
                continue
            values = [_criterion_value(name) for name in criteria[i:end]]
            keys = {club: tuple(value(lines[club]) for value in values) for club in group}
            if len(set(keys.values())) == 1:
                i = end
                continue
            ordered: list[int] = []
            for key in sorted(set(keys.values()), reverse=True):
                tied = [club for club in group if keys[club] == key]
                # A smaller group still level starts its own mini-league from the first criterion.
                ordered += self.rank(tied, 0 if head_to_head else end)
            return ordered
        return sorted(group, key=lambda club: (self.names.get(club, ""), club))


def league_standings(results: Iterable[Result], rules: TableRules, *, before: dt.datetime | None = None,
                     clubs: Iterable[int] = (), names: Mapping[int, str] | None = None) -> list[Standing]:
    """The table of a league from its matches: those with a score that kicked off before ``before``
    (all of them when None) count; the rest are still to play. ``clubs`` adds clubs without a
    match yet; ``names`` orders clubs level on everything."""
    played: list[Result] = []
    pending: set[frozenset[int]] = set()
    everyone: dict[int, None] = dict.fromkeys(clubs)
    for match in results:
        everyone.setdefault(match.home)
        everyone.setdefault(match.away)
        counts = match.home_goals is not None and match.away_goals is not None and (
            before is None or match.kickoff is None or match.kickoff < before)
        if counts:
            played.append(match)
        else:
            pending.add(frozenset((match.home, match.away)))
    overall = _totals(played, everyone, rules)
    ranker = _Ranker(played, pending, overall, rules, names or {})
    by_points: dict[int, list[int]] = {}
    for club, line in overall.items():
        by_points.setdefault(line.points, []).append(club)
    order: list[int] = []
    for points in sorted(by_points, reverse=True):
        order += ranker.rank(by_points[points])
    table = []
    for position, club in enumerate(order, start=1):
        line = overall[club]
        table.append(Standing(position, club, line.played, line.won, line.drawn, line.lost, line.goals_for,
                              line.goals_against, line.points))
    return table
