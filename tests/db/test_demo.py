"""The demo season loader, fixture and injury writes: facts of 2 May 2025, idempotence, refusal.

Every test runs on SQLite and PostgreSQL (tests/db/conftest.py); kick-offs are compared through
``as_utc``, whatever zone a server hands them back in."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from db.calendar.models import Fixture
from db.calendar.writes import as_utc, create_fixture, kickoff_local, upsert_fixture
from db.demo import DEMO_NAME, create_demo, load_demo, pending_demo_facts, read_demo_file
from db.domain.text import fold
from db.engine import Database
from db.errors import DatabaseRefused, ValidationError
from db.medical.models import Injury
from db.medical.writes import create_injury
from db.opening import open_database
from db.reference.models import Club, Competition, Season
from db.reference.queries import (
    CURRENCY,
    CURRENT_SEASON,
    DEMO,
    OUR_CLUB,
    PINNED_AS_OF,
    find_club,
    get_setting,
    pinned_as_of,
)
from db.reference.writes import ensure_club, ensure_competition, ensure_season, set_setting
from db.squad.models import Player, SquadMembership
from tests.engines import fingerprint, row_counts

PLANNING_DATE = dt.date(2025, 5, 2)
UTC = dt.UTC


# --- shared demo database: built once per engine, copied for tests that write ------------------
# (tests needing an empty database use conftest's ``database`` / ``db_target``: a copied template)


@pytest.fixture(scope="module")
def demo(demo_shared: str) -> Iterator[Database]:
    """The session's demo database, read only; tests that write use ``demo_target``."""
    database = open_database(demo_shared)
    yield database
    database.close()


@contextmanager
def snapshot(database: Database) -> Iterator[Session]:
    """A read session whose rows stay readable after it ends (reading() expires them on rollback)."""
    with database.reading() as session:
        yield session
        session.expunge_all()


def squad(session: Session) -> list[tuple[Player, SquadMembership]]:
    our_club = int(get_setting(session, OUR_CLUB) or 0)
    season = int(get_setting(session, CURRENT_SEASON) or 0)
    query = (
        select(Player, SquadMembership)
        .join(SquadMembership, SquadMembership.player_id == Player.id)  # type: ignore[arg-type]
        .where(SquadMembership.club_id == our_club, SquadMembership.season_id == season)
    )
    return list(session.exec(query).all())


def member(session: Session, name: str) -> tuple[Player, SquadMembership]:
    matches = [(p, m) for p, m in squad(session) if fold(p.name) == fold(name)]
    assert len(matches) == 1, name
    return matches[0]


def injuries_of(session: Session, name: str) -> list[Injury]:
    player, _ = member(session, name)
    return list(session.exec(select(Injury).where(Injury.player_id == player.id)).all())


def fixtures(session: Session, competition: str, *, ours: bool = True) -> list[Fixture]:
    """A competition's fixtures in kick-off order: our club's (by default) or every match stored."""
    comp = session.exec(select(Competition).where(Competition.name == competition)).one()
    query = select(Fixture).where(Fixture.competition_id == comp.id)
    if ours:
        query = query.where(Fixture.club_id == int(get_setting(session, OUR_CLUB) or 0))
    return sorted(session.exec(query).all(), key=lambda f: as_utc(f.kickoff_utc))


def on_day(session: Session, competition: str, day: dt.date) -> Fixture:
    found = [f for f in fixtures(session, competition) if kickoff_local(f).date() == day]
    assert len(found) == 1, (competition, day)
    return found[0]


def opponent(session: Session, fixture: Fixture) -> str:
    club = session.get(Club, fixture.opponent_id)
    assert club is not None
    return club.name


# --- the squad ---------------------------------------------------------------------------------


def test_squad_has_26_or_more_players_with_unique_shirts(demo: Database) -> None:
    with snapshot(demo) as session:
        rows = squad(session)
    shirts = [m.shirt_number for _, m in rows]
    assert len(rows) >= 26
    assert None not in shirts
    assert len(set(shirts)) == len(shirts)


