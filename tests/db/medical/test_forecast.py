"""The availability forecast on the demo: the next fixtures from 2 May, players by line, one load."""

from __future__ import annotations

import datetime as dt

import pytest

import db.medical.forecast as forecast_module
from db.domain.availability import AVAILABLE, DOUBTFUL, INJURED, PRECAUTIONARY
from db.domain.depth import line_of
from db.medical.forecast import MAX_FIXTURES, availability_forecast
from db.opening import open_database
from db.reference.queries import our_club_and_season

AS_OF = dt.date(2025, 5, 2)


@pytest.fixture
def forecast(demo_shared: str, monkeypatch: pytest.MonkeyPatch):
    loads: list[int] = []
    real = forecast_module.load_availability_facts

    def counted(*args, **kwargs):
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(forecast_module, "load_availability_facts", counted)
    database = open_database(demo_shared)
    try:
        with database.reading() as session:
            found = our_club_and_season(session)
            assert found is not None and found[0].id is not None and found[1].id is not None
            made = availability_forecast(session, club_id=found[0].id, season_id=found[1].id, as_of=AS_OF, count=8)
            too_many = availability_forecast(session, club_id=found[0].id, season_id=found[1].id, as_of=AS_OF,
                                             count=MAX_FIXTURES + 10)
    finally:
        database.close()
    assert loads == [1, 1], "one load of the facts for all players and fixtures"
    return made, too_many


def _row(made, name: str):
    index = next(i for i, p in enumerate(made.players) if p.name == name)
    return [v.status for v in made.verdicts[index]], made.verdicts[index]


def test_next_eight_fixtures_from_the_planning_date(forecast) -> None:
    made, too_many = forecast
    assert [(f.day, f.opponent, f.venue_side) for f in made.fixtures[:2]] == [
        (dt.date(2025, 5, 4), "Celta", "home"), (dt.date(2025, 5, 11), "Barcelona", "away")]
    assert len(made.fixtures) == 8 and made.fixtures[-1].day == dt.date(2025, 6, 26)
    assert len(too_many.fixtures) == 8  # the demo's calendar ends there


def test_militao_cannot_play_before_his_window_and_bellingham_rests_only_against_celta(forecast) -> None:
    made, _ = forecast
    militao, verdicts = _row(made, "Éder Militão")
    assert militao == [INJURED] * 5 + [DOUBTFUL] * 3  # his return window opens on 15 Jun
    assert "ACL rupture" in verdicts[0].reason and "15–30 Jun" in verdicts[0].reason
    bellingham, verdicts = _row(made, "Jude Bellingham")
    assert bellingham == [PRECAUTIONARY] + [AVAILABLE] * 7
    assert "Precautionary rest" in verdicts[0].reason


def test_players_come_in_lines_goalkeepers_first(forecast) -> None:
    made, _ = forecast
    lines = [p.line for p in made.players]
    order = ["GK", "DF", "MF", "FW"]
    assert lines == sorted(lines, key=order.index)
    assert made.players[0].name == "Thibaut Courtois"
    assert all(p.line == line_of(p.position) for p in made.players)
    first_team_defenders = [p.name for p in made.players if p.line == "DF" and p.squad_role != "academy"]
    assert first_team_defenders[:1] == ["Dani Carvajal"]  # RB before CB, then shirt numbers
