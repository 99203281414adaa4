"""Reading fixtures for the screens: our matches as plain rows (local day, competition, opponent),
and a league's table from every stored result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, func, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.domain.kickoffs import as_utc
from db.domain.league_table import Result, league_standings
from db.domain.match_sides import home_and_away
from db.errors import ValidationError
from db.i18n import tr
from db.reference.models import Club, Competition, Season
from db.reference.queries import table_rules


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


@dataclass(frozen=True, slots=True)
class TableRow:
    """A club's line in a league table."""

    position: int
    club_id: int
    club: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int


def league_table(session: Session, *, competition_id: int, season_id: int, before: dt.datetime) -> list[TableRow]:
    """The table of a competition's season from the results of matches kicked off before ``before``
    (an aware moment), by the competition's own rules; every club with a stored match is listed.
    Two queries, whatever the number of matches."""
    if before.tzinfo is None:
        raise ValidationError("before", "not_aware", tr("The moment of a table needs its time zone"))
    competition = session.get(Competition, competition_id)
    if competition is None:
        raise ValidationError("competition_id", "unknown", tr("No such competition (id {i})", i=competition_id))
    columns = (col(Fixture.club_id), col(Fixture.opponent_id), col(Fixture.venue_side), col(Fixture.goals_for),
               col(Fixture.goals_against), col(Fixture.kickoff_utc), col(Fixture.status))
    query = select_columns(*columns).where(col(Fixture.competition_id) == competition_id,
                                   col(Fixture.season_id) == season_id)
    results: list[Result] = []
    for club, opponent, side, goals_for, goals_against, kickoff, status in session.execute(query):
        if status == "cancelled":
            continue
        home, away, _neutral = home_and_away(club, opponent, side)
        home_goals, away_goals = (goals_against, goals_for) if home != club else (goals_for, goals_against)
        results.append(Result(home, away, home_goals, away_goals, as_utc(kickoff)))
    ids = {r.home for r in results} | {r.away for r in results}
    names = {row[0]: row[1] for row in session.execute(
        select(col(Club.id), col(Club.short_name)).where(col(Club.id).in_(ids)))} if ids else {}
    standings = league_standings(results, table_rules(competition), before=before.astimezone(dt.UTC), names=names)
    return [TableRow(s.position, s.club_id, names.get(s.club_id, ""), s.played, s.won, s.drawn, s.lost,
                     s.goals_for, s.goals_against, s.goal_difference, s.points) for s in standings]


@dataclass(frozen=True, slots=True)
class LeagueChoice:
    """A league whose table can be shown: the competition and season, and its zone (where a day ends)."""

    competition_id: int
    competition: str
    season_id: int
    season: str
    timezone: str | None


def league_choices(session: Session, *, club_id: int, as_of: dt.date) -> list[LeagueChoice]:
    """The leagues our club plays in during the season that holds ``as_of`` (else the latest season
    before it), ours first by how many of our matches they hold: what the calendar's table offers."""
    seasons = session.exec(select(Season).where(col(Season.starts_on) <= as_of).order_by(
        col(Season.starts_on).desc())).all()
    season = next((s for s in seasons if s.ends_on >= as_of), seasons[0] if seasons else None)
    if season is None:
        return []
    query = (select_columns(col(Competition.id), col(Competition.name), col(Competition.timezone),
                            func.count(col(Fixture.id)))
             .join(Fixture, col(Fixture.competition_id) == col(Competition.id))
             .where(col(Competition.kind) == "league", col(Fixture.season_id) == season.id,
                    (col(Fixture.club_id) == club_id) | (col(Fixture.opponent_id) == club_id))
             .group_by(col(Competition.id), col(Competition.name), col(Competition.timezone))
             .order_by(func.count(col(Fixture.id)).desc(), col(Competition.name)))
    assert season.id is not None
    return [LeagueChoice(cid, name, season.id, season.label, zone) for cid, name, zone, _n in session.execute(query)]
