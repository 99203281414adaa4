"""Alembic migrations: agree with the models on both engines, stay atomic on both, keep child rows
through SQLite's batch rebuilds; a server is upgraded by ``dugout migrate`` only."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import db.schema  # noqa: F401
from db.engine import Database, without_password
from db.errors import DatabaseRefused
from db.migrate import MigrationFailed, alembic_config, current_revision, head_revision
from db.opening import open_database
from desktop.cli import main


def test_models_and_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def _extra_revision(folder: Path, rev: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    upgrade_body = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    source = (
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = {rev!r}\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n\n"
        f"def upgrade():\n{upgrade_body}\n\n\ndef downgrade():\n    pass\n"
    )
    (folder / f"{rev}.py").write_text(source, encoding="utf-8")
    return folder


def _fill(database: Database) -> None:
    with database.transaction() as s:
        s.execute(text("INSERT INTO club(id, name, short_name, version, updated_at, updated_by) VALUES (1, 'Real Madrid CF', 'RM', 1, '2025-01-01', '')"))
        s.execute(text("INSERT INTO season(id, label, starts_on, ends_on, version, updated_at, updated_by) VALUES (1, '2024/25', '2024-07-01', '2025-06-30', 1, '2025-01-01', '')"))
        for pid in range(1, 6):
            s.execute(text(
                "INSERT INTO player(id, name, nationalities, secondary_positions, version, updated_at, updated_by) "
                "VALUES (:id, :name, '', '', 1, '2025-01-01', '')"), {"id": pid, "name": f"P{pid}"})
            s.execute(text(
                "INSERT INTO squad_membership(player_id, club_id, season_id, squad_role, version, updated_at, updated_by) "
                "VALUES (:id, 1, 1, 'first_team', 1, '2025-01-01', '')"), {"id": pid})
            s.execute(text(
                "INSERT INTO injury(player_id, kind, started_on, certainty, status, surgery, version, updated_at, updated_by) "
                "VALUES (:id, 'ACL', '2025-01-01', 'likely', 'out', TRUE, 1, '2025-01-01', '')"), {"id": pid})


def _counts(database: Database) -> dict[str, int]:
    with database.reading() as s:
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ("player", "squad_membership", "injury")}


@pytest.mark.sqlite_only
def test_batch_rebuild_of_player_keeps_every_child_row(db_path: Path, tmp_path: Path) -> None:
    """Rebuilding the parent table would CASCADE into injuries if foreign keys were on."""
    database = open_database(db_path)
    _fill(database)
    before = _counts(database)
    database.close()
    extra = _extra_revision(
        tmp_path / "extra",
        "9001_rebuild_player",
        """
        with op.batch_alter_table("player", recreate="always") as batch:
            batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))
        """,
    )
    config = alembic_config([extra])
    database = open_database(db_path, config=config)
    try:
        assert current_revision(database.engine) == "9001_rebuild_player"
        assert "nickname" in {c["name"] for c in inspect(database.engine).get_columns("player")}
        assert _counts(database) == before
        with database.reading() as s:
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1, "foreign keys back on after the migration"
    finally:
        database.close()
    from db.backups import integrity_problems, list_backups

    backups = list_backups(db_path)
    assert [b.reason for b in backups] == ["before-migrate"], "the app upgrade backs the database up first"
    assert not integrity_problems(backups[0].path) and not list(db_path.parent.glob("dugout-*")), "not beside it"


def test_failed_upgrade_leaves_the_old_schema(db_target: str, tmp_path: Path) -> None:
    database = open_database(db_target)
    _fill(database)
    before = _counts(database)
    database.close()
    extra = _extra_revision(
        tmp_path / "extra",
        "9002_breaks_midway",
        """
        op.add_column("player", sa.Column("nickname", sa.String(40), nullable=True))
        op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("DELETE FROM injury")
        raise RuntimeError("disk on fire")
        """,
    )
    with pytest.raises(MigrationFailed):
        open_database(db_target, config=alembic_config([extra]), migrate=True)
    database = open_database(db_target)
    try:
        inspector = inspect(database.engine)
        assert current_revision(database.engine) == head_revision()
        assert "nickname" not in {c["name"] for c in inspector.get_columns("player")}
        assert "scratch" not in inspector.get_table_names()
        assert _counts(database) == before
    finally:
        database.close()


def test_upgrade_refused_when_it_would_orphan_rows(db_target: str, db_engine: str, tmp_path: Path) -> None:
    """SQLite checks the foreign keys it switched off before committing; PostgreSQL refuses at once."""
    database = open_database(db_target)
    _fill(database)
    before = _counts(database)
    database.close()
    extra = _extra_revision(tmp_path / "extra", "9003_orphans", 'op.execute("DELETE FROM player WHERE id = 1")')
    with pytest.raises(MigrationFailed, match="missing rows" if db_engine == "sqlite" else "foreign key"):
        open_database(db_target, config=alembic_config([extra]), migrate=True)
    database = open_database(db_target)
    try:
        assert current_revision(database.engine) == head_revision()
        assert _counts(database) == before
    finally:
        database.close()


def test_migrate_command_creates_and_reports(blank_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url" if "://" in blank_target else "--db", blank_target, "migrate"]) == 0
    assert head_revision() in capsys.readouterr().out
    database = Database(blank_target if "://" in blank_target else f"sqlite:///{blank_target}")
    assert current_revision(database.engine) == head_revision()
    database.close()


def test_an_older_schema_is_upgraded_by_the_app_on_sqlite_but_only_by_migrate_on_a_server(
    db_target: str, db_engine: str, tmp_path: Path
) -> None:
    """A file is one user's: the app upgrades it (after a backup copy). A server is shared: the app
    names both versions and the way out, and only ``migrate`` upgrades."""
    extra = _extra_revision(tmp_path / "extra", "9004_nickname", 'op.add_column("player", sa.Column("nickname", sa.String(40)))')
    config = alembic_config([extra])
    if db_engine == "sqlite":
        open_database(db_target, config=config).close()
    else:
        with pytest.raises(DatabaseRefused) as refused:
            open_database(db_target, config=config)
        assert refused.value.reason == "outdated"
        message = str(refused.value)
        assert head_revision() in message and "9004_nickname" in message
        assert f"dugout --db-url {without_password(db_target)} migrate" in message
        database = Database(db_target)
        assert current_revision(database.engine) == head_revision(), "refused without a write"
        database.close()
        open_database(db_target, config=config, migrate=True).close()
    database = Database(db_target if db_engine != "sqlite" else f"sqlite:///{db_target}")
    try:
        assert current_revision(database.engine) == "9004_nickname"
    finally:
        database.close()


@pytest.mark.sqlite_only
def test_app_database_copied_before_upgrade_only(db_path: Path, tmp_path: Path) -> None:
    shutil.copyfile(db_path, tmp_path / "same.sqlite")
    open_database(tmp_path / "same.sqlite").close()
    from db.backups import list_backups

    assert not list_backups(tmp_path / "same.sqlite"), "no backup when no upgrade is due"


def test_the_head_constant_is_alembics_head() -> None:
    from db.migrations import HEAD

    assert head_revision() == HEAD


@pytest.mark.sqlite_only  # reads SQLite's own copy of the DDL
def test_every_check_of_the_models_is_in_the_migrated_schema(database: Database) -> None:
    """Alembic does not compare CHECK constraints: a rule changed in db.domain must reach the schema
    through a migration, or the database would hold different ranges than the app."""
    from sqlalchemy import CheckConstraint

    with database.reading() as session:
        ddl = dict(session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    missing = [
        f"{table.name}: {constraint.sqltext}"
        for table in SQLModel.metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint) and str(constraint.sqltext) not in ddl[table.name]
    ]
    assert missing == []


def test_upgrading_a_first_schema_keeps_injuries_and_dates_the_recovered(blank_target: str) -> None:
    """0001 → 0002: the injury table is rebuilt (wider status, new checks); its rows survive, and an
    episode that already had a return day becomes 'recovered' as the new rule requires."""
    from db.engine import Database as Opened
    from db.migrate import upgrade

    database = Opened(blank_target if "://" in blank_target else f"sqlite:///{blank_target}")
    try:
        upgrade(database.engine, "0001_core")
        with database.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO player (id, version, updated_at, updated_by, name, nationalities, secondary_positions) "
                "VALUES (1, 1, '2025-01-01 00:00:00', 't', 'Luka Modrić', 'CRO', '')"))
            for injury_id, returned in ((1, None), (2, "2025-03-01")):
                connection.execute(text(
                    "INSERT INTO injury (id, version, updated_at, updated_by, player_id, kind, started_on, certainty, "
                    "status, surgery, returned_on) VALUES (:id, 1, '2025-01-01 00:00:00', 't', 1, :kind, "
                    "'2025-02-01', 'likely', 'out', :surgery, :returned)"),
                    {"id": injury_id, "kind": f"Calf {injury_id}", "surgery": False, "returned": returned})
        upgrade(database.engine)
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, status FROM injury ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [(1, "out"), (2, "recovered")]
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()


def test_upgrading_to_the_league_schema_seeds_the_rules_and_names_of_known_competitions(blank_target: str) -> None:
    """0002 → 0003: LaLiga gets head-to-head tie-breakers, Madrid time and its other names; a
    competition Dugout does not know keeps the defaults; seeded alias keys are folded as lookups fold."""
    from db.domain.text import fold
    from db.engine import Database as Opened
    from db.migrate import upgrade
    from db.reference.queries import find_competition

    database = Opened(blank_target if "://" in blank_target else f"sqlite:///{blank_target}")
    try:
        upgrade(database.engine, "0002_availability")
        with database.engine.begin() as connection:
            for competition_id, name, kind in ((1, "LaLiga", "league"), (2, "UEFA Champions League", "continental"),
                                               (3, "Trofeo Santiago Bernabéu", "friendly")):
                connection.execute(text(
                    "INSERT INTO competition (id, version, updated_at, updated_by, name, kind, matchday_squad_size, "
                    "max_substitutes, substitutions) VALUES (:id, 1, '2025-01-01 00:00:00', 't', :name, :kind, 23, 12, 5)"),
                    {"id": competition_id, "name": name, "kind": kind})
        upgrade(database.engine)
        with database.engine.connect() as connection:
            rules = connection.execute(text(
                "SELECT name, table_tiebreakers, timezone, points_for_win, points_for_draw FROM competition ORDER BY id")).all()
            aliases = connection.execute(text("SELECT alias, alias_key, competition_id FROM competition_alias")).all()
        assert [tuple(r) for r in rules] == [
            ("LaLiga", "h2h_points,h2h_goal_difference,goal_difference,goals_for", "Europe/Madrid", 3, 1),
            ("UEFA Champions League", "goal_difference,goals_for", "Europe/Paris", 3, 1),
            ("Trofeo Santiago Bernabéu", "goal_difference,goals_for", None, 3, 1)]
        assert all(key == fold(alias) for alias, key, _ in aliases)
        assert {alias for alias, _, competition in aliases if competition == 1} >= {"Primera División", "es.1"}
        with database.reading() as session:
            found = find_competition(session, "primera division")
            assert found is not None and found.name == "LaLiga"
    finally:
        database.close()


def test_upgrading_to_match_reports_adds_the_appearance_table_and_keeps_every_row(blank_target: str) -> None:
    """0005 → 0006: a new table only; what was stored stays, and the table takes a report's line
    with its rules (a substitute needs his minute)."""
    from sqlalchemy.exc import IntegrityError

    from db.engine import Database as Opened
    from db.migrate import upgrade

    database = Opened(blank_target if "://" in blank_target else f"sqlite:///{blank_target}")
    try:
        upgrade(database.engine, "0005_league")
        _fill(database)
        before = _counts(database)
        assert "appearance" not in inspect(database.engine).get_table_names()
        upgrade(database.engine)
        assert current_revision(database.engine) == "0006_match_reports"
        assert _counts(database) == before
        with database.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO competition (id, version, updated_at, updated_by, name, kind, matchday_squad_size, "
                "max_substitutes, substitutions) VALUES (1, 1, '2025-01-01 00:00:00', 't', 'LaLiga', 'league', 23, 12, 5)"))
            connection.execute(text(
                "INSERT INTO club (id, name, short_name, version, updated_at, updated_by) "
                "VALUES (2, 'Getafe CF', 'Getafe', 1, '2025-01-01', '')"))
            connection.execute(text(
                "INSERT INTO fixture (id, version, updated_at, updated_by, season_id, competition_id, club_id, "
                "opponent_id, venue_side, kickoff_utc, kickoff_time_known, timezone, status, extra_time) "
                "VALUES (1, 1, '2025-01-01', 't', 1, 1, 1, 2, 'home', '2025-04-23 19:00:00', TRUE, 'UTC', 'played', FALSE)"))
            insert = ("INSERT INTO appearance (version, updated_at, updated_by, fixture_id, player_id, started, "
                      "minute_on, goals, injured) VALUES (1, '2025-04-23', 't', 1, :p, :started, :on, 0, FALSE)")
            connection.execute(text(insert), {"p": 1, "started": True, "on": None})
            connection.execute(text(insert), {"p": 2, "started": False, "on": 60})
        with pytest.raises(IntegrityError), database.engine.begin() as connection:
            connection.execute(text(insert), {"p": 3, "started": False, "on": None})
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM appearance")).scalar_one() == 2
    finally:
        database.close()
