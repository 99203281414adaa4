"""Undo's data-layer side: a registry of restorable tables, and history found in every area."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import SQLModel

from db.engine import Database
from db.errors import StaleEdit
from db.medical.writes import create_injury
from db.restoring import RESTORABLE_TABLES, restorable
from db.squad.writes import add_player_to_squad, remove_new_player, stored_values
from tests.helpers import AS_OF, build_squad


def test_every_registered_table_resolves_to_its_model() -> None:
    for table in RESTORABLE_TABLES:
        entry = restorable(table)
        assert entry.model.__tablename__ == table
        assert table in SQLModel.metadata.tables


def test_undo_of_add_keeps_a_player_who_has_history_in_another_area(database: Database) -> None:
    club_id, season_id = build_squad(database)
    player_id, membership_id = add_player_to_squad(
        database, club_id=club_id, season_id=season_id, player={"name": "Endrick"}, membership={}, as_of=AS_OF)
    expected = stored_values(database, player_id, membership_id)
    with database.transaction() as session:
        create_injury(session, player_id=player_id, values={"kind": "Hamstring strain",
                                                            "started_on": dt.date(2025, 4, 1)}, by="physio")
    with pytest.raises(StaleEdit, match="has history"):
        remove_new_player(database, player_id, membership_id, expected=expected, versions=(1, 1))
    again = stored_values(database, player_id, membership_id)
    assert again == expected


def test_undo_of_add_removes_a_player_without_history(database: Database) -> None:
    club_id, season_id = build_squad(database)
    player_id, membership_id = add_player_to_squad(
        database, club_id=club_id, season_id=season_id, player={"name": "Endrick"}, membership={}, as_of=AS_OF)
    remove_new_player(database, player_id, membership_id, expected=stored_values(database, player_id, membership_id),
                      versions=(1, 1))
    with pytest.raises(StaleEdit):
        stored_values(database, player_id, membership_id)
