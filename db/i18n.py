"""Translation hook for user-visible text produced outside Qt (CLI output, validation messages)."""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_translation = gettext.translation("dugout", localedir=_LOCALE_DIR, fallback=True)


def tr(text: str, **values: object) -> str:
    """Translate ``text`` (the English source string) and fill its ``{named}`` placeholders."""
    translated = _translation.gettext(text)
    return translated.format(**values) if values else translated
