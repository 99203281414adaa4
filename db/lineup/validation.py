"""What a lineup write must keep: the formation exists, eleven slots, a bench within the
competition's limit, nobody twice, the captain a starter, only our squad's players, no player
added who cannot play that day, and a final lineup left alone until it is unlocked."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from db.calendar.models import Fixture
from db.calendar.writes import kickoff_local
from db.domain.availability import availability_on
from db.domain.formations import SLOTS, parse_slots
from db.domain.lineup import LineupState
from db.domain.lineup_rules import SheetRules, checklist, is_complete
from db.errors import ValidationError
from db.i18n import tr
from db.lineup.models import Formation
from db.medical.availability import load_availability_facts
from db.reference.models import Club, Competition
from db.squad.models import Player, SquadMembership


def match_name(session: Session, fixture: Fixture) -> str:
    """'Celta on 4 May': how a refusal names the match."""
    from db.domain.availability import day_text

    opponent = session.get(Club, fixture.opponent_id)
    return tr("{opponent} on {day}", opponent=opponent.short_name if opponent else "?",
              day=day_text(kickoff_local(fixture).date()))


def _rules(session: Session, fixture: Fixture) -> SheetRules:
    competition = session.get(Competition, fixture.competition_id)
    return SheetRules(competition.matchday_squad_size, competition.max_substitutes) if competition else SheetRules()


def _check_final(session: Session, fixture: Fixture, before: LineupState, state: LineupState) -> None:
    """A final lineup changes only by being unlocked, alone; marking final needs a complete lineup
    and nothing else changed with it."""
    from dataclasses import replace

    if before.final:
        if state != before and state != replace(before, final=False):
            raise ValidationError("final", "locked", tr(
                "The lineup for {match} is final: unlock it to change it", match=match_name(session, fixture)))
        return
    if state.final and replace(state, final=False) != before:
        raise ValidationError("final", "locked", tr("Mark the lineup final on its own, after the last change"))


def _members(session: Session, fixture: Fixture, player_ids: list[int]) -> set[int]:
    """The players who belong to our club's squad on the match day."""
    if not player_ids:
        return set()
    day = kickoff_local(fixture).date()
    found = set()
    for membership in session.exec(select(SquadMembership).where(
            col(SquadMembership.player_id).in_(player_ids), SquadMembership.club_id == fixture.club_id,
            SquadMembership.season_id == fixture.season_id)):
        if (membership.joined_on is None or membership.joined_on <= day) and \
                (membership.left_on is None or membership.left_on >= day):
            found.add(membership.player_id)
    return found


def check_state(session: Session, *, fixture: Fixture, before: LineupState, state: LineupState,
                as_of: dt.date) -> None:
    """Refuse a lineup ``state`` that may not replace ``before`` for this fixture (ValidationError)."""
    _check_final(session, fixture, before, state)
    formation = session.get(Formation, state.formation_id)
    if formation is None:
        raise ValidationError("formation_id", "unknown", tr("No such formation (id {i})", i=state.formation_id))
    if len(state.starters) != SLOTS:
        raise ValidationError("starters", "not_eleven", tr("A lineup has 11 slots, not {n}", n=len(state.starters)))
    rules = _rules(session, fixture)
    if len(state.bench) > rules.bench_size:
        competition = session.get(Competition, fixture.competition_id)
        raise ValidationError("bench", "full", tr("The bench is full: {c} allows {n} substitutes",
                                                  c=competition.name if competition else "?", n=rules.bench_size))
    named = state.named
    if len(set(named)) != len(named):
        raise ValidationError("player_id", "twice", tr("A player is named only once in a lineup"))
    if state.captain_id is not None and state.captain_id not in state.starters:
        raise ValidationError("captain_id", "not_starting", tr("The captain must be one of the starters"))
    members = _members(session, fixture, named)
    strangers = [p for p in named if p not in members]
    if strangers:
        player = session.get(Player, strangers[0])
        raise ValidationError("player_id", "not_ours", tr(
            "{p} is not in our squad for that match", p=player.name if player else tr("Player {i}", i=strangers[0])))
    added = [p for p in named if p not in set(before.named)]
    if added or (state.final and not before.final):
        _check_availability(session, fixture, state, added, as_of, formation.slots)


def _check_availability(session: Session, fixture: Fixture, state: LineupState, added: list[int], as_of: dt.date,
                        stored_slots: str) -> None:
    """Nobody added who cannot play on the day; a lineup marked final passes its whole checklist."""
    from db.calendar.queries import fixtures_of
    from db.lineup.queries import squad_candidates

    day = kickoff_local(fixture).date()
    if state.final:
        row = next(f for f in fixtures_of(session, club_id=fixture.club_id, start=day, end=day)
                   if f.fixture_id == fixture.id)
        players = {c.player_id: c for c in squad_candidates(session, club_id=fixture.club_id, fixture=row,
                                                            as_of=as_of)}
        checks = checklist(state, parse_slots(stored_slots), players, _rules(session, fixture))
        if not is_complete(checks):
            first = next(c for c in checks if not c.ok)
            raise ValidationError("final", "incomplete", tr("Not ready to mark final: {rule} ({detail})",
                                                            rule=first.text, detail=first.detail or "✗"))
    facts = load_availability_facts(session, added, [day], as_of=as_of, club_id=fixture.club_id)
    for player_id in added:
        verdict = availability_on(facts.of(player_id), day, fixture.competition_id)
        if not verdict.can_play:
            player = session.get(Player, player_id)
            from db.domain.text import last_name

            name = last_name(player.name) if player else str(player_id)
            raise ValidationError("player_id", "unavailable", f"{name}: {verdict.reason}")
