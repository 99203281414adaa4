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
INJURY_STATUSES: tuple[str, ...] = ("out", "doubtful", "recovered")
INJURY_CERTAINTIES: tuple[str, ...] = ("confirmed", "likely", "uncertain")
VENUE_SIDES: tuple[str, ...] = ("home", "away", "neutral")
FIXTURE_STATUSES: tuple[str, ...] = ("scheduled", "played", "postponed", "cancelled")


def sql_in(values: tuple[str, ...]) -> str:
    """Render a vocabulary as the list of an SQL ``IN (...)`` check."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"
