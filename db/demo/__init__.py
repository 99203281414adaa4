"""The demo season: Real Madrid as of 2 May 2025, loaded idempotently into a demo database.

Sources are ``resources/demo/real_madrid_2025-05-02.json`` (curated from the fact sheet) and the
public-domain openfootball LaLiga file it names. One loader per section (reference, squad,
medical, calendar, lineups, transfers) writes inside one transaction. The demo is never written
into a user's real database: ``create_demo`` refuses any Dugout database that holds data but is not
a demo, a file or a server database alike (a club trying shared mode loads it into an empty one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from db.calendar.models import Fixture
from db.demo.calendar import load_fixtures
from db.demo.lineup import load_lineups
from db.demo.medical import load_medical
from db.demo.reference import load_reference
from db.demo.squad import load_squad
from db.demo.state import DemoLoad
from db.demo.transfers import load_transfers, pending_facts
from db.engine import Database, is_sqlite
from db.errors import DatabaseRefused, ImportRefused
from db.i18n import tr
from db.lineup.models import Lineup
from db.medical.models import Injury
from db.opening import FileState, identify, open_database, sqlite_file
from db.reference.models import Club, Competition, Season
from db.reference.queries import DEMO, OUR_CLUB, get_setting
from db.sqlite_files import read_only_connection
from db.squad.models import Player, SquadMembership
from db.transfers.models import Deal

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"
DEMO_FILE = DEMO_DIR / "real_madrid_2025-05-02.json"
DEMO_NAME = DEMO_FILE.stem


@dataclass
class DemoReport:
    """How many rows a demo load added (a second load adds none) and how many fixtures it updated."""

    database: str = ""
    clubs_added: int = 0
    seasons_added: int = 0
    competitions_added: int = 0
    players_added: int = 0
    memberships_added: int = 0
    injuries_added: int = 0
    deals_added: int = 0
    fixtures_added: int = 0
    lineups_added: int = 0
    fixtures_updated: int = 0
    facts_corrected: int = 0

    @property
    def added(self) -> int:
        """Rows added over all tables."""
        return sum(getattr(self, f.name) for f in fields(self) if f.name.endswith("_added"))

    def lines(self) -> list[str]:
        """The report as lines for the command line."""
        lines = [tr("Demo season (Real Madrid, 2 May 2025) in {db}", db=self.database)]
        if self.added == 0 and self.fixtures_updated == 0 and self.facts_corrected == 0:
            return [*lines, tr("Nothing new: the demo was already loaded")]
        return [
            *lines,
            tr("Clubs added: {n}", n=self.clubs_added),
            tr("Seasons added: {n}", n=self.seasons_added),
            tr("Competitions added: {n}", n=self.competitions_added),
            tr("Players added: {n}", n=self.players_added),
            tr("Squad entries added: {n}", n=self.memberships_added),
            tr("Injuries added: {n}", n=self.injuries_added),
            tr("Deals added: {n}", n=self.deals_added),
            tr("Fixtures added: {n}, updated: {u}", n=self.fixtures_added, u=self.fixtures_updated),
            tr("Lineups added: {n}", n=self.lineups_added),
            tr("Facts corrected since an older demo: {n}", n=self.facts_corrected),
        ]


_COUNTED: dict[str, type[SQLModel]] = {
    "clubs_added": Club,
    "seasons_added": Season,
    "competitions_added": Competition,
    "players_added": Player,
    "memberships_added": SquadMembership,
    "injuries_added": Injury,
    "fixtures_added": Fixture,
    "deals_added": Deal,
    "lineups_added": Lineup,
}


def read_demo_file(path: Path = DEMO_FILE) -> dict[str, Any]:
    """The parsed demo file; ImportRefused when it is missing or not the expected format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ImportRefused(tr("Cannot read the demo file {p}: {e}", p=path, e=error)) from error
    if not isinstance(data, dict) or data.get("format") != 1:
        raise ImportRefused(tr("{p} is not a demo file Dugout knows (format 1)", p=path))
    return data


def pending_demo_facts(path: Path = DEMO_FILE) -> dict[str, Any]:
    """The demo sections not loaded yet for want of tables (none left since the transfer area)."""
    return pending_facts(read_demo_file(path))


def _row_counts(session: Session) -> dict[str, int]:
    return {
        name: session.exec(select(func.count()).select_from(model)).one() for name, model in _COUNTED.items()
    }


def _holds_user_data(session: Session) -> bool:
    if get_setting(session, DEMO):
        return False
    if get_setting(session, OUR_CLUB):
        return True
    return any(session.exec(select(model.id)).first() is not None for model in (Club, Player))


def load_demo(database: Database, *, by: str = "demo") -> DemoReport:
    """Load the demo season in one transaction; loading again adds nothing."""
    data = read_demo_file(DEMO_FILE)
    report = DemoReport(database=database.display_name)
    with database.transaction() as session:
        if _holds_user_data(session):
            raise DatabaseRefused(
                "not_demo",
                tr("{db} holds a club's own data; the demo is only loaded into a new or demo database",
                   db=database.display_name),
            )
        before = _row_counts(session)
        mark = f"{DEMO_NAME}@{data.get('revision', 1)}"
        load = DemoLoad(session, data, by, refresh=get_setting(session, DEMO) not in (None, mark))
        load_reference(load, mark)
        load_squad(load)
        report.fixtures_updated = load_fixtures(load, DEMO_DIR)
        load_medical(load)
        load_transfers(load)
        load_lineups(load)
        report.facts_corrected = load.corrected
        after = _row_counts(session)
    for name in _COUNTED:
        setattr(report, name, after[name] - before[name])
    return report


def create_demo(path: Path | str) -> DemoReport:
    """Create (or top up) the demo database at ``path`` (a file, or a server URL); refuse a Dugout
    database with real data, leaving it as it was."""
    if isinstance(path, str) and not is_sqlite(path):
        # On a server the refusal comes from load_demo's own transaction, before any write.
        database = open_database(path)
        try:
            return load_demo(database)
        finally:
            database.close()
    target = sqlite_file(path) if isinstance(path, str) else Path(path).expanduser()
    if identify(target).state is FileState.DUGOUT and _file_holds_user_data(target):
        raise DatabaseRefused(
            "not_demo",
            tr("{p} is a Dugout database with a club's own data; the demo is not written into it. "
               "Choose a new file for the demo.", p=target),
        )
    database = open_database(target)
    try:
        return load_demo(database)
    finally:
        database.close()


def _file_holds_user_data(path: Path) -> bool:
    """Read the settings of a Dugout file read-only (nothing may be written before we decide)."""
    import sqlite3

    try:
        with read_only_connection(path) as connection:
            settings = dict(
                connection.execute("SELECT key, value FROM setting WHERE key IN (?, ?)", (OUR_CLUB, DEMO))
            )
            rows = connection.execute(
                "SELECT EXISTS(SELECT 1 FROM club) OR EXISTS(SELECT 1 FROM player)"
            ).fetchone()[0]
    except sqlite3.Error as error:
        raise DatabaseRefused("unreadable", tr("Cannot read {p}: {e}", p=path, e=error)) from error
    if settings.get(DEMO):
        return False
    return bool(settings.get(OUR_CLUB)) or bool(rows)
