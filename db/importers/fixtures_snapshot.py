"""What a fixture import plans against, read once without the write lock: clubs, competitions,
seasons, external ids, and the stored matches of each competition's season it touches.

A season's matches are read when a line first needs them (one query per competition and season,
never one per line) and indexed by the match key: competition, season, home and away club (at a
neutral ground, the two clubs in any order), and the round in a cup. The fingerprint taken with
them lets the merge see whether another user added or removed matches meanwhile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from db.calendar.models import Fixture
from db.domain.kickoffs import as_utc
from db.domain.match_sides import home_and_away
from db.domain.text import fold
from db.importers.club_names import ClubIndex
from db.reference.models import Club, ClubAlias, Competition, CompetitionAlias, Season
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, get_setting

# The columns a match's import compares (identity and bookkeeping aside), as upsert_fixture does.
COMPARED = (
    "season_id", "competition_id", "club_id", "opponent_id", "venue_side", "venue", "kickoff_utc",
    "kickoff_time_known", "timezone", "round", "status", "goals_for", "goals_against", "extra_time",
    "penalties_for", "penalties_against", "external_id",
)


@dataclass(frozen=True)
class KnownCompetition:
    """A competition as stored: what the planner needs of it."""

    id: int
    name: str
    kind: str
    country: str | None
    timezone: str | None


@dataclass
class StoredMatch:
    """A stored fixture: id, version, its compared values, and its match key parts."""

    id: int
    version: int
    values: dict[str, Any]
    home: int
    away: int
    neutral: bool

    @property
    def round_key(self) -> str:
        return fold(self.values["round"] or "")


@dataclass
class SeasonMatches:
    """The stored matches of one competition's season, by home and away club and by pair."""

    ordered: dict[tuple[int, int], list[StoredMatch]] = field(default_factory=dict)
    pairs: dict[frozenset[int], list[StoredMatch]] = field(default_factory=dict)

    def add(self, match: StoredMatch) -> None:
        self.ordered.setdefault((match.home, match.away), []).append(match)
        self.pairs.setdefault(frozenset((match.home, match.away)), []).append(match)


def round_key(text: str | None) -> str:
    """A round's name as compared ('Quarter-finals' and 'quarter finals' alike)."""
    return fold((text or "").replace("-", " "))


@dataclass
class Snapshot:
    """Reference data and stored matches as one plan saw them."""

    session: Session
    our_club: int | None = None
    current_season: int | None = None
    clubs: ClubIndex = field(default_factory=ClubIndex)
    club_countries: dict[int, str | None] = field(default_factory=dict)
    competitions: dict[int, KnownCompetition] = field(default_factory=dict)
    competition_keys: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, tuple[int, dt.date, dt.date]] = field(default_factory=dict)  # label -> (id, first, last day)
    external: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # id -> (fixture, competition, season)
    loaded: dict[tuple[int, int], SeasonMatches] = field(default_factory=dict)
    fingerprints: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    by_id: dict[int, StoredMatch] = field(default_factory=dict)

    def read(self) -> None:
        """Read clubs, aliases, competitions, seasons and every external id (five queries)."""
        session = self.session
        ours, current = get_setting(session, OUR_CLUB), get_setting(session, CURRENT_SEASON)
        self.our_club = int(ours) if ours else None
        self.current_season = int(current) if current else None
        aliases: dict[int, list[str]] = {}
        for club_id, alias in session.execute(select(col(ClubAlias.club_id), col(ClubAlias.alias))):
            aliases.setdefault(club_id, []).append(alias)
        for club_id, name, country in session.execute(select(col(Club.id), col(Club.name), col(Club.country))):
            self.clubs.add(club_id, name, aliases.get(club_id, ()))
            self.club_countries[club_id] = country
        for row in session.execute(select(col(Competition.id), col(Competition.name), col(Competition.kind),
                                          col(Competition.country), col(Competition.timezone))):
            self.competitions[row[0]] = KnownCompetition(*row)
            self.competition_keys.setdefault(fold(row[1]), row[0])
        for competition_id, key in session.execute(select(col(CompetitionAlias.competition_id),
                                                          col(CompetitionAlias.alias_key))):
            self.competition_keys.setdefault(key, competition_id)
        for season_id, label, first, last in session.execute(
                select(col(Season.id), col(Season.label), col(Season.starts_on), col(Season.ends_on))):
            self.seasons[label] = (season_id, first, last)
        query = select(col(Fixture.external_id), col(Fixture.id), col(Fixture.competition_id),
                       col(Fixture.season_id)).where(col(Fixture.external_id).is_not(None))
        for external_id, fixture_id, competition_id, season_id in session.execute(query):
            self.external[external_id] = (fixture_id, competition_id, season_id)

    def season_of(self, day: dt.date) -> str | None:
        """The label of a stored season a day falls in (the current one first)."""
        found = [(label, entry[0]) for label, entry in self.seasons.items() if entry[1] <= day <= entry[2]]
        found.sort(key=lambda item: (item[1] != self.current_season, item[0]))
        return found[0][0] if found else None

    def matches(self, competition_id: int, season_id: int) -> SeasonMatches:
        """The stored matches of a competition's season (read on first use, one query)."""
        pair = (competition_id, season_id)
        if pair not in self.loaded:
            found = SeasonMatches()
            columns = [col(Fixture.id), col(Fixture.version), *(getattr(Fixture, name) for name in COMPARED)]
            query = select(*columns).where(col(Fixture.competition_id) == competition_id,
                                           col(Fixture.season_id) == season_id)
            for row in self.session.execute(query):
                values = dict(zip(COMPARED, row[2:], strict=True))
                values["kickoff_utc"] = as_utc(values["kickoff_utc"])
                home, away, neutral = home_and_away(values["club_id"], values["opponent_id"], values["venue_side"])
                match = StoredMatch(row[0], row[1], values, home, away, neutral)
                found.add(match)
                self.by_id[match.id] = match
            self.loaded[pair] = found
            self.fingerprints[pair] = season_fingerprint(self.session, competition_id, season_id)
        return self.loaded[pair]


def season_fingerprint(session: Session, competition_id: int, season_id: int) -> tuple[int, int]:
    """How many matches a competition's season holds and its newest id: changes when one is added
    or removed (edits of stored ones are guarded by their versions)."""
    row = session.execute(
        select(func.count(), func.coalesce(func.max(Fixture.id), 0)).select_from(Fixture)
        .where(col(Fixture.competition_id) == competition_id, col(Fixture.season_id) == season_id)
    ).one()
    return int(row[0]), int(row[1])
