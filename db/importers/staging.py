"""A private scratch file for an import: planned rows wait here, not in memory or in the database.

An import decides what each line does before it takes the database's write lock; the decisions
go to a temporary SQLite file of their own (whatever the target engine), as plain tuples read
back in batches when the short write transaction merges them. The file is deleted when the
import ends, whatever happens.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

BATCH = 5000


class Staging:
    """Named tables of tuples kept in the order they were added."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="dugout-import-")
        self._db = sqlite3.connect(Path(self._folder.name) / "staging.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._widths: dict[str, int] = {}
        self._pending: dict[str, list[tuple[Any, ...]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, name: str, row: tuple[Any, ...]) -> int:
        """Stage a row in table ``name`` (made on first use); return its number there, from 1."""
        if name not in self._widths:
            self._widths[name] = len(row)
            columns = ", ".join(f"c{i}" for i in range(len(row)))
            self._db.execute(f"CREATE TABLE {name} (seq INTEGER PRIMARY KEY, {columns})")
            self._pending[name] = []
            self.counts[name] = 0
        self._pending[name].append(row)
        self.counts[name] += 1
        if len(self._pending[name]) >= BATCH:
            self._flush(name)
        return self.counts[name]

    def add_object(self, name: str, value: Any) -> int:
        """Stage one Python object (a planned update); pickled, as the file is this process's own."""
        return self.add(name, (pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),))

    def _flush(self, name: str) -> None:
        pending = self._pending[name]
        if pending:
            marks = ", ".join("?" * self._widths[name])
            self._db.executemany(f"INSERT INTO {name} VALUES (NULL, {marks})", pending)
            pending.clear()

    def rows(self, name: str) -> Iterator[list[tuple[Any, ...]]]:
        """The staged rows of ``name`` in order, in batches (none if nothing was staged there)."""
        if name not in self._widths:
            return
        self._flush(name)
        columns = ", ".join(f"c{i}" for i in range(self._widths[name]))
        cursor = self._db.execute(f"SELECT {columns} FROM {name} ORDER BY seq")
        while batch := cursor.fetchmany(BATCH):
            yield batch

    def objects(self, name: str) -> Iterator[list[Any]]:
        """The objects staged with ``add_object``, in batches."""
        for batch in self.rows(name):
            yield [pickle.loads(blob) for (blob,) in batch]

    def close(self) -> None:
        """Delete the scratch file."""
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
