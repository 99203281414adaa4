"""The player card: one shared, read-only view of a player, opened from any screen.

Screens ask for it with ``AppContext.open_player(player_id)``; the main window shows this card.

Signals:
    show_in(screen_name, player_id): the user asked to see the player on another screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.formatting import (
    format_date,
    format_foot,
    format_money,
    format_nationality,
    format_number,
)
from desktop.common.naming import button_box, named

if TYPE_CHECKING:
    from db.squad.queries import PlayerCardFacts
    from desktop.context import AppContext


def load_player_card(context: AppContext, player_id: int) -> PlayerCardFacts | None:
    """What the card shows of a player in the context's season (None: no such player, or none open)."""
    from db.squad.queries import player_card

    if context.database is None:
        return None
    with context.database.reading() as session:
        return player_card(session, player_id=player_id, season_id=context.season_id, as_of=context.as_of)


class PlayerCard(QDialog):
    """A read-only card of one player: who, where, contract and money.

    ``destinations`` lists (screen name, title) of screens that can show the player; each gets a
    "Show in …" button.
    """

    show_in = Signal(str, int)

    def __init__(self, context: AppContext, facts: PlayerCardFacts,
                 destinations: list[tuple[str, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = facts.row
        self.player_id = row.player_id
        self.setObjectName("playerCard")
        self.setWindowTitle(row.name)
        form = QFormLayout()
        contract = " – ".join(t for t in (format_date(row.contract_start), format_date(row.contract_end)) if t)
        facts_shown = [
            (self.tr("Club"), f"{facts.club_name} ({facts.season_label})"),
            (self.tr("Shirt number"), format_number(row.shirt_number)),
            (self.tr("Name"), row.name),
            (self.tr("Position"), row.primary_position or ""),
            (self.tr("Other positions"), ", ".join(row.secondary_positions)),
            (self.tr("Date of birth"), format_date(row.date_of_birth)),
            (self.tr("Age"), format_number(row.age)),
            (self.tr("Nationality"), format_nationality(row.nationalities, row.is_eu)),
            (self.tr("Foot"), format_foot(row.preferred_foot)),
            (self.tr("Contract"), contract),
            (self.tr("Appearances"), format_number(row.total_appearances)),
            (self.tr("Minutes"), format_number(row.total_minutes)),
            (self.tr("Market value"), format_money(row.market_value_cents, context.currency)),
            (self.tr("Wage per year"), format_money(row.annual_wage_cents, context.currency)),
        ]
        for number, (label, value) in enumerate(facts_shown):
            shown = named(QLabel(value or "—"), f"playerFact{number}", label)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        buttons = button_box(QDialogButtonBox.StandardButton.Close, "playerCard")
        buttons.rejected.connect(self.reject)
        for name, title in destinations or []:
            text = self.tr("Show in {screen}").format(screen=title)
            button = named(QPushButton(text), f"showIn_{name}", text)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, n=name: self._show_in(n))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_in(self, screen_name: str) -> None:
        self.show_in.emit(screen_name, self.player_id)
        self.accept()

    def fact(self, label: str) -> str:
        """The text shown for a fact by its label (tests and screen readers)."""
        for child in self.findChildren(QLabel):
            if child.accessibleName() == label and child.objectName().startswith("playerFact"):
                return child.text()
        return ""
