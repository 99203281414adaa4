"""Our fixtures as a file: an iCalendar feed a calendar app can subscribe to, or a CSV list.

Both carry everything ``db.importers.fixtures`` needs to read them back into the same fixtures:

- **.ics**: one event per match, SUMMARY 'Home - Away', the kick-off in its own zone (TZID, with
  the VTIMEZONE definitions), a match whose time is not known as an all-day event, LOCATION,
  CATEGORIES the competition, STATUS, and X-DUGOUT-* properties (competition, season, round,
  score home first, extra time, shoot-out, neutral ground, zone, status). UIDs are stable: the
  UID the match came with, else one derived from the match itself (season, competition, clubs,
  round in a cup) ending '@dugout', which the importer matches on the match and never stores.
  DTSTAMP is the row's last change and SEQUENCE its edits, so a subscribed app sees updates.
- **.csv**: season, competition, round, date, time, time zone, opponent, home/away/neutral,
  venue, score (ours first: '2-3 aet (pens 4-2)'), status; every cell safe from spreadsheet
  formulas (``db.exports.safe_cell``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from db.calendar.models import Fixture
from db.domain.kickoffs import as_utc
from db.domain.match_sides import home_and_away
from db.domain.text import fold
from db.engine import Database
from db.errors import DugoutError
from db.exports import csv_text
from db.i18n import tr
from db.reference.models import Club, Competition, Season
from db.reference.queries import OUR_CLUB, get_setting

CSV_HEADER = ("season", "competition", "round", "date", "time", "time zone", "opponent", "home/away", "venue",
              "score", "status")
MATCH_LENGTH = dt.timedelta(hours=2)


@dataclass(frozen=True)
class ExportedMatch:
    """One of our fixtures with the names an export writes."""

    fixture: Fixture
    season: str
    competition: str
    competition_kind: str
    club: str
    opponent: str

    @property
    def local(self) -> dt.datetime:
        return as_utc(self.fixture.kickoff_utc).astimezone(ZoneInfo(self.fixture.timezone))

    @property
    def home_away(self) -> tuple[str, str]:
        home, away, _neutral = home_and_away(self.club, self.opponent, self.fixture.venue_side)
        return home, away

    @property
    def uid(self) -> str:
        """The match's UID: the one it came with, else derived from what the match is."""
        if self.fixture.external_id:
            return self.fixture.external_id
        home, away = self.home_away
        cup_round = fold(self.fixture.round or "") if self.competition_kind != "league" else ""
        key = "|".join((self.season, fold(self.competition), fold(home), fold(away), cup_round))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@dugout"


def our_matches(session: Session, *, season: str | None = None) -> Iterator[ExportedMatch]:
    """Our club's fixtures in kick-off order (one query), of one season when ``season`` is given."""
    ours = get_setting(session, OUR_CLUB)
    if not ours:
        raise DugoutError(tr("This database has no club yet: there are no fixtures of ours to export"))
    us, them = aliased(Club), aliased(Club)
    query = (
        select(Fixture, col(Season.label), col(Competition.name), col(Competition.kind), col(us.name), col(them.name))
        .join(Season, col(Season.id) == col(Fixture.season_id))
        .join(Competition, col(Competition.id) == col(Fixture.competition_id))
        .join(us, col(us.id) == col(Fixture.club_id))
        .join(them, col(them.id) == col(Fixture.opponent_id))
        .where(col(Fixture.club_id) == int(ours))
        .order_by(col(Fixture.kickoff_utc), col(Fixture.id))
    )
    if season:
        query = query.where(col(Season.label) == season)
    for row in session.execute(query):
        yield ExportedMatch(*row)


def _score(fixture: Fixture) -> str:
    """Ours first: '2-1', '2-3 aet', '1-1 aet (pens 4-2)'."""
    if fixture.goals_for is None:
        return ""
    text = f"{fixture.goals_for}-{fixture.goals_against}" + (" aet" if fixture.extra_time else "")
    if fixture.penalties_for is not None:
        text += f" (pens {fixture.penalties_for}-{fixture.penalties_against})"
    return text


