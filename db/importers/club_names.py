"""Finding the club a fixture file means by the name it uses, against a snapshot of the clubs known.

Files spell clubs their own way: 'Real Madrid CF (ESP)' in a Champions League file, 'Celta' in a
club's calendar. A name is looked up as it is (name or alias, folded), then without a country in
brackets, then — where the file is a club's own list, whose short names are the norm — loosely:
the words that tell clubs apart ('celta' in 'RC Celta de Vigo', once 'RC' and 'de' are set
aside) naming exactly one club. A loose match is reported, and its spelling becomes an alias
when the import is applied, so the next import finds it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from db.domain.text import fold

_COUNTRY = re.compile(r"^(.*?)\s*\(([A-Z]{3})\)\s*$")
# Words that say what a club is, not which: 'FC', 'Real Club', 'de', 'Balompié'.
_GENERIC = frozenset((
    "fc", "cf", "cd", "ud", "sd", "rc", "rcd", "ca", "sc", "ac", "afc", "as", "ss", "sl", "sk", "fk", "nk", "bk",
    "club", "de", "del", "la", "el", "the", "and", "y", "futbol", "football", "calcio", "balompie",
))


def without_country(name: str) -> tuple[str, str | None]:
    """'Real Madrid CF (ESP)' as ('Real Madrid CF', 'ESP'); a name without one as it is."""
    found = _COUNTRY.match(name.strip())
    return (found.group(1).strip(), found.group(2)) if found and found.group(1).strip() else (name.strip(), None)


def _words(name: str) -> frozenset[str]:
    return frozenset(fold(name).replace("-", " ").replace("'", " ").split())


def _telling(words: frozenset[str]) -> frozenset[str]:
    telling = words - _GENERIC
    return telling or words


@dataclass
class ClubIndex:
    """Clubs known (id -> name) and every folded name or alias -> id; planned clubs join as they come."""

    names: dict[int, str] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)
    _words: dict[int, set[frozenset[str]]] = field(default_factory=dict)
    _postings: dict[str, set[int]] = field(default_factory=dict)  # telling word -> clubs: no scan of them all

    def add(self, club_id: int, name: str, aliases: Iterable[str] = ()) -> None:
        """Know a club by its name and aliases."""
        self.names.setdefault(club_id, name)
        for spelling in (name, *aliases):
            self.keys.setdefault(fold(spelling), club_id)
            words = _words(without_country(spelling)[0])
            self._words.setdefault(club_id, set()).add(words)
            for word in _telling(words):
                self._postings.setdefault(word, set()).add(club_id)

    def exact(self, name: str) -> int | None:
        """The club this name or alias names, also without a country in brackets."""
        found = self.keys.get(fold(name))
        if found is None:
            bare, _country = without_country(name)
            found = self.keys.get(fold(bare))
        return found

    def loose(self, name: str, among: Container[int] | None = None) -> int | None:
        """The one club (of those ``among``, by default all) whose telling words are those of
        ``name``, or, for a bare short name ('Celta': no 'FC', no 'de'), include them all; None
        when no club or more than one fits."""
        words = _words(without_country(name)[0])
        wanted = _telling(words)
        if not wanted or all(len(word) < 3 for word in wanted):
            return None
        bare = wanted == words
        equal, containing = set(), set()
        candidates = set.intersection(*(self._postings.get(word, set()) for word in wanted))
        for club_id in candidates:
            if among is not None and club_id not in among:
                continue
            for words in self._words[club_id]:
                telling = _telling(words)
                if telling == wanted:
                    equal.add(club_id)
                elif bare and wanted < telling:
                    containing.add(club_id)
        if len(equal) == 1:
            return next(iter(equal))
        if not equal and len(containing) == 1:
            return next(iter(containing))
        return None
