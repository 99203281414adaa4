"""Read queries that feed the screens: plain frozen rows, never live ORM objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.domain.squad_rules import age_on, contract_expiring, counts_as_eu
from db.reference.models import Club, Season
from db.reports.totals import reported_totals
from db.squad.models import Player, SquadMembership


@dataclass(frozen=True, slots=True)
class SquadRow:
    """One squad member as the squad list shows it, with the versions the user saw."""

    membership_id: int
    membership_version: int
    player_id: int
    player_version: int
    shirt_number: int | None
    name: str
    primary_position: str | None
    secondary_positions: tuple[str, ...]
    date_of_birth: dt.date | None
    birth_year: int | None
    age: int | None
    nationalities: tuple[str, ...]
    is_eu: bool | None
    preferred_foot: str | None
    height_cm: int | None
    squad_role: str
    joined_on: dt.date | None
    contract_start: dt.date | None
    contract_end: dt.date | None
    contract_expiring: bool
    appearances: int | None
    minutes_played: int | None
    market_value_cents: int | None
    annual_wage_cents: int | None
    left_on: dt.date | None
    left_reason: str | None
    # What the season's match reports add to the stored totals above (the baseline for matches
    # without a report): appearances and minutes.
    reported_appearances: int = 0
    reported_minutes: int = 0

    @property
    def total_appearances(self) -> int | None:
        """The stored appearances plus the reported matches (None while neither is known)."""
        return _plus(self.appearances, self.reported_appearances, self.reported_appearances)

    @property
    def total_minutes(self) -> int | None:
        """The stored minutes plus the reported matches' (None while neither is known)."""
        return _plus(self.minutes_played, self.reported_minutes, self.reported_appearances)


def _plus(baseline: int | None, reported: int, matches: int) -> int | None:
    """The baseline plus what ``matches`` reported matches add (0 minutes from a substitute who came
    on at the whistle is a known 0, not an unknown)."""
    return baseline if not matches else (baseline or 0) + reported


def _row(membership: SquadMembership, player: Player, as_of: dt.date,
         reported: tuple[int, int] = (0, 0)) -> SquadRow:
    assert membership.id is not None and player.id is not None
    return SquadRow(
        membership_id=membership.id,
        membership_version=membership.version,
        player_id=player.id,
        player_version=player.version,
        shirt_number=membership.shirt_number,
        name=player.name,
        primary_position=player.primary_position,
        secondary_positions=tuple(p for p in player.secondary_positions.split(",") if p),
        date_of_birth=player.date_of_birth,
        birth_year=player.birth_year,
        age=age_on(as_of, player.date_of_birth, player.birth_year),
        nationalities=tuple(c for c in player.nationalities.split(",") if c),
        is_eu=counts_as_eu(player.nationalities, player.counts_as_eu),
        preferred_foot=player.preferred_foot,
        height_cm=player.height_cm,
        squad_role=membership.squad_role,
        joined_on=membership.joined_on,
        contract_start=membership.contract_start,
        contract_end=membership.contract_end,
        contract_expiring=contract_expiring(membership.contract_end, as_of),
        appearances=membership.appearances,
        minutes_played=membership.minutes_played,
        market_value_cents=player.market_value_cents,
        annual_wage_cents=membership.annual_wage_cents,
        left_on=membership.left_on,
        left_reason=membership.left_reason,
        reported_appearances=reported[0],
        reported_minutes=reported[1],
    )


def squad_rows(
    session: Session,
    *,
    club_id: int,
    season_id: int,
    as_of: dt.date,
    membership_ids: Iterable[int] | None = None,
    include_left: bool = False,
) -> list[SquadRow]:
    """The club's squad in a season (only ``membership_ids`` when given), ordered by shirt number."""
    query = (
        select(SquadMembership, Player)
        .join(Player, col(Player.id) == col(SquadMembership.player_id))
        .where(SquadMembership.club_id == club_id, SquadMembership.season_id == season_id)
    )
    if membership_ids is not None:
        query = query.where(col(SquadMembership.id).in_(list(membership_ids)))
    if not include_left:
        query = query.where(SquadMembership.left_on == None)  # noqa: E711
    found = list(session.exec(query))
    reported = reported_totals(session, club_id=club_id, season_id=season_id,
                               player_ids=[m.player_id for m, _p in found] if membership_ids is not None else None)
    rows = [_row(m, p, as_of, reported.get(m.player_id, (0, 0))) for m, p in found]
    rows.sort(key=lambda r: (r.shirt_number is None, r.shirt_number or 0, r.name))
    return rows


def memberships_of_players(session: Session, *, club_id: int, season_id: int, player_ids: Iterable[int]) -> list[int]:
    """Membership ids in a club's season for the given players (to refresh rows after a player edit)."""
    query = select(SquadMembership.id).where(
        SquadMembership.club_id == club_id,
        SquadMembership.season_id == season_id,
        col(SquadMembership.player_id).in_(list(player_ids)),
    )
    return [i for i in session.exec(query) if i is not None]


@dataclass(frozen=True, slots=True)
class PlayerCardFacts:
    """What the player card shows: the player's squad row at the club they play for, and where."""

    row: SquadRow
    club_name: str
    season_label: str


def player_card(session: Session, *, player_id: int, season_id: int | None, as_of: dt.date) -> PlayerCardFacts | None:
    """A player's facts for the card: their membership in ``season_id`` (a current one first),
    else their latest membership; None for an unknown player or one never in a squad."""
    query = (
        select(SquadMembership, Player, Club, Season)
        .join(Player, col(Player.id) == col(SquadMembership.player_id))
        .join(Club, col(Club.id) == col(SquadMembership.club_id))
        .join(Season, col(Season.id) == col(SquadMembership.season_id))
        .where(SquadMembership.player_id == player_id)
    )
    found = list(session.exec(query))
    if not found:
        return None
    membership, player, club, season = max(
        found, key=lambda f: (f[0].season_id == season_id, f[0].left_on is None, f[3].starts_on)
    )
    reported = reported_totals(session, club_id=membership.club_id, season_id=membership.season_id,
                               player_ids=[player_id]).get(player_id, (0, 0))
    return PlayerCardFacts(_row(membership, player, as_of, reported), club.name, season.label)
