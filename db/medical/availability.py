"""Loading what the availability engine needs for a whole squad, in a fixed number of queries.

``load_availability_facts`` reads, for the given players, their injuries, bans, cards, absences
and registrations, plus the competitions, our fixtures and the seasons, once: nine queries
whatever the number of players or days. ``db.domain.availability.availability_on`` then answers
per player and day without touching the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.domain.availability import (
    AbsenceFact,
    BanFact,
    Calendar,
    CardFact,
    CompetitionFacts,
    InjuryFact,
    PlayerFacts,
)
from db.medical.models import Absence, Booking, Injury, Registration, Suspension
from db.reference.models import Competition, Season


@dataclass(frozen=True)
class AvailabilityFacts:
    """The facts of a squad: ``of(player_id)`` gives one player's, sharing one calendar."""

    calendar: Calendar
    players: dict[int, PlayerFacts]

    def of(self, player_id: int) -> PlayerFacts:
        """One player's facts (none recorded: an empty record, so always available)."""
        return self.players.get(player_id) or PlayerFacts(player_id, self.calendar)


def load_availability_facts(session: Session, players: Iterable[int], days: Iterable[dt.date] = (), *,
                            as_of: dt.date, club_id: int) -> AvailabilityFacts:
    """Everything ``availability_on`` needs for ``players`` on ``days`` (all days: facts do not
    depend on them), as known on ``as_of``."""
    ids = sorted(set(players))
    calendar = _calendar(session, as_of, club_id)
    injuries: dict[int, list[InjuryFact]] = {i: [] for i in ids}
    bans: dict[int, list[BanFact]] = {i: [] for i in ids}
    cards: dict[int, list[CardFact]] = {i: [] for i in ids}
    absences: dict[int, list[AbsenceFact]] = {i: [] for i in ids}
    registered: dict[int, set[tuple[int, int]]] = {i: set() for i in ids}
    if ids:
        for injury in session.exec(select(Injury).where(col(Injury.player_id).in_(ids))):
            injuries[injury.player_id].append(InjuryFact(
                injury.kind, injury.started_on, injury.status, injury.expected_return_earliest,
                injury.expected_return_latest, injury.chance_of_playing, injury.returned_on))
        for ban in session.exec(select(Suspension).where(col(Suspension.player_id).in_(ids))):
            bans[ban.player_id].append(BanFact(ban.competition_id, ban.starts_on, ban.matches, ban.reason,
                                               f"suspension:{ban.id}"))
        shown = select(Booking, Fixture).join(Fixture, col(Fixture.id) == col(Booking.fixture_id)).where(
            col(Booking.player_id).in_(ids))
        for booking, fixture in session.exec(shown):
            cards[booking.player_id].append(CardFact(
                fixture.competition_id, kickoff_local(fixture).date(), booking.card, booking.rescinded))
        for absence in session.exec(select(Absence).where(col(Absence.player_id).in_(ids))):
            absences[absence.player_id].append(
                AbsenceFact(absence.kind, absence.starts_on, absence.ends_on, absence.reason))
        for player_id, competition_id, season_id in session.exec(
                select(col(Registration.player_id), col(Registration.competition_id), col(Registration.season_id))
                .where(col(Registration.player_id).in_(ids))):
            registered[player_id].add((competition_id, season_id))
    return AvailabilityFacts(calendar, {
        i: PlayerFacts(i, calendar, tuple(injuries[i]), tuple(bans[i]), tuple(cards[i]), tuple(absences[i]),
                       frozenset(registered[i]))
        for i in ids
    })


def _calendar(session: Session, as_of: dt.date, club_id: int) -> Calendar:
    days: dict[int, list[tuple[dt.date, str | None]]] = {}
    for fixture in session.exec(select(Fixture).where(col(Fixture.club_id) == club_id)):
        days.setdefault(fixture.competition_id, []).append((kickoff_local(fixture).date(), fixture.round))
    competitions = {}
    for competition in session.exec(select(Competition)):
        assert competition.id is not None
        ordered = sorted(days.get(competition.id, []), key=lambda pair: pair[0])
        competitions[competition.id] = CompetitionFacts(
            competition.id, competition.name, tuple(d for d, _ in ordered), tuple(r for _, r in ordered),
            competition.yellow_card_ban_threshold, competition.yellow_card_ban_every,
            competition.yellow_cards_reset_after)
    seasons = tuple((s.id or 0, s.starts_on, s.ends_on) for s in session.exec(select(Season)))
    kept = frozenset((int(c), int(s)) for c, s in session.exec(
        select(col(Registration.competition_id), col(Registration.season_id)).distinct()))
    return Calendar(as_of, competitions, seasons, kept)
