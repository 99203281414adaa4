"""Dialogs of the transfer screens: a deal's terms (fee, currency and rate, instalments, add-ons,
contract, wage), a season's budgets, a new scenario. Each saves through one undo command; a
refused value is shown beside its field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.domain.deals import CURRENCY_CODES, DATE_RANGE, DEAL_KINDS, DEAL_STATUSES, rate_text
from db.errors import ValidationError
from desktop.common.editors import (
    EMPTY,
    date_of,
    make_date_edit,
    make_money_edit,
    make_number_edit,
    money_of,
    number_of,
    set_date,
    set_money,
)
from desktop.common.form_dialog import FormDialog
from desktop.common.naming import named
from desktop.transfers.columns import KIND_NAMES, PRIORITY_NAMES, STATUS_NAMES

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

CENTS_PER_MILLION = 100_000_000


def _named(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ShortlistColumns", text)


def millions_to_cents(field: str, text: str) -> int:
    """Cents from an amount typed in millions ("16.667"); refused naming ``field`` when not one."""
    from PySide6.QtCore import QCoreApplication

    try:
        cents = Decimal(text.strip().replace(",", ".")) * CENTS_PER_MILLION
    except InvalidOperation:
        raise ValidationError(field, "not_money", QCoreApplication.translate(
            "DealDialog", "'{v}' is not an amount in millions").format(v=text)) from None
    if not cents.is_finite() or cents != cents.to_integral_value() or cents <= 0:
        raise ValidationError(field, "not_money", QCoreApplication.translate(
            "DealDialog", "'{v}' is not a positive amount in millions, to the cent").format(v=text))
    return int(cents)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def bounded(editor: QDateEdit) -> QDateEdit:
    """A date editor held to the dates a deal may have (``DATE_RANGE``); an editor that may be
    empty keeps the day before the range for "no date"."""
    low, high = DATE_RANGE
    if editor.specialValueText():
        low -= dt.timedelta(days=1)
    editor.setDateRange(_qdate(low), _qdate(high))
    return editor


class DealDialog(FormDialog):
    """Record a deal or change one: who, what kind, the stage, the money in its own currency
    (with the rate on the deal date), instalments, add-ons, the contract and the wage."""

    def __init__(self, context: AppContext, state: TransferState, *, deal_id: int | None = None,
                 player_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "dealDialog", parent)
        self.state, self.deal_id, self.stored, self.version = state, deal_id, None, 0
        self.shown_money: dict[QDoubleSpinBox, tuple[float, int]] = {}  # what an editor showed for which cents
        if deal_id is not None and context.database is not None:
            from db.transfers.writes import read_deal

            self.stored, self.version = read_deal(context.database, deal_id)
        self.setWindowTitle(self.tr("Change the deal") if deal_id else self.tr("Record a deal"))
        self._two_columns()
        players, clubs, ours = self._choices()
        self.player = self.add_field("player_id", self.tr("Player"), QComboBox())
        for pid, label in players:
            self.player.addItem(label, pid)
        self.kind = self.add_field("kind", self.tr("Kind"), QComboBox())
        for kind in DEAL_KINDS:
            self.kind.addItem(_named(KIND_NAMES[kind]), kind)
        self.status = self.add_field("status", self.tr("Stage"), QComboBox())
        for status in DEAL_STATUSES:
            self.status.addItem(_named(STATUS_NAMES[status]), status)
        self.priority = self.add_field("priority", self.tr("Priority"), QComboBox())
        self.priority.addItem(EMPTY, None)
        for value, label in PRIORITY_NAMES.items():
            self.priority.addItem(_named(label), value)
        self.club = self.add_field("club_id", self.tr("Other club"), QComboBox())
        self.club.addItem(EMPTY, None)
        for cid, name in clubs:
            self.club.addItem(name, cid)
        self.deal_date = self.add_field("deal_date", self.tr("Deal date"), bounded(make_date_edit(None, False)))
        self.starts = self.add_field("starts_on", self.tr("Moves on"), bounded(make_date_edit(None, False)))
        self.contract_end = self.add_field("contract_end", self.tr("Contract until"), bounded(make_date_edit(None)))
        self.replaces = self.add_field("replaces_player_id", self.tr("Replaces"), QComboBox())
        self.replaces.addItem(EMPTY, None)
        for pid, name in ours:
            self.replaces.addItem(name, pid)
        self.notes = self.add_field("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(64)
        self.form = self.right
        self.currency = self.add_field("currency", self.tr("Currency"), QComboBox())
        for code in dict.fromkeys((context.currency, *CURRENCY_CODES)):
            self.currency.addItem(code, code)
        self.rate = self.add_field("rate_ppm", self.tr("Rate on the deal date"), QLineEdit())
        self.rate.setPlaceholderText(self.tr("{c} per unit, e.g. 1.19").format(c=context.currency))
        self.fee = self.add_field("fee_cents", self.tr("Fee"), make_money_edit(None, context.currency))
        self.asking = self.add_field("asking_fee_cents", self.tr("Asking fee"), make_money_edit(None, context.currency))
        self.valuation = self.add_field("valuation_cents", self.tr("Our valuation"),
                                        make_money_edit(None, context.currency))
        self.wage = self.add_field("annual_wage_cents", self.tr("Gross wage a year"),
                                   make_money_edit(None, context.currency))
        self.share = self.add_field("wage_share_pct", self.tr("Wage share (loan) %"), make_number_edit(None, (0, 100)))
        self.sell_on = self.add_field("sell_on_pct", self.tr("Sell-on %"), make_number_edit(None, (0, 100)))
        self.instalments = self.add_field("instalments", self.tr("Instalments"), self._table(
            "instalmentTable", (self.tr("Due"), self.tr("Amount (M)"))))
        self.split_count = named(QSpinBox(), "splitCount", self.tr("Number of yearly instalments"))
        self.split_count.setRange(1, 10)
        self.split_count.setValue(3)
        split = named(QPushButton(self.tr("Split the fee yearly")), "splitFee", self.tr("Split the fee yearly"))
        split.clicked.connect(self.split_fee)
        add_row = named(QPushButton(self.tr("+ Instalment")), "addInstalment", self.tr("Add an instalment"))
        add_row.clicked.connect(lambda: self._add_row(self.instalments, [self._default_due(), ""]))
        row = QHBoxLayout()
        for widget in (self.split_count, split, add_row):
            row.addWidget(widget)
        self.right.addRow("", row)
        self.addons = self.add_field("addons", self.tr("Add-ons"), self._table(
            "addonTable", (self.tr("Amount (M)"), self.tr("Condition"), self.tr("Chance %"))))
        add_addon = named(QPushButton(self.tr("+ Add-on")), "addAddon", self.tr("Add an add-on"))
        add_addon.clicked.connect(lambda: self._add_row(self.addons, ["", "", ""]))
        self.right.addRow("", add_addon)
        self.currency.currentIndexChanged.connect(self._currency_changed)
        self._show(player_id)
        self.resize(980, self.sizeHint().height())

    # --- building -----------------------------------------------------------------------------
    def _two_columns(self) -> None:
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.removeItem(self.form)
        self.right = QFormLayout()
        columns = QHBoxLayout()
        for number, form in enumerate((self.form, self.right)):
            stack = QVBoxLayout()
            stack.addLayout(form)
            stack.addStretch(1)
            columns.addLayout(stack, 1)
            if number == 0:
                columns.addSpacing(16)
        outer.insertLayout(0, columns)

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        for header, suffix in ((table.horizontalHeader(), "Header"), (table.verticalHeader(), "RowHeader")):
            named(header, f"{name}{suffix}", " / ".join(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setFixedHeight(104)
        return table

    def _add_row(self, table: QTableWidget, cells: list[str]) -> None:
        table.insertRow(table.rowCount())
        for column, text in enumerate(cells):
            table.setItem(table.rowCount() - 1, column, QTableWidgetItem(text))

    def _choices(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
        from sqlmodel import col, select

        from db.reference.models import Club
        from db.squad.models import Player
        from db.squad.queries import squad_rows

        c = self.context
        assert c.database is not None
        with c.database.reading() as session:
            players = [(p.id or 0, p.name) for p in session.exec(select(Player).order_by(col(Player.name)))]
            clubs = [(k.id or 0, k.name) for k in session.exec(select(Club).order_by(col(Club.name)))
                     if k.id != c.club_id]
            ours = [] if c.club_id is None or c.season_id is None else [
                (r.player_id, r.name) for r in squad_rows(session, club_id=c.club_id, season_id=c.season_id,
                                                          as_of=c.as_of)]
        return players, clubs, sorted(ours, key=lambda p: p[1])

    def _default_due(self) -> str:
        return (date_of(self.starts) or self.context.as_of).isoformat()

    # --- showing ------------------------------------------------------------------------------
    def _show(self, player_id: int | None) -> None:
        stored = self.stored
        season = self.state.season
        if stored is None:
            self.player.setCurrentIndex(self.player.findData(player_id) if player_id is not None else -1)
            ours = player_id is not None and self.replaces.findData(player_id) >= 0
            self.kind.setCurrentIndex(self.kind.findData("renewal" if ours else "purchase"))
            self.deal_date.setDate(_qdate(self.context.as_of))
            self.starts.setDate(_qdate(season.starts_on if season and season.starts_on >= self.context.as_of
                                       else self.context.as_of))
            return
        self.player.setCurrentIndex(self.player.findData(stored["player_id"]))
        self.player.setEnabled(False)
        for combo, key in ((self.kind, "kind"), (self.status, "status"), (self.priority, "priority"),
                           (self.club, "club_id"), (self.replaces, "replaces_player_id"), (self.currency, "currency")):
            combo.setCurrentIndex(max(0, combo.findData(stored[key])))
        self.deal_date.setDate(_qdate(stored["deal_date"]))
        self.starts.setDate(_qdate(stored["starts_on"]))
        set_date(self.contract_end, stored["contract_end"])
        self.rate.setText(rate_text(stored["rate_ppm"]) if stored["rate_ppm"] else "")
        for editor, key in ((self.fee, "fee_cents"), (self.asking, "asking_fee_cents"),
                            (self.valuation, "valuation_cents"), (self.wage, "annual_wage_cents")):
            set_money(editor, stored[key])
            if stored[key] is not None:
                self.shown_money[editor] = (editor.value(), stored[key])
        for spin, key in ((self.share, "wage_share_pct"), (self.sell_on, "sell_on_pct")):
            spin.setValue(spin.minimum() if stored[key] is None else stored[key])
        self.notes.setPlainText(stored["notes"] or "")
        for due, amount in stored["instalments"]:
            self._add_row(self.instalments, [due.isoformat(), f"{Decimal(amount) / CENTS_PER_MILLION:f}"])
        for addon in stored["addons"]:
            chance = addon["probability_pct"]
            self._add_row(self.addons, [f"{Decimal(addon['amount_cents']) / CENTS_PER_MILLION:f}", addon["condition"],
                                        "" if chance is None else str(chance)])
        self._currency_changed()

    def _currency_changed(self) -> None:
        from desktop.common.formatting import currency_symbol

        code = str(self.currency.currentData())
        for editor in (self.fee, self.asking, self.valuation, self.wage):
            editor.setPrefix(currency_symbol(code) + " ")
        self.rate.setEnabled(code != self.context.currency)

    def split_fee(self) -> None:
        """Fill the instalments: the fee in equal yearly parts from the day he moves."""
        from db.domain.deals import equal_instalments

        fee = money_of(self.fee)
        if not fee:
            self.show_error("fee_cents", self.tr("Set the fee first"))
            return
        self.instalments.setRowCount(0)
        for due, amount in equal_instalments(fee, self.split_count.value(), date_of(self.starts) or self.context.as_of):
            self._add_row(self.instalments, [due.isoformat(), f"{Decimal(amount) / CENTS_PER_MILLION:f}"])

    # --- saving -------------------------------------------------------------------------------
    def _cell(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def schedule(self) -> list[tuple[str, int]]:
        """The instalments typed, as (due date text, cents); empty rows are skipped."""
        out = []
        for row in range(self.instalments.rowCount()):
            due, amount = self._cell(self.instalments, row, 0), self._cell(self.instalments, row, 1)
            if due or amount:
                out.append((due, millions_to_cents("instalments", amount)))
        return out

    def extras(self) -> list[dict[str, Any]]:
        """The add-ons typed."""
        out = []
        for row in range(self.addons.rowCount()):
            amount, condition, chance = (self._cell(self.addons, row, c) for c in range(3))
            if amount or condition:
                out.append({"amount_cents": millions_to_cents("addons", amount), "condition": condition,
                            "probability_pct": chance or None})
        return out

    def money(self, editor: QDoubleSpinBox) -> int | None:
        """Cents from a money editor; the stored cents while it still shows them (it rounds to
        thousands: €16,666,666.67 shows as 16.667 M and must not be saved so)."""
        shown = self.shown_money.get(editor)
        if shown is not None and editor.value() == shown[0]:
            return shown[1]
        return money_of(editor)

    def values(self) -> dict[str, Any]:
        """The deal's fields as typed."""
        return {
            "player_id": self.player.currentData(), "kind": self.kind.currentData(),
            "status": self.status.currentData(), "priority": self.priority.currentData(),
            "club_id": self.club.currentData(), "deal_date": date_of(self.deal_date), "starts_on": date_of(self.starts),
            "contract_end": date_of(self.contract_end), "currency": self.currency.currentData(),
            "rate": self.rate.text() if self.rate.isEnabled() else None,
            "fee_cents": self.money(self.fee), "asking_fee_cents": self.money(self.asking),
            "valuation_cents": self.money(self.valuation), "annual_wage_cents": self.money(self.wage),
            "wage_share_pct": number_of(self.share), "sell_on_pct": number_of(self.sell_on),
            "replaces_player_id": self.replaces.currentData(), "notes": self.notes.toPlainText(),
        }

    def show_error(self, field: str, message: str) -> None:
        """Show a refusal beside the field it belongs to (the squad place is the stage's)."""
        super().show_error(FORM_FIELD.get(field, field), message)

    def accept(self) -> None:
        """Save as one undoable command (nothing when nothing changed); stay open on a refused value."""
        from db.transfers.validation import validate_addons, validate_deal_values, validate_instalments
        from db.transfers.writes import DealEdit
        from desktop.transfers.commands import CreateDealCommand
        from desktop.transfers.stages import stage_command, stage_text

        try:
            values, schedule, extras = self.values(), self.schedule(), self.extras()
            if values["player_id"] is None:
                raise ValidationError("player_id", "empty", self.tr("Choose a player"))
            clean = validate_deal_values(values)
            if self.stored is not None:
                schedule_changed = validate_instalments(schedule) != list(self.stored["instalments"])
                addons_changed = _addon_order(validate_addons(extras)) != _addon_order(self.stored["addons"])
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        name = self.player.currentText()
        if self.stored is None:
            command: Any = CreateDealCommand(self.context, self.tr("Record a deal for {who}").format(who=name),
                                             clean, schedule, extras)
        else:
            changes = {k: v for k, v in clean.items() if self.stored.get(k) != v and k != "player_id"}
            now = self.stored["status"]
            to = changes.pop("status", now)
            edit = DealEdit(changes, schedule if schedule_changed else None, extras if addons_changed else None)
            if to == now and edit.is_empty():
                super().accept()
                return
            text = self.tr("Change the deal for {who}").format(who=name) if to == now else stage_text(name, now, to)
            command = stage_command(self.context, self.stored["id"], self.version, now, to, text, edit=edit)
        if self.push(command):
            super().accept()


FORM_FIELD = {"membership_id": "status"}  # a refused field the form has no editor for → the one it belongs to


def _addon_order(addons: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((a["condition"], a["amount_cents"], a["probability_pct"] or 0) for a in addons)
