"""First run: open the demo season, start a new club, or open an existing file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.form_dialog import FieldForm


class NewClubDialog(FieldForm):
    """Asks for the club name, its league and the current season; the caller creates the database."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__("newClubDialog", parent)
        self.setWindowTitle(self.tr("Start a new club"))
        from db.domain.seasons import season_label_for

        self.club = self.add_field("club_name", self.tr("Club name"), QLineEdit())
        self.league = self.add_field("league", self.tr("League"), QLineEdit("LaLiga"))
        self.season = self.add_field("season_label", self.tr("Current season"),
                                     QLineEdit(season_label_for(today or dt.date.today())))
        self.errors = self.error_labels

    def values(self) -> dict[str, str]:
        """What the user typed."""
        return {
            "club_name": self.club.text(),
            "league": self.league.text(),
            "season_label": self.season.text(),
        }

    def database_file(self, folder: Path) -> Path:
        """A file name for the new club in ``folder`` that does not exist yet."""
        from db.domain.text import fold

        slug = re.sub(r"[^a-z0-9]+", "-", fold(self.values()["club_name"])).strip("-") or "club"
        candidate = folder / f"{slug}.sqlite"
        number = 2
        while candidate.exists():
            candidate = folder / f"{slug}-{number}.sqlite"
            number += 1
        return candidate


def create_club_database(parent: QWidget | None) -> Path | None:
    """Ask for club, league and season until a new database for them is made in the data folder;
    return its file, or None if the user cancels. A refused value is shown beside its field."""
    from db.errors import DugoutError, ValidationError
    from db.opening import open_database
    from db.paths import data_dir
    from db.reference.setup import start_new_club
    from db.sqlite_files import remove_database_files

    dialog = NewClubDialog(parent)
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            path = dialog.database_file(data_dir())
            try:
                database = open_database(path)
            except DugoutError as error:  # e.g. the data folder cannot be created
                dialog.show_error("club_name", str(error))
                continue
            try:
                start_new_club(database, **dialog.values())
            except ValidationError as error:
                database.close()
                remove_database_files(path)
                dialog.show_error(error.field, error.message)
                continue
            database.close()
            return path
        return None
    finally:
        dialog.deleteLater()


class WelcomeDialog(QDialog):
    """The first-run choice. ``choice`` is "demo", "new" or "open" after it is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Dugout"))
        self.choice: str | None = None
        self.chosen_file: Path | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Welcome to Dugout</h2>"
                               "<p>One shared picture of the squad for the coach, the physio and the sporting director.</p>"))
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        for key, text, hint in (
            ("demo", self.tr("Open the demo season"), self.tr("Real Madrid on 2 May 2025: injuries, El Clásico next, Modrić's contract ending")),
            ("new", self.tr("Start a new club…"), self.tr("An empty squad, ready to import a squad list or type it in")),
            ("open", self.tr("Open an existing file…"), self.tr("A Dugout database on this computer or a shared drive")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"welcome_{key}")
            button.setAccessibleName(text)
            button.setToolTip(hint)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            layout.addWidget(button)
            note = QLabel(hint)
            note.setObjectName("hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        self.resize(520, 380)

    def _choose(self, key: str) -> None:
        if key == "open":
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a Dugout database"), "", self.tr("Dugout databases (*.sqlite *.db);;All files (*)")
            )
            if not path:
                return
            self.chosen_file = Path(path)
        self.choice = key
        self.accept()
