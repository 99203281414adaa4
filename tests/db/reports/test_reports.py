"""Match reports on the demo season: saving adds the match to each player's appearances and minutes
(the stored totals stay the baseline), its cards become bookings that bring bans at the
competition's threshold, an edit replaces it, undo and redo put back exactly what was there, and a
stale or impossible report is refused with the database unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlmodel import func, select

from db.calendar.edits import delete_fixture
from db.calendar.schedule import schedule
from db.domain.match_report import LineRefused, ReportLine
from db.engine import Database
from db.errors import StaleEdit, ValidationError
from db.medical.models import Booking, Suspension
from db.medical.queries import squad_availability
from db.medical.writes import record
from db.opening import open_database
from db.reports.models import Appearance
from db.reports.queries import report_facts, stored_lines
from db.reports.writes import ReportWrite, save_report
from db.squad.models import Player
from db.squad.queries import squad_rows
from tests.engines import fingerprint
from tests.helpers import AS_OF, squad_ids

GETAFE = dt.date(2025, 4, 23)  # LaLiga, won 1–0
FINAL = dt.date(2025, 4, 26)  # Copa del Rey final, lost 2–3 after extra time
CELTA = dt.date(2025, 5, 4)  # LaLiga, still to play
ELEVEN = ("Thibaut Courtois", "Lucas Vázquez", "Raúl Asencio", "Antonio Rüdiger", "Fran García", "Federico Valverde",
          "Aurélien Tchouaméni", "Jude Bellingham", "Kylian Mbappé", "Vinícius Júnior", "Rodrygo")


@pytest.fixture
def demo(demo_target: str) -> Iterator[Database]:
    database = open_database(demo_target)
    yield database
    database.close()


def ids(demo: Database) -> tuple[int, int, dict[str, int]]:
    return squad_ids(demo)


def fixture_on(demo: Database, day: dt.date) -> int:
    club_id, _season, _players = ids(demo)
    with demo.reading() as session:
        return next(r.fixture_id for r in schedule(session, club_id=club_id) if r.day == day)


def getafe_report(players: dict[str, int], **changes: ReportLine) -> list[ReportLine]:
    """Mbappé's winner; Bellingham off for Modrić after 70 minutes; Valverde booked."""
    lines = {name: ReportLine(players[name], True) for name in ELEVEN}
    lines["Kylian Mbappé"] = ReportLine(players["Kylian Mbappé"], True, goals=1)
    lines["Jude Bellingham"] = ReportLine(players["Jude Bellingham"], True, minute_off=70)
    lines["Federico Valverde"] = ReportLine(players["Federico Valverde"], True, card="yellow")
    lines["Luka Modrić"] = ReportLine(players["Luka Modrić"], False, minute_on=70)
    lines.update(changes)
    return list(lines.values())


def save(demo: Database, day: dt.date, lines: list[ReportLine], expected: tuple[ReportLine, ...] = (),
         **kwargs: object) -> ReportWrite:
    club_id, _season, _players = ids(demo)
    return save_report(demo, club_id=club_id, fixture_id=fixture_on(demo, day), expected=expected, lines=lines,
                       **kwargs)  # type: ignore[arg-type]


def totals(demo: Database, name: str) -> tuple[int | None, int | None]:
    club_id, season_id, _players = ids(demo)
    with demo.reading() as session:
        row = next(r for r in squad_rows(session, club_id=club_id, season_id=season_id, as_of=AS_OF) if r.name == name)
    return row.total_appearances, row.total_minutes


def cards(demo: Database, day: dt.date) -> list[tuple[int, str]]:
    fixture_id = fixture_on(demo, day)
    with demo.reading() as session:
        return sorted((b.player_id, b.card) for b in session.exec(select(Booking).where(Booking.fixture_id == fixture_id)))


def lines_of(demo: Database, day: dt.date) -> tuple[ReportLine, ...]:
    with demo.reading() as session:
        return stored_lines(session, fixture_on(demo, day))


