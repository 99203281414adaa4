"""Reading our fixtures for the calendar screen: every field of a match as a plain row, and the
choices a fixture form offers (competitions, opponents, our usual zone and ground)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from db.calendar.models import Fixture
from db.calendar.writes import as_utc, kickoff_local
from db.medical.models import Booking
from db.reference.models import Club, Competition
from db.reports.models import Appearance


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One of our matches with the version the user saw; ``kickoff`` is local to where it is played."""

    fixture_id: int
    version: int
    season_id: int
    competition_id: int
    competition: str
    opponent_id: int
    opponent: str  # the club's short name
    opponent_name: str
    venue_side: str
    venue: str | None
    kickoff: dt.datetime
    time_known: bool
    timezone: str
    round: str | None
    status: str
    goals_for: int | None
    goals_against: int | None
    extra_time: bool
    penalties_for: int | None
    penalties_against: int | None
    notes: str | None
    external_id: str | None
    cards: int  # cards recorded in the match (such a match is not deleted)
    reported: int = 0  # players in the match's report (0: no report)

    @property
    def day(self) -> dt.date:
        """The match day where it is played (what availability and the month view go by)."""
        return self.kickoff.date()

    @property
    def kickoff_utc(self) -> dt.datetime:
        """The kick-off as an aware UTC moment."""
        return as_utc(self.kickoff)


def schedule(session: Session, *, club_id: int, fixture_ids: Iterable[int] | None = None) -> list[ScheduleRow]:
    """Our club's fixtures (only ``fixture_ids`` when given), in kick-off order."""
    query = (
        select(Fixture, Competition.name, Club.short_name, Club.name)
        .join(Competition, col(Competition.id) == col(Fixture.competition_id))
        .join(Club, col(Club.id) == col(Fixture.opponent_id))
        .where(col(Fixture.club_id) == club_id)
        .order_by(col(Fixture.kickoff_utc))
    )
    wanted = None if fixture_ids is None else sorted(set(fixture_ids))
    if wanted is not None:
        query = query.where(col(Fixture.id).in_(wanted))
    found = list(session.exec(query))
    cards_query = select(col(Booking.fixture_id), func.count()).group_by(col(Booking.fixture_id))
    if wanted is not None:
        cards_query = cards_query.where(col(Booking.fixture_id).in_(wanted))
    cards = {int(fixture_id): int(count) for fixture_id, count in session.exec(cards_query)}
    reported_query = select(col(Appearance.fixture_id), func.count()).group_by(col(Appearance.fixture_id))
    if wanted is not None:
        reported_query = reported_query.where(col(Appearance.fixture_id).in_(wanted))
    reported = {int(fixture_id): int(count) for fixture_id, count in session.exec(reported_query)}
    rows = []
    for fixture, competition, short_name, name in found:
        assert fixture.id is not None
        rows.append(ScheduleRow(
            fixture.id, fixture.version, fixture.season_id, fixture.competition_id, competition, fixture.opponent_id,
            short_name, name, fixture.venue_side, fixture.venue, kickoff_local(fixture), fixture.kickoff_time_known,
            fixture.timezone, fixture.round, fixture.status, fixture.goals_for, fixture.goals_against,
            fixture.extra_time, fixture.penalties_for, fixture.penalties_against, fixture.notes, fixture.external_id,
            cards.get(fixture.id, 0), reported.get(fixture.id, 0)))
    return rows


@dataclass(frozen=True)
class FixtureChoices:
    """What a fixture form offers: competitions and opponents (id, name), and the zone and ground
    our home matches usually have (the defaults of a new fixture)."""

    competitions: tuple[tuple[int, str], ...]
    opponents: tuple[tuple[int, str], ...]
    home_zone: str
    home_venue: str | None
    usual_competition: int | None = None  # the one most of our fixtures are in


def fixture_choices(session: Session, *, club_id: int) -> FixtureChoices:
    """The competitions, the other clubs (by name) and our usual home zone and ground."""
    competitions = tuple((c.id or 0, c.name) for c in session.exec(select(Competition).order_by(col(Competition.name))))
    clubs = tuple((c.id or 0, c.name) for c in session.exec(select(Club).where(col(Club.id) != club_id)
                                                              .order_by(col(Club.name))))
    homes = list(session.exec(select(Fixture.timezone, Fixture.venue).where(
        col(Fixture.club_id) == club_id, col(Fixture.venue_side) == "home")))
    zones = Counter(zone for zone, _ in homes)
    venues = Counter(venue for _, venue in homes if venue)
    usual = Counter(session.exec(select(Fixture.competition_id).where(col(Fixture.club_id) == club_id)))
    return FixtureChoices(competitions, clubs, zones.most_common(1)[0][0] if zones else "UTC",
                          venues.most_common(1)[0][0] if venues else None,
                          usual.most_common(1)[0][0] if usual else None)
