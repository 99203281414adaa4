"""Which side a match is stored from: ours when we play, else the home side. Pure Python.

Each match is stored once in ``fixture``, from one club's side (``club_id``, ``opponent_id``,
``venue_side`` and goals for/against that club). A match of our club is always stored from our
side, whatever the source calls home; any other match from the home side ('home'), or at a
neutral ground from the side named first ('neutral'). These functions turn a match as sources
tell it (home, away, neutral ground, goals home first) into that stored form and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

Club = TypeVar("Club")


@dataclass(frozen=True, slots=True)
class StoredSide(Generic[Club]):
    """A match from the side it is stored from; ``flipped`` when that is the away (second) side."""

    club: Club
    opponent: Club
    venue_side: str
    flipped: bool

    def goals(self, home: int | None, away: int | None) -> tuple[int | None, int | None]:
        """Goals (or penalties) given home first, as goals for and against the stored side."""
        return (away, home) if self.flipped else (home, away)


def stored_side(home: Club, away: Club, neutral: bool, ours: Club | None) -> StoredSide[Club]:
    """How a match between ``home`` and ``away`` is stored when ``ours`` is our club."""
    if ours is not None and away == ours and home != ours:
        return StoredSide(away, home, "neutral" if neutral else "away", True)
    return StoredSide(home, away, "neutral" if neutral else "home", False)


def home_and_away(club: Club, opponent: Club, venue_side: str) -> tuple[Club, Club, bool]:
    """A stored match as sources tell it: (home, away, at a neutral ground)."""
    if venue_side == "away":
        return opponent, club, False
    return club, opponent, venue_side == "neutral"
