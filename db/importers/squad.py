"""Squad import: read a CSV or openfootball squad list, then add or update players and memberships.

Reading never touches the database; applying runs in one transaction with a SAVEPOINT per row,
so a refused row is rolled back alone and reported with its line number and the field at fault.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from db.domain.seasons import season_label_for
from db.domain.squad_rules import PersonKey, check_contract_order, same_person
from db.domain.text import fold
from db.engine import Database, current_user
from db.errors import ImportRefused, StaleEdit, ValidationError
from db.i18n import tr
from db.importers.squad_files import ParsedSquad, SquadRow
from db.reference.models import Club, Season
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, find_club, get_setting
from db.reference.writes import ensure_club, ensure_season, set_setting
from db.squad.models import Player, SquadMembership
from db.squad.validation import validate_membership_values, validate_player_values
from db.squad.writes import MEMBERSHIP_FIELDS, PLAYER_FIELDS, add_membership, check_shirt_free, create_player
from db.versioning import integrity_to_validation, update_versioned


@dataclass
class ImportReport:
    """What an import added, updated, left unchanged and refused (by line)."""

    added: list[str]
    updated: list[str]
    unchanged: list[str]
    refused: list[tuple[int, str]]
    refused_fields: dict[int, str] = field(default_factory=dict)  # line -> field at fault
    ignored_columns: list[str] = field(default_factory=list)
    club_name: str = ""
    season_label: str = ""

    def lines(self) -> list[str]:
        """A human summary: counts first, then one line per refusal, then ignored columns."""
        out = [
            tr(
                "Added {a}, updated {u}, unchanged {n}, refused {r}",
                a=len(self.added), u=len(self.updated), n=len(self.unchanged), r=len(self.refused),
            )
        ]
        out += [tr("added: {p}", p=name) for name in self.added]
        out += [tr("updated: {p}", p=name) for name in self.updated]
        out += [tr("line {n}: {m}", n=line, m=message) for line, message in self.refused]
        if self.ignored_columns:
            out.append(tr("Ignored columns: {c}", c=", ".join(self.ignored_columns)))
        return out


def apply_squad(
    database: Database,
    parsed: ParsedSquad,
    *,
    club: str | None,
    season: str | None,
    as_of: dt.date,
    by: str | None = None,
) -> ImportReport:
    """Add or update the parsed rows in one transaction; each refused row is rolled back alone."""
    by = by or current_user()
    report = ImportReport(
        [], [], [], list(parsed.refused), dict(parsed.refused_fields), list(parsed.ignored_columns)
    )
    with database.transaction() as session:
        target, from_header = _resolve_club(session, parsed, club, by)
        period = _resolve_season(session, parsed, season, as_of, by)
        assert target.id is not None and period.id is not None
        if from_header and get_setting(session, OUR_CLUB) is None:
            # A fresh database importing an openfootball list: that club and season become ours.
            set_setting(session, OUR_CLUB, str(target.id))
            if get_setting(session, CURRENT_SEASON) is None:
                set_setting(session, CURRENT_SEASON, str(period.id))
        report.club_name, report.season_label = target.name, period.label
        applier = _SquadApplier(session, target.id, period.id, as_of=as_of, by=by)
        outcomes = {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}
        for row in parsed.rows:
            try:
                with session.begin_nested():
                    outcome, name = applier.apply(row)
            except IntegrityError as error:
                _refuse(report, row.line, integrity_to_validation(error))
            except (ValidationError, StaleEdit) as error:
                _refuse(report, row.line, error)
            else:
                applier.remember_last()
                outcomes[outcome].append(name)
        if report.refused and not (report.added or report.updated or report.unchanged):
            # Nothing could be imported: the club or season this run created go too.
            first_line, first = min(report.refused)
            raise ImportRefused(
                tr("No line could be imported ({n} refused; line {l}: {m})", n=len(report.refused), l=first_line, m=first)
            )
    report.refused.sort()
    return report


def _refuse(report: ImportReport, line: int, error: ValidationError | StaleEdit) -> None:
    report.refused.append((line, str(error)))
    report.refused_fields[line] = error.field if isinstance(error, ValidationError) else ""


def _resolve_club(session: Session, parsed: ParsedSquad, name: str | None, by: str) -> tuple[Club, bool]:
    """``--club`` wins, then the file's header, then the database's own club; True if from the header."""
    try:
        if name:
            header = parsed.club_name
            known = find_club(session, name) or (find_club(session, header) if header else None)
            # Another spelling of a club we know ("Real Madrid CF" for "Real Madrid") becomes an
            # alias of it, so re-importing under it never creates a second club and squad.
            club = ensure_club(session, known.name if known else name, aliases=[name], by=by)
            if header and find_club(session, header) is None:
                club = ensure_club(session, club.name, aliases=[header], by=by)
            return club, False
        if parsed.club_name:
            return ensure_club(session, parsed.club_name, by=by), True
    except ValidationError as error:
        raise ImportRefused(tr("Club: {m}", m=error.message)) from error
    ours = get_setting(session, OUR_CLUB)
    own = session.get(Club, int(ours)) if ours else None
    if own is None:
        raise ImportRefused(
            tr("No club to import into: the file names none and the database has no club yet; pass --club NAME")
        )
    return own, False


def _resolve_season(session: Session, parsed: ParsedSquad, label: str | None, as_of: dt.date, by: str) -> Season:
    """``--season`` wins, then the file's header, then the current season, then the one ``as_of`` is in."""
    label = label or parsed.season_label
    if not label:
        current = get_setting(session, CURRENT_SEASON)
        found = session.get(Season, int(current)) if current else None
        if found is not None:
            return found
        label = season_label_for(as_of)
    try:
        return ensure_season(session, label, by=by)
    except ValidationError as error:
        raise ImportRefused(tr("Season: {m}", m=error.message)) from error


