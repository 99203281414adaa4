"""Guards against a Qt binding that mismanages Python's ``None`` (PySide6 6.12.0 did, and crashed).

On Python 3.11 ``None`` is reference-counted; a binding that releases it once too often per call
crashes the app after enough filter keystrokes or ``data()`` calls. The counts must stay level.
From Python 3.12 ``None`` is immortal: its count never moves, so the bug can neither be seen nor
crash anything there, and the test skips itself. CI runs Debian's Python 3.11, the one it guards.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt


class _Numbers(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 50

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return str(index.row()) if role == Qt.ItemDataRole.DisplayRole else None


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: nothing to guard")
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