def test_kroos_left_and_mbappe_wears_nine(demo: Database) -> None:
    with snapshot(demo) as session:
        names = {fold(p.name) for p in session.exec(select(Player)).all()}
        mbappe, membership = member(session, "Kylian Mbappé")
    assert not any("kroos" in name for name in names)
    assert membership.shirt_number == 9
    assert mbappe.primary_position == "ST"
    assert membership.previous_club == "Paris Saint-Germain"


@pytest.mark.parametrize("name", ["Luka Modrić", "Lucas Vázquez", "Jesús Vallejo"])
def test_expiring_contracts_end_30_june_2025(demo: Database, name: str) -> None:
    with snapshot(demo) as session:
        _, membership = member(session, name)
    assert membership.contract_end == dt.date(2025, 6, 30)


def test_money_is_stored_in_cents_and_details_are_kept(demo: Database) -> None:
    with snapshot(demo) as session:
        _, alaba = member(session, "David Alaba")
        bellingham, bellingham_membership = member(session, "Jude Bellingham")
        _, asencio = member(session, "Raúl Asencio")
        settings = {key: get_setting(session, key) for key in (CURRENCY, DEMO)}
    assert alaba.annual_wage_cents == 22_500_000 * 100
    assert bellingham_membership.appearances == 47
    assert bellingham.counts_as_eu is False
    assert asencio.squad_role == "academy"
    assert settings[CURRENCY] == "EUR" and settings[DEMO] == f"{DEMO_NAME}@{read_demo_file()['revision']}"


def test_non_eu_places_are_bellingham_and_endrick_only(demo: Database) -> None:
    """LaLiga's three non-EU places in 2024/25: two filled. Brahim Díaz holds Spanish nationality."""
    from db.squad.queries import squad_rows

    with snapshot(demo) as session:
        club = find_club(session, "Real Madrid CF")
        season_id = int(get_setting(session, CURRENT_SEASON) or 0)
        assert club is not None and club.id is not None
        rows = squad_rows(session, club_id=club.id, season_id=season_id, as_of=PLANNING_DATE)
    first_team = [r for r in rows if r.squad_role == "first_team"]
    assert sorted(r.name for r in first_team if r.is_eu is False) == ["Endrick", "Jude Bellingham"]
    brahim = next(r for r in rows if r.name == "Brahim Díaz")
    assert brahim.nationalities == ("MAR", "ESP") and brahim.is_eu is True


# --- injuries ----------------------------------------------------------------------------------


def test_bellingham_rests_as_a_precaution(demo: Database) -> None:
    with snapshot(demo) as session:
        (injury,) = injuries_of(session, "Jude Bellingham")
    assert injury.status == "precautionary"
    assert injury.certainty == "uncertain"
    assert injury.expected_return_earliest == dt.date(2025, 5, 4)


@pytest.mark.parametrize("name", ["Éder Militão", "Dani Carvajal"])
def test_acl_ruptures_were_operated(demo: Database, name: str) -> None:
    with snapshot(demo) as session:
        (injury,) = injuries_of(session, name)
    assert "ACL" in injury.kind
    assert injury.surgery and injury.surgery_on is not None
    assert injury.status == "out"
    assert injury.body_part == "right knee"


@pytest.mark.parametrize("name", ["David Alaba", "Antonio Rüdiger", "Ferland Mendy"])
def test_out_after_surgery(demo: Database, name: str) -> None:
    with snapshot(demo) as session:
        (injury,) = injuries_of(session, name)
    assert injury.status == "out"
    assert injury.surgery


def test_camavinga_adductor(demo: Database) -> None:
    with snapshot(demo) as session:
        (injury,) = injuries_of(session, "Eduardo Camavinga")
    assert "adductor" in injury.kind.lower()
    assert injury.started_on == dt.date(2025, 4, 23)
    assert not injury.surgery


@pytest.mark.parametrize(
    ("name", "day"), [("Ferland Mendy", dt.date(2025, 4, 23)), ("Dani Ceballos", dt.date(2025, 4, 30))]
)
def test_missing_start_dates_use_the_documented_fallback(demo: Database, name: str, day: dt.date) -> None:
    with snapshot(demo) as session:
        (injury,) = injuries_of(session, name)
    assert injury.started_on == day
    assert injury.medical_notes and "assumed" in injury.medical_notes


# --- fixtures ----------------------------------------------------------------------------------


