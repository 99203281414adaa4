"""The demo's lineup section: the staff's plan for Celta at home on 4 May 2025, within the seed's
injuries and bans. Written once: a lineup already there (the user's own edits) is kept."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.demo.state import DemoLoad
from db.domain.formations import SLOTS
from db.domain.lineup import LineupState
from db.domain.text import fold
from db.errors import ValidationError
from db.i18n import tr
from db.lineup.models import Formation, Lineup
from db.lineup.writes import store_lineup


def load_lineups(load: DemoLoad) -> int:
    """Each lineup the demo lists, where its fixture has none yet; returns how many were added."""
    added = 0
    for entry in load.data.get("lineups", []):
        fixture = _fixture(load, entry["competition"], dt.date.fromisoformat(entry["date"]))
        if load.session.exec(select(Lineup).where(Lineup.fixture_id == fixture.id)).first() is not None:
            continue
        formation = load.session.exec(select(Formation).where(Formation.name == entry["formation"])).first()
        if formation is None or formation.id is None:
            raise ValidationError("formation", "unknown", tr("The demo names a formation the database lacks: {f}",
                                                             f=entry["formation"]))
        starters = tuple(_player(load, name) for name in entry["starters"])
        if len(starters) != SLOTS:
            raise ValidationError("starters", "not_eleven", tr("A lineup has 11 slots, not {n}", n=len(starters)))
        state = LineupState(formation.id, starters, tuple(_player(load, name) for name in entry["bench"]),
                            _player(load, entry["captain"]) if entry.get("captain") else None)
        store_lineup(load.session, fixture=fixture, lineup=None, before=LineupState(formation.id), state=state,
                     as_of=load.as_of, by=load.by)
        added += 1
    return added


def _player(load: DemoLoad, name: str) -> int:
    key = fold(name)
    if key not in load.players:
        raise ValidationError("player", "unknown", tr("The demo names a player it does not list: {p}", p=name))
    return load.players[key]


def _fixture(load: DemoLoad, competition: str, day: dt.date) -> Fixture:
    competition_id = load.competitions[competition][0]
    for fixture in load.session.exec(select(Fixture).where(
            Fixture.competition_id == competition_id, Fixture.club_id == load.our_club)):
        if kickoff_local(fixture).date() == day:
            return fixture
    raise ValidationError("fixture", "unknown", tr("The demo has no {c} match on {d}", c=competition, d=day.isoformat()))
