"""Tables of the match report area: one appearance per player who took part in one of our matches."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from db.domain.match_report import EXTRA_TIME, MAX_GOALS
from db.domain.vocab import CARDS, sql_in
from db.i18n import tr_noop
from db.versioning import Versioned, describe_constraints


class Appearance(Versioned, table=True):
    """A player's part in one of our played matches, as its report tells it: started, or came on
    in ``minute_on``; went off in ``minute_off`` (substituted, hurt, sent off); goals; the card the
    report recorded (a ``booking`` row holds it for discipline) and whether he was hurt. The
    minutes played follow from these and the match's length (``db.domain.match_report``)."""

    id: int | None = Field(default=None, primary_key=True)
    # CASCADE on purpose: an appearance means nothing without its match (a fixture with a report
    # is not deleted by the calendar, see db.calendar.edits) or its player (never deleted).
    fixture_id: int = Field(foreign_key="fixture.id", ondelete="CASCADE")
    player_id: int = Field(foreign_key="player.id", ondelete="CASCADE", index=True)
    started: bool
    minute_on: int | None = None
    minute_off: int | None = None
    goals: int = 0
    card: str | None = Field(default=None, max_length=16)
    injured: bool = False

    __table_args__ = (
        UniqueConstraint("fixture_id", "player_id", name="appearance_once"),
        CheckConstraint("started = (minute_on IS NULL)", name="appearance_came_on"),
        CheckConstraint(f"minute_on IS NULL OR minute_on BETWEEN 1 AND {EXTRA_TIME}", name="appearance_minute_on"),
        CheckConstraint(f"minute_off IS NULL OR minute_off BETWEEN 1 AND {EXTRA_TIME}", name="appearance_minute_off"),
        CheckConstraint("minute_off IS NULL OR minute_on IS NULL OR minute_off > minute_on",
                        name="appearance_minutes_order"),
        CheckConstraint(f"goals BETWEEN 0 AND {MAX_GOALS}", name="appearance_goals"),
        CheckConstraint(f"card IS NULL OR card IN {sql_in(CARDS)}", name="appearance_card"),
    )


_TWICE = tr_noop("A player appears once in a match report")
describe_constraints({
    # SQLite names the columns of a UNIQUE constraint, PostgreSQL its name: both are listed.
    "appearance.fixture_id, appearance.player_id": ("player_id", _TWICE),
    "appearance_once": ("player_id", _TWICE),
    "appearance_came_on": ("minute_on", tr_noop("A substitute needs the minute he came on, a starter none")),
    "appearance_minute_on": ("minute_on", tr_noop("The minute he came on must be between 1 and 120")),
    "appearance_minute_off": ("minute_off", tr_noop("The minute he went off must be between 1 and 120")),
    "appearance_minutes_order": ("minute_off", tr_noop("A player goes off after he came on")),
    "appearance_goals": ("goals", tr_noop("Goals must be between 0 and 20")),
    "appearance_card": ("card", tr_noop("A card is a yellow, a second yellow or a red")),
})
