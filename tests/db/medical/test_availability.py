"""The availability engine over the database: the demo on 2 May 2025, and batch equals one by one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlmodel import select

from db.calendar.queries import next_fixture
from db.domain.availability import DOUBTFUL, INJURED, PRECAUTIONARY, SUSPENDED, availability_on
from db.engine import Database
from db.medical.availability import load_availability_facts
from db.medical.writes import create_absence, create_injury, create_suspension
from db.opening import open_database
from db.reference.models import Competition
from tests.helpers import squad_ids

AS_OF = dt.date(2025, 5, 2)


@pytest.fixture(scope="module")
def demo(demo_shared: str) -> Iterator[Database]:
    database = open_database(demo_shared)
    yield database
    database.close()


def _squad(database: Database) -> tuple[int, dict[str, int]]:
    club_id, _season_id, players = squad_ids(database, AS_OF)
    return club_id, players


def test_the_demo_on_2_may_for_celta_at_home(demo: Database) -> None:
    club_id, players = _squad(demo)
    with demo.reading() as session:
        celta = next_fixture(session, club_id=club_id, on_or_after=AS_OF)
        assert celta is not None and (celta.opponent, celta.day, celta.competition) == (
            "Celta", dt.date(2025, 5, 4), "LaLiga")
        facts = load_availability_facts(session, players.values(), [celta.day], as_of=AS_OF, club_id=club_id)
    verdicts = {name: availability_on(facts.of(pid), celta.day, celta.competition_id) for name, pid in players.items()}
    assert verdicts["Jude Bellingham"].status == PRECAUTIONARY
    assert verdicts["Dani Ceballos"].status == DOUBTFUL
    out = {name for name, v in verdicts.items() if v.status == INJURED}
    assert out == {"Éder Militão", "Dani Carvajal", "David Alaba", "Antonio Rüdiger", "Ferland Mendy",
                   "Eduardo Camavinga"}
    assert "owes 6 LaLiga matches" in verdicts["Antonio Rüdiger"].notes[0]
    assert verdicts["Lucas Vázquez"].can_play and verdicts["Raúl Asencio"].can_play  # on the B list


def test_vazquez_is_banned_in_the_copa_only_and_owes_it_to_the_next_copa(demo: Database) -> None:
    club_id, players = _squad(demo)
    with demo.reading() as session:
        copa = session.exec(select(Competition).where(Competition.name == "Copa del Rey")).one()
        liga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one()
        facts = load_availability_facts(session, [players["Lucas Vázquez"]], as_of=AS_OF, club_id=club_id)
    vazquez = facts.of(players["Lucas Vázquez"])
    next_season = dt.date(2025, 11, 1)
    assert availability_on(vazquez, next_season, copa.id).status == SUSPENDED
    assert availability_on(vazquez, next_season, copa.id).reason.endswith("owes 2 Copa del Rey matches")
    assert availability_on(vazquez, dt.date(2025, 5, 4), liga.id).can_play


def test_the_loader_asks_a_fixed_number_of_queries(demo: Database) -> None:
    club_id, players = _squad(demo)
    counted: list[str] = []

    def count(*_args: object) -> None:
        counted.append("query")

    event.listen(demo.engine, "before_cursor_execute", count)
    try:
        with demo.reading() as session:
            load_availability_facts(session, [], as_of=AS_OF, club_id=club_id)  # the session's own first steps
            counted.clear()
            load_availability_facts(session, list(players.values())[:3], as_of=AS_OF, club_id=club_id)
            few = len(counted)
            counted.clear()
            load_availability_facts(session, players.values(), as_of=AS_OF, club_id=club_id)
    finally:
        event.remove(demo.engine, "before_cursor_execute", count)
    assert len(counted) == few <= 10


_DAY = st.dates(min_value=dt.date(2025, 4, 1), max_value=dt.date(2025, 8, 31))


@pytest.mark.sqlite_only
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(injuries=st.lists(st.tuples(st.integers(0, 3), _DAY, st.sampled_from(["out", "doubtful", "precautionary",
                                                                             "rehab", "training"]),
                                   st.integers(0, 60), st.integers(0, 30)), max_size=6),
       bans=st.lists(st.tuples(st.integers(0, 3), _DAY, st.integers(1, 6)), max_size=3),
       absences=st.lists(st.tuples(st.integers(0, 3), _DAY, st.integers(0, 10)), max_size=3),
       days=st.lists(_DAY, min_size=1, max_size=6), as_of=_DAY)
def test_batch_answers_equal_one_by_one(tmp_path_factory: pytest.TempPathFactory, demo_template, injuries, bans,
                                        absences, days, as_of) -> None:
    import shutil

    path = tmp_path_factory.mktemp("batch") / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    try:
        club_id, players = _squad(database)
        ids = sorted(players.values())[:4]
        with database.transaction() as session:
            liga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one()
            for n, (who, start, status, until, spread) in enumerate(injuries):
                earliest = start + dt.timedelta(days=until)
                try:
                    with session.begin_nested():
                        create_injury(session, player_id=ids[who], by="test", values={
                            "kind": f"Random {n}", "started_on": start, "status": status,
                            "expected_return_earliest": earliest,
                            "expected_return_latest": earliest + dt.timedelta(days=spread)})
                except Exception:  # noqa: BLE001 - an open episode of that kind already: skip it
                    pass
            for who, start, matches in bans:
                create_suspension(session, player_id=ids[who], competition_id=liga.id or 0, by="test",
                                  values={"matches": matches, "starts_on": start, "reason": "Random ban"})
            for who, start, length in absences:
                create_absence(session, player_id=ids[who], by="test", values={
                    "kind": "international", "starts_on": start, "ends_on": start + dt.timedelta(days=length)})
        with database.reading() as session:
            batch = load_availability_facts(session, ids, days, as_of=as_of, club_id=club_id)
            for player_id in ids:
                for day in days:
                    single = load_availability_facts(session, [player_id], [day], as_of=as_of, club_id=club_id)
                    for competition in (None, liga.id):
                        assert availability_on(batch.of(player_id), day, competition) == availability_on(
                            single.of(player_id), day, competition)
    finally:
        database.close()
