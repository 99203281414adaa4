"""Fixture import: a calendar (.ics), a club's list (.csv) or an openfootball league (.json).

``plan_fixture_import`` reads the file (streamed, its encoding told, binary refused) and decides
what each match does against a snapshot of the database, without the write lock and without
writing: the File → Import preview shows that plan. ``apply_fixture_plan`` then writes it in ONE
transaction, after checking that nothing it planned against changed meanwhile (another user's
matches, our club, a club or competition it would create); if something did, it plans again from
the file. A refused import leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from db.bulk import reserve_ids
from db.changes import CLUB, COMPETITION, EVERY_ROW, FIXTURE, SEASON, SETTING, Change
from db.domain.text import fold
from db.engine import Database, current_user
from db.errors import ImportRefused, ValidationError
from db.i18n import tr
from db.importers.fixture_changes import Issue, NewRow, Planned
from db.importers.fixture_lines import FixtureSource
from db.importers.fixtures_csv import read_fixture_csv
from db.importers.fixtures_ics import read_fixture_calendar
from db.importers.fixtures_json import read_fixture_json
from db.importers.fixtures_plan import FixturePlanner
from db.importers.fixtures_snapshot import season_fingerprint
from db.importers.text_files import detect_encoding, first_content_line
from db.reference.models import Club, ClubAlias, Season
from db.reference.queries import CURRENT_SEASON, OUR_CLUB, find_competition, get_setting
from db.reference.writes import ensure_competition, ensure_season, set_setting
from db.versioning import integrity_to_validation

ATTEMPTS = 3  # plans made before giving up on a calendar that keeps changing under the import
SHOWN = 20  # matches and refusals a summary lists before it only counts


@dataclass
class FixtureSummary:
    """What an import adds, updates, leaves unchanged, skips (not a match) and refuses (by line or UID)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[Issue] = field(default_factory=list)
    skipped: list[Issue] = field(default_factory=list)
    club_name: str = ""
    notes: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def lines(self, limit: int | None = SHOWN) -> list[str]:
        """A human summary: counts, then the first ``limit`` added, updated, refused and skipped
        (None lists all), then notes (clubs matched by a short name, new competitions)."""
        out = [tr("Added {a}, updated {u}, unchanged {n}, skipped {s}, refused {r}", a=len(self.added),
                  u=len(self.updated), n=len(self.unchanged), s=len(self.skipped), r=len(self.refused))]
        out += [tr("added: {m}", m=match) for match in self.added[:limit]]
        out += [tr("updated: {m}", m=match) for match in self.updated[:limit]]
        out += [str(issue) for issue in self.refused[:limit]]
        out += [tr("skipped {w}: {m}", w=issue.where, m=issue.message) for issue in self.skipped[:limit]]
        hidden = sum(max(0, len(items) - limit) for items in (self.added, self.updated, self.refused, self.skipped)) \
            if limit is not None else 0
        if hidden:
            out.append(tr("… and {n} more not shown", n=hidden))
        out += self.notes[:limit]
        if self.ignored_columns:
            out.append(tr("Ignored columns: {c}", c=", ".join(self.ignored_columns)))
        return out


@dataclass
class FixturePlan(FixtureSummary):
    """A planned import, nothing written yet: what the preview shows and ``apply_fixture_plan`` writes."""

    path: Path = Path()
    club: str | None = None
    competition: str | None = None
    planned: Planned = field(default_factory=Planned, repr=False)


@dataclass
class FixtureImportReport(FixtureSummary):
    """What an applied import wrote; ``change`` is the notice for the screens."""

    change: Change = field(default_factory=Change)


def read_fixture_file(path: Path) -> FixtureSource:
    """Check a fixture file and tell its kind (by extension, else by its first line); ImportRefused
    when it is not one (binary, empty, another encoding, missing columns, no events)."""
    encoding = detect_encoding(path)
    first = first_content_line(path, encoding)
    if first is None:
        raise ImportRefused(tr("{p} is empty", p=path))
    suffix, text = path.suffix.lower(), first[1].lstrip("\ufeff").lstrip()
    if suffix in (".ics", ".ical", ".ifb") or (suffix not in (".csv", ".json") and text.upper().startswith("BEGIN:")):
        return read_fixture_calendar(path, encoding)
    if suffix == ".json" or (suffix != ".csv" and text[:1] in "{["):
        return read_fixture_json(path, encoding)
    return read_fixture_csv(path, encoding)


