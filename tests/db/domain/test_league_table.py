"""The pure league table: points, tie-breakers as data, head-to-head mini-leagues done right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from db.demo import DEMO_DIR
from db.domain.known_competitions import LALIGA_TIEBREAKERS
from db.domain.league_table import Result, TableRules, league_standings, parse_tiebreakers
from db.errors import ValidationError

LALIGA = TableRules(3, 1, LALIGA_TIEBREAKERS)
PREMIER = TableRules(3, 1, ("goal_difference", "goals_for"))
A, B, C, D = 1, 2, 3, 4
NAMES = {A: "A", B: "B", C: "C", D: "D"}
DATA = Path(__file__).resolve().parents[2] / "data" / "openfootball"


def order(results: list[Result], rules: TableRules, **kwargs) -> list[int]:
    return [s.club_id for s in league_standings(results, rules, names=NAMES, **kwargs)]


def test_points_goals_and_lines_are_counted() -> None:
    table = league_standings([Result(A, B, 2, 0), Result(B, C, 1, 1), Result(C, A, 3, 1)], LALIGA, names=NAMES)
    line = {s.club_id: s for s in table}
    assert (line[A].played, line[A].won, line[A].lost, line[A].goals_for, line[A].goals_against) == (2, 1, 1, 3, 3)
    assert (line[B].points, line[C].points, line[C].goal_difference) == (1, 4, 2)
    assert [s.position for s in table] == [1, 2, 3]
    assert table[0].club_id == C


def test_points_per_result_are_the_competitions() -> None:
    results = [Result(A, B, 1, 0), Result(C, D, 0, 0), Result(C, A, 0, 0), Result(D, B, 0, 0)]
    two_points = TableRules(2, 1, PREMIER.tiebreakers)
    assert {s.club_id: s.points for s in league_standings(results, two_points)} == {A: 3, B: 1, C: 2, D: 2}


def test_two_clubs_level_head_to_head_beats_goal_difference_in_laliga_not_in_the_premier_league() -> None:
    # A and B on 7 points: B took four points of six from their meetings, A has the better goal difference.
    results = [Result(B, A, 1, 0), Result(A, B, 0, 0), Result(A, C, 4, 0), Result(C, A, 0, 4), Result(B, C, 1, 0),
               Result(C, B, 1, 0)]
    line = {s.club_id: s for s in league_standings(results, LALIGA)}
    assert (line[A].points, line[B].points, line[A].goal_difference, line[B].goal_difference) == (7, 7, 7, 1)
    assert order(results, LALIGA) == [B, A, C]
    assert order(results, PREMIER) == [A, B, C]


def test_a_still_level_pair_starts_its_own_mini_league() -> None:
    """A, B and C level on points; among the three, A is last and B and C are level on head-to-head
    points and goal difference. Restarting with B and C alone, C won their meetings: C above B,
    although B scored more goals overall (which decides if the three-way run is just continued)."""
    among = [Result(A, B, 1, 2), Result(A, C, 1, 0), Result(B, A, 1, 0), Result(B, C, 2, 2), Result(C, A, 2, 1),
             Result(C, B, 2, 1)]
    against_d = [Result(A, D, 1, 0), Result(D, A, 0, 1), Result(B, D, 3, 3), Result(D, B, 3, 3),
                 Result(C, D, 0, 0), Result(D, C, 0, 0)]
    table = league_standings(among + against_d, LALIGA, names=NAMES)
    assert {s.club_id: s.points for s in table} == {A: 9, B: 9, C: 9, D: 4}
    assert {s.club_id: s.goal_difference for s in table}[B] == {s.club_id: s.goal_difference for s in table}[C]
    assert [s.club_id for s in table] == [C, B, A, D]


def test_head_to_head_waits_until_the_tied_clubs_have_played_each_other_twice() -> None:
    played = [Result(B, A, 1, 0), Result(A, C, 4, 0), Result(C, A, 0, 4), Result(B, C, 1, 0), Result(C, B, 1, 0)]
    # A and B on 6, their second meeting still to come: goal difference decides for now.
    assert order([*played, Result(A, B, None, None)], LALIGA)[:2] == [A, B]
    # Drawn: both on 7, and B's win in the first meeting puts B first.
    assert order([*played, Result(A, B, 0, 0)], LALIGA)[:2] == [B, A]


def test_matches_after_the_moment_are_still_to_play() -> None:
    kick = dt.datetime(2025, 5, 4, 12, tzinfo=dt.UTC)
    results = [Result(A, B, 1, 0, kick), Result(B, A, 3, 0, kick + dt.timedelta(days=7))]
    before = league_standings(results, LALIGA, before=kick + dt.timedelta(days=1))
    assert [(s.club_id, s.played, s.points) for s in before] == [(A, 1, 3), (B, 1, 0)]
    assert len(league_standings(results, LALIGA, before=kick)) == 2  # both listed, nothing played


def test_clubs_level_on_everything_are_listed_by_name() -> None:
    assert order([Result(B, A, 1, 1)], LALIGA, clubs=[C]) == [A, B, C]


@pytest.mark.parametrize(("text", "code"), [("h2h_points,magic", "unknown"), ("goals_for, goals_for", "repeated")])
def test_tiebreakers_are_a_known_vocabulary(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_tiebreakers(text)
    assert refused.value.code == code
    assert parse_tiebreakers(" h2h_points , goal_difference") == ("h2h_points", "goal_difference")


def _season(path: Path, keep) -> tuple[list[Result], dict[int, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    names = sorted({m["team1"] for m in data["matches"]})
    ids = {name: i for i, name in enumerate(names, start=1)}
    results = []
    for match in data["matches"]:
        score = match["score"].get("ft") if keep(match) else None
        results.append(Result(ids[match["team1"]], ids[match["team2"]], *(score or (None, None))))
    return results, {i: name for name, i in ids.items()}


def test_laliga_after_matchday_37_osasuna_and_rayo_on_51_by_head_to_head() -> None:
    """Level on 51 points and on goal difference (-4); Osasuna scored more, but Rayo took four
    points of six from their meetings (3-1, 1-1)."""
    results, names = _season(DEMO_DIR / "openfootball" / "2024-25_es.1.json",
                             lambda m: int(m["round"].split()[-1]) <= 37)
    laliga = [names[s.club_id] for s in league_standings(results, LALIGA, names=names)]
    by_goals = [names[s.club_id] for s in league_standings(results, PREMIER, names=names)]
    assert laliga.index("Rayo Vallecano de Madrid") + 1 == laliga.index("CA Osasuna") == 8
    assert by_goals.index("CA Osasuna") < by_goals.index("Rayo Vallecano de Madrid")
    # Three on 41 (Alavés, Girona, Sevilla): the mini-league of their six meetings orders them.
    assert laliga[13:16] == ["Deportivo Alavés", "Girona FC", "Sevilla FC"]


def test_premier_league_by_goal_difference_though_wolves_won_both_meetings() -> None:
    results, names = _season(DATA / "2024-25_en.1.json", lambda m: True)
    table = [(names[s.club_id], s.points, s.goal_difference) for s in league_standings(results, PREMIER, names=names)]
    assert table[0] == ("Liverpool FC", 84, 45)
    assert table[4:6] == [("Newcastle United FC", 66, 21), ("Aston Villa FC", 66, 7)]
    assert table[14:16] == [("Manchester United FC", 42, -10), ("Wolverhampton Wanderers FC", 42, -15)]
    h2h_first = [names[s.club_id] for s in league_standings(results, LALIGA, names=names)]
    assert h2h_first.index("Wolverhampton Wanderers FC") < h2h_first.index("Manchester United FC")
