"""File → Check database…: the check's report in plain words, and the safe repair."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from db.health import HealthReport


class CheckDialog(QDialog):
    """Runs the check on ``database_file`` as it opens; Repair applies only what loses no data
    (``repaired`` is then true: the window reloads the database)."""

    def __init__(self, database_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Check database"))
        self.database_file = database_file
        self.repaired = False
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit()
        self.details.setObjectName("checkReport")
        self.details.setAccessibleName(self.tr("What the check found"))
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.details)
        note = QLabel(self.tr("A repair backs the file up first, then only rebuilds indexes and statistics and rewrites "
                              "the file from its rows. Rows are never deleted: problems in them are listed for you."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.repair_button = QPushButton(self.tr("Repair"))
        self.repair_button.setObjectName("repairDatabase")
        self.repair_button.setAccessibleName(self.tr("Repair"))
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeCheck")
        close.setAccessibleName(self.tr("Close"))
        self.repair_button.clicked.connect(self.repair)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.report: HealthReport | None = None
        self.resize(720, 460)
        self.run_check()

    def _show(self, report: HealthReport) -> None:
        self.report = report
        self.details.setPlainText("\n".join(report.lines()))
        if report.healthy:
            self.summary.setText(self.tr("The database is healthy."))
        elif any(p.repairable for p in report.problems):
            self.summary.setText(self.tr("Problems found. Some can be repaired without losing anything."))
        else:
            self.summary.setText(self.tr("Problems found in the rows. They are listed below; correct them in Dugout "
                                         "or restore a backup (File → Backups…)."))
        self.repair_button.setEnabled(any(p.repairable for p in report.problems))

    def run_check(self) -> None:
        """Check the file (reading only) and show the report."""
        from db.errors import DugoutError
        from db.health import check_file

        try:
            self._show(check_file(self.database_file))
        except DugoutError as error:
            self.summary.setText(str(error))
            self.repair_button.setEnabled(False)

    def repair(self) -> None:
        """Back up, apply the safe repairs, check again."""
        from db.errors import DugoutError
        from db.health import repair_file

        try:
            self._show(repair_file(self.database_file))
        except DugoutError as error:
            self.summary.setText(str(error))
            return
        self.repaired = True
