"""Whether a lineup may go on the team sheet, who fits a slot best, and why a player is refused.
Pure Python over plain facts: the UI's live checklist, the writes and the team sheet share it.

The checklist: eleven starters, a goalkeeper in goal, nobody twice, a bench within the
competition's limit, a captain, nobody who cannot play. Warnings do not fail it: a doubtful or
resting player may be named, with a mark, and so may a player out of position.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from db.domain.availability import AVAILABLE, DOUBTFUL, PRECAUTIONARY, STATUS_LABELS, Availability
from db.domain.formations import SLOTS, Slot
from db.domain.lineup import LineupState, out_of_position, position_fit
from db.domain.text import fold
from db.i18n import tr, translated

# Check keys, in the order the checklist shows them.
ELEVEN, GOALKEEPER, ONCE, BENCH_LIMIT, CAPTAIN, ALL_AVAILABLE = (
    "eleven", "goalkeeper", "once", "bench", "captain", "available")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A squad player as the lineup rules need him: positions and his availability that day."""

    player_id: int
    name: str
    short_name: str
    shirt_number: int | None
    primary_position: str | None
    secondary_positions: tuple[str, ...]
    availability: Availability

    @property
    def can_play(self) -> bool:
        """Whether he may be named (doubtful and resting players may)."""
        return self.availability.can_play

    @property
    def warned(self) -> bool:
        """Named with a warning: doubtful or on precautionary rest."""
        return self.availability.status in (DOUBTFUL, PRECAUTIONARY)

    @property
    def positions(self) -> tuple[str | None, tuple[str, ...]]:
        """(primary, secondary positions)."""
        return self.primary_position, self.secondary_positions


@dataclass(frozen=True, slots=True)
class SheetRules:
    """A competition's sheet: how many players in all, how many of them substitutes."""

    matchday_squad_size: int = 23
    max_substitutes: int = 12

    @property
    def bench_size(self) -> int:
        """Substitutes allowed: the competition's limit, within what the sheet leaves after eleven."""
        return max(0, min(self.max_substitutes, self.matchday_squad_size - SLOTS))


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the checklist: passed or not, and what it is about."""

    key: str
    ok: bool
    text: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Warning:
    """A mark beside a named player: a doubt, a precaution, or playing out of position."""

    player_id: int
    kind: str  # "doubtful", "precautionary" or "position"
    text: str


def status_words(availability: Availability) -> str:
    """'doubtful (50%)', 'precautionary rest', 'injured'."""
    words = translated(STATUS_LABELS[availability.status])
    return f"{words} ({availability.chance}%)" if availability.chance is not None else words


def doubt_text(candidate: Candidate) -> str:
    """'Precautionary rest (load management), expected back 4 May (75%)' or 'doubtful (50%) – Sprain
    (mild), expected back from 4 May': the status and the reason, each said once."""
    availability = candidate.availability
    reason, words = availability.reason, translated(STATUS_LABELS[availability.status])
    if reason and fold(reason).startswith(fold(words)):
        return reason + (f" ({availability.chance}%)" if availability.chance is not None else "")
    return f"{status_words(availability)} – {reason}" if reason else status_words(availability)


