"""Writes on injuries: one validated episode per player, kind and start date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from db.errors import ValidationError
from db.i18n import tr
from db.medical.models import Injury
from db.medical.validation import validate_injury_values
from db.squad.models import Player
from db.versioning import insert_checked


def find_injury(session: Session, *, player_id: int, started_on: dt.date, kind: str) -> Injury | None:
    """The injury episode of a player with this start date and kind (how imports recognise it)."""
    return session.exec(
        select(Injury).where(
            Injury.player_id == player_id, Injury.started_on == started_on, Injury.kind == kind
        )
    ).first()


def create_injury(session: Session, *, player_id: int, values: dict[str, Any], by: str) -> Injury:
    """Insert a validated injury inside the caller's transaction; kind and start date are required."""
    required = {"kind": values.get("kind"), "started_on": values.get("started_on")}
    clean = validate_injury_values({**required, **values})
    if clean["started_on"] is None:
        raise ValidationError("started_on", "empty", tr("The injury needs the date it started"))
    if session.get(Player, player_id) is None:
        raise ValidationError("player_id", "unknown", tr("No such player (id {i})", i=player_id))
    start: dt.date = clean["started_on"]
    returned = clean.get("returned_on")
    if returned is not None and returned < start:
        raise ValidationError("returned_on", "before_start", tr("The return is dated before the injury"))
    surgery_on = clean.get("surgery_on")
    if surgery_on is not None and not clean.get("surgery", surgery_on is not None):
        raise ValidationError("surgery_on", "no_surgery", tr("A surgery date needs surgery to be ticked"))
    if surgery_on is not None and surgery_on < start:
        raise ValidationError("surgery_on", "before_start", tr("The operation is dated before the injury"))
    if surgery_on is not None:
        clean["surgery"] = True
    injury = Injury(player_id=player_id, updated_by=by, **clean)
    insert_checked(session, injury)
    return injury
