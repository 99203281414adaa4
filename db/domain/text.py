"""Text as people read it: what is stored (clean) and what is compared (folded).

A name pasted from a web page or a spreadsheet can carry characters nobody sees: zero-width
spaces, a byte-order mark, bidirectional overrides that reorder what is shown. Stored as they
are, "Thibaut\\u200b Courtois" would be a second Courtois and "\\u202e" could make a name read
backwards. ``clean_text`` removes them (NFC first), ``line_break_in`` finds what would split a
line, and ``fold`` makes the key people are matched on.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters with no meaning in a name or a note: zero-width space and word joiner,
# the byte-order mark, soft hyphen, Mongolian vowel separator, and every bidirectional control.
_INVISIBLE = frozenset(
    "\u200b\u2060\ufeff\u00ad\u180e"  # zero width, BOM, soft hyphen
    "\u200e\u200f\u061c"  # left-to-right, right-to-left and Arabic letter marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
# Zero-width (non-)joiners shape Persian, Arabic and Indic words; elsewhere they only hide.
_JOINERS = "\u200c\u200d"
# Everything that ends a line somewhere: a name must hold none of these.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_SPACES = re.compile(r"[^\S\n]+")  # runs of white space other than newlines (tabs, NBSP, em space…)
# Control characters (Unicode category Cc: C0, DEL, C1) other than tab, plus the line separators.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_HIDDEN = re.compile("[" + "".join(sorted(_INVISIBLE)) + _JOINERS + "]")

_LATIN_MARKS = re.compile("[\u0300-\u036f]")  # combining diacritical marks
# Letters Unicode does not split into a base letter plus an accent (Ødegaard, Łukasz, Đoković).
_UNSPLIT = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})


def _joiner_kept(text: str, i: int) -> bool:
    before, after = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
    return before.isalpha() and after.isalpha() and not (before.isascii() or after.isascii())


def clean_text(text: str) -> str:
    """NFC, without invisible characters, white space runs as one space, trimmed (newlines kept)."""
    if text.isascii():  # nothing to normalise or hide in plain ASCII (the common case, and fast)
        return _SPACES.sub(" ", text).strip()
    text = unicodedata.normalize("NFC", text)
    if _HIDDEN.search(text):
        text = "".join(
            c for i, c in enumerate(text)
            if c not in _INVISIBLE and (c not in _JOINERS or _joiner_kept(text, i))
        )
    return _SPACES.sub(" ", text).strip()


def line_break_in(text: str) -> bool:
    """Whether ``text`` holds anything that ends a line (newline, form feed, U+2028, …)."""
    return any(c in LINE_BREAKS for c in text)


def control_character_in(text: str, allow_newlines: bool = False) -> bool:
    """Whether ``text`` holds a control character or a line separator (a tab counts as a space;
    plain newlines only where ``allow_newlines``)."""
    return (_CONTROL_BUT_NEWLINE if allow_newlines else _CONTROL).search(text) is not None


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Atlético Madrid' and 'atletico madrid' fold alike."""
    if text.isascii():  # no accents to strip: the common case, and fast
        return " ".join(text.lower().replace(".", " ").split())
    decomposed = unicodedata.normalize("NFKD", clean_text(text).casefold().translate(_UNSPLIT))
    plain = _LATIN_MARKS.sub("", decomposed)  # the accents of Latin, Greek and Cyrillic names, fast
    if not plain.isascii():
        plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.replace(".", " ").split())


_SUFFIXES = frozenset({"júnior", "junior", "jr", "jr.", "filho", "neto", "sobrinho", "ii", "iii"})


def last_name(name: str) -> str:
    """The word staff call a player by ("Jude Bellingham" -> "Bellingham"; "Vinícius Júnior" -> "Vinícius")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        return words[0] if len(words) == 2 else words[-2]
    return words[-1] if words else name


def short_names(names: list[str]) -> dict[str, str]:
    """Each name as staff say it within one squad: the last name, with the first initial where two
    players share it ("F. García", "G. García")."""
    lasts = {name: last_name(name) for name in names}
    counts: dict[str, int] = {}
    for last in lasts.values():
        counts[fold(last)] = counts.get(fold(last), 0) + 1
    shown = {}
    for name, last in lasts.items():
        first = name.split()[0] if name.split() else ""
        shown[name] = f"{first[:1]}. {last}" if counts[fold(last)] > 1 and first and first != last else last
    return shown