def checklist(state: LineupState, slots: Sequence[Slot], players: Mapping[int, Candidate],
              rules: SheetRules) -> list[Check]:
    """The live checklist of a lineup, every rule in order (the first failing ones tell the user what is left)."""
    starters = [p for p in state.starters if p is not None]
    named = starters + list(state.bench)
    checks = [Check(ELEVEN, len(starters) == SLOTS, tr("11 starters"),
                    tr("{n} of 11 named", n=len(starters)) if len(starters) != SLOTS else "")]
    keeper_slot = next((i for i, s in enumerate(slots) if s.position == "GK"), None)
    keeper = state.starters[keeper_slot] if keeper_slot is not None else None
    facts = players.get(keeper) if keeper is not None else None
    in_goal = facts is not None and "GK" in (facts.primary_position, *facts.secondary_positions)
    checks.append(Check(GOALKEEPER, in_goal, tr("A goalkeeper in goal"),
                        "" if in_goal else tr("The goal is empty") if keeper is None
                        else tr("{p} is not a goalkeeper", p=facts.short_name if facts else "?")))
    twice = sorted({p for p in named if named.count(p) > 1})
    checks.append(Check(ONCE, not twice, tr("Nobody named twice"),
                        ", ".join(_short(players, p) for p in twice)))
    bench_ok = len(state.bench) <= rules.bench_size
    checks.append(Check(BENCH_LIMIT, bench_ok, tr("Bench within the limit ({n})", n=rules.bench_size),
                        tr("{n} on the bench", n=len(state.bench)) if not bench_ok else ""))
    captain_ok = state.captain_id is not None and state.captain_id in starters
    checks.append(Check(CAPTAIN, captain_ok, tr("A captain"), "" if captain_ok else tr("Press C on a starter")))
    out = [p for p in named if p in players and not players[p].can_play]
    unknown = [p for p in named if p not in players]
    detail = "; ".join(refusal(players[p]) for p in out)
    if unknown:
        detail = "; ".join(filter(None, (detail, tr("{n} no longer in the squad", n=len(unknown)))))
    checks.append(Check(ALL_AVAILABLE, not out and not unknown, tr("No unavailable player"), detail))
    return checks


def is_complete(checks: Sequence[Check]) -> bool:
    """Every rule passes: the lineup can be marked final."""
    return all(check.ok for check in checks)


def warnings(state: LineupState, slots: Sequence[Slot], players: Mapping[int, Candidate]) -> list[Warning]:
    """The marks of the named players: doubts and precautions, then players out of position."""
    found: list[Warning] = []
    for player_id in state.named:
        facts = players.get(player_id)
        if facts is not None and facts.warned:
            found.append(Warning(player_id, facts.availability.status, f"{facts.short_name}: {doubt_text(facts)}"))
    for index, starter in enumerate(state.starters):
        facts = players.get(starter) if starter is not None else None
        if facts is None or starter is None or index >= len(slots):
            continue
        slot = slots[index]
        if out_of_position(slot.position, *facts.positions):
            found.append(Warning(starter, "position", tr(
                "{p}: out of position at {slot} (plays {pos})", p=facts.short_name, slot=slot.position,
                pos=", ".join(filter(None, (facts.primary_position, *facts.secondary_positions))) or "?")))
    return found


def rank_candidates(slot: Slot, players: Sequence[Candidate], state: LineupState) -> list[Candidate]:
    """Who could take a slot, best first: those who can play before the rest (fully fit before
    doubtful), then by position fit, then those not yet named, then by shirt number."""
    starters = set(p for p in state.starters if p is not None)

    def key(candidate: Candidate) -> tuple[int, int, int, int, str]:
        availability = 0 if candidate.availability.status == AVAILABLE else 1 if candidate.can_play else 2
        named = 1 if candidate.player_id in starters else 0
        shirt = candidate.shirt_number if candidate.shirt_number is not None else 1000
        return (availability, -position_fit(slot.position, *candidate.positions), named, shirt, candidate.name)

    return sorted(players, key=key)


def best_available(slot: Slot, players: Sequence[Candidate], state: LineupState) -> Candidate | None:
    """The best player who can play and is not starting yet: the suggestion when a drop is refused."""
    starters = set(p for p in state.starters if p is not None)
    return next((c for c in rank_candidates(slot, players, state)
                 if c.can_play and c.player_id not in starters), None)


def refusal(candidate: Candidate) -> str:
    """'Militão: ACL rupture with damage to both menisci, expected back 15–30 Jun'."""
    reason = candidate.availability.reason or status_words(candidate.availability)
    return f"{candidate.short_name}: {reason}"


def refusal_with_suggestion(candidate: Candidate, slot: Slot | None, players: Sequence[Candidate],
                            state: LineupState) -> str:
    """Why a player cannot be named, and who could take the slot instead."""
    text = refusal(candidate)
    if slot is None:
        return text
    best = best_available(slot, players, state)
    if best is None:
        return text
    return tr("{why}. Best available for {slot}: {name}", why=text, slot=slot.position, name=best.short_name)


def _short(players: Mapping[int, Candidate], player_id: int) -> str:
    facts = players.get(player_id)
    return facts.short_name if facts else str(player_id)
