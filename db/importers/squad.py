"""Squad import: plan without the write lock, then merge in one short transaction.

Reading and deciding (``squad_plan``) streams the file against a snapshot of the squad and of the
players known, staging each accepted line in a scratch file; only then does one write
transaction check that nothing it planned against has changed (else it plans again) and write
the staged rows in bulk. Other writers wait for that merge alone, never for the reading, and a
failed import writes nothing. Memory stays bounded by the snapshot, not by the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from db.bulk import BulkRows, execute_many, reserve_ids
from db.domain.checks import check_text
from db.domain.seasons import season_label, season_label_for
from db.engine import Database, current_user
from db.errors import ImportRefused, ValidationError
from db.i18n import tr, tr_noop
from db.importers.squad_files import RefusedLine, SquadFile
from db.importers.squad_plan import (
    MEMBERSHIPS,
    NEW_PLAYER,
    NEW_PLAYERS,
    UPDATE,
    UPDATES,
    Fingerprint,
    SquadPlanner,
    fingerprint,
)
from db.importers.staging import Staging
from db.reference.models import Club, Season
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, find_club, get_setting
from db.reference.writes import ensure_club, ensure_season, set_setting
from db.squad.models import Player, SquadMembership
from db.versioning import integrity_to_validation

ATTEMPTS = 3  # plans made before giving up on a squad that keeps changing under the import
SHOWN = 20  # names and refusals a report lists before it only counts


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

    def refuse(self, line: int, field_name: str, message: str) -> None:
        """Record a refused line and the field at fault."""
        self.refused.append((line, message))
        self.refused_fields[line] = field_name

    def lines(self, limit: int | None = SHOWN) -> list[str]:
        """A human summary: counts, then who was added and updated and each refusal (the first
        ``limit`` of each; None lists all), then ignored columns."""
        out = [tr("Added {a}, updated {u}, unchanged {n}, refused {r}", a=len(self.added), u=len(self.updated),
                  n=len(self.unchanged), r=len(self.refused))]
        for items, template in ((self.added, "added"), (self.updated, "updated")):
            for name in items[:limit]:
                out.append(tr("added: {p}", p=name) if template == "added" else tr("updated: {p}", p=name))
        for line, message in self.refused[:limit]:
            out.append(tr("line {n}: {m}", n=line, m=message))
        hidden = sum(max(0, len(items) - limit) for items in (self.added, self.updated, self.refused)) if limit else 0
        if hidden:
            out.append(tr("… and {n} more lines not shown (--report FILE writes them all)", n=hidden))
        if self.ignored_columns:
            out.append(tr("Ignored columns: {c}", c=", ".join(self.ignored_columns)))
        return out


@dataclass
class _Target:
    """Where the rows go: the club (found, or to create with its aliases) and the season."""

    club_name: str
    aliases: list[str]
    from_header: bool
    season_label: str | None  # None: the database's current season
    club_id: int | None = None
    season_id: int | None = None


class _Moved(Exception):
    """The squad or the players changed between planning and merging: plan again."""


def apply_squad(
    database: Database, parsed: SquadFile, *, club: str | None, season: str | None, as_of: dt.date,
    by: str | None = None,
) -> ImportReport:
    """Import a squad list: plan it line by line, then merge everything accepted in one transaction."""
    by = by or current_user()
    for _attempt in range(ATTEMPTS):
        with Staging() as staging:
            report, target, taken = _plan(database, parsed, club, season, as_of, staging)
            if not (report.added or report.updated or report.unchanged):
                first_line, first = min(report.refused)
                raise ImportRefused(tr("No line could be imported ({n} refused; line {l}: {m})",
                                       n=len(report.refused), l=first_line, m=first))
            try:
                _merge(database, target, taken, staging, by)
            except _Moved:
                continue
        report.refused.sort()
        return report
    raise ImportRefused(tr("The squad kept changing while it was being imported; nothing was written, try again"))


def _plan(database: Database, parsed: SquadFile, club: str | None, season: str | None, as_of: dt.date,
          staging: Staging) -> tuple[ImportReport, _Target, Fingerprint]:
    report = ImportReport([], [], [], [], {}, list(parsed.ignored_columns))
    with database.reading() as session:
        target = _resolve(session, parsed, club, season, as_of)
        report.club_name, report.season_label = target.club_name, target.season_label or ""
        planner = SquadPlanner(session, target.club_id, target.season_id, as_of, staging, *row_codecs(database))
        taken = planner.snapshot()
        outcomes = {NEW_PLAYER: report.added, UPDATE: report.updated}
        for item in parsed.lines():
            if isinstance(item, RefusedLine):
                report.refuse(item.line, item.field, item.message)
                continue
            try:
                outcome, name = planner.decide(item)
            except ValidationError as error:
                report.refuse(item.line, error.field, error.message)
                continue
            outcomes.get(outcome, report.unchanged).append(name)
    return report, target, taken


def _resolve(session: Session, parsed: SquadFile, club: str | None, season: str | None, as_of: dt.date) -> _Target:
    """``--club`` wins, then the file's header, then our club; ``--season``, then the file's, then
    the current season, then the one ``as_of`` falls in. Nothing is created yet."""
    header = parsed.club_name
    try:
        if club:
            name = check_text("name", club, label=tr_noop("Club name"), max_length=120) or club
            known = find_club(session, name) or (find_club(session, header) if header else None)
            # Another spelling of a club we know becomes an alias of it, so a re-import under it
            # never creates a second club and squad.
            aliases = [name] + ([header] if header and find_club(session, header) is None else [])
            target = _Target(known.name if known else name, aliases, False, None, known.id if known else None)
        elif header:
            known = find_club(session, header)
            target = _Target(known.name if known else header, [], True, None, known.id if known else None)
        else:
            ours = get_setting(session, OUR_CLUB)
            own = session.get(Club, int(ours)) if ours else None
            if own is None:
                raise ImportRefused(tr(
                    "No club to import into: the file names none and the database has no club yet; pass --club NAME"))
            target = _Target(own.name, [], False, None, own.id)
    except ValidationError as error:
        raise ImportRefused(tr("Club: {m}", m=error.message)) from error
    label = season or parsed.season_label
    if not label:
        current = get_setting(session, CURRENT_SEASON)
        found = session.get(Season, int(current)) if current else None
        if found is not None:
            target.season_label, target.season_id = found.label, found.id
            return target
        label = season_label_for(as_of)
    try:
        target.season_label = season_label(label)
    except ValidationError as error:
        raise ImportRefused(tr("Season: {m}", m=error.message)) from error
    existing = session.exec(select(Season).where(Season.label == target.season_label)).first()
    target.season_id = existing.id if existing else None
    return target


def _defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Every column's Python-side default (None where it has none): Core statements do not apply them."""
    return {name: None if info.default is PydanticUndefined else info.default
            for name, info in model.model_fields.items() if name != "id"}


