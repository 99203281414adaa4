"""What a fixture plan decided, and what a file changes in a stored match.

A plan is plain data (``Planned``): the matches to add (column values, with temporary negative
ids for the clubs, competitions and seasons the import creates), the updates (id, the version
seen, the changed columns), the unchanged, refused and skipped ones, and the rows to create.
``changes`` compares a stored match with what a file says of it: what the file does not tell
(a score, a venue, a round, a known kick-off time, the zone an unchanged moment is shown in)
is left as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from db.i18n import tr_noop
from db.importers.fixture_lines import MatchLine, Where
from db.importers.fixtures_snapshot import COMPARED, StoredMatch

DUGOUT_UID = "@dugout"  # UIDs Dugout derives from a match itself: never stored as an external id
CHANGED_LABELS = {
    "kickoff_utc": tr_noop("kick-off"), "kickoff_time_known": tr_noop("kick-off"), "timezone": tr_noop("time zone"),
    "goals_for": tr_noop("score"), "goals_against": tr_noop("score"), "extra_time": tr_noop("score"),
    "penalties_for": tr_noop("score"), "penalties_against": tr_noop("score"), "status": tr_noop("status"),
    "venue": tr_noop("venue"), "round": tr_noop("round"), "venue_side": tr_noop("home/away"),
    "club_id": tr_noop("sides"), "opponent_id": tr_noop("sides"), "competition_id": tr_noop("competition"),
    "season_id": tr_noop("season"), "external_id": tr_noop("UID"),
}


@dataclass(frozen=True)
class Issue:
    """A line or event not imported, where it is and why (and the field at fault)."""

    where: Where
    message: str
    field: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class NewRow:
    """A club, competition or season the import creates (a temporary negative id until then)."""

    temp_id: int
    name: str
    kind: str = ""
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    timezone: str | None = None


@dataclass
class Planned:
    """Everything one plan decided."""

    adds: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[str, int, int, dict[str, Any]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[Issue] = field(default_factory=list)
    skipped: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    clubs: dict[int, NewRow] = field(default_factory=dict)
    competitions: dict[int, NewRow] = field(default_factory=dict)
    seasons: dict[int, NewRow] = field(default_factory=dict)
    club_aliases: list[tuple[int, str]] = field(default_factory=list)
    club_id: int | None = None
    club_name: str = ""
    set_our_club: bool = False
    current_season: int | None = None  # to set on a database that has none yet
    our_club_seen: int | None = None
    fingerprints: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


def changes(stored: StoredMatch, values: dict[str, Any], item: MatchLine, explicit_zone: bool) -> dict[str, Any]:
    """What the file changes in a stored match; what it does not tell is left as stored."""
    old, new = stored.values, {name: values[name] for name in COMPARED}
    for name in ("venue", "round", "external_id"):
        if new[name] is None or (name == "external_id" and old[name] is not None):
            new[name] = old[name]
    if item.score is None and old["goals_for"] is not None:  # a list without results keeps them
        for name in ("goals_for", "goals_against", "extra_time", "penalties_for", "penalties_against", "status"):
            new[name] = old[name]
    same_day = new["kickoff_utc"].astimezone(ZoneInfo(old["timezone"])).date() == \
        old["kickoff_utc"].astimezone(ZoneInfo(old["timezone"])).date()
    if not new["kickoff_time_known"] and old["kickoff_time_known"] and same_day:
        for name in ("kickoff_utc", "kickoff_time_known", "timezone"):
            new[name] = old[name]
    if not explicit_zone and new["kickoff_utc"] == old["kickoff_utc"]:
        new["timezone"] = old["timezone"]
    if item.status is None and old["status"] in ("postponed", "cancelled") and new["kickoff_utc"] == old["kickoff_utc"]:
        new["status"] = old["status"]
    return {name: value for name, value in new.items() if old[name] != value}