def test_38_laliga_fixtures_with_results_only_up_to_the_planning_date(demo: Database) -> None:
    with snapshot(demo) as session:
        league = fixtures(session, "LaLiga")
    assert len(league) == 38
    assert all(f.external_id and f.external_id.startswith("openfootball:es.1:2024-25:") for f in league)
    for fixture in league:
        played = kickoff_local(fixture).date() <= PLANNING_DATE
        assert (fixture.goals_for is not None) is played, fixture.external_id
        assert fixture.status == ("played" if played else "scheduled")
        assert fixture.timezone == "Europe/Madrid"
        assert fixture.venue_side in ("home", "away")
    assert sum(f.venue_side == "home" for f in league) == 19
    assert {f.venue for f in league if f.venue_side == "home"} == {"Estadio Santiago Bernabéu"}


def test_the_whole_league_is_stored_others_from_the_home_side(demo: Database) -> None:
    with snapshot(demo) as session:
        every = fixtures(session, "LaLiga", ours=False)
        ours = int(get_setting(session, OUR_CLUB) or 0)
    others = [f for f in every if ours not in (f.club_id, f.opponent_id)]
    assert (len(every), len(others)) == (380, 342)
    assert all(f.venue_side == "home" for f in others)
    assert all(f.club_id == ours for f in every if f.opponent_id == ours or f.club_id == ours)
    for fixture in every:
        played = kickoff_local(fixture).date() <= PLANNING_DATE
        assert (fixture.goals_for is not None) is played, fixture.external_id


def test_the_demos_league_table_on_the_planning_date(demo: Database) -> None:
    from db.calendar.queries import league_table

    with snapshot(demo) as session:
        laliga = session.exec(select(Competition).where(Competition.name == "LaLiga")).one()
        season = int(get_setting(session, CURRENT_SEASON) or 0)
        table = league_table(session, competition_id=laliga.id, season_id=season,
                             before=dt.datetime(2025, 5, 2, tzinfo=UTC))
    assert [(row.position, row.club, row.played, row.points) for row in table[:2]] == [
        (1, "Barcelona", 33, 76), (2, "Real Madrid", 33, 72)]
    assert len(table) == 20


def test_md33_getafe_away_win_has_its_result(demo: Database) -> None:
    with snapshot(demo) as session:
        getafe = on_day(session, "LaLiga", dt.date(2025, 4, 23))
        name = opponent(session, getafe)
    assert name == "Getafe CF"
    assert (getafe.venue_side, getafe.goals_for, getafe.goals_against) == ("away", 1, 0)
    assert getafe.round == "Matchday 33"


def test_md34_celta_at_home_is_not_played_yet_and_kicks_off_at_14_madrid(demo: Database) -> None:
    with snapshot(demo) as session:
        celta = on_day(session, "LaLiga", dt.date(2025, 5, 4))
        name = opponent(session, celta)
    assert name == "RC Celta de Vigo"
    assert celta.venue_side == "home"
    assert celta.status == "scheduled"
    assert celta.goals_for is None and celta.goals_against is None
    assert as_utc(celta.kickoff_utc) == dt.datetime(2025, 5, 4, 12, 0, tzinfo=UTC)
    assert kickoff_local(celta).hour == 14


def test_copa_final_lost_after_extra_time_at_a_neutral_ground(demo: Database) -> None:
    with snapshot(demo) as session:
        final = on_day(session, "Copa del Rey", dt.date(2025, 4, 26))
        name = opponent(session, final)
    assert name == "FC Barcelona"
    assert final.venue_side == "neutral"
    assert (final.goals_for, final.goals_against, final.extra_time) == (2, 3, True)
    assert final.venue and "Cartuja" in final.venue


def test_champions_league_quarter_final_against_arsenal_both_legs(demo: Database) -> None:
    with snapshot(demo) as session:
        legs = [f for f in fixtures(session, "UEFA Champions League") if opponent(session, f) == "Arsenal FC"]
    assert [(f.venue_side, f.goals_for, f.goals_against) for f in legs] == [("away", 0, 3), ("home", 1, 2)]
    assert all(f.round == "Finals, Quarterfinals" for f in legs)
    assert legs[0].timezone == "Europe/London"


