"""Common football injuries and how long they usually keep a player out: what pre-fills the
return window when the physio picks one (an orientation, not medical advice; they change it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.i18n import tr_noop


@dataclass(frozen=True)
class InjuryType:
    """A kind of injury, the body part it usually concerns, and its typical absence in days."""

    name: str
    body_part: str
    shortest: int
    longest: int
    surgery: bool = False

    def window(self, start: dt.date) -> tuple[dt.date, dt.date]:
        """The expected return window for an injury that started on ``start``."""
        return start + dt.timedelta(days=self.shortest), start + dt.timedelta(days=self.longest)


INJURY_TYPES: tuple[InjuryType, ...] = (
    InjuryType(tr_noop("Muscle fatigue"), tr_noop("muscle"), 0, 7),
    InjuryType(tr_noop("Hamstring strain, grade 1"), tr_noop("hamstring"), 7, 21),
    InjuryType(tr_noop("Hamstring strain, grade 2"), tr_noop("hamstring"), 21, 42),
    InjuryType(tr_noop("Hamstring strain, grade 3"), tr_noop("hamstring"), 60, 120),
    InjuryType(tr_noop("Ankle sprain"), tr_noop("ankle"), 7, 42),
    InjuryType(tr_noop("Calf strain"), tr_noop("calf"), 14, 42),
    InjuryType(tr_noop("Adductor / groin strain"), tr_noop("groin"), 7, 42),
    InjuryType(tr_noop("Knee meniscus surgery"), tr_noop("knee"), 30, 90, surgery=True),
    InjuryType(tr_noop("ACL tear with surgery"), tr_noop("knee"), 180, 270, surgery=True),
    InjuryType(tr_noop("Broken metatarsal"), tr_noop("foot"), 42, 84),
    InjuryType(tr_noop("Concussion"), tr_noop("head"), 6, 12),
)
