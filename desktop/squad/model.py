"""The squad table model: the current squad of our club and season, one cached ``SquadRow`` per row."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from db.changes import (
    ABSENCE,
    APPEARANCE,
    BOOKING,
    FIXTURE,
    INJURY,
    MEMBERSHIP,
    PLAYER,
    REGISTRATION,
    SUSPENSION,
    Change,
)
from db.domain.availability import AVAILABLE, STATUSES, Availability, day_text
from db.domain.squad_rules import check_contract_order
from db.domain.text import fold
from db.squad.queries import SquadRow, memberships_of_players, squad_rows
from db.squad.validation import validate_membership_values, validate_player_values
from desktop.common.availability_icons import availability_icon, status_label
from desktop.common.columns import Column
from desktop.common.formatting import contract_tooltip
from desktop.common.roles import SortRole
from desktop.common.row_model import BACKGROUND, DECORATION, DISPLAY, TOOLTIP, CachedRowsModel, Index
from desktop.squad.columns import COLUMN_INDEX, COLUMNS, HEADER_CONTEXT
from desktop.theme import colour

if TYPE_CHECKING:
    from db.calendar.queries import FixtureRow

_CONTRACT_COLUMN = COLUMN_INDEX["contract_end"]
_NAME_COLUMN = COLUMN_INDEX["name"]
_BORN_COLUMN = COLUMN_INDEX["born"]
_AGE_COLUMN = COLUMN_INDEX["age"]
_STATUS_COLUMN = COLUMN_INDEX["availability"]
_APPS_COLUMN = COLUMN_INDEX["appearances"]
_MINUTES_COLUMN = COLUMN_INDEX["minutes"]
# Writes that can change who is available for the next match.
AVAILABILITY_KINDS = frozenset({INJURY, BOOKING, SUSPENSION, ABSENCE, REGISTRATION, FIXTURE})
_RANK = {status: rank for rank, status in enumerate(STATUSES)}


class SquadTableModel(CachedRowsModel[SquadRow]):
    """The current squad of ``context``'s club and season, keyed by membership id.

    A player edit refreshes that player's row; a membership edit its own row; a match report every
    row (Apps and Mins add the reported matches to the stored counts). The Status column is each
    player's availability for the next match, re-read whenever an injury, card, ban, absence,
    registration or fixture changes.
    """

    columns = COLUMNS
    header_context = HEADER_CONTEXT
    kinds = frozenset({PLAYER, MEMBERSHIP, APPEARANCE}) | AVAILABILITY_KINDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._verdicts: dict[int, Availability] = {}
        self.next_fixture: FixtureRow | None = None
        super().__init__(*args, **kwargs)

    def can_load(self) -> bool:
        return self.has_squad()

    def fetch(self, keys: list[Any] | None) -> list[SquadRow]:
        c = self.context
        assert c.database is not None and c.club_id is not None and c.season_id is not None
        with c.database.reading() as session:
            rows = squad_rows(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of, membership_ids=keys)
            self._read_verdicts(session, [r.player_id for r in rows], everyone=keys is None)
        return rows

    def _read_verdicts(self, session: Any, player_ids: list[int], *, everyone: bool) -> None:
        from db.medical.queries import next_match_availability

        assert self.context.club_id is not None
        found = next_match_availability(session, club_id=self.context.club_id, as_of=self.context.as_of,
                                        player_ids=player_ids)
        self.next_fixture = found.fixture
        self._verdicts = found.verdicts if everyone else {**self._verdicts, **found.verdicts}

    def verdict(self, row: SquadRow) -> Availability:
        """The player's availability for the next match."""
        return self._verdicts.get(row.player_id) or Availability(AVAILABLE)

    def on_change(self, change: Change) -> None:
        # The rows change with players and memberships; the Status column with more. Rows re-read
        # equal to before are not repainted, so the verdicts are compared here.
        if self._held or not change.touches(*AVAILABILITY_KINDS):
            super().on_change(change)
            return
        before = dict(self._verdicts)
        if change.touches(PLAYER, MEMBERSHIP, APPEARANCE):
            super().on_change(change)
        self.refresh_verdicts(before)

    def refresh_verdicts(self, before: dict[int, Availability] | None = None) -> None:
        """Re-read every player's availability; repaint the rows whose answer changed."""
        if not self.can_load() or not self._rows:
            return
        from db.errors import DugoutError

        before = dict(self._verdicts) if before is None else before
        c = self.context
        assert c.database is not None
        try:
            with c.database.reading() as session:
                self._read_verdicts(session, [r.player_id for r in self._rows], everyone=True)
        except DugoutError as error:
            self.context.message.emit(str(error))
            return
        for position, row in enumerate(self._rows):
            if before.get(row.player_id) != self._verdicts.get(row.player_id):
                self._display[position], self._search[position] = self._cache(row)
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def display_row(self, row: SquadRow) -> list[str]:
        texts = super().display_row(row)
        texts[_STATUS_COLUMN] = self.status_text(self.verdict(row))
        return texts

    def status_text(self, verdict: Availability) -> str:
        """"Injured", "Doubtful (50%)"; for an available player a warning, if any, or nothing."""
        if verdict.status == AVAILABLE:
            return ", ".join(verdict.flags)  # "1 yellow from a ban (LaLiga)", "Banned in Copa del Rey (2)"
        text = status_label(verdict.status)
        return f"{text} ({verdict.chance}%)" if verdict.chance is not None else text

    def status_tooltip(self, verdict: Availability) -> str:
        """Why, and for which match."""
        fixture = self.next_fixture
        if fixture is None:
            when = self.tr("On {day} (no fixture ahead)").format(day=day_text(self.context.as_of))
        else:
            when = self.tr("Next match: {opponent} ({competition}), {day}").format(
                opponent=fixture.opponent, competition=fixture.competition, day=day_text(fixture.day))
        lines = [status_label(verdict.status) + (f": {verdict.reason}" if verdict.reason else ""), *verdict.notes,
                 when]
        return "\n".join(lines)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if index.isValid() and index.column() == _STATUS_COLUMN and int(role) == SortRole:
            return _RANK[self.verdict(self.row_at(index.row())).status]
        return super().data(index, role)

    def key_of(self, row: SquadRow) -> Hashable:
        return row.membership_id

    def search_row(self, row: SquadRow) -> str:
        verdict = self.verdict(row)
        status = status_label(verdict.status) if verdict.status != AVAILABLE else ""
        return fold(" ".join((row.name, row.primary_position or "", *row.secondary_positions, *row.nationalities,
                              status)))

    def keys_for(self, change: Change) -> set[Any] | None:
        if change.is_everything(PLAYER) or change.is_everything(MEMBERSHIP) or change.touches(APPEARANCE):
            return None
        keys: set[Any] = set(change.ids(MEMBERSHIP))
        players = change.ids(PLAYER)
        if players and self.has_squad():
            c = self.context
            assert c.database is not None and c.club_id is not None and c.season_id is not None
            with c.database.reading() as session:
                keys |= set(memberships_of_players(session, club_id=c.club_id, season_id=c.season_id,
                                                   player_ids=players))
        return keys

    def extra_data(self, row: SquadRow, column: int, role: int) -> Any:
        if role == BACKGROUND:
            return colour("warning_tint") if column == _CONTRACT_COLUMN and row.contract_expiring else None
        if role == TOOLTIP:
            if column == _CONTRACT_COLUMN:
                return contract_tooltip(row.contract_end, self.context.as_of) or None
            if column in (_STATUS_COLUMN, _NAME_COLUMN):
                verdict = self.verdict(row)
                return self.status_tooltip(verdict) if verdict.status != AVAILABLE or verdict.notes else None
            if column in (_APPS_COLUMN, _MINUTES_COLUMN):
                return self.reported_tooltip(row, column)
            if column == _AGE_COLUMN and row.date_of_birth:
                position = self.position_of(row.membership_id)
                born = self.display_text(position, _BORN_COLUMN) if position is not None else ""
                return self.tr("Born {d}").format(d=born)
            return None
        if role == DECORATION and column == _STATUS_COLUMN:
            return availability_icon(self.verdict(row).status)
        return None

    def reported_tooltip(self, row: SquadRow, column: int) -> str | None:
        """How Apps or Mins add up: the stored count and the matches with a report (editing the
        cell changes the stored count)."""
        if column == _APPS_COLUMN and row.reported_appearances:
            return self.tr("{n} from match reports + {base} stored\nEditing changes the stored count").format(
                n=row.reported_appearances, base=row.appearances or 0)
        if column == _MINUTES_COLUMN and row.reported_minutes:
            return self.tr("{n} minutes from match reports + {base} stored\nEditing changes the stored count").format(
                n=row.reported_minutes, base=row.minutes_played or 0)
        return None

    # --- editing ----------------------------------------------------------------------------
    def check_value(self, index: Index, value: Any) -> Any:
        """Validate an edit with the pure ``db`` rules; rules that need other rows (a shirt number
        worn by someone else) are the data layer's, checked when the edit is saved."""
        column, row = self.columns[index.column()], self.row_at(index.row())
        field = column.field
        if field is None:
            return super().check_value(index, value)
        if column.target == PLAYER:
            return validate_player_values({field: value}, as_of=self.context.as_of)[field]
        clean = validate_membership_values({field: value})[field]
        if field == "contract_end":
            check_contract_order(row.contract_start, clean)
        return clean

    def save_value(self, row: SquadRow, column: Column, value: Any) -> None:
        from desktop.squad.commands import EditSquadFieldCommand
        from desktop.undo import push_applied

        push_applied(self.context, EditSquadFieldCommand(self.context, row, column, value))
