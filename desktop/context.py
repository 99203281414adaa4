"""The app-wide context every screen shares: the open database, planning date, undo stack, change bus.

Signals:
    data_changed(change): emitted after every committed write with a ``db.changes.Change``
        (row ids per kind: "player", "squad_membership", "injury", …).
    as_of_changed(date): the planning date changed.
    database_opened(): another database was opened (screens reload everything).
    message(text): something the user must read (a refused undo): a dialog and the status bar.
    status(text): a passing note for the status bar only (a value that was not saved).
    player_requested(player_id): a screen asked to open a player's card (the window shows it).
    player_action_requested(action, player_id): a screen asked for another screen's player action
        ("mark_injured" on a player, or None for "choose in the dialog"); the window routes it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from db.changes import Change
    from db.engine import Database


class AppContext(QObject):
    """Holds what the whole window shares; the only owner of the open ``Database``."""

    data_changed = Signal(object)
    as_of_changed = Signal(object)
    database_opened = Signal()
    message = Signal(str)
    status = Signal(str)
    player_requested = Signal(int)
    player_action_requested = Signal(str, object)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.database: Database | None = None
        self.club_id: int | None = None
        self.season_id: int | None = None
        self.club_name = ""
        self.season_label = ""
        self.currency = "EUR"
        self.as_of = dt.date.today()
        self.explicit_as_of: dt.date | None = None
        # The version each row had after this app's own last write to it ((table, id) -> version).
        # Undo/redo expect exactly that version, so a write by anyone else in between is caught.
        self.own_versions: dict[tuple[str, int], int] = {}
        # (action name, title in the user's language) of every screen's player actions.
        self.player_actions: list[tuple[str, str]] = []

    def open_database(self, database: Database) -> None:
        """Switch to ``database``: read its club, season and planning date; clear the undo stack."""
        from db.domain.planning import resolve_as_of
        from db.reference.queries import CURRENCY, get_setting, our_club_and_season, pinned_as_of

        if self.database is not None and self.database is not database:
            self.database.close()
        self.undo_stack.clear()
        self.own_versions.clear()
        self.database = database
        with database.reading() as session:
            found = our_club_and_season(session)
            pinned = pinned_as_of(session)
            self.currency = get_setting(session, CURRENCY) or "EUR"
        if found:
            club, season = found
            self.club_id, self.season_id = club.id, season.id
            self.club_name, self.season_label = club.name, season.label
        else:
            self.club_id = self.season_id = None
            self.club_name = self.season_label = ""
        self.as_of = resolve_as_of(self.explicit_as_of, self._saved_as_of(), pinned)
        self.database_opened.emit()

    def _as_of_key(self) -> str:
        from db.engine import without_password

        name = str(self.database.path or without_password(self.database.url)) if self.database else ""
        return "planning_date/" + name.replace("/", "|")

    def _saved_as_of(self) -> dt.date | None:
        value = self.settings.value(self._as_of_key())
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def set_as_of(self, day: dt.date) -> None:
        """Change the planning date (a per-user view setting, remembered per database)."""
        if day == self.as_of:
            return
        self.as_of = day
        self.settings.setValue(self._as_of_key(), day.isoformat())
        self.as_of_changed.emit(day)

    def announce(self, change: Change) -> None:
        """Tell every screen which rows changed (call after a commit)."""
        self.data_changed.emit(change)

    def open_player(self, player_id: int) -> None:
        """Ask for a player's card, from whichever screen shows the player."""
        self.player_requested.emit(player_id)

    def run_player_action(self, action: str, player_id: int | None) -> None:
        """Ask for a player action, whichever screen it belongs to."""
        self.player_action_requested.emit(action, player_id)

    def close(self) -> None:
        """Close the database (on quit)."""
        if self.database is not None:
            self.database.close()
            self.database = None