def test_three_club_world_cup_games_in_the_us(demo: Database) -> None:
    with snapshot(demo) as session:
        games = fixtures(session, "FIFA Club World Cup")
    assert len(games) == 3
    assert {f.timezone for f in games} == {"America/New_York"}
    assert all(f.status == "scheduled" and f.goals_for is None for f in games)
    assert all(f.venue and f.venue.split(", ")[-1] in {"FL", "NC", "PA"} for f in games)
    # 21:00 in Philadelphia on 26 June is 01:00 UTC on 27 June.
    assert as_utc(games[-1].kickoff_utc) == dt.datetime(2025, 6, 27, 1, 0, tzinfo=UTC)


def test_supercopa_without_kick_off_time_uses_a_noon_placeholder(demo: Database) -> None:
    with snapshot(demo) as session:
        semi = on_day(session, "Supercopa de España", dt.date(2025, 1, 9))
    assert semi.kickoff_time_known is False
    assert kickoff_local(semi).time() == dt.time(12, 0)
    assert semi.timezone == "Asia/Riyadh"


# --- settings, seasons, pending facts ---------------------------------------------------------


def test_seasons_and_settings(demo: Database) -> None:
    with snapshot(demo) as session:
        labels = set(session.exec(select(Season.label)).all())
        current = session.get(Season, int(get_setting(session, CURRENT_SEASON) or 0))
        club = session.get(Club, int(get_setting(session, OUR_CLUB) or 0))
        pinned, raw_pin = pinned_as_of(session), get_setting(session, PINNED_AS_OF)
        aliased = find_club(session, "Real Madrid CF (ESP)")
    assert {"2024/25", "2025/26"} <= labels
    assert current is not None and current.label == "2024/25"
    assert club is not None and club.name == "Real Madrid CF"
    assert aliased is not None and aliased.id == club.id
    assert (pinned, raw_pin) == (PLANNING_DATE, "2025-05-02")


def test_no_demo_section_waits_for_a_table_any_more() -> None:
    assert pending_demo_facts() == {}  # targets and finances are loaded (tests/db/transfers)
    target = next(t for t in read_demo_file()["targets"] if t["player"] == "Alexis Mac Allister")
    assert target["planned_bid"] == 90_000_000 and target["club"] == "Liverpool FC"


def test_mac_allister_is_in_liverpools_squad(demo: Database) -> None:
    with snapshot(demo) as session:
        player = session.exec(select(Player).where(Player.name == "Alexis Mac Allister")).one()
        membership = session.exec(select(SquadMembership).where(SquadMembership.player_id == player.id)).one()
        club = session.get(Club, membership.club_id)
        season = session.get(Season, membership.season_id)
    assert club is not None and club.name == "Liverpool FC"
    assert season is not None and season.label == "2024/25"
    assert membership.shirt_number is None
    assert player.market_value_cents == 90_000_000 * 100


# --- idempotence and refusal -------------------------------------------------------------------


def test_loading_twice_changes_no_row_counts(demo_target: str) -> None:
    database = open_database(demo_target)
    try:
        before = row_counts(database)
        report = load_demo(database)
        after = row_counts(database)
    finally:
        database.close()
    assert before == after
    assert report.added == 0 and report.fixtures_updated == 0
    assert len(report.lines()) == 2


def test_create_demo_again_on_a_demo_database_adds_nothing(demo_target: str) -> None:
    report = create_demo(demo_target)
    assert report.added == 0


def test_first_load_reports_what_it_added(blank_target: str) -> None:
    """Into a new file, or an empty server database (a club trying shared mode): schema and demo."""
    report = create_demo(blank_target)
    assert report.players_added >= 30
    assert report.fixtures_added == 380 + 25
    assert any("Players added" in line for line in report.lines())


def _real_database(target: str, *, setting: bool) -> None:
    database = open_database(target)
    try:
        with database.transaction() as session:
            club = ensure_club(session, "Club Atlético Osasuna Promesas", by="user")
            if setting:
                set_setting(session, OUR_CLUB, str(club.id))
    finally:
        database.close()


