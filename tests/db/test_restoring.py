"""Undo's data-layer side: a registry of restorable tables, history found in every area, and
compare-and-swap restores that hold under concurrent writers on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlmodel import SQLModel, select

from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.medical.models import Injury
from db.medical.writes import create_injury
from db.restoring import RESTORABLE_TABLES, restorable, swap_fields
from db.squad.models import Player
from db.squad.writes import add_player_to_squad, remove_new_player, stored_values, update_player
from tests.helpers import AS_OF, add_player, build_squad


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


def test_undo_and_redo_of_an_edit_compare_and_swap_on_values(database: Database) -> None:
    """Undo writes back only over the value this app wrote; another user's later value stays."""
    club_season = build_squad(database)
    player_id, _ = add_player(database, club_season, "Fede Valverde", 8)
    version = update_player(database, player_id, 1, {"height_cm": 182}, as_of=AS_OF, by="coach")
    undone = swap_fields(database, "player", player_id, expected={"height_cm": 182}, changes={"height_cm": None},
                         as_of=AS_OF, version=version)
    redone = swap_fields(database, "player", player_id, expected={"height_cm": None}, changes={"height_cm": 182},
                         as_of=AS_OF, version=undone)
    update_player(database, player_id, redone, {"height_cm": 181}, as_of=AS_OF, by="physio")
    with pytest.raises(StaleEdit):
        swap_fields(database, "player", player_id, expected={"height_cm": 182}, changes={"height_cm": None},
                    as_of=AS_OF, version=redone)
    with database.reading() as session:
        player = session.get(Player, player_id)
        assert player is not None and (player.height_cm, player.updated_by) == (181, "physio")


def test_redo_of_add_brings_the_player_back_under_the_same_ids_and_new_ids_follow(database: Database) -> None:
    club_id, season_id = build_squad(database)
    ids = add_player_to_squad(
        database, club_id=club_id, season_id=season_id, player={"name": "Endrick"}, membership={}, as_of=AS_OF)
    remove_new_player(database, *ids, expected=stored_values(database, *ids), versions=(1, 1))
    again = add_player_to_squad(database, club_id=club_id, season_id=season_id, player={"name": "Endrick"},
                                membership={}, as_of=AS_OF, ids=ids)
    assert again == ids
    # On a server the ids come from sequences: a restored id must not collide with the next one.
    later = add_player_to_squad(
        database, club_id=club_id, season_id=season_id, player={"name": "Gonzalo García"}, membership={}, as_of=AS_OF)
    assert later[0] > ids[0] and later[1] > ids[1]


def test_an_injury_added_while_undo_removes_the_player_is_never_lost(database: Database, monkeypatch) -> None:
    """Undo of "add player" checks the player has no history, then deletes. A physio adding an
    injury in between must either keep the player (undo refused) or be refused; the injury must
    never vanish with a cascade. SQLite serialises writers; on PostgreSQL the rows are locked."""
    import db.squad.writes as squad_writes

    club_id, season_id = build_squad(database)
    ids = add_player_to_squad(
        database, club_id=club_id, season_id=season_id, player={"name": "Endrick"}, membership={}, as_of=AS_OF)
    expected = stored_values(database, *ids)
    checked, release = threading.Event(), threading.Event()
    counted = squad_writes.rows_referring_to

    def slow_count(*args, **kwargs) -> int:
        found = counted(*args, **kwargs)
        checked.set()
        release.wait(5)
        return found

    monkeypatch.setattr(squad_writes, "rows_referring_to", slow_count)
    outcome: dict[str, object] = {}

    def undo() -> None:
        try:
            remove_new_player(database, *ids, expected=expected, versions=(1, 1))
            outcome["undone"] = True
        except StaleEdit as error:
            outcome["undo_refused"] = error

    physio = Database(database.url)

    def add_injury() -> None:
        try:
            with physio.transaction() as session:
                create_injury(session, player_id=ids[0], by="physio",
                              values={"kind": "Hamstring strain", "started_on": dt.date(2025, 4, 1)})
            outcome["injury"] = True
        except ValidationError as error:
            outcome["injury_refused"] = error

    undoing = threading.Thread(target=undo)
    undoing.start()
    assert checked.wait(5)
    injuring = threading.Thread(target=add_injury)
    injuring.start()
    time.sleep(0.3)
    release.set()
    undoing.join(10)
    injuring.join(10)
    physio.close()
    with database.reading() as session:
        injuries = session.exec(select(Injury).where(Injury.player_id == ids[0])).all()
        player = session.get(Player, ids[0])
    if outcome.get("injury"):
        assert player is not None and len(injuries) == 1, "a saved injury must not be cascade-deleted"
    else:
        assert "injury_refused" in outcome and player is None
    assert outcome.get("undone") or outcome.get("undo_refused")
