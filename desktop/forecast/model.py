"""The forecast grid's model: players in their lines (a heading row per line) × our next fixtures,
each cell the engine's answer for that player, day and competition.

The whole grid is read in one go (``db.medical.forecast``: one load of the facts); ``data()``
only looks answers up. A write that bears on availability re-reads it, in place when the players
and fixtures are the same (selection and scroll survive); while the screen is hidden notices wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from db.changes import ABSENCE, BOOKING, FIXTURE, INJURY, MEMBERSHIP, PLAYER, REGISTRATION, SUSPENSION, Change
from db.domain.availability import AVAILABLE, DOUBTFUL, PRECAUTIONARY, Availability
from db.domain.depth import LINE_NAMES
from db.i18n import translated
from desktop.common.availability_icons import status_label
from desktop.common.competition_colours import competition_swatch
from desktop.common.kickoff import weekday_date
from desktop.common.screen_base import ReadsWhenShown

if TYPE_CHECKING:
    from db.calendar.queries import FixtureRow
    from db.medical.forecast import Forecast, ForecastPlayer
    from desktop.context import AppContext

Index = QModelIndex | QPersistentModelIndex
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
StatusRole = int(Qt.ItemDataRole.UserRole) + 20  # a cell's status ("injured", …); None on heading rows
PlayerRole = int(Qt.ItemDataRole.UserRole) + 21  # the row's player id (None on heading rows)
HeadingRole = int(Qt.ItemDataRole.UserRole) + 22  # True on a line's heading row
DEFAULT_FIXTURES = 8
KINDS = (INJURY, BOOKING, SUSPENSION, ABSENCE, REGISTRATION, FIXTURE, PLAYER, MEMBERSHIP)


@dataclass(frozen=True, slots=True)
class GridRow:
    """A row of the grid: a line's heading (``player`` None) or a player (index into the forecast)."""

    line: str | None
    player: int | None = None


def side_letter(side: str) -> str:
    """(H), (A) or (N) after the opponent."""
    if side == "home":
        return QCoreApplication.translate("Forecast", "H")
    if side == "away":
        return QCoreApplication.translate("Forecast", "A")
    return QCoreApplication.translate("Forecast", "N")


def line_title(line: str | None) -> str:
    """Goalkeepers, Defenders, … (or "No position")."""
    return translated(LINE_NAMES[line]) if line in LINE_NAMES else QCoreApplication.translate("Forecast", "No position")


