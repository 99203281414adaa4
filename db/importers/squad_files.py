"""Reading squad lists (CSV or openfootball .txt) into plain rows, streamed; never touches the database.

``read_squad_file`` looks at the file once (encoding, kind, header, club and season named in it)
and refuses what is not a squad list; ``SquadFile.lines()`` then yields each player's line as a
``SquadRow`` or, for a line that cannot be read, a ``RefusedLine`` naming the line and the field.
Memory stays bounded whatever the file's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.domain.text import fold
from db.domain.vocab import COARSE_POSITIONS, POSITIONS
from db.errors import ImportRefused
from db.i18n import tr, tr_noop, translated
from db.importers.cells import CellError, parse_cents, parse_date, parse_height, parse_int
from db.importers.text_files import (
    CsvProblem,
    csv_records,
    detect_encoding,
    first_content_line,
    numbered_lines,
    sniff_delimiter,
)


@dataclass(frozen=True)
class SquadRow:
    """One player's line: player and membership field values, money already in integer cents."""

    line: int
    values: dict[str, Any]


@dataclass(frozen=True)
class RefusedLine:
    """A line that could not be read as a player, with the field at fault ('' for the whole line)."""

    line: int
    field: str
    message: str


@dataclass
class SquadFile:
    """A squad list checked and ready to stream: its kind, encoding, header facts and columns."""

    path: Path
    source: str  # "csv" or "openfootball"
    encoding: str
    club_name: str | None = None
    season_label: str | None = None
    ignored_columns: list[str] = field(default_factory=list)
    delimiter: str = ","
    header_line: int = 0
    columns: dict[int, str] = field(default_factory=dict)

    def lines(self) -> Iterator[SquadRow | RefusedLine]:
        """Each player's line in file order (blank lines, comments and headers are skipped)."""
        if self.source == "openfootball":
            yield from self._openfootball_lines()
        else:
            yield from self._csv_lines()

    def _openfootball_lines(self) -> Iterator[SquadRow | RefusedLine]:
        for number, raw in numbered_lines(self.path, self.encoding):
            line = raw.strip()
            if not line or line.startswith("#") or _OPENFOOTBALL_HEADER.match(line):
                continue
            try:
                yield SquadRow(number, _openfootball_values(line))
            except CellError as error:
                yield RefusedLine(number, error.field, error.message)

    def _csv_lines(self) -> Iterator[SquadRow | RefusedLine]:
        for record in csv_records(self.path, self.encoding, self.delimiter):
            if record.line <= self.header_line:
                continue
            if isinstance(record, CsvProblem):
                yield RefusedLine(record.line, "", record.message)
                continue
            if not any(c.strip() for c in record.cells):
                continue
            try:
                yield SquadRow(record.line, _csv_values(record.cells, self.columns))
            except CellError as error:
                yield RefusedLine(record.line, error.field, error.message)


def read_squad_file(path: Path) -> SquadFile:
    """Check a squad list and read its header; ImportRefused if it is not one (nothing is imported)."""
    encoding = detect_encoding(path)
    first = first_content_line(path, encoding)
    if first is None:
        raise ImportRefused(tr("{p} is empty", p=path))
    number, text = first
    if text.lstrip().startswith("=") or _OPENFOOTBALL_LINE.match(text):
        squad = _read_openfootball_header(path, encoding)
    else:
        squad = _read_csv_header(path, encoding, number, text)
    if next(squad.lines(), None) is None:
        raise ImportRefused(tr("{p} lists no players", p=path))
    return squad


# ------------------------------------------------------------------------------------ openfootball

_OPENFOOTBALL_LINE = re.compile(r"^\s*(\d+)\s*,\s*(.+)$")
_OPENFOOTBALL_HEADER = re.compile(r"^=+\s*(.*?)\s*$")
_SEASON_LABEL = re.compile(r"\b(\d{4}/\d{2}(?:\d{2})?)\b")
_NAME_AND_NATION = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_BORN = re.compile(r"^b\.?\s*(.+)$", re.IGNORECASE)