def plan_fixture_import(database: Database, path: Path | str, *, club: str | None = None,
                        competition: str | None = None) -> FixturePlan:
    """Plan importing a fixture file: nothing is written. ``club`` is the club the file is for (a
    calendar's or a list's; by name or alias), by default ours; ``competition`` the one meant
    where the file names none. ImportRefused when the file is not a fixture file, or when a new
    database has no club and none is given (the message lists the clubs the file names)."""
    source = read_fixture_file(Path(path))
    with database.reading() as session:
        planned = FixturePlanner(session, source, club=club, competition=competition).run()
    plan = FixturePlan(
        added=[label for label, _values in planned.adds], updated=[label for label, *_rest in planned.updates],
        unchanged=planned.unchanged, refused=planned.refused, skipped=planned.skipped, club_name=planned.club_name,
        notes=planned.notes, ignored_columns=list(source.ignored_columns), path=Path(path), club=club,
        competition=competition, planned=planned,
    )
    return plan


class _Moved(Exception):
    """What the plan assumed changed before the merge: plan again."""


def apply_fixture_plan(database: Database, plan: FixturePlan, *, by: str | None = None) -> FixtureImportReport:
    """Write a plan in one transaction; plan again (from its file) when the database moved on
    meanwhile. ImportRefused when no match of the file could be imported."""
    by = by or current_user()
    for attempt in range(ATTEMPTS):
        if attempt:
            plan = plan_fixture_import(database, plan.path, club=plan.club, competition=plan.competition)
        if not (plan.added or plan.updated or plan.unchanged):
            raise ImportRefused(_nothing(plan))
        try:
            change = _merge(database, plan.planned, by)
        except _Moved:
            continue
        except ValidationError as error:  # a rule only the database could check: nothing was written
            raise ImportRefused(tr("The import was refused and nothing was written: {m}", m=error.message)) from error
        return FixtureImportReport(plan.added, plan.updated, plan.unchanged, plan.refused, plan.skipped,
                                   plan.club_name, plan.notes, plan.ignored_columns, change)
    raise ImportRefused(tr("The fixtures kept changing while they were being imported; nothing was written, try again"))


def _nothing(plan: FixturePlan) -> str:
    if plan.refused:
        first = plan.refused[0]
        return tr("No match could be imported ({n} refused; {w}: {m})", n=len(plan.refused), w=first.where,
                  m=first.message)
    return tr("{p} holds no matches ({n} events skipped)", p=plan.path, n=len(plan.skipped))


def _merge(database: Database, planned: Planned, by: str) -> Change:
    """Create what the plan needs, then insert and update its matches in bulk, all in one transaction."""
    try:
        with database.transaction() as session:
            _check_unchanged(session, planned)
            ids = _create_references(session, planned, by)
            now = dt.datetime.now(dt.UTC)
            added = _insert(session, planned, ids, {"version": 1, "updated_at": now, "updated_by": by})
            updated = _update(session, planned, ids, {"updated_at": now, "updated_by": by})
    except IntegrityError as error:  # a concurrent writer got there first, or a rule no plan foresaw
        raise _Moved from error if "UNIQUE" in str(error.orig).upper() else integrity_to_validation(error)
    kinds: dict[str, Any] = {FIXTURE: [*added, *updated]}
    for kind, rows in ((CLUB, planned.clubs), (COMPETITION, planned.competitions), (SEASON, planned.seasons)):
        if rows:
            kinds[kind] = [ids[temp] for temp in rows]
    if planned.set_our_club:
        kinds[SETTING] = EVERY_ROW
    return Change(kinds)


def _check_unchanged(session: Session, planned: Planned) -> None:
    seen = get_setting(session, OUR_CLUB)
    if (int(seen) if seen else None) != planned.our_club_seen:
        raise _Moved
    for (competition_id, season_id), taken in planned.fingerprints.items():
        if season_fingerprint(session, competition_id, season_id) != taken:
            raise _Moved
    keys = {fold(spelling) for row in planned.clubs.values() for spelling in (row.name, *row.aliases)}
    if _taken(session, ClubAlias.alias_key, keys) or _taken(session, Club.name, {r.name for r in planned.clubs.values()}) or \
            any(find_competition(session, row.name) for row in planned.competitions.values()) or \
            any(session.exec(select(Season.id).where(Season.label == row.name)).first() for row in planned.seasons.values()):
        raise _Moved


