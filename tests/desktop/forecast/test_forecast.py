"""The availability forecast on the demo: who is out or doubtful for each of the next fixtures,
the counts in the headers, reasons on hover, updates from the change bus and the planning date."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db.changes import INJURY, Change
from db.domain.availability import AVAILABLE, DOUBTFUL, INJURED, PRECAUTIONARY
from db.medical.queries import squad_availability
from db.medical.writes import mark_injured
from desktop.forecast.model import HeadingRole, StatusRole
from desktop.forecast.screen import ForecastScreen
from tests.helpers import AS_OF, shown_on_screen, squad_ids


@pytest.fixture
def screen(context, qtbot) -> ForecastScreen:
    return shown_on_screen(qtbot, ForecastScreen(context), (1280, 800))


def row_of(screen: ForecastScreen, name: str) -> int:
    model = screen.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)


def statuses(screen: ForecastScreen, name: str) -> list[str]:
    r = row_of(screen, name)
    return [screen.model.index(r, c).data(StatusRole) for c in range(1, screen.model.columnCount())]


def header(screen: ForecastScreen, column: int) -> list[str]:
    return str(screen.model.headerData(column, Qt.Orientation.Horizontal)).splitlines()


def test_eight_fixtures_from_the_planning_date_with_day_opponent_side_and_competition(screen) -> None:
    assert screen.model.columnCount() == 9
    assert header(screen, 1)[:3] == ["Sun 4 May", "Celta (H)", "LaLiga"]
    assert header(screen, 2)[:3] == ["Sun 11 May", "Barcelona (A)", "LaLiga"]
    assert header(screen, 8)[:3] == ["Thu 26 Jun", "Salzburg (N)", "FIFA Club World Cup"]
    assert "8 shown" in screen.title.text()


def test_militao_cannot_play_in_any_and_bellingham_rests_only_against_celta(screen) -> None:
    assert statuses(screen, "Éder Militão") == [INJURED] * 5 + [DOUBTFUL] * 3  # window opens 15 Jun
    assert statuses(screen, "Jude Bellingham") == [PRECAUTIONARY] + [AVAILABLE] * 7
    assert statuses(screen, "Thibaut Courtois") == [AVAILABLE] * 8


def test_tooltips_give_the_reason(screen) -> None:
    militao = screen.model.index(row_of(screen, "Éder Militão"), 2).data(Qt.ItemDataRole.ToolTipRole)
    assert militao.startswith("Éder Militão v Barcelona, Sun 11 May 2025")
    assert "Injured: ACL rupture with damage to both menisci, expected back 15–30 Jun" in militao
    bellingham = screen.model.index(row_of(screen, "Jude Bellingham"), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Precautionary rest" in bellingham and "Chance of playing: 75%" in bellingham
    rudiger = screen.model.index(row_of(screen, "Antonio Rüdiger"), 8).data(Qt.ItemDataRole.ToolTipRole)
    assert "owes 1 LaLiga match" in rudiger  # a ban in another competition is told, not counted
    assert screen.model.index(row_of(screen, "Jude Bellingham"), 1).data() == "75%"


def test_header_counts_agree_with_the_squad_availability_query(screen, demo) -> None:
    club_id, season_id, _ = squad_ids(demo)
    with demo.reading() as session:
        for column in range(1, screen.model.columnCount()):
            fixture = screen.model.fixture(column)
            answers = squad_availability(session, club_id=club_id, season_id=season_id, as_of=AS_OF,
                                         day=fixture.day, competition_id=fixture.competition_id)
            expected = sum(a.verdict.status == AVAILABLE for a in answers if a.squad_role != "academy")
            assert header(screen, column)[3] == f"{expected} available"
    assert header(screen, 1)[3] == "15 available" and header(screen, 2)[3] == "17 available"


def test_players_are_grouped_by_line_with_a_count_per_fixture(screen) -> None:
    model = screen.model
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(HeadingRole)]
    assert headings == ["Goalkeepers", "Defenders", "Midfielders", "Forwards"]
    defenders = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Defenders")
    assert model.index(defenders, 1).data() == "3/8" and model.index(defenders, 8).data() == "4/8"
    assert "3 of 8 defenders available against Celta" in model.index(defenders, 1).data(Qt.ItemDataRole.ToolTipRole)
    rows_before = model.rowCount()
    screen.academy_box.setChecked(True)
    assert model.rowCount() == rows_before + 11 and header(screen, 1)[3] == "26 available"


def test_the_grid_follows_a_new_injury_and_a_new_planning_date(screen, context, demo) -> None:
    _, _, ids = squad_ids(demo)
    injury = mark_injured(demo, ids["Luka Modrić"], {"kind": "Calf strain", "started_on": AS_OF,
                                                     "expected_return_earliest": dt.date(2025, 5, 16)})
    context.announce(Change.of(INJURY, {injury}))
    assert statuses(screen, "Luka Modrić")[:4] == [INJURED, INJURED, INJURED, DOUBTFUL]
    assert "Calf strain" in screen.model.index(row_of(screen, "Luka Modrić"), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert header(screen, 1)[3] == "14 available"
    context.set_as_of(dt.date(2025, 5, 12))
    assert header(screen, 1)[:2] == ["Wed 14 May", "Mallorca (H)"]
    assert "12 May 2025" in screen.title.text()


def test_a_hidden_screen_waits_and_catches_up_when_shown(screen, context, demo) -> None:
    _, _, ids = squad_ids(demo)
    screen.hide()
    injury = mark_injured(demo, ids["Arda Güler"], {"kind": "Knock", "started_on": AS_OF,
                                                    "expected_return_earliest": dt.date(2025, 5, 6)})
    context.announce(Change.of(INJURY, {injury}))
    assert statuses(screen, "Arda Güler")[0] == AVAILABLE  # not re-read while hidden
    screen.show()
    assert statuses(screen, "Arda Güler")[0] == INJURED


def test_fewer_fixtures_when_asked(screen) -> None:
    screen.count_spin.setValue(3)
    assert screen.model.columnCount() == 4 and "3 shown" in screen.title.text()


def test_double_click_opens_the_player(screen, context, qtbot) -> None:
    index = screen.model.index(row_of(screen, "Jude Bellingham"), 3)
    screen.table.scrollTo(index)
    with qtbot.waitSignal(context.player_requested) as opened:
        point = screen.table.visualRect(index).center()
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # Qt checks the pressed cell
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    _, _, ids = squad_ids(screen.context.database)
    assert opened.args == [ids["Jude Bellingham"]]
    assert screen.open_player(ids["Luka Modrić"]) and screen.current_player() == ids["Luka Modrić"]


def test_the_model_passes_the_model_tester(screen, qtmodeltester) -> None:
    qtmodeltester.check(screen.model)
