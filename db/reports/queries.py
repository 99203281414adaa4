"""Reading the match report area: a fixture's report as saved, and what the report dialog shows
(the match, its rules, our squad that day with who was available first). Plain rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.domain.availability import AVAILABLE, STATUSES, Availability, availability_on
from db.domain.match_report import ReportLine, ReportRules, in_order, match_length
from db.errors import ValidationError
from db.i18n import tr
from db.lineup.models import Lineup, LineupPlayer
from db.medical.availability import load_availability_facts
from db.medical.models import Booking
from db.reference.models import Club, Competition
from db.reports.models import Appearance
from db.reports.totals import line_of
from db.squad.queries import squad_rows

# Which card a player's line shows when the match holds several of his (a second yellow outranks the first).
_CARD_RANK = {"yellow": 1, "second_yellow": 2, "red": 3}


@dataclass(frozen=True, slots=True)
class ReportPlayer:
    """A squad player as the report lists him, with his availability on the match day."""

    player_id: int
    name: str
    shirt_number: int | None
    position: str | None
    availability: Availability


@dataclass(frozen=True)
class ReportFacts:
    """Everything the report dialog needs for one of our matches, read in one session."""

    fixture_id: int
    day: dt.date
    competition: str
    opponent: str
    venue_side: str
    goals_for: int | None
    goals_against: int | None
    rules: ReportRules
    lines: tuple[ReportLine, ...]  # as saved; empty when the match has no report yet
    players: tuple[ReportPlayer, ...]  # available first, then by shirt number
    booked: dict[int, str]  # cards already recorded in the match, per player (the gravest)
    lineup_starters: tuple[int, ...] = ()  # the saved lineup's eleven, to start a new report from

    @property
    def played(self) -> bool:
        """Whether the match has a result (only then is a report written)."""
        return self.goals_for is not None

    def name(self, player_id: int) -> str:
        """A player's name (his id when he is not in the list)."""
        return next((p.name for p in self.players if p.player_id == player_id), f"#{player_id}")


def stored_lines(session: Session, fixture_id: int) -> tuple[ReportLine, ...]:
    """A fixture's report as saved (empty: none), in player order."""
    return in_order(line_of(row) for row in session.exec(select(Appearance).where(Appearance.fixture_id == fixture_id)))


def report_rules(session: Session, fixture: Fixture) -> ReportRules:
    """The competition's substitutions and the match's length (120 minutes after extra time)."""
    competition = session.get(Competition, fixture.competition_id)
    substitutions = competition.substitutions if competition is not None else 5
    return ReportRules(substitutions, match_length(fixture.extra_time))


def our_fixture(session: Session, *, club_id: int, fixture_id: int, lock: bool = False) -> Fixture:
    """One of our fixtures (locked for the transaction when asked); refused when not ours or not there."""
    fixture = session.get(Fixture, fixture_id, with_for_update=lock)
    if fixture is None or fixture.club_id != club_id:
        raise ValidationError("fixture_id", "unknown", tr("No such fixture of our club (id {i})", i=fixture_id))
    return fixture


def report_facts(session: Session, *, club_id: int, fixture_id: int, as_of: dt.date) -> ReportFacts:
    """The match, its rules, its saved report and our squad that day (players who left since included)."""
    fixture = our_fixture(session, club_id=club_id, fixture_id=fixture_id)
    assert fixture.id is not None
    day = kickoff_local(fixture).date()
    competition = session.get(Competition, fixture.competition_id)
    opponent = session.get(Club, fixture.opponent_id)
    members = [r for r in squad_rows(session, club_id=club_id, season_id=fixture.season_id, as_of=as_of,
                                     include_left=True)
               if (r.joined_on is None or r.joined_on <= day) and (r.left_on is None or r.left_on >= day)]
    facts = load_availability_facts(session, [r.player_id for r in members], [day], as_of=as_of, club_id=club_id)
    players = [ReportPlayer(r.player_id, r.name, r.shirt_number, r.primary_position,
                            availability_on(facts.of(r.player_id), day, fixture.competition_id)) for r in members]
    rank = {status: number for number, status in enumerate(STATUSES)}
    players.sort(key=lambda p: (p.availability.status != AVAILABLE, rank.get(p.availability.status, 0),
                                p.shirt_number is None, p.shirt_number or 0, p.name))
    booked: dict[int, str] = {}
    for booking in session.exec(select(Booking).where(Booking.fixture_id == fixture.id)):
        if not booking.rescinded and _CARD_RANK.get(booking.card, 0) > _CARD_RANK.get(booked.get(booking.player_id, ""), 0):
            booked[booking.player_id] = booking.card
    starters = session.exec(select(LineupPlayer.player_id).join(Lineup, col(Lineup.id) == col(LineupPlayer.lineup_id))
                            .where(Lineup.fixture_id == fixture.id, LineupPlayer.role == "starter"))
    return ReportFacts(
        fixture.id, day, competition.name if competition else "", opponent.short_name if opponent else "",
        fixture.venue_side, fixture.goals_for, fixture.goals_against, report_rules(session, fixture),
        stored_lines(session, fixture.id), tuple(players), booked, tuple(sorted(starters)))
