"""Reading openfootball ``football.json`` league files (public domain) into plain matches."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from db.errors import ImportRefused
from db.i18n import tr


@dataclass(frozen=True)
class LeagueMatch:
    """One match of a league file: the clubs as the file names them, the local day and time."""

    home: str
    away: str
    day: dt.date
    time: str | None
    round: str | None
    full_time: tuple[int, int] | None


@dataclass(frozen=True)
class LeagueFile:
    """A league's season as the file gives it: code ('es.1'), season ('2024-25') and matches."""

    code: str
    season: str
    name: str | None
    matches: list[LeagueMatch]

    @property
    def teams(self) -> set[str]:
        """Every club name the file uses."""
        return {m.home for m in self.matches} | {m.away for m in self.matches}


def read_league_file(path: Path) -> LeagueFile:
    """Parse ``<season>_<code>.json`` (e.g. ``2024-25_es.1.json``); ImportRefused if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        matches = [
            LeagueMatch(
                home=m["team1"], away=m["team2"], day=dt.date.fromisoformat(m["date"]), time=m.get("time"),
                round=m.get("round"), full_time=_score((m.get("score") or {}).get("ft")),
            )
            for m in data["matches"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ImportRefused(tr("Cannot read the league file {p}: {e}", p=path, e=error)) from error
    season, _, code = path.stem.partition("_")
    return LeagueFile(code=code, season=season, name=data.get("name"), matches=matches)


def _score(pair: object) -> tuple[int, int] | None:
    if pair is None:
        return None
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(g, int) for g in pair)):
        raise ValueError(f"score {pair!r}")
    return pair[0], pair[1]
