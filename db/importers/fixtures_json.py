"""Reading an openfootball ``football.json`` league or cup file: every match of it, both clubs named.

The file name tells the season and the competition's code (``2024-25_es.1.json``), its ``name``
the competition ('Spain Primera División 2024/25'). Matches are listed flat (``matches``) or by
round (``rounds[].matches``); a club is a name or ``{"name": …}``; the score is ``score.ft`` (with
``et`` after extra time and ``p`` for a shoot-out) or the older ``score1``/``score2``. Times are
local to the competition's home (the planner knows where: LaLiga's are Madrid's, the Champions
League's Central European). A match the reader cannot use is refused by its number in the file,
with the clubs and date when it has them; a file of another shape is refused whole.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.domain.known_competitions import OPENFOOTBALL_COUNTRIES
from db.domain.seasons import season_label
from db.errors import ImportRefused, ValidationError
from db.i18n import tr
from db.importers.fixture_lines import FixtureSource, LineProblem, MatchLine, Where

MAX_BYTES = 64 << 20  # far above any league's season (LaLiga's is 0.1 MiB)
_FILE_NAME = re.compile(r"^(\d{4}(?:-\d{2})?)_([a-z]{2,4}\.[a-z0-9]+)$", re.IGNORECASE)
_SEASON_IN_NAME = re.compile(r"\s*\b(\d{4}(?:[/-]\d{2,4})?)\s*$")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass
class FixtureJson(FixtureSource):
    """A football.json file, parsed (league files are small; the matches are kept as read)."""

    matches: list[tuple[Any, str | None]] = field(default_factory=list)  # (match, its round's name)

    def items(self) -> Iterator[MatchLine | LineProblem]:
        """Each match in file order, or the reason it cannot be used."""
        for index, (raw, round_name) in enumerate(self.matches, start=1):
            where = Where(index=index)
            try:
                yield _match(where, raw, round_name)
            except _Bad as bad:
                yield LineProblem(where, _described(raw, bad.message), bad.field)


class _Bad(Exception):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field_name, message


def read_fixture_json(path: Path, encoding: str) -> FixtureJson:
    """Parse a football.json file; ImportRefused when it is not one (nothing is imported)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefused(tr("{p} is too large for a league file", p=path))
        data = json.loads(path.read_text(encoding=encoding))
    except RecursionError:
        raise ImportRefused(tr("{p} is nested too deeply to be a league file", p=path)) from None
    except json.JSONDecodeError as error:
        raise ImportRefused(tr("{p} is not JSON: {e} (line {n})", p=path, e=error.msg, n=error.lineno)) from None
    except (OSError, UnicodeError) as error:
        raise ImportRefused(tr("Cannot read {p}: {e}", p=path, e=error)) from error
    if not isinstance(data, dict):
        raise ImportRefused(tr("{p} is not an openfootball league file (no list of matches)", p=path))
    source = FixtureJson("json", names_both_sides=True)
    if isinstance(data.get("matches"), list):
        source.matches = [(m, None) for m in data["matches"]]
    elif isinstance(data.get("rounds"), list):
        for entry in data["rounds"]:
            if isinstance(entry, dict) and isinstance(entry.get("matches"), list):
                name = entry.get("name") if isinstance(entry.get("name"), str) else None
                source.matches += [(m, name) for m in entry["matches"]]
    else:
        raise ImportRefused(tr("{p} is not an openfootball league file (no list of matches)", p=path))
    if not source.matches:
        raise ImportRefused(tr("{p} lists no matches", p=path))
    _describe_competition(source, path.stem, data.get("name"))
    source.club_names = sorted({name for raw, _ in source.matches for name in _names(raw)})
    return source