def fixtures_csv(matches: Iterator[ExportedMatch]) -> str:
    """Our fixtures as CSV, one line per match from our side."""
    rows = []
    for match in matches:
        fixture, local = match.fixture, match.local
        rows.append((
            match.season, match.competition, fixture.round or "", local.date().isoformat(),
            local.strftime("%H:%M") if fixture.kickoff_time_known else "", fixture.timezone, match.opponent,
            fixture.venue_side, fixture.venue or "", _score(fixture), fixture.status,
        ))
    return csv_text(CSV_HEADER, rows)


def fixtures_ics(matches: Iterator[ExportedMatch], *, name: str) -> bytes:
    """Our fixtures as an iCalendar feed (RFC 5545), with the definitions of the zones it uses."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Dugout//Fixtures//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for match in matches:
        fixture, local = match.fixture, match.local
        home, away = match.home_away
        event = Event()
        event.add("uid", match.uid)
        event.add("dtstamp", as_utc(fixture.updated_at))
        event.add("sequence", max(0, fixture.version - 1))
        event.add("summary", f"{home} - {away}")
        if fixture.kickoff_time_known:
            event.add("dtstart", local)
            event.add("dtend", local + MATCH_LENGTH)
        else:
            event.add("dtstart", local.date())
            event.add("dtend", local.date() + dt.timedelta(days=1))
        if fixture.venue:
            event.add("location", fixture.venue)
        event.add("categories", [match.competition])
        event.add("status", {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(fixture.status, "CONFIRMED"))
        event.add("description", _description(match))
        for key, value in _dugout_properties(match).items():
            event.add(key, value)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _description(match: ExportedMatch) -> str:
    fixture = match.fixture
    parts = [f"{match.competition} {match.season}" + (f", {fixture.round}" if fixture.round else "")]
    if fixture.goals_for is not None:
        home, away = match.home_away
        goals = (fixture.goals_for, fixture.goals_against) if home == match.club else (fixture.goals_against, fixture.goals_for)
        parts.append(f"{home} {goals[0]}-{goals[1]} {away}" + (" (a.e.t.)" if fixture.extra_time else ""))
    if not fixture.kickoff_time_known:
        parts.append(tr("Kick-off time not known yet"))
    return "\n".join(parts)


def _dugout_properties(match: ExportedMatch) -> dict[str, str]:
    fixture = match.fixture
    flipped = fixture.venue_side == "away"
    found = {"x-dugout-competition": match.competition, "x-dugout-season": match.season,
             "x-dugout-timezone": fixture.timezone, "x-dugout-status": fixture.status,
             "x-dugout-neutral": "TRUE" if fixture.venue_side == "neutral" else "FALSE"}
    if fixture.round:
        found["x-dugout-round"] = fixture.round
    if fixture.goals_for is not None:
        pair = (fixture.goals_against, fixture.goals_for) if flipped else (fixture.goals_for, fixture.goals_against)
        found["x-dugout-score"] = f"{pair[0]}-{pair[1]}"
        if fixture.extra_time:
            found["x-dugout-extra-time"] = "TRUE"
    if fixture.penalties_for is not None:
        pair = (fixture.penalties_against, fixture.penalties_for) if flipped else (fixture.penalties_for,
                                                                                   fixture.penalties_against)
        found["x-dugout-penalties"] = f"{pair[0]}-{pair[1]}"
    return found


def export_fixtures(database: Database, path: Path | str, *, season: str | None = None) -> int:
    """Write our fixtures to ``path`` (.ics or .csv, by its extension); return how many matches."""
    target = Path(path)
    kind = target.suffix.lower()
    if kind not in (".ics", ".csv"):
        raise DugoutError(tr("Export to a .ics or a .csv file, not '{p}'", p=target.name))
    with database.reading() as session:
        matches = list(our_matches(session, season=season))
        club = session.get(Club, int(get_setting(session, OUR_CLUB) or 0))
    data = fixtures_ics(iter(matches), name=tr("{c} fixtures", c=club.name if club else "")) if kind == ".ics" \
        else fixtures_csv(iter(matches)).encode("utf-8")
    try:
        target.write_bytes(data)
    except OSError as error:
        raise DugoutError(tr("Cannot write {p}: {e}", p=target, e=error.strerror)) from error
    return len(matches)
