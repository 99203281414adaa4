"""Planning a fixture import: what each match of the file does, against a snapshot, nothing written.

For each match the planner finds its competition, season and clubs (planning any it must create),
tells its kick-off in a zone, validates it with the rules every write uses, and matches it with a
stored match: on the event's UID when one is stored (``external_id``), else on competition,
season, home and away club (and the round, in a cup). A match is then added, updated (only the
fields the file tells: a file without a score, venue or round leaves the stored one alone) or
unchanged. Orientation follows ``db.domain.match_sides``: ours when we play, else the home side,
so a re-import never flips or duplicates a match.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from db.calendar.edits import report_refusal, reported_fixtures
from db.calendar.validation import fixture_values
from db.domain.checks import check_text
from db.domain.kickoffs import PLACEHOLDER_KICKOFF, check_zone
from db.domain.known_competitions import (
    COUNTRY_ZONES,
    guess_kind,
    is_neutral_round,
    known_competition,
)
from db.domain.match_report import report_bound_changes
from db.domain.match_sides import stored_side
from db.domain.seasons import FIRST_YEARS, season_label, season_label_for
from db.domain.text import fold
from db.errors import ImportRefused, ValidationError
from db.i18n import tr, tr_noop, translated
from db.importers.club_names import without_country
from db.importers.fixture_changes import CHANGED_LABELS, DUGOUT_UID, Issue, NewRow, Planned
from db.importers.fixture_changes import changes as changes_of
from db.importers.fixture_lines import OURS, FixtureSource, LineProblem, MatchLine, Where, one_line
from db.importers.fixtures_snapshot import KnownCompetition, Snapshot, StoredMatch, round_key
from db.reference.writes import check_club_name

_NAME_AND_SEASON = re.compile(r"^(.*\S)\s+(\d{4}(?:\s*[/-]\s*\d{2}(?:\d{2})?)?)$")


class FixturePlanner:
    """Decides each match of one file against the snapshot."""

    def __init__(self, session: Session, source: FixtureSource, *, club: str | None, competition: str | None) -> None:
        self.snap = Snapshot(session)
        self.snap.read()
        self.reported = reported_fixtures(session)  # matches with a report: what it depends on stays
        self.source, self.club_arg, self.default_competition = source, club, competition
        self.plan = Planned(our_club_seen=self.snap.our_club)
        self.loose = source.kind in ("csv", "ics")
        self._temp = 0
        self._clubs: dict[str, int] = {}
        self._competitions: dict[str, int] = {}
        self._seasons: dict[str, int] = {}
        self._zones: dict[str, ZoneInfo] = {}
        self._claimed: dict[int, Where] = {}
        self._new_keys: dict[tuple[Any, ...], Where] = {}
        self._uids: dict[str, Where] = {}
        self._season_in_name: str | None = None

    def run(self) -> Planned:
        """Plan the whole file."""
        self._target_club()
        for item in self.source.items():
            if isinstance(item, LineProblem):
                (self.plan.skipped if item.skipped else self.plan.refused).append(
                    Issue(item.where, one_line(item.message), item.field))
                continue
            try:
                self._line(item)
            except ValidationError as error:
                self.plan.refused.append(Issue(item.where, one_line(error.message), error.field))
        self.plan.fingerprints = dict(self.snap.fingerprints)
        return self.plan

    # ------------------------------------------------------------------------------ the club

    def _target_club(self) -> None:
        """``--club`` (by name or alias), else our club; a new database needs one named."""
        source = self.source
        if source.kind == "json":  # every club of a league file, by the file's own spelling
            for name in source.club_names:
                try:
                    self._club(name)
                except ValidationError:
                    continue  # refused on each line that names it
        if self.club_arg:
            try:
                name = check_text("club", self.club_arg, label=tr_noop("Club name"), max_length=120) or ""
            except ValidationError as error:
                raise ImportRefused(tr("Club: {m}", m=error.message)) from error
            found = self.snap.clubs.exact(name) or self.snap.clubs.loose(name)
            if found is None and source.kind == "json":
                raise ImportRefused(tr("{c} does not play in this file; it names: {names}", c=name,
                                       names=_listed(source.club_names)))
            try:
                self.plan.club_id = found if found is not None else self._club(name)
            except ValidationError as error:
                raise ImportRefused(tr("Club: {m}", m=error.message)) from error
        elif self.snap.our_club is not None:
            self.plan.club_id = self.snap.our_club
        else:
            raise ImportRefused(tr("No club to import for: this database has none yet; pass --club NAME "
                                   "(the file names: {names})", names=_listed(self._names_in_file())))
        self.plan.club_name = self.snap.clubs.names[self.plan.club_id]
        if self.snap.our_club is None:
            self.plan.set_our_club = True

    def _names_in_file(self) -> list[str]:
        if self.source.club_names:
            return self.source.club_names
        names = {name for item in self.source.items() if isinstance(item, MatchLine)
                 for name in (item.home, item.away) if name is not OURS}
        return sorted(names)

    def _ours(self) -> int | None:
        return self.plan.club_id if self.plan.set_our_club else self.snap.our_club

    def _next(self) -> int:
        self._temp -= 1
        return self._temp

    def _club(self, name: str | None) -> int:
        """The club a name means: known (exactly, or loosely in a club's own list), else a new one."""
        if name is OURS:
            assert self.plan.club_id is not None
            return self.plan.club_id
        key = fold(name)
        if key in self._clubs:
            return self._clubs[key]
        found = self.snap.clubs.exact(name)
        if found is None and self.loose:  # among clubs stored before, and the club the file is for
            found = self.snap.clubs.loose(name, _Stored(self.plan.club_id))
            if found is not None:
                self.plan.club_aliases.append((found, name))
                self.plan.notes.append(tr("'{n}' taken as {c}", n=one_line(name, 60), c=self.snap.clubs.names[found]))
        if found is None:
            bare, country = without_country(name)
            clean = check_club_name("club", bare, label=tr_noop("Club name"))
            aliases = [check_club_name("club", name, label=tr_noop("Club name"))] if name != clean else []
            found = self._next()
            self.plan.clubs[found] = NewRow(found, clean, country=country, aliases=aliases)
            self.snap.clubs.add(found, clean, [name])
            self.snap.club_countries[found] = country
        self._clubs[key] = found
        return found

    # ------------------------------------------------------------------ competition and season

    def _competition(self, item: MatchLine) -> KnownCompetition:
        for category in item.categories:
            if self._known(category):
                return self._competition_named(category)
        if item.competition:
            return self._competition_named(item.competition)
        if self.source.competition:
            return self._competition_named(self.source.competition, self.source.competition_aliases,
                                           self.source.country)
        if self.default_competition:
            return self._competition_named(self.default_competition)
        if len(item.categories) == 1:  # a calendar's lone tag names its competition
            return self._competition_named(item.categories[0])
        raise ValidationError("competition_id", "missing", tr(
            "No competition: name it (a competition column, CATEGORIES or the summary) or pass --competition"))

    def _known(self, name: str) -> bool:
        return fold(name) in self.snap.competition_keys or known_competition(name) is not None

    def _competition_named(self, name: str, aliases: list[str] | None = None, country: str | None = None
                           ) -> KnownCompetition:
        """A competition by name; 'Primera División 2024/25' is 'Primera División' (the season
        is the line's when it names none)."""
        split = _NAME_AND_SEASON.match(name)
        if split and not self._known(name) and self._known(split.group(1)):
            name = split.group(1)
            if not split.group(2).isdigit():  # '2024/25'; a year alone ('Club World Cup 2025') leaves it to the date
                self._season_in_name = split.group(2)
        key = fold(name)
        if key not in self._competitions:
            found = next((self.snap.competition_keys[fold(n)] for n in (name, *(aliases or ()))
                          if fold(n) in self.snap.competition_keys), None)
            if found is None:
                found = self._new_competition(name, aliases or [], country)
            self._competitions[key] = found
        return self.snap.competitions[self._competitions[key]]

    def _new_competition(self, name: str, aliases: list[str], country: str | None) -> int:
        known = next(filter(None, (known_competition(n) for n in (name, *aliases))), None)
        clean = known.name if known else check_text("competition_id", name, label=tr_noop("Competition"),
                                                     max_length=120) or name
        temp = self._next()
        extra = [n for n in (name, *aliases) if fold(n) != fold(clean)]
        kind = known.kind if known else guess_kind(clean)
        country = known.country if known else country
        zone = known.timezone if known else COUNTRY_ZONES.get(country or "")
        self.plan.competitions[temp] = NewRow(temp, clean, kind, country, extra, zone)
        self.snap.competitions[temp] = KnownCompetition(temp, clean, kind, country, zone)
        for spelling in (clean, *extra):
            self.snap.competition_keys.setdefault(fold(spelling), temp)
        self.plan.notes.append(tr("new competition: {c}", c=clean))
        return temp

    def _season(self, item: MatchLine) -> int:
        text = item.season or self.source.season or self._season_in_name or self.snap.season_of(item.day) \
            or season_label_for(item.day)
        try:
            label = season_label(text)
        except ValidationError as error:
            raise ValidationError("season_id", error.code, error.message) from None
        if label in self.snap.seasons:
            return self.snap.seasons[label][0]
        if label not in self._seasons:
            temp = self._next()
            self.plan.seasons[temp] = NewRow(temp, label)
            self._seasons[label] = temp
        return self._seasons[label]

    def _zone(self, item: MatchLine, competition: KnownCompetition) -> tuple[ZoneInfo | None, bool]:
        """The zone a match's time is told in, and whether the file named it for this match."""
        if item.zone:
            return self._checked_zone(item.zone), True
        ours = self._ours()
        home = (competition.timezone, COUNTRY_ZONES.get(competition.country or ""))
        # A local time is the calendar's own (X-WR-TIMEZONE); an exact moment is shown where it is played.
        order = (*home, self.source.zone) if item.instant is not None else (self.source.zone, *home)
        for name in (*order, COUNTRY_ZONES.get(self.snap.club_countries.get(ours or 0) or "")):
            if name:
                try:
                    return self._checked_zone(name), False
                except ValidationError:
                    continue
        return None, False

    def _checked_zone(self, name: str) -> ZoneInfo:
        if name not in self._zones:
            self._zones[name] = check_zone("timezone", name)
        return self._zones[name]

    # ---------------------------------------------------------------------------- one match

    def _line(self, item: MatchLine) -> None:
        if item.uid and item.uid in self._uids:
            raise ValidationError("external_id", "duplicate_in_file",
                                  tr("The same event as {w} (UID {u})", w=self._uids[item.uid], u=item.uid[:60]))
        if not FIRST_YEARS[0] <= item.day.year <= FIRST_YEARS[1]:
            raise ValidationError("kickoff_local", "out_of_range", tr(
                "The date {d} is not between {a} and {b}", d=item.day.isoformat(), a=FIRST_YEARS[0], b=FIRST_YEARS[1]))
        self._season_in_name = None
        competition = self._competition(item)
        season = self._season(item)
        home, away = self._club(item.home), self._club(item.away)
        if home == away:
            raise ValidationError("opponent_id", "same_club", tr("A club cannot play itself"))
        zone, explicit = self._zone(item, competition)
        if item.instant is not None:
            zone = zone or ZoneInfo("UTC")
            local = item.instant.astimezone(zone).replace(tzinfo=None)
        elif zone is None and item.time is not None:
            raise ValidationError("timezone", "unknown", tr(
                "No time zone is known for {c}: give one (a time zone column, a TZID) or set the competition's",
                c=competition.name))
        else:
            zone = zone or ZoneInfo("UTC")
            local = dt.datetime.combine(item.day, item.time or PLACEHOLDER_KICKOFF)
        stored = self._find(item, competition, season, home, away)
        neutral = item.neutral if item.neutral is not None else (
            stored.neutral if stored else is_neutral_round(item.round, competition.kind))
        side = stored_side(home, away, neutral, self._ours())
        goals, penalties = side.goals(*(item.score or (None, None))), side.goals(*(item.penalties or (None, None)))
        uid = item.uid if item.uid and not item.uid.endswith(DUGOUT_UID) else None
        values = fixture_values(
            season_id=season, competition_id=competition.id, club_id=side.club, opponent_id=side.opponent,
            venue_side=side.venue_side, kickoff_local=local, timezone=zone.key, time_known=item.time is not None
            or item.instant is not None, venue=item.venue, round=item.round, goals_for=goals[0],
            goals_against=goals[1], extra_time=item.extra_time, penalties_for=penalties[0],
            penalties_against=penalties[1], external_id=uid, status=item.status,
        )
        if item.uid:
            self._uids[item.uid] = item.where
        label = self._label(item.day, home, away, competition)
        if stored is None:
            self._add(item, label, values, competition, home, away)
            return
        self._claimed[stored.id] = item.where
        changes = changes_of(stored, values, item, explicit)
        if changes and stored.id in self.reported and (bound := report_bound_changes(stored.values, changes)):
            raise report_refusal(bound)
        if changes:
            what = ", ".join(dict.fromkeys(translated(CHANGED_LABELS[f]) for f in changes))
            self.plan.updates.append((f"{label} ({what})", stored.id, stored.version, changes))
        else:
            self.plan.unchanged.append(label)

    def _add(self, item: MatchLine, label: str, values: dict[str, Any], competition: KnownCompetition,
             home: int, away: int) -> None:
        pair: Any = frozenset((home, away)) if values["venue_side"] == "neutral" else (home, away)
        key = (competition.id, values["season_id"], pair,
               round_key(values["round"]) if competition.kind != "league" else "")
        if key in self._new_keys:
            raise ValidationError("opponent_id", "duplicate_in_file",
                                  tr("The same match as {w}", w=self._new_keys[key]))
        self._new_keys[key] = item.where
        self.plan.adds.append((label, values))
        if self.plan.set_our_club and self.plan.current_season is None and self.snap.current_season is None:
            self.plan.current_season = values["season_id"]

    def _label(self, day: dt.date, home: int, away: int, competition: KnownCompetition) -> str:
        names = self.snap.clubs.names
        return f"{day.isoformat()} {names[home]} – {names[away]} ({competition.name})"

    def _find(self, item: MatchLine, competition: KnownCompetition, season: int, home: int,
              away: int) -> StoredMatch | None:
        """The stored match this line is: by UID, else by its key; None when it is new."""
        if item.uid and item.uid in self.snap.external:
            fixture_id, competition_id, season_id = self.snap.external[item.uid]
            self.snap.matches(competition_id, season_id)
            return self._unclaimed(self.snap.by_id[fixture_id])
        if competition.id < 0 or season < 0:
            return None
        index = self.snap.matches(competition.id, season)
        pair = index.pairs.get(frozenset((home, away)), [])
        if item.neutral:
            candidates = list(pair)
        else:
            candidates = index.ordered.get((home, away), []) + [m for m in pair if m.neutral and m.home != home]
        candidates = [m for m in candidates if m.id not in self._claimed]
        if competition.kind != "league" and item.round:
            wanted = round_key(item.round)
            candidates = [m for m in candidates if round_key(m.values["round"]) in (wanted, "")]
        if not candidates:
            return None
        noon = dt.datetime.combine(item.day, dt.time(12), tzinfo=dt.UTC)
        return min(candidates, key=lambda m: abs(m.values["kickoff_utc"] - noon))

    def _unclaimed(self, match: StoredMatch) -> StoredMatch:
        if match.id in self._claimed:
            raise ValidationError("external_id", "duplicate_in_file",
                                  tr("The same match as {w}", w=self._claimed[match.id]))
        return match


class _Stored:
    """Club ids stored before this import (positive), and the club the file is for."""

    def __init__(self, club_id: int | None) -> None:
        self.club_id = club_id

    def __contains__(self, club_id: object) -> bool:
        return club_id == self.club_id or (isinstance(club_id, int) and club_id > 0)


def _listed(names: list[str], limit: int = 40) -> str:
    shown = ", ".join(one_line(name, 60) for name in names[:limit])
    return shown + (tr(" and {n} more", n=len(names) - limit) if len(names) > limit else "") if names else tr("none")
