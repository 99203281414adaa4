"""Three views of one deal: its cash by season, its amortised annual cost (fee ÷ contract years,
at most five) and what it does to the chosen season's budget."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from db.domain.budget import counted_as, deal_effect
from db.domain.deals import (
    add_months,
    amortisation_in,
    amortisation_months,
    annual_amortisation,
    cash_schedule,
    rate_text,
    seasons_covering,
)
from desktop.common.formatting import format_date, format_money
from desktop.common.naming import named
from desktop.common.plain_table import PlainTableModel
from desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from db.domain.deals import DealTerms
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

log = logging.getLogger(__name__)
CONTEXT = "DealViews"
CASH_HEADERS = (QT_TRANSLATE_NOOP("DealViews", "Season"), QT_TRANSLATE_NOOP("DealViews", "Paid"),
                QT_TRANSLATE_NOOP("DealViews", "Payments"))
AMORTISATION_HEADERS = (QT_TRANSLATE_NOOP("DealViews", "Season"), QT_TRANSLATE_NOOP("DealViews", "Amortisation"),
                        QT_TRANSLATE_NOOP("DealViews", "Book value after"))
EFFECT_HEADERS = (QT_TRANSLATE_NOOP("DealViews", "In the budget of"), QT_TRANSLATE_NOOP("DealViews", "Amount"),
                  QT_TRANSLATE_NOOP("DealViews", "How it counts"))


def name_headers(view: QTableView, name: str, accessible: str) -> None:
    """Name a table's headers after the table (tests and screen readers find them so)."""
    named(view.horizontalHeader(), f"{name}Header", accessible)
    named(view.verticalHeader(), f"{name}RowHeader", accessible)


