"""Reading a club's fixture list from CSV, streamed: one match per line, from the club's side.

A header row names the columns (case, accents, spaces and punctuation ignored, English or
Spanish): date, time, competition, opponent, home/away (home, away or neutral), venue; optional
season, round, time zone, score, status. Dates are ISO (2025-05-04) or day first (04/05/2025);
an empty time is a match whose time is not known yet. A score is the club's goals first ('2-1',
'2-3 aet', '1-1 aet (pens 2-4)'), as the rest of the line is the club's view. Comma or semicolon,
UTF-8 with or without BOM, or cp1252 (``text_files``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from db.domain.text import fold
from db.errors import ImportRefused
from db.i18n import tr, tr_noop, translated
from db.importers.cells import CellError, parse_date
from db.importers.fixture_lines import OURS, FixtureSource, LineProblem, MatchLine, Where
from db.importers.text_files import CsvProblem, csv_records, first_content_line, sniff_delimiter

_COLUMNS: dict[str, str] = {
    **dict.fromkeys(("date", "fecha", "day", "matchdate", "dia"), "date"),
    **dict.fromkeys(("time", "hora", "kickoff", "kickofftime", "ko"), "time"),
    **dict.fromkeys(("competition", "competicion", "tournament", "torneo", "league"), "competition"),
    **dict.fromkeys(("opponent", "rival", "opposition", "against", "opponents", "contrario"), "opponent"),
    **dict.fromkeys(("homeaway", "ha", "side", "venueside", "localvisitante", "condicion", "homeawayneutral"),
                    "side"),
    **dict.fromkeys(("venue", "stadium", "estadio", "ground", "location", "campo"), "venue"),
    **dict.fromkeys(("season", "temporada"), "season"),
    **dict.fromkeys(("round", "jornada", "matchday", "ronda", "stage"), "round"),
    **dict.fromkeys(("timezone", "tz", "zone", "zonahoraria"), "zone"),
    **dict.fromkeys(("score", "result", "resultado", "marcador"), "score"),
    **dict.fromkeys(("status", "estado"), "status"),
}
NEEDED = ("date", "opponent", "side")
_LABELS = {"date": tr_noop("Date"), "opponent": tr_noop("Opponent"), "side": tr_noop("Home/away"),
           "competition": tr_noop("Competition")}
_SIDES = {
    **dict.fromkeys(("home", "h", "casa", "local", "l", "en casa"), "home"),
    **dict.fromkeys(("away", "a", "fuera", "visitante", "v", "visitor"), "away"),
    **dict.fromkeys(("neutral", "n", "neutro", "neutral ground", "neutral venue"), "neutral"),
}
_STATUSES = {
    **dict.fromkeys(("scheduled", "planned", "programado", "fixture"), "scheduled"),
    **dict.fromkeys(("played", "finished", "ft", "jugado", "final"), "played"),
    **dict.fromkeys(("postponed", "aplazado"), "postponed"),
    **dict.fromkeys(("cancelled", "canceled", "cancelado", "suspendido"), "cancelled"),
}
_UNKNOWN_TIME = frozenset(("", "tbd", "tbc", "tba", "?", "-", "--"))
_TIME = re.compile(r"(\d{1,2})\s*[:.hH]\s*(\d{2})(?:\s*[:.]\s*(\d{2}))?")
_SCORE = re.compile(
    r"(\d{1,2})\s*[-:–]\s*(\d{1,2})\s*(a\.?e\.?t\.?|et|extra time)?\s*,?\s*"
    r"(?:\(?\s*(?:pens?\.?|p|penalties)?\s*(\d{1,2})\s*[-:–]\s*(\d{1,2})\s*(?:pens?\.?|p)?\s*\)?)?",
    re.IGNORECASE,
)
_NOISE = re.compile(r"[^0-9a-z#]+")
_FORMULA_STARTS = "=+-@\t\r\n"


def column_key(header: str) -> str:
    """A header cell as compared: folded, without spaces or punctuation ('Home/Away' is 'homeaway')."""
    return _NOISE.sub("", fold(header))


@dataclass
class FixtureCsv(FixtureSource):
    """A fixture CSV checked and ready to stream."""

    path: Path = Path()
    encoding: str = "utf-8"
    delimiter: str = ","
    header_line: int = 0
    columns: dict[int, str] = field(default_factory=dict)

    def items(self) -> Iterator[MatchLine | LineProblem]:
        """Each data line as a match or a problem (blank lines are passed over)."""
        for record in csv_records(self.path, self.encoding, self.delimiter):
            if record.line <= self.header_line:
                continue
            where = Where(line=record.line)
            if isinstance(record, CsvProblem):
                yield LineProblem(where, record.message)
                continue
            if not any(c.strip() for c in record.cells):
                continue
            try:
                yield _match(where, {k: _unguarded(record.cells[i].strip())
                                     for i, k in self.columns.items() if i < len(record.cells)})
            except CellError as error:
                yield LineProblem(where, error.message, error.field)


def read_fixture_csv(path: Path, encoding: str) -> FixtureCsv:
    """Check the header of a fixture CSV; ImportRefused when the columns a match needs are missing."""
    first = first_content_line(path, encoding)
    if first is None:
        raise ImportRefused(tr("{p} is empty", p=path))
    number, text = first
    source = FixtureCsv("csv", path=path, encoding=encoding, delimiter=sniff_delimiter(text), header_line=number)
    header = next((r for r in csv_records(path, encoding, source.delimiter) if r.line >= number), None)
    if header is None or isinstance(header, CsvProblem):
        raise ImportRefused(tr("{p} has no header row naming its columns (date, opponent, home/away, …)", p=path))
    for index, title in enumerate(header.cells):
        target = _COLUMNS.get(column_key(title))
        if target is None or target in source.columns.values():
            if title.strip():
                source.ignored_columns.append(title.strip()[:60])
            continue
        source.columns[index] = target
    missing = [translated(_LABELS[c]) for c in NEEDED if c not in source.columns.values()]
    if missing:
        raise ImportRefused(tr("{p} lacks the columns a fixture needs: {c} (the header is line {n})",
                               p=path, c=", ".join(missing), n=number))
    return source


def _match(where: Where, raw: dict[str, str]) -> MatchLine:
    day = parse_date("date", translated(_LABELS["date"]), raw.get("date", ""))
    opponent = raw.get("opponent", "")
    if not opponent:
        raise CellError("opponent", tr("Opponent must not be empty"))
    side = _SIDES.get(fold(raw.get("side", "")))
    if side is None:
        raise CellError("venue_side", tr("Home/away '{v}' must be home, away or neutral", v=raw.get("side", "")[:40]))
    score, extra_time, penalties = _score(raw.get("score", ""))
    status = None
    if raw.get("status"):
        status = _STATUSES.get(fold(raw["status"]))
        if status is None:
            raise CellError("status", tr("Status '{v}' must be scheduled, played, postponed or cancelled",
                                         v=raw["status"][:40]))
    away = side == "away"
    home, other = (opponent, OURS) if away else (OURS, opponent)
    flip = (lambda pair: (pair[1], pair[0])) if away else (lambda pair: pair)
    return MatchLine(
        where, day, home, other, time=_time(raw.get("time", "")), zone=raw.get("zone") or None,
        neutral=side == "neutral", competition=raw.get("competition") or None, season=raw.get("season") or None,
        venue=raw.get("venue") or None, round=raw.get("round") or None,
        score=flip(score) if score else None, extra_time=extra_time,
        penalties=flip(penalties) if penalties else None, status=status,
    )


def _unguarded(cell: str) -> str:
    """A cell as written before an export guarded it from spreadsheets ('\'=x' was '=x')."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _FORMULA_STARTS and cell[1:2] else cell


def _time(text: str) -> dt.time | None:
    if text.strip().lower() in _UNKNOWN_TIME:
        return None
    match = _TIME.fullmatch(text.strip())
    try:
        if match:
            return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    except ValueError:
        pass
    raise CellError("kickoff_local", tr("Time '{v}' is not a time like 21:00", v=text.strip()[:40]))


def _score(text: str) -> tuple[tuple[int, int] | None, bool, tuple[int, int] | None]:
    """(goals, extra time, penalties) from '2-1', '2-3 aet' or '1-1 aet (pens 2-4)'; ours first."""
    if not text.strip():
        return None, False, None
    match = _SCORE.fullmatch(text.strip())
    if not match:
        raise CellError("goals_for", tr("Score '{v}' is not a score like 2-1", v=text.strip()[:40]))
    goals = (int(match.group(1)), int(match.group(2)))
    penalties = (int(match.group(4)), int(match.group(5))) if match.group(4) else None
    return goals, bool(match.group(3)), penalties
