"""A club's fixture list as CSV: columns by name, dates and encodings as spreadsheets write them,
matching stored matches, refusals by line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.domain.kickoffs import as_utc
from db.engine import Database
from db.errors import ImportRefused
from db.importers.fixtures import plan_fixture_import
from db.opening import open_database
from db.reference.queries import OUR_CLUB, find_competition, get_setting
from tests.engines import fingerprint
from tests.helpers import import_fixtures, stored_fixtures

UTC = dt.UTC


@pytest.fixture
def demo(demo_target: str):
    database = open_database(demo_target)
    yield database
    database.close()


def write(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "fixtures.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolons_cp1252_and_day_first_dates(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "Fecha;Hora;Competición;Rival;Local/Visitante;Estadio\r\n"
                           "04/05/2025;14:00;LaLiga;RC Celta de Vigo;local;Estadio Santiago Bernabéu\r\n"
                           "11/05/2025;;LaLiga;FC Barcelona;visitante;\r\n", encoding="cp1252")
    report = import_fixtures(database, path, club="Real Madrid CF")
    assert (len(report.added), report.refused) == (2, [])
    celta, barcelona = stored_fixtures(database)
    assert (celta.venue_side, celta.venue, celta.timezone) == ("home", "Estadio Santiago Bernabéu", "Europe/Madrid")
    assert as_utc(celta.kickoff_utc) == dt.datetime(2025, 5, 4, 12, 0, tzinfo=UTC)
    assert (barcelona.venue_side, barcelona.kickoff_time_known) == ("away", False)
    with database.reading() as session:
        laliga = find_competition(session, "LaLiga")
        assert get_setting(session, OUR_CLUB) == str(celta.club_id)
    assert laliga is not None and laliga.table_tiebreakers.startswith("h2h_points")


def test_utf8_bom_commas_optional_columns_and_our_score_first(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffdate,time,competition,opponent,home/away,venue,season,round,time zone,score,status\n"
                           "2025-01-12,20:00,Supercopa de España,FC Barcelona,neutral,King Abdullah Sports City,"
                           "2024/25,Final,Asia/Riyadh,2-5,played\n"
                           "2025-04-26,22:00,Copa del Rey,FC Barcelona,neutral,La Cartuja,,Final,,2-3 aet,\n"
                           "2025-03-12,21:00,UEFA Champions League,Club Atlético de Madrid,away,,,\"Finals, Round of 16\","
                           ",1-0 aet (pens 4-2),\n"
                           "2025-06-01,,Friendly,Al Hilal,home,,,,,,postponed\n")
    report = import_fixtures(database, path, club="Real Madrid CF")
    assert (len(report.added), report.refused) == (4, [])
    supercopa, champions, copa, friendly = stored_fixtures(database)
    assert (supercopa.venue_side, supercopa.goals_for, supercopa.goals_against, supercopa.timezone) == (
        "neutral", 2, 5, "Asia/Riyadh")
    assert as_utc(supercopa.kickoff_utc) == dt.datetime(2025, 1, 12, 17, 0, tzinfo=UTC)
    assert (copa.goals_for, copa.goals_against, copa.extra_time, copa.penalties_for) == (2, 3, True, None)
    assert (champions.goals_for, champions.penalties_for, champions.penalties_against) == (1, 4, 2)
    assert (friendly.status, friendly.goals_for) == ("postponed", None)
    assert "new competition: Friendly" in report.notes


def test_a_rescheduled_match_of_the_demo_is_updated_not_added(demo: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,time,competition,opponent,home/away\n2025-05-04,16:15,LaLiga,Celta,home\n"
                           "2025-05-14,21:30,Primera División,Mallorca,home\n")
    before = len(stored_fixtures(demo))
    report = import_fixtures(demo, path)
    assert (report.added, len(report.updated), len(report.unchanged), report.notes) == ([], 1, 1, [])
    assert len(stored_fixtures(demo)) == before
    celta = next(f for f in stored_fixtures(demo, "LaLiga") if f.external_id.endswith(":Real Madrid CF-RC Celta de Vigo"))
    assert as_utc(celta.kickoff_utc) == dt.datetime(2025, 5, 4, 14, 15, tzinfo=UTC)
    assert celta.venue == "Estadio Santiago Bernabéu", "a list without venues keeps the stored one"


def test_short_names_of_a_clubs_list_find_the_clubs_and_become_aliases(database: Database, tmp_path: Path) -> None:
    from db.demo import DEMO_DIR
    from db.reference.queries import find_club

    import_fixtures(database, DEMO_DIR / "openfootball" / "2024-25_es.1.json", club="Real Madrid CF")
    path = write(tmp_path, "date,time,competition,opponent,home/away\n2025-05-04,14:00,LaLiga,Celta,home\n"
                           "2025-05-10,16:15,LaLiga,Madrid,home\n")
    report = import_fixtures(database, path)
    assert report.notes == ["'Celta' taken as RC Celta de Vigo"]
    assert len(report.unchanged) == 1 and len(report.added) == 1  # 'Madrid' names two clubs: a new one
    with database.reading() as session:
        celta = find_club(session, "celta")
        assert celta is not None and celta.name == "RC Celta de Vigo"


def test_a_list_without_results_or_times_keeps_what_is_stored(demo: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,opponent,home/away,competition\n2025-04-23,Getafe CF,away,LaLiga\n")
    report = import_fixtures(demo, path)
    assert (report.added, report.updated, len(report.unchanged)) == ([], [], 1)


@pytest.mark.parametrize(("line", "field", "message"), [
    ("31/02/2025,21:00,LaLiga,Getafe CF,away", "date", "is not a date"),
    ("2025-05-04,21:00,LaLiga,Getafe CF,sometimes", "venue_side", "must be home, away or neutral"),
    ("2025-05-04,9pm,LaLiga,Getafe CF,away", "kickoff_local", "is not a time"),
    ("2025-05-04,21:00,LaLiga,,away", "opponent", "must not be empty"),
    ("2025-03-30,02:30,LaLiga,Getafe CF,away", "kickoff_local", "does not exist in Europe/Madrid"),
    ("2025-05-04,21:00,LaLiga,Real Madrid CF,home", "opponent_id", "cannot play itself"),
    ("2025-05-04,21:00,LaLiga,Getafe CF,away,,,,Mars/Olympus", "timezone", "not a known time zone"),
    ("2025-05-04,21:00,LaLiga,Getafe CF,away,,,,,two-nil", "goals_for", "is not a score"),
    ("2025-05-04,21:00,LaLiga,Getafe CF,away,,,,,,played", "goals_for", "needs its score"),
    ("2025-05-04,21:00,LaLiga,Getafe CF,away,,0999/00", "season_id", "must start between"),
    ('2025-05-04,21:00,LaLiga,"Getafe, CF,away', "", "quote that is not closed"),
])
def test_a_bad_line_is_refused_with_its_line_and_field(database: Database, tmp_path: Path, line: str, field: str,
                                                       message: str) -> None:
    path = write(tmp_path, "date,time,competition,opponent,home/away,venue,season,round,time zone,score,status\n"
                           f"2025-05-10,21:00,LaLiga,Sevilla FC,home\n{line}\n")
    report = import_fixtures(database, path, club="Real Madrid CF")
    assert len(report.added) == 1 and len(report.refused) == 1
    refused = report.refused[0]
    assert (refused.where.line, refused.field) == (3, field) and message in refused.message
    assert str(refused).startswith("line 3: ")


def test_the_same_match_twice_in_a_file_is_refused_the_second_time(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,opponent,home/away,competition\n2025-05-04,Getafe CF,away,LaLiga\n"
                           "2025-05-05,Getafe CF,away,LaLiga\n2025-01-05,Getafe CF,home,LaLiga\n")
    report = import_fixtures(database, path, club="Real Madrid CF")
    assert len(report.added) == 2 and [(i.where.line, i.message) for i in report.refused] == [(3, "The same match as line 2")]


def test_a_cup_tie_is_keyed_by_its_round_too(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,opponent,home/away,competition,round\n2025-02-26,Real Sociedad,away,Copa del Rey,Semi-final\n"
                           "2025-01-16,Real Sociedad,away,Copa del Rey,Round of 16\n")
    assert len(import_fixtures(database, path, club="Real Madrid CF").added) == 2
    moved = write(tmp_path, "date,opponent,home/away,competition,round\n2025-02-27,Real Sociedad,away,Copa del Rey,"
                            "semi final\n", name="moved.csv")
    report = import_fixtures(database, moved)
    assert report.added == [] and len(report.updated) == 1 and len(stored_fixtures(database)) == 2


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"), (b"   \n\n", "is empty"), (b"\x00\x01\x02binary\xff", "not a text file"),
    (b"name,number\nLuka Modric,10\n", "lacks the columns a fixture needs: Date, Opponent, Home/away"),
    (b"date,opponent\n2025-05-04,Getafe\n", "lacks the columns a fixture needs: Home/away"),
    ("date,opponent,home/away\n2025-05-04,Getafe,away\n".encode("utf-16-le"), "not a text file"),
])
def test_files_that_are_not_fixture_lists_are_refused_untouched(db_target: str, tmp_path: Path, content: bytes,
                                                                message: str) -> None:
    path = tmp_path / "fixtures.csv"
    path.write_bytes(content)
    database = open_database(db_target)
    before = fingerprint(db_target)
    try:
        with pytest.raises(ImportRefused, match=message):
            plan_fixture_import(database, path, club="Real Madrid CF")
    finally:
        database.close()
    assert fingerprint(db_target) == before


def test_no_competition_anywhere_is_refused_per_line_unless_the_caller_gives_one(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,opponent,home/away\n2025-05-04,Getafe CF,away\n")
    with pytest.raises(ImportRefused, match="No match could be imported .*line 2: No competition"):
        import_fixtures(database, path, club="Real Madrid CF")
    assert stored_fixtures(database) == []
    assert len(import_fixtures(database, path, club="Real Madrid CF", competition="LaLiga").added) == 1


def test_a_new_database_without_a_club_lists_the_opponents(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "date,opponent,home/away,competition\n2025-05-04,Getafe CF,away,LaLiga\n"
                           "2025-05-11,Celta,home,LaLiga\n")
    with pytest.raises(ImportRefused, match=r"pass --club NAME \(the file names: Celta, Getafe CF\)"):
        plan_fixture_import(database, path)


def test_a_competition_named_with_its_season_is_the_stored_competition_of_that_season(demo: Database,
                                                                                        tmp_path: Path) -> None:
    path = write(tmp_path, "date,time,competition,opponent,home/away\n"
                           "2025-05-04,14:00,Primera División 2024/25,RC Celta de Vigo,home\n"
                           "2025-06-18,15:00,FIFA Club World Cup 2025,Al Hilal,neutral\n")
    plan = plan_fixture_import(demo, path)
    assert (plan.added, plan.refused, plan.notes, len(plan.unchanged)) == ([], [], [], 1)
    # No time zone column: 15:00 is read in our club's zone (Madrid), so the New York kick-off moves.
    assert plan.updated == ["2025-06-18 Real Madrid CF – Al Hilal (FIFA Club World Cup) (kick-off, time zone)"]