def _create_references(session: Session, planned: Planned, by: str) -> dict[int, int]:
    """Seasons, competitions and clubs the plan names for the first time: temporary id -> real id."""
    ids: dict[int, int] = {}
    for season in planned.seasons.values():
        ids[season.temp_id] = ensure_season(session, season.name, by=by).id or 0
    for row in planned.competitions.values():
        rules = {k: v for k, v in (("country", row.country), ("timezone", row.timezone)) if v}
        ids[row.temp_id] = ensure_competition(session, row.name, kind=row.kind, aliases=row.aliases, by=by, **rules).id or 0
    ids.update(_create_clubs(session, list(planned.clubs.values()), by))
    aliases = {fold(spelling): (ids.get(club_id, club_id), spelling) for club_id, spelling in planned.club_aliases
               if len(fold(spelling)) <= 120 and len(spelling) <= 120}
    taken = _taken(session, ClubAlias.alias_key, set(aliases))
    fresh = [{"club_id": club_id, "alias": spelling, "alias_key": key}  # short names matched loosely
             for key, (club_id, spelling) in aliases.items() if key not in taken]
    if fresh:
        session.connection().execute(insert(SQLModel.metadata.tables["club_alias"]), fresh)
    if planned.set_our_club:
        assert planned.club_id is not None
        set_setting(session, OUR_CLUB, str(ids.get(planned.club_id, planned.club_id)))
        if planned.current_season is not None and get_setting(session, CURRENT_SEASON) is None:
            set_setting(session, CURRENT_SEASON, str(ids.get(planned.current_season, planned.current_season)))
    session.flush()
    return ids


def _taken(session: Session, column: Any, values: set[str]) -> set[str]:
    """Which of ``values`` a column already holds (in chunks: a league names a few dozen clubs, a
    big calendar thousands)."""
    found: set[str] = set()
    ordered = sorted(values)
    for start in range(0, len(ordered), 500):
        found.update(session.exec(select(column).where(column.in_(ordered[start:start + 500]))).all())
    return found


def _create_clubs(session: Session, rows: list[NewRow], by: str) -> dict[int, int]:
    """New clubs with their names and spellings as aliases, in bulk (as ``ensure_club`` makes them)."""
    if not rows:
        return {}
    connection = session.connection()
    tables = SQLModel.metadata.tables
    new_ids = reserve_ids(connection, tables["club"], len(rows))
    now = dt.datetime.now(dt.UTC)
    connection.execute(insert(tables["club"]), [
        {"id": new_id, "name": row.name, "short_name": row.name[:60], "country": row.country, "version": 1,
         "updated_at": now, "updated_by": by} for new_id, row in zip(new_ids, rows, strict=True)])
    aliases: dict[str, dict[str, Any]] = {}
    for new_id, row in zip(new_ids, rows, strict=True):
        for spelling in (row.name, *row.aliases):
            aliases.setdefault(fold(spelling), {"club_id": new_id, "alias": spelling, "alias_key": fold(spelling)})
    connection.execute(insert(tables["club_alias"]), list(aliases.values()))
    return {row.temp_id: new_id for new_id, row in zip(new_ids, rows, strict=True)}


_IDS = ("season_id", "competition_id", "club_id", "opponent_id")


def _real(values: dict[str, Any], ids: dict[int, int]) -> dict[str, Any]:
    return {k: (ids.get(v, v) if k in _IDS else v) for k, v in values.items()}


def _insert(session: Session, planned: Planned, ids: dict[int, int], stamp: dict[str, Any]) -> list[int]:
    if not planned.adds:
        return []
    table = SQLModel.metadata.tables["fixture"]
    connection = session.connection()
    new_ids = reserve_ids(connection, table, len(planned.adds))
    rows = [{**_real(values, ids), **stamp, "id": new_id} for new_id, (_label, values) in zip(new_ids, planned.adds, strict=True)]
    for start in range(0, len(rows), 2000):
        connection.execute(insert(table), rows[start:start + 2000])
    return new_ids


def _update(session: Session, planned: Planned, ids: dict[int, int], stamp: dict[str, Any]) -> list[int]:
    """``UPDATE … WHERE id = :id AND version = :seen``, grouped by the fields changed; a row that
    moved on since the plan means plan again."""
    table = SQLModel.metadata.tables["fixture"]
    groups: dict[frozenset[str], list[dict[str, Any]]] = {}
    for _label, fixture_id, version, changes in planned.updates:
        real = _real(changes, ids)
        groups.setdefault(frozenset(real), []).append(
            {**{f"v_{k}": v for k, v in real.items()}, "b_id": fixture_id, "b_version": version})
    for fields, params in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(**{k: bindparam(f"v_{k}") for k in fields}, version=table.c.version + 1, **stamp)
        )
        result: Any = session.connection().execute(statement, params)
        if result.rowcount != len(params):
            raise _Moved
    return [fixture_id for _label, fixture_id, _version, _changes in planned.updates]
