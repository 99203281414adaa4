"""The filter and sort proxy of every list screen: folded words, an optional row test, None last."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from db.domain.text import fold
from desktop.common.roles import SortRole
from desktop.common.row_model import CachedRowsModel


class RowFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose search text holds every typed word (accents and case ignored) and that
    pass ``row_test``; sorts on ``SortRole`` with empty values last in both directions."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._row_test: Callable[[Any], bool] | None = None
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        """Keep rows whose search text contains every word of ``text``."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_row_test(self, test: Callable[[Any], bool] | None) -> None:
        """Keep only rows for which ``test(row)`` is true (None keeps all)."""
        self.beginFilterChange()
        self._row_test = test
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CachedRowsModel):
            return True
        if self._row_test is not None and not self._row_test(model.row_at(source_row)):
            return False
        haystack = model.search_text(source_row)
        return all(word in haystack for word in self._words)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or b is None:
            # None last in both directions (Qt reverses the comparison for descending order).
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return False if a is None and b is None else (descending if a is None else not descending)
        return bool(a < b)