def test_saving_adds_the_match_to_the_stored_totals_and_records_the_cards(demo: Database) -> None:
    _club, _season, players = ids(demo)
    assert totals(demo, "Jude Bellingham") == (47, None)  # the stored baseline: 47 appearances, minutes unknown
    assert totals(demo, "Luka Modrić") == (None, None)
    written = save(demo, GETAFE, getafe_report(players))
    assert totals(demo, "Jude Bellingham") == (48, 70)
    assert totals(demo, "Luka Modrić") == (1, 20)
    assert totals(demo, "Kylian Mbappé") == (1, 90)
    assert totals(demo, "Endrick") == (None, None)  # not in the report: his baseline alone
    assert cards(demo, GETAFE) == [(players["Federico Valverde"], "yellow")]
    assert len(written.appearance_ids) == 12 and len(written.plan.created) == 1 and written.plan.removed == ()
    # The stored baseline is untouched: the report adds to it, it does not write it.
    with demo.reading() as session:
        row = next(r for r in squad_rows(session, club_id=ids(demo)[0], season_id=ids(demo)[1], as_of=AS_OF)
                   if r.name == "Jude Bellingham")
    assert (row.appearances, row.reported_appearances, row.reported_minutes) == (47, 1, 70)


def test_minutes_after_extra_time_count_to_120(demo: Database) -> None:
    _club, _season, players = ids(demo)
    sent_off = {"Antonio Rüdiger", "Lucas Vázquez"}  # their reds are on file, with the bans they brought
    lines = [ReportLine(players[name], True, card="red" if name in sent_off else None,
                        minute_off=118 if name in sent_off else None) for name in ELEVEN]
    lines[4] = ReportLine(players["Fran García"], True, minute_off=100)
    lines.append(ReportLine(players["Luka Modrić"], False, minute_on=100, goals=0))
    save(demo, FINAL, lines)
    assert totals(demo, "Luka Modrić") == (1, 20)
    assert totals(demo, "Thibaut Courtois") == (1, 120)


def test_an_edit_replaces_the_report_and_its_cards_and_a_delete_takes_the_match_out(demo: Database) -> None:
    _club, _season, players = ids(demo)
    first = getafe_report(players)
    save(demo, GETAFE, first)
    seen = lines_of(demo, GETAFE)
    valverde = players["Federico Valverde"]
    edited = getafe_report(players, **{
        "Jude Bellingham": ReportLine(players["Jude Bellingham"], True, minute_off=80),
        "Luka Modrić": ReportLine(players["Luka Modrić"], False, minute_on=80),
        "Federico Valverde": ReportLine(valverde, True, card="second_yellow", minute_off=88),
    })
    written = save(demo, GETAFE, edited, expected=seen)
    assert totals(demo, "Jude Bellingham") == (48, 80) and totals(demo, "Luka Modrić") == (1, 10)
    assert totals(demo, "Federico Valverde") == (1, 88)
    assert cards(demo, GETAFE) == [(valverde, "second_yellow")]
    assert [b["card"] for b in written.plan.removed] == ["yellow"]
    with demo.reading() as session:
        booking = session.exec(select(Booking).where(Booking.player_id == valverde)).one()
    assert booking.minute == 88  # a sending-off is dated by the minute he went off
    save(demo, GETAFE, [], expected=lines_of(demo, GETAFE))
    assert lines_of(demo, GETAFE) == ()
    assert totals(demo, "Jude Bellingham") == (47, None) and cards(demo, GETAFE) == []


def test_a_report_changed_meanwhile_is_refused_unchanged(demo: Database, demo_target: str) -> None:
    _club, _season, players = ids(demo)
    save(demo, GETAFE, getafe_report(players))  # someone else's save, while we still saw no report
    before = fingerprint(demo_target)
    with pytest.raises(StaleEdit) as refused:
        save(demo, GETAFE, getafe_report(players, **{"Kylian Mbappé": ReportLine(players["Kylian Mbappé"], True)}))
    assert "Someone else changed this match report" in str(refused.value)
    assert fingerprint(demo_target) == before


def test_undo_takes_the_match_back_out_and_redo_puts_it_back(demo: Database) -> None:
    _club, _season, players = ids(demo)
    lines = getafe_report(players)
    written = save(demo, GETAFE, lines)
    [created] = written.plan.created
    after = lines_of(demo, GETAFE)
    save(demo, GETAFE, [], expected=after, plan=written.plan.inverse())  # undo
    assert lines_of(demo, GETAFE) == () and cards(demo, GETAFE) == []
    assert totals(demo, "Jude Bellingham") == (47, None)
    save(demo, GETAFE, list(after), expected=(), plan=written.plan)  # redo
    assert lines_of(demo, GETAFE) == after
    with demo.reading() as session:
        booking = session.get(Booking, created["id"])  # the same card under the same id
        assert booking is not None and booking.card == "yellow"
    assert totals(demo, "Jude Bellingham") == (48, 70)


