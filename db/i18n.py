"""Translation of the data layer's own text (validation errors, reports), without Qt.

Every message is written ``tr("English text {name}", name=value)`` with a literal first argument;
a table of messages marks each entry with ``tr_noop("…")`` and shows it with ``translated(entry)``. ``packaging/translations.py``
extracts both into the same ``.ts`` file as the screens' strings, under the context ``CONTEXT``.
The desktop plugs Qt's translator in at start (``set_translator``); until then text stays English,
as it does on the command line.
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = "db"

_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def set_translator(translate: Callable[[str, str], str] | None) -> None:
    """Route every ``tr`` through ``translate(context, text)`` (None restores plain English)."""
    global _translate
    _translate = translate if translate is not None else (lambda _context, text: text)


def _shown(text: str, values: dict[str, object]) -> str:
    result = _translate(CONTEXT, text)
    return result.format(**values) if values else result


def tr(text: str, **values: object) -> str:
    """Translate ``text`` (the English source string) and fill its ``{named}`` placeholders."""
    return _shown(text, values)


def tr_noop(text: str) -> str:
    """Mark a string for extraction where it is defined (a table); ``translated`` shows it."""
    return text


def translated(marked: str, **values: object) -> str:
    """Translate a string that was marked with ``tr_noop`` where it is defined (the extraction
    finds it there, not here)."""
    return _shown(marked, values)
