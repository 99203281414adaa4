"""Backups while the window is open: at start when the newest is a day old, every 30 minutes of
use when something changed. The decisions are ``db.domain.backup_rules``; this only keeps time.

Signals: none; a failed backup is told on the status bar (``context.status``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from desktop.context import AppContext

CHECK_EVERY_MS = 5 * 60 * 1000  # how often the periodic rule is asked; it answers yes every 30 minutes at most


class BackupSchedule(QObject):
    """Takes the automatic backups of the context's database (SQLite files only)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.changed = False
        self.last: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("backupTimer")
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        context.data_changed.connect(self._note_change)
        context.database_opened.connect(self._opened)

    def _file(self) -> Path | None:
        database = self.context.database
        return None if database is None or database.read_only else database.path

    def _note_change(self, _change: object) -> None:
        self.changed = True

    def _opened(self) -> None:
        self.changed = False
        self.last = None
        if self._file() is None:
            self.timer.stop()
            return
        self.timer.start()
        QTimer.singleShot(0, self.at_start)  # after the window has painted and the screens are filled

    def at_start(self, now: dt.datetime | None = None) -> bool:
        """Back up when the newest backup is a day old (or there is none); True when one was made."""
        from db.backups import backups_newest_time
        from db.domain.backup_rules import backup_due_at_start

        path = self._file()
        if path is None:
            return False
        now = now or dt.datetime.now()
        newest = backups_newest_time(path)
        self.last = newest
        return backup_due_at_start(newest, now) and self._back_up("start", now)

    def tick(self, now: dt.datetime | None = None) -> bool:
        """The periodic check: a backup when something changed and the last is 30 minutes old."""
        from db.domain.backup_rules import backup_due_in_use

        now = now or dt.datetime.now()
        if self._file() is None or not backup_due_in_use(self.last, now, changed=self.changed):
            return False
        return self._back_up("periodic", now)

    def _back_up(self, reason: str, now: dt.datetime) -> bool:
        from db.backups import make_backup
        from db.errors import DugoutError

        path = self._file()
        if path is None:
            return False
        try:
            make_backup(path, reason=reason, now=now)
        except (DugoutError, OSError) as error:  # a timer's slot: tell, never raise into Qt
            self.context.status.emit(str(error) if isinstance(error, DugoutError) else self.tr(
                "The automatic backup failed: {e}").format(e=error.strerror or error))
            return False
        self.last, self.changed = now.replace(microsecond=0), False
        return True
