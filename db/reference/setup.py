"""Starting a new club database: our club, its league and the current season."""

from __future__ import annotations

from db.domain.checks import check_text
from db.engine import Database, current_user
from db.errors import ValidationError
from db.i18n import tr, tr_noop
from db.reference.queries import CURRENCY, CURRENT_SEASON, OUR_CLUB, get_setting
from db.reference.writes import ensure_club, ensure_competition, ensure_season, set_setting


def start_new_club(
    database: Database, *, club_name: str, league: str, season_label: str, currency: str = "EUR"
) -> tuple[int, int]:
    """Set up an empty database for a club: returns (club id, season id). One transaction."""
    name = check_text("club_name", club_name, label=tr_noop("Club name"), max_length=120)
    league_name = check_text("league", league, label=tr_noop("League"), max_length=120)
    label = check_text("season_label", season_label, label=tr_noop("Season"), max_length=20)
    if len(currency) != 3 or not currency.isalpha():
        raise ValidationError("currency", "not_a_code", tr("Currency must be a code such as EUR"))
    by = current_user()
    with database.transaction() as session:
        if get_setting(session, OUR_CLUB):
            raise ValidationError("club_name", "already_set_up", tr("This database already belongs to a club"))
        assert name and league_name and label
        try:
            season = ensure_season(session, label, by=by)
        except ValidationError as error:
            raise ValidationError("season_label", error.code, error.message) from None
        club = ensure_club(session, name, by=by)
        ensure_competition(session, league_name, kind="league", by=by)
        set_setting(session, OUR_CLUB, str(club.id))
        set_setting(session, CURRENT_SEASON, str(season.id))
        set_setting(session, CURRENCY, currency.upper())
        assert club.id is not None and season.id is not None
        return club.id, season.id
