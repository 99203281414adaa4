"""Tables of the medical area."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlmodel import Field

from db.domain.vocab import INJURY_CERTAINTIES, INJURY_STATUSES, sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


class Injury(Versioned, table=True):
    """An injury episode: what, since when, expected return window and how sure the staff are."""

    id: int | None = Field(default=None, primary_key=True)
    # CASCADE on purpose: an injury has no meaning without its player (players are never deleted).
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=120)
    body_part: str | None = Field(default=None, max_length=80)
    started_on: dt.date
    expected_return_earliest: dt.date | None = None
    expected_return_latest: dt.date | None = None
    certainty: str = Field(default="likely", max_length=12)
    status: str = Field(default="out", max_length=12)
    surgery: bool = False
    surgery_on: dt.date | None = None
    returned_on: dt.date | None = None
    medical_notes: str | None = Field(default=None, max_length=4000)

    __table_args__ = (
        CheckConstraint("length(trim(kind)) > 0", name="injury_kind_not_empty"),
        CheckConstraint(f"certainty IN {sql_in(INJURY_CERTAINTIES)}", name="injury_certainty"),
        CheckConstraint(f"status IN {sql_in(INJURY_STATUSES)}", name="injury_status"),
        CheckConstraint(
            "expected_return_earliest IS NULL OR expected_return_earliest >= started_on", name="injury_return_after_start"
        ),
        CheckConstraint(
            "expected_return_latest IS NULL OR expected_return_earliest IS NULL "
            "OR expected_return_latest >= expected_return_earliest",
            name="injury_return_window",
        ),
        CheckConstraint("returned_on IS NULL OR returned_on >= started_on", name="injury_returned_after_start"),
    )


describe_constraints({
    "injury_kind_not_empty": ("kind", tr_noop("The injury must be named")),
    "injury_certainty": ("certainty", tr_noop("Certainty must be confirmed, likely or uncertain")),
    "injury_status": ("status", tr_noop("That is not an injury status Dugout knows")),
    "injury_return_after_start": ("expected_return_earliest", tr_noop("Expected return is before the injury")),
    "injury_return_window": ("expected_return_latest", tr_noop("Latest return is before earliest return")),
    "injury_returned_after_start": ("returned_on", tr_noop("The return is dated before the injury")),
})
