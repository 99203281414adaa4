"""A fixture's fields checked without a session: what every write path (a dialog, the demo, an
import of thousands of matches) stores, validated by the same rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from db.domain.checks import check_choice, check_int, check_text
from db.domain.kickoffs import check_zone, local_to_utc
from db.domain.vocab import FIXTURE_STATUSES, VENUE_SIDES
from db.errors import ValidationError
from db.i18n import tr, tr_noop, translated


def _score_pair(
    field_for: str, field_against: str, first: Any, second: Any, *, label: str
) -> tuple[int | None, int | None]:
    """Two counts given together or not at all, each 0..99."""
    left = check_int(field_for, first, label=label, low=0, high=99)
    right = check_int(field_against, second, label=label, low=0, high=99)
    if (left is None) != (right is None):
        missing = field_against if right is None else field_for
        raise ValidationError(missing, "incomplete", tr("{label}: give both numbers or neither", label=translated(label)))
    return left, right


def _status(given: Any, played: bool) -> str:
    """'played' with a score, else 'scheduled' unless the source says postponed or cancelled."""
    status = check_choice("status", given, FIXTURE_STATUSES, label=tr_noop("Status"))
    if played:
        if status not in (None, "played"):
            raise ValidationError("status", "scored", tr("A match with a score has been played, it cannot be {s}",
                                                          s=status))
        return "played"
    if status == "played":
        raise ValidationError("goals_for", "missing_score", tr("A played match needs its score"))
    return status or "scheduled"


def fixture_values(
    *,
    season_id: int,
    competition_id: int,
    club_id: int,
    opponent_id: int,
    venue_side: str,
    kickoff_local: dt.datetime,
    timezone: str,
    time_known: bool = True,
    venue: str | None = None,
    round: str | None = None,  # noqa: A002 - the column's name
    goals_for: int | None = None,
    goals_against: int | None = None,
    extra_time: bool = False,
    penalties_for: int | None = None,
    penalties_against: int | None = None,
    external_id: str | None = None,
    notes: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    """Validate a fixture's fields and return the column values to store (ids are not looked up).

    A score makes the match 'played'; without one it is 'scheduled', or 'postponed' or
    'cancelled' when ``status`` says so.
    """
    if club_id == opponent_id:
        raise ValidationError("opponent_id", "same_club", tr("A club cannot play itself"))
    zone = check_zone("timezone", timezone)
    goals = _score_pair("goals_for", "goals_against", goals_for, goals_against, label=tr_noop("Score"))
    penalties = _score_pair(
        "penalties_for", "penalties_against", penalties_for, penalties_against, label=tr_noop("Penalty shoot-out")
    )
    played = goals[0] is not None
    if not played and (extra_time or penalties[0] is not None):
        raise ValidationError(
            "goals_for", "missing_score", tr("Extra time or penalties need the score after play")
        )
    return {
        "season_id": season_id,
        "competition_id": competition_id,
        "club_id": club_id,
        "opponent_id": opponent_id,
        "venue_side": check_choice("venue_side", venue_side, VENUE_SIDES, label=tr_noop("Venue"), required=True),
        "venue": check_text("venue", venue, label=tr_noop("Stadium"), max_length=160, required=False),
        "kickoff_utc": local_to_utc(kickoff_local, zone),
        "kickoff_time_known": bool(time_known),
        "timezone": zone.key,
        "round": check_text("round", round, label=tr_noop("Round"), max_length=80, required=False),
        "status": _status(status, played),
        "goals_for": goals[0],
        "goals_against": goals[1],
        "extra_time": bool(extra_time),
        "penalties_for": penalties[0],
        "penalties_against": penalties[1],
        "external_id": check_text(
            "external_id", external_id, label=tr_noop("External id"), max_length=200, required=False
        ),
        "notes": check_text("notes", notes, label=tr_noop("Notes"), max_length=2000, required=False, multiline=True),
    }
