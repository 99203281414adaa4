"""The demo's reference section: seasons, competitions with their rules, clubs and settings."""

from __future__ import annotations

from db.demo.state import DemoLoad
from db.reference.queries import CURRENCY, CURRENT_SEASON, DEMO, OUR_CLUB, PINNED_AS_OF
from db.reference.writes import ensure_club, ensure_competition, ensure_season, set_setting


def load_reference(load: DemoLoad, demo_mark: str) -> None:
    """Seasons, competitions and clubs (each found or created), then the database's settings."""
    session, by, data = load.session, load.by, load.data
    for entry in data["seasons"]:
        season = ensure_season(session, entry["label"], entry["start"], entry["end"], by=by)
        assert season.id is not None
        load.seasons[season.label] = season.id
    for entry in data["competitions"]:
        rules = {k: v for k, v in entry.items() if k not in ("name", "kind")}
        competition = ensure_competition(session, entry["name"], kind=entry["kind"], by=by, **rules)
        assert competition.id is not None
        load.competitions[competition.name] = (competition.id, competition.kind)
    for entry in [data["club"], *data["clubs"]]:
        ensure_club(
            session, entry["name"], short_name=entry.get("short_name"), country=entry.get("country"),
            aliases=entry.get("aliases", ()), by=by,
        )
    load.our_club = load.club_id(data["club"]["name"])
    load.current_season = load.seasons[data["current_season"]]
    set_setting(session, OUR_CLUB, str(load.our_club))
    set_setting(session, CURRENT_SEASON, str(load.current_season))
    set_setting(session, CURRENCY, data["currency"])
    set_setting(session, PINNED_AS_OF, load.as_of.isoformat())
    set_setting(session, DEMO, demo_mark)
