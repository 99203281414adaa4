"""The squad table's columns in one place: what each shows, which field it edits, how it sorts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from db.changes import MEMBERSHIP, PLAYER
from db.domain.squad_rules import APPEARANCES, MINUTES, SHIRT_NUMBERS
from db.domain.text import fold
from db.domain.vocab import POSITIONS
from db.squad.queries import SquadRow
from desktop.common.columns import (
    DATE,
    FOOT,
    INT,
    MONEY,
    NATIONALITIES,
    POSITION,
    POSITIONS_LIST,
    SHIRT,
    TEXT,
    Column,
)
from desktop.common.formatting import (
    format_date,
    format_foot,
    format_money,
    format_nationality,
    format_number,
)
from desktop.i18n import QT_TRANSLATE_NOOP

HEADER_CONTEXT = "SquadColumns"


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def _position_rank(code: str | None) -> int | None:
    return POSITIONS.index(code) if code in POSITIONS else None


COLUMNS: tuple[Column, ...] = (
    Column("shirt", QT_TRANSLATE_NOOP("SquadColumns", "#"), lambda r: r.shirt_number, "shirt_number", MEMBERSHIP,
           SHIRT, QT_TRANSLATE_NOOP("SquadColumns", "shirt number"), lambda r: r.shirt_number, numeric=True,
           value_range=SHIRT_NUMBERS),
    Column("name", QT_TRANSLATE_NOOP("SquadColumns", "Name"), lambda r: fold(r.name), "name", PLAYER, TEXT,
           QT_TRANSLATE_NOOP("SquadColumns", "name"), lambda r: r.name),
    Column("position", QT_TRANSLATE_NOOP("SquadColumns", "Pos"), lambda r: _position_rank(r.primary_position),
           "primary_position", PLAYER, POSITION, QT_TRANSLATE_NOOP("SquadColumns", "position"),
           lambda r: r.primary_position),
    Column("other_positions", QT_TRANSLATE_NOOP("SquadColumns", "Also plays"),
           lambda r: ",".join(r.secondary_positions) or None, "secondary_positions", PLAYER, POSITIONS_LIST,
           QT_TRANSLATE_NOOP("SquadColumns", "other positions"), lambda r: r.secondary_positions),
    Column("age", QT_TRANSLATE_NOOP("SquadColumns", "Age"), lambda r: r.age, numeric=True),
    Column("born", QT_TRANSLATE_NOOP("SquadColumns", "Born"), lambda r: _ordinal(r.date_of_birth), "date_of_birth",
           PLAYER, DATE, QT_TRANSLATE_NOOP("SquadColumns", "date of birth"), lambda r: r.date_of_birth),
    Column("nationality", QT_TRANSLATE_NOOP("SquadColumns", "Nationality"),
           lambda r: ",".join(r.nationalities) or None, "nationalities", PLAYER, NATIONALITIES,
           QT_TRANSLATE_NOOP("SquadColumns", "nationality"), lambda r: r.nationalities),
    Column("foot", QT_TRANSLATE_NOOP("SquadColumns", "Foot"), lambda r: r.preferred_foot, "preferred_foot", PLAYER,
           FOOT, QT_TRANSLATE_NOOP("SquadColumns", "foot"), lambda r: r.preferred_foot),
    Column("contract_end", QT_TRANSLATE_NOOP("SquadColumns", "Contract"), lambda r: _ordinal(r.contract_end),
           "contract_end", MEMBERSHIP, DATE, QT_TRANSLATE_NOOP("SquadColumns", "contract end"),
           lambda r: r.contract_end),
    Column("appearances", QT_TRANSLATE_NOOP("SquadColumns", "Apps"), lambda r: r.appearances, "appearances",
           MEMBERSHIP, INT, QT_TRANSLATE_NOOP("SquadColumns", "appearances"), lambda r: r.appearances,
           numeric=True, value_range=APPEARANCES),
    Column("minutes", QT_TRANSLATE_NOOP("SquadColumns", "Mins"), lambda r: r.minutes_played, "minutes_played",
           MEMBERSHIP, INT, QT_TRANSLATE_NOOP("SquadColumns", "minutes"), lambda r: r.minutes_played,
           numeric=True, value_range=MINUTES),
    Column("value", QT_TRANSLATE_NOOP("SquadColumns", "Value"), lambda r: r.market_value_cents, "market_value_cents",
           PLAYER, MONEY, QT_TRANSLATE_NOOP("SquadColumns", "market value"), lambda r: r.market_value_cents,
           numeric=True),
    Column("wage", QT_TRANSLATE_NOOP("SquadColumns", "Wage/yr"), lambda r: r.annual_wage_cents, "annual_wage_cents",
           MEMBERSHIP, MONEY, QT_TRANSLATE_NOOP("SquadColumns", "wage"), lambda r: r.annual_wage_cents, numeric=True),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
# The injury issue adds an "availability" column (an icon per row) here.


def display_strings(row: SquadRow, currency: str, locale: QLocale) -> list[str]:
    """Every column's display text for one row, in ``COLUMNS`` order, computed once when the row loads."""
    return [
        format_number(row.shirt_number, locale),
        row.name,
        row.primary_position or "",
        ", ".join(row.secondary_positions),
        format_number(row.age, locale),
        format_date(row.date_of_birth, locale) or ("" if row.birth_year is None else str(row.birth_year)),
        format_nationality(row.nationalities, row.is_eu),
        format_foot(row.preferred_foot),
        format_date(row.contract_end, locale),
        format_number(row.appearances, locale),
        format_number(row.minutes_played, locale),
        format_money(row.market_value_cents, currency, locale),
        format_money(row.annual_wage_cents, currency, locale),
    ]