def _table(name: str, accessible: str, model: PlainTableModel) -> QTableView:
    view = named(QTableView(), name, accessible)
    name_headers(view, name, accessible)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class DealViews(QTabWidget):
    """The selected deal seen three ways; empty until a deal is shown."""

    def __init__(self, context: AppContext, state: TransferState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.state = context, state
        named(self, "dealViews", self.tr("Views of the deal"))
        self.cash = PlainTableModel(CASH_HEADERS, CONTEXT, self)
        self.amortisation = PlainTableModel(AMORTISATION_HEADERS, CONTEXT, self)
        self.effect = PlainTableModel(EFFECT_HEADERS, CONTEXT, self)
        self.summaries: dict[str, QLabel] = {}
        for key, title, model in (("cash", self.tr("Cash by season"), self.cash),
                                  ("amortisation", self.tr("Amortised cost"), self.amortisation),
                                  ("effect", self.tr("Effect on the season"), self.effect)):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(4, 4, 4, 4)
            summary = QLabel()
            summary.setObjectName(f"dealSummary_{key}")
            summary.setWordWrap(True)
            layout.addWidget(summary)
            layout.addWidget(_table(f"dealTable_{key}", title, model), 1)
            self.summaries[key] = summary
            self.addTab(page, title)
        self.notes = QLabel()
        self.notes.setObjectName("dealNotes")
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addTab(self.notes, self.tr("Notes"))
        self.terms: DealTerms | None = None
        self.name = ""
        self.currency = ""
        self.addons: list[dict[str, Any]] = []
        state.changed.connect(self._refresh)

    def _m(self, cents: int | None) -> str:
        return format_money(cents, self.context.currency) or format_money(0, self.context.currency) or "0"

    def show_deal(self, deal_id: int | None) -> None:
        """Show a deal (None: nothing)."""
        from db.transfers.writes import read_snapshot

        self.terms = self.state.deal(deal_id) if deal_id is not None else None
        self.addons, self.currency, self.name = [], self.context.currency, ""
        self.notes.setText("")
        if self.terms is not None and self.context.database is not None:
            stored = read_snapshot(self.context.database, self.terms.deal_id)
            self.addons, self.currency = stored["addons"], stored["currency"]
            self.notes.setText(stored["notes"] or self.tr("No notes yet: add them in the deal's dialog."))
            from db.squad.models import Player

            with self.context.database.reading() as session:
                player = session.get(Player, stored["player_id"])
                self.name = player.name if player else ""
        self._refresh()

    def _refresh(self) -> None:
        """Show the deal's figures again (a slot: what goes wrong is said, never raised into Qt)."""
        from db.errors import DugoutError

        try:
            self._show_terms()
        except Exception as error:
            if not isinstance(error, DugoutError):
                log.exception("Showing a deal's figures failed")
            self.context.message.emit(self.tr("Could not show the deal's figures: {e}").format(e=error))

    def _show_terms(self) -> None:
        if self.terms is not None:
            self.terms = self.state.deal(self.terms.deal_id)
        terms = self.terms
        if terms is None:
            for key, model in (("cash", self.cash), ("amortisation", self.amortisation), ("effect", self.effect)):
                model.set_rows([])
                self.summaries[key].setText(self.tr("Select a target to see its deal."))
            return
        self._show_cash(terms)
        self._show_amortisation(terms)
        self._show_effect(terms)

    def _show_cash(self, terms: DealTerms) -> None:
        schedule = cash_schedule(terms)
        rows = []
        if schedule:
            for season in seasons_covering(schedule[0][0], schedule[-1][0]):
                paid = [(day, amount) for day, amount in schedule if season.holds(day)]
                if paid:
                    rows.append([season.label, self._m(sum(a for _d, a in paid)),
                                 ", ".join(f"{format_date(d)}: {self._m(a)}" for d, a in paid)])
        self.cash.set_rows(rows)
        if terms.fee_cents is None:
            text = self.tr("No fee set yet.")
        elif terms.rate_ppm is not None:
            text = self.tr("Fee {f} at {r} on the deal date = {c}.").format(
                f=format_money(terms.fee_cents, self.currency), r=rate_text(terms.rate_ppm),
                c=self._m(sum(a for _d, a in schedule)))
        else:
            text = self.tr("Fee {f}.").format(f=self._m(terms.fee_cents))
        if terms.fee_cents and not terms.instalments:
            text += " " + self.tr("No instalments recorded: the whole fee counts on the day he moves ({d}).").format(
                d=format_date(terms.starts_on))
        if self.addons:
            text += " " + self.tr("Add-ons not counted: {a}.").format(a="; ".join(
                f"{format_money(a['amount_cents'], self.currency)} {a['condition']}"
                + (f" ({a['probability_pct']}%)" if a["probability_pct"] is not None else "") for a in self.addons))
        self.summaries["cash"].setText(text)

    def _show_amortisation(self, terms: DealTerms) -> None:
        annual, months = annual_amortisation(terms), amortisation_months(terms)
        rows = []
        if annual and months:
            left = sum(a for _d, a in cash_schedule(terms))
            for season in seasons_covering(terms.starts_on, add_months(terms.starts_on, months)):
                charge = amortisation_in(terms, season)
                if charge:
                    left -= charge
                    rows.append([season.label, self._m(charge), self._m(left)])
            years = self.tr("{y} years").format(y=f"{months / 12:g}")
            text = self.tr("{a} a year: the fee spread over {y} (the contract, at most five years).").format(
                a=self._m(annual), y=years)
        elif annual is None:
            text = self.tr("Set the contract's length to spread the fee: it is not amortised yet.")
        else:
            text = self.tr("Nothing to amortise: no fee paid by us.")
        self.amortisation.set_rows(rows)
        self.summaries["amortisation"].setText(text)

    def _show_effect(self, terms: DealTerms) -> None:
        season = self.state.season
        if season is None:
            return
        ticked = self.state.ticked()
        where = counted_as(terms, ticked)
        scenario = self.state.current_scenario()
        budget_now = self.state.budget_for(ticked)
        # Counted, its share as the figures have it (a renewal's wage replacing the old one, a
        # sale's wage saved); not counted, what it would do.
        counted = budget_now.effects.get(terms.deal_id) if budget_now is not None else None
        effect = counted or deal_effect(terms, season)
        if where == "committed":
            how = self.tr("committed (agreed or signed)")
        elif where == "planned":
            how = self.tr("planned in '{s}'").format(s=scenario.name if scenario else "")
        elif terms.status == "dropped":
            how = self.tr("not counted (dropped)")
        else:
            how = self.tr("not counted: tick it into the scenario")
        sign = "−" if terms.outbound else ""
        fee = sign + self._m(effect.fee) if terms.fee_cents is not None else self.tr("fee not set")
        wages = sign + self._m(effect.wages) if terms.annual_wage_cents is not None or effect.wages else self.tr(
            "wage not set")
        spread = self._m(effect.amortisation) if annual_amortisation(terms) is not None else self.tr(
            "no contract length yet")
        self.effect.set_rows([
            [self.tr("Fees"), fee, how],
            [self.tr("Wages"), wages, how],
            [self.tr("Squad cost (amortisation)"), spread, self.tr("against LaLiga's limit")],
        ])
        others = self.state.budget_for(ticked - {terms.deal_id}) if where == "planned" else None
        if where is None:
            text = self.tr("{who} in {s}: {how}.").format(who=self.name, s=season.label, how=how)
        else:
            text = self.tr("{who} in {s}: counted as {how}.").format(who=self.name, s=season.label, how=how)
        if budget_now is not None and budget_now.fees.remaining is not None:
            text += " " + self.tr("Transfer budget left: {m}.").format(m=self._m(budget_now.fees.remaining))
            if others is not None and others.fees.remaining is not None:
                text += " " + self.tr("Without him: {m}.").format(m=self._m(others.fees.remaining))
        self.summaries["effect"].setText(text)
