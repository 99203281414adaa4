"""Writes of the match report area. ``save_report`` is every change to a match's report (the first
save, an edit, deleting it, and undo and redo of each), one transaction each: it writes only if the
report still says what the caller saw (compare-and-swap on the lines), then stores the new lines
and keeps the match's bookings in step with their cards through the medical area's own booking
write, so a card from a report is validated like any other and its yellows bring bans by the
competition's threshold. It returns what it did to the bookings, so undo takes back exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.changes import APPEARANCE, BOOKING
from db.domain.match_report import SENT_OFF, LineRefused, ReportLine, in_order
from db.engine import Database, current_user
from db.errors import StaleEdit
from db.i18n import tr
from db.medical.models import Booking
from db.medical.writes import create_booking
from db.reports.models import Appearance
from db.reports.queries import our_fixture
from db.reports.totals import line_of
from db.reports.validation import check_lines
from db.restoring import holds, rows_referring_to, stored_columns
from db.versioning import insert_checked, update_versioned

_BOOKING_VALUES = ("card", "minute", "rescinded", "rescinded_on", "notes")


@dataclass(frozen=True)
class BookingPlan:
    """What a report write did to its match's cards: each booking taken out and each put in, as
    its stored columns (id included), so the inverse plan restores them exactly."""

    removed: tuple[dict[str, Any], ...] = ()
    created: tuple[dict[str, Any], ...] = ()

    def inverse(self) -> BookingPlan:
        """The plan that undoes this one."""
        return BookingPlan(removed=self.created, created=self.removed)

    @property
    def booking_ids(self) -> frozenset[int]:
        """Every booking the plan touches."""
        return frozenset(int(row["id"]) for row in (*self.removed, *self.created))


@dataclass(frozen=True)
class ReportWrite:
    """What a report write changed: the appearance rows written or removed, and the cards."""

    appearance_ids: frozenset[int]
    plan: BookingPlan


def _stale(fixture_id: int) -> StaleEdit:
    return StaleEdit(APPEARANCE, fixture_id, tr(
        "Someone else changed this match report since you opened it; reload and try again"))


def save_report(database: Database, *, club_id: int, fixture_id: int, expected: Sequence[ReportLine],
                lines: Sequence[ReportLine], plan: BookingPlan | None = None, by: str | None = None) -> ReportWrite:
    """Replace the report ``expected`` (what the user saw; empty: none yet) of one of our matches by
    ``lines`` (empty: delete it). Without ``plan`` the match's cards follow the lines' cards; with
    one (undo, redo) exactly its bookings are taken out and put back. Refused unchanged: a report
    changed meanwhile (``StaleEdit``), a match without a result, anything ``check_lines`` or the
    booking write refuses, a card a recorded ban refers to."""
    wanted = in_order(lines)
    with database.transaction() as session:
        # Locking the match serialises two first saves of its report on a server, too.
        fixture = our_fixture(session, club_id=club_id, fixture_id=fixture_id, lock=True)
        rows = {row.player_id: row for row in session.exec(
            select(Appearance).where(Appearance.fixture_id == fixture_id).with_for_update())}
        current = in_order(line_of(row) for row in rows.values())
        if current != in_order(expected):
            raise _stale(fixture_id)
        if wanted:
            check_lines(session, fixture, wanted)
        by = by or current_user()
        written = _store_lines(session, fixture_id, rows, wanted, by)
        if plan is None:
            plan = _follow_cards(session, fixture, current, wanted, by)
        else:
            plan = _apply_plan(session, plan, by)
        return ReportWrite(written, plan)


def _store_lines(session: Session, fixture_id: int, rows: dict[int, Appearance], wanted: tuple[ReportLine, ...],
                 by: str) -> frozenset[int]:
    """Update, add and remove appearance rows so the match's report holds ``wanted``; the ids touched."""
    touched: set[int] = set()
    keep = {line.player_id for line in wanted}
    gone = [row.id for player_id, row in rows.items() if player_id not in keep and row.id is not None]
    if gone:
        session.execute(delete(Appearance).where(col(Appearance.id).in_(gone)))
        touched.update(gone)
    for line in wanted:
        values: dict[str, Any] = {"started": line.started, "minute_on": line.minute_on, "minute_off": line.minute_off,
                  "goals": line.goals, "card": line.card, "injured": line.injured}
        row = rows.get(line.player_id)
        if row is None:
            added = Appearance(fixture_id=fixture_id, player_id=line.player_id, updated_by=by, **values)
            insert_checked(session, added)
            assert added.id is not None
            touched.add(added.id)
        elif line_of(row) != line:
            assert row.id is not None
            update_versioned(session, Appearance, row.id, row.version, values, by)
            touched.add(row.id)
    return frozenset(touched)


