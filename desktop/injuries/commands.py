"""Undo commands of the injury board: record something new (an injury, a card, a ban, an
absence), change an injury (its phase, window, notes), resolve it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.changes import ABSENCE, BOOKING, INJURY, SUSPENSION, Change
from desktop.undo import DbCommand

if TYPE_CHECKING:
    from db.medical.queries import InjuryRow
    from desktop.context import AppContext


class CreateCommand(DbCommand):
    """Record a new row (``make`` writes it and returns its id); undo takes it out again while
    nobody else has touched it, redo brings it back under the same id."""

    kinds = frozenset({INJURY, BOOKING, SUSPENSION, ABSENCE})

    def __init__(self, context: AppContext, text: str, table: str, make: Callable[[], int]) -> None:
        super().__init__(context, text)
        self.table = table
        self.make = make
        self.row_id: int | None = None
        self._stored: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.restoring import recreate

        if self._stored is None:
            self.row_id = self.make()
            self._stored = self._read()
            self.wrote(self.table, self.row_id, 1)
        else:
            self.wrote(self.table, self._stored["id"], recreate(self.database(), self.table, self._stored))
        assert self.row_id is not None
        return Change.of(self.table, {self.row_id})

    def _read(self) -> dict[str, Any]:
        from db.restoring import restorable, stale_row, stored_columns

        assert self.row_id is not None
        with self.database().reading() as session:
            row = session.get(restorable(self.table).model, self.row_id)
            if row is None:
                raise stale_row(self.table, self.row_id)
            return stored_columns(row)

    def revert(self) -> Change:
        from db.restoring import remove_created

        assert self.row_id is not None and self._stored is not None
        expected = {k: v for k, v in self._stored.items() if k != "id"}
        remove_created(self.database(), self.table, self.row_id, expected=expected,
                       version=self.own_version(self.table, self.row_id, 1) or 1)
        return Change.of(self.table, {self.row_id})


class UpdateInjuryCommand(DbCommand):
    """Change an injury ("Move Militão to rehab", "Resolve Militão's injury")."""

    kinds = frozenset({INJURY})

    def __init__(self, context: AppContext, row: InjuryRow, changes: dict[str, Any], text: str) -> None:
        super().__init__(context, text)
        self.injury_id = row.injury_id
        self.seen_version: int | None = row.version
        self.before = {key: getattr(row, key) for key in changes}
        self.after = dict(changes)

    def apply(self) -> Change:
        from db.medical.writes import update_injury

        if self.seen_version is None:
            self.swap(INJURY, self.injury_id, self.before, self.after)
        else:
            self.wrote(INJURY, self.injury_id, update_injury(self.database(), self.injury_id, self.seen_version,
                                                             self.after))
        self.seen_version = None
        return Change.of(INJURY, {self.injury_id})

    def revert(self) -> Change:
        self.swap(INJURY, self.injury_id, self.after, self.before)
        return Change.of(INJURY, {self.injury_id})

