"""Contract watch: squad contracts ending within 12 months of the planning date (and those with a
release clause or an option), each with the targets marked to replace the player; the non-EU
places against the league's limit and what signing a target would do to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from db.changes import CONTRACT_TERMS, DEAL, MEMBERSHIP, PLAYER, Change
from desktop.common.formatting import format_date, format_money, last_name
from desktop.common.naming import named
from desktop.common.plain_table import PlainTableModel
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.transfers.deal_view import name_headers

if TYPE_CHECKING:
    from db.transfers.queries import NonEuPlaces, WatchRow
    from desktop.context import AppContext
    from desktop.transfers.state import TransferState

HEADERS = (QT_TRANSLATE_NOOP("ContractWatch", "Player"), QT_TRANSLATE_NOOP("ContractWatch", "Pos"),
           QT_TRANSLATE_NOOP("ContractWatch", "Age"), QT_TRANSLATE_NOOP("ContractWatch", "Contract ends"),
           QT_TRANSLATE_NOOP("ContractWatch", "Clause or option"), QT_TRANSLATE_NOOP("ContractWatch", "Replacement"),
           QT_TRANSLATE_NOOP("ContractWatch", "Also shortlisted at his position"))


class ContractWatch(QWidget):
    """The contracts that need a decision, and the non-EU places."""

    def __init__(self, context: AppContext, state: TransferState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.state = context, state
        self.setObjectName("contractWatch")
        self.non_eu = QLabel()
        self.non_eu.setObjectName("nonEuPlaces")
        self.non_eu.setWordWrap(True)
        self.model = PlainTableModel(HEADERS, "ContractWatch", self)
        self.table = named(QTableView(), "watchTable", self.tr("Contract watch"))
        name_headers(self.table, "watchTable", self.tr("Contract watch"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_clauses())
        self.clauses = named(QPushButton(self.tr("Clauses…")), "editClauses", self.tr("Edit the contract's clauses"))
        self.clauses.clicked.connect(self.edit_clauses)
        self.rows: list[WatchRow] = []
        top = QHBoxLayout()
        top.addWidget(self.non_eu, 1)
        top.addWidget(self.clauses, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        context.data_changed.connect(self._on_change)
        context.as_of_changed.connect(lambda _day: self.refresh())
        context.database_opened.connect(self.refresh)
        state.changed.connect(self._show_non_eu)
        self.places: NonEuPlaces | None = None
        self.refresh()

    def edit_clauses(self, row: WatchRow | None = None) -> None:
        """The clauses dialog of the selected player's contract (a release clause, an option)."""
        from desktop.transfers.plan_dialogs import TermsDialog

        if row is None:
            index = self.table.currentIndex()
            row = self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None
        if row is None:
            self.context.status.emit(self.tr("Select a player's contract first"))
            return
        TermsDialog(self.context, row.membership_id, row.name, parent=self.window()).open()

    def _on_change(self, change: Change) -> None:
        if change.touches(DEAL, MEMBERSHIP, PLAYER, CONTRACT_TERMS):
            self.refresh()

    def refresh(self) -> None:
        """Read the squad's contracts and the non-EU places again (a failing read is told)."""
        from db.errors import DugoutError
        from db.transfers.queries import contract_watch, non_eu_places

        c = self.context
        self.rows, self.places = [], None
        if c.database is not None and c.club_id is not None and c.season_id is not None:
            try:
                with c.database.reading() as session:
                    self.rows = contract_watch(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of)
                    self.places = non_eu_places(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of)
            except DugoutError as error:
                c.message.emit(str(error))
        self.model.set_rows([self._cells(row) for row in self.rows],
                            [self.tr("Ends in {n} months").format(n=row.months_left)
                             if row.months_left is not None else None for row in self.rows])
        self._show_non_eu()

    def _cells(self, row: WatchRow) -> list[str]:
        clause = []
        if row.release_clause is not None:
            clause.append(self.tr("release {m}").format(m=format_money(row.release_clause[0], row.release_clause[1])))
        if row.option is not None:
            kind, until, taken = row.option
            holder = self.tr("club") if kind == "club" else self.tr("player")
            state = {True: self.tr("taken up"), False: self.tr("not taken up"), None: self.tr("undecided")}[taken]
            clause.append(self.tr("{who} option to {d} ({state})").format(who=holder, d=format_date(until), state=state))
        ends = format_date(row.contract_end)
        if row.expiring and row.months_left is not None:
            ends = self.tr("{d} · {n} mo").format(d=ends, n=max(0, row.months_left))
        replacement = ", ".join(row.replacements) or (self.tr("none marked") if row.expiring else "")
        return [row.name, row.position or "", str(row.age or ""), ends, "; ".join(clause), replacement,
                ", ".join(row.candidates)]

    def _show_non_eu(self) -> None:
        places = self.places
        if places is None or places.limit is None:
            self.non_eu.setText(self.tr("No league limit on non-EU players is recorded."))
            return
        holders = ", ".join(last_name(n) for n in places.holders) or self.tr("nobody")
        text = self.tr("<b>Non-EU places ({c}): {n} of {l}</b> ({who}).").format(
            c=places.competition, n=len(places.holders), l=places.limit, who=holders)
        would = [name for _id, name, eu in places.targets if eu is False]
        unknown = [name for _id, name, eu in places.targets if eu is None]
        free = places.limit - len(places.holders)
        if would:
            names = ", ".join(would)
            if free <= 0:
                text += " " + self.tr("No place free: signing {who} needs one.").format(who=names)
            else:
                text += " " + self.tr("Signing {who} would take a place (no EU passport recorded): {n} of {l}.").format(
                    who=names, n=len(places.holders) + 1, l=places.limit) if len(would) == 1 else " " + self.tr(
                    "Each of {who} would take a place (no EU passport recorded); all of them: {n} of {l}.").format(
                    who=names, n=len(places.holders) + len(would), l=places.limit)
        ticked = {deal_id for deal_id in self.state.ticked()}
        in_plan = [name for deal_id, name, eu in places.targets if eu is False and deal_id in ticked]
        scenario = self.state.current_scenario()
        if scenario is not None:
            total = len(places.holders) + len(in_plan)
            text += " " + self.tr("With '{s}': {n} of {l}.").format(s=scenario.name, n=total, l=places.limit)
            if total > places.limit:
                text += " " + self.tr("Over the limit.")
        if unknown:
            text += " " + self.tr("Nationality not recorded: {who}.").format(who=", ".join(unknown))
        self.non_eu.setText(text)