def row_codecs(database: Database) -> tuple[BulkRows, BulkRows]:
    """How new players and memberships travel from the plan to the merge on this database."""
    tables, dialect = SQLModel.metadata.tables, database.engine.dialect
    players = BulkRows(tables["player"], dialect, lead=["id"], fixed=_STAMP, defaults=_defaults(Player))
    memberships = BulkRows(tables["squad_membership"], dialect, lead=["player_id"],
                           fixed=["club_id", "season_id", *_STAMP], defaults=_defaults(SquadMembership))
    return players, memberships


_STAMP = ["version", "updated_at", "updated_by"]


def _merge(database: Database, target: _Target, taken: Fingerprint, staging: Staging, by: str) -> None:
    """Write the staged plan in one transaction, if nothing it assumed has changed."""
    stamp = {"version": 1, "updated_at": dt.datetime.now(dt.UTC), "updated_by": by}
    player_rows, membership_rows = row_codecs(database)
    try:
        with database.transaction() as session:
            club, season = _ensure_target(session, target, by)
            if (target.club_id not in (None, club.id)) or (target.season_id not in (None, season.id)) \
                    or fingerprint(session, club.id, season.id) != taken:
                raise _Moved
            connection = session.connection()
            ids = reserve_ids(connection, player_rows.table, staging.counts.get(NEW_PLAYERS, 0))
            fixed = player_rows.fixed_values(stamp)
            sql, done = player_rows.insert_sql(), 0
            for batch in staging.rows(NEW_PLAYERS):
                execute_many(connection, sql, [(ids[done + i], *player_rows.decode(row), *fixed)
                                               for i, row in enumerate(batch)])
                done += len(batch)
            fixed = membership_rows.fixed_values({**stamp, "club_id": club.id, "season_id": season.id})
            sql = membership_rows.insert_sql()
            for batch in staging.rows(MEMBERSHIPS):
                execute_many(connection, sql, [
                    (ids[number - 1] if number is not None else player_id, *membership_rows.decode(row), *fixed)
                    for number, player_id, *row in batch
                ])
            for updates in staging.objects(UPDATES):
                _update_rows(session, updates, {k: stamp[k] for k in ("updated_at", "updated_by")})
    except IntegrityError as error:  # a constraint no plan could foresee: a concurrent writer got there first
        raise _Moved from error if "UNIQUE" in str(error.orig).upper() else integrity_to_validation(error)


def _ensure_target(session: Session, target: _Target, by: str) -> tuple[Club, Season]:
    try:
        club = ensure_club(session, target.club_name, aliases=target.aliases, by=by)
    except ValidationError as error:
        raise ImportRefused(tr("Club: {m}", m=error.message)) from error
    if target.season_label is None:
        raise _Moved  # the current season was removed meanwhile
    season = ensure_season(session, target.season_label, by=by)
    if target.from_header and get_setting(session, OUR_CLUB) is None:
        # A fresh database importing an openfootball list: that club and season become ours.
        set_setting(session, OUR_CLUB, str(club.id))
        if get_setting(session, CURRENT_SEASON) is None:
            set_setting(session, CURRENT_SEASON, str(season.id))
    return club, season


def _update_rows(session: Session, updates: list[tuple[str, int, int, dict[str, Any]]],
                 stamp: dict[str, Any]) -> None:
    """``UPDATE … WHERE id = :id AND version = :seen`` for each planned change, grouped by table and
    the fields they change; a row that moved on since the plan means plan again."""
    groups: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for table_name, row_id, version, changes in updates:
        groups.setdefault((table_name, frozenset(changes)), []).append(
            {**{f"v_{k}": v for k, v in changes.items()}, "b_id": row_id, "b_version": version})
    for (table_name, fields), params in groups.items():
        table = SQLModel.metadata.tables[table_name]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(**{k: bindparam(f"v_{k}") for k in fields}, version=table.c.version + 1, **stamp)
        )
        result: Any = session.connection().execute(statement, params)
        if result.rowcount != len(params):
            raise _Moved
