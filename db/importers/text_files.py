"""Reading text files that clubs get (CSV exports, openfootball lists) safely and in bounded memory.

The file is read twice in 1 MiB chunks: once to tell its encoding (UTF-8 with or without BOM,
UTF-16 with BOM, else cp1252 as Spanish Excel writes it) and refuse binary data, then line by
line. Lines end only at ``\\n``, ``\\r\\n`` or ``\\r``: a U+2028 or form feed inside a cell stays in
its cell (where validation refuses it by name) instead of splitting a row in two. A CSV record
must end on its own line, so a quote left open is refused on its line and swallows nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from db.errors import ImportRefused
from db.i18n import tr

CHUNK = 1 << 20
# The csv module's own default; a longer cell is refused on its line.
MAX_CELL = 131072


def _open_binary(path: Path) -> io.BufferedReader:
    try:
        return path.open("rb")
    except IsADirectoryError:
        raise ImportRefused(tr("{p} is a folder, not a file to import", p=path)) from None
    except OSError as error:
        raise ImportRefused(tr("Cannot read {p}: {e}", p=path, e=error.strerror)) from error


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with; ImportRefused for binary data or an unknown encoding."""
    with _open_binary(path) as handle:
        first = handle.read(CHUNK)
        if first.startswith((b"\xff\xfe", b"\xfe\xff")):
            candidates = ["utf-16"]
        elif b"\x00" in first:
            raise ImportRefused(tr("{p} is not a text file", p=path))
        else:
            candidates = ["utf-8-sig", "cp1252"]
        for encoding in candidates:
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := handle.read(CHUNK):
                    if encoding != "utf-16" and b"\x00" in chunk:
                        raise ImportRefused(tr("{p} is not a text file", p=path))
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    raise ImportRefused(tr("{p} is not a text file (unknown encoding)", p=path))


def open_text(path: Path, encoding: str) -> TextIO:
    """``path`` as text, line endings left as they are (``newline=''``)."""
    return io.TextIOWrapper(_open_binary(path), encoding=encoding, newline="")


def numbered_lines(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """(line number, text without its line ending) for each physical line."""
    with open_text(path, encoding) as text:
        for number, line in enumerate(text, start=1):
            yield number, line.rstrip("\r\n")


def first_content_line(path: Path, encoding: str) -> tuple[int, str] | None:
    """The first line holding something other than white space, with its number."""
    return next(((n, line) for n, line in numbered_lines(path, encoding) if line.strip()), None)


@dataclass(frozen=True)
class CsvRecord:
    """One CSV record, on its own line."""

    line: int
    cells: list[str]


@dataclass(frozen=True)
class CsvProblem:
    """A line the csv module could not read as a record of its own (a quote left open, a stray
    quote, a cell over the size limit)."""

    line: int
    message: str


def csv_records(path: Path, encoding: str, delimiter: str) -> Iterator[CsvRecord | CsvProblem]:
    """Every record of a CSV file in order; problems are yielded, not raised.

    A record must end on the line it starts on. A quoted cell that runs on over a line break is,
    in the files Dugout reads, a quote missing somewhere: left alone it would swallow the lines
    after it into one cell. Such a line (an odd number of quotes) is refused on its own and
    reading goes on with the next, so every line is a record, blank, or a problem naming it.
    """
    with open_text(path, encoding) as text:
        for number, line in enumerate(text, start=1):
            if len(line) > MAX_CELL and any(len(cell) > MAX_CELL for cell in line.split(delimiter)):
                yield CsvProblem(number, tr("Line {n} has a cell longer than {m} characters", n=number, m=MAX_CELL))
                continue
            if '"' not in line:  # nothing quoted: the cells are what lies between delimiters
                yield CsvRecord(number, line.rstrip("\r\n").split(delimiter))
                continue
            if line.count('"') % 2:
                yield CsvProblem(number, tr("Line {n} has a quote that is not closed on that line", n=number))
                continue
            try:
                cells = next(csv.reader([line], delimiter=delimiter, strict=True), [])
            except csv.Error as error:
                yield CsvProblem(number, tr("The line cannot be read as CSV: {e}", e=error))
                continue
            yield CsvRecord(number, cells)


def sniff_delimiter(header: str) -> str:
    """The delimiter a header line uses most: semicolon (Spanish Excel), comma or tab."""
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
