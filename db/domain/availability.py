"""Who can play on a day, and why not: the availability engine. Pure Python over plain facts.

``availability_on(facts, day, competition)`` answers for one player, one day and (optionally)
one competition, as the staff know it on the planning date (``facts.calendar.as_of``):

- an injury keeps a player out until the expected return window opens, makes him doubtful inside
  it, and is forgotten after it; a doubtful or precautionary player stays so until the window's
  end; the return-to-play phases read as injured (assessment, rehab), doubtful (back in training)
  and available (match fit);
- past the latest expected return with no update, a player is **return overdue**: never silently
  available again;
- a ban is served in its own competition's next fixtures, carried on when the calendar runs out;
  bookings bring one-match bans by the competition's own rules (threshold, then every so many),
  wiped after the round it names and at the end of the season;
- international duty and personal absences, and a missing registration where the competition's
  list is kept, make a fit player unavailable.

When several things apply the most restrictive wins; the others are kept as notes.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from db.i18n import tr, tr_noop, translated

AVAILABLE, DOUBTFUL, PRECAUTIONARY, UNAVAILABLE, SUSPENDED, INJURED, RETURN_OVERDUE = (
    "available", "doubtful", "precautionary", "unavailable", "suspended", "injured", "return_overdue",
)
STATUSES = (AVAILABLE, DOUBTFUL, PRECAUTIONARY, UNAVAILABLE, SUSPENDED, INJURED, RETURN_OVERDUE)
# How much a status keeps a player from playing: the higher wins when several apply.
_SEVERITY = {status: rank for rank, status in enumerate(STATUSES)}
STATUS_LABELS = {
    AVAILABLE: tr_noop("available"), DOUBTFUL: tr_noop("doubtful"), PRECAUTIONARY: tr_noop("precautionary rest"),
    UNAVAILABLE: tr_noop("unavailable"), SUSPENDED: tr_noop("suspended"), INJURED: tr_noop("injured"),
    RETURN_OVERDUE: tr_noop("return overdue"),
}
# Chance of playing (%) where the staff gave none.
DEFAULT_CHANCE = {"doubtful": 50, "precautionary": 75, "training": 25, "window": 50}
_MONTHS = (tr_noop("Jan"), tr_noop("Feb"), tr_noop("Mar"), tr_noop("Apr"), tr_noop("May"), tr_noop("Jun"),
           tr_noop("Jul"), tr_noop("Aug"), tr_noop("Sep"), tr_noop("Oct"), tr_noop("Nov"), tr_noop("Dec"))
_OUT_PHASES = ("out", "assessment", "rehab")


def day_text(day: dt.date, year: bool = False) -> str:
    """'4 May' (or '4 May 2025'), the month in the user's language."""
    month = translated(_MONTHS[day.month - 1])
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


def window_text(earliest: dt.date | None, latest: dt.date | None) -> str:
    """'15–30 Jun', '4 May', 'from 18 Jun' or ''."""
    if earliest and latest and earliest != latest:
        if earliest.month == latest.month and earliest.year == latest.year:
            return f"{earliest.day}–{day_text(latest)}"
        return f"{day_text(earliest)}–{day_text(latest)}"
    if earliest and latest:
        return day_text(earliest)
    if earliest:
        return tr("from {d}", d=day_text(earliest))
    if latest:
        return tr("by {d}", d=day_text(latest))
    return ""


@dataclass(frozen=True, slots=True)
class InjuryFact:
    """An injury episode as the engine needs it."""

    kind: str
    started_on: dt.date
    status: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    chance: int | None = None
    returned_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BanFact:
    """``matches`` games to serve in a competition from a day on."""

    competition_id: int
    starts_on: dt.date
    matches: int
    reason: str
    key: str = ""  # what it comes from ("suspension:7", "bookings:1:2025-05-05"): stable across reads


@dataclass(frozen=True, slots=True)
class CardFact:
    """A card in one of our fixtures (day and competition of the match)."""

    competition_id: int
    day: dt.date
    card: str
    rescinded: bool = False


@dataclass(frozen=True, slots=True)
class AbsenceFact:
    """Days away: international duty, personal, other."""

    kind: str
    starts_on: dt.date
    ends_on: dt.date
    reason: str | None = None


