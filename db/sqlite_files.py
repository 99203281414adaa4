"""A SQLite database on disk is up to three files: the database and its ``-wal``/``-shm`` sidecars."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SIDECAR_SUFFIXES = ("-wal", "-shm")
# Written to the header of every file Dugout creates or upgrades (``PRAGMA application_id``), so
# another program's SQLite file is told apart even when its tables look like ours. "DGUT".
APPLICATION_ID = 0x44475554


def sidecars(path: Path) -> list[Path]:
    """The write-ahead log and shared-memory files that belong to ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def can_write(path: Path) -> bool:
    """Whether this user may change ``path`` and create its sidecars beside it."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads ``path`` without creating anything beside it.

    ``immutable`` while no other program has the file open (no sidecars): SQLite then needs no
    lock and no shared-memory file, which a reader who may not write would leave behind, owned by
    them, and the owner's next write would fail. With sidecars present (the owner is working in
    it) plain ``mode=ro`` reads the current state through them without creating any.
    """
    quoted = urllib.parse.quote(str(path.resolve()))
    busy = all(sidecar.exists() for sidecar in sidecars(path))
    return f"file:{quoted}?mode=ro" if busy else f"file:{quoted}?mode=ro&immutable=1"


def remove_database_files(path: Path) -> None:
    """Delete a database file and its sidecars (a database this program just created and must undo)."""
    for leftover in (path, *sidecars(path)):
        leftover.unlink(missing_ok=True)


@contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write to ``path``; sidecars it had to create are removed afterwards."""
    absent = [p for p in sidecars(path) if not p.exists()]
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro" if can_write(path) else read_only_uri(path)
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
