"""Clubs (with their aliases), seasons, competitions and database-wide settings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, select

from db.domain.vocab import COMPETITION_KINDS
from db.errors import ValidationError
from db.i18n import tr
from db.models import Club, ClubAlias, Competition, Season, Setting
from db.validation import check_choice, check_date, check_int, check_text

# Setting keys.
OUR_CLUB = "our_club_id"
CURRENT_SEASON = "current_season_id"
CURRENCY = "currency"
PINNED_AS_OF = "pinned_as_of"
DEMO = "demo_dataset"


# Letters Unicode does not split into a base letter plus an accent (Ødegaard, Łukasz, Đoković).
_UNSPLIT = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Atlético Madrid' and 'atletico madrid' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNSPLIT))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace(".", " ").split())


def get_setting(session: Session, key: str) -> str | None:
    """A database-wide setting, or None."""
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str | None) -> None:
    """Store (or with None, remove) a database-wide setting."""
    row = session.get(Setting, key)
    if value is None:
        if row:
            session.delete(row)
    elif row:
        row.value = value
    else:
        session.add(Setting(key=key, value=value))
    session.flush()


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


def ensure_club(
    session: Session, name: str, *, short_name: str | None = None, country: str | None = None,
    aliases: Iterable[str] = (), by: str = "",
) -> Club:
    """Find a club by name or alias, or create it; add any new aliases."""
    clean = check_text("name", name, label=tr("Club name"), max_length=120)
    assert clean is not None
    club = find_club(session, clean)
    for alias in aliases:
        other = find_club(session, alias)
        if other is not None and club is not None and other.id != club.id:
            raise ValidationError(
                "aliases", "taken", tr("'{a}' already names the club {c}", a=alias, c=other.name)
            )
        if club is None and other is not None:
            club = other
    if club is None:
        club = Club(name=clean, short_name=(short_name or clean)[:60], country=country, updated_by=by)
        session.add(club)
        session.flush()
    assert club.id is not None
    for alias in (clean, club.name, *aliases):
        key = fold(alias)
        if session.exec(select(ClubAlias).where(ClubAlias.alias_key == key)).first() is None:
            session.add(ClubAlias(club_id=club.id, alias=alias, alias_key=key))
    session.flush()
    return club


_SEASON = re.compile(r"^\s*(\d{4})\s*(?:[/\-]\s*(\d{2}|\d{4}))?\s*$")


def season_label(text: str) -> str:
    """The one spelling of a season: '2023/24' for 2023/2024, 2023-24 or 2023/24; '2025' for a calendar year."""
    match = _SEASON.match(text or "")
    if not match:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must look like 2024/25", s=text))
    first, second = int(match.group(1)), match.group(2)
    if second is None:
        return str(first)
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last != first + 1:
        raise ValidationError("label", "not_a_season", tr("Season '{s}' must span two years in a row", s=text))
    return f"{first}/{str(last)[2:]}"


def ensure_season(session: Session, label: str, starts_on: Any = None, ends_on: Any = None, by: str = "") -> Season:
    """Find a season by label ('2024/25', also written 2024-25 or 2024/2025), or create it;
    dates default to 1 July – 30 June (1 January – 31 December for a calendar-year season)."""
    clean = season_label(label)
    season = session.exec(select(Season).where(Season.label == clean)).first()
    if season:
        return season
    start = check_date("starts_on", starts_on, label=tr("Season start"))
    end = check_date("ends_on", ends_on, label=tr("Season end"))
    calendar_year = "/" not in clean
    if start is None:
        start = dt.date(int(clean[:4]), 1, 1) if calendar_year else dt.date(int(clean[:4]), 7, 1)
    if end is None:
        end = dt.date(start.year, 12, 31) if calendar_year else dt.date(start.year + 1, 6, 30)
    if end <= start:
        raise ValidationError("ends_on", "before_start", tr("The season must end after it starts"))
    season = Season(label=clean, starts_on=start, ends_on=end, updated_by=by)
    session.add(season)
    session.flush()
    return season


def season_label_for(day: dt.date) -> str:
    """The July–June season a day falls in ('2024/25')."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}/{str(first + 1)[2:]}"


_COMPETITION_INTS = {
    "matchday_squad_size": (11, 30),
    "max_substitutes": (0, 19),
    "substitutions": (0, 15),
    "substitution_windows": (0, 10),
    "yellow_card_ban_threshold": (1, 20),
    "non_eu_limit": (0, 30),
    "registration_limit": (11, 60),
    "min_locally_trained": (0, 30),
}


def ensure_competition(session: Session, name: str, *, kind: str, by: str = "", **rules: Any) -> Competition:
    """Find a competition by name, or create it with its rules as data."""
    clean = check_text("name", name, label=tr("Competition"), max_length=120)
    assert clean is not None
    existing = session.exec(select(Competition).where(Competition.name == clean)).first()
    if existing:
        return existing
    values: dict[str, Any] = {
        "kind": check_choice("kind", kind, COMPETITION_KINDS, label=tr("Kind"), required=True)
    }
    for key, value in rules.items():
        if key in _COMPETITION_INTS:
            low, high = _COMPETITION_INTS[key]
            checked = check_int(key, value, label=key.replace("_", " "), low=low, high=high)
            if checked is not None:
                values[key] = checked
        elif key in ("country", "notes"):
            values[key] = value
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a competition rule", f=key))
    competition = Competition(name=clean, updated_by=by, **values)
    session.add(competition)
    session.flush()
    return competition


def our_club_and_season(session: Session) -> tuple[Club, Season] | None:
    """The club this database plans for and its current season, if set up."""
    club_id, season_id = get_setting(session, OUR_CLUB), get_setting(session, CURRENT_SEASON)
    if not club_id or not season_id:
        return None
    club, season = session.get(Club, int(club_id)), session.get(Season, int(season_id))
    return (club, season) if club and season else None
