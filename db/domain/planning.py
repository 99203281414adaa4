"""The planning date: Dugout works "as of" a day, and every "today" in the app means it."""

from __future__ import annotations

import datetime as dt

from db.errors import ValidationError
from db.i18n import tr


def parse_as_of(text: str) -> dt.date:
    """Parse a YYYY-MM-DD planning date, naming the option when it is malformed."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            "as_of", "not_a_date", tr("--as-of must be a date like 2025-05-02, not '{v}'", v=text)
        ) from None


def resolve_as_of(
    explicit: dt.date | None, user_choice: dt.date | None, pinned: dt.date | None, today: dt.date | None = None
) -> dt.date:
    """Pick the planning date: command line, then the user's own view setting, then the date the
    database pins (the demo pins 2 May 2025), then today."""
    for candidate in (explicit, user_choice, pinned):
        if candidate is not None:
            return candidate
    return today or dt.date.today()
