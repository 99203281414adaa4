"""The table model every list screen shares: cached plain rows, refreshed row by row from the change bus.

A subclass says which rows it shows (``fetch``), how a row is keyed, displayed and searched, and
which kinds of change concern it (``keys_for``). This base keeps the cache and turns a change
notice into ``dataChanged``, row inserts and row removals (never a reset), so selection, scroll
position and an open editor survive another user's edit. While updates are held (the screen is
hidden) notices queue and are applied on ``resume_updates()``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from db.changes import Change
from db.errors import DugoutError, ValidationError
from desktop.common.columns import Column, Formats
from desktop.common.formatting import display_locale
from desktop.common.roles import RowRole, SortRole

if TYPE_CHECKING:
    from desktop.context import AppContext

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
DISPLAY, EDIT, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole), int(Qt.ItemDataRole.ToolTipRole)
ALIGN, BACKGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CachedRowsModel(QAbstractTableModel, Generic[R]):
    """Rows of type ``R`` with their display strings and search text cached when they load.

    Subclasses set ``columns`` (and the translation context of their headers, ``header_context``)
    and ``kinds`` (the change kinds that concern them), and implement ``fetch``, ``key_of`` (a
    sortable key: an id or a tuple of them) and ``keys_for``. ``last_error`` holds ``(field, message)`` of the last
    refused ``setData``.
    """

    columns: Sequence[Column] = ()
    header_context = "Columns"
    kinds: frozenset[str] = frozenset()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_error: tuple[str, str] | None = None
        self._rows: list[R] = []
        self._where: dict[Any, int] = {}
        self._display: list[list[str]] = []
        self._search: list[str] = []
        self._held = False
        self._pending: list[Change] = []
        self._reload_pending = False
        context.data_changed.connect(self.on_change)
        context.database_opened.connect(self._on_database_opened)
        # Rows that depend on the planning date are re-read in place (selection and scroll survive).
        context.as_of_changed.connect(lambda _day: self.on_change(Change.everything(self.kinds)))

    # --- what a subclass provides -----------------------------------------------------------
    def can_load(self) -> bool:
        """Whether there is anything to show (a database is open, with what this model needs)."""
        return self.context.database is not None

    def has_squad(self) -> bool:
        """Whether a database with our club and season is open (what squad-wide models need)."""
        c = self.context
        return c.database is not None and c.club_id is not None and c.season_id is not None

    def fetch(self, keys: list[Any] | None) -> list[R]:
        """Read the rows with these keys (all rows for None) in one short read session."""
        raise NotImplementedError

    def key_of(self, row: R) -> Any:
        """The key that identifies a row across refreshes."""
        raise NotImplementedError

    def display_row(self, row: R) -> list[str]:
        """Every column's display text for one row, computed once when the row loads."""
        formats = Formats(self.context.currency, display_locale())
        return [column.display(row, formats) for column in self.columns]

    def search_row(self, row: R) -> str:
        """The folded text a filter matches against (empty: the row never matches words)."""
        return ""

    def keys_for(self, change: Change) -> set[Any] | None:
        """The keys of the rows ``change`` may have touched; None means re-read every row."""
        return None

    # --- loading ----------------------------------------------------------------------------
    def _query(self, keys: list[Any] | None = None) -> list[R]:
        return self.fetch(keys) if self.can_load() else []

    def _cache(self, row: R) -> tuple[list[str], str]:
        return self.display_row(row), self.search_row(row)

    def reload(self) -> None:
        """Load every row again with a model reset (another database was opened)."""
        rows = self._query()
        self.beginResetModel()
        self._rows = rows
        self._display, self._search = [], []
        for row in rows:
            display, search = self._cache(row)
            self._display.append(display)
            self._search.append(search)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._where = {self.key_of(row): i for i, row in enumerate(self._rows)}

    def refresh_keys(self, keys: set[Any] | frozenset[Any] | list[Any]) -> None:
        """Re-read only these rows: update in place, insert new ones, remove those gone."""
        wanted = set(keys)
        if wanted:
            self._merge({self.key_of(r): r for r in self._query(sorted(wanted))}, wanted)

    def refresh_all(self) -> None:
        """Re-read every row, still as row-wise updates so the view keeps its selection."""
        fresh = {self.key_of(r): r for r in self._query()}
        self._merge(fresh, set(fresh) | set(self._where))

    def _merge(self, fresh: dict[Any, R], scope: set[Any]) -> None:
        last = len(self.columns) - 1
        for key in sorted(scope):
            position = self._where.get(key)
            row = fresh.get(key)
            if position is not None and row is None:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position], self._display[position], self._search[position]
                self._reindex()
                self.endRemoveRows()
            elif position is None and row is not None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(row)
                display, search = self._cache(row)
                self._display.append(display)
                self._search.append(search)
                self._where[key] = end
                self.endInsertRows()
            elif position is not None and row is not None and row != self._rows[position]:
                self._rows[position] = row
                self._display[position], self._search[position] = self._cache(row)
                # The whole row, so an open editor in it keeps what the user typed.
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    # --- the change bus ---------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """React to a committed write announced on the change bus."""
        if not change.touches(*self.kinds):
            return
        if self._held:
            self._pending.append(change)
            return
        try:
            keys = self.keys_for(change)
            if keys is None:
                self.refresh_all()
            else:
                self.refresh_keys(keys)
        except DugoutError as error:  # a broken database must not crash a signal handler
            self.context.message.emit(str(error))

    def _on_database_opened(self) -> None:
        if self._held:
            self._reload_pending = True
        else:
            self.reload()

    def hold_updates(self) -> None:
        """Queue change notices instead of applying them (while the screen is hidden)."""
        self._held = True

    def resume_updates(self) -> None:
        """Apply what was queued while held."""
        self._held = False
        pending, self._pending = self._pending, []
        if self._reload_pending:
            self._reload_pending = False
            self.reload()
            return
        if pending:
            merged = pending[0]
            for change in pending[1:]:
                merged = merged.merged(change)
            self.on_change(merged)

    # --- reading ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def row_at(self, position: int) -> R:
        """The cached row at a model row."""
        return self._rows[position]

    def rows(self) -> list[R]:
        """All cached rows (a copy)."""
        return list(self._rows)

    def position_of(self, key: Any) -> int | None:
        """The model row of a key, if shown."""
        return self._where.get(key)

    def search_text(self, position: int) -> str:
        """The folded text the filter matches against."""
        return self._search[position]

    def display_text(self, position: int, column: int) -> str:
        """The cached display text of a cell."""
        return self._display[position][column]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        role = int(role)
        if role == DISPLAY:
            return self._display[r][c]
        if role == EDIT:
            column = self.columns[c]
            return column.edit_value(self._rows[r]) if column.edit_value else self._display[r][c]
        if role == SortRole:
            return self.columns[c].sort_key(self._rows[r])
        if role == RowRole:
            return self._rows[r]
        if role == ALIGN:
            return NUMBER_ALIGN if self.columns[c].numeric else None
        return self.extra_data(self._rows[r], c, role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Roles beyond display, edit, sort, row and alignment (tooltips, tints, icons); None by default."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if int(role) == DISPLAY:
            return QCoreApplication.translate(self.header_context, column.header)
        if int(role) == ALIGN and column.numeric:
            return NUMBER_ALIGN
        if int(role) == TOOLTIP and column.noun:
            return QCoreApplication.translate(self.header_context, column.noun).capitalize()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].field is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ----------------------------------------------------------------------------
    def check_value(self, index: Index, value: Any) -> Any:
        """Validate an edit with the pure ``db`` rules; return the value to store."""
        raise ValidationError("", "read_only", QCoreApplication.translate("Columns", "This column cannot be edited"))

    def save_value(self, row: R, column: Column, value: Any) -> None:
        """Store a checked value (one undo command); raises ValidationError or StaleEdit."""
        raise NotImplementedError

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        """Apply an edit through ``save_value``; on refusal store ``last_error`` and return False."""
        from db.errors import StaleEdit

        if int(role) != EDIT or not index.isValid() or self.columns[index.column()].field is None:
            return False
        column, row = self.columns[index.column()], self._rows[index.row()]
        self.last_error = None
        try:
            clean = self.check_value(index, value)
            if clean == column.stored_value(row):
                return True
            self.save_value(row, column, clean)
        except ValidationError as error:
            self.last_error = (error.field or str(column.field), error.message)
            return False
        except StaleEdit as error:
            self.last_error = (str(column.field), str(error))
            self.refresh_keys([self.key_of(row)])
            return False
        except DugoutError as error:  # a read-only file, a database gone away: its own words
            self.last_error = (str(column.field), str(error))
            return False
        except Exception as error:  # never raise into Qt's C++ caller
            log.exception("Editing %s failed", column.field)
            self.last_error = (
                str(column.field), QCoreApplication.translate("Columns", "Could not save the change: {e}").format(e=error)
            )
            return False
        return True
