"""The demo's medical section: the injuries of 2 May 2025, the Copa final's cards and the bans
that followed, and the LaLiga registration of the first team."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.demo.state import DemoLoad, date_or_none
from db.domain.text import fold
from db.errors import ValidationError
from db.i18n import tr
from db.medical.models import Booking, Injury, Suspension
from db.medical.validation import validate_injury_values
from db.medical.writes import create_booking, create_injury, create_suspension, find_injury, register_player
from db.squad.models import SquadMembership
from db.versioning import update_versioned

# The demo file leaves out a start date where the sources give none, but an injury needs one.
# We take the latest plausible day the file's notes and the fact sheet allow: Mendy was "already
# hurt before the Copa final (about 20-23 Apr)", Ceballos got hurt "around the end of April".
INJURY_START_FALLBACKS: dict[str, dt.date] = {
    "ferland mendy": dt.date(2025, 4, 23),
    "dani ceballos": dt.date(2025, 4, 30),
}


def load_medical(load: DemoLoad) -> None:
    """Injuries, then cards and the bans they brought, then registrations."""
    _load_injuries(load)
    bookings = _load_bookings(load)
    _load_suspensions(load, bookings)
    _load_registrations(load)


def _player_id(load: DemoLoad, name: str) -> int:
    key = fold(name)
    if key not in load.players:
        raise ValidationError("player", "unknown", tr("The demo names a player it does not list: {p}", p=name))
    return load.players[key]


def _load_injuries(load: DemoLoad) -> None:
    """Each injury once (matched on player, start date and kind; an older demo's is corrected)."""
    for entry in load.data["injuries"]:
        player_id = _player_id(load, entry["player"])
        key = fold(entry["player"])
        notes = entry.get("notes")
        started = date_or_none(entry.get("started_on"))
        if started is None and key in INJURY_START_FALLBACKS:
            started = INJURY_START_FALLBACKS[key]
            assumed = f"Start date not given by the sources; {started:%d %b %Y} assumed (the latest plausible day)."
            notes = f"{notes} {assumed}" if notes else assumed
        values = {
            "kind": entry["kind"],
            "body_part": entry.get("body_part"),
            "started_on": started,
            "expected_return_earliest": entry.get("expected_return_earliest"),
            "expected_return_latest": entry.get("expected_return_latest"),
            "certainty": entry.get("certainty") or "likely",
            "status": entry.get("status") or "out",
            "chance_of_playing": entry.get("chance_of_playing"),
            "surgery": bool(entry.get("surgery")),
            "surgery_on": entry.get("surgery_on"),
            "returned_on": entry.get("returned_on"),
            "medical_notes": notes,
        }
        existing = _existing_injury(load, player_id, started, entry["kind"])
        if existing is None:
            create_injury(load.session, player_id=player_id, values=values, by=load.by)
        elif load.refresh:
            clean = validate_injury_values(values)
            changes = {k: v for k, v in clean.items() if getattr(existing, k) != v}
            if changes:
                update_versioned(load.session, Injury, existing.id or 0, existing.version, changes, load.by)
                load.corrected += 1


def _existing_injury(load: DemoLoad, player_id: int, started: dt.date | None, kind: str) -> Injury | None:
    if started is None:
        return None
    found = find_injury(load.session, player_id=player_id, started_on=started, kind=kind)
    if found is None and load.refresh:  # an older demo named it otherwise (Bellingham's rest)
        found = load.session.exec(select(Injury).where(
            Injury.player_id == player_id, Injury.started_on == started)).first()
    return found


def _fixture_on(load: DemoLoad, competition: str, day: dt.date) -> Fixture:
    competition_id = load.competitions[competition][0]
    for fixture in load.session.exec(select(Fixture).where(
            Fixture.competition_id == competition_id, Fixture.club_id == load.our_club)):
        if kickoff_local(fixture).date() == day:
            return fixture
    raise ValidationError("fixture", "unknown", tr("The demo has no {c} match on {d}", c=competition, d=day.isoformat()))


def _load_bookings(load: DemoLoad) -> dict[tuple[str, str], int]:
    """The cards the demo lists; returns (folded player, card) -> booking id, for the bans."""
    ids: dict[tuple[str, str], int] = {}
    for entry in load.data.get("bookings", []):
        player_id = _player_id(load, entry["player"])
        fixture = _fixture_on(load, entry["competition"], dt.date.fromisoformat(entry["date"]))
        assert fixture.id is not None
        booking = load.session.exec(select(Booking).where(
            Booking.player_id == player_id, Booking.fixture_id == fixture.id, Booking.card == entry["card"])).first()
        if booking is None:
            rescinded_on = date_or_none(entry.get("rescinded_on"))
            values: dict[str, Any] = {"card": entry["card"], "rescinded": rescinded_on is not None,
                                      "rescinded_on": rescinded_on, "notes": entry.get("notes")}
            booking = create_booking(load.session, player_id=player_id, fixture_id=fixture.id, values=values,
                                     by=load.by)
        assert booking.id is not None
        ids[(fold(entry["player"]), entry["card"])] = booking.id
    return ids


def _load_suspensions(load: DemoLoad, bookings: dict[tuple[str, str], int]) -> None:
    """Each ban once (matched on player, competition and first day)."""
    for entry in load.data.get("suspensions", []):
        player_id = _player_id(load, entry["player"])
        competition_id = load.competitions[entry["competition"]][0]
        # "since" is the day of the match the card was shown in: the ban runs from the next day.
        starts_on = dt.date.fromisoformat(entry["since"]) + dt.timedelta(days=1)
        exists = load.session.exec(select(Suspension.id).where(
            Suspension.player_id == player_id, Suspension.competition_id == competition_id,
            Suspension.starts_on == starts_on)).first()
        if exists is not None:
            continue
        values = {"matches": entry["matches"], "starts_on": starts_on, "reason": entry["reason"],
                  "booking_id": bookings.get((fold(entry["player"]), entry.get("card", "red")))}
        create_suspension(load.session, player_id=player_id, competition_id=competition_id, values=values,
                          by=load.by)


def _load_registrations(load: DemoLoad) -> None:
    """Everyone of a role in our squad goes on a competition's list for the season (the first team
    on LaLiga's main list, the academy players with first-team numbers on its B list)."""
    for entry in load.data.get("registrations", []):
        competition_id = load.competitions[entry["competition"]][0]
        season_id = load.seasons[entry["season"]]
        members = load.session.exec(select(SquadMembership).where(
            SquadMembership.club_id == load.our_club, SquadMembership.season_id == season_id,
            SquadMembership.squad_role == entry["squad_role"]))
        for membership in members:
            register_player(load.session, player_id=membership.player_id, competition_id=competition_id,
                            season_id=season_id, list_name=entry.get("list", "main"), by=load.by)
