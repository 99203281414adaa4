"""Writes of the lineup area. ``swap_lineup`` is every change to a fixture's lineup (a drop, a
captain, a formation, copy, clear, final), one transaction each: it writes the new state only if
the lineup still holds the state and version the caller saw (compare-and-swap), so undo puts back
exactly the earlier lineup and never another user's later one. ``store_lineup`` writes inside the
caller's transaction (the demo)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, select

from db.calendar.models import Fixture
from db.changes import LINEUP
from db.domain.formations import check_formation_name, check_slots, parse_slots, slots_text
from db.domain.lineup import LineupState
from db.engine import Database, current_user
from db.errors import StaleEdit, ValidationError
from db.i18n import tr
from db.lineup.models import Formation, Lineup, LineupPlayer
from db.lineup.queries import state_of
from db.lineup.validation import check_state
from db.restoring import Restorable
from db.versioning import insert_checked, update_versioned


def _stale(fixture_id: int) -> StaleEdit:
    return StaleEdit(LINEUP, fixture_id, tr("Someone else changed this lineup since; it was left as they saved it"))


def swap_lineup(database: Database, *, club_id: int, fixture_id: int, expected: LineupState, state: LineupState,
                version: int, as_of: dt.date, by: str | None = None) -> tuple[int, int]:
    """Replace a fixture's lineup ``expected`` (at ``version``; 0: none saved yet) by ``state``;
    return (lineup id, new version). Refused unchanged: a stale lineup (``StaleEdit``), a change
    to a final one, a player who cannot play added, anything ``check_state`` refuses."""
    with database.transaction() as session:
        # Locking the match serialises the first save of its lineup on a server, too.
        fixture = session.get(Fixture, fixture_id, with_for_update=True)
        if fixture is None or fixture.club_id != club_id:
            raise ValidationError("fixture_id", "unknown", tr("No such fixture of our club (id {i})", i=fixture_id))
        lineup = session.exec(select(Lineup).where(Lineup.fixture_id == fixture_id).with_for_update()).first()
        current = state_of(session, lineup) if lineup is not None else None
        if lineup is None:
            if version != 0 or not expected.is_empty or expected.final:
                raise _stale(fixture_id)
        elif lineup.version != version or current != expected:
            raise _stale(fixture_id)
        return store_lineup(session, fixture=fixture, lineup=lineup, before=current or expected, state=state,
                            as_of=as_of, by=by or current_user())


def store_lineup(session: Session, *, fixture: Fixture, lineup: Lineup | None, before: LineupState,
                 state: LineupState, as_of: dt.date, by: str) -> tuple[int, int]:
    """Check ``state`` against the lineup it replaces and write it in the caller's transaction;
    (lineup id, new version)."""
    check_state(session, fixture=fixture, before=before, state=state, as_of=as_of)
    values: dict[str, Any] = {"formation_id": state.formation_id, "captain_id": state.captain_id,
                              "final": state.final}
    if lineup is None:
        assert fixture.id is not None
        lineup = Lineup(fixture_id=fixture.id, updated_by=by, **values)
        insert_checked(session, lineup)
        version = lineup.version
    else:
        version = update_versioned(session, Lineup, lineup.id or 0, lineup.version, values, by)
    assert lineup.id is not None
    session.execute(delete(LineupPlayer).where(LineupPlayer.lineup_id == lineup.id))  # type: ignore[arg-type]
    rows = [{"lineup_id": lineup.id, "player_id": p, "role": "starter", "spot": i}
            for i, p in enumerate(state.starters) if p is not None]
    rows += [{"lineup_id": lineup.id, "player_id": p, "role": "bench", "spot": i} for i, p in enumerate(state.bench)]
    if rows:
        session.execute(insert(LineupPlayer), rows)
    return lineup.id, version


# --- formations ------------------------------------------------------------------------------------
def validate_formation_values(values: dict[str, Any], _as_of: dt.date | None = None) -> dict[str, Any]:
    """Check a formation's fields (name, slots as stored text, standard)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "name":
            out[key] = check_formation_name(value)
        elif key == "slots":
            out[key] = slots_text(check_slots(parse_slots(value) if isinstance(value, str) else value))
        elif key == "standard":
            out[key] = bool(value)
        else:
            raise ValidationError(key, "unknown_field", tr("'{f}' is not a field of a formation", f=key))
    return out


def create_formation(database: Database, *, name: str, slots: Any, by: str | None = None) -> int:
    """Save the club's own formation (eleven slots moved where the coach wants them); its id."""
    clean = validate_formation_values({"name": name, "slots": slots})
    with database.transaction() as session:
        taken = session.exec(select(Formation).where(Formation.name == clean["name"])).first()
        if taken is not None:
            raise ValidationError("name", "taken", tr("A formation named {n} already exists", n=clean["name"]))
        formation = Formation(updated_by=by or current_user(), **clean)
        insert_checked(session, formation)
        assert formation.id is not None
        return formation.id


# How undo and redo write formations (see db.restoring): the club's own may be taken out again
# while no lineup uses them.
FORMATION_RESTORE = Restorable(Formation, validate_formation_values)
