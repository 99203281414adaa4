"""Planning a squad import: decide what each line does, against a snapshot, without the write lock.

The plan reads the target squad and every known player once, then takes the file line by line:
validate with the same rules as every other write path, match the player (``same_person``), and
stage what the line will do — add a new player, put a known player in the squad, update a squad
member, or nothing. A refused line is reported with its field and changes nothing. The
fingerprint taken with the snapshot lets the merge see whether anything changed meanwhile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from db.bulk import BulkRows
from db.domain.squad_rules import PersonKey, check_contract_order, check_leaving, same_person
from db.domain.text import fold
from db.errors import ValidationError
from db.i18n import tr
from db.importers.squad_files import SquadRow
from db.importers.staging import Staging
from db.squad.models import Player, SquadMembership
from db.squad.validation import validate_membership_values, validate_player_values
from db.squad.writes import MEMBERSHIP_FIELDS, PLAYER_FIELDS

NEW_PLAYER, UPDATE, UNCHANGED = "new_player", "update", "unchanged"
# Staging tables: new players' rows; memberships to add (new player's number or a known player's
# id, then the row); updates as (table, id, version seen, changes).
NEW_PLAYERS, MEMBERSHIPS, UPDATES = "new_players", "memberships", "updates"


_PLAYER_FIELDS, _MEMBERSHIP_FIELDS = sorted(PLAYER_FIELDS), sorted(MEMBERSHIP_FIELDS)
_SPLIT = 4 + len(_PLAYER_FIELDS)


class _Member(tuple[Any, ...]):
    """A squad member as the snapshot read them: membership id and version, player id and
    version, then the player's and the membership's stored values (a plain tuple: a squad of
    100,000 must fit in memory)."""

    __slots__ = ()

    @property
    def membership_id(self) -> int:
        return int(self[0])

    @property
    def player(self) -> dict[str, Any]:
        return dict(zip(_PLAYER_FIELDS, self[4:_SPLIT], strict=True))

    @property
    def membership(self) -> dict[str, Any]:
        return dict(zip(_MEMBERSHIP_FIELDS, self[_SPLIT:], strict=True))


@dataclass(frozen=True)
class Fingerprint:
    """What a plan assumed of the database: which memberships the squad has and which players
    exist (counts and the newest ids). Edits of existing rows do not change it: the rows a plan
    updates are guarded by their versions, new shirts by the unique index, so another user may
    go on editing the squad while a big file is planned."""

    squad: tuple[int, int]
    players: tuple[int, int]


def fingerprint(session: Session, club_id: int | None, season_id: int | None) -> Fingerprint:
    """A cheap summary that changes whenever a squad member or a player is added or removed."""
    squad = (0, 0)
    if club_id is not None and season_id is not None:
        row = session.execute(
            select(func.count(), func.coalesce(func.max(SquadMembership.id), 0)).select_from(SquadMembership)
            .where(col(SquadMembership.club_id) == club_id, col(SquadMembership.season_id) == season_id)
        ).one()
        squad = (int(row[0]), int(row[1]))
    players = session.execute(select(func.count(), func.coalesce(func.max(Player.id), 0)).select_from(Player)).one()
    return Fingerprint(squad, (int(players[0]), int(players[1])))


@dataclass
class SquadPlanner:
    """Decides each line of one import against the snapshot and stages the decision."""

    session: Session
    club_id: int | None
    season_id: int | None
    as_of: dt.date
    staging: Staging
    player_rows: BulkRows
    membership_rows: BulkRows
    squad: dict[str, _Member] = field(default_factory=dict)
    players: dict[str, list[tuple[int, PersonKey]]] = field(default_factory=dict)
    shirts: dict[int, tuple[int | None, str]] = field(default_factory=dict)  # shirt -> (membership, name)
    seen: dict[str, int] = field(default_factory=dict)  # folded name -> line

    def snapshot(self) -> Fingerprint:
        """Read the target squad and the players known; return the fingerprint taken with them."""
        taken = fingerprint(self.session, self.club_id, self.season_id)
        if self.club_id is not None and self.season_id is not None:
            columns = [
                col(SquadMembership.id), col(SquadMembership.version), col(Player.id), col(Player.version),
                *(getattr(Player, f) for f in _PLAYER_FIELDS), *(getattr(SquadMembership, f) for f in _MEMBERSHIP_FIELDS),
            ]
            query = (
                select(*columns)
                .join_from(SquadMembership, Player, col(Player.id) == col(SquadMembership.player_id))
                .where(col(SquadMembership.club_id) == self.club_id, col(SquadMembership.season_id) == self.season_id)
            )
            name, left, shirt = (4 + _PLAYER_FIELDS.index("name"), _SPLIT + _MEMBERSHIP_FIELDS.index("left_on"),
                                 _SPLIT + _MEMBERSHIP_FIELDS.index("shirt_number"))
            for row in self.session.execute(query, execution_options={"yield_per": 2000}):
                key = fold(row[name])
                if key not in self.squad or row[left] is None:
                    self.squad[key] = _Member(row)
                if row[left] is None and row[shirt] is not None:
                    self.shirts[row[shirt]] = (row[0], row[name])
        known = select(col(Player.id), col(Player.name), col(Player.date_of_birth), col(Player.birth_year))
        for player_id, name, born, year in self.session.execute(known, execution_options={"yield_per": 2000}):
            key = fold(name)
            if key not in self.squad:  # a line with a squad member's name updates that member
                self.players.setdefault(key, []).append((player_id, PersonKey(key, born, year)))
        return taken

    def decide(self, row: SquadRow) -> tuple[str, str]:
        """Validate one line and stage what it does; return (outcome, name). Raises ValidationError."""
        player_values = {k: v for k, v in row.values.items() if k in PLAYER_FIELDS}
        clean_player = validate_player_values({"name": None, **player_values}, as_of=self.as_of)
        clean_member = validate_membership_values({k: v for k, v in row.values.items() if k in MEMBERSHIP_FIELDS})
        name: str = clean_player["name"]
        key = fold(name)
        if key in self.seen:
            raise ValidationError(
                "name", "duplicate_in_file", tr("{p} is already listed on line {n} of this file", p=name, n=self.seen[key])
            )
        existing = self.squad.get(key)
        if existing is not None:
            outcome = self._update(existing, clean_player, clean_member)
        else:
            outcome = self._add(name, key, clean_player, clean_member)
        self.seen[key] = row.line
        return outcome, name

    def _take_shirt(self, shirt: int | None, membership_id: int | None, name: str) -> None:
        """Refuse a shirt number someone else wears (as planned so far); else note who wears it."""
        if shirt is None:
            return
        wearer = self.shirts.get(shirt)
        if wearer is not None and (membership_id is None or wearer[0] != membership_id):
            raise ValidationError(
                "shirt_number", "duplicate", tr("Shirt number {n} is already worn by {p}", n=shirt, p=wearer[1])
            )
        self.shirts[shirt] = (membership_id, name)

    def _update(self, member: _Member, player: dict[str, Any], membership: dict[str, Any]) -> str:
        stored_player, stored_membership = member.player, member.membership
        player_changes = {k: v for k, v in player.items() if stored_player[k] != v}
        membership_changes = {k: v for k, v in membership.items() if stored_membership[k] != v}
        merged = {**stored_membership, **membership_changes}
        check_contract_order(merged["contract_start"], merged["contract_end"])
        check_leaving(merged["left_on"], merged["left_reason"], merged["joined_on"])
        if "shirt_number" in membership_changes and merged["left_on"] is None:
            old = stored_membership["shirt_number"]
            self._take_shirt(merged["shirt_number"], member.membership_id, player["name"])
            if old is not None and self.shirts.get(old, (None, ""))[0] == member.membership_id:
                del self.shirts[old]
        if not (player_changes or membership_changes):
            return UNCHANGED
        if player_changes:
            self.staging.add_object(UPDATES, ("player", member[2], member[3], player_changes))
        if membership_changes:
            self.staging.add_object(UPDATES, ("squad_membership", member[0], member[1], membership_changes))
        return UPDATE

    def _add(self, name: str, key: str, player: dict[str, Any], membership: dict[str, Any]) -> str:
        check_contract_order(membership.get("contract_start"), membership.get("contract_end"))
        check_leaving(membership.get("left_on"), membership.get("left_reason"), membership.get("joined_on"))
        if membership.get("left_on") is None:
            self._take_shirt(membership.get("shirt_number"), None, name)
        found = self._player_elsewhere(PersonKey(key, player.get("date_of_birth"), player.get("birth_year")))
        if found is None:
            number = self.staging.add(NEW_PLAYERS, self.player_rows.encode(player))
            self.staging.add(MEMBERSHIPS, (number, None, *self.membership_rows.encode(membership)))
        else:
            stored = self.session.get(Player, found)
            assert stored is not None
            changes = {k: v for k, v in player.items() if getattr(stored, k) != v}
            if changes:
                self.staging.add_object(UPDATES, ("player", found, stored.version, changes))
            self.staging.add(MEMBERSHIPS, (None, found, *self.membership_rows.encode(membership)))
        return NEW_PLAYER

    def _player_elsewhere(self, wanted: PersonKey) -> int | None:
        """The same person already known (``same_person``); a birth-year-only match counts unless
        that player is current at another club this season (a namesake)."""
        for known_id, known in self.players.get(wanted.folded_name, []):
            verdict = same_person(wanted, known)
            if verdict or (verdict is None and not self._in_another_squad(known_id)):
                return known_id
        return None

    def _in_another_squad(self, player_id: int) -> bool:
        query = select(col(SquadMembership.id)).where(
            col(SquadMembership.player_id) == player_id,
            col(SquadMembership.season_id) == self.season_id,
            col(SquadMembership.club_id) != self.club_id,
            col(SquadMembership.left_on).is_(None),
        )
        return self.session.execute(query).first() is not None
