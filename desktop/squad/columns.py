"""The squad table's columns in one place: what each shows, which field it edits, how it sorts."""

from __future__ import annotations

import datetime as dt

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
    Formats,
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


def _born(row: SquadRow, f: Formats) -> str:
    return format_date(row.date_of_birth, f.locale) or ("" if row.birth_year is None else str(row.birth_year))


COLUMNS: tuple[Column, ...] = (
    Column("shirt", QT_TRANSLATE_NOOP("SquadColumns", "#"), lambda r: r.shirt_number, "shirt_number", MEMBERSHIP,
           SHIRT, QT_TRANSLATE_NOOP("SquadColumns", "shirt number"), lambda r: r.shirt_number, numeric=True,
           value_range=SHIRT_NUMBERS, display=lambda r, f: format_number(r.shirt_number, f.locale)),
    Column("name", QT_TRANSLATE_NOOP("SquadColumns", "Name"), lambda r: fold(r.name), "name", PLAYER, TEXT,
           QT_TRANSLATE_NOOP("SquadColumns", "name"), lambda r: r.name, display=lambda r, f: r.name),
    # Availability for the next match: the model fills text, icon, tooltip and sort order in.
    Column("availability", QT_TRANSLATE_NOOP("SquadColumns", "Status"), lambda r: None),
    Column("position", QT_TRANSLATE_NOOP("SquadColumns", "Pos"), lambda r: _position_rank(r.primary_position),
           "primary_position", PLAYER, POSITION, QT_TRANSLATE_NOOP("SquadColumns", "position"),
           lambda r: r.primary_position, display=lambda r, f: r.primary_position or ""),
    Column("other_positions", QT_TRANSLATE_NOOP("SquadColumns", "Also plays"),
           lambda r: ",".join(r.secondary_positions) or None, "secondary_positions", PLAYER, POSITIONS_LIST,
           QT_TRANSLATE_NOOP("SquadColumns", "other positions"), lambda r: r.secondary_positions,
           display=lambda r, f: ", ".join(r.secondary_positions)),
    Column("age", QT_TRANSLATE_NOOP("SquadColumns", "Age"), lambda r: r.age, numeric=True,
           display=lambda r, f: format_number(r.age, f.locale)),
    Column("born", QT_TRANSLATE_NOOP("SquadColumns", "Born"), lambda r: _ordinal(r.date_of_birth), "date_of_birth",
           PLAYER, DATE, QT_TRANSLATE_NOOP("SquadColumns", "date of birth"), lambda r: r.date_of_birth,
           display=_born),
    Column("nationality", QT_TRANSLATE_NOOP("SquadColumns", "Nationality"),
           lambda r: ",".join(r.nationalities) or None, "nationalities", PLAYER, NATIONALITIES,
           QT_TRANSLATE_NOOP("SquadColumns", "nationality"), lambda r: r.nationalities,
           display=lambda r, f: format_nationality(r.nationalities, r.is_eu)),
    Column("foot", QT_TRANSLATE_NOOP("SquadColumns", "Foot"), lambda r: r.preferred_foot, "preferred_foot", PLAYER,
           FOOT, QT_TRANSLATE_NOOP("SquadColumns", "foot"), lambda r: r.preferred_foot,
           display=lambda r, f: format_foot(r.preferred_foot)),
    Column("contract_end", QT_TRANSLATE_NOOP("SquadColumns", "Contract"), lambda r: _ordinal(r.contract_end),
           "contract_end", MEMBERSHIP, DATE, QT_TRANSLATE_NOOP("SquadColumns", "contract end"),
           lambda r: r.contract_end, display=lambda r, f: format_date(r.contract_end, f.locale)),
    # Shown: the stored count plus the matches with a report; edited: the stored count (the baseline).
    Column("appearances", QT_TRANSLATE_NOOP("SquadColumns", "Apps"), lambda r: r.total_appearances, "appearances",
           MEMBERSHIP, INT, QT_TRANSLATE_NOOP("SquadColumns", "appearances"), lambda r: r.appearances,
           numeric=True, value_range=APPEARANCES, display=lambda r, f: format_number(r.total_appearances, f.locale)),
    Column("minutes", QT_TRANSLATE_NOOP("SquadColumns", "Mins"), lambda r: r.total_minutes, "minutes_played",
           MEMBERSHIP, INT, QT_TRANSLATE_NOOP("SquadColumns", "minutes"), lambda r: r.minutes_played,
           numeric=True, value_range=MINUTES, display=lambda r, f: format_number(r.total_minutes, f.locale)),
    Column("value", QT_TRANSLATE_NOOP("SquadColumns", "Value"), lambda r: r.market_value_cents, "market_value_cents",
           PLAYER, MONEY, QT_TRANSLATE_NOOP("SquadColumns", "market value"), lambda r: r.market_value_cents,
           numeric=True, display=lambda r, f: format_money(r.market_value_cents, f.currency, f.locale)),
    Column("wage", QT_TRANSLATE_NOOP("SquadColumns", "Wage/yr"), lambda r: r.annual_wage_cents, "annual_wage_cents",
           MEMBERSHIP, MONEY, QT_TRANSLATE_NOOP("SquadColumns", "wage"), lambda r: r.annual_wage_cents, numeric=True,
           display=lambda r, f: format_money(r.annual_wage_cents, f.currency, f.locale)),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