def test_undo_is_refused_when_the_report_or_its_card_changed_since(demo: Database, demo_target: str) -> None:
    _club, _season, players = ids(demo)
    written = save(demo, GETAFE, getafe_report(players))
    after = lines_of(demo, GETAFE)
    with demo.transaction() as session:  # another user rescinds the card on appeal
        booking = session.get(Booking, written.plan.created[0]["id"])
        assert booking is not None
        booking.rescinded, booking.rescinded_on = True, dt.date(2025, 4, 25)
    before = fingerprint(demo_target)
    with pytest.raises(StaleEdit):
        save(demo, GETAFE, [], expected=after, plan=written.plan.inverse())
    assert fingerprint(demo_target) == before
    edited = save(demo, GETAFE, getafe_report(players, **{"Kylian Mbappé": ReportLine(players["Kylian Mbappé"], True)}),
                  expected=after)
    assert edited.plan.created == () and edited.plan.removed == ()  # the card stayed as it was
    with pytest.raises(StaleEdit):  # the first save's undo now meets another report
        save(demo, GETAFE, [], expected=after, plan=written.plan.inverse())


def test_the_fifth_booking_from_a_report_brings_a_ban_in_the_next_league_match(demo: Database) -> None:
    club_id, season_id, players = ids(demo)
    valverde = players["Federico Valverde"]
    for day in (dt.date(2025, 3, 1), dt.date(2025, 3, 9), dt.date(2025, 3, 15), dt.date(2025, 4, 13)):
        record(demo, "booking", player_id=valverde, values={"card": "yellow"}, fixture_id=fixture_on(demo, day))

    def verdict() -> str:
        with demo.reading() as session:
            answers = squad_availability(session, club_id=club_id, season_id=season_id, as_of=AS_OF, day=CELTA,
                                         competition_id=fixture_on_competition(demo, CELTA))
        return next(a.verdict.status for a in answers if a.player_id == valverde)

    assert verdict() == "available"
    save(demo, GETAFE, getafe_report(players))  # his fifth LaLiga booking: LaLiga bans at five
    assert verdict() == "suspended"


def fixture_on_competition(demo: Database, day: dt.date) -> int:
    club_id, _season, _players = ids(demo)
    with demo.reading() as session:
        return next(r.competition_id for r in schedule(session, club_id=club_id) if r.day == day)


def test_a_card_recorded_by_hand_counts_as_the_reports_and_a_ban_keeps_it(demo: Database, demo_target: str) -> None:
    """Rüdiger's red in the final is on file with the ban it brought: the report takes it as its
    own (undo leaves it there), and a report without it is refused while the ban refers to it."""
    _club, _season, players = ids(demo)
    rudiger = players["Antonio Rüdiger"]
    assert (rudiger, "red") in cards(demo, FINAL)
    sent_off = {"Antonio Rüdiger", "Lucas Vázquez"}
    lines = [ReportLine(players[name], True, card="red" if name in sent_off else None,
                        minute_off=118 if name in sent_off else None) for name in ELEVEN]
    with demo.reading() as session:
        bans = session.exec(select(func.count()).select_from(Suspension)).one()
    written = save(demo, FINAL, lines)
    assert written.plan.created == () and written.plan.removed == ()
    with demo.reading() as session:  # a red card's ban is the competition's decision: recorded by hand
        assert session.exec(select(func.count()).select_from(Suspension)).one() == bans
    save(demo, FINAL, [], expected=lines_of(demo, FINAL), plan=written.plan.inverse())
    assert (rudiger, "red") in cards(demo, FINAL)
    save(demo, FINAL, lines)
    before = fingerprint(demo_target)
    without = [ReportLine(line.player_id, True) for line in lines]
    with pytest.raises(LineRefused) as refused:
        save(demo, FINAL, without, expected=lines_of(demo, FINAL))
    assert refused.value.player_id in (rudiger, players["Lucas Vázquez"]) and refused.value.field == "card"
    assert fingerprint(demo_target) == before


