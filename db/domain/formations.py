"""Formations as data: eleven slots, each a position on the pitch. Pure Python.

A slot is a position code (``db.domain.vocab.POSITIONS``) and a place on the pitch in percent:
``x`` from the left touchline (0) to the right (100), ``y`` from the opponents' goal line (0) to
our own (100), as the coach sees his team attack up the page. The standard shapes are seeded by
the migration that makes the ``formation`` table (``0004_lineup``), copied literally there; a test
keeps both equal. A custom formation is the slots moved by hand and saved under a name.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db.domain.checks import check_text
from db.domain.vocab import POSITIONS
from db.errors import ValidationError
from db.i18n import tr, tr_noop

SLOTS = 11
MIN_GAP = 6.0  # percent of the pitch: two slots closer than this would hide each other
NAME_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in a formation: the position it asks for and where it stands (percent)."""

    position: str
    x: int
    y: int


def _slots(text: str) -> tuple[Slot, ...]:
    """'GK 50 92, RB 85 72, …' as slots (how the table below stays readable)."""
    found = []
    for part in text.split(","):
        position, x, y = part.split()
        found.append(Slot(position, int(x), int(y)))
    return tuple(found)


# Ordered from our goal outwards, right to left within a line (the order slots are listed, tabbed
# through and remapped by). Wide midfielders are RW/LW and wing-backs RB/LB: Dugout's positions.
STANDARD_FORMATIONS: dict[str, tuple[Slot, ...]] = {
    "4-3-3": _slots("GK 50 92, RB 86 71, CB 64 78, CB 36 78, LB 14 71, CM 70 47, DM 50 60, CM 30 47, "
                    "RW 80 24, ST 50 17, LW 20 24"),
    "4-4-2": _slots("GK 50 92, RB 86 71, CB 64 78, CB 36 78, LB 14 71, RW 84 46, CM 61 52, CM 39 52, "
                    "LW 16 46, ST 62 20, ST 38 20"),
    "4-2-3-1": _slots("GK 50 92, RB 86 71, CB 64 78, CB 36 78, LB 14 71, DM 62 57, DM 38 57, RW 80 36, "
                      "AM 50 38, LW 20 36, ST 50 16"),
    "4-1-4-1": _slots("GK 50 92, RB 86 71, CB 64 78, CB 36 78, LB 14 71, DM 50 60, RW 84 40, CM 61 44, "
                      "CM 39 44, LW 16 40, ST 50 17"),
    "3-5-2": _slots("GK 50 92, CB 72 77, CB 50 80, CB 28 77, RB 88 50, CM 68 46, DM 50 57, CM 32 46, "
                    "LB 12 50, ST 62 20, ST 38 20"),
    "3-4-3": _slots("GK 50 92, CB 72 77, CB 50 80, CB 28 77, RB 86 52, CM 60 54, CM 40 54, LB 14 52, "
                    "RW 78 24, ST 50 17, LW 22 24"),
    "5-3-2": _slots("GK 50 92, RB 88 64, CB 70 78, CB 50 80, CB 30 78, LB 12 64, CM 72 50, DM 50 55, "
                    "CM 28 50, ST 62 20, ST 38 20"),
}
DEFAULT_FORMATION = "4-3-3"


def slots_text(slots: Iterable[Slot]) -> str:
    """How a formation's slots are stored: a JSON list of [position, x, y]."""
    return json.dumps([[s.position, s.x, s.y] for s in slots], separators=(",", ":"))


def parse_slots(text: str) -> tuple[Slot, ...]:
    """Stored slots back as ``Slot``s; refused (field ``slots``) when they are not such a list."""
    try:
        raw = json.loads(text)
        slots = tuple(Slot(str(p), int(x), int(y)) for p, x, y in raw)
    except (ValueError, TypeError):
        raise ValidationError("slots", "malformed", tr("The formation's slots cannot be read")) from None
    return slots


def check_slots(slots: Sequence[object]) -> tuple[Slot, ...]:
    """Eleven slots, known positions, one goalkeeper, all on the pitch and apart; the slots as
    ``Slot``s with whole-percent places, or ``ValidationError`` on the field ``slots``."""
    clean: list[Slot] = []
    for slot in slots:
        if not isinstance(slot, Slot):
            raise ValidationError("slots", "malformed", tr("A formation slot must name a position and a place"))
        if slot.position not in POSITIONS:
            raise ValidationError("slots", "unknown_position", tr("'{p}' is not a position Dugout knows",
                                                                   p=slot.position))
        for value in (slot.x, slot.y):
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValidationError("slots", "malformed", tr("A slot's place must be a number"))
        if not (0 <= slot.x <= 100 and 0 <= slot.y <= 100):
            raise ValidationError("slots", "off_pitch", tr("The {p} slot is off the pitch", p=slot.position))
        clean.append(Slot(slot.position, round(slot.x), round(slot.y)))
    if len(clean) != SLOTS:
        raise ValidationError("slots", "not_eleven", tr("A formation has 11 slots, not {n}", n=len(clean)))
    keepers = sum(s.position == "GK" for s in clean)
    if keepers != 1:
        raise ValidationError("slots", "one_goalkeeper", tr("A formation has exactly one goalkeeper slot, not {n}",
                                                             n=keepers))
    for i, a in enumerate(clean):
        for b in clean[i + 1:]:
            if math.hypot(a.x - b.x, a.y - b.y) < MIN_GAP:
                raise ValidationError("slots", "overlap", tr("The {a} and {b} slots stand on each other",
                                                             a=a.position, b=b.position))
    return tuple(clean)


def check_formation_name(name: object) -> str:
    """A formation's name: one line, at most 40 characters."""
    clean = check_text("name", name, label=tr_noop("Formation name"), max_length=NAME_LENGTH)
    assert clean is not None
    return clean


def distance(a: Slot, b: Slot) -> float:
    """How far apart two slots stand (percent of the pitch)."""
    return math.hypot(a.x - b.x, a.y - b.y)
