"""A table column as data: its header, the field it edits, the editor it needs and how it sorts.

A screen lists its columns once (a tuple of ``Column``) and the shared model, delegate and header
menu read everything from there. Headers and nouns are marked with ``QT_TRANSLATE_NOOP`` under the
table's own context, so the translator sees them as literals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale

# Editor kinds the shared delegate knows (``desktop.common.editors.make_editor``). CHOICE takes
# the column's ``choices``: (stored value, label) pairs, labels marked in the table's context.
SHIRT, TEXT, POSITION, POSITIONS_LIST, DATE, FOOT, MONEY, INT, NATIONALITIES, CHOICE = (
    "shirt", "text", "position", "positions", "date", "foot", "money", "int", "nationalities", "choice",
)


@dataclass(frozen=True)
class Formats:
    """What display functions format with: the club's currency and the user's locale."""

    currency: str
    locale: QLocale


def _blank(_row: Any, _formats: Formats) -> str:
    return ""


@dataclass(frozen=True)
class Column:
    """One column: ``header`` (translated in ``context``), the field it edits (None: read-only) of
    which ``target`` table, the editor kind and the value range from ``db.domain``.

    ``noun`` names the field in undo texts ("Change {noun} of Bellingham"); ``edit_value`` gives
    the stored value an editor starts from, ``sort_key`` a comparable value (None sorts last),
    ``display`` the text shown (computed once when the row loads).
    """

    key: str
    header: str
    sort_key: Callable[[Any], Any]
    field: str | None = None
    target: str | None = None
    editor: str | None = None
    noun: str = ""
    edit_value: Callable[[Any], Any] | None = None
    numeric: bool = False
    value_range: tuple[int, int] | None = None
    display: Callable[[Any, Formats], str] = _blank
    choices: tuple[tuple[Any, str], ...] = ()

    def stored_value(self, row: Any) -> Any:
        """The field's value as the database stores it (lists joined by commas)."""
        value = self.edit_value(row) if self.edit_value else None
        return ",".join(value) if isinstance(value, tuple) else value
