"""Constraint violations name their field; inserts and versioned updates in the caller's transaction."""

from __future__ import annotations

import pytest

from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.reference.models import Club
from db.versioning import insert_checked, update_versioned


def test_a_constraint_caught_by_the_database_names_its_field(database: Database) -> None:
    with database.transaction() as session:
        insert_checked(session, Club(name="Real Madrid CF", short_name="Real Madrid"))
    with pytest.raises(ValidationError) as info, database.transaction() as session:
        insert_checked(session, Club(name="Real Madrid CF", short_name="Madrid"))
    assert info.value.field == "name" and info.value.message == "A club of that name already exists"


def test_an_unknown_constraint_still_says_what_the_database_refused(database: Database) -> None:
    with pytest.raises(ValidationError) as info, database.transaction() as session:
        insert_checked(session, Club(name="   ", short_name="x"))
    assert info.value.field == "" and "club_name_not_empty" in info.value.message


def test_update_versioned_bumps_the_version_or_refuses_a_stale_one(database: Database) -> None:
    with database.transaction() as session:
        club = Club(name="Celta", short_name="Celta")
        insert_checked(session, club)
        club_id = club.id
    assert club_id is not None
    with database.transaction() as session:
        assert update_versioned(session, Club, club_id, 1, {"short_name": "Celta Vigo"}, "test") == 2
    with pytest.raises(StaleEdit), database.transaction() as session:
        update_versioned(session, Club, club_id, 1, {"short_name": "RC Celta"}, "test")
