"""Schema migrations with Alembic: atomic upgrades that cannot cascade-delete child rows.

SQLite rebuilds a table for most ALTERs (Alembic batch mode). With foreign keys on, dropping the
old parent table would fire ON DELETE CASCADE into its children, so foreign keys are switched off
*before* the migration's transaction (the pragma is a no-op inside one) and
``PRAGMA foreign_key_check`` must come back empty before the commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.errors import DugoutError, one_line
from db.i18n import tr
from db.sqlite_files import APPLICATION_ID

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class MigrationFailed(DugoutError):
    """An upgrade was rolled back; the database keeps its previous schema."""


def alembic_config(extra_version_locations: Sequence[Path] = ()) -> Config:
    """Alembic configuration for Dugout's scripts (plus extra script folders, for tests)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    locations = [str(MIGRATIONS_DIR / "versions"), *(str(p) for p in extra_version_locations)]
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", __import__("os").pathsep.join(locations))
    return config


def head_revision(config: Config | None = None) -> str:
    """The newest schema revision this build of Dugout knows."""
    head = ScriptDirectory.from_config(config or alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions(config: Config | None = None) -> set[str]:
    """Every schema revision this build of Dugout can open (and upgrade from)."""
    script = ScriptDirectory.from_config(config or alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at, or None when it has no Dugout schema yet."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head", config: Config | None = None) -> tuple[str | None, str]:
    """Upgrade the schema to ``target`` in one transaction; return (old, new) revisions."""
    config = config or alembic_config()
    old = current_revision(engine)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw = connection.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                try:
                    command.upgrade(config, target)
                except Exception as exc:
                    raise MigrationFailed(
                        tr("Schema upgrade failed and was rolled back: {error}", error=one_line(exc))
                    ) from exc
                if raw is not None:
                    # Dugout's mark in the header tells its files from other programs' ones.
                    connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationFailed(
                            tr(
                                "Schema upgrade rolled back: it would leave {count} rows pointing at missing rows",
                                count=len(broken),
                            )
                        )
        finally:
            config.attributes.pop("connection", None)
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    return old, current_revision(engine) or target


def backup_copy(path: Path, revision: str | None) -> Path:
    """Back a SQLite database up (online backup API, into the data folder) before it is upgraded."""
    from db.backups import make_backup

    return make_backup(path, reason="before-migrate").path
