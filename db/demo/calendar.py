"""The demo's calendar section: its cup and European fixtures, and the whole LaLiga season.

Every one of LaLiga 2024/25's 380 matches is stored (the league table needs them all): ours from
our side, the others from the home side (``db.domain.match_sides``). As the demo is a snapshot of
2 May 2025, a result after that day is left out. The league's matches are read and written in
bulk (one query for what is stored, one insert for what is missing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from db.calendar.models import Fixture
from db.calendar.validation import fixture_values
from db.calendar.writes import upsert_fixture
from db.demo.state import DemoLoad
from db.domain.kickoffs import PLACEHOLDER_KICKOFF, as_utc
from db.domain.match_sides import stored_side
from db.errors import ValidationError
from db.i18n import tr
from db.importers.openfootball import read_league_file
from db.versioning import update_versioned

# Cup finals are played at a ground fixed in advance; the Supercopa (Jeddah) and the Club World
# Cup (USA) are staged away from both clubs. Everything else is at the home club's ground.
_HOSTED_COMPETITIONS = frozenset({"Supercopa de España", "FIFA Club World Cup"})
_CUP_KINDS = frozenset({"cup", "continental", "intercontinental"})
_COMPARED = (
    "season_id", "competition_id", "club_id", "opponent_id", "venue_side", "venue", "kickoff_utc",
    "kickoff_time_known", "timezone", "round", "status", "goals_for", "goals_against",
)


@dataclass(frozen=True)
class _Match:
    """A fixture as a source describes it (home and away by name, score home first)."""

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
    """Upsert the demo's own fixtures and the league's matches; return how many were updated."""
    updated = 0
    for entry in load.data["fixtures"]:
        external_id = entry.get("external_id") or (
            f"demo:{entry['competition']}:{entry['date']}:{entry['home']}-{entry['away']}"
        )
        match = _Match(
            competition=entry["competition"], season=entry["season"], day=dt.date.fromisoformat(entry["date"]),
            time=entry.get("time"), zone=entry["timezone"], home=entry["home"], away=entry["away"],
            venue=entry.get("venue"), round=entry.get("round"), score=_pair(entry.get("score")),
            extra_time=bool(entry.get("extra_time")), penalties=_pair(entry.get("penalties")),
            external_id=external_id, notes=entry.get("notes"),
        )
        _, outcome = upsert_fixture(load.session, **_fields(load, match), by=load.by)
        updated += outcome == "updated"
    return updated + _load_league(load, demo_dir)


def _load_league(load: DemoLoad, demo_dir: Path) -> int:
    """Every match of the league file: added when missing, corrected when an older demo differs."""
    league = load.data["laliga"]
    source = read_league_file(demo_dir / league["file"])
    venues: dict[str, str] = league.get("venues", {})
    season_id, competition_id = load.seasons[league["season"]], load.competitions[league["competition"]][0]
    stored = {
        fixture.external_id: fixture for fixture in load.session.exec(select(Fixture).where(
            col(Fixture.competition_id) == competition_id, col(Fixture.season_id) == season_id))
    }
    updated, added = 0, []
    for match in source.matches:
        # A league pairing happens once a season: keyed on the teams, not the date, so a
        # rescheduled match updates its fixture instead of adding a second one.
        values = fixture_values(**_fields(load, _Match(
            competition=league["competition"], season=league["season"], day=match.day, time=match.time,
            zone=league["timezone"], home=match.home, away=match.away, venue=venues.get(match.home),
            round=match.round, score=match.full_time, extra_time=False, penalties=None,
            external_id=f"openfootball:{source.code}:{source.season}:{match.home}-{match.away}", notes=None,
        )))
        existing = stored.get(values["external_id"])
        if existing is None:
            added.append(Fixture(updated_by=load.by, **values))
            continue
        changes = {f: values[f] for f in _COMPARED if not _same(f, getattr(existing, f), values[f])}
        if changes:
            assert existing.id is not None
            update_versioned(load.session, Fixture, existing.id, existing.version, changes, load.by)
            updated += 1
    load.session.add_all(added)
    load.session.flush()
    return updated


def _same(field: str, stored: Any, wanted: Any) -> bool:
    return bool(as_utc(stored) == as_utc(wanted)) if field == "kickoff_utc" else bool(stored == wanted)


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _neutral(load: DemoLoad, match: _Match) -> bool:
    kind = load.competitions[match.competition][1]
    final = (match.round or "").strip().casefold() == "final"
    return match.competition in _HOSTED_COMPETITIONS or (final and kind in _CUP_KINDS)


def _fields(load: DemoLoad, match: _Match) -> dict[str, Any]:
    """A match's fixture fields, from our side when we play, else from the home side."""
    home_id, away_id = load.club_id(match.home), load.club_id(match.away)
    if match.competition != load.data["laliga"]["competition"] and load.our_club not in (home_id, away_id):
        raise ValidationError("fixtures", "not_ours", tr("{h} v {a} is not a match of our club", h=match.home, a=match.away))
    side = stored_side(home_id, away_id, _neutral(load, match), load.our_club)
    score, penalties, extra_time = match.score, match.penalties, match.extra_time
    if match.day > load.as_of:  # a snapshot: nothing after the planning date has happened yet
        score, penalties, extra_time = None, None, False
    goals = side.goals(*(score or (None, None)))
    shootout = side.goals(*(penalties or (None, None)))
    kickoff = dt.time.fromisoformat(match.time) if match.time else PLACEHOLDER_KICKOFF
    return dict(
        season_id=load.seasons[match.season],
        competition_id=load.competitions[match.competition][0],
        club_id=side.club,
        opponent_id=side.opponent,
        venue_side=side.venue_side,
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
    )
