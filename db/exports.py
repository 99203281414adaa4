"""Writing what Dugout exports so that a spreadsheet reads it as data, never as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets: OWASP's CSV injection. Such cells get a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    """A value as a CSV cell that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV document (comma-separated, quoted where needed, every cell made safe)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # The csv module quotes a cell holding the line terminator ("\n") but not a lone "\r", which a
    # reader then takes for the end of the row: a row with one is written all quoted.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in ([safe_cell(h) for h in header], *([safe_cell(cell) for cell in row] for row in rows)):
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()
