"""The lineup screen's two small dialogs: naming a formation of the club's own, and where to save
the team sheet."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from db.domain.formations import NAME_LENGTH
from db.errors import DugoutError, ValidationError
from desktop.common.form_dialog import FieldForm

if TYPE_CHECKING:
    from desktop.lineup.editor import LineupEditor
    from desktop.lineup.screen import LineupScreen


class FormationNameDialog(FieldForm):
    """Asks a name for the moved slots and saves them as a formation (one undo step)."""

    def __init__(self, editor: LineupEditor, parent: QWidget | None = None) -> None:
        super().__init__("formationNameDialog", parent)
        self.editor = editor
        self.saved = False
        self.setWindowTitle(self.tr("Save formation"))
        base = editor.formation.name if editor.formation else ""
        self.name = self.add_field("name", self.tr("Name"), QLineEdit(self.tr("{name} (ours)").format(name=base)))
        self.name.setMaxLength(NAME_LENGTH)
        self.name.selectAll()

    def accept(self) -> None:
        try:
            self.editor.save_formation(self.name.text())
        except ValidationError as error:
            self.show_error(error.field if error.field in ("name",) else "general", error.message)
            return
        except DugoutError as error:
            self.show_error("general", str(error))
            return
        self.saved = True
        super().accept()


def sheet_file_name(opponent: str, day: str) -> str:
    """'teamsheet-2025-05-04-celta.pdf'."""
    slug = re.sub(r"[^a-z0-9]+", "-", opponent.casefold()).strip("-") or "match"
    return f"teamsheet-{day}-{slug}.pdf"


def save_team_sheet(screen: LineupScreen) -> Path | None:
    """Ask where, then write the team sheet of the match the screen shows (PDF or PNG)."""
    from db.lineup.sheet import team_sheet
    from desktop.common.team_sheet import write_team_sheet

    context, facts = screen.context, screen.editor.facts
    if facts is None or context.database is None or context.club_id is None:
        return None
    fixture = facts.fixture
    chosen, _ = QFileDialog.getSaveFileName(
        screen, QCoreApplication.translate("LineupScreen", "Save the team sheet"), sheet_file_name(fixture.opponent, fixture.day.isoformat()),
        QCoreApplication.translate("LineupScreen", "PDF (*.pdf);;PNG image (*.png)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".pdf", ".png"):
        path = path.with_suffix(".pdf")
    try:
        with context.database.reading() as session:
            sheet = team_sheet(session, club_id=context.club_id, fixture_id=fixture.fixture_id, as_of=context.as_of)
        write_team_sheet(sheet, path)
    except DugoutError as error:
        context.message.emit(str(error))
        return None
    context.status.emit(QCoreApplication.translate("LineupScreen", "Team sheet saved to {path}").format(path=path))
    return path
