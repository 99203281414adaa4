"""Dialogs of the injury board: mark an injury (or change one), record a card, a ban, an absence.

Each saves through one undo command; a refused value is shown beside its field.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from db.changes import ABSENCE, BOOKING, INJURY, SUSPENSION
from db.domain.injury_types import INJURY_TYPES
from db.domain.vocab import ABSENCE_KINDS, CARDS, CHANCES_OF_PLAYING, INJURY_CERTAINTIES
from db.i18n import translated
from desktop.common.editors import EMPTY, date_of, make_date_edit, make_number_edit, number_of, set_date
from desktop.common.form_dialog import FormDialog
from desktop.common.formatting import format_date, last_name
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.injuries.commands import CreateCommand, UpdateInjuryCommand

if TYPE_CHECKING:
    from db.medical.queries import InjuryRow
    from desktop.context import AppContext

STATUS_NAMES = {
    "out": QT_TRANSLATE_NOOP("InjuryDialog", "Out"),
    "doubtful": QT_TRANSLATE_NOOP("InjuryDialog", "Doubtful"),
    "precautionary": QT_TRANSLATE_NOOP("InjuryDialog", "Precautionary rest"),
    "assessment": QT_TRANSLATE_NOOP("InjuryDialog", "Assessment"),
    "rehab": QT_TRANSLATE_NOOP("InjuryDialog", "Rehab"),
    "training": QT_TRANSLATE_NOOP("InjuryDialog", "Back in training"),
    "match_fit": QT_TRANSLATE_NOOP("InjuryDialog", "Match fit"),
    "recovered": QT_TRANSLATE_NOOP("InjuryDialog", "Back (resolved)"),
}
CERTAINTY_NAMES = {
    "confirmed": QT_TRANSLATE_NOOP("InjuryDialog", "Confirmed"),
    "likely": QT_TRANSLATE_NOOP("InjuryDialog", "Likely"),
    "uncertain": QT_TRANSLATE_NOOP("InjuryDialog", "Uncertain"),
}
CARD_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("InjuryDialog", "Yellow"),
    "second_yellow": QT_TRANSLATE_NOOP("InjuryDialog", "Second yellow"),
    "red": QT_TRANSLATE_NOOP("InjuryDialog", "Red"),
}
ABSENCE_NAMES = {
    "international": QT_TRANSLATE_NOOP("InjuryDialog", "International duty"),
    "personal": QT_TRANSLATE_NOOP("InjuryDialog", "Personal"),
    "other": QT_TRANSLATE_NOOP("InjuryDialog", "Other"),
}


def _named(text: str) -> str:
    """One of the names above, translated (they are marked in the injury dialog's context)."""
    return QCoreApplication.translate("InjuryDialog", text)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _MedicalForm(FormDialog):
    """A form with the squad's players to choose from (one preselected when given)."""

    def __init__(self, context: AppContext, name: str, player_id: int | None, parent: QWidget | None) -> None:
        super().__init__(context, name, parent)
        self.player = QComboBox()
        for pid, label in self._squad():
            self.player.addItem(label, pid)
        # A player not in the squad (left, unknown) is not swapped for another: the choice stays open.
        self.player.setCurrentIndex(self.player.findData(player_id) if player_id is not None else -1)
        self.add_field("player_id", self.tr("Player"), self.player)

    def _squad(self) -> list[tuple[int, str]]:
        from db.squad.queries import squad_rows

        c = self.context
        if c.database is None or c.club_id is None or c.season_id is None:
            return []
        with c.database.reading() as session:
            rows = squad_rows(session, club_id=c.club_id, season_id=c.season_id, as_of=c.as_of)
        return [(r.player_id, (f"{r.shirt_number}  " if r.shirt_number is not None else "") + r.name) for r in rows]

    def player_id(self) -> int | None:
        """The chosen player's id (None until one is chosen)."""
        data = self.player.currentData()
        return int(data) if data is not None else None

    def chosen_player(self) -> int | None:
        """The chosen player's id, or None having said so beside the field."""
        player_id = self.player_id()
        if player_id is None:
            self.show_error("player_id", self.tr("Choose a player"))
        return player_id

    def player_name(self) -> str:
        """The chosen player's surname, for the undo text."""
        return last_name(self.player.currentText().split("  ")[-1])

    def _database(self) -> Any:
        assert self.context.database is not None
        return self.context.database


class InjuryDialog(_MedicalForm):
    """Mark a player injured, or change an injury (``row`` given): what, since when, the expected
    return window (pre-filled from a common injury's typical absence), how sure, and notes."""

    def __init__(self, context: AppContext, player_id: int | None = None, row: InjuryRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, "injuryDialog", row.player_id if row else player_id, parent)
        self.row = row
        self.setWindowTitle(self.tr("Change injury") if row else self.tr("Mark injured"))
        self.player.setEnabled(row is None)
        self.preset = QComboBox()
        self.preset.addItem(EMPTY, None)
        for number, kind in enumerate(INJURY_TYPES):
            self.preset.addItem(self.tr("{name} ({a}–{b} days)").format(
                name=translated(kind.name), a=kind.shortest, b=kind.longest), number)
        self.preset.currentIndexChanged.connect(self._fill_from_preset)
        self.add_field("preset", self.tr("Common injury"), self.preset)
        self.kind = self.add_field("kind", self.tr("Injury"), QLineEdit())
        self.body_part = self.add_field("body_part", self.tr("Body part"), QLineEdit())
        self.started = self.add_field("started_on", self.tr("Injured on"), make_date_edit(None, allow_empty=False))
        self.started.setDate(_qdate(context.as_of))
        self.earliest = self.add_field("expected_return_earliest", self.tr("Back at the earliest"),
                                       make_date_edit(None))
        self.latest = self.add_field("expected_return_latest", self.tr("Back at the latest"), make_date_edit(None))
        self.certainty = QComboBox()
        for value in INJURY_CERTAINTIES:
            self.certainty.addItem(_named(CERTAINTY_NAMES[value]), value)
        self.certainty.setCurrentIndex(self.certainty.findData("likely"))
        self.add_field("certainty", self.tr("How sure"), self.certainty)
        self.status = QComboBox()
        for value, label in STATUS_NAMES.items():
            if value != "recovered" or row is not None:  # a new injury is not over yet
                self.status.addItem(_named(label), value)
        self.add_field("status", self.tr("Status"), self.status)
        self.chance = QComboBox()
        self.chance.addItem(EMPTY, None)
        for chance in CHANCES_OF_PLAYING:
            self.chance.addItem(f"{chance} %", chance)
        self.add_field("chance_of_playing", self.tr("Chance of playing"), self.chance)
        self.returned = self.add_field("returned_on", self.tr("Back on"), make_date_edit(None))
        box = self.returned.parentWidget()
        assert box is not None
        self.form.setRowVisible(box, row is not None)  # only an injury being changed can be over
        self.surgery = self.add_field("surgery", self.tr("Surgery"), QCheckBox(self.tr("Operated")))
        self.notes = self.add_field("medical_notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        if row is not None:
            self._show(row)
        self.resize(480, self.sizeHint().height())

    def _show(self, row: InjuryRow) -> None:
        self.kind.setText(row.kind)
        self.body_part.setText(row.body_part or "")
        self.started.setDate(_qdate(row.started_on))
        set_date(self.earliest, row.expected_return_earliest)
        set_date(self.latest, row.expected_return_latest)
        self.certainty.setCurrentIndex(max(0, self.certainty.findData(row.certainty)))
        self.status.setCurrentIndex(max(0, self.status.findData(row.status)))
        self.chance.setCurrentIndex(max(0, self.chance.findData(row.chance_of_playing)))
        set_date(self.returned, row.returned_on)
        self.surgery.setChecked(row.surgery)
        self.notes.setPlainText(row.medical_notes or "")

    def _fill_from_preset(self) -> None:
        number = self.preset.currentData()
        if number is None:
            return
        kind = INJURY_TYPES[number]
        self.kind.setText(translated(kind.name))
        self.body_part.setText(translated(kind.body_part))
        earliest, latest = kind.window(date_of(self.started) or self.context.as_of)
        set_date(self.earliest, earliest)
        set_date(self.latest, latest)
        self.surgery.setChecked(kind.surgery)

    def values(self) -> dict[str, Any]:
        """The injury's fields as typed (changing one: whether and when he is back, which go
        together; "Back" without a day means back on the planning date)."""
        values = {
            "kind": self.kind.text(),
            "body_part": self.body_part.text(),
            "started_on": date_of(self.started),
            "expected_return_earliest": date_of(self.earliest),
            "expected_return_latest": date_of(self.latest),
            "certainty": self.certainty.currentData(),
            "status": self.status.currentData(),
            "chance_of_playing": self.chance.currentData(),
            "surgery": self.surgery.isChecked(),
            "medical_notes": self.notes.toPlainText(),
        }
        if self.row is not None:
            back = date_of(self.returned) if values["status"] == "recovered" else None
            values["returned_on"] = back or (self.context.as_of if values["status"] == "recovered" else None)
        return values

    def accept(self) -> None:
        """Save as one undoable command; stay open on a refused value."""
        from db.errors import ValidationError
        from db.medical.validation import validate_injury_values
        from db.medical.writes import mark_injured

        values = self.values()
        started = values["started_on"]
        if started is not None and started > self.context.as_of:
            self.show_error("started_on", self.tr("An injury cannot start after the planning date ({d})").format(
                d=format_date(self.context.as_of)))
            return
        if self.row is None:
            player_id, database = self.chosen_player(), self._database()
            if player_id is None:
                return
            command: Any = CreateCommand(self.context, self.tr("Mark {who} injured").format(who=self.player_name()),
                                         INJURY, lambda: mark_injured(database, player_id, values))
        else:
            try:
                clean = validate_injury_values(values)
            except ValidationError as error:
                self.show_error(error.field, error.message)
                return
            changes = {k: v for k, v in clean.items() if getattr(self.row, k) != v}
            if not changes:
                super().accept()
                return
            command = UpdateInjuryCommand(self.context, self.row, changes,
                                          self.tr("Change {who}'s injury").format(who=last_name(self.row.name)))
        if self.push(command):
            super().accept()


class CardDialog(_MedicalForm):
    """Record a card shown in one of our matches (until match reports bring them)."""

    def __init__(self, context: AppContext, player_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "cardDialog", player_id, parent)
        self.setWindowTitle(self.tr("Record a card"))
        self.fixture = QComboBox()
        for fixture in self._recent_fixtures():
            self.fixture.addItem(f"{format_date(fixture.day)} · {fixture.competition} · {fixture.opponent}",
                                 fixture.fixture_id)
        self.add_field("fixture_id", self.tr("Match"), self.fixture)
        self.card = QComboBox()
        for value in CARDS:
            self.card.addItem(_named(CARD_NAMES[value]), value)
        self.add_field("card", self.tr("Card"), self.card)
        self.minute = self.add_field("minute", self.tr("Minute"), make_number_edit(None, (1, 130)))
        self.rescinded = self.add_field("rescinded", self.tr("Rescinded"), QCheckBox(self.tr("Cancelled on appeal")))
        self.notes = self.add_field("notes", self.tr("Notes"), QLineEdit())
        hint = QLabel(self.tr("A red card's ban is the competition's decision: record it with Record a ban…"))
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def _recent_fixtures(self) -> list[Any]:
        from db.calendar.queries import fixtures_of

        c = self.context
        if c.database is None or c.club_id is None:
            return []
        with c.database.reading() as session:
            played = fixtures_of(session, club_id=c.club_id, start=c.as_of - dt.timedelta(days=120), end=c.as_of)
        return list(reversed(played))

    def accept(self) -> None:
        """Record the card as one undoable command."""
        from db.medical.writes import record

        if self.fixture.currentData() is None:
            self.show_error("fixture_id", self.tr("There is no match before the planning date to record it in"))
            return
        rescinded = self.rescinded.isChecked()
        values = {"card": self.card.currentData(), "minute": number_of(self.minute), "rescinded": rescinded,
                  "rescinded_on": self.context.as_of if rescinded else None, "notes": self.notes.text()}
        player_id, fixture_id, database = self.chosen_player(), int(self.fixture.currentData()), self._database()
        if player_id is None:
            return
        command = CreateCommand(self.context, self.tr("Record a card for {who}").format(who=self.player_name()),
                                BOOKING, lambda: record(database, BOOKING, player_id=player_id, values=values,
                                                        fixture_id=fixture_id))
        if self.push(command):
            super().accept()


class BanDialog(_MedicalForm):
    """Record a ban: how many matches, in which competition, from when and why."""

    def __init__(self, context: AppContext, player_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "banDialog", player_id, parent)
        self.setWindowTitle(self.tr("Record a ban"))
        self.competition = QComboBox()
        for competition_id, name in self._competitions():
            self.competition.addItem(name, competition_id)
        self.add_field("competition_id", self.tr("Competition"), self.competition)
        self.matches = self.add_field("matches", self.tr("Matches"), make_number_edit(None, (1, 50)))
        self.matches.setValue(1)
        self.starts = self.add_field("starts_on", self.tr("Banned from"), make_date_edit(None, allow_empty=False))
        self.starts.setDate(_qdate(context.as_of + dt.timedelta(days=1)))  # a card's ban starts the day after
        self.reason = self.add_field("reason", self.tr("Reason"), QLineEdit())

    def _competitions(self) -> list[tuple[int, str]]:
        from sqlmodel import select

        from db.reference.models import Competition

        assert self.context.database is not None
        with self.context.database.reading() as session:
            return [(c.id or 0, c.name) for c in session.exec(select(Competition))]

    def accept(self) -> None:
        """Record the ban as one undoable command."""
        from db.medical.writes import record

        values = {"matches": number_of(self.matches), "starts_on": date_of(self.starts), "reason": self.reason.text()}
        player_id, competition_id, database = self.chosen_player(), self.competition.currentData(), self._database()
        if player_id is None:
            return
        command = CreateCommand(self.context, self.tr("Ban {who}").format(who=self.player_name()), SUSPENSION,
                                lambda: record(database, SUSPENSION, player_id=player_id, values=values,
                                               competition_id=competition_id))
        if self.push(command):
            super().accept()


class AbsenceDialog(_MedicalForm):
    """Record days a fit player is away: international duty, personal reasons, other."""

    def __init__(self, context: AppContext, player_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, "absenceDialog", player_id, parent)
        self.setWindowTitle(self.tr("Record an absence"))
        self.kind = QComboBox()
        for value in ABSENCE_KINDS:
            self.kind.addItem(_named(ABSENCE_NAMES[value]), value)
        self.add_field("kind", self.tr("Absence"), self.kind)
        self.starts = self.add_field("starts_on", self.tr("Away from"), make_date_edit(None, allow_empty=False))
        self.ends = self.add_field("ends_on", self.tr("Last day away"), make_date_edit(None, allow_empty=False))
        self.starts.setDate(_qdate(context.as_of))
        self.ends.setDate(_qdate(context.as_of + dt.timedelta(days=7)))
        self.reason = self.add_field("reason", self.tr("Reason"), QLineEdit())

    def accept(self) -> None:
        """Record the absence as one undoable command."""
        from db.medical.writes import record

        values = {"kind": self.kind.currentData(), "starts_on": date_of(self.starts), "ends_on": date_of(self.ends),
                  "reason": self.reason.text()}
        player_id, database = self.chosen_player(), self._database()
        if player_id is None:
            return
        command = CreateCommand(self.context, self.tr("Record {who}'s absence").format(who=self.player_name()),
                                ABSENCE, lambda: record(database, ABSENCE, player_id=player_id, values=values))
        if self.push(command):
            super().accept()
