"""Comparing names as people read them: case, accents and spacing do not make another name."""

from __future__ import annotations

import unicodedata

# Letters Unicode does not split into a base letter plus an accent (Ødegaard, Łukasz, Đoković).
_UNSPLIT = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Atlético Madrid' and 'atletico madrid' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNSPLIT))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace(".", " ").split())
