"""Errors the data layer raises for the user's benefit: each carries a message fit to show."""

from __future__ import annotations

from pathlib import Path


class DugoutError(Exception):
    """Base class for errors whose message can be shown to the user as it is."""


class ValidationError(DugoutError):
    """A value refused by a write: names the field, a stable code and a readable message."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"ValidationError({self.field!r}, {self.code!r}, {self.message!r})"


class StaleEdit(DugoutError):
    """The row changed (or vanished) since the user loaded it; the edit was not applied."""

    def __init__(self, table: str, row_id: int, message: str) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id


class DatabaseRefused(DugoutError):
    """A file that Dugout will not open (not SQLite, foreign, newer, corrupt); nothing was written.
    ``path``: the file refused, when it is a file (the way out is advised for that one)."""

    def __init__(self, reason: str, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


class ImportRefused(DugoutError):
    """A whole import file was refused (unreadable, no usable header); nothing was written."""


class ReadOnlyDatabase(DugoutError):
    """A write to a database this user may only read; nothing was tried."""


def one_line(error: BaseException) -> str:
    """An error as one line: a driver's first line (SQLAlchemy appends the SQL and a link, libpq hints)."""
    reason = str(getattr(error, "orig", None) or error).strip()
    return reason.splitlines()[0].strip() if reason else type(error).__name__
