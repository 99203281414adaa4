"""The fixed vocabularies Dugout stores as CHECK-constrained strings."""

from __future__ import annotations

POSITIONS: tuple[str, ...] = ("GK", "RB", "CB", "LB", "DM", "CM", "AM", "RW", "LW", "ST")
POSITION_NAMES: dict[str, str] = {
    "GK": "Goalkeeper",
    "RB": "Right back",
    "CB": "Centre back",
    "LB": "Left back",
    "DM": "Defensive midfielder",
    "CM": "Central midfielder",
    "AM": "Attacking midfielder",
    "RW": "Right winger",
    "LW": "Left winger",
    "ST": "Striker",
}
# Coarse GK/DF/MF/FW lists (openfootball squads) mapped to the most common fine position.
COARSE_POSITIONS: dict[str, str] = {"GK": "GK", "DF": "CB", "MF": "CM", "FW": "ST"}
FEET: tuple[str, ...] = ("left", "right", "both")
COMPETITION_KINDS: tuple[str, ...] = ("league", "cup", "continental", "intercontinental", "friendly")
SQUAD_ROLES: tuple[str, ...] = ("first_team", "academy", "loan_in")
LEAVE_REASONS: tuple[str, ...] = ("transfer", "loan_out", "released", "contract_expired", "retired", "other")
# An injury episode's state: out, doubtful or resting as a precaution; then the return-to-play
# phases (assessment → rehab → back in training → match fit); recovered ends it.
INJURY_STATUSES: tuple[str, ...] = (
    "out", "doubtful", "precautionary", "assessment", "rehab", "training", "match_fit", "recovered",
)
RETURN_PHASES: tuple[str, ...] = ("assessment", "rehab", "training", "match_fit")
CHANCES_OF_PLAYING: tuple[int, ...] = (0, 25, 50, 75, 100)
CARDS: tuple[str, ...] = ("yellow", "second_yellow", "red")
ABSENCE_KINDS: tuple[str, ...] = ("international", "personal", "other")
REGISTRATION_LISTS: tuple[str, ...] = ("main", "A", "B")
INJURY_CERTAINTIES: tuple[str, ...] = ("confirmed", "likely", "uncertain")
VENUE_SIDES: tuple[str, ...] = ("home", "away", "neutral")
FIXTURE_STATUSES: tuple[str, ...] = ("scheduled", "played", "postponed", "cancelled")


def sql_in(values: tuple[str, ...]) -> str:
    """Render a vocabulary as the list of an SQL ``IN (...)`` check."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"
