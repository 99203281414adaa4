"""Guards against a Qt binding that mismanages Python's ``None`` (PySide6 6.12.0 did, and crashed).

On Python 3.11 ``None`` is reference-counted; a binding that releases it once too often per call
crashes the app after enough filter keystrokes or ``data()`` calls. The counts must stay level.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt


class _Numbers(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 50

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return str(index.row()) if role == Qt.ItemDataRole.DisplayRole else None


def test_none_survives_many_binding_calls(qapp) -> None:
    model = _Numbers()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(500):
        proxy.beginFilterChange()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        index.data(Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) - before > -50