class _SquadApplier:
    """Matches rows to the squad and to players elsewhere, then adds or updates them."""

    def __init__(self, session: Session, club_id: int, season_id: int, *, as_of: dt.date, by: str) -> None:
        self.session, self.club_id, self.season_id, self.as_of, self.by = session, club_id, season_id, as_of, by
        self.squad: dict[str, tuple[SquadMembership, Player]] = {}
        query = (
            select(SquadMembership, Player)
            .join(Player, col(Player.id) == col(SquadMembership.player_id))
            .where(SquadMembership.club_id == club_id, SquadMembership.season_id == season_id)
        )
        for membership, player in session.exec(query):
            key = fold(player.name)
            if key not in self.squad or membership.left_on is None:
                self.squad[key] = (membership, player)
        # Everyone already known, by folded name: (id, what tells namesakes apart).
        self.players: dict[str, list[tuple[int, PersonKey]]] = {}
        for known in session.exec(select(Player)):
            assert known.id is not None
            person = PersonKey(fold(known.name), known.date_of_birth, known.birth_year)
            self.players.setdefault(person.folded_name, []).append((known.id, person))
        self.seen: dict[str, int] = {}
        self._last: tuple[str, int, SquadMembership, Player, bool] | None = None

    def apply(self, row: SquadRow) -> tuple[str, str]:
        """Apply one row inside the caller's savepoint; return ('added'|'updated'|'unchanged', name)."""
        self._last = None
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
            membership, player = existing
            changed = self._update(Player, player, clean_player)
            changed = self._update_membership(membership, clean_member) or changed
            self._last = (key, row.line, membership, player, False)
            return ("updated" if changed else "unchanged"), name
        check_contract_order(clean_member.get("contract_start"), clean_member.get("contract_end"))
        found = self._player_elsewhere(key, clean_player)
        if found is None:
            player = create_player(self.session, clean_player, as_of=self.as_of, by=self.by)
        else:
            player = found
            self._update(Player, player, clean_player)
        assert player.id is not None
        membership = add_membership(
            self.session, player_id=player.id, club_id=self.club_id, season_id=self.season_id,
            values=clean_member, by=self.by,
        )
        self._last = (key, row.line, membership, player, found is None)
        return "added", name

    def remember_last(self) -> None:
        """Record the row just applied once its savepoint is released (a refused row leaves no trace)."""
        if self._last is None:
            return
        key, line, membership, player, is_new = self._last
        self.seen[key] = line
        self.squad[key] = (membership, player)
        if is_new:
            assert player.id is not None
            self.players.setdefault(key, []).append(
                (player.id, PersonKey(key, player.date_of_birth, player.birth_year)))

    def _player_elsewhere(self, key: str, values: dict[str, Any]) -> Player | None:
        """The same person already known (``same_person``); a birth-year-only match counts unless
        that player is current at another club this season (a namesake)."""
        wanted = PersonKey(key, values.get("date_of_birth"), values.get("birth_year"))
        for known_id, known in self.players.get(key, []):
            verdict = same_person(wanted, known)
            if verdict or (verdict is None and not self._in_another_squad(known_id)):
                return self.session.get(Player, known_id)
        return None

    def _in_another_squad(self, player_id: int) -> bool:
        """A year-only match already current at another club this season is a namesake, not the same man."""
        query = select(SquadMembership.id).where(
            SquadMembership.player_id == player_id,
            SquadMembership.season_id == self.season_id,
            SquadMembership.club_id != self.club_id,
            SquadMembership.left_on == None,  # noqa: E711
        )
        return self.session.exec(query).first() is not None

    def _update_membership(self, membership: SquadMembership, values: dict[str, Any]) -> bool:
        changes = {k: v for k, v in values.items() if getattr(membership, k) != v}
        if "contract_start" in changes or "contract_end" in changes:
            check_contract_order(
                changes.get("contract_start", membership.contract_start),
                changes.get("contract_end", membership.contract_end),
            )
        if "shirt_number" in changes and membership.left_on is None:
            check_shirt_free(self.session, self.club_id, self.season_id, changes["shirt_number"], membership.id)
        return self._update(SquadMembership, membership, changes)

    def _update(self, model: type[Player] | type[SquadMembership], row: Any, values: dict[str, Any]) -> bool:
        """Write only the fields whose values differ; True if anything changed."""
        changes = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changes:
            return False
        update_versioned(self.session, model, row.id, row.version, changes, self.by)
        return True
