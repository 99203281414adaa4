"""File → Import → Fixtures… with a preview, and File → Export → Fixtures….

The import reads and plans the file first (``db.importers.fixtures.plan_fixture_import``: nothing
written), shows what it would add, update, leave unchanged, skip and refuse (each refusal with its
line or event UID), and writes only when the user presses Import, in one transaction, after a
backup of the file as it was. A file that is not a fixture file is refused with its reason
before any preview.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common.naming import named

if TYPE_CHECKING:
    from db.importers.fixtures import FixtureImportReport, FixturePlan
    from desktop.context import AppContext

log = logging.getLogger(__name__)
OPEN_FILTER = "Fixture files (*.ics *.csv *.json);;iCalendar (*.ics);;CSV (*.csv);;openfootball (*.json);;All files (*)"
SHOWN = 500  # lines a section of the preview lists before it only counts


class _WaitCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class FixtureImportDialog(QDialog):
    """The preview of a fixture import; Import writes it. Raises ``DugoutError`` on construction
    when the file cannot be planned at all (the caller tells the user why)."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fixtureImportDialog")
        self.context = context
        self.path = Path(path)
        self.report: FixtureImportReport | None = None
        self.setWindowTitle(self.tr("Import fixtures from {name}").format(name=self.path.name))
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.competition = named(QComboBox(), "importCompetition", self.tr("Competition for matches that name none"))
        self.competition.addItem(self.tr("As the file says"), None)
        for name in self._competitions():
            self.competition.addItem(name, name)
        self.competition.setToolTip(self.tr("A calendar or list that names no competition: the one its matches are in"))
        self.details = named(QTreeWidget(), "importPreview", self.tr("What the import would do"))
        self.details.setHeaderHidden(True)
        self.details.setRootIsDecorated(True)
        self.details.setUniformRowHeights(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Competition where the file names none:"), self.competition)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.details, 1)
        note = QLabel(self.tr("Nothing is written until you press Import; the whole file is then written at once."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(680, 520)
        self.plan: FixturePlan = self._plan(None)
        self._show_plan()
        self.competition.currentIndexChanged.connect(self._replan)

    def _competitions(self) -> list[str]:
        from sqlmodel import col, select

        from db.reference.models import Competition

        assert self.context.database is not None
        with self.context.database.reading() as session:
            return list(session.exec(select(Competition.name).order_by(col(Competition.name))).all())

    def _plan(self, competition: str | None) -> FixturePlan:
        from db.importers.fixtures import plan_fixture_import

        assert self.context.database is not None
        with _WaitCursor():
            return plan_fixture_import(self.context.database, self.path, competition=competition)

    def _replan(self, _index: int) -> None:

        try:
            self.plan = self._plan(self.competition.currentData())
        except Exception as error:  # told in the dialog, never raised into the combo's signal
            self.summary.setText(html.escape(str(error)))
            self.import_button.setEnabled(False)
            return
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        importable = bool(plan.added or plan.updated)
        counts = self.tr("{club}: {a} to add, {u} to update, {n} unchanged, {s} skipped, {r} refused").format(
            club=plan.club_name, a=len(plan.added), u=len(plan.updated), n=len(plan.unchanged),
            s=len(plan.skipped), r=len(plan.refused))
        if not importable:
            counts += "<br>" + html.escape(self.tr("Nothing to import: the file holds no new or changed match."))
        self.summary.setText(f"<b>{html.escape(self.path.name)}</b><br>{counts}" if importable else
                             f"<b>{html.escape(self.path.name)}</b><br>{counts}")
        self.details.clear()
        sections = (
            (self.tr("To add"), plan.added),
            (self.tr("To update"), plan.updated),
            (self.tr("Refused"), [str(issue) for issue in plan.refused]),
            (self.tr("Skipped"), [f"{issue.where}: {issue.message}" for issue in plan.skipped]),
            (self.tr("Unchanged"), plan.unchanged),
            (self.tr("Notes"), [*plan.notes, *([self.tr("Ignored columns: {c}").format(
                c=", ".join(plan.ignored_columns))] if plan.ignored_columns else [])]),
        )
        for title, lines in sections:
            if not lines:
                continue
            top = QTreeWidgetItem([f"{title} ({len(lines)})"])
            top.setData(0, Qt.ItemDataRole.UserRole, title)
            for line in lines[:SHOWN]:
                top.addChild(QTreeWidgetItem([line]))
            if len(lines) > SHOWN:
                top.addChild(QTreeWidgetItem([self.tr("… and {n} more").format(n=len(lines) - SHOWN)]))
            self.details.addTopLevelItem(top)
            top.setExpanded(title != self.tr("Unchanged") and len(lines) <= 60)
        self.import_button.setEnabled(importable)

    def section(self, title: str) -> list[str]:
        """The lines under one heading of the preview ("To add", "Refused"…), as shown."""
        for i in range(self.details.topLevelItemCount()):
            top = self.details.topLevelItem(i)
            if top is not None and top.data(0, Qt.ItemDataRole.UserRole) == title:
                return [child.text(0) for k in range(top.childCount()) if (child := top.child(k)) is not None]
        return []

    def accept(self) -> None:
        """Write the plan (one transaction) and tell every screen; a refusal keeps the dialog open
        with its reason and leaves the database as it was."""
        from db.backups import backup_before
        from db.errors import DugoutError
        from db.importers.fixtures import apply_fixture_plan

        if not self.import_button.isEnabled():
            return
        assert self.context.database is not None
        try:
            with _WaitCursor():
                backup_before(self.context.database, "before-import")  # a SQLite file: kept as it was
                self.report = apply_fixture_plan(self.context.database, self.plan)
        except Exception as error:  # refused, or a locked or unreachable database: told, never raised
            if not isinstance(error, DugoutError):
                log.exception("fixture import failed")
            self.summary.setText("<b>{}</b><br>{}".format(html.escape(self.tr("Nothing was imported")),
                                                         html.escape(str(error))))
            self.import_button.setEnabled(False)
            return
        self.context.announce(self.report.change)
        self.context.status.emit(self.tr("Imported {name}: {a} added, {u} updated, {r} refused").format(
            name=self.path.name, a=len(self.report.added), u=len(self.report.updated), r=len(self.report.refused)))
        super().accept()


def import_fixtures(context: AppContext, parent: QWidget | None = None, path: Path | None = None) -> bool:
    """File → Import → Fixtures…: choose a file (unless given), preview it, import on the user's
    word. True when something was imported."""

    if context.database is None:
        return False
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("FixtureFiles", "Import fixtures"),
                                                      str(Path.home()), OPEN_FILTER)
        if not chosen:
            return False
        path = Path(chosen)
    try:
        dialog = FixtureImportDialog(context, path, parent)
    except Exception as error:  # not a fixture file (its reason), or the database could not be read
        context.message.emit(QCoreApplication.translate("FixtureFiles", "{name} was not imported: {reason}").format(name=path.name, reason=error))
        return False
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog.exec() == QDialog.DialogCode.Accepted


def export_fixtures(context: AppContext, parent: QWidget | None = None, path: Path | None = None) -> int | None:
    """File → Export → Fixtures…: every fixture of ours to a .ics (a calendar app subscribes to it)
    or a .csv (imports back); how many were written, None when nothing was."""
    from db.calendar.exports import export_fixtures as write
    from db.errors import DugoutError

    if context.database is None:
        return None
    if path is None:
        ics, csv = QCoreApplication.translate("FixtureFiles", "iCalendar (*.ics)"), QCoreApplication.translate("FixtureFiles", "CSV (*.csv)")
        chosen, picked = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("FixtureFiles", "Export fixtures"), str(Path.home() / "fixtures.ics"), f"{ics};;{csv}")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".ics", ".csv"):
            path = path.with_suffix(".csv" if picked == csv else ".ics")
    try:
        count = write(context.database, path)
    except DugoutError as error:
        context.message.emit(QCoreApplication.translate("FixtureFiles", "The fixtures were not exported: {reason}").format(reason=error))
        return None
    context.status.emit(QCoreApplication.translate("FixtureFiles", "{n} fixtures written to {path}").format(n=count, path=path))
    return count
