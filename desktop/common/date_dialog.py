"""A calendar in a small dialog: how the user picks a day (the planning date, later a match day)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDialog, QVBoxLayout, QWidget


def pick_date(parent: QWidget | None, title: str, day: dt.date, name: str = "dateDialog") -> dt.date | None:
    """Show a calendar on ``day``; return the day clicked (or chosen with Enter), None if cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    calendar = QCalendarWidget(dialog)
    calendar.setObjectName(f"{name}Calendar")
    calendar.setAccessibleName(title)
    calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    calendar.activated.connect(dialog.accept)
    calendar.clicked.connect(dialog.accept)
    QVBoxLayout(dialog).addWidget(calendar)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = calendar.selectedDate()
    dialog.deleteLater()
    return dt.date(chosen.year(), chosen.month(), chosen.day()) if accepted else None
