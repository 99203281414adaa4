"""The demo's calendar section: its cup and European fixtures, and our matches from the league file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from db.calendar.writes import upsert_fixture
from db.demo.state import DemoLoad
from db.errors import ValidationError
from db.i18n import tr
from db.importers.openfootball import read_league_file

# Cup finals are played at a ground fixed in advance; the Supercopa (Jeddah) and the Club World
# Cup (USA) are staged away from both clubs. Everything else is at the home club's ground.
_HOSTED_COMPETITIONS = frozenset({"Supercopa de España", "FIFA Club World Cup"})
_CUP_KINDS = frozenset({"cup", "continental", "intercontinental"})
_PLACEHOLDER_KICKOFF = dt.time(12, 0)


@dataclass(frozen=True)
class _Match:
    """A fixture of our club as a source describes it (home and away by name, score home first)."""

    competition: str
    season: str
    day: dt.date
    time: str | None
    zone: str
    home: str
    away: str
    venue: str | None
    round: str | None
    score: tuple[int, int] | None
    extra_time: bool
    penalties: tuple[int, int] | None
    external_id: str
    notes: str | None


def load_fixtures(load: DemoLoad, demo_dir: Path) -> int:
    """Upsert the demo's own fixtures and our league matches; return how many were updated."""
    updated = 0
    for entry in load.data["fixtures"]:
        external_id = entry.get("external_id") or (
            f"demo:{entry['competition']}:{entry['date']}:{entry['home']}-{entry['away']}"
        )
        updated += _upsert(load, _Match(
            competition=entry["competition"], season=entry["season"], day=dt.date.fromisoformat(entry["date"]),
            time=entry.get("time"), zone=entry["timezone"], home=entry["home"], away=entry["away"],
            venue=entry.get("venue"), round=entry.get("round"), score=_pair(entry.get("score")),
            extra_time=bool(entry.get("extra_time")), penalties=_pair(entry.get("penalties")),
            external_id=external_id, notes=entry.get("notes"),
        ))
    league = load.data["laliga"]
    source = read_league_file(demo_dir / league["file"])
    venues: dict[str, str] = league.get("venues", {})
    ours = {name for name in source.teams if load.known_club_id(name) == load.our_club}
    for match in source.matches:
        if match.home not in ours and match.away not in ours:
            continue
        # A league pairing happens once a season: keyed on the teams, not the date, so a
        # rescheduled match updates its fixture instead of adding a second one.
        updated += _upsert(load, _Match(
            competition=league["competition"], season=league["season"], day=match.day, time=match.time,
            zone=league["timezone"], home=match.home, away=match.away, venue=venues.get(match.home),
            round=match.round, score=match.full_time, extra_time=False, penalties=None,
            external_id=f"openfootball:{source.code}:{source.season}:{match.home}-{match.away}", notes=None,
        ))
    return updated


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _venue_side(load: DemoLoad, match: _Match, home_id: int) -> str:
    kind = load.competitions[match.competition][1]
    final = (match.round or "").strip().casefold() == "final"
    if match.competition in _HOSTED_COMPETITIONS or (final and kind in _CUP_KINDS):
        return "neutral"
    return "home" if home_id == load.our_club else "away"


def _upsert(load: DemoLoad, match: _Match) -> bool:
    """Upsert one fixture of our club; return whether an existing row was updated."""
    home_id, away_id = load.club_id(match.home), load.club_id(match.away)
    if load.our_club not in (home_id, away_id):
        raise ValidationError("fixtures", "not_ours", tr("{h} v {a} is not a match of our club", h=match.home, a=match.away))
    ours_first = home_id == load.our_club
    score, penalties, extra_time = match.score, match.penalties, match.extra_time
    if match.day > load.as_of:  # a snapshot: nothing after the planning date has happened yet
        score, penalties, extra_time = None, None, False
    goals = (score if ours_first else score[::-1]) if score else (None, None)
    shootout = (penalties if ours_first else penalties[::-1]) if penalties else (None, None)
    kickoff = dt.time.fromisoformat(match.time) if match.time else _PLACEHOLDER_KICKOFF
    _, outcome = upsert_fixture(
        load.session,
        season_id=load.seasons[match.season],
        competition_id=load.competitions[match.competition][0],
        club_id=load.our_club,
        opponent_id=away_id if ours_first else home_id,
        venue_side=_venue_side(load, match, home_id),
        kickoff_local=dt.datetime.combine(match.day, kickoff),
        timezone=match.zone,
        time_known=match.time is not None,
        venue=match.venue,
        round=match.round,
        goals_for=goals[0],
        goals_against=goals[1],
        extra_time=extra_time,
        penalties_for=shootout[0],
        penalties_against=shootout[1],
        external_id=match.external_id,
        notes=match.notes,
        by=load.by,
    )
    return outcome == "updated"
