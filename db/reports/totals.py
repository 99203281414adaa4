"""What match reports add to the season: appearances and minutes per player over our reported
matches (the squad's stored totals are the baseline for matches without a report)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.domain.match_report import ReportLine, match_length, season_totals
from db.reports.models import Appearance


def line_of(row: Appearance) -> ReportLine:
    """A stored appearance as the report line it came from."""
    return ReportLine(row.player_id, row.started, row.minute_on, row.minute_off, row.goals, row.card, row.injured)


def reported_totals(session: Session, *, club_id: int, season_id: int,
                    player_ids: Iterable[int] | None = None) -> dict[int, tuple[int, int]]:
    """Per player, (appearances, minutes) from the reports of our matches in a season (only
    ``player_ids`` when given); players without a reported match are left out."""
    query = (select(Appearance, Fixture.extra_time)
             .join(Fixture, col(Fixture.id) == col(Appearance.fixture_id))
             .where(col(Fixture.club_id) == club_id, col(Fixture.season_id) == season_id))
    if player_ids is not None:
        query = query.where(col(Appearance.player_id).in_(sorted(set(player_ids))))
    return season_totals((line_of(row), match_length(extra_time)) for row, extra_time in session.exec(query))
