"""A board card: the player, the injury, when he should be back and what it costs in matches."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from db.domain.availability import day_text, window_text
from db.medical.queries import InjuryRow
from desktop.common.drop_columns import paint_card_frame
from desktop.common.formatting import last_name
from desktop.theme import colour

CARD_HEIGHT = 84
#: A ``Card`` describing an item of a board lane (the delegate paints only that).
CardRole = int(Qt.ItemDataRole.UserRole) + 10
_ACCENTS = {"out": "status_out", "assessment": "status_out", "rehab": "status_out", "doubtful": "status_doubt",
            "precautionary": "status_doubt", "training": "status_doubt", "match_fit": "status_back",
            "recovered": "status_back"}


def window_line(row: InjuryRow) -> str:
    """"back 15–30 Jun", "back 4 May", "back on 30 Apr" or "no return date"."""
    if row.returned_on is not None:
        return QCoreApplication.translate("InjuryCard", "back on {d}").format(d=day_text(row.returned_on))
    window = window_text(row.expected_return_earliest, row.expected_return_latest)
    if row.overdue:
        return QCoreApplication.translate("InjuryCard", "overdue: was due {w}").format(w=window)
    if not window:
        return QCoreApplication.translate("InjuryCard", "no return date")
    return QCoreApplication.translate("InjuryCard", "back {w}").format(w=window)


def matches_text(row: InjuryRow) -> str:
    """"6 matches" still to miss from the planning date, or "" for none."""
    if not row.matches_out_left or row.returned_on is not None:
        return ""
    if row.matches_out_left == 1:
        return QCoreApplication.translate("InjuryCard", "1 match")
    return QCoreApplication.translate("InjuryCard", "{n} matches").format(n=row.matches_out_left)


def return_text(row: InjuryRow) -> str:
    """"back 15–30 Jun · 6 matches": the window and what it costs."""
    return " · ".join(part for part in (window_line(row), matches_text(row)) if part)


@dataclass(frozen=True, slots=True)
class Card:
    """What a card shows: an accent (a palette name), a bold title, a line, then small muted lines."""

    accent: str
    title: str
    lines: tuple[str, ...]


def injury_card(row: InjuryRow) -> Card:
    """An injury's card: who, what, when back, and what it costs."""
    # Staff talk in surnames; the full name, injury and notes are in the tooltip.
    title = (f"{row.shirt_number}  " if row.shirt_number is not None else "") + last_name(row.name)
    details = [matches_text(row)]
    if row.chance_of_playing is not None:
        details.append(f"{row.chance_of_playing}%")
    if row.surgery:
        details.append("✚")
    details.append(row.body_part or "")
    accent = "status_out" if row.overdue else _ACCENTS.get(row.status, "status_muted")
    return Card(accent, title,
                (row.kind, window_line(row), " · ".join(d for d in details if d)))


class CardDelegate(QStyledItemDelegate):
    """Paints each item's ``CardRole`` as a small card with an accent for its seriousness."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(120, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        card_data = index.data(CardRole)
        if not isinstance(card_data, Card):
            return
        painter.save()
        text_area = paint_card_frame(painter, option.rect,
                                     selected=bool(option.state & QStyle.StateFlag.State_Selected),
                                     accent=card_data.accent)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        lines = [(bold, card_data.title, "text")]
        for number, text in enumerate(card_data.lines):
            lines.append((base, text, "text") if number == 0 else (small, text, "muted"))
        y = text_area.top()
        for font, text, tone in lines:
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour(tone))
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_area.width())
            painter.drawText(QRect(text_area.left(), y, text_area.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
            y += metrics.height() + 1
            if y > text_area.bottom() - metrics.height() // 2:
                break
        painter.restore()
