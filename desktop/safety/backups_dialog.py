"""File → Backups…: the backups of the open database (date, size, why), back up now, restore one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.formatting import format_date

if TYPE_CHECKING:
    from db.backups import Backup


def format_size(size: int) -> str:
    """A file size for people: 320 KB, 4.2 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupsDialog(QDialog):
    """Lists the backups of ``database_file`` and restores one after backing up the current state.

    Signals:
        about_to_restore(): the restore starts; the window lets go of the file (a restore needs it alone).
        restored(): a backup was put back in place; the window reloads the database.
    """

    about_to_restore = Signal()
    restored = Signal()

    def __init__(self, database_file: Path, parent: QWidget | None = None, *, confirm: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.database_file = database_file
        self.confirm = confirm
        self.reasons = {
            "start": self.tr("at start"), "periodic": self.tr("during work"), "manual": self.tr("by hand"),
            "before-migrate": self.tr("before an upgrade"), "before-import": self.tr("before an import"),
            "before-repair": self.tr("before a repair"), "before-restore": self.tr("before a restore"),
        }
        layout = QVBoxLayout(self)
        from db.backups import backup_folder

        where = QLabel(self.tr("Backups of {name} are kept in {folder}: every one of today and yesterday, then one a "
                               "day for 12 days, one a week for 10 weeks and one a month for 9 months.")
                       .format(name=database_file.name, folder=backup_folder(database_file)))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self.list = QTreeWidget()
        self.list.setObjectName("backupsList")
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Why")])
        self.list.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list)
        self.message = QLabel()
        self.message.setObjectName("backupsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        for button, name in ((self.back_up_button, "backUpNow"), (self.restore_button, "restoreBackup")):
            button.setObjectName(name)
            button.setAccessibleName(button.text())
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeBackups")
        close.setAccessibleName(self.tr("Close"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backups: list[Backup] = []
        self.refresh()
        self.resize(620, 420)

    def refresh(self) -> None:
        """Read the backup folder again."""
        from db.backups import list_backups

        self.backups = list_backups(self.database_file)
        self.list.clear()
        for backup in self.backups:
            taken = f"{format_date(backup.taken_at.date())} {backup.taken_at:%H:%M:%S}"
            item = QTreeWidgetItem([taken, format_size(backup.size), self.reasons.get(backup.reason, backup.reason)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        if not self.backups:
            self.message.setText(self.tr("No backups yet."))
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._selection_changed()

    def _failure(self, error: Exception) -> str:
        """What went wrong, in words: Dugout's own message, or the system's reason for a file error."""
        if isinstance(error, OSError):
            return self.tr("The backup folder could not be used: {e}").format(e=error.strerror or error)
        return str(error)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        """The backup chosen in the list."""
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def back_up_now(self) -> None:
        """Make a backup at once."""
        from db.backups import make_backup
        from db.errors import DugoutError

        try:
            made = make_backup(self.database_file, reason="manual")
        except (DugoutError, OSError) as error:
            self.message.setText(self._failure(error))
            return
        self.refresh()
        self.message.setText(self.tr("Backed up: {size}, checked.").format(size=format_size(made.size)))

    def restore_selected(self) -> None:
        """Put the selected backup back in place (the current state is backed up first)."""
        from db.backups import restore_backup
        from db.errors import DugoutError

        backup = self.selected()
        if backup is None:
            return
        when = f"{format_date(backup.taken_at.date())} {backup.taken_at:%H:%M}"
        if self.confirm and QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Put the backup of {when} back in place of {name}? The current state is backed up first, "
                    "so this can be undone by restoring that backup.").format(when=when, name=self.database_file.name),
        ) != QMessageBox.StandardButton.Yes:
            return
        self.about_to_restore.emit()
        try:
            restore_backup(self.database_file, backup.path)
        except (DugoutError, OSError) as error:
            self.message.setText(self._failure(error))
            return
        self.refresh()
        self.message.setText(self.tr("Restored the backup of {when}.").format(when=when))
        self.restored.emit()
