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
    """A connection that cannot write to ``path`` and deletes nothing beside it.

    A file this user may write is read through an ordinary connection with ``query_only``: SQLite
    then removes the sidecars itself when the last connection closes, and only then (deleting a
    ``-shm`` that another process opened meanwhile would make the next one lose its commits). A
    file this user may only read goes through ``read_only_uri``, which creates no sidecars at all.
    """
    if can_write(path):
        # mode=rw: never creates a missing file.
        connection = sqlite3.connect(f"file:{urllib.parse.quote(str(path.resolve()))}?mode=rw", uri=True)
        connection.execute("PRAGMA query_only=ON")
    else:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield connection
    finally:
        connection.close()


class FileInUse(Exception):
    """Another connection (another Dugout window, the command line, another program) has the file open."""


@contextmanager
def exclusive_connection(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection holding the only lock on ``path``: no other connection reads or writes it meanwhile.

    In WAL mode (every Dugout file) an open connection keeps a shared lock even when idle, so the
    exclusive lock is refused while any other window or program has the file open: FileInUse.
    Yields None when SQLite cannot read the file at all (no lock taken; nothing can use it as a
    database then). A missing file is not created.
    """
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=rw"
    connection = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    try:
        readable = True
        try:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("COMMIT")  # the lock stays: locking_mode=EXCLUSIVE keeps it until close
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise FileInUse(str(error)) from error
            readable = False
        except sqlite3.DatabaseError:
            readable = False
        yield connection if readable else None
    finally:
        connection.close()
