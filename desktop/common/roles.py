"""Item-data roles shared by Dugout's item models and views: one place, named."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: A raw, comparable value for sorting (ints, folded strings); ``None`` sorts last.
SortRole = int(Qt.ItemDataRole.UserRole) + 1
#: The whole cached row object (``db.queries.SquadRow`` in the squad model).
RowRole = int(Qt.ItemDataRole.UserRole) + 2
