"""What differs between SQLite and PostgreSQL, handled rather than hidden: constraint names in error
messages, BIGINT money, time zones of stored timestamps, case and accent folding, column widths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Index, UniqueConstraint, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel

import db.schema  # noqa: F401  (every area's tables)
from db.calendar.models import Fixture
from db.calendar.writes import as_utc, create_fixture, kickoff_local
from db.domain.checks import MAX_CENTS
from db.engine import Database
from db.errors import ValidationError
from db.reference.models import Club, ClubAlias, Competition, Season
from db.reference.queries import find_club
from db.reference.writes import ensure_club, ensure_competition, ensure_season
from db.squad.models import Player, SquadMembership
from db.squad.writes import update_membership
from db.versioning import constraint_field, insert_checked, update_versioned
from tests.helpers import add_player, build_squad

# --- every unique constraint is named on both engines --------------------------------------------


def _unique_keys() -> list[tuple[str, list[str], str | None]]:
    """(table, columns, explicit name) of every UNIQUE constraint and unique index."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint):
                name = constraint.name if isinstance(constraint.name, str) else None
                found.append((table.name, [c.name for c in constraint.columns], name))
        for index in table.indexes:
            if isinstance(index, Index) and index.unique:
                found.append((table.name, [c.name for c in index.columns], str(index.name)))
    return found


@pytest.mark.parametrize(("table", "columns", "name"), _unique_keys(), ids=lambda v: v if isinstance(v, str) else None)
def test_each_unique_key_names_its_field_in_both_engines_messages(table: str, columns: list[str], name: str | None) -> None:
    """SQLite's message names the columns, PostgreSQL's the constraint (``<table>_<columns>_key``
    unless it has a name of its own): a new table's unique keys need both in describe_constraints."""
    sqlite = f"UNIQUE constraint failed: {', '.join(f'{table}.{c}' for c in columns)}"
    postgres_name = name or f"{table}_{'_'.join(columns)}_key"
    postgres = f'duplicate key value violates unique constraint "{postgres_name}"'
    on_sqlite, on_postgres = constraint_field(sqlite), constraint_field(postgres)
    assert on_sqlite is not None, f"describe_constraints lacks {sqlite.split(': ')[1]!r}"
    assert on_postgres is not None, f"describe_constraints lacks {postgres_name!r}"
    assert on_sqlite == on_postgres and on_sqlite[0]


# --- real violations on either engine name the field ---------------------------------------------


def _refs(session: Session) -> dict[str, Any]:
    season, competition = ensure_season(session, "2024/25"), ensure_competition(session, "LaLiga", kind="league")
    ours, other = ensure_club(session, "Real Madrid CF"), ensure_club(session, "Getafe CF")
    return {"season_id": season.id, "competition_id": competition.id, "club_id": ours.id, "opponent_id": other.id,
            "venue_side": "home", "timezone": "Europe/Madrid", "kickoff_local": dt.datetime(2025, 5, 4, 14, 0)}


Write = Callable[[Session], None]


def _club_twice(_database: Database) -> Write:
    return lambda session: _insert_all(session, [Club(name="Real Madrid CF", short_name=n) for n in ("RM", "Real")])


def _alias_twice(_database: Database) -> Write:
    def write(session: Session) -> None:
        for name in ("Atlético de Madrid", "Club Atlético de Madrid SAD"):
            insert_checked(session, ClubAlias(club_id=ensure_club(session, name).id, alias="Atleti", alias_key="atleti"))
    return write


def _season_twice(_database: Database) -> Write:
    season = {"label": "2024/25", "starts_on": dt.date(2024, 7, 1), "ends_on": dt.date(2025, 6, 30)}
    return lambda session: _insert_all(session, [Season(**season), Season(**season)])


def _competition_twice(_database: Database) -> Write:
    return lambda session: _insert_all(session, [Competition(name="LaLiga", kind="league") for _ in range(2)])


def _fixture_twice(_database: Database) -> Write:
    def write(session: Session) -> None:
        refs = _refs(session)
        first = create_fixture(session, **refs, external_id="laliga:34", by="t")
        insert_checked(session, Fixture(**first.model_dump(exclude={"id"})))
    return write


def _membership_twice(database: Database, shirt_again: int | None) -> Write:
    club_id, season_id = build_squad(database)
    player_id, _ = add_player(database, (club_id, season_id), "Endrick", 16)

    def write(session: Session) -> None:
        other = Player(name="Someone Else")
        insert_checked(session, other)
        who = player_id if shirt_again is None else other.id
        assert who is not None
        insert_checked(session, SquadMembership(player_id=who, club_id=club_id, season_id=season_id,
                                                shirt_number=shirt_again))
    return write


def _insert_all(session: Session, rows: list[Any]) -> None:
    for row in rows:
        insert_checked(session, row)


UNIQUE_CASES: dict[str, tuple[Callable[[Database], Write], str]] = {
    "club.name": (_club_twice, "name"),
    "club_alias.alias_key": (_alias_twice, "aliases"),
    "season.label": (_season_twice, "label"),
    "competition.name": (_competition_twice, "name"),
    "fixture.external_id": (_fixture_twice, "external_id"),
    "membership_once_per_season": (lambda database: _membership_twice(database, None), "player_id"),
    "membership_shirt_unique": (lambda database: _membership_twice(database, 16), "shirt_number"),
}


