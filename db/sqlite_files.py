"""A SQLite database on disk is up to three files: the database and its ``-wal``/``-shm`` sidecars."""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SIDECAR_SUFFIXES = ("-wal", "-shm")


def sidecars(path: Path) -> list[Path]:
    """The write-ahead log and shared-memory files that belong to ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def remove_database_files(path: Path) -> None:
    """Delete a database file and its sidecars (a database this program just created and must undo)."""
    for leftover in (path, *sidecars(path)):
        leftover.unlink(missing_ok=True)


@contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to ``path``; sidecars it had to create are removed afterwards."""
    absent = [p for p in sidecars(path) if not p.exists()]
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            yield connection
        finally:
            connection.close()
    finally:
        # A read-only reader of a WAL file may leave empty -wal/-shm files behind; tidy those.
        for sidecar in absent:
            if sidecar.exists() and (sidecar.name.endswith("-shm") or sidecar.stat().st_size == 0):
                sidecar.unlink(missing_ok=True)
