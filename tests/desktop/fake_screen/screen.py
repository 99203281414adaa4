"""A minimal screen: a list of the squad's names, searchable, that can bring a player into view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QListWidget, QVBoxLayout

from desktop.common.screen_base import ScreenWidget

if TYPE_CHECKING:
    from desktop.context import AppContext


class NamesScreen(ScreenWidget):
    """Names of the squad; ``shown`` records the players it was asked to show."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        from db.squad.queries import squad_rows

        self.setObjectName("namesScreen")
        self.search_box = QLineEdit()
        self.names = QListWidget()
        assert context.database is not None and context.club_id and context.season_id
        with context.database.reading() as session:
            self.rows = squad_rows(session, club_id=context.club_id, season_id=context.season_id, as_of=context.as_of)
        self.names.addItems([row.name for row in self.rows])
        self.shown: list[int] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.names)

    def search(self) -> None:
        self.search_box.setFocus()

    def open_player(self, player_id: int) -> bool:
        self.shown.append(player_id)
        return any(row.player_id == player_id for row in self.rows)
