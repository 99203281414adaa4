"""Reading a fixture calendar (iCalendar, .ics) event by event, with the ``icalendar`` library.

The file is streamed twice: a first pass reads the calendar's own properties and its time zone
definitions (VTIMEZONE, wherever they stand) and counts events; the second cuts out one VEVENT
at a time and hands it to ``icalendar``. A broken event (unreadable, no start, an unknown zone)
is refused by its UID while the others import, and memory stays bounded by one event.

- Kick-off: DTSTART with a TZID is local time in that zone; a UTC time ('Z') is an exact moment
  shown in the competition's zone; a floating time is local to the calendar's X-WR-TIMEZONE (else
  the competition's zone); a date alone (an all-day event) is a match whose time is not known.
- The clubs come from SUMMARY, home first: 'Real Madrid - Celta', 'Celta vs Real Madrid'; the
  competition from a CATEGORIES value naming one, else the summary ('LaLiga: A - B', 'A - B
  (LaLiga)'), else the caller's default. LOCATION is the venue; STATUS:CANCELLED a cancelled match.
- An event whose summary names no two sides (a training session) is skipped, not refused.
- Recurring events (RRULE, RDATE, or an occurrence with RECURRENCE-ID) are refused: a match is
  played once, and expanding a series would invent matches. Each match must be its own event.
- Dugout's own export adds X-DUGOUT-* properties (season, round, score, neutral ground, status)
  so that exporting and importing again gives back the same fixtures.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Component, Event

from db.errors import ImportRefused
from db.i18n import tr
from db.importers.fixture_lines import FixtureSource, LineProblem, MatchLine, Where
from db.importers.text_files import numbered_lines

MAX_EVENT_LINES = 2000  # an event this long is no match; it is refused without being held in memory
_SIDES = re.compile(r"\s+(?:-|–|—|vs\.?|v\.?)\s+", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:\[([^\]]{1,120})\]|([^:\[\]]{1,120}):)\s*(.+)$")
_SUFFIX = re.compile(r"^(.+?)\s*(?:\(([^()]{1,120})\)|\[([^\]]{1,120})\])\s*$")
_PAIR = re.compile(r"\s*(\d{1,2})\s*[-:–]\s*(\d{1,2})\s*")
_TRUE = frozenset(("true", "yes", "1"))


@dataclass
class FixtureCalendar(FixtureSource):
    """A calendar checked and ready to stream: its name, zone and the number of events."""

    path: Path = Path()
    encoding: str = "utf-8"
    name: str | None = None
    events: int = 0
    timezones: list[str] = field(default_factory=list)

    def items(self) -> Iterator[MatchLine | LineProblem]:
        """Each event as a match, or refused or skipped with its UID."""
        for start, lines, complete in _events(self.path, self.encoding):
            uid = _uid_in(lines)
            where = Where(line=start, uid=uid)
            if not complete:
                yield LineProblem(where, tr("The event starting on line {n} does not end (END:VEVENT missing "
                                            "or it is far too long)", n=start))
                continue
            yield _event(where, "\r\n".join(lines) + "\r\n")


def read_fixture_calendar(path: Path, encoding: str) -> FixtureCalendar:
    """Check an iCalendar file (first pass); ImportRefused when it is none or holds no events."""
    source = FixtureCalendar("ics", path=path, encoding=encoding, names_both_sides=True)
    depth, seen_calendar, block = 0, False, list[str]()
    for _number, line in numbered_lines(path, encoding):
        name, value = _begin_or_end(line)
        if name == "BEGIN":
            depth += 1
            seen_calendar = seen_calendar or (depth == 1 and value == "VCALENDAR")
            if value == "VEVENT" and depth == 2:
                source.events += 1
            if value == "VTIMEZONE" and depth == 2:
                block = [line]
                continue
        if block:
            block.append(line)
            if name == "END" and value == "VTIMEZONE":
                source.timezones.append(_register_zone("\r\n".join(block) + "\r\n"))
                block = []
            elif len(block) > 20 * MAX_EVENT_LINES:
                block = []
        if name == "END":
            depth = max(0, depth - 1)
        elif depth == 1 and not line[:1].isspace():
            key, _, text = line.partition(":")
            key = key.split(";")[0].upper()
            if key == "X-WR-TIMEZONE":
                source.zone = text.strip()[:64] or None
            elif key == "X-WR-CALNAME":
                source.name = text.strip()[:120] or None
    if not seen_calendar:
        raise ImportRefused(tr("{p} is not an iCalendar file (no BEGIN:VCALENDAR)", p=path))
    if source.events == 0:
        raise ImportRefused(tr("{p} holds no events", p=path))
    return source


def _begin_or_end(line: str) -> tuple[str, str]:
    head = line[:6].upper()
    if head.startswith("BEGIN:"):
        return "BEGIN", line[6:].strip().upper()
    if head.startswith("END:"):
        return "END", line[4:].strip().upper()
    return "", ""


def _register_zone(text: str) -> str:
    """Let ``icalendar`` learn a VTIMEZONE (it caches zones it parses); its TZID, or ''."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            component = Component.from_ical(text)
        return str(component.get("TZID", ""))
    except Exception:  # noqa: BLE001 - a broken definition only matters to events that use it
        return ""