@dataclass(frozen=True)
class CompetitionFacts:
    """A competition's card rules and our fixtures in it (days, and each day's round)."""

    id: int
    name: str
    fixture_days: tuple[dt.date, ...] = ()
    rounds: tuple[str | None, ...] = ()  # the round of each fixture day
    yellow_threshold: int | None = None
    yellow_every: int | None = None
    reset_after: str | None = None

    @cached_property
    def reset_days(self) -> tuple[dt.date, ...]:
        """The days after which yellows are wiped: the last match of each run of the reset round
        (a two-legged quarter-final wipes after its second leg). ``fixture_days`` are sorted."""
        if not self.reset_after:
            return ()
        wanted = self.reset_after.casefold()
        marks = [bool(name and wanted in name.casefold()) for name in self.rounds]
        return tuple(day for i, day in enumerate(self.fixture_days)
                     if i < len(marks) and marks[i] and (i + 1 == len(marks) or not marks[i + 1]))


@dataclass(frozen=True)
class Calendar:
    """What every player's answer shares: the planning date, the competitions, the seasons, and
    which (competition, season) keep a list of registered players."""

    as_of: dt.date
    competitions: Mapping[int, CompetitionFacts] = field(default_factory=dict)
    seasons: tuple[tuple[int, dt.date, dt.date], ...] = ()  # (id, first day, last day)
    registration_kept: frozenset[tuple[int, int]] = frozenset()
    _seasons_of: dict[dt.date, int | None] = field(default_factory=dict, compare=False, repr=False)

    def season_of(self, day: dt.date) -> int | None:
        """The season a day falls in (remembered: a squad's answers ask about the same days)."""
        if day not in self._seasons_of:
            self._seasons_of[day] = next((sid for sid, first, last in self.seasons if first <= day <= last), None)
        return self._seasons_of[day]


@dataclass(frozen=True)
class PlayerFacts:
    """Everything known about one player that bears on availability."""

    player_id: int
    calendar: Calendar
    injuries: tuple[InjuryFact, ...] = ()
    bans: tuple[BanFact, ...] = ()
    cards: tuple[CardFact, ...] = ()
    absences: tuple[AbsenceFact, ...] = ()
    registered: frozenset[tuple[int, int]] = frozenset()  # (competition, season)

    @cached_property
    def yellows(self) -> dict[int, tuple[tuple[dt.date, ...], tuple[int | None, ...]]]:
        """Per competition, the days of the yellows that count (known on the planning date, not
        rescinded), sorted, with each one's season: worked out once for all the days asked about."""
        days: dict[int, list[dt.date]] = {}
        for card in self.cards:
            if card.card == "yellow" and not card.rescinded and card.day <= self.calendar.as_of:
                days.setdefault(card.competition_id, []).append(card.day)
        return {cid: (tuple(sorted(found)), tuple(self.calendar.season_of(d) for d in sorted(found)))
                for cid, found in days.items()}

    @cached_property
    def booking_bans(self) -> tuple[BanFact, ...]:
        """One-match bans brought by accumulated yellows, by each competition's rules: counted per
        cycle (a season, cut by the reset rounds), served from the day after the card that brought
        it, in the fixtures that follow, this season or the next."""
        bans: list[BanFact] = []
        for competition_id, (days, seasons) in self.yellows.items():
            competition = self.calendar.competitions.get(competition_id)
            if competition is None or not competition.yellow_threshold:
                continue
            cycles: dict[tuple[int | None, int], list[dt.date]] = {}
            for day, season in zip(days, seasons, strict=True):
                cycles.setdefault((season, bisect.bisect_left(competition.reset_days, day)), []).append(day)
            for yellows in cycles.values():
                for count in _ban_counts(competition, len(yellows)):
                    start = yellows[count - 1] + dt.timedelta(days=1)
                    bans.append(BanFact(competition_id, start, 1, tr("{n} bookings", n=count),
                                        f"bookings:{competition_id}:{start.isoformat()}"))
        return tuple(bans)


@dataclass(frozen=True)
class Availability:
    """The answer: a status and its reason; the chance of playing when doubtful; other matters."""

    status: str
    reason: str = ""
    chance: int | None = None
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # short warnings for a list cell ("Banned in Copa del Rey (2)")

    @property
    def can_play(self) -> bool:
        """Whether the player may be named (doubtful and precautionary players may)."""
        return self.status in (AVAILABLE, DOUBTFUL, PRECAUTIONARY)


