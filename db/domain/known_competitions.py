"""Competitions Dugout knows out of the box: their other names, table rules and home time zone.

Data, not code: these are the defaults a competition gets when an import or the demo first
creates it (and what migration 0003 seeded into existing databases); a club corrects them in
the database. Sources: LaLiga's regulations (art. 201 of the RFEF's general regulations: points,
then head-to-head points and goal difference among the clubs level, then overall goal
difference and goals scored); the Premier League's rule C.17 (goal difference, goals scored).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.domain.text import fold

LALIGA_TIEBREAKERS = ("h2h_points", "h2h_goal_difference", "goal_difference", "goals_for")


@dataclass(frozen=True)
class KnownCompetition:
    """Defaults of one competition: kind, country, home time zone, table rules and aliases."""

    name: str
    kind: str
    country: str | None
    timezone: str | None
    tiebreakers: tuple[str, ...] = ("goal_difference", "goals_for")
    aliases: tuple[str, ...] = ()


KNOWN_COMPETITIONS: tuple[KnownCompetition, ...] = (
    KnownCompetition("LaLiga", "league", "ESP", "Europe/Madrid", LALIGA_TIEBREAKERS,
                     ("La Liga", "LaLiga EA Sports", "Primera División", "Spain Primera División",
                      "Liga española", "es.1")),
    KnownCompetition("Copa del Rey", "cup", "ESP", "Europe/Madrid", aliases=("Spain Copa del Rey", "es.cup")),
    KnownCompetition("Supercopa de España", "cup", "ESP", "Europe/Madrid", aliases=("Spain Supercopa", "es.super")),
    KnownCompetition("Premier League", "league", "ENG", "Europe/London",
                     aliases=("English Premier League", "EPL", "en.1")),
    # The Champions League names no country: its kick-off times are Central European (CET/CEST).
    KnownCompetition("UEFA Champions League", "continental", None, "Europe/Paris",
                     aliases=("Champions League", "UCL", "uefa.cl")),
    KnownCompetition("FIFA Club World Cup", "intercontinental", None, None, aliases=("Club World Cup",)),
)

# Where a competition's clocks are when it names no zone of its own: by its country.
COUNTRY_ZONES: dict[str, str] = {
    "ESP": "Europe/Madrid", "ENG": "Europe/London", "SCO": "Europe/London", "WAL": "Europe/London",
    "FRA": "Europe/Paris", "GER": "Europe/Berlin", "ITA": "Europe/Rome", "POR": "Europe/Lisbon",
    "NED": "Europe/Amsterdam", "BEL": "Europe/Brussels", "AUT": "Europe/Vienna", "SUI": "Europe/Zurich",
    "USA": "America/New_York", "MEX": "America/Mexico_City", "KSA": "Asia/Riyadh",
}
# openfootball league codes ('es.1', 'de.2', 'eng.1') by their country part.
OPENFOOTBALL_COUNTRIES: dict[str, str] = {
    "es": "ESP", "en": "ENG", "eng": "ENG", "sco": "SCO", "fr": "FRA", "de": "GER", "it": "ITA",
    "pt": "POR", "nl": "NED", "be": "BEL", "at": "AUT", "ch": "SUI", "us": "USA", "mx": "MEX",
}

_CUP_WORDS = ("cup", "copa", "coupe", "pokal", "coppa", "taca", "trophy", "shield", "supercopa", "super cup")
_CONTINENTAL_WORDS = ("champions league", "europa league", "conference league", "libertadores", "uefa")
_FRIENDLY_WORDS = ("friendly", "amistoso", "trofeo", "pre-season", "preseason", "tour")


def known_competition(name: str) -> KnownCompetition | None:
    """The built-in defaults for a competition named ``name`` (or any of its aliases)."""
    key = fold(name)
    for known in KNOWN_COMPETITIONS:
        if key == fold(known.name) or any(key == fold(alias) for alias in known.aliases):
            return known
    return None


def guess_kind(name: str) -> str:
    """The kind of a competition Dugout does not know, from its name ('Copa …' is a cup)."""
    key = fold(name)
    if any(word in key for word in _FRIENDLY_WORDS):
        return "friendly"
    if any(word in key for word in _CONTINENTAL_WORDS):
        return "continental"
    if "club world cup" in key:
        return "intercontinental"
    if any(word in key for word in _CUP_WORDS):
        return "cup"
    return "league"


def is_neutral_round(round_name: str | None, kind: str) -> bool:
    """A cup's final is played at a ground fixed in advance, away from both clubs."""
    if not round_name or kind == "league":
        return False
    last = fold(round_name).split(",")[-1].strip()
    return last == "final"
