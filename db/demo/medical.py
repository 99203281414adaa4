"""The demo's medical section: the injuries of 2 May 2025."""

from __future__ import annotations

import datetime as dt

from db.demo.state import DemoLoad, date_or_none
from db.domain.text import fold
from db.errors import ValidationError
from db.i18n import tr
from db.medical.writes import create_injury, find_injury

# The demo file leaves out a start date where the sources give none, but an injury needs one.
# We take the latest plausible day the file's notes and the fact sheet allow: Mendy was "already
# hurt before the Copa final (about 20-23 Apr)", Ceballos got hurt "around the end of April".
INJURY_START_FALLBACKS: dict[str, dt.date] = {
    "ferland mendy": dt.date(2025, 4, 23),
    "dani ceballos": dt.date(2025, 4, 30),
}


def load_injuries(load: DemoLoad) -> None:
    """Each injury once (matched on player, start date and kind)."""
    for entry in load.data["injuries"]:
        key = fold(entry["player"])
        if key not in load.players:
            raise ValidationError(
                "player", "unknown", tr("The demo injures a player it does not list: {p}", p=entry["player"])
            )
        notes = entry.get("notes")
        started = date_or_none(entry.get("started_on"))
        if started is None and key in INJURY_START_FALLBACKS:
            started = INJURY_START_FALLBACKS[key]
            assumed = f"Start date not given by the sources; {started:%d %b %Y} assumed (the latest plausible day)."
            notes = f"{notes} {assumed}" if notes else assumed
        player_id = load.players[key]
        if started is not None and find_injury(load.session, player_id=player_id, started_on=started, kind=entry["kind"]):
            continue
        values = {
            "kind": entry["kind"],
            "body_part": entry.get("body_part"),
            "started_on": started,
            "expected_return_earliest": entry.get("expected_return_earliest"),
            "expected_return_latest": entry.get("expected_return_latest"),
            "certainty": entry.get("certainty") or "likely",
            "status": entry.get("status") or "out",
            "surgery": bool(entry.get("surgery")),
            "surgery_on": entry.get("surgery_on"),
            "returned_on": entry.get("returned_on"),
            "medical_notes": notes,
        }
        create_injury(load.session, player_id=player_id, values=values, by=load.by)