def availability_on(facts: PlayerFacts, day: dt.date, competition: int | None = None) -> Availability:
    """The player's availability on ``day`` (in ``competition`` when given), as known on the planning date."""
    found: list[tuple[str, str, int | None]] = []
    notes: list[str] = []
    flags: list[str] = []
    for injury in facts.injuries:
        verdict = _injury_on(injury, day, facts.calendar.as_of)
        if verdict is not None:
            found.append(verdict)
    for absence in facts.absences:
        if absence.starts_on <= day <= absence.ends_on:
            what = {"international": tr("International duty"), "personal": tr("Personal reasons")}.get(
                absence.kind, tr("Away"))
            detail = f" ({absence.reason})" if absence.reason else ""
            found.append((UNAVAILABLE, tr("{what}{detail} until {d}", what=what, detail=detail,
                                          d=day_text(absence.ends_on)), None))
    for competition_id, owed, reason in _bans_owed(facts, day):
        name = facts.calendar.competitions[competition_id].name if competition_id in facts.calendar.competitions else "?"
        text = (tr("{reason}: owes 1 {name} match", reason=reason, name=name) if owed == 1
                else tr("{reason}: owes {n} {name} matches", reason=reason, n=owed, name=name))
        if competition == competition_id:
            found.append((SUSPENDED, text, None))
        else:  # another competition's ban (or a day without a match): told, not counted
            notes.append(text)
            flags.append(tr("Banned in {name} ({n})", name=name, n=owed))
    for competition_id in ([competition] if competition is not None else list(facts.calendar.competitions)):
        if _one_booking_from_a_ban(facts, day, competition_id):
            name = facts.calendar.competitions[competition_id].name
            notes.append(tr("1 yellow from a ban in {name}", name=name))
            flags.append(tr("1 yellow from a ban ({name})", name=name))
    if competition is not None:
        season = facts.calendar.season_of(day)
        if season is not None and (competition, season) in facts.calendar.registration_kept \
                and (competition, season) not in facts.registered:
            name = facts.calendar.competitions[competition].name if competition in facts.calendar.competitions else "?"
            found.append((UNAVAILABLE, tr("not registered for {name}", name=name), None))
    if not found:
        return Availability(AVAILABLE, "", None, tuple(notes), tuple(flags))
    found.sort(key=_worst_first, reverse=True)
    status, reason, chance = found[0]
    return Availability(status, reason, chance, tuple(v[1] for v in found[1:]) + tuple(notes), tuple(flags))


def _worst_first(verdict: tuple[str, str, int | None]) -> tuple[int, int]:
    """Sort key, higher is worse: by status, but a doubt and a precaution by their chance alone
    (doubtful at 25 % is worse than resting at 75 %)."""
    status, _reason, chance = verdict
    tier = _SEVERITY[DOUBTFUL] if status in (DOUBTFUL, PRECAUTIONARY) else _SEVERITY[status]
    return tier, -(chance if chance is not None else 100)


def _injury_on(injury: InjuryFact, day: dt.date, as_of: dt.date) -> tuple[str, str, int | None] | None:
    """What one injury means on ``day`` (None: nothing)."""
    if injury.started_on > day or injury.started_on > as_of:
        return None
    if injury.returned_on is not None:  # over: out only on the days before the return
        if day >= injury.returned_on:
            return None
        return INJURED, tr("{kind}, back on {d}", kind=injury.kind, d=day_text(injury.returned_on)), None
    if injury.status == "recovered" or injury.status == "match_fit":
        return None
    expected_end = injury.latest or injury.earliest
    if expected_end is not None and expected_end < as_of:
        return (RETURN_OVERDUE, tr("{kind}: expected back {w}, no news since", kind=injury.kind,
                                   w=window_text(injury.earliest, injury.latest) or day_text(expected_end)), None)
    window = window_text(injury.earliest, injury.latest)
    if injury.status == "training":
        return (DOUBTFUL, tr("back in training after {kind}", kind=injury.kind),
                injury.chance if injury.chance is not None else DEFAULT_CHANCE["training"])
    if injury.status in ("doubtful", "precautionary"):
        if expected_end is not None and day > expected_end:
            return None
        status = DOUBTFUL if injury.status == "doubtful" else PRECAUTIONARY
        reason = tr("{kind}, expected back {w}", kind=injury.kind, w=window) if window else injury.kind
        return status, reason, injury.chance if injury.chance is not None else DEFAULT_CHANCE[injury.status]
    # out, assessment, rehab
    if injury.earliest is None and injury.latest is None:
        return INJURED, tr("{kind}, no return date yet", kind=injury.kind), None
    if injury.earliest is not None and day < injury.earliest:
        return INJURED, tr("{kind}, expected back {w}", kind=injury.kind, w=window), None
    if injury.earliest is None and injury.latest is not None and day < injury.latest:
        return INJURED, tr("{kind}, expected back {w}", kind=injury.kind, w=window), None  # "by 1 Dec"
    if injury.latest is None or day <= injury.latest:
        return (DOUBTFUL, tr("{kind}: may be back ({w})", kind=injury.kind, w=window),
                injury.chance if injury.chance is not None else DEFAULT_CHANCE["window"])
    return None


