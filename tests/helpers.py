"""Builders the tests share (import them from here, never from another test module)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from db.engine import Database
from db.reference.queries import CURRENT_SEASON, OUR_CLUB
from db.reference.writes import ensure_club, ensure_season, set_setting
from db.squad.writes import add_player_to_squad
from desktop.context import AppContext

AS_OF = dt.date(2025, 5, 2)


def add_player(database: Database, club_season: tuple[int, int], name: str, shirt: int | None,
               player: dict[str, Any] | None = None, **membership: Any) -> tuple[int, int]:
    """Put a new player into the test squad."""
    club_id, season_id = club_season
    return add_player_to_squad(
        database, club_id=club_id, season_id=season_id,
        player={"name": name, "date_of_birth": "2000-01-15", "primary_position": "CM", **(player or {})},
        membership={"shirt_number": shirt, **membership}, as_of=AS_OF,
    )


def build_squad(database: Database) -> tuple[int, int]:
    """A small squad of five, our club and season set."""
    with database.transaction() as session:
        club, season = ensure_club(session, "Real Madrid CF"), ensure_season(session, "2024/25")
        assert club.id and season.id
        set_setting(session, OUR_CLUB, str(club.id))
        set_setting(session, CURRENT_SEASON, str(season.id))
        club_season = (club.id, season.id)
    add_player(database, club_season, "Thibaut Courtois", 1, {"primary_position": "GK", "nationalities": "BEL"},
               contract_end=dt.date(2026, 6, 30), annual_wage_cents=1_500_000_000)
    add_player(database, club_season, "Jude Bellingham", 5,
               {"primary_position": "AM", "secondary_positions": "CM", "nationalities": "ENG",
                "market_value_cents": 18_000_000_000}, contract_end=dt.date(2029, 6, 30))
    add_player(database, club_season, "Luka Modrić", 10, {"nationalities": "CRO"},
               contract_end=dt.date(2025, 6, 30))
    add_player(database, club_season, "Arda Güler", 15, {"primary_position": "AM", "nationalities": "TUR"})
    add_player(database, club_season, "Vinícius Júnior", 7, {"primary_position": "LW", "nationalities": "BRA,ESP"})
    return club_season


def squad_ids(database: Database, as_of: dt.date = AS_OF) -> tuple[int, int, dict[str, int]]:
    """Our club's and season's ids, and the squad's player ids by name."""
    from db.reference.queries import our_club_and_season
    from db.squad.queries import squad_rows

    with database.reading() as session:
        found = our_club_and_season(session)
        assert found is not None
        club, season = found
        assert club.id is not None and season.id is not None
        rows = squad_rows(session, club_id=club.id, season_id=season.id, as_of=as_of)
    return club.id, season.id, {row.name: row.player_id for row in rows}


def make_context(database: Database, settings: QSettings) -> AppContext:
    """A context on the test database (club and season from its settings), planning on ``AS_OF``."""
    context = AppContext(settings)
    context.explicit_as_of = AS_OF
    context.open_database(database)
    return context


def hand_to_another_user(*paths: Path, folder_writable: bool = True) -> None:
    """Make ``paths`` (files, then their folder) belong to someone else: readable, not writable by
    the process ``as_another_user`` starts (as root: owned by nobody; otherwise: permissions)."""
    import os

    for path in paths:
        if os.geteuid() == 0:
            os.chown(path, 65534, 65534)
        path.chmod(0o644 if path.is_file() else (0o777 if folder_writable else 0o755))
        if os.geteuid() != 0 and path.is_file():
            path.chmod(0o444)


def as_another_user(code: str, *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` as a user who may read but not change what ``hand_to_another_user`` gave
    away: as root, with the capabilities that override file permissions dropped."""
    import os

    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        drop = "-dac_override,-dac_read_search,-fowner,-chown"
        command = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *command]
    return subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


def when_modal(kind: type, action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal dialog of ``kind`` once it is showing (a test's answer to
    a dialog that blocks in ``exec``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def import_fixtures(database: Database, path: Path | str, *, club: str | None = None,
                    competition: str | None = None) -> Any:
    """Plan and apply a fixture file (what ``dugout import fixtures`` does); the report."""
    from db.importers.fixtures import apply_fixture_plan, plan_fixture_import

    plan = plan_fixture_import(database, path, club=club, competition=competition)
    return apply_fixture_plan(database, plan, by="test")


def calendar_text(*events: dict[str, str], header: tuple[str, ...] = ()) -> str:
    """An iCalendar file: each event a dict of content lines ('DTSTART;TZID=Europe/Madrid': '20250504T140000')."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dugout tests//EN", *header]
    for event in events:
        lines += ["BEGIN:VEVENT", *(f"{name}:{value}" for name, value in event.items()), "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n"


def stored_fixtures(database: Database, competition: str | None = None) -> list[Any]:
    """Every stored fixture (of one competition), detached, in kick-off order."""
    from sqlmodel import select

    from db.calendar.models import Fixture
    from db.reference.queries import find_competition

    with database.reading() as session:
        query = select(Fixture).order_by(Fixture.kickoff_utc, Fixture.id)
        if competition is not None:
            found = find_competition(session, competition)
            assert found is not None, competition
            query = query.where(Fixture.competition_id == found.id)
        rows = list(session.exec(query).all())
        session.expunge_all()
    return rows


def run_dugout(target: str | Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``dugout --db PATH`` (or ``--db-url URL``) with ``args``, as a separate process."""
    import os

    where = ["--db-url", str(target)] if "://" in str(target) else ["--db", str(target)]
    return subprocess.run([sys.executable, "-m", "desktop", *where, *args], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def shown_on_screen(qtbot: Any, widget: Any, size: tuple[int, int] = (1280, 800)) -> Any:
    """A screen widget shown at a laptop's size and exposed (its models then read), closed after the test."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
