"""Reading reference data: settings, clubs by name or alias, our club and season."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from db.domain.league_table import TableRules, parse_tiebreakers
from db.domain.text import fold
from db.reference.models import Club, ClubAlias, Competition, CompetitionAlias, Season, Setting

# Setting keys.
OUR_CLUB = "our_club_id"
CURRENT_SEASON = "current_season_id"
CURRENCY = "currency"
PINNED_AS_OF = "pinned_as_of"
DEMO = "demo_dataset"


def get_setting(session: Session, key: str) -> str | None:
    """A database-wide setting, or None."""
    row = session.get(Setting, key)
    return row.value if row else None


def pinned_as_of(session: Session) -> dt.date | None:
    """The planning date a database pins as its default (the demo pins 2 May 2025)."""
    value = get_setting(session, PINNED_AS_OF)
    return dt.date.fromisoformat(value) if value else None


def find_club(session: Session, name: str) -> Club | None:
    """The club a name or any of its aliases refers to."""
    key = fold(name)
    alias = session.exec(select(ClubAlias).where(ClubAlias.alias_key == key)).first()
    if alias:
        return session.get(Club, alias.club_id)
    return session.exec(select(Club).where(Club.name == name.strip())).first()


def our_club_and_season(session: Session) -> tuple[Club, Season] | None:
    """The club this database plans for and its current season, if set up."""
    club_id, season_id = get_setting(session, OUR_CLUB), get_setting(session, CURRENT_SEASON)
    if not club_id or not season_id:
        return None
    club, season = session.get(Club, int(club_id)), session.get(Season, int(season_id))
    return (club, season) if club and season else None


def find_competition(session: Session, name: str) -> Competition | None:
    """A competition by its name or an alias, compared as people read it ('laliga', 'Copa del rey',
    'Primera División')."""
    key = fold(name)
    named = next((c for c in session.exec(select(Competition)) if fold(c.name) == key), None)
    if named is not None:  # a competition's own name wins over another's alias
        return named
    alias = session.exec(select(CompetitionAlias).where(CompetitionAlias.alias_key == key)).first()
    return session.get(Competition, alias.competition_id) if alias else None


def table_rules(competition: Competition) -> TableRules:
    """The league-table rules a competition stores (points per result, tie-breakers in order)."""
    return TableRules(competition.points_for_win, competition.points_for_draw,
                      parse_tiebreakers(competition.table_tiebreakers))
