"""The board's last lane: fit players who still cannot play, a ban owed (where it is served, and
what carries into next season) or days away (international duty, personal reasons)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from db.changes import ABSENCE, BOOKING, FIXTURE, MEMBERSHIP, PLAYER, SUSPENSION
from db.domain.availability import day_text, window_text
from db.domain.text import fold
from db.medical.queries import AwayRow, away_board
from desktop.common.columns import Column
from desktop.common.formatting import last_name
from desktop.common.row_model import TOOLTIP, CachedRowsModel
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.injuries.card_delegate import Card, CardRole

AWAY_TITLE = QT_TRANSLATE_NOOP("InjuryBoard", "Banned · away")
KIND_NAMES = {"international": QT_TRANSLATE_NOOP("AwayCard", "International duty"),
              "personal": QT_TRANSLATE_NOOP("AwayCard", "Personal reasons"),
              "other": QT_TRANSLATE_NOOP("AwayCard", "Away")}
COLUMNS = (Column("player", QT_TRANSLATE_NOOP("InjuryColumns", "Player"), lambda r: r.name,
                  display=lambda r, _f: r.name),)


def owed_text(row: AwayRow) -> str:
    """"Owes 6 LaLiga matches"."""
    if row.owed == 1:
        return QCoreApplication.translate("AwayCard", "Owes 1 {competition} match").format(
            competition=row.competition)
    return QCoreApplication.translate("AwayCard", "Owes {n} {competition} matches").format(
        n=row.owed, competition=row.competition)


def season_text(row: AwayRow) -> str:
    """"5 this season, 1 next", "all next season" or "" (all served this season)."""
    if not row.carried:
        return ""
    if not row.this_season:
        return QCoreApplication.translate("AwayCard", "all next season")
    return QCoreApplication.translate("AwayCard", "{this} this season, {next} next").format(
        this=row.this_season, next=row.carried)


def away_card(row: AwayRow) -> Card:
    """A ban's or an absence's card."""
    title = (f"{row.shirt_number}  " if row.shirt_number is not None else "") + last_name(row.name)
    if row.what == "ban":
        return Card("status_out", title, tuple(t for t in (owed_text(row), season_text(row), row.reason) if t))
    kind = QCoreApplication.translate("AwayCard", KIND_NAMES.get(row.what, KIND_NAMES["other"]))
    when = window_text(row.starts_on, row.ends_on) if row.starts_on and row.ends_on else ""
    return Card("status_muted", title, tuple(t for t in (kind, when, row.reason) if t))


def away_tooltip(row: AwayRow) -> str:
    """The card in full."""
    if row.what == "ban":
        lines = [row.name, owed_text(row), season_text(row), row.reason]
    else:
        kind = QCoreApplication.translate("AwayCard", KIND_NAMES.get(row.what, KIND_NAMES["other"]))
        assert row.starts_on is not None and row.ends_on is not None
        lines = [row.name, kind, QCoreApplication.translate("AwayCard", "From {start} to {end}").format(
            start=day_text(row.starts_on), end=day_text(row.ends_on)), row.reason]
    return "\n".join(line for line in lines if line)


class AwayModel(CachedRowsModel[AwayRow]):
    """Bans owed and absences of the squad, keyed by what, who and which."""

    columns = COLUMNS
    header_context = "InjuryColumns"
    kinds = frozenset({SUSPENSION, BOOKING, ABSENCE, FIXTURE, PLAYER, MEMBERSHIP})

    def can_load(self) -> bool:
        return self.has_squad()

    def fetch(self, keys: list[Any] | None) -> list[AwayRow]:
        c = self.context
        assert c.database is not None and c.club_id is not None and c.season_id is not None
        with c.database.reading() as session:
            rows = away_board(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of)
        return rows if keys is None else [r for r in rows if r.key in set(keys)]

    def key_of(self, row: AwayRow) -> Any:
        return row.key

    def search_row(self, row: AwayRow) -> str:
        return fold(" ".join((row.name, row.reason, row.competition or "")))

    def extra_data(self, row: AwayRow, column: int, role: int) -> Any:
        if role == TOOLTIP:
            return away_tooltip(row)
        if role == CardRole:
            return away_card(row)
        return None
