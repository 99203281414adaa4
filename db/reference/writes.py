"""Writing reference data inside the caller's transaction: settings, clubs, seasons, competitions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, select

from db.domain.checks import check_choice, check_date, check_int, check_text
from db.domain.competition_rules import COMPETITION_RULES
from db.domain.kickoffs import check_zone
from db.domain.known_competitions import guess_kind, known_competition
from db.domain.league_table import POINTS_RANGE, parse_tiebreakers
from db.domain.seasons import default_season_dates, season_label
from db.domain.text import fold
from db.domain.vocab import COMPETITION_KINDS
from db.errors import ValidationError
from db.i18n import tr, tr_noop, translated
from db.reference.models import Club, ClubAlias, Competition, CompetitionAlias, Season, Setting
from db.reference.queries import find_club, find_competition
from db.versioning import insert_checked


def set_setting(session: Session, key: str, value: str | None) -> None:
    """Store (or with None, remove) a database-wide setting."""
    row = session.get(Setting, key)
    if value is None:
        if row:
            session.delete(row)
    elif row:
        row.value = value
    else:
        insert_checked(session, Setting(key=key, value=value))
    session.flush()


def ensure_club(
    session: Session, name: str, *, short_name: str | None = None, country: str | None = None,
    aliases: Iterable[str] = (), by: str = "",
) -> Club:
    """Find a club by name or alias, or create it; add any new aliases."""
    clean = check_club_name("name", name, label=tr_noop("Club name"))
    aliases = [check_club_name("aliases", alias, label=tr_noop("Club alias")) for alias in aliases]
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
        insert_checked(session, club)
    assert club.id is not None
    for alias in (clean, club.name, *aliases):
        key = fold(alias)
        if session.exec(select(ClubAlias).where(ClubAlias.alias_key == key)).first() is None:
            insert_checked(session, ClubAlias(club_id=club.id, alias=alias, alias_key=key))
    return club


def check_club_name(field: str, value: str, *, label: str) -> str:
    """A club name or alias that fits its columns, folded too: folding may lengthen it ('ß' is 'ss')."""
    clean = check_text(field, value, label=label, max_length=120)
    assert clean is not None
    if len(fold(clean)) > 120:
        raise ValidationError(field, "too_long", tr("{label} is longer than {n} characters", label=translated(label), n=120))
    return clean


def ensure_season(session: Session, label: str, starts_on: Any = None, ends_on: Any = None, by: str = "") -> Season:
    """Find a season by label ('2024/25', also written 2024-25 or 2024/2025), or create it;
    dates default to 1 July – 30 June (1 January – 31 December for a calendar-year season)."""
    clean = season_label(label)
    season = session.exec(select(Season).where(Season.label == clean)).first()
    if season:
        return season
    default_start, default_end = default_season_dates(clean)
    start = check_date("starts_on", starts_on, label=tr_noop("Season start")) or default_start
    end = check_date("ends_on", ends_on, label=tr_noop("Season end")) or default_end
    if end <= start:
        raise ValidationError("ends_on", "before_start", tr("The season must end after it starts"))
    season = Season(label=clean, starts_on=start, ends_on=end, updated_by=by)
    insert_checked(session, season)
    return season


def ensure_competition(session: Session, name: str, *, kind: str | None = None, by: str = "",
                       aliases: Iterable[str] = (), **rules: Any) -> Competition:
    """Find a competition by name or alias, or create it with its rules as data (a competition
    Dugout knows, such as LaLiga, starts from its defaults in ``db.domain.known_competitions``);
    add any new aliases."""
    clean = check_text("name", name, label=tr_noop("Competition"), max_length=120)
    assert clean is not None
    names = [_alias_text(alias) for alias in aliases]
    built_in: tuple[str, ...] = ()  # a known competition's other names: skipped where taken
    competition = session.exec(select(Competition).where(Competition.name == clean)).first() or \
        find_competition(session, clean)
    if competition is None:
        known = known_competition(clean)
        defaults: dict[str, Any] = {}
        if known is not None:
            defaults = {"country": known.country, "timezone": known.timezone,
                        "table_tiebreakers": ",".join(known.tiebreakers)}
            built_in = known.aliases
        values = _competition_values(
            kind or (known.kind if known else guess_kind(clean)), {**defaults, **rules})
        competition = Competition(name=clean, updated_by=by, **values)
        insert_checked(session, competition)
    assert competition.id is not None
    for alias in (clean, *built_in, *names):
        key = fold(alias)
        if key == fold(competition.name):
            continue
        taken = session.exec(select(CompetitionAlias).where(CompetitionAlias.alias_key == key)).first()
        if taken is None:
            insert_checked(session, CompetitionAlias(competition_id=competition.id, alias=alias, alias_key=key))
        elif taken.competition_id != competition.id and alias not in built_in:
            other = session.get(Competition, taken.competition_id)
            raise ValidationError("aliases", "taken", tr("'{a}' already names the competition {c}",
                                                         a=alias, c=other.name if other else "?"))
    return competition


def _alias_text(alias: str) -> str:
    clean = check_text("aliases", alias, label=tr_noop("Competition alias"), max_length=120)
    assert clean is not None
    if len(fold(clean)) > 120:
        raise ValidationError("aliases", "too_long", tr("{label} is longer than {n} characters",
                                                        label=translated(tr_noop("Competition alias")), n=120))
    return clean


def _competition_values(kind: str, rules: dict[str, Any]) -> dict[str, Any]:
    """A new competition's columns from its kind and rules, each checked."""
    values: dict[str, Any] = {
        "kind": check_choice("kind", kind, COMPETITION_KINDS, label=tr_noop("Kind"), required=True)
    }
    for key, value in rules.items():
        if key in COMPETITION_RULES:
            label, low, high = COMPETITION_RULES[key]
            checked = check_int(key, value, label=label, low=low, high=high)
            if checked is not None:
                values[key] = checked
        elif key in ("points_for_win", "points_for_draw"):
            label = tr_noop("Points for a win") if key == "points_for_win" else tr_noop("Points for a draw")
            checked = check_int(key, value, label=label, low=POINTS_RANGE[0], high=POINTS_RANGE[1])
            if checked is not None:
                values[key] = checked
        elif key == "table_tiebreakers":
            values[key] = ",".join(parse_tiebreakers(value, key))
        elif key == "timezone":
            values[key] = None if value is None else check_zone(key, value).key
        elif key in ("country", "notes", "yellow_cards_reset_after"):
            values[key] = value
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a competition rule", f=key))
    return values
