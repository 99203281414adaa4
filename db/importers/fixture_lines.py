"""What a fixture file reader hands the planner: one match as the file tells it, or a problem.

Readers (``fixtures_csv``, ``fixtures_ics``, ``fixtures_json``) never touch the database. They
yield a ``MatchLine`` per match (clubs by name, home first; ``None`` for the club the file belongs
to), a ``LineProblem`` for a line or event they refuse or skip, and say what the whole file is
(``FixtureSource``): its defaults (competition, season, zone) and every club name it uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from db.i18n import tr

OURS = None  # in place of a club's name: the club the file belongs to (a CSV's or a calendar's)


@dataclass(frozen=True, slots=True)
class Where:
    """Where a match sits in its file: a line, an event's UID, or a match's number in a list."""

    line: int | None = None
    uid: str | None = None
    index: int | None = None

    def __str__(self) -> str:
        if self.uid:
            return tr("UID {u}", u=_short(self.uid))
        if self.line is not None:
            return tr("line {n}", n=self.line)
        return tr("match {n}", n=self.index)


@dataclass(frozen=True, slots=True)
class MatchLine:
    """One match as a file tells it. ``time`` None: not known (an all-day event); ``zone`` the zone
    the file names for it, if any; ``instant`` the exact moment when the file gives one (UTC) but
    no zone to tell it in. Goals are home first; ``None`` fields leave a stored value alone."""

    where: Where
    day: dt.date
    home: str | None
    away: str | None
    time: dt.time | None = None
    zone: str | None = None
    instant: dt.datetime | None = None
    neutral: bool | None = None  # None: the file does not say (a final is taken to be at a neutral ground)
    competition: str | None = None
    categories: tuple[str, ...] = ()  # a calendar event's CATEGORIES: one may name the competition
    season: str | None = None
    venue: str | None = None
    round: str | None = None
    score: tuple[int, int] | None = None
    extra_time: bool = False
    penalties: tuple[int, int] | None = None
    status: str | None = None
    uid: str | None = None


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A line or event not imported: refused (an error, with the field at fault) or skipped (not a
    match at all, say a training session in a club calendar)."""

    where: Where
    message: str
    field: str = ""
    skipped: bool = False


@dataclass
class FixtureSource:
    """A fixture file checked and ready to stream: what kind, its defaults, the clubs it names."""

    kind: str  # "csv", "ics" or "json"
    competition: str | None = None
    competition_aliases: list[str] = field(default_factory=list)  # other names of it (openfootball's 'es.1')
    country: str | None = None  # of the competition, when the file tells it
    season: str | None = None
    zone: str | None = None  # the zone of times the file gives without one (a calendar's X-WR-TIMEZONE)
    club_names: list[str] = field(default_factory=list)
    names_both_sides: bool = False  # every match names both clubs (a league file, a calendar's summaries)
    ignored_columns: list[str] = field(default_factory=list)

    def items(self) -> Iterator[MatchLine | LineProblem]:
        """Each match or problem in file order."""
        raise NotImplementedError


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(text: str, limit: int | None = None) -> str:
    """What a file said, fit to quote in a one-line message: line breaks and control characters
    as spaces, cut to ``limit`` characters."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def _short(text: str, limit: int = 60) -> str:
    return one_line(text, limit)