def _describe_competition(source: FixtureJson, stem: str, name: Any) -> None:
    """The season and the competition from the file name ('2024-25_es.1') and ``name``."""
    named = name.strip() if isinstance(name, str) else ""
    season_text = None
    found = _SEASON_IN_NAME.search(named)
    if found:
        season_text, named = found.group(1), named[: found.start()].strip()
    file_name = _FILE_NAME.match(stem)
    if file_name:
        season_text = file_name.group(1)
        code = file_name.group(2).lower()
        source.competition_aliases.append(code)
        source.country = OPENFOOTBALL_COUNTRIES.get(code.split(".")[0])
    source.competition = named[:120] or (source.competition_aliases[0] if source.competition_aliases else None)
    if season_text:
        try:
            source.season = season_label(season_text)
        except ValidationError:
            source.season = None


def _names(raw: Any) -> list[str]:
    if not isinstance(raw, dict):
        return []
    return [name for name in (_club(raw.get("team1")), _club(raw.get("team2"))) if name]


def _club(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip()[:200] if isinstance(value, str) and value.strip() else None


def _match(where: Where, raw: Any, round_name: str | None) -> MatchLine:
    if not isinstance(raw, dict):
        raise _Bad("", tr("A match must be an object with team1, team2 and date"))
    home, away = _club(raw.get("team1")), _club(raw.get("team2"))
    if home is None or away is None:
        raise _Bad("club_id" if home is None else "opponent_id", tr("A match needs both clubs (team1 and team2)"))
    try:
        day = dt.date.fromisoformat(str(raw.get("date", ""))[:10])
    except ValueError:
        raise _Bad("kickoff_local", tr("Date '{v}' is not a date like 2025-05-04", v=str(raw.get("date"))[:40])) from None
    time = None
    if raw.get("time") not in (None, ""):
        matched = _TIME.fullmatch(str(raw["time"]).strip())
        try:
            time = dt.time(int(matched.group(1)), int(matched.group(2))) if matched else None
        except ValueError:
            time = None
        if time is None:
            raise _Bad("kickoff_local", tr("Time '{v}' is not a time like 21:00", v=str(raw["time"])[:40]))
    score, extra_time, penalties = _score(raw)
    given_round = raw.get("round") if isinstance(raw.get("round"), str) else round_name
    return MatchLine(where, day, home, away, time=time, round=given_round, score=score, extra_time=extra_time,
                     penalties=penalties)


def _pair(value: Any, what: str) -> tuple[int, int] | None:
    if value is None or value == []:
        return None
    if not (isinstance(value, list) and len(value) == 2
            and all(isinstance(g, int) and not isinstance(g, bool) and 0 <= g <= 99 for g in value)):
        raise _Bad("goals_for", tr("{what} must be two numbers of goals, not {v}", what=what, v=str(value)[:40]))
    return value[0], value[1]


def _score(raw: dict[str, Any]) -> tuple[tuple[int, int] | None, bool, tuple[int, int] | None]:
    """(goals after play, extra time played, shoot-out), home first."""
    score = raw.get("score")
    if isinstance(score, dict):
        full_time, extra = _pair(score.get("ft"), "ft"), _pair(score.get("et"), "et")
        penalties = _pair(score.get("p"), "p")
    elif score is None and "score1" in raw:
        full_time = _pair([raw.get("score1"), raw.get("score2")], "score1/score2") \
            if raw.get("score1") is not None else None
        extra = _pair([raw.get("score1et"), raw.get("score2et")], "score1et") if raw.get("score1et") is not None else None
        penalties = _pair([raw.get("score1p"), raw.get("score2p")], "score1p") if raw.get("score1p") is not None else None
    elif score is None:
        return None, False, None
    else:
        raise _Bad("goals_for", tr("The score must be an object with ft (and et, p)"))
    goals = extra or full_time
    if goals is None and penalties is not None:
        raise _Bad("goals_for", tr("A shoot-out needs the score after play"))
    return goals, extra is not None, penalties


def _described(raw: Any, message: str) -> str:
    """A refusal with what the match is, when it says: 'Celta – Getafe on 2025-05-04: …'."""
    names = _names(raw)
    date = raw.get("date") if isinstance(raw, dict) and isinstance(raw.get("date"), str) else None
    if len(names) == 2 and date:
        return tr("{h} – {a} on {d}: {m}", h=names[0], a=names[1], d=date[:10], m=message)
    return message
