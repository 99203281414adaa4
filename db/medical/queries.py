"""Reading the medical area for the screens and the command line: the injury board, a player's
history, the squad's availability for a match and the depth it leaves. Plain rows, no ORM objects."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.calendar.queries import FixtureRow, fixtures_of, next_fixture
from db.domain.availability import Availability, availability_on, bans_owed
from db.domain.depth import MINIMUMS_SETTING, DepthLine, DepthPlayer, depth_on, read_minimums
from db.medical.availability import load_availability_facts
from db.medical.models import Absence, Booking, Injury, Suspension
from db.reference.models import Competition
from db.reference.queries import get_setting
from db.squad.models import Player
from db.squad.queries import squad_rows

RECENTLY_RETURNED_DAYS = 14
RETURNED = "returned"  # the board's last lane: back within the last two weeks


@dataclass(frozen=True, slots=True)
class InjuryRow:
    """One injury as the board shows it, with the version the user saw."""

    injury_id: int
    version: int
    player_id: int
    name: str
    shirt_number: int | None
    kind: str
    body_part: str | None
    started_on: dt.date
    expected_return_earliest: dt.date | None
    expected_return_latest: dt.date | None
    status: str
    chance_of_playing: int | None
    certainty: str
    surgery: bool
    returned_on: dt.date | None
    medical_notes: str | None
    days_out_left: int | None  # until the window opens, from the planning date
    matches_out_left: int | None  # our fixtures from the planning date until then
    overdue: bool = False  # past the latest expected return with no news (never silently fit)

    @property
    def lane(self) -> str:
        """The board's lane: the status, or "returned" for an episode over within two weeks."""
        return RETURNED if self.status == "recovered" else self.status


def _fixture_days(session: Session, club_id: int, start: dt.date, end: dt.date) -> list[dt.date]:
    return [f.day for f in fixtures_of(session, club_id=club_id, start=start, end=end)]


def injury_board(session: Session, *, club_id: int, season_id: int, as_of: dt.date) -> list[InjuryRow]:
    """Open injuries of the squad known on the planning date, and those back within two weeks."""
    squad = {row.player_id: row for row in squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)}
    if not squad:
        return []
    injuries = session.exec(select(Injury).where(col(Injury.player_id).in_(list(squad)),
                                                 col(Injury.started_on) <= as_of)).all()
    horizon = max((i.expected_return_earliest or as_of for i in injuries), default=as_of)
    days = _fixture_days(session, club_id, as_of, max(horizon, as_of))
    rows = []
    for injury in injuries:
        recent = injury.returned_on is not None and as_of - dt.timedelta(days=RECENTLY_RETURNED_DAYS) <= \
            injury.returned_on <= as_of
        if injury.returned_on is not None and not recent:
            continue
        back = injury.expected_return_earliest
        days_left = (back - as_of).days if back and back > as_of and injury.returned_on is None else None
        matches_left = bisect.bisect_left(days, back) if days_left is not None and back else None
        member = squad[injury.player_id]
        assert injury.id is not None
        rows.append(InjuryRow(
            injury.id, injury.version, injury.player_id, member.name, member.shirt_number, injury.kind,
            injury.body_part, injury.started_on, injury.expected_return_earliest, injury.expected_return_latest,
            injury.status, injury.chance_of_playing, injury.certainty, injury.surgery, injury.returned_on,
            injury.medical_notes, days_left, matches_left, _overdue(injury, as_of)))
    rows.sort(key=lambda r: (r.expected_return_earliest or dt.date.max, r.name))
    return rows


ABSENCE_HORIZON_DAYS = 14  # absences starting within two weeks show on the board already


@dataclass(frozen=True, slots=True)
class AwayRow:
    """A fit player who still cannot (or soon cannot) play: a ban owed, or days away."""

    key: tuple[str, int, str]  # (what, player, which ban or absence): stable across reads
    what: str  # "ban" or the absence's kind
    player_id: int
    name: str
    shirt_number: int | None
    reason: str
    competition: str | None = None
    owed: int = 0
    this_season: int = 0
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None

    @property
    def carried(self) -> int:
        """Matches of a ban owed beyond this season."""
        return self.owed - self.this_season


def away_board(session: Session, *, club_id: int, season_id: int, as_of: dt.date) -> list[AwayRow]:
    """Bans the squad still owes on the planning date (where each is served, and what carries into
    next season) and absences now or within two weeks."""
    squad = {row.player_id: row for row in squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)}
    if not squad:
        return []
    facts = load_availability_facts(session, list(squad), [as_of], as_of=as_of, club_id=club_id)
    rows: list[AwayRow] = []
    for player_id, member in squad.items():
        for ban in bans_owed(facts.of(player_id), as_of):
            rows.append(AwayRow(("ban", player_id, ban.key), "ban", player_id, member.name,
                                member.shirt_number, ban.reason, ban.competition, ban.owed, ban.this_season))
    horizon = as_of + dt.timedelta(days=ABSENCE_HORIZON_DAYS)
    absences = select(Absence).where(col(Absence.player_id).in_(list(squad)), col(Absence.ends_on) >= as_of,
                                     col(Absence.starts_on) <= horizon)
    for absence in session.exec(absences):
        assert absence.id is not None
        member = squad[absence.player_id]
        rows.append(AwayRow((absence.kind, absence.player_id, f"absence:{absence.id}"), absence.kind,
                            absence.player_id,
                            member.name, member.shirt_number, absence.reason or "", starts_on=absence.starts_on,
                            ends_on=absence.ends_on))
    rows.sort(key=lambda r: (r.what != "ban", -r.owed, r.ends_on or dt.date.max, r.name))
    return rows