@pytest.mark.parametrize("case", sorted(UNIQUE_CASES))
def test_a_unique_key_violated_in_the_database_names_its_field(database: Database, case: str) -> None:
    prepare, field = UNIQUE_CASES[case]
    write = prepare(database)
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        write(session)
    assert (refused.value.field, refused.value.code) == (field, "constraint")
    assert "already" in refused.value.message


CHECK_CASES = {
    "membership_wage": ({"annual_wage_cents": -1}, "annual_wage_cents"),
    "membership_contract_order": ({"contract_start": dt.date(2025, 1, 1), "contract_end": dt.date(2024, 1, 1)},
                                  "contract_end"),
    "membership_leave_dated": ({"left_on": dt.date(2025, 1, 1)}, "left_reason"),
}


@pytest.mark.parametrize("case", sorted(CHECK_CASES))
def test_a_check_constraint_violated_in_the_database_names_its_field(database: Database, case: str) -> None:
    """CHECK constraints carry the same name on both engines; values here skip Python's checks."""
    values, field = CHECK_CASES[case]
    club_season = build_squad(database)
    _, membership_id = add_player(database, club_season, "Endrick", 16)
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        update_versioned(session, SquadMembership, membership_id, 1, values, "t")
    assert refused.value.field == field


def test_an_empty_name_is_refused_by_the_database_by_field(database: Database) -> None:
    club_season = build_squad(database)
    player_id, _ = add_player(database, club_season, "Endrick", 16)
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        update_versioned(session, Player, player_id, 1, {"name": "   "}, "t")
    assert refused.value.field == "name"


# --- money, time zones, folding, widths -----------------------------------------------------------


def test_money_up_to_the_ceiling_round_trips_as_bigint(database: Database) -> None:
    assert MAX_CENTS > 2**31, "beyond a 32-bit INTEGER: the columns must be BIGINT on a server"
    club_season = build_squad(database)
    player_id, membership_id = add_player(database, club_season, "Endrick", 16, {"market_value_cents": MAX_CENTS},
                                          annual_wage_cents=2**31 + 7)
    update_membership(database, membership_id, 1, {"annual_wage_cents": MAX_CENTS})
    with database.reading() as session:
        player, membership = session.get(Player, player_id), session.get(SquadMembership, membership_id)
        assert player is not None and membership is not None
        assert (player.market_value_cents, membership.annual_wage_cents) == (MAX_CENTS, MAX_CENTS)


def test_stored_times_are_the_same_instant_whatever_the_server_time_zone(database: Database, db_engine: str) -> None:
    """Kick-offs are stored in UTC. A server hands timestamps back in its session's time zone (a
    club server may well run on Europe/Madrid); ``as_utc`` makes any of them the same instant."""
    with database.transaction() as session:
        fixture = create_fixture(session, **_refs(session), by="t")
    url = database.url
    if db_engine == "postgresql":  # the user's own connection options are kept beside Dugout's
        url = make_url(url).update_query_dict({"options": "-c timezone=America/New_York"}).render_as_string(
            hide_password=False)
    reader = Database(url)
    try:
        with reader.reading() as session:
            stored = session.get(Fixture, fixture.id)
            if db_engine == "postgresql":
                shown = [session.execute(text(f"SHOW {name}")).scalar() for name in ("TimeZone", "lock_timeout")]
                assert shown == ["America/New_York", "5s"]
    finally:
        reader.close()
    assert stored is not None
    assert as_utc(stored.kickoff_utc) == dt.datetime(2025, 5, 4, 12, 0, tzinfo=dt.UTC)
    assert kickoff_local(stored) == dt.datetime(2025, 5, 4, 14, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    assert abs(as_utc(stored.updated_at) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_club_names_fold_case_and_accents_the_same_on_both_engines(database: Database) -> None:
    """Folding happens in Python (``alias_key``), never in SQL collations, which differ by engine."""
    with database.transaction() as session:
        club = ensure_club(session, "Club Atlético de Madrid")
        again = ensure_club(session, "CLUB ATLETICO DE MADRID")
        assert again.id == club.id
    with database.reading() as session:
        assert all(getattr(find_club(session, name), "id", None) == club.id
                   for name in ("club atlético de madrid", "Club  Atletico de Madrid", "CLUB ATLÉTICO DE MADRID"))
        assert find_club(session, "Atlético") is None


@pytest.mark.parametrize("alias", ["x" * 121, "ß" * 61], ids=["long", "longer-once-folded"])
def test_an_alias_too_wide_for_its_column_is_refused_on_both_engines(database: Database, alias: str) -> None:
    """SQLite would store any length; PostgreSQL's VARCHAR(120) would fail mid-import: check first."""
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        ensure_club(session, "Real Madrid CF", aliases=[alias])
    assert (refused.value.field, refused.value.code) == ("aliases", "too_long")


def test_a_value_wider_than_its_column_is_one_validation_error_on_a_server(database: Database, db_engine: str) -> None:
    """Past the Python checks, SQLite keeps the value and a server refuses it in one line."""
    with database.transaction() as session:
        club = ensure_club(session, "Real Madrid CF")
    wide = ClubAlias(club_id=club.id or 0, alias="x" * 200, alias_key="x" * 200)
    if db_engine == "sqlite":
        with database.transaction() as session:
            insert_checked(session, wide)
        return
    with pytest.raises(ValidationError) as refused, database.transaction() as session:
        insert_checked(session, wide)
    assert refused.value.code == "out_of_range"
    assert "too long" in refused.value.message and "\n" not in refused.value.message