def _read_openfootball_header(path: Path, encoding: str) -> SquadFile:
    """``=  Club - League 2023/24`` names the club and the season (the first such line wins)."""
    squad = SquadFile(path, "openfootball", encoding)
    for _number, raw in numbered_lines(path, encoding):
        header = _OPENFOOTBALL_HEADER.match(raw.strip())
        if not header:
            continue
        title = header.group(1)
        season = _SEASON_LABEL.search(title)
        if squad.season_label is None and season:
            first, second = season.group(1).split("/")
            squad.season_label = f"{first}/{second[-2:]}"
        if squad.club_name is None:
            club = title.split(" - ")[0].strip() if " - " in title else ""
            squad.club_name = club or None
        if squad.club_name and squad.season_label:
            break
    return squad


def _openfootball_values(line: str) -> dict[str, Any]:
    """`` 13,  Name (UKR),  GK,  b. 1999,  Previous club`` as field values."""
    match = _OPENFOOTBALL_LINE.match(line)
    if not match:
        raise CellError("shirt_number", tr("The line does not start with a shirt number"))
    parts = [p.strip() for p in match.group(2).split(",", 3)]
    values: dict[str, Any] = {
        "shirt_number": parse_int("shirt_number", translated(_LABELS["shirt_number"]), match.group(1))
    }
    name, nations = parts[0], "ESP"
    named = _NAME_AND_NATION.match(name)
    if named:
        name, nations = named.group(1), named.group(2).replace("/", ",")
    values["name"] = name
    values["nationalities"] = nations
    if len(parts) > 1 and parts[1]:
        coarse = parts[1].upper()
        fine = COARSE_POSITIONS.get(coarse, coarse if coarse in POSITIONS else None)
        if fine is None:
            raise CellError("primary_position", tr("Position '{v}' is not GK, DF, MF or FW", v=parts[1][:40]))
        values["primary_position"] = fine
    if len(parts) > 2 and parts[2]:
        born = _BORN.match(parts[2])
        text = born.group(1).strip() if born else parts[2]
        if re.fullmatch(r"\d{4}", text):
            values["birth_year"] = int(text)
        else:
            values["date_of_birth"] = parse_date("date_of_birth", translated(_LABELS["date_of_birth"]), text)
    if len(parts) > 3 and parts[3]:
        values["previous_club"] = parts[3]
    return values


# --------------------------------------------------------------------------------------------- CSV

# Folded header (accents, case, spaces, underscores and hyphens removed) -> field.
_COLUMNS: dict[str, str] = {
    **dict.fromkeys(("name", "player", "nombre", "jugador", "fullname"), "name"),
    **dict.fromkeys(("number", "shirt", "no", "#", "dorsal", "shirtnumber", "numero"), "shirt_number"),
    **dict.fromkeys(("position", "pos", "posicion"), "position"),
    **dict.fromkeys(("positions", "posiciones"), "positions"),
    **dict.fromkeys(
        ("dob", "dateofbirth", "born", "birthdate", "fechadenacimiento", "fechanacimiento"), "date_of_birth"
    ),
    **dict.fromkeys(("birthyear", "year"), "birth_year"),
    **dict.fromkeys(("nationality", "nationalities", "nation", "nacionalidad"), "nationalities"),
    **dict.fromkeys(("foot", "pie", "preferredfoot"), "preferred_foot"),
    **dict.fromkeys(("height", "heightcm", "altura"), "height_cm"),
    **dict.fromkeys(("contractstart",), "contract_start"),
    **dict.fromkeys(("contractend", "contract", "contractuntil", "fincontrato"), "contract_end"),
    **dict.fromkeys(("joined", "joinedon"), "joined_on"),
    **dict.fromkeys(("wage", "annualwage", "salary", "salario"), "annual_wage_cents"),
    **dict.fromkeys(("value", "marketvalue", "valor"), "market_value_cents"),
    **dict.fromkeys(("role", "squadrole"), "squad_role"),
    **dict.fromkeys(("previousclub", "from"), "previous_club"),
}
_FEET = {
    "left": "left", "l": "left", "izquierdo": "left", "izq": "left", "zurdo": "left", "i": "left",
    "right": "right", "r": "right", "derecho": "right", "der": "right", "diestro": "right", "d": "right",
    "both": "both", "ambos": "both", "ambidiestro": "both", "b": "both",
}
_ROLES = {"firstteam": "first_team", "academy": "academy", "loanin": "loan_in", "loan": "loan_in"}
_LABELS = {
    "date_of_birth": tr_noop("Date of birth"), "contract_start": tr_noop("Contract start"),
    "contract_end": tr_noop("Contract end"), "joined_on": tr_noop("Joined"), "annual_wage_cents": tr_noop("Wage"),
    "market_value_cents": tr_noop("Market value"), "height_cm": tr_noop("Height (cm)"),
    "birth_year": tr_noop("Birth year"), "shirt_number": tr_noop("Shirt number"),
}
_DATES = ("date_of_birth", "contract_start", "contract_end", "joined_on")