def _outsider(demo: Database) -> int:
    with demo.reading() as session:
        player = session.exec(select(Player).where(Player.name == "Alexis Mac Allister")).one()
        assert player.id is not None
        return player.id


@pytest.mark.parametrize(("case", "field"), [
    ("ten starters", "starters"),
    ("future match", "fixture_id"),
    ("too many goals", "goals"),
    ("another club's player", "player_id"),
    ("a substitute without his minute", "minute_on"),
    ("minute off beyond the whistle", "minute_off"),
    ("a goal count of the wrong kind", "goals"),
])
def test_bad_input_is_refused_by_field_and_nothing_is_written(demo: Database, demo_target: str, case: str,
                                                             field: str) -> None:
    _club, _season, players = ids(demo)
    lines = getafe_report(players)
    day = GETAFE
    if case == "ten starters":
        lines = lines[1:]
    elif case == "future match":
        day = CELTA
    elif case == "too many goals":
        lines.append(ReportLine(players["Endrick"], False, minute_on=80, goals=1))
        lines[0] = ReportLine(lines[0].player_id, True, minute_off=80)
    elif case == "another club's player":
        lines[0] = ReportLine(_outsider(demo), True)
    elif case == "a substitute without his minute":
        lines[-1] = ReportLine(players["Luka Modrić"], False)
    elif case == "minute off beyond the whistle":
        lines[-1] = ReportLine(players["Luka Modrić"], False, minute_on=70, minute_off=95)
    else:
        lines[0] = ReportLine(lines[0].player_id, True, goals="2")  # type: ignore[arg-type]
    before = fingerprint(demo_target)
    with pytest.raises(ValidationError) as refused:
        save(demo, day, lines)
    assert refused.value.field == field
    assert fingerprint(demo_target) == before


def test_the_dialogs_facts_list_the_available_first_and_the_cards_on_file(demo: Database) -> None:
    club_id, _season, players = ids(demo)
    with demo.reading() as session:
        facts = report_facts(session, club_id=club_id, fixture_id=fixture_on(demo, FINAL), as_of=AS_OF)
    assert facts.played and facts.rules.length == 120 and facts.rules.substitutions == 5
    assert (facts.goals_for, facts.goals_against, facts.opponent) == (2, 3, "Barcelona")
    statuses = [p.availability.status for p in facts.players]
    first_other = next(i for i, s in enumerate(statuses) if s != "available")
    assert all(s != "available" for s in statuses[first_other:])  # the available come first
    assert facts.booked == {players["Antonio Rüdiger"]: "red", players["Lucas Vázquez"]: "red"}  # Bellingham's was rescinded
    assert facts.lines == ()


def test_a_match_with_a_report_is_not_deleted(demo: Database) -> None:
    _club, _season, players = ids(demo)
    save(demo, GETAFE, getafe_report(players, **{"Federico Valverde": ReportLine(players["Federico Valverde"], True)}))
    club_id = ids(demo)[0]
    with demo.reading() as session:
        row = next(r for r in schedule(session, club_id=club_id) if r.day == GETAFE)
    assert row.reported == 12
    with pytest.raises(ValidationError) as refused:
        delete_fixture(demo, row.fixture_id, row.version)
    assert refused.value.code == "has_report"
    with demo.reading() as session:
        assert session.exec(select(func.count()).select_from(Appearance)).one() == 12


