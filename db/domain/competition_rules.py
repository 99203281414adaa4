"""A competition's rules as numbers, and the ranges each may take (data, not code: a club corrects
them when a federation changes its regulations)."""

from __future__ import annotations

from db.i18n import tr_noop

# Rule -> (label marked for translation, lowest, highest). The database's CHECKs, validation and
# any editor of these rules take their ranges from here.
COMPETITION_RULES: dict[str, tuple[str, int, int]] = {
    "matchday_squad_size": (tr_noop("Matchday squad size"), 11, 30),
    "max_substitutes": (tr_noop("Substitutes on the sheet"), 0, 19),
    "substitutions": (tr_noop("Substitutions"), 0, 15),
    "substitution_windows": (tr_noop("Substitution windows"), 0, 10),
    "yellow_card_ban_threshold": (tr_noop("Bookings before a ban"), 1, 20),
    "yellow_card_ban_every": (tr_noop("Bookings to each further ban"), 1, 20),
    "non_eu_limit": (tr_noop("Non-EU places"), 0, 30),
    "registration_limit": (tr_noop("Registered players"), 11, 60),
    "min_locally_trained": (tr_noop("Locally trained players"), 0, 30),
}
