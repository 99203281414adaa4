"""What the lineup screen does, without its widgets: it reads a fixture's facts, turns each move
(a drop, a key, a button) into one undo command, refuses what the rules refuse with a message
that names the player and the reason, and follows the change bus.

Signals:
    loaded(): another fixture (or a new read of its facts): everything is shown anew.
    state_changed(): the lineup changed (a move here, an undo, another user's save).
    refused(text): a move was refused; ``text`` says why and what to do instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from db.changes import (
    ABSENCE,
    BOOKING,
    FIXTURE,
    FORMATION,
    INJURY,
    LINEUP,
    MEMBERSHIP,
    PLAYER,
    REGISTRATION,
    SUSPENSION,
    Change,
)
from db.domain.formations import Slot
from db.domain.lineup import BENCH, SLOT, LineupState, Spot, clear, place, remap, remove, set_captain
from db.domain.lineup_rules import (
    Candidate,
    Check,
    Warning,
    checklist,
    rank_candidates,
    refusal_with_suggestion,
    warnings,
)
from desktop.lineup.squad_list import Dragged, SquadEntry

if TYPE_CHECKING:
    from db.calendar.queries import FixtureRow
    from db.lineup.queries import FormationRow, LineupFacts
    from desktop.context import AppContext

# Changes that alter who can play or who is in the squad: the facts are read again.
FACT_KINDS = (INJURY, BOOKING, SUSPENSION, ABSENCE, REGISTRATION, PLAYER, MEMBERSHIP, FIXTURE)


class LineupEditor(QObject):
    """The lineup of one fixture at a time, and every move on it."""

    loaded = Signal()
    state_changed = Signal()
    refused = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.facts: LineupFacts | None = None
        self.fixtures: list[FixtureRow] = []
        self.players: dict[int, Candidate] = {}
        self.draft_slots: tuple[Slot, ...] | None = None  # slots moved by hand, not saved yet
        self._held = False
        self._pending: Change | None = None  # what changed while held
        context.data_changed.connect(self.on_change)

    # --- reading ------------------------------------------------------------------------------
    @property
    def fixture_id(self) -> int | None:
        """The fixture shown."""
        return self.facts.fixture.fixture_id if self.facts else None

    @property
    def state(self) -> LineupState | None:
        """The lineup as saved."""
        return self.facts.stored.state if self.facts else None

    @property
    def formation(self) -> FormationRow | None:
        """The lineup's formation."""
        return self.facts.formation(self.facts.stored.state.formation_id) if self.facts else None

    @property
    def slots(self) -> tuple[Slot, ...]:
        """Where the eleven stand: the hand-moved draft, else the formation's."""
        if self.draft_slots is not None:
            return self.draft_slots
        formation = self.formation
        return formation.slots if formation else ()

    def load_fixtures(self) -> None:
        """Our fixtures of the season (what the match list offers)."""
        from db.lineup.queries import season_fixtures

        c = self.context
        if c.database is None or c.club_id is None or c.season_id is None:
            self.fixtures = []
            return
        with c.database.reading() as session:
            self.fixtures = season_fixtures(session, club_id=c.club_id, season_id=c.season_id)

    def default_fixture(self) -> int | None:
        """The next fixture from the planning date (the last one when the season is over)."""
        ahead = [f for f in self.fixtures if f.day >= self.context.as_of]
        chosen = ahead[0] if ahead else (self.fixtures[-1] if self.fixtures else None)
        return chosen.fixture_id if chosen else None

    def load(self, fixture_id: int | None) -> None:
        """Show a fixture's lineup (None: nothing to show)."""
        from db.lineup.queries import lineup_facts

        c = self.context
        if fixture_id != self.fixture_id:
            self.draft_slots = None
        if fixture_id is None or c.database is None or c.club_id is None:
            self.facts, self.players = None, {}
        else:
            with c.database.reading() as session:
                self.facts = lineup_facts(session, club_id=c.club_id, fixture_id=fixture_id, as_of=c.as_of)
            self.players = {p.player_id: p for p in self.facts.players}
        self.loaded.emit()

    def reload_lineup(self) -> None:
        """Read the saved lineup again (after a write, ours or another user's)."""
        from db.lineup.queries import read_lineup

        c = self.context
        if self.facts is None or c.database is None:
            return
        with c.database.reading() as session:
            stored = read_lineup(session, self.facts.fixture.fixture_id, self.facts.stored.state.formation_id)
        if stored != self.facts.stored:
            self.facts = replace(self.facts, stored=stored)
            self.state_changed.emit()

    def hold(self) -> None:
        """Keep change notices for later (the screen is hidden): nothing is read for them now."""
        self._held = True

    def resume(self) -> None:
        """Apply what changed while held, in one go."""
        self._held = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self.on_change(pending)

    def on_change(self, change: Change) -> None:
        """Follow the change bus: a lineup re-read, facts or fixtures read anew (never raising)."""
        from db.errors import DugoutError

        if self.facts is None and not change.touches(FIXTURE):
            return
        if self._held:
            self._pending = change if self._pending is None else self._pending.merged(change)
            return
        try:
            if change.touches(FIXTURE):
                self.load_fixtures()
            if change.touches(FORMATION, *FACT_KINDS):
                keep = self.fixture_id if any(f.fixture_id == self.fixture_id for f in self.fixtures) else None
                self.load(keep if keep is not None else self.default_fixture())
            elif change.touches(LINEUP):
                self.reload_lineup()
        except DugoutError as error:
            self.context.message.emit(str(error))

    # --- what the screen shows ------------------------------------------------------------------
    def entries(self) -> list[SquadEntry]:
        """The squad list's rows: each player and where the lineup has him."""
        state = self.state
        if self.facts is None or state is None:
            return []
        slots = self.slots
        found = []
        for player in self.facts.players:
            spot = state.spot_of(player.player_id)
            label = ""
            if spot is not None and spot.kind == SLOT:
                position = slots[spot.index].position if spot.index < len(slots) else ""
                label = position
            elif spot is not None:
                label = self.tr("Sub")
            found.append(SquadEntry(player, spot, label))
        return found

    def checks(self) -> list[Check]:
        """The live checklist."""
        if self.facts is None or self.state is None:
            return []
        return checklist(self.state, self.slots, self.players, self.facts.rules)

    def warnings(self) -> list[Warning]:
        """Marks beside named players: doubts, precautions, out of position."""
        if self.facts is None or self.state is None:
            return []
        return warnings(self.state, self.slots, self.players)

    def candidates(self, spot: Spot) -> list[Candidate]:
        """Who could take a spot, best first (a bench spot: ranked as for no position in particular)."""
        if self.facts is None or self.state is None:
            return []
        slot = self.slots[spot.index] if spot.kind == SLOT else Slot("", 0, 0)
        return rank_candidates(slot, list(self.facts.players), self.state)

    # --- moves ----------------------------------------------------------------------------------
    def drop(self, dragged: Dragged, spot: Spot | None) -> bool:
        """A player dropped on a spot (None: back on the squad list); whether the lineup changed."""
        if self.facts is None or dragged.fixture_id != self.facts.fixture.fixture_id:
            self.refused.emit(self.tr("That player was dragged from another match's lineup"))
            return False
        if spot is None:
            return self.take_out(dragged.player_id)
        return self.put(dragged.player_id, spot)

    def put(self, player_id: int, spot: Spot) -> bool:
        """Put a player at a spot (swapping with whoever is there if he comes from the lineup)."""
        state, player = self.state, self.players.get(player_id)
        if state is None or self.facts is None:
            return False
        if player is None:
            self.refused.emit(self.tr("That player is not in our squad for this match"))
            return False
        slot = self.slots[spot.index] if spot.kind == SLOT and spot.index < len(self.slots) else None
        if spot.kind == SLOT and slot is None:
            return False
        if not player.can_play:
            self.refused.emit(refusal_with_suggestion(player, slot, list(self.facts.players), state))
            return False
        if spot.kind == BENCH:
            spot = Spot(BENCH, min(spot.index, len(state.bench)))
            if state.spot_of(player_id) is None and spot.index >= self.facts.rules.bench_size:
                self.refused.emit(self.tr("The bench is full: {n} substitutes are allowed").format(
                    n=self.facts.rules.bench_size))
                return False
        after = place(state, player_id, spot)
        where = slot.position if slot is not None else self.tr("the bench")
        return self.push(after, self.tr("Put {who} at {where}").format(who=player.short_name, where=where))

    def take_out(self, player_id: int) -> bool:
        """Take a player off the sheet."""
        state = self.state
        if state is None or state.spot_of(player_id) is None:
            return False
        who = self.players[player_id].short_name if player_id in self.players else "?"
        return self.push(remove(state, player_id), self.tr("Take {who} out of the lineup").format(who=who))

    def empty(self, spot: Spot) -> bool:
        """Empty a spot (Delete)."""
        player = self.state.at(spot) if self.state else None
        return player is not None and self.take_out(player)

    def make_captain(self, spot: Spot) -> bool:
        """Make the player at a spot captain (C)."""
        state = self.state
        player = state.at(spot) if state else None
        if state is None or player is None:
            return False
        if spot.kind != SLOT:
            self.refused.emit(self.tr("The captain must be one of the starters"))
            return False
        who = self.players[player].short_name if player in self.players else "?"
        return self.push(set_captain(state, player), self.tr("Make {who} captain").format(who=who))

    def choose_formation(self, formation_id: int) -> bool:
        """Switch formation; the players move to the slots that fit them best."""
        state, facts = self.state, self.facts
        if state is None or facts is None or facts.formation(formation_id) is None:
            return False
        if formation_id == state.formation_id and self.draft_slots is None:
            return False
        new = facts.formation(formation_id)
        assert new is not None
        positions = {p.player_id: p.positions for p in facts.players}
        starters = remap(state.starters, self.slots, new.slots, positions)
        self.draft_slots = None
        return self.push(replace(state, formation_id=formation_id, starters=starters),
                         self.tr("Switch to {name}").format(name=new.name))

    def clear(self) -> bool:
        """Nobody named."""
        state = self.state
        if state is None or state.is_empty:
            return False
        return self.push(clear(state), self.tr("Clear the lineup"))

    def set_final(self, final: bool) -> bool:
        """Mark final (locked against edits) or unlock."""
        state = self.state
        if state is None or state.final == final:
            return False
        return self.push(replace(state, final=final), self.tr("Mark the lineup final") if final else self.tr("Unlock the lineup"))

    def copy_previous(self) -> bool:
        """The last match's lineup, without those who cannot play in this one (who are named)."""
        from db.lineup.queries import previous_lineup

        c, facts, state = self.context, self.facts, self.state
        if facts is None or state is None or c.database is None or c.club_id is None:
            return False
        with c.database.reading() as session:
            found = previous_lineup(session, club_id=c.club_id, fixture=facts.fixture)
        if found is None:
            self.refused.emit(self.tr("No earlier match has a lineup to copy"))
            return False
        fixture, earlier = found
        keep = {p for p in earlier.named if p in self.players and self.players[p].can_play}
        starters = tuple(p if p in keep else None for p in earlier.starters)
        bench = tuple(p for p in earlier.bench if p in keep)[: facts.rules.bench_size]
        captain = earlier.captain_id if earlier.captain_id in starters else None
        after = LineupState(earlier.formation_id, starters, bench, captain)
        left = [self.players[p].short_name if p in self.players else "?" for p in earlier.named if p not in keep]
        pushed = self.push(after, self.tr("Copy the lineup of {opponent}").format(opponent=fixture.opponent))
        if pushed and left:
            self.refused.emit(self.tr("Left out, cannot play in this match: {names}").format(names=", ".join(left)))
        return pushed

    def move_slot(self, index: int, x: float, y: float) -> None:
        """Move one slot by hand: a formation of the club's own in the making (``save_formation``)."""
        slots = list(self.slots)
        if not 0 <= index < len(slots):
            return
        old = slots[index]
        slots[index] = Slot(old.position, round(min(max(x, 0.0), 100.0)), round(min(max(y, 0.0), 100.0)))
        if tuple(slots) != self.slots:
            self.draft_slots = tuple(slots)
        self.state_changed.emit()

    def save_formation(self, name: str) -> None:
        """Save the hand-moved slots as the club's own formation and use it for this lineup: one
        undo step. Raises ``ValidationError`` (a name taken, slots on each other) with nothing saved."""
        from db.lineup.writes import create_formation
        from desktop.lineup.commands import CreateFormationCommand, LineupCommand

        c, facts, slots = self.context, self.facts, self.draft_slots
        if facts is None or slots is None or c.database is None:
            return
        database, text = c.database, self.tr("Save formation {name}").format(name=name.strip())
        create = CreateFormationCommand(c, text, lambda: create_formation(database, name=name, slots=slots))
        create.run_first()  # refused: raises, nothing to undo
        assert create.formation_id is not None and self.facts is not None
        stored = self.facts.stored
        switch = LineupCommand(c, text, fixture_id=facts.fixture.fixture_id, version=stored.version,
                               before=stored.state, after=replace(stored.state, formation_id=create.formation_id))
        try:
            switch.run_first()
        except Exception:
            create.undo()  # the formation goes again: the user's action left nothing behind
            raise
        self.draft_slots = None
        c.undo_stack.beginMacro(text)
        c.undo_stack.push(create)
        c.undo_stack.push(switch)
        c.undo_stack.endMacro()
        self.state_changed.emit()

    def push(self, after: LineupState, text: str) -> bool:
        """One undo command from the saved lineup to ``after``; a refusal is told, not raised."""
        from db.errors import DugoutError, StaleEdit
        from desktop.lineup.commands import LineupCommand
        from desktop.undo import push_applied

        facts = self.facts
        if facts is None or after == facts.stored.state:
            return False
        command = LineupCommand(self.context, text, fixture_id=facts.fixture.fixture_id,
                                version=facts.stored.version, before=facts.stored.state, after=after)
        try:
            push_applied(self.context, command)
        except DugoutError as error:
            self.refused.emit(str(error))
            if isinstance(error, StaleEdit):
                self.reload_lineup()
            return False
        return True