def test_what_a_report_depends_on_in_its_match_stays_while_the_report_is_saved(demo: Database, demo_target: str,
                                                                               tmp_path) -> None:
    """Score, extra time, day, season and competition of a reported match are refused (by field,
    nothing written) from the calendar's edit, undo's swap and an import; the time of day may move."""
    from db.calendar.edits import update_fixture
    from db.calendar.models import Fixture
    from db.restoring import swap_fields
    from tests.helpers import import_fixtures

    _club, _season, players = ids(demo)
    save(demo, GETAFE, getafe_report(players))
    fixture_id = fixture_on(demo, GETAFE)
    with demo.reading() as session:
        version = session.get(Fixture, fixture_id).version
    before = fingerprint(demo_target)
    for fields, field in (({"goals_for": 0}, "goals_for"), ({"extra_time": True}, "extra_time"),
                          ({"kickoff_local": dt.datetime(2025, 8, 20, 21, 30)}, "kickoff_local"),
                          ({"status": "postponed", "goals_for": None, "goals_against": None}, "goals_for")):
        with pytest.raises(ValidationError) as refused:
            update_fixture(demo, fixture_id, version, fields)
        assert refused.value.code == "has_report" and refused.value.field == field
    with pytest.raises(ValidationError):  # undo of an earlier score edit: the same rule
        swap_fields(demo, "fixture", fixture_id, expected={"goals_for": 1}, changes={"goals_for": 2}, as_of=AS_OF)
    assert fingerprint(demo_target) == before
    moved = update_fixture(demo, fixture_id, version, {"kickoff_local": dt.datetime(2025, 4, 23, 21, 0)})
    assert moved.after  # the same day, another time: the report still holds
    csv = tmp_path / "results.csv"
    csv.write_text("date,time,competition,opponent,home/away,score\n2025-04-23,21:00,LaLiga,Getafe CF,away,0-0\n",
                   encoding="utf-8")
    with pytest.raises(Exception, match="match report is saved"):  # the only line refused: nothing to import
        import_fixtures(demo, csv)
    with demo.reading() as session:
        stored = session.get(Fixture, fixture_id)
        assert (stored.goals_for, stored.goals_against) == (1, 0)


def test_a_first_report_takes_over_the_cards_on_file_and_clears_those_it_does_not_give(demo: Database) -> None:
    """Cards recorded by hand before the first report: the report's card replaces a player's card
    on file, and a listed player the report gives no card loses his; undo puts them back."""
    _club, _season, players = ids(demo)
    fixture_id = fixture_on(demo, GETAFE)
    valverde, tchouameni = players["Federico Valverde"], players["Aurélien Tchouaméni"]
    for player in (valverde, tchouameni):
        record(demo, "booking", player_id=player, fixture_id=fixture_id, values={"card": "yellow"}, by="test")
    lines = getafe_report(players, **{"Federico Valverde": ReportLine(valverde, True, card="second_yellow"),
                                      "Aurélien Tchouaméni": ReportLine(tchouameni, True)})
    written = save(demo, GETAFE, lines)
    assert cards(demo, GETAFE) == [(valverde, "second_yellow")]
    save(demo, GETAFE, [], expected=tuple(lines_of(demo, GETAFE)), plan=written.plan.inverse())
    assert cards(demo, GETAFE) == sorted([(valverde, "yellow"), (tchouameni, "yellow")])


def test_redo_brings_a_card_back_when_another_card_took_its_id_meanwhile(demo: Database) -> None:
    """SQLite gives a freed highest id to the next row: a card recorded between undo and redo takes
    the report's card's id, and redo records that card again under a new one."""
    _club, _season, players = ids(demo)
    lines = getafe_report(players)
    written = save(demo, GETAFE, lines)
    undone = save(demo, GETAFE, [], expected=lines_of(demo, GETAFE), plan=written.plan.inverse())
    record(demo, "booking", player_id=players["Rodrygo"], values={"card": "yellow"}, fixture_id=fixture_on(demo, FINAL),
           by="test")
    redone = save(demo, GETAFE, lines, expected=(), plan=undone.plan.inverse())
    assert (players["Federico Valverde"], "yellow") in cards(demo, GETAFE)
    assert (players["Rodrygo"], "yellow") in cards(demo, FINAL)
    save(demo, GETAFE, [], expected=lines_of(demo, GETAFE), plan=redone.plan.inverse())  # and undo again
    assert (players["Federico Valverde"], "yellow") not in cards(demo, GETAFE)


def test_a_substitute_on_at_the_whistle_has_played_zero_minutes_not_unknown(demo: Database) -> None:
    _club, _season, players = ids(demo)
    lines = getafe_report(players, **{"Jude Bellingham": ReportLine(players["Jude Bellingham"], True, minute_off=90),
                                      "Luka Modrić": ReportLine(players["Luka Modrić"], False, minute_on=90)})
    save(demo, GETAFE, lines)
    assert totals(demo, "Luka Modrić") == (1, 0)