@pytest.mark.parametrize("setting", [True, False], ids=["our-club-set", "clubs-only"])
def test_create_demo_refuses_a_real_database_and_leaves_it_untouched(
    db_target: str, tmp_path: Path, setting: bool
) -> None:
    _real_database(db_target, setting=setting)
    digest, listing = fingerprint(db_target), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseRefused) as refused:
        create_demo(db_target)
    assert refused.value.reason == "not_demo"
    assert "demo" in str(refused.value)
    assert fingerprint(db_target) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_load_demo_refuses_a_real_database_and_rolls_back(db_target: str) -> None:
    _real_database(db_target, setting=True)
    database = open_database(db_target)
    try:
        before = row_counts(database)
        with pytest.raises(DatabaseRefused):
            load_demo(database)
        assert row_counts(database) == before
    finally:
        database.close()


def test_create_demo_accepts_an_empty_dugout_database(db_target: str) -> None:
    assert create_demo(db_target).players_added >= 26


def test_data_layer_does_not_import_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import db.demo, db.calendar.writes, db.medical.writes\n"
        "assert not any(m.startswith('PySide6') and sys.modules[m] for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


# --- fixture and injury writes -----------------------------------------------------------------


@pytest.fixture
def refs(database: Database) -> dict[str, Any]:
    with database.transaction() as session:
        season = ensure_season(session, "2024/25")
        competition = ensure_competition(session, "LaLiga", kind="league")
        ours = ensure_club(session, "Real Madrid CF")
        other = ensure_club(session, "Getafe CF")
        return {
            "season_id": season.id, "competition_id": competition.id,
            "club_id": ours.id, "opponent_id": other.id,
            "venue_side": "away", "timezone": "Europe/Madrid", "time_known": True,
            "kickoff_local": dt.datetime(2025, 4, 23, 21, 30),
        }


