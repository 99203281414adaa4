"""A match report's rules: eleven starters, substitutes within the limit, minutes that add up."""

from __future__ import annotations

import pytest

from db.domain.match_report import (
    LineRefused,
    ReportLine,
    ReportRules,
    check_report,
    in_order,
    match_length,
    minutes_played,
    season_totals,
)
from db.errors import ValidationError

NAMES = {n: f"Player {n}" for n in range(1, 30)}
RULES = ReportRules(substitutions=5)


def starters(**changes: ReportLine) -> list[ReportLine]:
    lines = {n: ReportLine(n, True) for n in range(1, 12)}
    lines.update({int(k[1:]): v for k, v in changes.items()})
    return list(lines.values())


def refused(lines: list[ReportLine], goals_for: int | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check_report(lines, RULES, NAMES, goals_for)
    return caught.value


def test_minutes_from_kick_off_or_coming_on_to_going_off_or_the_whistle() -> None:
    assert minutes_played(ReportLine(1, True)) == 90
    assert minutes_played(ReportLine(1, True, minute_off=63)) == 63
    assert minutes_played(ReportLine(2, False, minute_on=63)) == 27
    assert minutes_played(ReportLine(2, False, minute_on=63, minute_off=100), 120) == 37
    assert minutes_played(ReportLine(2, False, minute_on=100), 120) == 20


def test_a_plausible_report_passes() -> None:
    lines = starters(p9=ReportLine(9, True, minute_off=70, goals=2), p5=ReportLine(5, True, card="yellow"))
    lines.append(ReportLine(20, False, minute_on=70, goals=1))
    check_report(lines, RULES, NAMES, goals_for=3)


def test_eleven_starters_once_each() -> None:
    assert refused(starters()[:10]).field == "starters"
    twice = refused([*starters(), ReportLine(3, False, minute_on=60)])
    assert (twice.field, twice.code) == ("players", "twice") and "Player 3" in twice.message


def test_substitutes_need_a_minute_a_limit_and_someone_who_went_off() -> None:
    assert refused([*starters(), ReportLine(20, False)]).code == "missing"
    assert refused([*starters(p1=ReportLine(1, True, minute_off=60)), ReportLine(20, False, minute_on=95)]).code \
        == "range"
    no_room = refused([*starters(), ReportLine(20, False, minute_on=60)])
    assert no_room.code == "no_room"
    off = {f"p{n}": ReportLine(n, True, minute_off=60) for n in range(1, 7)}
    six = [*starters(**off), *(ReportLine(20 + n, False, minute_on=60) for n in range(6))]
    assert refused(six).code == "too_many"
    # A man sent off is not replaced: his minute off does not make room for a substitute.
    red = [*starters(p4=ReportLine(4, True, minute_off=30, card="red")), ReportLine(20, False, minute_on=31)]
    assert refused(red).code == "no_room"


def test_minutes_off_and_goals_must_fit() -> None:
    early = refused([*starters(p1=ReportLine(1, True, minute_off=60)), ReportLine(20, False, minute_on=60,
                                                                                 minute_off=50)])
    assert early.field == "minute_off" and "Player 20" in early.message
    assert refused(starters(p9=ReportLine(9, True, goals=3)), goals_for=2).field == "goals"
    assert refused(starters(p9=ReportLine(9, True, goals=-1))).field == "goals"
    assert refused(starters(p9=ReportLine(9, True, card="orange"))).field == "card"


def test_a_line_at_fault_names_its_player_for_the_dialog() -> None:
    late = refused([*starters(p1=ReportLine(1, True, minute_off=60)), ReportLine(20, False, minute_on=60,
                                                                                minute_off=50)])
    assert isinstance(late, LineRefused) and late.player_id == 20
    assert refused([*starters(), ReportLine(3, False, minute_on=60)]).player_id == 3  # type: ignore[attr-defined]
    assert not isinstance(refused(starters()[:10]), LineRefused)  # the report as a whole: no one player


def test_season_totals_add_each_reported_match_with_its_length() -> None:
    played = [(ReportLine(9, True), match_length(False)), (ReportLine(9, True, minute_off=100), match_length(True)),
              (ReportLine(20, False, minute_on=70), match_length(False))]
    assert season_totals(played) == {9: (2, 190), 20: (1, 20)}
    assert season_totals([]) == {}


def test_reports_saying_the_same_compare_equal_whatever_the_order() -> None:
    lines = starters()
    assert in_order(reversed(lines)) == in_order(lines) == tuple(lines)
