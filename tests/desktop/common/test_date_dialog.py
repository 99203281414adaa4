"""Picking a day from the calendar dialog (the planning date uses it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDialog

from desktop.common.date_dialog import pick_date


def _on_dialog(action) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            action(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_a_clicked_day_is_returned(qapp) -> None:
    def choose(dialog: QDialog) -> None:
        calendar = dialog.findChild(QCalendarWidget, "planningDateDialogCalendar")
        calendar.setSelectedDate(QDate(2025, 5, 11))
        calendar.activated.emit(calendar.selectedDate())

    _on_dialog(choose)
    assert pick_date(None, "Planning date", dt.date(2025, 5, 2), "planningDateDialog") == dt.date(2025, 5, 11)


def test_cancel_returns_nothing(qapp) -> None:
    _on_dialog(lambda dialog: dialog.reject())
    assert pick_date(None, "Planning date", dt.date(2025, 5, 2)) is None