class ForecastModel(QAbstractTableModel, ReadsWhenShown):
    """Column 0 is the player, columns 1…N the fixtures; ``count`` fixtures from the planning date."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count = DEFAULT_FIXTURES
        self.show_academy = False
        self.forecast: Forecast | None = None
        self._rows: list[GridRow] = []
        self._available: list[int] = []  # per fixture, shown players available
        self._line_counts: dict[str | None, list[tuple[int, int]]] = {}  # per line, per fixture (available, shown)
        context.data_changed.connect(self.on_change)
        context.as_of_changed.connect(lambda _day: self.refresh())
        context.database_opened.connect(self.refresh)

    # --- loading ------------------------------------------------------------------------------
    def read(self) -> Forecast | None:
        """Read the forecast (one short session); None without a club and season."""
        from db.medical.forecast import availability_forecast

        c = self.context
        if c.database is None or c.club_id is None or c.season_id is None:
            return None
        with c.database.reading() as session:
            return availability_forecast(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of,
                                         count=self.count)

    def reload(self) -> None:
        """Read the grid again; rows and columns stay (a plain update) when their shape is the same."""
        self._stale = False
        forecast = self.read()
        rows = self._grid_rows(forecast)
        same = forecast is not None and self.forecast is not None and rows == self._rows \
            and [f.fixture_id for f in forecast.fixtures] == [f.fixture_id for f in self.forecast.fixtures] \
            and [p.player_id for p in forecast.players] == [p.player_id for p in self.forecast.players]
        if same:
            self.forecast = forecast
            self._count()
            last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
            if last_row >= 0:
                self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)
            return
        self.beginResetModel()
        self.forecast, self._rows = forecast, rows
        self._count()
        self.endResetModel()

    def _grid_rows(self, forecast: Forecast | None) -> list[GridRow]:
        if forecast is None:
            return []
        rows: list[GridRow] = []
        for position, player in enumerate(forecast.players):
            if player.squad_role == "academy" and not self.show_academy:
                continue
            if not rows or rows[-1].line != player.line:  # players come sorted by line
                rows.append(GridRow(player.line))
            rows.append(GridRow(player.line, position))
        return rows

    def _count(self) -> None:
        forecast = self.forecast
        fixtures = len(forecast.fixtures) if forecast else 0
        self._available = [0] * fixtures
        self._line_counts = {}
        if forecast is None:
            return
        for row in self._rows:
            if row.player is None:
                self._line_counts[row.line] = [(0, 0)] * fixtures
                continue
            counts = self._line_counts[row.line]
            for column, verdict in enumerate(forecast.verdicts[row.player]):
                free = verdict.status == AVAILABLE
                self._available[column] += free
                counts[column] = (counts[column][0] + free, counts[column][1] + 1)

    def set_count(self, count: int) -> None:
        """Forecast this many fixtures ahead."""
        if count != self.count:
            self.count = count
            self.refresh()

    def set_show_academy(self, shown: bool) -> None:
        """Include academy players (they are left out by default, as depth counts the first team)."""
        if shown != self.show_academy:
            self.show_academy = shown
            self.beginResetModel()
            self._rows = self._grid_rows(self.forecast)
            self._count()
            self.endResetModel()

    # --- the change bus -------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Re-read the grid after a write that bears on availability (later, while held)."""
        if change.touches(*KINDS):
            self.refresh()

    # --- reading --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.forecast is None:
            return 0
        return 1 + len(self.forecast.fixtures)

    def fixture(self, column: int) -> FixtureRow:
        """The fixture of a column (1…N)."""
        assert self.forecast is not None
        return self.forecast.fixtures[column - 1]

    def player(self, row: int) -> ForecastPlayer | None:
        """The player of a row (None on a heading row)."""
        grid = self._rows[row]
        return self.forecast.players[grid.player] if self.forecast is not None and grid.player is not None else None

    def verdict(self, row: int, column: int) -> Availability | None:
        """The engine's answer in a cell (None on a heading row or the player column)."""
        grid = self._rows[row]
        if self.forecast is None or grid.player is None or column < 1:
            return None
        return self.forecast.verdicts[grid.player][column - 1]

    def is_heading(self, row: int) -> bool:
        """Whether a row is a line's heading."""
        return self._rows[row].player is None

    @staticmethod
    def chance_text(verdict: Availability) -> str:
        """The chance of playing shown beside a doubt's or a rest's mark ("75%"), else nothing."""
        return f"{verdict.chance}%" if verdict.status in (DOUBTFUL, PRECAUTIONARY) and verdict.chance else ""

    def available(self, column: int) -> int:
        """How many shown players are available for a column's fixture."""
        return self._available[column - 1]

    def row_of(self, player_id: int) -> int | None:
        """The row of a player, if shown."""
        for position in range(len(self._rows)):
            player = self.player(position)
            if player is not None and player.player_id == player_id:
                return position
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        r, c, role = index.row(), index.column(), int(role)
        grid = self._rows[r]
        if role == HeadingRole:
            return grid.player is None
        if grid.player is None:
            return self._heading_data(grid.line, c, role)
        if role == PlayerRole:
            return self.forecast.players[grid.player].player_id if self.forecast else None
        if c == 0:
            return self._player_data(r, role)
        verdict = self.verdict(r, c)
        assert verdict is not None
        if role == StatusRole:
            return verdict.status
        if role == DISPLAY:
            return self.chance_text(verdict)
        if role in (TOOLTIP, ACCESSIBLE):
            return self._cell_tooltip(r, c, verdict)
        return None

    def _heading_data(self, line: str | None, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == 0:
                return line_title(line)
            available, shown = self._line_counts[line][column - 1]
            return f"{available}/{shown}"
        if role == TOOLTIP and column > 0:
            available, shown = self._line_counts[line][column - 1]
            return QCoreApplication.translate("Forecast", "{a} of {n} {line} available against {opponent}").format(
                a=available, n=shown, line=line_title(line).lower(), opponent=self.fixture(column).opponent)
        return None

    def _player_data(self, row: int, role: int) -> Any:
        player = self.player(row)
        assert player is not None
        if role == DISPLAY:
            return player.name
        if role == TOOLTIP:
            text = QCoreApplication.translate("Forecast", "{position}; double-click for the player card").format(
                position=player.position or "—")
            return f"{player.name}\n{text}"
        return None

    def _cell_tooltip(self, row: int, column: int, verdict: Availability) -> str:
        player, fixture = self.player(row), self.fixture(column)
        assert player is not None
        head = QCoreApplication.translate("Forecast", "{player} v {opponent}, {day}").format(
            player=player.name, opponent=fixture.opponent, day=weekday_date(fixture.day))
        lines = [head, status_label(verdict.status) + (f": {verdict.reason}" if verdict.reason else "")]
        if verdict.chance is not None and verdict.status != AVAILABLE:
            lines.append(QCoreApplication.translate("Forecast", "Chance of playing: {n}%").format(n=verdict.chance))
        lines.extend(verdict.notes)
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.forecast is None or not 0 <= section < self.columnCount():
            return None
        role = int(role)
        if section == 0:
            return QCoreApplication.translate("Forecast", "Player") if role == DISPLAY else None
        fixture = self.fixture(section)
        if role == DISPLAY:
            available = QCoreApplication.translate("Forecast", "{n} available").format(n=self.available(section))
            return (f"{weekday_date(fixture.day, year=False)}\n{fixture.opponent} ({side_letter(fixture.venue_side)})"
                    f"\n{fixture.competition}\n{available}")
        if role == int(Qt.ItemDataRole.DecorationRole):
            return competition_swatch(fixture.competition_id)
        if role == TOOLTIP:
            shown = sum(1 for r in self._rows if r.player is not None)
            return QCoreApplication.translate(
                "Forecast", "{day}: {opponent}, {competition}{round}\n{a} of {n} players available").format(
                day=weekday_date(fixture.day), opponent=fixture.opponent, competition=fixture.competition,
                round=f" ({fixture.round})" if fixture.round else "", a=self.available(section), n=shown)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
