"""The squad table model: a thin adapter from cached ``SquadRow``s to Qt, updated row by row."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from db.domain.squad_rules import check_contract_order, check_shirt_not_worn
from db.domain.text import fold
from db.errors import DugoutError, StaleEdit, ValidationError
from db.squad.queries import SquadRow, memberships_of_players, squad_rows
from db.squad.validation import validate_membership_values, validate_player_values
from desktop.locale_format import display_locale
from desktop.roles import RowRole, SortRole
from desktop.squad.columns import (
    COLUMN_INDEX,
    COLUMNS,
    MEMBERSHIP,
    PLAYER,
    contract_tooltip,
    display_strings,
)

if TYPE_CHECKING:
    from desktop.context import AppContext

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _EDIT, _TOOLTIP = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole),
                             int(Qt.ItemDataRole.ToolTipRole))
_ALIGN, _BACKGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
# Translucent amber: tints the base colour, so the text stays readable in light and dark themes.
CONTRACT_WARNING = QColor(255, 170, 0, 80)
_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CONTRACT_COLUMN = COLUMN_INDEX["contract_end"]
_NAME_COLUMN = COLUMN_INDEX["name"]
_BORN_COLUMN = COLUMN_INDEX["born"]
_KINDS = frozenset({PLAYER, MEMBERSHIP})


class SquadTableModel(QAbstractTableModel):
    """The current squad of ``context``'s club and season, one ``SquadRow`` per table row.

    Listens to ``context.data_changed`` and refreshes only the rows named there (``dataChanged``,
    row inserts and removals, no reset), so selection and scroll position survive. While updates
    are held (the screen is hidden) changes are queued and applied on ``resume_updates()``.
    ``last_error`` holds ``(field, message)`` of the last refused ``setData``.
    """

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_error: tuple[str, str] | None = None
        self._rows: list[SquadRow] = []
        self._where: dict[int, int] = {}
        self._display: list[list[str]] = []
        self._search: list[str] = []
        self._held = False
        self._pending: list[tuple[frozenset[str], frozenset[int]]] = []
        self._reload_pending = False
        context.data_changed.connect(self.on_data_changed)
        context.database_opened.connect(self._on_reload_signal)
        # Ages and contract warnings depend on the planning date, the set of rows does not:
        # re-read every row in place (empty ids = all rows) so selection and scroll survive.
        context.as_of_changed.connect(lambda _day: self.on_data_changed(frozenset({"squad_membership"}), frozenset()))

    # --- loading ----------------------------------------------------------------------------
    def has_squad(self) -> bool:
        """Whether a database with a club and season is open."""
        c = self.context
        return c.database is not None and c.club_id is not None and c.season_id is not None

    def _query(self, membership_ids: list[int] | None = None) -> list[SquadRow]:
        c = self.context
        if not self.has_squad():
            return []
        assert c.database is not None and c.club_id is not None and c.season_id is not None
        with c.database.reading() as session:
            return squad_rows(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of,
                              membership_ids=membership_ids)

    def _cache(self, row: SquadRow) -> tuple[list[str], str]:
        text = " ".join((row.name, row.primary_position or "", *row.secondary_positions, *row.nationalities))
        return display_strings(row, self.context.currency, display_locale()), fold(text)

    def reload(self, context: AppContext | None = None) -> None:
        """Load every row again with a model reset (another database or planning date)."""
        if context is not None:
            self.context = context
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
        self._where = {row.membership_id: i for i, row in enumerate(self._rows)}

    def refresh_ids(self, membership_ids: list[int] | set[int] | frozenset[int]) -> None:
        """Re-read only these squad rows: update in place, insert new ones, remove those gone."""
        wanted = set(membership_ids)
        if wanted:
            self._merge({r.membership_id: r for r in self._query(sorted(wanted))}, wanted)

    def refresh_all(self) -> None:
        """Re-read every row, still as row-wise updates so the view keeps its selection."""
        fresh = {r.membership_id: r for r in self._query()}
        self._merge(fresh, set(fresh) | set(self._where))

    def _merge(self, fresh: dict[int, SquadRow], scope: set[int]) -> None:
        last = len(COLUMNS) - 1
        for membership_id in sorted(scope):
            position = self._where.get(membership_id)
            row = fresh.get(membership_id)
            if position is not None and row is None:
                self.beginRemoveRows(QModelIndex(), position, position)
                for store in (self._rows, self._display, self._search):
                    del store[position]
                self._reindex()
                self.endRemoveRows()
            elif position is None and row is not None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(row)
                display, search = self._cache(row)
                self._display.append(display)
                self._search.append(search)
                self._where[membership_id] = end
                self.endInsertRows()
            elif position is not None and row is not None and row != self._rows[position]:
                self._rows[position] = row
                self._display[position], self._search[position] = self._cache(row)
                # The whole row, so an open editor in it keeps what the user typed.
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))

    # --- the change bus ---------------------------------------------------------------------
    def on_data_changed(self, kinds: frozenset[str], ids: frozenset[int]) -> None:
        """React to a committed write announced on the change bus."""
        if not _KINDS & set(kinds):
            return
        if self._held:
            self._pending.append((frozenset(kinds), frozenset(ids)))
            return
        try:
            if not ids:
                self.refresh_all()
                return
            wanted: set[int] = set()
            if MEMBERSHIP in kinds:
                wanted |= set(ids)
            if PLAYER in kinds and self.has_squad():
                c = self.context
                assert c.database is not None and c.club_id is not None and c.season_id is not None
                with c.database.reading() as session:
                    wanted |= set(memberships_of_players(session, club_id=c.club_id, season_id=c.season_id,
                                                         player_ids=ids))
            self.refresh_ids(wanted)
        except DugoutError as error:  # a broken database must not crash a signal handler
            self.context.message.emit(str(error))

    def _on_reload_signal(self, *_args: Any) -> None:
        if self._held:
            self._reload_pending = True
        else:
            self.reload()

    def hold_updates(self) -> None:
        """Queue change-bus events instead of applying them (while the screen is hidden)."""
        self._held = True

    def resume_updates(self) -> None:
        """Apply what was queued while held."""
        self._held = False
        pending, self._pending = self._pending, []
        if self._reload_pending:
            self._reload_pending = False
            self.reload()
            return
        for kinds, ids in pending:
            self.on_data_changed(kinds, ids)

    # --- reading ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row_at(self, position: int) -> SquadRow:
        """The cached row at a model row."""
        return self._rows[position]

    def rows(self) -> list[SquadRow]:
        """All cached rows (a copy)."""
        return list(self._rows)

    def position_of(self, membership_id: int) -> int | None:
        """The model row of a squad membership, if shown."""
        return self._where.get(membership_id)

    def search_text(self, position: int) -> str:
        """The folded text the filter matches against (name, positions, nationalities)."""
        return self._search[position]

    def availability_icon(self, row: SquadRow) -> None:
        """Placeholder hook for the injury issue: the availability icon of a row (none yet)."""
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        role = int(role)
        if role == _DISPLAY:
            return self._display[r][c]
        if role == _EDIT:
            column = COLUMNS[c]
            return column.edit_value(self._rows[r]) if column.edit_value else self._display[r][c]
        if role == SortRole:
            return COLUMNS[c].sort_key(self._rows[r])
        if role == RowRole:
            return self._rows[r]
        if role == _ALIGN:
            return int(_NUMBER_ALIGN) if COLUMNS[c].numeric else None
        if role == _BACKGROUND:
            return CONTRACT_WARNING if c == _CONTRACT_COLUMN and self._rows[r].contract_expiring else None
        if role == _TOOLTIP:
            return self._tooltip(self._rows[r], c)
        if role == _DECORATION and c == _NAME_COLUMN:
            return self.availability_icon(self._rows[r])
        return None

    def _tooltip(self, row: SquadRow, column: int) -> str | None:
        key = COLUMNS[column].key
        if key == "contract_end":
            return contract_tooltip(row.contract_end, self.context.as_of) or None
        if key == "age" and row.date_of_birth:
            return self.tr("Born {d}").format(d=self._display[self._where[row.membership_id]][_BORN_COLUMN])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if int(role) == _DISPLAY:
                return self.tr(COLUMNS[section].header)
            if int(role) == _ALIGN and COLUMNS[section].numeric:
                return int(_NUMBER_ALIGN)
            if int(role) == int(Qt.ItemDataRole.ToolTipRole) and COLUMNS[section].noun:
                return self.tr(COLUMNS[section].noun).capitalize()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()].field is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ----------------------------------------------------------------------------
    def check_value(self, index: Index, value: Any) -> Any:
        """Validate an edit with the pure db rules and the cached rows; return the stored value."""
        column, row = COLUMNS[index.column()], self._rows[index.row()]
        field = column.field
        if field is None:
            raise ValidationError("", "read_only", self.tr("This column cannot be edited"))
        if column.target == PLAYER:
            return validate_player_values({field: value}, as_of=self.context.as_of)[field]
        clean = validate_membership_values({field: value})[field]
        if field == "contract_end":
            check_contract_order(row.contract_start, clean)
        if field == "shirt_number":
            others = ((o.shirt_number, o.name) for o in self._rows if o.membership_id != row.membership_id)
            check_shirt_not_worn(clean, others)
        return clean

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        """Apply an edit as one undoable command; on refusal store ``last_error`` and return False."""
        from desktop.squad.commands import EditSquadFieldCommand
        from desktop.undo import push_applied

        if int(role) != _EDIT or not index.isValid() or COLUMNS[index.column()].field is None:
            return False
        column, row = COLUMNS[index.column()], self._rows[index.row()]
        self.last_error = None
        try:
            clean = self.check_value(index, value)
            if clean == column.stored_value(row):
                return True
            push_applied(self.context, EditSquadFieldCommand(self.context, row, column, clean))
        except ValidationError as error:
            self.last_error = (error.field or str(column.field), error.message)
            return False
        except StaleEdit as error:
            self.last_error = (str(column.field), str(error))
            self.refresh_ids([row.membership_id])
            return False
        except Exception as error:  # never raise into Qt's C++ caller
            log.exception("Editing %s failed", column.field)
            self.last_error = (str(column.field), self.tr("Could not save the change: {e}").format(e=error))
            return False
        return True
