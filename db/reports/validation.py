"""Validating a match report against its match: the lines' fields, then the report as a whole
(``db.domain.match_report.check_report`` with the competition's rules), the players in our squad
that day and a match that has been played."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.domain.match_report import LineRefused, ReportLine, check_report
from db.domain.vocab import CARDS
from db.errors import ValidationError
from db.i18n import tr
from db.medical.writes import in_match_squad
from db.reports.queries import report_rules
from db.squad.models import Player


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_line_fields(line: ReportLine) -> None:
    """Each field of a line of the right kind (a whole number, yes or no, a card or none)."""
    if not _whole(line.player_id):
        raise ValidationError("player_id", "not_a_number", tr("A report line needs a player"))
    for field in ("minute_on", "minute_off"):
        value = getattr(line, field)
        if value is not None and not _whole(value):
            raise LineRefused(line.player_id, field, "not_a_number", tr("A minute must be a whole number"))
    if not _whole(line.goals):
        raise LineRefused(line.player_id, "goals", "not_a_number", tr("Goals must be a whole number"))
    if not isinstance(line.started, bool):
        raise LineRefused(line.player_id, "started", "not_a_bool", tr("Started must be yes or no"))
    if not isinstance(line.injured, bool):
        raise LineRefused(line.player_id, "injured", "not_a_bool", tr("Injured must be yes or no"))
    if line.card is not None and line.card not in CARDS:
        raise LineRefused(line.player_id, "card", "unknown", tr("A card is a yellow, a second yellow or a red"))


def check_lines(session: Session, fixture: Fixture, lines: Sequence[ReportLine]) -> None:
    """Refuse a report its match cannot have had: one not played yet, a line check_report refuses,
    a player who was not in our squad on the day."""
    if fixture.goals_for is None:
        raise ValidationError("fixture_id", "not_played", tr(
            "The match has no result yet: its report is written once it has been played"))
    for line in lines:
        check_line_fields(line)
    wanted = sorted({line.player_id for line in lines})
    players = {p.id: p for p in session.exec(select(Player).where(col(Player.id).in_(wanted)))}
    names = {pid: player.name for pid, player in players.items() if pid is not None}
    check_report(lines, report_rules(session, fixture), names, goals_for=fixture.goals_for)
    for line in lines:
        player = players.get(line.player_id)
        if player is None:
            raise LineRefused(line.player_id, "player_id", "unknown", tr("No such player (id {i})", i=line.player_id))
        if not in_match_squad(session, line.player_id, fixture):
            raise LineRefused(line.player_id, "player_id", "not_in_squad", tr(
                "{p} was not in the squad for that match", p=player.name))
