"""The selected player's record beside the board: every injury with days out and matches missed,
and his cards and bans."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from db.domain.availability import day_text
from desktop.common.formatting import format_date
from desktop.common.plain_table import PlainTableModel
from desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.context import AppContext

INJURY_HEADERS = (QT_TRANSLATE_NOOP("PlayerHistory", "Injury"), QT_TRANSLATE_NOOP("PlayerHistory", "From"),
                  QT_TRANSLATE_NOOP("PlayerHistory", "Back"), QT_TRANSLATE_NOOP("PlayerHistory", "Days"),
                  QT_TRANSLATE_NOOP("PlayerHistory", "Matches"))
RECORD_HEADERS = (QT_TRANSLATE_NOOP("PlayerHistory", "Day"), QT_TRANSLATE_NOOP("PlayerHistory", "What"),
                  QT_TRANSLATE_NOOP("PlayerHistory", "Competition"))
WHAT = {"yellow": QT_TRANSLATE_NOOP("PlayerHistory", "Yellow card"),
        "second_yellow": QT_TRANSLATE_NOOP("PlayerHistory", "Second yellow"),
        "red": QT_TRANSLATE_NOOP("PlayerHistory", "Red card"), "ban": QT_TRANSLATE_NOOP("PlayerHistory", "Ban")}


def _table(model: PlainTableModel, name: str, label: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(label)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setObjectName(f"{name}Header")
    view.horizontalHeader().setAccessibleName(label)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class PlayerHistory(QWidget):
    """One player's injuries and disciplinary record (empty until a player is chosen)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerHistory")
        self.context = context
        self.player_id: int | None = None
        self.player_name = ""
        self.title = QLabel(self.tr("Choose a card to see the player's history"))
        self.title.setObjectName("historyTitle")
        self.title.setWordWrap(True)
        self.injuries = PlainTableModel(INJURY_HEADERS, "PlayerHistory", self)
        self.record = PlainTableModel(RECORD_HEADERS, "PlayerHistory", self)
        layout = QGridLayout(self)  # injuries and the disciplinary record side by side
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(QLabel(self.tr("Injuries")), 1, 0)
        layout.addWidget(QLabel(self.tr("Cards and bans")), 1, 1)
        layout.addWidget(_table(self.injuries, "historyInjuries", self.tr("Injuries")), 2, 0)
        layout.addWidget(_table(self.record, "historyRecord", self.tr("Cards and bans")), 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(2, 1)

    def refresh(self) -> None:
        """Read the shown player's record again (it changed, or the planning date did)."""
        if self.player_id is not None:
            self.show_player(self.player_id, self.player_name)

    def show_player(self, player_id: int | None, name: str = "") -> None:
        """Show a player's record (None clears it); a failing read is told, never raised."""
        from db.errors import DugoutError

        try:
            self._show(player_id, name)
        except DugoutError as error:
            self.context.message.emit(str(error))

    def _show(self, player_id: int | None, name: str) -> None:
        from db.medical.queries import discipline, injury_history

        self.player_id, self.player_name = player_id, name
        c = self.context
        if player_id is None or c.database is None or c.club_id is None:
            self.title.setText(self.tr("Choose a card to see the player's history"))
            self.injuries.set_rows([])
            self.record.set_rows([])
            return
        with c.database.reading() as session:
            history = injury_history(session, player_id=player_id, club_id=c.club_id, as_of=c.as_of)
            record = discipline(session, player_id=player_id)
        days = sum(h.days_out for h in history)
        if not history:
            summary = self.tr("no injuries on record")
        elif len(history) == 1:
            summary = self.tr("1 injury, {d} days out").format(d=days)
        else:
            summary = self.tr("{n} injuries, {d} days out").format(n=len(history), d=days)
        self.title.setText(f"<b>{html.escape(name)}</b>: {summary}")
        self.injuries.set_rows(
            [[h.kind, day_text(h.started_on, year=True), format_date(h.returned_on) or self.tr("not yet"),
              str(h.days_out), str(h.matches_missed)] for h in history],
            [h.body_part for h in history])
        self.record.set_rows(
            [[day_text(r.day, year=True), self.tr(WHAT[r.what]) + ("" if r.counts else self.tr(" (rescinded)")),
              r.competition] for r in record],
            [r.detail or None for r in record])
