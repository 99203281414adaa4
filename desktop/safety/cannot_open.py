"""The dialog for a file that cannot be used: says why, and offers the ways out that apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# Which ways out each refusal has (DatabaseRefused.reason): read it anyway, put a good backup back, another file.
WAYS_OUT = {
    "locked": ("read_only", "other"),
    "corrupt": ("restore", "other"),
}


class CannotOpenDialog(QDialog):
    """Why ``path`` cannot be opened, and buttons for what the user can do. ``choice`` after it
    closes: "read_only", "restore", "other" or None (cancelled)."""

    def __init__(self, path: Path | None, reason: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannotOpenDialog")
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.choice: str | None = None
        self.latest_backup = None
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setObjectName("cannotOpenReason")
        text.setWordWrap(True)
        layout.addWidget(text)
        ways = WAYS_OUT.get(reason, ("other",))
        if "restore" in ways and path is not None:
            from db.backups import latest_good_backup

            self.latest_backup = latest_good_backup(path)
        hint = QLabel(self._hint(reason))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        labels = {"read_only": self.tr("Open read-only"), "restore": self.tr("Restore the latest good backup"),
                  "other": self.tr("Choose another file…")}
        for way in ways:
            if way == "restore" and self.latest_backup is None:
                continue
            button = QPushButton(labels[way])
            button.setObjectName(f"cannotOpen_{way}")
            button.setAccessibleName(labels[way])
            button.clicked.connect(lambda _=False, w=way: self._choose(w))
            row.addWidget(button)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cannotOpen_cancel")
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    def _hint(self, reason: str) -> str:
        if reason == "locked":
            return self.tr("Another Dugout (or another program) holds the file's write lock and has not let go. "
                           "You can read it meanwhile; nothing you do then changes it.")
        if reason == "corrupt" and self.latest_backup is not None:
            taken = self.latest_backup.taken_at.strftime("%Y-%m-%d %H:%M")
            return self.tr("The latest good backup is from {taken}. Restoring it keeps the damaged file aside, "
                           "in the backup folder.").format(taken=taken)
        if reason == "corrupt":
            return self.tr("There is no backup of this file. The file is left as it is.")
        return self.tr("The file is left exactly as it is.")

    def _choose(self, way: str) -> None:
        self.choice = way
        self.accept()
