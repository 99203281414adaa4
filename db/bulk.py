"""Writing many rows at once inside one transaction, the same way on SQLite and PostgreSQL.

An import prepares its rows before it takes the write lock; ``BulkRows`` turns them into plain
tuples a scratch SQLite file can hold (``encode``) and back into what the target database's
driver takes (``decode``), and writes them with the driver's own ``executemany``: SQLAlchemy's
per-row work would cost more than the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Boolean, Column, Connection, Date, DateTime, Table, func, select, text
from sqlalchemy.engine import Dialect


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new primary keys for ``table``, to insert rows (and rows that point at them) in bulk.

    On PostgreSQL they come from the table's sequence; on SQLite the write transaction
    (``BEGIN IMMEDIATE``) keeps every other writer out, so the ids after the largest are free.
    """
    if count <= 0:
        return []
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count},
        )
        return [int(row[0]) for row in rows]
    largest = connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(int(largest) + 1, int(largest) + 1 + count))


def _identity(value: Any) -> Any:
    return value


def _to_plain(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """Python value -> what a SQLite scratch file holds: the target's stored form on SQLite,
    ISO text and integers on any other engine (turned back by ``_from_plain``)."""
    if dialect.name == "sqlite":
        return column.type.dialect_impl(dialect).bind_processor(dialect) or _identity
    if isinstance(column.type, (Date, DateTime)):
        return lambda value: None if value is None else value.isoformat()
    if isinstance(column.type, Boolean):
        return lambda value: None if value is None else int(value)
    return _identity


def _from_plain(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    if dialect.name == "sqlite":
        return _identity
    if isinstance(column.type, DateTime):
        return lambda value: None if value is None else dt.datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return lambda value: None if value is None else dt.date.fromisoformat(value)
    if isinstance(column.type, Boolean):
        return lambda value: None if value is None else bool(value)
    return _identity


class BulkRows:
    """How rows of ``table`` travel through a scratch file: the columns filled per row (``staged``),
    the ones set for the whole merge (``fixed``: stamps, the club) and those given per row at the
    merge (``lead``: ids known only then), with the conversions for ``dialect``."""

    def __init__(self, table: Table, dialect: Dialect, *, lead: Sequence[str], fixed: Sequence[str],
                 defaults: dict[str, Any]) -> None:
        self.table, self.dialect = table, dialect
        self.lead, self.fixed = list(lead), list(fixed)
        taken = {"id", *self.lead, *self.fixed}
        self.staged = [c for c in table.columns if c.name not in taken]
        self._encode = [_to_plain(c, dialect) for c in self.staged]
        self._decode = [_from_plain(c, dialect) for c in self.staged]
        self._plain = all(decode is _identity for decode in self._decode)  # SQLite takes them as staged
        self._fixed = {c.name: (_to_plain(c, dialect), _from_plain(c, dialect)) for c in table.columns}
        self.defaults = {c.name: defaults.get(c.name) for c in self.staged}
        self._encoding = [(c.name, self.defaults[c.name], e) for c, e in zip(self.staged, self._encode, strict=True)]

    def encode(self, values: dict[str, Any]) -> tuple[Any, ...]:
        """One row's staged columns as plain values (missing ones take the model's default)."""
        get = values.get
        return tuple([
            get(name, default) if encode is _identity else encode(get(name, default))
            for name, default, encode in self._encoding
        ])

    def decode(self, row: Sequence[Any]) -> tuple[Any, ...]:
        """Plain staged values back to what the target's driver takes."""
        if self._plain:
            return tuple(row)
        return tuple(decode(value) for decode, value in zip(self._decode, row, strict=True))

    def fixed_values(self, values: dict[str, Any]) -> tuple[Any, ...]:
        """The fixed columns' values, in the driver's form, the same for every row of this merge."""
        out = []
        for name in self.fixed:
            encode, decode = self._fixed[name]
            out.append(decode(encode(values[name])))
        return tuple(out)

    def insert_sql(self) -> str:
        """``INSERT`` of the lead, staged and fixed columns, in the driver's parameter style."""
        names = [*self.lead, *(c.name for c in self.staged), *self.fixed]
        marker = "?" if self.dialect.paramstyle == "qmark" else "%s"
        return f"INSERT INTO {self.table.name} ({', '.join(names)}) VALUES ({', '.join([marker] * len(names))})"


def execute_many(connection: Connection, sql: str, params: Sequence[tuple[Any, ...]]) -> None:
    """The driver's ``executemany`` for plain tuples (nothing when there are none)."""
    if params:
        connection.exec_driver_sql(sql, list(params))
