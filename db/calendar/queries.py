"""Reading our fixtures for the screens: plain rows with the local day, competition and opponent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.reference.models import Club, Competition


@dataclass(frozen=True, slots=True)
class FixtureRow:
    """One of our matches: when (local to where it is played), what, against whom, where."""

    fixture_id: int
    day: dt.date
    kickoff: dt.datetime
    time_known: bool
    competition_id: int
    competition: str
    opponent: str
    venue_side: str
    round: str | None
    season_id: int


def fixtures_of(session: Session, *, club_id: int, start: dt.date | None = None, end: dt.date | None = None,
                competition_id: int | None = None) -> list[FixtureRow]:
    """Our club's fixtures whose local day lies in [start, end], in kick-off order."""
    query = (
        select(Fixture, Competition.name, Club.short_name)
        .join(Competition, col(Competition.id) == col(Fixture.competition_id))
        .join(Club, col(Club.id) == col(Fixture.opponent_id))
        .where(col(Fixture.club_id) == club_id)
        .order_by(col(Fixture.kickoff_utc))
    )
    if competition_id is not None:
        query = query.where(col(Fixture.competition_id) == competition_id)
    if start is not None:  # a day early: the local day can be behind UTC's
        query = query.where(col(Fixture.kickoff_utc) >= dt.datetime.combine(start - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC))
    if end is not None:
        query = query.where(col(Fixture.kickoff_utc) < dt.datetime.combine(end + dt.timedelta(days=2), dt.time(), tzinfo=dt.UTC))
    rows = []
    for fixture, competition, opponent in session.exec(query):
        local = kickoff_local(fixture)
        if (start is not None and local.date() < start) or (end is not None and local.date() > end):
            continue
        assert fixture.id is not None
        rows.append(FixtureRow(fixture.id, local.date(), local, fixture.kickoff_time_known, fixture.competition_id,
                               competition, opponent, fixture.venue_side, fixture.round, fixture.season_id))
    return rows


def next_fixture(session: Session, *, club_id: int, on_or_after: dt.date) -> FixtureRow | None:
    """Our first fixture on or after a day."""
    upcoming = fixtures_of(session, club_id=club_id, start=on_or_after, end=on_or_after + dt.timedelta(days=400))
    return upcoming[0] if upcoming else None


def fixture_on(session: Session, *, club_id: int, day: dt.date) -> FixtureRow | None:
    """Our fixture on a local day, if there is one."""
    found = fixtures_of(session, club_id=club_id, start=day, end=day)
    return found[0] if found else None
