"""Reading squad lists (CSV or openfootball .txt) into plain rows; never touches the database."""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.domain.text import fold
from db.domain.vocab import COARSE_POSITIONS, POSITIONS
from db.errors import ImportRefused
from db.i18n import tr, tr_noop, translated


@dataclass
class SquadRow:
    """One parsed input line: player and membership field values, money already in integer cents."""

    line: int
    values: dict[str, Any]


@dataclass
class ParsedSquad:
    """A squad file read into rows, with the lines that could not be parsed."""

    source: str  # "csv" or "openfootball"
    club_name: str | None
    season_label: str | None
    rows: list[SquadRow]
    refused: list[tuple[int, str]]
    refused_fields: dict[int, str] = field(default_factory=dict)  # line -> field at fault
    ignored_columns: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- reading

_OPENFOOTBALL_LINE = re.compile(r"^\s*(\d+)\s*,\s*(.+)$")
_OPENFOOTBALL_HEADER = re.compile(r"^=+\s*(.*?)\s*$")
_SEASON_LABEL = re.compile(r"\b(\d{4}/\d{2}(?:\d{2})?)\b")
_NAME_AND_NATION = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_BORN = re.compile(r"^b\.?\s*(.+)$", re.IGNORECASE)

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


class _RowError(Exception):
    """A cell that could not be parsed: names the field."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def read_squad_file(path: Path) -> ParsedSquad:
    """Read a squad list, detecting openfootball or CSV by content; raise ImportRefused if unusable."""
    text = _decode(_read_bytes(path), path)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise ImportRefused(tr("{p} is empty", p=path))
    if first.lstrip().startswith("=") or _OPENFOOTBALL_LINE.match(first):
        parsed = _parse_openfootball(lines)
    else:
        parsed = _parse_csv(text, path)
    if not parsed.rows and not parsed.refused:
        raise ImportRefused(tr("{p} lists no players", p=path))
    return parsed


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportRefused(tr("{p} is a folder, not a squad file", p=path)) from None
    except OSError as error:
        raise ImportRefused(tr("Cannot read {p}: {e}", p=path, e=error.strerror)) from error


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 as Spanish Excel writes it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused(tr("{p} is not a text file", p=path)) from None
    if b"\x00" in data:
        raise ImportRefused(tr("{p} is not a text file", p=path))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(tr("{p} is not a text file (unknown encoding)", p=path))


def _parse_openfootball(lines: list[str]) -> ParsedSquad:
    """``=  Club - League 2023/24`` then `` 13,  Name (UKR),  GK,  b. 1999,  Previous club``."""
    parsed = ParsedSquad("openfootball", None, None, [], [])
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _OPENFOOTBALL_HEADER.match(line)
        if header:
            title = header.group(1)
            season = _SEASON_LABEL.search(title)
            if parsed.season_label is None and season:
                first, second = season.group(1).split("/")
                parsed.season_label = f"{first}/{second[-2:]}"
            if parsed.club_name is None:
                club = title.split(" - ")[0].strip() if " - " in title else ""
                parsed.club_name = club or None
            continue
        try:
            parsed.rows.append(SquadRow(number, _openfootball_values(line)))
        except _RowError as error:
            parsed.refused.append((number, error.message))
            parsed.refused_fields[number] = error.field
    return parsed


def _openfootball_values(line: str) -> dict[str, Any]:
    match = _OPENFOOTBALL_LINE.match(line)
    if not match:
        raise _RowError("shirt_number", tr("The line does not start with a shirt number"))
    parts = [p.strip() for p in match.group(2).split(",", 3)]
    values: dict[str, Any] = {"shirt_number": int(match.group(1))}
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
            raise _RowError("primary_position", tr("Position '{v}' is not GK, DF, MF or FW", v=parts[1]))
        values["primary_position"] = fine
    if len(parts) > 2 and parts[2]:
        born = _BORN.match(parts[2])
        text = born.group(1).strip() if born else parts[2]
        if re.fullmatch(r"\d{4}", text):
            values["birth_year"] = int(text)
        else:
            values["date_of_birth"] = _parse_date("date_of_birth", text)
    if len(parts) > 3 and parts[3]:
        values["previous_club"] = parts[3]
    return values


def _column_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", fold(header))


def _parse_csv(text: str, path: Path) -> ParsedSquad:
    lines = text.splitlines()
    header_line = next(line for line in lines if line.strip())
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    columns: dict[int, str] = {}
    parsed = ParsedSquad("csv", None, None, [], [])
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # e.g. a cell over the csv module's size limit: refuse that line
            parsed.refused.append((reader.line_num, tr("The line cannot be read as CSV: {e}", e=error)))
            parsed.refused_fields[reader.line_num] = ""
            continue
        number = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = cells
            columns = _map_columns(header, parsed)
            if not columns:
                raise ImportRefused(tr("{p} has no header row naming its columns (name, number, …)", p=path))
            if "name" not in columns.values():
                raise ImportRefused(tr("{p} has no name column (name, player, nombre or jugador)", p=path))
            continue
        try:
            values = _csv_values(cells, columns)
        except _RowError as error:
            parsed.refused.append((number, error.message))
            parsed.refused_fields[number] = error.field
            continue
        parsed.rows.append(SquadRow(number, values))
    return parsed


def _map_columns(header: list[str], parsed: ParsedSquad) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, title in enumerate(header):
        target = _COLUMNS.get(_column_key(title))
        if target is None or target in columns.values():
            if title.strip():
                parsed.ignored_columns.append(title.strip())
            continue
        columns[index] = target
    return columns


def _csv_values(cells: list[str], columns: dict[int, str]) -> dict[str, Any]:
    raw = {target: cells[i].strip() for i, target in columns.items() if i < len(cells)}
    values: dict[str, Any] = {"name": raw.get("name", "")}
    positions: list[str] = []
    for key in ("position", "positions"):
        positions += [p for p in re.split(r"[/,;\s]+", raw.get(key, "")) if p]
    if positions:
        fine = [COARSE_POSITIONS.get(p.upper(), p.upper()) for p in positions]
        values["primary_position"] = fine[0]
        if len(fine) > 1:
            values["secondary_positions"] = ",".join(dict.fromkeys(fine[1:]))
    for key, text in raw.items():
        if not text or key in ("name", "position", "positions"):
            continue
        if key in ("date_of_birth", "contract_start", "contract_end", "joined_on"):
            values[key] = _parse_date(key, text)
        elif key in ("annual_wage_cents", "market_value_cents"):
            values[key] = _parse_cents(key, text)
        elif key in ("shirt_number", "birth_year"):
            values[key] = _parse_int(key, text)
        elif key == "height_cm":
            values[key] = _parse_height(text)
        elif key == "preferred_foot":
            values[key] = _FEET.get(fold(text), text)
        elif key == "squad_role":
            values[key] = _ROLES.get(_column_key(text), text)
        else:
            values[key] = text
    return values


def _parse_date(key: str, text: str) -> dt.date:
    """YYYY-MM-DD or DD/MM/YYYY (also with '-' or '.')."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(p) for p in text.split("-"))
            return dt.date(year, month, day)
        match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    raise _RowError(key, tr("{label} '{v}' is not a date like 2025-06-30 or 30/06/2025", label=translated(_LABELS[key]), v=text))


