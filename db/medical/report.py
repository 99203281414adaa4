"""The availability report a physio pastes into the staff chat: one line per player for a match day."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from db.calendar.queries import fixture_on, next_fixture
from db.domain.availability import STATUS_LABELS
from db.domain.planning import parse_as_of
from db.engine import Database
from db.errors import DugoutError, ValidationError
from db.exports import csv_text
from db.i18n import tr, translated
from db.medical.queries import squad_availability
from db.reference.models import Competition
from db.reference.queries import find_competition, our_club_and_season


def availability_report(database: Database, *, as_of: dt.date, day: str | None, competition: str | None,
                        as_csv: bool = False) -> str:
    """``name<TAB>status<TAB>reason`` for each squad member on a match day (or CSV with a header).

    The day defaults to our next fixture from the planning date, the competition to that day's
    fixture's; on a day without a fixture and without a competition, bans are told per competition.
    """
    with database.reading() as session:
        found = our_club_and_season(session)
        if found is None:
            raise DugoutError(tr("this database has no club yet: nothing to report"))
        club, season = found
        assert club.id is not None and season.id is not None
        if day is None:
            fixture = next_fixture(session, club_id=club.id, on_or_after=as_of)
            if fixture is None:
                raise DugoutError(tr("no fixture on or after {d}: give a DATE", d=as_of.isoformat()))
        else:
            match_day = _date(day)
            fixture = fixture_on(session, club_id=club.id, day=match_day)
        match_day = fixture.day if fixture is not None else _date(day or "")
        competition_id: int | None = fixture.competition_id if fixture is not None else None
        if competition:
            chosen = find_competition(session, competition)
            if chosen is None:
                names = ", ".join(c.name for c in session.exec(select(Competition)))
                raise ValidationError("competition", "unknown",
                                      tr("no competition called '{c}' (there are: {n})", c=competition, n=names))
            competition_id = chosen.id
        answers = squad_availability(session, club_id=club.id, season_id=season.id, as_of=as_of, day=match_day,
                                     competition_id=competition_id)
    rows = [(a.name, translated(STATUS_LABELS[a.verdict.status]),
             "; ".join(part for part in (a.verdict.reason, *a.verdict.notes) if part)) for a in answers]
    if as_csv:
        return csv_text([tr("name"), tr("status"), tr("reason")], rows)
    return "".join(f"{name}\t{status}\t{reason}\n" for name, status, reason in rows)


def _date(text: str) -> dt.date:
    try:
        return parse_as_of(text)
    except ValidationError:
        raise ValidationError("date", "not_a_date", tr("DATE must be a date like 2025-05-04, not '{v}'", v=text)) from None
