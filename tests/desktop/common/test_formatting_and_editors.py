"""How money, dates and nationalities read, and what the editors hand back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLineEdit, QSpinBox

from desktop.common.columns import CHOICE, DATE, INT, MONEY, SHIRT, TEXT, Column
from desktop.common.editors import editor_value, make_editor, set_editor_value
from desktop.common.formatting import (
    contract_tooltip,
    format_date,
    format_money,
    format_nationality,
    last_name,
)

UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
SPAIN = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)


def test_money_is_compact_in_the_users_locale(qapp) -> None:
    assert format_money(2_250_000_000, "EUR", UK) == "€22.5M"
    assert format_money(85_000_000, "EUR", UK) == "€850K"
    assert format_money(40_000, "GBP", UK) == "£400"
    assert format_money(None, "EUR", UK) == ""
    assert "22,5" in format_money(2_250_000_000, "EUR", SPAIN)


def test_dates_nationalities_and_contract_countdown(qapp) -> None:
    assert format_date(dt.date(2025, 5, 2), UK) == "2 May 2025"
    assert format_nationality(("BRA", "ESP"), True) == "BRA/ESP · EU"
    assert format_nationality(("ENG",), False) == "ENG · non-EU"
    assert format_nationality((), None) == ""
    may = dt.date(2025, 5, 2)
    assert contract_tooltip(dt.date(2025, 6, 30), may) == "Contract ends in 1 month"
    assert contract_tooltip(dt.date(2025, 4, 30), may).startswith("Contract ended on")


def _column(editor: str, **extra) -> Column:
    return Column("k", "K", lambda row: None, "field", "table", editor, **extra)


def test_last_name_is_what_staff_call_a_player() -> None:
    assert last_name("Jude Bellingham") == "Bellingham"
    assert last_name("Vinícius Júnior") == "Vinícius"
    assert last_name("Vinícius José Paixão de Oliveira Júnior") == "Oliveira"
    assert last_name("Endrick") == "Endrick"
    assert last_name("Trent Alexander-Arnold") == "Alexander-Arnold"


def test_each_editor_round_trips_its_value(qtbot) -> None:
    cases = [
        (_column(SHIRT, value_range=(1, 99)), QSpinBox, 10),
        (_column(INT, value_range=(0, 200)), QSpinBox, 0),
        (_column(DATE), QDateEdit, dt.date(2029, 6, 30)),
        (_column(MONEY), QDoubleSpinBox, 2_250_000_000),
        (_column(TEXT), QLineEdit, "Jude Bellingham"),
        (_column(CHOICE, choices=(("out", "Out"), ("doubtful", "Doubtful"))), QComboBox, "doubtful"),
    ]
    for column, kind, value in cases:
        editor = make_editor(column, None, "EUR")
        qtbot.addWidget(editor)
        assert isinstance(editor, kind)
        set_editor_value(editor, value)
        assert editor_value(editor) == value
        if not isinstance(editor, (QLineEdit, QComboBox)):
            set_editor_value(editor, None)
            assert editor_value(editor) is None  # "—" means no value


def test_number_editors_take_their_range_from_the_column(qtbot) -> None:
    editor = make_editor(_column(SHIRT, value_range=(1, 99)), None, "EUR")
    qtbot.addWidget(editor)
    assert isinstance(editor, QSpinBox) and (editor.minimum(), editor.maximum()) == (0, 99)  # 0 shows "—"