@dataclass(frozen=True, slots=True)
class OwedBan:
    """A ban not yet served: ``owed`` matches in a competition, ``this_season`` of them in the
    fixtures left this season, the rest carried into the next."""

    competition_id: int
    competition: str
    owed: int
    this_season: int
    reason: str
    key: str = ""

    @property
    def carried(self) -> int:
        """Matches owed beyond this season's calendar."""
        return self.owed - self.this_season


def bans_owed(facts: PlayerFacts, day: dt.date) -> list[OwedBan]:
    """Every ban the player still owes on ``day``, whatever the competition (booking bans included)."""
    found: list[OwedBan] = []
    season = facts.calendar.season_of(day)
    last_day = next((last for sid, _first, last in facts.calendar.seasons if sid == season), None)
    for ban, owed in _unserved(facts, day):
        competition = facts.calendar.competitions.get(ban.competition_id)
        days = competition.fixture_days if competition else ()
        left = 0 if last_day is None else bisect.bisect_right(days, last_day) - bisect.bisect_left(days, day)
        found.append(OwedBan(ban.competition_id, competition.name if competition else "?", owed,
                             min(owed, max(0, left)), ban.reason, ban.key))
    return found


def _unserved(facts: PlayerFacts, day: dt.date, *, not_started: bool = True) -> list[tuple[BanFact, int]]:
    """Each ban not yet served on ``day``, with the matches still owed; a ban starting later is owed
    in full (``not_started=False`` leaves those out: they do not apply on ``day``)."""
    owed: list[tuple[BanFact, int]] = []
    for ban in (*facts.bans, *facts.booking_bans):
        if ban.starts_on > day:
            if not_started:
                owed.append((ban, ban.matches))
            continue
        competition = facts.calendar.competitions.get(ban.competition_id)
        days = competition.fixture_days if competition else ()
        first, served_before = bisect.bisect_left(days, ban.starts_on), bisect.bisect_left(days, day)
        remaining = ban.matches - max(0, served_before - first)
        if remaining > 0:
            owed.append((ban, remaining))
    return owed


def _bans_owed(facts: PlayerFacts, day: dt.date) -> list[tuple[int, int, str]]:
    """(competition, matches still owed, reason) for each ban that applies on ``day``."""
    return [(ban.competition_id, owed, ban.reason) for ban, owed in _unserved(facts, day, not_started=False)]


def _counted_yellows(facts: PlayerFacts, day: dt.date, competition: CompetitionFacts) -> list[dt.date]:
    """The days of this competition's yellows that still count on ``day`` (same season, after the
    last reset round, known on the planning date), oldest first."""
    found = facts.yellows.get(competition.id)
    if found is None:  # most players in most competitions: nothing to count
        return []
    days, seasons = found
    resets = competition.reset_days
    before = bisect.bisect_left(resets, day)
    first = bisect.bisect_right(days, resets[before - 1]) if before else 0
    last = bisect.bisect_left(days, day)
    season = facts.calendar.season_of(day)
    return [days[i] for i in range(first, last) if seasons[i] == season]


def _ban_counts(competition: CompetitionFacts, up_to: int) -> list[int]:
    """The booking counts that bring a ban (5, 10, 15… or 3, 5, 7…), up to ``up_to``."""
    threshold = competition.yellow_threshold
    if not threshold or threshold > up_to:
        return []
    counts, every = [threshold], competition.yellow_every
    while every and counts[-1] + every <= up_to:
        counts.append(counts[-1] + every)
    return counts


def _one_booking_from_a_ban(facts: PlayerFacts, day: dt.date, competition_id: int) -> bool:
    competition = facts.calendar.competitions.get(competition_id)
    if competition is None or not competition.yellow_threshold:
        return False
    count = len(_counted_yellows(facts, day, competition))
    return (count + 1) in _ban_counts(competition, count + 1)
