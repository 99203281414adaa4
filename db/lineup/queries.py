"""Reading the lineup area: formations, a fixture's lineup, the squad as the lineup screen sees it
(positions and availability on the match day) and the previous match's lineup. Plain rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.queries import FixtureRow, fixtures_of
from db.domain.formations import DEFAULT_FORMATION, SLOTS, Slot, parse_slots
from db.domain.lineup import LineupState
from db.domain.lineup_rules import Candidate, SheetRules
from db.domain.text import short_names
from db.errors import ValidationError
from db.i18n import tr
from db.lineup.models import Formation, Lineup, LineupPlayer
from db.medical.availability import load_availability_facts
from db.reference.models import Competition
from db.squad.queries import squad_rows


@dataclass(frozen=True, slots=True)
class FormationRow:
    """A formation as the screen lists it."""

    formation_id: int
    name: str
    slots: tuple[Slot, ...]
    standard: bool


@dataclass(frozen=True, slots=True)
class StoredLineup:
    """A fixture's lineup as saved: its row (None and version 0 when none is saved yet) and state."""

    lineup_id: int | None
    version: int
    state: LineupState


@dataclass(frozen=True)
class LineupFacts:
    """What the lineup screen shows for one fixture: the match, its sheet rules, the formations,
    the saved lineup, and the squad with each player's availability that day."""

    fixture: FixtureRow
    rules: SheetRules
    formations: tuple[FormationRow, ...]
    stored: StoredLineup
    players: tuple[Candidate, ...]

    def formation(self, formation_id: int) -> FormationRow | None:
        """A formation by id."""
        return next((f for f in self.formations if f.formation_id == formation_id), None)

    def player(self, player_id: int) -> Candidate | None:
        """A squad player by id."""
        return next((p for p in self.players if p.player_id == player_id), None)


def formations(session: Session) -> tuple[FormationRow, ...]:
    """Every formation: the standard ones first, then the club's own by name."""
    rows = []
    for formation in session.exec(select(Formation)):
        assert formation.id is not None
        rows.append(FormationRow(formation.id, formation.name, parse_slots(formation.slots), formation.standard))
    rows.sort(key=lambda f: (not f.standard, f.formation_id if f.standard else 0, f.name.casefold()))
    return tuple(rows)


def default_formation(rows: tuple[FormationRow, ...]) -> FormationRow:
    """4-3-3 when it exists, else the first formation (a database always has the standard ones)."""
    if not rows:
        raise ValidationError("formation_id", "none", tr("This database has no formations"))
    return next((f for f in rows if f.name == DEFAULT_FORMATION), rows[0])


def read_lineup(session: Session, fixture_id: int, default_formation_id: int) -> StoredLineup:
    """The saved lineup of a fixture, or an empty one in the default formation (version 0)."""
    lineup = session.exec(select(Lineup).where(Lineup.fixture_id == fixture_id)).first()
    if lineup is None:
        return StoredLineup(None, 0, LineupState(default_formation_id))
    assert lineup.id is not None
    return StoredLineup(lineup.id, lineup.version, state_of(session, lineup))


def state_of(session: Session, lineup: Lineup) -> LineupState:
    """A lineup row and its players as a ``LineupState``."""
    starters: list[int | None] = [None] * SLOTS
    bench: list[tuple[int, int]] = []
    for row in session.exec(select(LineupPlayer).where(LineupPlayer.lineup_id == lineup.id)):
        if row.role == "starter" and 0 <= row.spot < SLOTS:
            starters[row.spot] = row.player_id
        else:
            bench.append((row.spot, row.player_id))
    return LineupState(lineup.formation_id, tuple(starters), tuple(p for _s, p in sorted(bench)),
                       lineup.captain_id, lineup.final)


def sheet_rules(session: Session, competition_id: int) -> SheetRules:
    """A competition's sheet size and substitutes."""
    competition = session.get(Competition, competition_id)
    if competition is None:
        return SheetRules()
    return SheetRules(competition.matchday_squad_size, competition.max_substitutes)


def fixture_row(session: Session, *, club_id: int, fixture_id: int) -> FixtureRow:
    """One of our fixtures as a row; refused when it is not ours or not there."""
    fixture = session.get(Fixture, fixture_id)
    if fixture is None or fixture.club_id != club_id:
        raise ValidationError("fixture_id", "unknown", tr("No such fixture of our club (id {i})", i=fixture_id))
    from db.calendar.writes import kickoff_local

    day = kickoff_local(fixture).date()
    return next(f for f in fixtures_of(session, club_id=club_id, start=day, end=day) if f.fixture_id == fixture_id)


def squad_candidates(session: Session, *, club_id: int, fixture: FixtureRow, as_of: dt.date) -> tuple[Candidate, ...]:
    """Our squad in the fixture's season, each player's positions and availability on its day
    (in its competition, as known on the planning date); ordered by shirt number."""
    rows = [r for r in squad_rows(session, club_id=club_id, season_id=fixture.season_id, as_of=as_of)
            if r.joined_on is None or r.joined_on <= fixture.day]
    facts = load_availability_facts(session, [r.player_id for r in rows], [fixture.day], as_of=as_of,
                                    club_id=club_id)
    from db.domain.availability import availability_on

    shorts = short_names([r.name for r in rows])
    return tuple(Candidate(r.player_id, r.name, shorts[r.name], r.shirt_number, r.primary_position,
                           r.secondary_positions,
                           availability_on(facts.of(r.player_id), fixture.day, fixture.competition_id))
                 for r in rows)


def lineup_facts(session: Session, *, club_id: int, fixture_id: int, as_of: dt.date) -> LineupFacts:
    """Everything the screen needs for one fixture, read in one session."""
    fixture = fixture_row(session, club_id=club_id, fixture_id=fixture_id)
    shapes = formations(session)
    stored = read_lineup(session, fixture_id, default_formation(shapes).formation_id)
    return LineupFacts(fixture, sheet_rules(session, fixture.competition_id), shapes, stored,
                       squad_candidates(session, club_id=club_id, fixture=fixture, as_of=as_of))


def season_fixtures(session: Session, *, club_id: int, season_id: int) -> list[FixtureRow]:
    """Our fixtures of a season, in kick-off order (what the screen's match list offers)."""
    return [f for f in fixtures_of(session, club_id=club_id) if f.season_id == season_id]


def previous_lineup(session: Session, *, club_id: int, fixture: FixtureRow) -> tuple[FixtureRow, LineupState] | None:
    """The last match before this one with a lineup that names somebody, and that lineup."""
    saved = {lineup.fixture_id: lineup for lineup in session.exec(select(Lineup))}
    earlier = [f for f in fixtures_of(session, club_id=club_id, end=fixture.day)
               if f.kickoff < fixture.kickoff and f.fixture_id in saved]
    for row in reversed(earlier):
        state = state_of(session, saved[row.fixture_id])
        if not state.is_empty:
            return row, state
    return None


def lineup_counts(session: Session, fixture_ids: list[int]) -> dict[int, int]:
    """How many players each fixture's lineup names (fixtures without a lineup left out)."""
    found: dict[int, int] = {}
    query = select(Lineup.fixture_id, LineupPlayer.id).join(
        LineupPlayer, col(LineupPlayer.lineup_id) == col(Lineup.id)).where(col(Lineup.fixture_id).in_(fixture_ids))
    for fixture_id, _player in session.exec(query):
        found[fixture_id] = found.get(fixture_id, 0) + 1
    return found