# What a match needs of an event; other properties (DTSTAMP, DTEND, DESCRIPTION, attendees, alarms)
# are left out before parsing, which spares icalendar most of its work on a large calendar.
_USED = frozenset(("UID", "SUMMARY", "DTSTART", "LOCATION", "CATEGORIES", "STATUS", "RRULE", "RDATE",
                   "RECURRENCE-ID"))


def _used(line: str) -> bool:
    end = len(line)
    for mark in (":", ";"):
        found = line.find(mark, 0, end)
        if found >= 0:
            end = found
    name = line[:end].upper()
    return name in _USED or name.startswith("X-DUGOUT-")


def _events(path: Path, encoding: str) -> Iterator[tuple[int, list[str], bool]]:
    """(first line, the event's lines that matter, whether it ended properly) for each VEVENT of
    the calendar; nested components (alarms) and unused properties with their folded lines are
    left out."""
    depth, start, lines, inside, overflow, keep = 0, 0, list[str](), 0, False, False
    for number, line in numbered_lines(path, encoding):
        name, value = _begin_or_end(line)
        if name == "BEGIN" and value == "VEVENT" and depth == 1 and not inside:
            start, lines, inside, overflow = number, [line], 1, False
            depth += 1
            continue
        if inside:
            if name == "BEGIN" and value == "VEVENT":  # the previous one never ended
                yield start, lines, False
                start, lines, inside, overflow = number, [line], 1, False
                continue
            if name == "BEGIN":
                inside += 1
            elif name == "END":
                inside -= 1
                if inside == 0:
                    depth -= 1
                    lines.append(line)
                    yield start, lines, value == "VEVENT" and not overflow
                    lines = []
                continue
            if inside > 1:
                continue
            if line[:1] not in (" ", "\t"):
                keep = _used(line)
            if keep:
                if len(lines) < MAX_EVENT_LINES:
                    lines.append(line)
                else:
                    overflow = True
            continue
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth = max(0, depth - 1)
    if inside:
        yield start, lines, False


def _uid_in(lines: list[str]) -> str | None:
    for line in lines:
        if line[:4].upper() == "UID:" or line[:4].upper() == "UID;":
            return line.partition(":")[2].strip()[:200] or None
    return None


def _event(where: Where, text: str) -> MatchLine | LineProblem:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            event = Event.from_ical(text)
        if not isinstance(event, Event):
            return LineProblem(where, tr("The event cannot be read as an event"))
        return _from_event(where, event)
    except _Refused as refused:
        return LineProblem(where, refused.message, refused.field, refused.skipped)
    except Exception as error:  # noqa: BLE001 - icalendar on hostile input: the event is refused alone
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:120]
        return LineProblem(where, tr("The event cannot be read: {e}", e=first))


class _Refused(Exception):
    def __init__(self, field_name: str, message: str, skipped: bool = False) -> None:
        super().__init__(message)
        self.field, self.message, self.skipped = field_name, message, skipped


def _text(event: Event, name: str) -> str | None:
    value = dict.get(event, name)  # names are stored upper case: skip the case-folding lookup
    if value is None or isinstance(value, list):
        return None
    text = str(value).strip()
    return text or None


