"""What a team sheet shows for one fixture: the match, the formation on a pitch, the starters with
their shirt numbers and the captain, the bench, and who cannot play and why. Plain data: the
screen and ``dugout export teamsheet`` draw it the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from db.calendar.models import Fixture
from db.calendar.queries import FixtureRow, fixture_on
from db.domain.availability import day_text
from db.domain.formations import Slot
from db.domain.lineup_rules import Candidate, Check, Warning, checklist, warnings
from db.errors import DugoutError
from db.i18n import tr
from db.lineup.queries import lineup_facts
from db.reference.models import Club


class NoTeamSheet(DugoutError):
    """No fixture on that day, or no lineup saved for it."""


@dataclass(frozen=True, slots=True)
class SheetPlayer:
    """A named player as the sheet prints him."""

    candidate: Candidate
    position: str  # the slot's position for a starter, his own for a substitute
    slot: Slot | None
    captain: bool
    marks: tuple[str, ...]  # "doubtful", "precautionary", "position"


@dataclass(frozen=True)
class TeamSheet:
    """A fixture's team sheet."""

    club: str
    opponent: str
    fixture: FixtureRow
    venue: str | None
    formation: str
    final: bool
    starters: tuple[SheetPlayer, ...]
    bench: tuple[SheetPlayer, ...]
    unavailable: tuple[tuple[str, str], ...]  # (name, reason)
    checks: tuple[Check, ...]
    warnings: tuple[Warning, ...]
    as_of: dt.date

    @property
    def title(self) -> str:
        """'Real Madrid CF v RC Celta de Vigo' (home side first)."""
        if self.fixture.venue_side == "away":
            return tr("{home} v {away}", home=self.opponent, away=self.club)
        return tr("{home} v {away}", home=self.club, away=self.opponent)


def team_sheet(session: Session, *, club_id: int, fixture_id: int, as_of: dt.date) -> TeamSheet:
    """The team sheet of one of our fixtures; ``NoTeamSheet`` when its lineup names nobody."""
    facts = lineup_facts(session, club_id=club_id, fixture_id=fixture_id, as_of=as_of)
    state = facts.stored.state
    if state.is_empty:
        raise NoTeamSheet(tr("No lineup is saved for {opponent} on {day}", opponent=facts.fixture.opponent,
                             day=day_text(facts.fixture.day, year=True)))
    formation = facts.formation(state.formation_id)
    slots = formation.slots if formation else ()
    players = {p.player_id: p for p in facts.players}
    marks: dict[int, list[str]] = {}
    found_warnings = warnings(state, slots, players)
    for warning in found_warnings:
        marks.setdefault(warning.player_id, []).append(warning.kind)
    starters = tuple(SheetPlayer(players[p], slots[i].position, slots[i], p == state.captain_id, tuple(marks.get(p, ())))
                     for i, p in enumerate(state.starters) if p is not None and p in players and i < len(slots))
    bench = tuple(SheetPlayer(players[p], players[p].primary_position or "", None, False, tuple(marks.get(p, ())))
                  for p in state.bench if p in players)
    out = tuple((p.name, "; ".join(filter(None, (p.availability.reason, *p.availability.notes))))
                for p in facts.players if not p.can_play)
    fixture = session.get(Fixture, fixture_id)
    club, opponent = session.get(Club, club_id), session.get(Club, fixture.opponent_id) if fixture else None
    return TeamSheet(club.name if club else "", opponent.name if opponent else facts.fixture.opponent, facts.fixture,
                     fixture.venue if fixture else None, formation.name if formation else "", state.final, starters,
                     bench, out, tuple(checklist(state, slots, players, facts.rules)), tuple(found_warnings), as_of)


def team_sheet_on(session: Session, *, club_id: int, day: dt.date, as_of: dt.date) -> TeamSheet:
    """The team sheet of our fixture on a day (the day in the fixture's own time zone)."""
    fixture = fixture_on(session, club_id=club_id, day=day)
    if fixture is None:
        raise NoTeamSheet(tr("No fixture on {day}", day=day_text(day, year=True)))
    return team_sheet(session, club_id=club_id, fixture_id=fixture.fixture_id, as_of=as_of)