_POSITION_LIST = re.compile(r"[/,;\s]+")
_HEADER_NOISE = re.compile(r"[\s_\-]+")


def _column_key(header: str) -> str:
    return _HEADER_NOISE.sub("", fold(header))


def _read_csv_header(path: Path, encoding: str, number: int, text: str) -> SquadFile:
    """The first non-blank line names the columns; at least the name column must be there."""
    squad = SquadFile(path, "csv", encoding, delimiter=sniff_delimiter(text), header_line=number)
    header = next((r for r in csv_records(path, encoding, squad.delimiter) if r.line >= number), None)
    if header is None or isinstance(header, CsvProblem):
        raise ImportRefused(tr("{p} has no header row naming its columns (name, number, …)", p=path))
    squad.header_line = header.line
    for index, title in enumerate(header.cells):
        target = _COLUMNS.get(_column_key(title))
        if target is None or target in squad.columns.values():
            if title.strip():
                squad.ignored_columns.append(title.strip()[:60])
            continue
        squad.columns[index] = target
    if not squad.columns:
        raise ImportRefused(tr("{p} has no header row naming its columns (name, number, …)", p=path))
    if "name" not in squad.columns.values():
        raise ImportRefused(tr("{p} has no name column (name, player, nombre or jugador)", p=path))
    return squad


def _csv_values(cells: list[str], columns: dict[int, str]) -> dict[str, Any]:
    raw = {target: cells[i].strip() for i, target in columns.items() if i < len(cells)}
    values: dict[str, Any] = {"name": raw.get("name", "")}
    positions: list[str] = []
    for key in ("position", "positions"):
        positions += [p for p in _POSITION_LIST.split(raw.get(key, "")) if p]
    if positions:
        fine = [COARSE_POSITIONS.get(p.upper(), p.upper()) for p in positions]
        values["primary_position"] = fine[0]
        if len(fine) > 1:
            values["secondary_positions"] = ",".join(dict.fromkeys(fine[1:]))
    for key, text in raw.items():
        if not text or key in ("name", "position", "positions"):
            continue
        if key in _DATES:
            values[key] = parse_date(key, translated(_LABELS[key]), text)
        elif key in ("annual_wage_cents", "market_value_cents"):
            values[key] = parse_cents(key, translated(_LABELS[key]), text)
        elif key in ("shirt_number", "birth_year"):
            values[key] = parse_int(key, translated(_LABELS[key]), text)
        elif key == "height_cm":
            values[key] = parse_height(text)
        elif key == "preferred_foot":
            values[key] = _FEET.get(text.lower()) or _FEET.get(fold(text), text)
        elif key == "squad_role":
            values[key] = _ROLES.get(_column_key(text), text)
        else:
            values[key] = text
    return values
