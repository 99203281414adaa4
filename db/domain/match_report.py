"""A match report's rules in plain Python: who started, who came on and when, goals and cards, and
the minutes each player played (no session, no Qt: the dialog and the data layer both call these)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from db.domain.vocab import CARDS
from db.errors import ValidationError
from db.i18n import tr

STARTERS = 11
REGULAR_TIME = 90
EXTRA_TIME = 120
MAX_GOALS = 20  # one player's goals in one match: the CHECK and the dialog's spin box take it from here
SENT_OFF = ("red", "second_yellow")


class LineRefused(ValidationError):
    """A report refused because of one player's line: ``player_id`` says whose (the dialog marks his row)."""

    def __init__(self, player_id: int, field: str, code: str, message: str) -> None:
        super().__init__(field, code, message)
        self.player_id = player_id


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One player who took part: a starter, or a substitute who came on at ``minute_on``; the
    minute he went off (substituted, injured, sent off), his goals, his card and whether he was hurt."""

    player_id: int
    started: bool
    minute_on: int | None = None
    minute_off: int | None = None
    goals: int = 0
    card: str | None = None
    injured: bool = False


@dataclass(frozen=True, slots=True)
class ReportRules:
    """What the competition allows and how long the match was."""

    substitutions: int
    length: int = REGULAR_TIME  # 120 after extra time


def match_length(extra_time: bool) -> int:
    """How many minutes a match lasted: 90, or 120 after extra time (stoppage time is not counted)."""
    return EXTRA_TIME if extra_time else REGULAR_TIME


def in_order(lines: Iterable[ReportLine]) -> tuple[ReportLine, ...]:
    """A report's lines in one order (by player), so two reports compare equal when they say the same."""
    return tuple(sorted(lines, key=lambda line: line.player_id))


def season_totals(played: Iterable[tuple[ReportLine, int]]) -> dict[int, tuple[int, int]]:
    """Appearances and minutes per player over reported matches, given each line with its match's length."""
    totals: dict[int, tuple[int, int]] = {}
    for line, length in played:
        apps, minutes = totals.get(line.player_id, (0, 0))
        totals[line.player_id] = (apps + 1, minutes + minutes_played(line, length))
    return totals


def minutes_played(line: ReportLine, length: int = REGULAR_TIME) -> int:
    """Minutes on the pitch: from kick-off or coming on, to going off or the final whistle."""
    start = 0 if line.started else (line.minute_on or 0)
    end = line.minute_off if line.minute_off is not None else length
    return max(0, end - start)


def check_report(lines: Sequence[ReportLine], rules: ReportRules, names: Mapping[int, str],
                 goals_for: int | None = None) -> None:
    """Refuse a report that cannot have happened, naming the field and the player at fault:
    eleven starters, each player once, substitutes within the competition's limit and on after
    kick-off, nobody off before he came on, goals and cards that add up."""

    def who(line: ReportLine) -> str:
        return names.get(line.player_id, f"#{line.player_id}")

    seen: set[int] = set()
    for line in lines:
        if line.player_id in seen:
            raise LineRefused(line.player_id, "players", "twice", tr("{p} is in the report twice", p=who(line)))
        seen.add(line.player_id)
    starters = [line for line in lines if line.started]
    if len(starters) != STARTERS:
        raise ValidationError("starters", "count", tr("A report needs 11 starters, not {n}", n=len(starters)))
    substitutes = [line for line in lines if not line.started]
    if len(substitutes) > rules.substitutions:
        raise ValidationError("substitutes", "too_many", tr(
            "{n} substitutes came on; the competition allows {m}", n=len(substitutes), m=rules.substitutions))
    for line in lines:
        _check_minutes(line, rules.length, who(line))
        if line.goals < 0 or line.goals > MAX_GOALS:
            raise LineRefused(line.player_id, "goals", "range", tr(
                "{p}: goals must be between 0 and {n}", p=who(line), n=MAX_GOALS))
        if line.card is not None and line.card not in CARDS:
            raise LineRefused(line.player_id, "card", "unknown", tr("{p}: that is not a card", p=who(line)))
    went_off = sum(1 for line in lines if line.minute_off is not None and line.card not in SENT_OFF)
    if len(substitutes) > went_off:
        raise ValidationError("substitutes", "no_room", tr(
            "{n} came on but only {m} went off: give the minute each replaced player left",
            n=len(substitutes), m=went_off))
    if goals_for is not None and sum(line.goals for line in lines) > goals_for:
        raise ValidationError("goals", "too_many", tr(
            "The report gives {n} goals; the result says we scored {m}",
            n=sum(line.goals for line in lines), m=goals_for))


def _check_minutes(line: ReportLine, length: int, name: str) -> None:
    if line.started and line.minute_on is not None:
        raise LineRefused(line.player_id, "minute_on", "starter", tr("{p} started: he did not come on", p=name))
    if not line.started:
        if line.minute_on is None:
            raise LineRefused(line.player_id, "minute_on", "missing", tr("{p}: give the minute he came on", p=name))
        if not 1 <= line.minute_on <= length:
            raise LineRefused(line.player_id, "minute_on", "range", tr(
                "{p}: came on in minute {m}, outside the match's {n} minutes", p=name, m=line.minute_on, n=length))
    if line.minute_off is not None:
        first = 1 if line.started else (line.minute_on or 0) + 1
        if not first <= line.minute_off <= length:
            raise LineRefused(line.player_id, "minute_off", "range", tr(
                "{p}: went off in minute {m}; it must be between {a} and {b}",
                p=name, m=line.minute_off, a=first, b=length))


# What a match report depends on in its fixture: changing one of these while a report is saved
# would leave the report (its minutes, its goals, the season it counts in) saying something else.
REPORTED_FIXTURE_FIELDS = ("goals_for", "goals_against", "extra_time", "status", "season_id", "competition_id",
                           "club_id", "opponent_id")


def report_bound_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The columns of ``after`` (a fixture's changed columns) that a saved report depends on: the
    result, extra time, status, season, competition, the clubs, and a kick-off on another day (in
    the zone the match is played in; the time of day may move)."""
    changed = [name for name in REPORTED_FIXTURE_FIELDS if name in after and after[name] != before.get(name)]
    if "kickoff_utc" in after and before.get("kickoff_utc") is not None and after["kickoff_utc"] is not None:
        zone = ZoneInfo(str(after.get("timezone") or before.get("timezone") or "UTC"))
        if after["kickoff_utc"].astimezone(zone).date() != before["kickoff_utc"].astimezone(zone).date():
            changed.append("kickoff_utc")
    return changed
