"""Validated writes: errors name their field, stale edits are refused, constraints hold in the
database (on SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.reference.writes import ensure_club, ensure_season
from db.restoring import swap_fields
from db.squad.models import Player, SquadMembership
from db.squad.writes import add_player_to_squad, mark_left, update_membership, update_player
from tests.helpers import AS_OF


@pytest.fixture
def squad(database: Database) -> tuple[int, int]:
    with database.transaction() as session:
        club = ensure_club(session, "Real Madrid CF", short_name="Real Madrid", aliases=["Real Madrid CF (ESP)"])
        season = ensure_season(session, "2024/25")
        assert club.id and season.id
        return club.id, season.id


def _add(database: Database, squad: tuple[int, int], name: str, shirt: int | None, **membership) -> tuple[int, int]:
    club_id, season_id = squad
    return add_player_to_squad(
        database,
        club_id=club_id,
        season_id=season_id,
        player={"name": name, "date_of_birth": "2003-06-29", "primary_position": "AM"},
        membership={"shirt_number": shirt, **membership},
        as_of=AS_OF,
    )


def _counts(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return (
            len(session.exec(select(Player)).all()),
            len(session.exec(select(SquadMembership)).all()),
        )


def _refused(database: Database, call, field: str, code: str) -> ValidationError:
    before = _counts(database)
    with pytest.raises(ValidationError) as info:
        call()
    assert (info.value.field, info.value.code) == (field, code)
    assert info.value.message
    assert _counts(database) == before, "a refused write must leave the database as it was"
    return info.value


def test_duplicate_shirt_number_names_the_field_and_the_wearer(database, squad) -> None:
    _add(database, squad, "Jude Bellingham", 5)
    error = _refused(database, lambda: _add(database, squad, "Someone Else", 5), "shirt_number", "duplicate")
    assert "Jude Bellingham" in error.message


def test_contract_ending_before_it_starts(database, squad) -> None:
    _refused(
        database,
        lambda: _add(database, squad, "Luka Modric", 10, contract_start="2024-07-01", contract_end="2024-06-30"),
        "contract_end",
        "before_start",
    )


def test_negative_wage(database, squad) -> None:
    _refused(database, lambda: _add(database, squad, "A", 3, annual_wage_cents=-1), "annual_wage_cents", "negative")


def test_empty_name(database, squad) -> None:
    _refused(database, lambda: _add(database, squad, "   ", 3), "name", "empty")


def test_birth_date_after_planning_date(database, squad) -> None:
    club_id, season_id = squad
    _refused(
        database,
        lambda: add_player_to_squad(
            database,
            club_id=club_id,
            season_id=season_id,
            player={"name": "Future Kid", "date_of_birth": AS_OF + dt.timedelta(days=1)},
            membership={},
            as_of=AS_OF,
        ),
        "date_of_birth",
        "after_planning_date",
    )


def test_unknown_position_is_refused(database, squad) -> None:
    player_id, _ = _add(database, squad, "Jude Bellingham", 5)
    _refused(
        database,
        lambda: update_player(database, player_id, 1, {"secondary_positions": "CM, XX"}, as_of=AS_OF),
        "secondary_positions",
        "unknown",
    )


def test_edit_bumps_version_and_records_who(database, squad) -> None:
    player_id, _ = _add(database, squad, "Jude Bellingham", 5)
    new_version = update_player(database, player_id, 1, {"secondary_positions": "CM"}, as_of=AS_OF, by="physio")
    assert new_version == 2
    with database.reading() as session:
        player = session.get(Player, player_id)
        assert player is not None
        assert (player.version, player.secondary_positions, player.updated_by) == (2, "CM", "physio")


def test_stale_edit_is_refused(squad, database) -> None:
    """Two users load version 1; the second save must be refused, not silently overwrite."""
    player_id, _ = _add(database, squad, "Jude Bellingham", 5)
    other_user = Database(database.url)
    try:
        with other_user.reading() as session:
            seen = session.get(Player, player_id)
            assert seen is not None
            seen_version = seen.version
        update_player(database, player_id, seen_version, {"height_cm": 186}, as_of=AS_OF)
        with pytest.raises(StaleEdit):
            update_player(other_user, player_id, seen_version, {"height_cm": 190}, as_of=AS_OF)
    finally:
        other_user.close()
    with database.reading() as session:
        player = session.get(Player, player_id)
        assert player is not None and player.height_cm == 186


def test_leaving_is_a_dated_record_and_frees_the_shirt(database, squad) -> None:
    _, membership_id = _add(database, squad, "Toni Kroos", 8)
    mark_left(database, membership_id, 1, left_on="2024-06-30", reason="retired")
    _add(database, squad, "Federico Valverde", 8)  # number 8 is free again
    with pytest.raises(ValidationError) as info:
        swap_fields(
            database, "squad_membership", membership_id, as_of=AS_OF,
            expected={"left_on": "2024-06-30", "left_reason": "retired"}, changes={"left_on": None, "left_reason": None},
        )
    assert info.value.field == "shirt_number"
    with database.reading() as session:
        kept = session.get(SquadMembership, membership_id)
        assert kept is not None and kept.left_reason == "retired"


def test_membership_edit_checks_contract_against_stored_start(database, squad) -> None:
    _, membership_id = _add(database, squad, "Luka Modric", 10, contract_start="2024-07-01")
    with pytest.raises(ValidationError) as info:
        update_membership(database, membership_id, 1, {"contract_end": "2024-01-01"})
    assert info.value.field == "contract_end"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE squad_membership SET annual_wage_cents = -5",
        "UPDATE squad_membership SET shirt_number = 100",
        "UPDATE player SET primary_position = 'XX'",
        "UPDATE player SET name = '  '",
        "UPDATE squad_membership SET contract_start = '2025-01-01', contract_end = '2024-01-01'",
        "UPDATE squad_membership SET left_on = '2025-01-01'",
        "DELETE FROM player",
    ],
)
def test_constraints_live_in_the_database_too(database, squad, statement: str) -> None:
    _add(database, squad, "Jude Bellingham", 5)
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(text(statement))


def test_duplicate_shirt_refused_by_the_database_itself(database, squad) -> None:
    _add(database, squad, "Jude Bellingham", 5)
    player_id, membership_id = _add(database, squad, "Other", 6)
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(text("UPDATE squad_membership SET shirt_number = 5 WHERE id = :id"), {"id": membership_id})


def test_club_aliases_resolve_one_club(database) -> None:
    from db.reference.queries import find_club

    with database.transaction() as session:
        ensure_club(session, "Real Madrid CF", aliases=["Real Madrid", "Real Madrid CF (ESP)"])
        ensure_club(session, "Real Madrid")  # an alias: no second club
    with database.reading() as session:
        ids = {find_club(session, n).id for n in ("Real Madrid", "real madrid cf", "Real Madrid CF (ESP)")}
        assert len(ids) == 1


def test_absurd_money_is_a_validation_error_not_a_crash(database, squad) -> None:
    _refused(database, lambda: _add(database, squad, "A", 3, annual_wage_cents=2**63), "annual_wage_cents", "too_large")


def test_yes_no_fields_accept_only_yes_or_no(database, squad) -> None:
    player_id, _ = _add(database, squad, "Andriy Lunin", 13)
    with pytest.raises(ValidationError) as info:
        update_player(database, player_id, 1, {"counts_as_eu": "maybe"}, as_of=AS_OF)
    assert info.value.field == "counts_as_eu"
    assert update_player(database, player_id, 1, {"counts_as_eu": "no"}, as_of=AS_OF) == 2
    with database.reading() as session:
        assert session.get(Player, player_id).counts_as_eu is False


def test_leaving_needs_a_reason_and_cannot_precede_joining(database, squad) -> None:
    _refused(database, lambda: _add(database, squad, "A", 3, left_on="2025-01-01"), "left_reason", "incomplete")
    _, membership_id = _add(database, squad, "B", 4, joined_on="2024-07-01")
    with pytest.raises(ValidationError) as info:
        mark_left(database, membership_id, 1, left_on="2024-01-01", reason="transfer")
    assert info.value.field == "left_on"


@pytest.mark.parametrize(("text", "label"), [("2024/25", "2024/25"), ("2024-2025", "2024/25"), ("2025", "2025")])
def test_season_labels_have_one_spelling(database, text: str, label: str) -> None:
    with database.transaction() as session:
        assert ensure_season(session, text).label == label


def test_leaving_is_dated_and_explained_together_but_a_date_may_be_corrected(
    database: Database, squad: tuple[int, int]
) -> None:
    _player_id, membership_id = _add(database, squad, "Lucas Vázquez", 17, joined_on="2015-07-01")
    with pytest.raises(ValidationError) as incomplete:
        update_membership(database, membership_id, 1, {"left_on": "2025-06-30"})
    assert incomplete.value.field == "left_reason"
    version = mark_left(database, membership_id, 1, left_on="2025-06-30", reason="contract_expired")
    version = update_membership(database, membership_id, version, {"left_on": "2025-07-01"})  # reason kept
    with pytest.raises(ValidationError) as early:
        update_membership(database, membership_id, version, {"left_on": "2015-06-30"})
    assert early.value.field == "left_on" and "before joining" in early.value.message