def _overdue(injury: Injury, as_of: dt.date) -> bool:
    """Still open past the latest expected return (as ``availability_on`` sees it)."""
    end = injury.expected_return_latest or injury.expected_return_earliest
    return injury.returned_on is None and injury.status not in ("recovered", "match_fit") \
        and end is not None and end < as_of


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One past or open episode of a player, with the days and our matches it cost."""

    injury_id: int
    kind: str
    body_part: str | None
    started_on: dt.date
    returned_on: dt.date | None
    status: str
    surgery: bool
    days_out: int
    matches_missed: int


def injury_history(session: Session, *, player_id: int, club_id: int, as_of: dt.date) -> list[HistoryRow]:
    """Every injury of a player known on the planning date, newest first."""
    injuries = session.exec(select(Injury).where(Injury.player_id == player_id, col(Injury.started_on) <= as_of)
                            .order_by(col(Injury.started_on).desc())).all()
    if not injuries:
        return []
    days = _fixture_days(session, club_id, min(i.started_on for i in injuries), as_of)
    rows = []
    for injury in injuries:
        end = min(injury.returned_on or as_of, as_of)
        missed = bisect.bisect_left(days, end) - bisect.bisect_left(days, injury.started_on)
        assert injury.id is not None
        rows.append(HistoryRow(injury.id, injury.kind, injury.body_part, injury.started_on, injury.returned_on,
                               injury.status, injury.surgery, (end - injury.started_on).days, max(0, missed)))
    return rows


@dataclass(frozen=True, slots=True)
class DisciplineRow:
    """A card or a ban of a player, as one line of his record."""

    day: dt.date
    what: str  # "yellow", "second_yellow", "red" or "ban"
    competition: str
    detail: str
    counts: bool  # False for a rescinded card


def discipline(session: Session, *, player_id: int) -> list[DisciplineRow]:
    """A player's cards (rescinded ones marked) and bans, newest first."""
    from db.calendar.models import Fixture
    from db.calendar.writes import kickoff_local

    rows = []
    cards = select(Booking, Fixture, Competition.name).join(Fixture, col(Fixture.id) == col(Booking.fixture_id)).join(
        Competition, col(Competition.id) == col(Fixture.competition_id)).where(Booking.player_id == player_id)
    for booking, fixture, competition in session.exec(cards):
        rows.append(DisciplineRow(kickoff_local(fixture).date(), booking.card, competition, booking.notes or "",
                                  not booking.rescinded))
    bans = select(Suspension, Competition.name).join(Competition, col(Competition.id) == col(
        Suspension.competition_id)).where(Suspension.player_id == player_id)
    for ban, competition in session.exec(bans):
        rows.append(DisciplineRow(ban.starts_on, "ban", competition, f"{ban.matches} × {ban.reason}", True))
    rows.sort(key=lambda r: r.day, reverse=True)
    return rows


@dataclass(frozen=True, slots=True)
class PlayerAvailability:
    """A squad member's answer for one day."""

    player_id: int
    name: str
    shirt_number: int | None
    primary_position: str | None
    squad_role: str
    verdict: Availability


def squad_availability(session: Session, *, club_id: int, season_id: int, as_of: dt.date, day: dt.date,
                       competition_id: int | None) -> list[PlayerAvailability]:
    """Every current squad member's availability on ``day`` (in ``competition_id`` when given)."""
    rows = squad_rows(session, club_id=club_id, season_id=season_id, as_of=as_of)
    facts = load_availability_facts(session, [r.player_id for r in rows], [day], as_of=as_of, club_id=club_id)
    return [PlayerAvailability(r.player_id, r.name, r.shirt_number, r.primary_position, r.squad_role,
                               availability_on(facts.of(r.player_id), day, competition_id)) for r in rows]


@dataclass(frozen=True, slots=True)
class NextMatch:
    """Who can play in the next match from the planning date (on the planning date itself, in no
    competition, when no fixture lies ahead)."""

    fixture: FixtureRow | None
    day: dt.date
    verdicts: dict[int, Availability]


def next_match_availability(session: Session, *, club_id: int, as_of: dt.date, player_ids: list[int]) -> NextMatch:
    """The players' availability for our next match (the squad list's column)."""
    fixture = next_fixture(session, club_id=club_id, on_or_after=as_of)
    day = fixture.day if fixture is not None else as_of
    competition = fixture.competition_id if fixture is not None else None
    facts = load_availability_facts(session, player_ids, [day], as_of=as_of, club_id=club_id)
    return NextMatch(fixture, day, {p: availability_on(facts.of(p), day, competition) for p in player_ids})


def squad_depth(session: Session, answers: list[PlayerAvailability]) -> list[DepthLine]:
    """Depth per position group from the answers, against the club's minimums."""
    positions = {p.id: (p.primary_position, tuple(s for s in p.secondary_positions.split(",") if s))
                 for p in session.exec(select(Player).where(col(Player.id).in_([a.player_id for a in answers])))}
    players = [DepthPlayer(a.name, a.squad_role, positions[a.player_id][0], positions[a.player_id][1],
                           a.verdict.can_play) for a in answers]
    return depth_on(players, read_minimums(get_setting(session, MINIMUMS_SETTING)))
