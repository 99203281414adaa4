"""The demo's squad section: our players and the other clubs' players it names, with memberships."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import select

from db.demo.state import DemoLoad, cents, date_or_none
from db.domain.squad_rules import PersonKey, same_person
from db.domain.text import fold
from db.squad.models import Player, SquadMembership
from db.squad.validation import validate_membership_values, validate_player_values
from db.squad.writes import add_membership, create_player
from db.versioning import update_versioned


def load_squad(load: DemoLoad) -> None:
    """Our squad, then the players of other clubs the demo needs (transfer targets)."""
    for entry in load.data["players"]:
        _player(load, entry, load.our_club)
    for entry in load.data["other_players"]:
        _player(load, entry, load.club_id(entry["club"]))


def _player(load: DemoLoad, entry: dict[str, Any], club_id: int) -> None:
    name, born = entry["name"], date_or_none(entry.get("date_of_birth"))
    values = {
        "name": name,
        "date_of_birth": born,
        "nationalities": entry.get("nationalities") or "",
        "counts_as_eu": entry.get("counts_as_eu"),
        "preferred_foot": entry.get("foot"),
        "primary_position": entry.get("primary_position"),
        "secondary_positions": entry.get("secondary_positions") or "",
        "height_cm": entry.get("height_cm"),
        "market_value_cents": cents("market_value_eur", entry.get("market_value_eur")),
        "notes": entry.get("notes"),
    }
    player = _find_player(load, name, born)
    if player is None:
        player = create_player(load.session, values, as_of=load.as_of, by=load.by)
    elif load.refresh:
        _correct(load, Player, player, validate_player_values(values, as_of=load.as_of))
    assert player.id is not None
    load.players[fold(name)] = player.id
    membership = _membership_values(entry)
    existing = load.session.exec(
        select(SquadMembership).where(
            SquadMembership.player_id == player.id,
            SquadMembership.club_id == club_id,
            SquadMembership.season_id == load.current_season,
        )
    ).first()
    if existing is not None:
        if load.refresh:
            _correct(load, SquadMembership, existing, validate_membership_values(membership))
        return
    add_membership(
        load.session, player_id=player.id, club_id=club_id, season_id=load.current_season,
        values=membership, by=load.by,
    )


def _correct(load: DemoLoad, model: type[Player] | type[SquadMembership], row: Any, values: dict[str, Any]) -> None:
    """Bring a row of an older demo load to what the demo file says now (a corrected fact)."""
    changes = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changes:
        update_versioned(load.session, model, row.id, row.version, changes, load.by)
        load.corrected += 1


def _membership_values(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "shirt_number": entry.get("shirt"),
        "squad_role": entry.get("squad_role") or "first_team",
        "joined_on": entry.get("joined"),
        "contract_start": entry.get("contract_start"),
        "contract_end": entry.get("contract_end"),
        "annual_wage_cents": cents("annual_wage_eur", entry.get("annual_wage_eur")),
        "appearances": entry.get("appearances"),
        "minutes_played": entry.get("minutes"),
        "previous_club": entry.get("previous_club"),
    }


def _find_player(load: DemoLoad, name: str, born: dt.date | None) -> Player | None:
    """The same person already stored: ``same_person`` on folded name and date of birth; a demo
    entry without a date is matched on the name alone (the demo lists each person once)."""
    wanted = PersonKey(fold(name), born, None)
    candidates = load.session.exec(select(Player).where(Player.date_of_birth == born)).all()
    for candidate in candidates:
        if born is None and fold(candidate.name) == wanted.folded_name:
            return candidate
        if same_person(wanted, PersonKey(fold(candidate.name), candidate.date_of_birth, candidate.birth_year)):
            return candidate
    return None
