"""Picking a day from the calendar dialog (the planning date uses it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCalendarWidget, QDialog

from desktop.common.date_dialog import pick_date
from tests.helpers import when_modal


def test_a_clicked_day_is_returned(qapp) -> None:
    def choose(dialog: QDialog) -> None:
        calendar = dialog.findChild(QCalendarWidget, "planningDateDialogCalendar")
        calendar.setSelectedDate(QDate(2025, 5, 11))
        calendar.activated.emit(calendar.selectedDate())

    when_modal(QDialog, choose)
    assert pick_date(None, "Planning date", dt.date(2025, 5, 2), "planningDateDialog") == dt.date(2025, 5, 11)


def test_cancel_returns_nothing(qapp) -> None:
    when_modal(QDialog, lambda dialog: dialog.reject())
    assert pick_date(None, "Planning date", dt.date(2025, 5, 2)) is None