def _parse_int(key: str, text: str) -> int:
    try:
        return int(text.strip().lstrip("#"))
    except ValueError:
        raise _RowError(key, tr("{label} must be a whole number, not '{v}'", label=translated(_LABELS[key]), v=text)) from None


def _parse_height(text: str) -> int:
    """Centimetres from '185', '185 cm', '1,85' or '1.85 m'."""
    clean = re.sub(r"\s*(cm|m)$", "", text.strip().lower()).replace(",", ".")
    try:
        number = float(clean)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not 0 < number < 1000:
        raise _RowError("height_cm", tr("Height '{v}' is not a number of centimetres", v=text))
    return round(number * 100) if number < 3 else round(number)


def parse_euros_to_cents(text: str) -> int:
    """'1.234.567,50', '1,234,567.50', '1234567' or '-500 €' as integer cents."""
    clean = re.sub(r"[\s€$£'\u00a0]|EUR", "", text.strip(), flags=re.IGNORECASE)
    negative = clean.startswith("-") or (clean.startswith("(") and clean.endswith(")"))
    clean = clean.strip("-()+")
    if not re.fullmatch(r"[\d.,]+", clean) or not re.search(r"\d", clean):
        raise ValueError(text)
    dot, comma = clean.rfind("."), clean.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal = "." if dot > comma else ","
    elif dot >= 0 or comma >= 0:
        mark = "." if dot >= 0 else ","
        last = clean.split(mark)[-1]
        # One mark followed by exactly three digits is a thousands separator ("1.500" euros).
        decimal = mark if clean.count(mark) == 1 and len(last) != 3 else ""
    else:
        decimal = ""
    whole, _, fraction = clean.partition(decimal) if decimal else (clean, "", "")
    whole = re.sub(r"[.,]", "", whole)
    if re.search(r"[.,]", fraction) or len(fraction) > 2:
        raise ValueError(text)
    cents = int(whole or "0") * 100 + int((fraction + "00")[:2])
    return -cents if negative else cents


def _parse_cents(key: str, text: str) -> int:
    try:
        return parse_euros_to_cents(text)
    except ValueError:
        raise _RowError(key, tr("{label} '{v}' is not an amount in euros", label=translated(_LABELS[key]), v=text)) from None

