"""A user's edits of the calendar on both engines: add, change with the version seen, delete
(refused while cards are recorded), and undo's compare-and-swap and re-creation of a fixture."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import func, select

from db.calendar.edits import FixtureEdit, add_fixture, delete_fixture, update_fixture
from db.calendar.models import Fixture
from db.calendar.schedule import ScheduleRow, fixture_choices, schedule
from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.opening import open_database
from db.reference.models import Club, Competition
from db.reference.queries import find_club, our_club_and_season
from db.restoring import recreate, remove_created, swap_fields

MADRID = ZoneInfo("Europe/Madrid")
AS_OF = dt.date(2025, 5, 2)


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    database = open_database(demo_target)
    yield database
    database.close()


def _ours(demo: Database) -> int:
    with demo.reading() as session:
        found = our_club_and_season(session)
        assert found is not None and found[0].id is not None
        return found[0].id


def _row(demo: Database, opponent: str, day: dt.date) -> ScheduleRow:
    with demo.reading() as session:
        rows = schedule(session, club_id=_ours(demo))
    return next(r for r in rows if r.opponent == opponent and r.day == day)


def _ids(demo: Database) -> dict[str, int]:
    with demo.reading() as session:
        liga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one()
        getafe = find_club(session, "Getafe CF")
        assert liga.id is not None and getafe is not None and getafe.id is not None
        return {"liga": liga.id, "getafe": getafe.id}


def _count(demo: Database) -> int:
    with demo.reading() as session:
        return int(session.exec(select(func.count()).select_from(Fixture)).one())


def _friendly(demo: Database, **changes) -> dict:
    ids = _ids(demo)
    return {"competition_id": ids["liga"], "opponent_id": ids["getafe"], "venue_side": "home",
            "kickoff_local": dt.datetime(2025, 5, 28, 20, 0), "timezone": "Europe/Madrid",
            "venue": "Estadio Santiago Bernabéu", "round": "Rearranged", **changes}


def test_the_demo_schedule_has_celta_at_home_and_barcelona_away(demo: Database) -> None:
    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    clasico = _row(demo, "Barcelona", dt.date(2025, 5, 11))
    assert (celta.venue_side, celta.competition, celta.kickoff.hour) == ("home", "LaLiga", 14)
    assert celta.venue == "Estadio Santiago Bernabéu" and celta.goals_for is None and celta.cards == 0
    assert clasico.venue_side == "away" and clasico.timezone == "Europe/Madrid"
    final = _row(demo, "Barcelona", dt.date(2025, 4, 26))
    assert (final.goals_for, final.goals_against, final.extra_time, final.cards) == (2, 3, True, 3)
    with demo.reading() as session:
        choices = fixture_choices(session, club_id=_ours(demo))
    assert choices.home_zone == "Europe/Madrid" and choices.home_venue == "Estadio Santiago Bernabéu"
    assert "Real Madrid CF" not in {name for _, name in choices.opponents}
    assert "LaLiga" in {name for _, name in choices.competitions}
    assert dict(choices.competitions)[choices.usual_competition] == "LaLiga"


def test_a_fixture_is_added_in_the_season_of_its_day(demo: Database) -> None:
    fixture_id = add_fixture(demo, club_id=_ours(demo), fields=_friendly(demo), by="analyst")
    row = _row(demo, "Getafe", dt.date(2025, 5, 28))
    assert row.fixture_id == fixture_id and row.version == 1 and row.status == "scheduled"
    assert row.kickoff == dt.datetime(2025, 5, 28, 20, 0, tzinfo=MADRID)
    assert row.kickoff_utc == dt.datetime(2025, 5, 28, 18, 0, tzinfo=dt.UTC)
    with demo.reading() as session:
        season = our_club_and_season(session)
        assert season is not None and row.season_id == season[1].id


@pytest.mark.parametrize(("changes", "field"), [
    ({"goals_for": 2}, "goals_against"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"kickoff_local": dt.datetime(2025, 3, 30, 2, 30)}, "kickoff_local"),  # the clocks skip it
    ({"kickoff_local": dt.datetime(2031, 1, 5, 18, 0)}, "kickoff_local"),  # no season then
    ({"venue_side": "moon"}, "venue_side"),
    ({"goals_for": 1, "goals_against": 0, "status": "postponed"}, "status"),
    ({"round": "x" * 81}, "round"),
])
def test_bad_input_is_refused_by_field_and_nothing_written(demo: Database, changes: dict, field: str) -> None:
    before = _count(demo)
    with pytest.raises(ValidationError) as refused:
        add_fixture(demo, club_id=_ours(demo), fields=_friendly(demo, **changes))
    assert refused.value.field == field
    assert _count(demo) == before


def test_a_change_writes_what_differs_and_a_stale_one_is_refused(demo: Database) -> None:
    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    edit = update_fixture(demo, celta.fixture_id, celta.version,
                          {"kickoff_local": dt.datetime(2025, 5, 4, 21, 0), "venue": "Estadio Santiago Bernabéu"})
    assert isinstance(edit, FixtureEdit) and edit.version == celta.version + 1
    assert set(edit.after) == {"kickoff_utc"}
    assert edit.before["kickoff_utc"] == dt.datetime(2025, 5, 4, 12, 0, tzinfo=dt.UTC)
    assert _row(demo, "Celta", dt.date(2025, 5, 4)).kickoff.hour == 21
    with pytest.raises(StaleEdit):  # the version the user saw is gone
        update_fixture(demo, celta.fixture_id, celta.version, {"venue": "Somewhere else"})
    assert _row(demo, "Celta", dt.date(2025, 5, 4)).venue == "Estadio Santiago Bernabéu"
    unchanged = update_fixture(demo, celta.fixture_id, edit.version, {"venue": "Estadio Santiago Bernabéu"})
    assert unchanged == FixtureEdit(edit.version, {}, {})


def test_a_result_and_a_postponement_are_kept_apart(demo: Database) -> None:
    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    version = update_fixture(demo, celta.fixture_id, celta.version, {"status": "postponed"}).version
    assert _row(demo, "Celta", dt.date(2025, 5, 4)).status == "postponed"
    update_fixture(demo, celta.fixture_id, version, {"status": "scheduled", "goals_for": 3, "goals_against": 2})
    played = _row(demo, "Celta", dt.date(2025, 5, 4))
    assert (played.status, played.goals_for, played.goals_against) == ("played", 3, 2)


def test_undo_swaps_the_kickoff_back_only_over_our_own_value(demo: Database) -> None:
    """Kick-offs are compared as instants: SQLite returns naive UTC, PostgreSQL its own zone."""
    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    edit = update_fixture(demo, celta.fixture_id, celta.version, {"kickoff_local": dt.datetime(2025, 5, 4, 21, 0)})
    undone = swap_fields(demo, "fixture", celta.fixture_id, expected=edit.after, changes=edit.before, as_of=AS_OF,
                         version=edit.version)
    assert _row(demo, "Celta", dt.date(2025, 5, 4)).kickoff.hour == 14
    update_fixture(demo, celta.fixture_id, undone, {"round": "Matchday 34 (moved)"}, by="someone else")
    with pytest.raises(StaleEdit):  # redo must not write over the other user's change
        swap_fields(demo, "fixture", celta.fixture_id, expected=edit.before, changes=edit.after, as_of=AS_OF,
                    version=undone)
    refused = _row(demo, "Celta", dt.date(2025, 5, 4))
    assert refused.kickoff.hour == 14 and refused.round == "Matchday 34 (moved)"


def test_undo_refuses_to_swap_into_an_invalid_fixture(demo: Database) -> None:
    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    with pytest.raises(ValidationError) as refused:
        swap_fields(demo, "fixture", celta.fixture_id, expected={"goals_for": None}, changes={"goals_for": 2},
                    as_of=AS_OF)
    assert refused.value.field == "goals_against"


def test_delete_is_refused_while_cards_are_recorded(demo: Database) -> None:
    final = _row(demo, "Barcelona", dt.date(2025, 4, 26))
    before = _count(demo)
    with pytest.raises(ValidationError) as refused:
        delete_fixture(demo, final.fixture_id, final.version)
    assert refused.value.code == "has_cards" and "(3)" in refused.value.message
    assert _count(demo) == before and _row(demo, "Barcelona", dt.date(2025, 4, 26)).cards == 3


def test_delete_then_undo_restores_the_same_fixture_and_redo_deletes_it_again(demo: Database) -> None:
    clasico = _row(demo, "Barcelona", dt.date(2025, 5, 11))
    with pytest.raises(StaleEdit):
        delete_fixture(demo, clasico.fixture_id, clasico.version + 1)
    stored = delete_fixture(demo, clasico.fixture_id, clasico.version)
    with demo.reading() as session:
        assert session.get(Fixture, clasico.fixture_id) is None
    assert recreate(demo, "fixture", stored) == 1
    again = _row(demo, "Barcelona", dt.date(2025, 5, 11))
    assert again.fixture_id == clasico.fixture_id and again.kickoff == clasico.kickoff and again.venue == clasico.venue
    assert again.external_id == clasico.external_id
    expected = {k: v for k, v in stored.items() if k != "id"}
    remove_created(demo, "fixture", clasico.fixture_id, expected=expected, version=1)
    with demo.reading() as session:
        assert session.get(Fixture, clasico.fixture_id) is None
    assert recreate(demo, "fixture", stored) == 1
    with pytest.raises(StaleEdit):  # the id is in use again: a second restore is refused
        recreate(demo, "fixture", stored)


def test_delete_is_refused_while_a_lineup_holds_players_and_takes_an_empty_one_along(demo: Database) -> None:
    from db.lineup.models import Formation, Lineup

    celta = _row(demo, "Celta", dt.date(2025, 5, 4))
    with pytest.raises(ValidationError) as refused:
        delete_fixture(demo, celta.fixture_id, celta.version)
    assert refused.value.code == "has_lineup" and "23 players" in refused.value.message
    clasico = _row(demo, "Barcelona", dt.date(2025, 5, 11))
    with demo.transaction() as session:
        formation = session.exec(select(Formation)).first()
        assert formation is not None
        session.add(Lineup(fixture_id=clasico.fixture_id, formation_id=formation.id, updated_by="test"))
    delete_fixture(demo, clasico.fixture_id, clasico.version)
    with demo.reading() as session:
        assert session.get(Fixture, clasico.fixture_id) is None
        assert session.exec(select(Lineup).where(Lineup.fixture_id == clasico.fixture_id)).first() is None
        assert session.exec(select(Lineup).where(Lineup.fixture_id == celta.fixture_id)).first() is not None


def test_an_added_fixture_of_another_club_pairing_is_refused(demo: Database) -> None:
    with demo.reading() as session:
        ours = session.exec(select(Club).where(Club.name == "Real Madrid CF")).one()
    with pytest.raises(ValidationError) as refused:
        add_fixture(demo, club_id=_ours(demo), fields=_friendly(demo, opponent_id=ours.id))
    assert refused.value.field == "opponent_id"
