"""The ranked list of players for one place (Enter on a slot): those who can play first, then by
how well they fit the position; Enter or a double-click picks one. Players who cannot play are
listed last, greyed, with the reason.

Signals:
    picked(player_id): a player was chosen for the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.domain.availability import AVAILABLE
from db.domain.lineup import NATURAL, SECONDARY, position_fit
from db.domain.lineup_rules import Candidate, status_words
from desktop.common.availability_icons import availability_icon


def fit_text(slot_position: str, candidate: Candidate) -> str:
    """How a player fits a position, in words."""
    fit = position_fit(slot_position, *candidate.positions)
    if fit == NATURAL:
        return QCoreApplication.translate("LineupCandidates", "his position")
    if fit == SECONDARY:
        return QCoreApplication.translate("LineupCandidates", "plays there too")
    return QCoreApplication.translate("LineupCandidates", "out of position ({position})").format(
        position=candidate.primary_position or "?")


class CandidatePopup(QDialog):
    """Candidates for a place, best first; ``named`` says where the lineup already has a player
    ("starts at CB", "substitute"); ``picked`` carries the chosen player."""

    picked = Signal(int)

    def __init__(self, title: str, slot_position: str, candidates: Sequence[Candidate], named: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidateDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = QLabel(title)
        heading.setObjectName("candidateTitle")
        self.list = QListWidget()
        self.list.setObjectName("candidateList")
        self.list.setAccessibleName(self.tr("Candidates"))
        first: int | None = None
        for candidate in candidates:
            item = QListWidgetItem(self._line(candidate, slot_position, named.get(candidate.player_id, "")))
            item.setData(Qt.ItemDataRole.UserRole, candidate.player_id)
            icon = availability_icon(candidate.availability.status)
            if icon is not None:
                item.setIcon(icon)
            if not candidate.can_play:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(candidate.availability.reason)
            elif first is None:
                first = self.list.count()
            self.list.addItem(item)
        if first is not None:
            self.list.setCurrentRow(first)
        self.list.itemActivated.connect(self._pick)
        hint = QLabel(self.tr("Enter picks · Esc closes"))
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        self.resize(460, 520)

    def _line(self, candidate: Candidate, slot_position: str, where: str) -> str:
        number = f"{candidate.shirt_number}  " if candidate.shirt_number is not None else ""
        parts = [f"{number}{candidate.name}", candidate.primary_position or "?"]
        if slot_position:
            parts.append(fit_text(slot_position, candidate))
        if candidate.availability.status != AVAILABLE:
            parts.append(status_words(candidate.availability))
        if where:
            parts.append(where)
        return " · ".join(parts)

    def _pick(self, item: QListWidgetItem) -> None:
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self.picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def choose(self, player_id: int) -> bool:
        """Pick a player as the user would (tests, scripts); False when he is not offered or cannot play."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == player_id and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self._pick(item)
                return True
        return False
