"""Help → About: which Dugout this is, under which licence, and where it keeps the user's files."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.resource_paths import APP_ICON


class AboutDialog(QDialog):
    """Version and licence (from the package metadata), the data folder and the open database.

    ``database`` is the open database's file or server (without a password), or None."""

    def __init__(self, database: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db.paths import data_dir
        from desktop.version import dugout_licence, dugout_version

        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Dugout"))
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(QIcon(str(APP_ICON)).pixmap(64, 64))
        heading.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("<h2>Dugout {version}</h2><p>Squad planning for a football club's staff.</p>")
                       .format(version=dugout_version()))
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        heading.addWidget(title, 1)
        layout.addLayout(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts: dict[str, QLabel] = {}
        for key, label, value in (
            ("version", self.tr("Version"), dugout_version()),
            ("licence", self.tr("Licence"), dugout_licence()),
            ("data_folder", self.tr("Data folder"), str(data_dir())),
            ("database", self.tr("Database"), database or self.tr("none open")),
            ("built_with", self.tr("Built with"), f"Qt {pyside_version} · Python {platform.python_version()}"),
        ):
            shown = QLabel(value)
            shown.setObjectName(f"about_{key}")
            shown.setAccessibleName(label)
            shown.setWordWrap(True)
            # Paths are for copying into a file manager or a bug report.
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
            self.facts[key] = shown
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("aboutClose")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
