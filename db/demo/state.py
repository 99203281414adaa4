"""What the demo's section loaders share while they write one demo load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from db.errors import ValidationError
from db.i18n import tr
from db.reference.queries import find_club


@dataclass
class DemoLoad:
    """One load of the demo file inside one session: the ids each section leaves for the next."""

    session: Session
    data: dict[str, Any]
    by: str
    refresh: bool = False  # the database holds an older revision of the demo: correct what changed
    corrected: int = 0
    as_of: dt.date = field(init=False)
    our_club: int = 0
    current_season: int = 0
    seasons: dict[str, int] = field(default_factory=dict)  # label -> id
    competitions: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (id, kind)
    players: dict[str, int] = field(default_factory=dict)  # folded name -> id
    _club_ids: dict[str, int | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.as_of = dt.date.fromisoformat(self.data["planning_date"])

    def known_club_id(self, name: str) -> int | None:
        """The id of the club a name or alias refers to, or None."""
        if name not in self._club_ids:
            club = find_club(self.session, name)
            self._club_ids[name] = club.id if club else None
        return self._club_ids[name]

    def club_id(self, name: str) -> int:
        """The id of a club the demo names; refused when the demo does not list it."""
        club_id = self.known_club_id(name)
        if club_id is None:
            raise ValidationError("club", "unknown", tr("The demo names a club it does not list: {c}", c=name))
        return club_id


def cents(field_name: str, euros: Any) -> int | None:
    """Whole euros from the demo file as integer cents."""
    if euros is None:
        return None
    if isinstance(euros, bool) or not isinstance(euros, int):
        raise ValidationError(field_name, "not_whole_euros", tr("{f} must be whole euros, not '{v}'", f=field_name, v=euros))
    return euros * 100


def date_or_none(value: str | None) -> dt.date | None:
    """An ISO date from the demo file, or None."""
    return dt.date.fromisoformat(value) if value else None
