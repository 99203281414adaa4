"""The availability forecast: every squad player's availability for each of our next fixtures.

One ``load_availability_facts`` call reads the whole squad for all the fixture days (nine
queries); the engine then answers each (player, fixture) pair in that fixture's competition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from db.calendar.queries import FixtureRow, fixtures_of
from db.domain.availability import Availability, availability_on
from db.domain.depth import LINES, line_of
from db.domain.vocab import POSITIONS
from db.medical.availability import load_availability_facts
from db.squad.queries import squad_rows

MAX_FIXTURES = 40  # what the screen lets the user ask for


@dataclass(frozen=True, slots=True)
class ForecastPlayer:
    """A squad member as the forecast lists him: in his line (GK, DF, MF, FW; None: no position)."""

    player_id: int
    name: str
    shirt_number: int | None
    position: str | None
    line: str | None
    squad_role: str


@dataclass(frozen=True)
class Forecast:
    """Players in line order × fixtures in date order; ``verdicts[p][f]`` answers player p, fixture f."""

    as_of: dt.date
    fixtures: tuple[FixtureRow, ...]
    players: tuple[ForecastPlayer, ...]
    verdicts: tuple[tuple[Availability, ...], ...]


_LINE_ORDER = {line: rank for rank, line in enumerate(LINES)}
_POSITION_ORDER = {position: rank for rank, position in enumerate(POSITIONS)}


def _order(player: ForecastPlayer) -> tuple[int, int, int, int, str]:
    return (_LINE_ORDER.get(player.line or "", len(LINES)), player.squad_role == "academy",
            _POSITION_ORDER.get(player.position or "", len(POSITIONS)),
            player.shirt_number if player.shirt_number is not None else 1000, player.name)


def availability_forecast(session: Session, *, club_id: int, season_id: int, as_of: dt.date,
                          count: int) -> Forecast:
    """The current squad's availability for our next ``count`` fixtures from the planning date."""
    wanted = max(0, min(count, MAX_FIXTURES))
    fixtures = tuple(fixtures_of(session, club_id=club_id, start=as_of)[:wanted])
    members = squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)
    players = sorted((ForecastPlayer(m.player_id, m.name, m.shirt_number, m.primary_position,
                                     line_of(m.primary_position), m.squad_role) for m in members), key=_order)
    facts = load_availability_facts(session, [p.player_id for p in players], [f.day for f in fixtures],
                                    as_of=as_of, club_id=club_id)
    verdicts = tuple(
        tuple(availability_on(facts.of(p.player_id), f.day, f.competition_id) for f in fixtures) for p in players)
    return Forecast(as_of, fixtures, tuple(players), verdicts)
