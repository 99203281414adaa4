"""Undo commands of the lineup screen. A lineup command keeps the whole lineup before and after
(a snapshot): apply and revert each swap one for the other, only if the lineup still holds what
this app left there at the version it left (``db.lineup.writes.swap_lineup``). A saved formation
is a row created, taken out again by undo while no lineup uses it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.changes import FORMATION, LINEUP, Change
from desktop.undo import DbCommand

if TYPE_CHECKING:
    from db.domain.lineup import LineupState
    from desktop.context import AppContext

# own_versions key: the lineup is known by its fixture (its row may not exist before the first save).
LINEUP_OF_FIXTURE = "lineup_of_fixture"


class LineupCommand(DbCommand):
    """One change to a fixture's lineup ("Put Mbappé at ST", "Switch to 4-4-2", "Clear the lineup")."""

    kinds = frozenset({LINEUP})

    def __init__(self, context: AppContext, text: str, *, fixture_id: int, version: int, before: LineupState,
                 after: LineupState) -> None:
        super().__init__(context, text)
        self.fixture_id = fixture_id
        self.seen_version: int | None = version
        self.before, self.after = before, after
        self.lineup_id: int | None = None

    def _swap(self, expected: LineupState, state: LineupState) -> Change:
        from db.lineup.writes import swap_lineup

        context = self.context
        assert context.club_id is not None
        if self.seen_version is not None:
            version = self.seen_version
        else:
            version = self.own_version(LINEUP_OF_FIXTURE, self.fixture_id, 0) or 0
        self.lineup_id, new = swap_lineup(self.database(), club_id=context.club_id, fixture_id=self.fixture_id,
                                          expected=expected, state=state, version=version, as_of=context.as_of)
        self.seen_version = None
        self.wrote(LINEUP_OF_FIXTURE, self.fixture_id, new)
        return Change.of(LINEUP, {self.lineup_id})

    def apply(self) -> Change:
        return self._swap(self.before, self.after)

    def revert(self) -> Change:
        return self._swap(self.after, self.before)


class CreateFormationCommand(DbCommand):
    """Save the club's own formation; undo takes it out again while no lineup uses it, redo brings
    it back under the same id."""

    kinds = frozenset({FORMATION})

    def __init__(self, context: AppContext, text: str, make: Callable[[], int]) -> None:
        super().__init__(context, text)
        self.make = make
        self.formation_id: int | None = None
        self._stored: dict[str, Any] | None = None

    def apply(self) -> Change:
        from db.restoring import recreate, restorable, stale_row, stored_columns

        if self._stored is None:
            self.formation_id = self.make()
            with self.database().reading() as session:
                row = session.get(restorable(FORMATION).model, self.formation_id)
                if row is None:
                    raise stale_row(FORMATION, self.formation_id)
                self._stored = stored_columns(row)
            self.wrote(FORMATION, self.formation_id, 1)
        else:
            self.wrote(FORMATION, self._stored["id"], recreate(self.database(), FORMATION, self._stored))
        assert self.formation_id is not None
        return Change.of(FORMATION, {self.formation_id})

    def revert(self) -> Change:
        from db.restoring import remove_created

        assert self.formation_id is not None and self._stored is not None
        expected = {k: v for k, v in self._stored.items() if k != "id"}
        remove_created(self.database(), FORMATION, self.formation_id, expected=expected,
                       version=self.own_version(FORMATION, self.formation_id, 1) or 1)
        return Change.of(FORMATION, {self.formation_id})