def test_create_fixture_stores_utc_and_status(database: Database, refs: dict[str, Any]) -> None:
    with database.transaction() as session:
        played = create_fixture(session, **refs, goals_for=1, goals_against=0, by="t")
        later = create_fixture(session, **{**refs, "kickoff_local": dt.datetime(2025, 5, 25, 18, 0)}, by="t")
    with snapshot(database) as session:
        stored = session.get(Fixture, played.id)
    assert stored is not None
    assert as_utc(stored.kickoff_utc) == dt.datetime(2025, 4, 23, 19, 30, tzinfo=UTC)
    assert (played.status, later.status) == ("played", "scheduled")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"timezone": "Europe/Atlantis"}, "timezone", "unknown_zone"),
        ({"goals_for": 2}, "goals_against", "incomplete"),
        ({"goals_for": -1, "goals_against": 0}, "goals_for", "negative"),
        ({"kickoff_local": dt.datetime(2025, 3, 30, 2, 30)}, "kickoff_local", "nonexistent"),
        ({"kickoff_local": dt.datetime(2025, 4, 23, 21, 30, tzinfo=UTC)}, "kickoff_local", "not_local"),
        ({"venue_side": "moon"}, "venue_side", "unknown"),
        ({"extra_time": True}, "goals_for", "missing_score"),
    ],
)
def test_create_fixture_refuses_bad_values(
    database: Database, refs: dict[str, Any], changes: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        create_fixture(session, **{**refs, **changes}, by="t")
    assert (refused.value.field, refused.value.code) == (field, code)
    assert refused.value.message


def test_upsert_fixture_updates_changed_fields_and_bumps_the_version(
    database: Database, refs: dict[str, Any]
) -> None:
    key = {"external_id": "test:1"}
    with database.transaction() as session:
        first, outcome = upsert_fixture(session, **refs, **key, by="t")
        assert outcome == "added"
    with database.transaction() as session:
        _, again = upsert_fixture(session, **refs, **key, by="t")
        scored, changed = upsert_fixture(session, **refs, **key, goals_for=1, goals_against=0, by="u")
    assert again == "unchanged"
    assert changed == "updated"
    assert (scored.id, scored.version, scored.status, scored.updated_by) == (first.id, 2, "played", "u")


def test_create_injury_needs_a_start_date(database: Database) -> None:
    with database.transaction() as session:
        ensure_season(session, "2024/25")
        player = Player(name="Test Player")
        session.add(player)
        session.flush()
        player_id = player.id
    assert player_id is not None
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        create_injury(session, player_id=player_id, values={"kind": "Hamstring strain"}, by="t")
    assert (refused.value.field, refused.value.code) == ("started_on", "empty")
    with database.transaction() as session:
        injury = create_injury(
            session, player_id=player_id, values={"kind": "Hamstring strain", "started_on": "2025-04-01"},
            by="t",
        )
    assert injury.started_on == dt.date(2025, 4, 1) and injury.status == "out"


def test_reloading_an_older_demo_corrects_its_facts_but_a_current_one_keeps_the_users_edits(
    demo_target: str,
) -> None:
    from db.squad.writes import update_player

    database = open_database(demo_target)
    try:
        with database.transaction() as session:  # as the first demo left it: Brahim Moroccan only
            brahim = session.exec(select(Player).where(Player.name == "Brahim Díaz")).one()
            brahim.nationalities = "MAR"
            set_setting(session, DEMO, DEMO_NAME)
        report = load_demo(database)
        assert report.facts_corrected >= 1 and report.added == 0
        with Session(database.engine) as session:
            brahim = session.exec(select(Player).where(Player.name == "Brahim Díaz")).one()
            assert brahim.nationalities == "MAR,ESP"
            modric = session.exec(select(Player).where(Player.name == "Luka Modrić")).one()
        update_player(database, modric.id, modric.version, {"height_cm": 173}, as_of=PLANNING_DATE)
        assert load_demo(database).lines()[-1] == "Nothing new: the demo was already loaded"
        with Session(database.engine) as session:
            assert session.get(Player, modric.id).height_cm == 173
    finally:
        database.close()


def test_an_older_demo_with_only_our_league_matches_gets_the_rest_of_the_league(demo_target: str) -> None:
    """Revision 3 stored our 38 league matches only; reloading the demo adds the other 342."""
    from sqlalchemy import delete

    database = open_database(demo_target)
    try:
        with database.transaction() as session:
            ours = int(get_setting(session, OUR_CLUB) or 0)
            session.execute(delete(Fixture).where(Fixture.club_id != ours, Fixture.opponent_id != ours))
            set_setting(session, DEMO, f"{DEMO_NAME}@3")
        report = load_demo(database)
        with snapshot(database) as session:
            league = fixtures(session, "LaLiga", ours=False)
            mark = get_setting(session, DEMO)
    finally:
        database.close()
    assert (report.fixtures_added, report.fixtures_updated) == (342, 0)
    assert len(league) == 380 and mark == f"{DEMO_NAME}@{read_demo_file()['revision']}"


def test_a_demo_player_without_a_birth_date_is_found_again_by_name(
    blank_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.demo

    data = db.demo.read_demo_file()
    data["players"] = [dict(p) for p in data["players"]]
    data["players"][-1]["date_of_birth"] = None
    monkeypatch.setattr(db.demo, "read_demo_file", lambda _path=None: data)
    database = open_database(blank_target)
    try:
        first = load_demo(database)
        again = load_demo(database)
    finally:
        database.close()
    assert first.players_added >= 30 and again.added == 0


def test_the_copa_final_cards_and_the_bans_they_brought(demo: Database) -> None:
    from db.medical.models import Booking, Registration, Suspension

    with snapshot(demo) as session:
        cards = {session.get(Player, b.player_id).name: b for b in session.exec(select(Booking))}
        bans = {session.get(Player, s.player_id).name: (session.get(Competition, s.competition_id).name, s.matches,
                                                        s.booking_id) for s in session.exec(select(Suspension))}
        registered = session.exec(select(Registration)).all()
    assert cards["Jude Bellingham"].rescinded and cards["Jude Bellingham"].rescinded_on == dt.date(2025, 4, 29)
    assert not cards["Antonio Rüdiger"].rescinded
    assert bans["Antonio Rüdiger"] == ("LaLiga", 6, cards["Antonio Rüdiger"].id)
    assert bans["Lucas Vázquez"] == ("Copa del Rey", 2, cards["Lucas Vázquez"].id)
    assert "Jude Bellingham" not in bans
    lists = sorted(r.list_name for r in registered)
    assert lists.count("main") == 23 and lists.count("B") == 11  # first team and academy, on LaLiga's lists