def _from_event(where: Where, event: Event) -> MatchLine:
    summary = _text(event, "SUMMARY") or ""
    sides = summary_sides(summary)
    recurring = any(dict.__contains__(event, name) for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
    if sides is None:
        raise _Refused("summary", tr("Not a match: the summary '{s}' names no two sides ('Home - Away')",
                                     s=summary[:60]), skipped=True)
    if recurring:
        raise _Refused("rrule", tr("A repeating event is not a match: a match is played once, so give "
                                   "each as its own event (recurring events are not imported)"))
    competition, home, away = sides
    day, time, zone, instant = _start(event)
    if zone is None and instant is None:  # a date, or a floating time: Dugout's export names the zone
        zone = _text(event, "X-DUGOUT-TIMEZONE")
    status = "cancelled" if (_text(event, "STATUS") or "").upper() == "CANCELLED" else None
    dugout_status = (_text(event, "X-DUGOUT-STATUS") or "").lower()
    if dugout_status in ("scheduled", "played", "postponed", "cancelled"):
        status = dugout_status
    neutral_text = _text(event, "X-DUGOUT-NEUTRAL")
    return MatchLine(
        where, day, home, away, time=time, zone=zone, instant=instant,
        neutral=None if neutral_text is None else neutral_text.lower() in _TRUE,
        competition=_text(event, "X-DUGOUT-COMPETITION") or competition, categories=_categories(event),
        season=_text(event, "X-DUGOUT-SEASON"), venue=_text(event, "LOCATION"), round=_text(event, "X-DUGOUT-ROUND"),
        score=_pair(event, "X-DUGOUT-SCORE"), extra_time=(_text(event, "X-DUGOUT-EXTRA-TIME") or "").lower() in _TRUE,
        penalties=_pair(event, "X-DUGOUT-PENALTIES"), status=status, uid=where.uid,
    )


def summary_sides(summary: str) -> tuple[str | None, str, str] | None:
    """(competition or None, home, away) from 'LaLiga: Real Madrid - Celta', 'Celta vs Real Madrid
    (Copa del Rey)' or '[UCL] Arsenal v Real Madrid'; None when it names no two sides."""
    text, competition = summary.strip(), None
    prefixed = _PREFIX.match(text)
    if prefixed and _SIDES.search(prefixed.group(3)) and not _SIDES.search(prefixed.group(1) or prefixed.group(2)):
        competition, text = (prefixed.group(1) or prefixed.group(2)).strip(), prefixed.group(3)
    else:
        suffixed = _SUFFIX.match(text)
        if suffixed and _SIDES.search(suffixed.group(1)):
            competition, text = (suffixed.group(2) or suffixed.group(3)).strip(), suffixed.group(1)
    parts = _SIDES.split(text)
    if len(parts) != 2 or not all(part.strip() for part in parts):
        return None
    return competition or None, parts[0].strip(), parts[1].strip()


def _categories(event: Event) -> tuple[str, ...]:
    values = dict.get(event, "CATEGORIES")
    found: list[str] = []
    for value in values if isinstance(values, list) else [values]:
        for item in getattr(value, "cats", ()) or ():
            text = str(item).strip()
            if text:
                found.append(text[:120])
    return tuple(found)


def _pair(event: Event, name: str) -> tuple[int, int] | None:
    text = _text(event, name)
    if text is None:
        return None
    matched = _PAIR.fullmatch(text)
    if not matched:
        raise _Refused("goals_for", tr("{n} '{v}' is not a score like 2-1", n=name, v=text[:40]))
    return int(matched.group(1)), int(matched.group(2))


def _start(event: Event) -> tuple[dt.date, dt.time | None, str | None, dt.datetime | None]:
    """(local day, local time or None, zone named, exact UTC moment when only that is known)."""
    prop: Any = dict.get(event, "DTSTART")
    value = getattr(prop, "dt", None)
    if isinstance(value, dt.datetime):
        tzid = prop.params.get("TZID") if getattr(prop, "params", None) else None
        if value.tzinfo is None:
            if tzid:
                raise _Refused("timezone", tr("The time zone '{z}' of DTSTART is not known", z=str(tzid)[:64]))
            return value.date(), value.time(), None, None  # floating: local wherever it is played
        if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key not in ("UTC", "Etc/UTC"):
            return value.date(), value.time().replace(tzinfo=None), value.tzinfo.key, None
        instant = value.astimezone(dt.UTC)
        return instant.date(), instant.time().replace(tzinfo=None), None, instant
    if isinstance(value, dt.date):
        return value, None, None, None
    raise _Refused("kickoff_local", tr("The event has no start (DTSTART) that is a date or a time"))