def _find_booking(session: Session, player_id: int, fixture_id: int, card: str) -> Booking | None:
    return session.exec(select(Booking).where(Booking.player_id == player_id, Booking.fixture_id == fixture_id,
                                              Booking.card == card)).first()


def _follow_cards(session: Session, fixture: Fixture, current: tuple[ReportLine, ...], wanted: tuple[ReportLine, ...],
                  by: str) -> BookingPlan:
    """Take out the cards the report no longer gives and record those it now gives (a card already
    recorded by hand for that player and match counts as the report's); what was done. Before the
    first report the cards on file stand for what it replaces: a listed player's cards other than
    the report's go (a player the report does not list keeps his, an unused substitute's say)."""
    assert fixture.id is not None
    after = {line.player_id: line for line in wanted}
    before: dict[int, set[str]] = {}
    if current:
        before = {line.player_id: {line.card} for line in current if line.card is not None}
    else:
        for booking in session.exec(select(Booking).where(Booking.fixture_id == fixture.id)):
            if not booking.rescinded and booking.player_id in after:
                before.setdefault(booking.player_id, set()).add(booking.card)
    removed: list[dict[str, Any]] = []
    created: list[dict[str, Any]] = []
    for player_id in sorted(set(before) | set(after)):
        line = after.get(player_id)
        new = line.card if line is not None else None
        for old in sorted(card for card in before.get(player_id, set()) if card != new):
            found = _find_booking(session, player_id, fixture.id, old)
            if found is None:
                continue
            assert found.id is not None
            if rows_referring_to(session, BOOKING, found.id):
                raise LineRefused(player_id, "card", "has_ban", tr(
                    "A recorded ban refers to this card: change or remove the ban on the injury board first"))
            removed.append(stored_columns(found))
            session.delete(found)
            session.flush()
        if new is not None and line is not None and _find_booking(session, player_id, fixture.id, new) is None:
            minute = line.minute_off if new in SENT_OFF else None
            booking = create_booking(session, player_id=player_id, fixture_id=fixture.id,
                                     values={"card": new, "minute": minute}, by=by)
            created.append(stored_columns(booking))
    return BookingPlan(tuple(removed), tuple(created))


def _apply_plan(session: Session, plan: BookingPlan, by: str) -> BookingPlan:
    """Undo's and redo's side of the cards: take out the plan's removed bookings, only if each still
    holds what was recorded and nothing refers to it, and put its created ones back (under their
    ids where free); the plan as carried out."""
    for stored in plan.removed:
        booking = session.get(Booking, stored["id"], with_for_update=True)
        if booking is None or not holds(booking, {k: v for k, v in stored.items() if k != "id"}):
            raise StaleEdit(BOOKING, int(stored["id"]), tr(
                "A card of this report was changed since; the report was left as it is"))
        if rows_referring_to(session, BOOKING, int(stored["id"])):
            raise StaleEdit(BOOKING, int(stored["id"]), tr(
                "A recorded ban refers to a card of this report now; the report was left as it is"))
        session.delete(booking)
        session.flush()
    created: list[dict[str, Any]] = []
    for stored in plan.created:
        # Back under its id; SQLite hands a freed highest id to the next card recorded, so when
        # another card took it meanwhile this one comes back under a new id (nothing refers to it).
        taken = session.get(Booking, stored["id"]) is not None
        booking = create_booking(session, player_id=stored["player_id"], fixture_id=stored["fixture_id"],
                                 values={k: stored[k] for k in _BOOKING_VALUES}, by=by,
                                 booking_id=None if taken else int(stored["id"]))
        created.append(stored_columns(booking))
    return BookingPlan(plan.removed, tuple(created))
