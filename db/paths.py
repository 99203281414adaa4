"""Where Dugout keeps its files: the per-user data folder (overridable for tests and portable use)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "DUGOUT_DATA_DIR"


def data_dir() -> Path:
    """The folder for databases and backups: $DUGOUT_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Dugout", appauthor=False)


def default_database_path() -> Path:
    """The club database opened when no --db is given."""
    return data_dir() / "dugout.sqlite"


def demo_database_path() -> Path:
    """The demo season's own file (never the user's real database)."""
    return data_dir() / "demo-real-madrid-2025.sqlite"
