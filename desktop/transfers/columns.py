"""The shortlist's columns, the pipeline's stages and the names of deal kinds, in one place."""

from __future__ import annotations

from PySide6.QtCore import QDate

from db.changes import DEAL
from db.domain.deals import DEAL_KINDS, DEAL_STATUSES, PRIORITIES
from db.domain.text import fold
from db.domain.vocab import POSITIONS
from db.transfers.queries import TargetRow
from desktop.common.columns import CHOICE, MONEY, Column, Formats
from desktop.common.formatting import format_money, format_nationality, format_number, last_name
from desktop.i18n import QT_TRANSLATE_NOOP

HEADER_CONTEXT = "ShortlistColumns"
STATUS_NAMES: dict[str, str] = {
    "scouting": QT_TRANSLATE_NOOP("ShortlistColumns", "Scouting"),
    "bid": QT_TRANSLATE_NOOP("ShortlistColumns", "Bid"),
    "agreed": QT_TRANSLATE_NOOP("ShortlistColumns", "Agreed"),
    "signed": QT_TRANSLATE_NOOP("ShortlistColumns", "Signed"),
    "dropped": QT_TRANSLATE_NOOP("ShortlistColumns", "Dropped"),
}
PRIORITY_NAMES: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("ShortlistColumns", "High"),
    2: QT_TRANSLATE_NOOP("ShortlistColumns", "Medium"),
    3: QT_TRANSLATE_NOOP("ShortlistColumns", "Low"),
}
KIND_NAMES: dict[str, str] = {
    "purchase": QT_TRANSLATE_NOOP("ShortlistColumns", "Purchase"),
    "sale": QT_TRANSLATE_NOOP("ShortlistColumns", "Sale"),
    "loan_in": QT_TRANSLATE_NOOP("ShortlistColumns", "Loan in"),
    "loan_out": QT_TRANSLATE_NOOP("ShortlistColumns", "Loan out"),
    "renewal": QT_TRANSLATE_NOOP("ShortlistColumns", "Renewal"),
}


def _translated(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(HEADER_CONTEXT, text)


def _money(cents: int | None, f: Formats) -> str:
    return format_money(cents, f.currency, f.locale)


def _ordinal(row: TargetRow) -> int | None:
    return row.contract_end.toordinal() if row.contract_end else None


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("ShortlistColumns", "Name"), lambda r: fold(r.name), display=lambda r, f: r.name),
    Column("kind", QT_TRANSLATE_NOOP("ShortlistColumns", "Kind"), lambda r: DEAL_KINDS.index(r.kind),
           display=lambda r, f: _translated(KIND_NAMES[r.kind])),
    Column("age", QT_TRANSLATE_NOOP("ShortlistColumns", "Age"), lambda r: r.age, numeric=True,
           display=lambda r, f: format_number(r.age, f.locale)),
    Column("position", QT_TRANSLATE_NOOP("ShortlistColumns", "Pos"),
           lambda r: POSITIONS.index(r.position) if r.position in POSITIONS else None,
           display=lambda r, f: r.position or ""),
    Column("club", QT_TRANSLATE_NOOP("ShortlistColumns", "Club"), lambda r: fold(r.club), display=lambda r, f: r.club),
    Column("nationality", QT_TRANSLATE_NOOP("ShortlistColumns", "Nationality"),
           lambda r: ",".join(r.nationalities) or None,
           display=lambda r, f: format_nationality(r.nationalities, r.is_eu)),
    Column("contract_end", QT_TRANSLATE_NOOP("ShortlistColumns", "Ends"), _ordinal,
           noun=QT_TRANSLATE_NOOP("ShortlistColumns", "contract end at his club"),
           display=lambda r, f: f.locale.toString(QDate(r.contract_end.year, r.contract_end.month, 1), "MMM yyyy")
           if r.contract_end else ""),
    Column("value", QT_TRANSLATE_NOOP("ShortlistColumns", "Value"), lambda r: r.market_value_cents, numeric=True,
           noun=QT_TRANSLATE_NOOP("ShortlistColumns", "market value"),
           display=lambda r, f: _money(r.market_value_cents, f)),
    Column("asking", QT_TRANSLATE_NOOP("ShortlistColumns", "Asking"), lambda r: r.asking_fee_cents,
           "asking_fee_cents", DEAL, MONEY, QT_TRANSLATE_NOOP("ShortlistColumns", "asking fee"),
           lambda r: r.asking_fee_cents, numeric=True, display=lambda r, f: _money(r.asking_fee_cents, f)),
    Column("valuation", QT_TRANSLATE_NOOP("ShortlistColumns", "Ours"), lambda r: r.valuation_cents,
           "valuation_cents", DEAL, MONEY, QT_TRANSLATE_NOOP("ShortlistColumns", "our valuation"),
           lambda r: r.valuation_cents, numeric=True, display=lambda r, f: _money(r.valuation_cents, f)),
    Column("fee", QT_TRANSLATE_NOOP("ShortlistColumns", "Fee"), lambda r: r.fee_cents, "fee_cents", DEAL, MONEY,
           QT_TRANSLATE_NOOP("ShortlistColumns", "fee"), lambda r: r.fee_cents, numeric=True,
           display=lambda r, f: _money(r.fee_cents, f)),
    Column("wage", QT_TRANSLATE_NOOP("ShortlistColumns", "Wage"), lambda r: r.annual_wage_cents,
           "annual_wage_cents", DEAL, MONEY, QT_TRANSLATE_NOOP("ShortlistColumns", "gross wage a year"),
           lambda r: r.annual_wage_cents, numeric=True, display=lambda r, f: _money(r.annual_wage_cents, f)),
    Column("priority", QT_TRANSLATE_NOOP("ShortlistColumns", "Priority"), lambda r: r.priority, "priority", DEAL,
           CHOICE, QT_TRANSLATE_NOOP("ShortlistColumns", "priority"), lambda r: r.priority,
           display=lambda r, f: _translated(PRIORITY_NAMES[r.priority]) if r.priority in PRIORITIES else "",
           choices=((None, QT_TRANSLATE_NOOP("ShortlistColumns", "—")), *PRIORITY_NAMES.items())),
    Column("status", QT_TRANSLATE_NOOP("ShortlistColumns", "Status"), lambda r: DEAL_STATUSES.index(r.status),
           "status", DEAL, CHOICE, QT_TRANSLATE_NOOP("ShortlistColumns", "status"), lambda r: r.status,
           display=lambda r, f: _translated(STATUS_NAMES[r.status]), choices=tuple(STATUS_NAMES.items())),
    Column("replaces", QT_TRANSLATE_NOOP("ShortlistColumns", "Replaces"), lambda r: fold(r.replaces or "") or None,
           display=lambda r, f: last_name(r.replaces) if r.replaces else ""),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
