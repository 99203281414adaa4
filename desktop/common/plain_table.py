"""A read-only table of a few rows of text (a player's history, a report): set the rows, show them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class PlainTableModel(QAbstractTableModel):
    """Rows of strings under headers marked for translation in ``context``; ``set_rows`` replaces them."""

    def __init__(self, headers: Sequence[str], context: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers, self.context = list(headers), context
        self._rows: list[list[str]] = []
        self._tips: list[str | None] = []

    def set_rows(self, rows: Sequence[Sequence[str]], tooltips: Sequence[str | None] | None = None) -> None:
        """Show these rows instead (a reset: the table is small and read-only)."""
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self._tips = list(tooltips) if tooltips is not None else [None] * len(self._rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return QCoreApplication.translate(self.context, self.headers[section])
        return None
