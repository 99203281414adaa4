"""Editors for values Dugout stores: dates (with "no date"), money in millions, choices, numbers.

Each kind of ``desktop.common.columns`` has one editor here, with the range its column takes from
``db.domain``; ``editor_value``/``set_editor_value`` convert between editor and stored value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from db.domain.vocab import POSITIONS
from desktop.common.columns import CHOICE, DATE, FOOT, INT, MONEY, POSITION, POSITIONS_LIST, SHIRT, Column
from desktop.common.formatting import DATE_FORMAT, FOOT_LABELS, currency_symbol, display_locale

NO_DATE = QDate(1900, 1, 1)
CENTS_PER_MILLION = 100_000_000
EMPTY = "—"  # what an editor shows for "no value"


def make_date_edit(parent: QWidget | None, allow_empty: bool = True) -> QDateEdit:
    """A date editor with a calendar popup; its minimum date stands for "no date"."""
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(DATE_FORMAT)
    if allow_empty:
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(EMPTY)
        editor.setDate(NO_DATE)
    return editor


def date_of(editor: QDateEdit) -> dt.date | None:
    """The editor's date, or None at the "no date" minimum."""
    day = editor.date()
    if editor.specialValueText() and day == editor.minimumDate():
        return None
    return dt.date(day.year(), day.month(), day.day())


def set_date(editor: QDateEdit, day: dt.date | None) -> None:
    """Show ``day`` (or "no date") in a date editor."""
    editor.setDate(QDate(day.year, day.month, day.day) if day else editor.minimumDate())


def make_money_edit(parent: QWidget | None, currency: str) -> QDoubleSpinBox:
    """Money in millions of the club's currency ("€ 22.500 M"); the minimum means "unknown"."""
    editor = QDoubleSpinBox(parent)
    editor.setLocale(display_locale())
    editor.setDecimals(3)
    editor.setRange(-0.001, 100_000)
    editor.setSpecialValueText(EMPTY)
    editor.setPrefix(currency_symbol(currency) + " ")
    editor.setSuffix(" " + QCoreApplication.translate("Format", "M"))  # millions
    editor.setGroupSeparatorShown(True)
    editor.setValue(editor.minimum())
    return editor


def money_of(editor: QDoubleSpinBox) -> int | None:
    """Cents from a money editor, or None."""
    return None if editor.value() < 0 else round(editor.value() * CENTS_PER_MILLION)


def set_money(editor: QDoubleSpinBox, cents: int | None) -> None:
    """Show cents (or "unknown") in a money editor."""
    editor.setValue(editor.minimum() if cents is None else cents / CENTS_PER_MILLION)


def make_number_edit(parent: QWidget | None, value_range: tuple[int, int]) -> QSpinBox:
    """A whole number in ``value_range``; one below its low end shows "—" and means "none"."""
    spin = QSpinBox(parent)
    spin.setRange(value_range[0] - 1, value_range[1])
    spin.setSpecialValueText(EMPTY)
    spin.setValue(spin.minimum())
    return spin


def number_of(editor: QSpinBox) -> int | None:
    """The spin box's number, or None at its "—" minimum."""
    return None if editor.value() == editor.minimum() else editor.value()


def fill_choices(combo: QComboBox, kind: str) -> None:
    """Items of a position or foot combo box, "—" (None) first."""
    combo.addItem(EMPTY, None)
    if kind == POSITION:
        for code in POSITIONS:
            combo.addItem(code, code)
    else:
        for value, label in FOOT_LABELS.items():
            combo.addItem(QCoreApplication.translate("Format", label), value)


def make_editor(column: Column, parent: QWidget | None, currency: str, context: str = "Columns") -> QWidget:
    """The editor for a column's kind, with the column's range or choices (labels translated in
    ``context``, the column table's own)."""
    editor: QWidget
    if column.editor == CHOICE:
        combo = QComboBox(parent)
        for value, label in column.choices:
            combo.addItem(QCoreApplication.translate(context, label), value)
        editor = combo
    elif column.editor in (SHIRT, INT):
        editor = make_number_edit(parent, column.value_range or (0, 999_999))
    elif column.editor in (POSITION, FOOT):
        combo = QComboBox(parent)
        fill_choices(combo, column.editor)
        editor = combo
    elif column.editor == DATE:
        editor = make_date_edit(parent)
    elif column.editor == MONEY:
        editor = make_money_edit(parent, currency)
    else:
        line = QLineEdit(parent)
        if column.editor == POSITIONS_LIST:
            line.setPlaceholderText(" ".join(POSITIONS))
        editor = line
    return editor


def editor_value(editor: QWidget) -> Any:
    """The Python value an editor holds (None for "—")."""
    if isinstance(editor, QDateEdit):
        return date_of(editor)
    if isinstance(editor, QDoubleSpinBox):
        return money_of(editor)
    if isinstance(editor, QSpinBox):
        return number_of(editor)
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None


def set_editor_value(editor: QWidget, value: Any) -> None:
    """Show a stored value in an editor made by ``make_editor``."""
    if isinstance(editor, QDateEdit):
        set_date(editor, value)
    elif isinstance(editor, QDoubleSpinBox):
        set_money(editor, value)
    elif isinstance(editor, QSpinBox):
        editor.setValue(editor.minimum() if value is None else int(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QLineEdit):
        editor.setText(", ".join(value) if isinstance(value, tuple) else str(value or ""))
