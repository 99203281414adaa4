"""Squad import: openfootball lists and CSV files, re-import without duplicates, refusals by line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlmodel import func, select

from db.engine import Database
from db.errors import ImportRefused
from db.importers.cells import parse_euros_to_cents
from db.importers.squad import apply_squad
from db.importers.squad_files import RefusedLine, SquadRow, read_squad_file
from db.reference.models import Club, ClubAlias, Season, Setting
from db.reference.queries import OUR_CLUB, find_club, get_setting
from db.squad.models import Player, SquadMembership

AS_OF = dt.date(2024, 1, 15)
_HERE = Path(__file__).resolve().parents[2] / "data" / "openfootball" / "espana-2023-24-squads"
SQUADS = _HERE if _HERE.is_dir() else Path("/work/shared/realdata/openfootball/espana-2023-24-squads")
_NUMBERED = re.compile(r"^\s*\d+\s*,")


@pytest.fixture
def db(database: Database) -> Database:
    """A fresh migrated database for one test (either engine)."""
    return database


def counts(database: Database) -> dict[str, int]:
    """Row counts of every table an import may write."""
    with database.reading() as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Player, SquadMembership, Club, ClubAlias, Season, Setting)
        }


def squad_of(database: Database, club_name: str, season_label: str = "2023/24") -> dict[str, tuple]:
    """Player name -> (player, membership) of one club's squad in a season."""
    with database.reading() as session:
        club = find_club(session, club_name)
        assert club is not None, club_name
        rows = session.exec(
            select(Player, SquadMembership)
            .join(SquadMembership, SquadMembership.player_id == Player.id)
            .join(Season, Season.id == SquadMembership.season_id)
            .where(SquadMembership.club_id == club.id, Season.label == season_label)
        ).all()
        squad = {player.name: (player, membership) for player, membership in rows}
        session.expunge_all()  # plain objects for the assertions, untouched by the closing rollback
        return squad


def write_csv(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "squad.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def import_file(database: Database, path: Path, *, club: str | None = None, season: str | None = None):
    return apply_squad(database, read_squad_file(path), club=club, season=season, as_of=AS_OF, by="test")


# ------------------------------------------------------------------------------------ openfootball


def test_all_openfootball_squads_import_one_membership_per_numbered_line(db: Database) -> None:
    files = sorted(SQUADS.glob("*.txt"))
    assert len(files) == 20
    expected: dict[str, int] = {}
    for path in files:
        parsed = read_squad_file(path)
        assert parsed.source == "openfootball"
        assert parsed.season_label == "2023/24"
        assert parsed.club_name
        report = import_file(db, path)
        numbered = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if _NUMBERED.match(line))
        expected[parsed.club_name] = numbered
        # Any refusal (e.g. a shirt number listed twice) must carry its line number and field.
        for line, message in report.refused:
            assert _NUMBERED.match(path.read_text(encoding="utf-8").splitlines()[line - 1]), (line, message)
            assert report.refused_fields[line]
        assert len(report.added) + len(report.refused) == numbered, path.name
    for club_name, numbered in expected.items():
        assert len(squad_of(db, club_name)) == numbered, club_name
    madrid = squad_of(db, "Real Madrid")
    lunin, lunin_membership = madrid["Andriy Lunin"]
    assert (lunin.nationalities, lunin.primary_position, lunin.birth_year) == ("UKR", "GK", 1999)
    assert lunin.date_of_birth is None
    assert (lunin_membership.shirt_number, lunin_membership.previous_club) == (13, "Zorya Luhansk")
    assert madrid["Daniel Carvajal"][0].nationalities == "ESP"  # no nationality given means Spain
    assert madrid["Daniel Carvajal"][0].primary_position == "CB"  # DF through COARSE_POSITIONS
    assert madrid["Jude Bellingham"][0].primary_position == "CM"
    assert madrid["Joselu"][0].primary_position == "ST"
    assert squad_of(db, "Deportivo Alavés")["Nahuel Tenaglia"][1].previous_club == "Talleres (Córdoba)"
    # Namesakes born the same year at two clubs (Celta's goalkeeper and Osasuna's forward) stay two people.
    celta, osasuna = squad_of(db, "RC Celta Vigo")["Raúl García"][0], squad_of(db, "CA Osasuna")["Raúl García"][0]
    assert celta.id != osasuna.id
    assert (celta.primary_position, osasuna.primary_position) == ("GK", "ST")
    with db.reading() as session:
        first = find_club(session, "Deportivo Alavés")
        assert first is not None
        assert get_setting(session, OUR_CLUB) == str(first.id)  # the first list into a fresh database is ours
        assert session.exec(select(func.count()).select_from(Season)).one() == 1


def test_reimporting_the_same_file_adds_nothing(db: Database) -> None:
    path = SQUADS / "real_madrid.txt"
    first = import_file(db, path)
    before = counts(db)
    second = import_file(db, path)
    assert counts(db) == before
    assert (len(first.added), first.updated, first.unchanged) == (39, [], [])
    assert (second.added, second.updated, len(second.unchanged), second.refused) == ([], [], 39, [])
    assert second.lines()[0] == "Added 0, updated 0, unchanged 39, refused 0"


def test_openfootball_duplicate_shirt_is_refused_with_its_line(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "=  Real Madrid - Primera División de España 2023/24\r\n\r\n"
        "  1,  Thibaut Courtois (BEL),  GK,   b. 1992,   Chelsea\r\n"
        "  5,  Jude Bellingham (ENG),   MF,   b. 2003,   Borussia Dortmund\r\n"
        "  5,  Luka Modrić (CRO),       MF,   b. 1985,   Tottenham H\r\n"
        "  7,  Someone,                 XX,   b. 2000,   Nowhere\r\n",
        name="real.txt",
    )
    report = import_file(db, path)
    assert report.added == ["Thibaut Courtois", "Jude Bellingham"]
    assert report.refused == [(5, "Shirt number 5 is already worn by Jude Bellingham"), (6, report.refused[1][1])]
    assert report.refused_fields == {5: "shirt_number", 6: "primary_position"}
    assert "line 5: Shirt number 5 is already worn by Jude Bellingham" in report.lines()
    assert "added: Jude Bellingham" in report.lines()
    assert set(squad_of(db, "Real Madrid")) == {"Thibaut Courtois", "Jude Bellingham"}


def test_another_season_reuses_the_same_players(db: Database) -> None:
    path = SQUADS / "girona.txt"
    import_file(db, path)
    players = counts(db)["Player"]
    report = import_file(db, path, season="2024/25")
    assert len(report.added) == 32 and counts(db)["Player"] == players
    assert counts(db)["SquadMembership"] == 64
    old, new = squad_of(db, "Girona FC"), squad_of(db, "Girona FC", "2024/25")
    assert {name: p.id for name, (p, _) in old.items()} == {name: p.id for name, (p, _) in new.items()}


def test_club_option_wins_and_header_becomes_an_alias(db: Database) -> None:
    report = import_file(db, SQUADS / "real_madrid.txt", club="Real Madrid CF")
    assert len(report.added) == 39
    with db.reading() as session:
        club = find_club(session, "Real Madrid")  # the header's name now finds the --club club
        assert club is not None and club.name == "Real Madrid CF"
        assert get_setting(session, OUR_CLUB) is None  # a --club import leaves settings alone


# --------------------------------------------------------------------------------------------- CSV


def test_csv_with_semicolons_in_cp1252(db: Database, tmp_path: Path) -> None:
    text = (
        "Dorsal;Jugador;Posición;Fecha de nacimiento;Nacionalidad;Pie;Altura;Salario;Valor;Fin contrato\r\n"
        "13;Iñaki Peña;POR;02/03/1999;ESP;derecho;1,84;1.234.567,50;8.000.000;30/06/2026\r\n"
        "5;Íñigo Martínez;DF/LB;17/05/1991;ESP;izquierdo;182;2.500.000;5000000;2025-06-30\r\n"
    )
    path = write_csv(tmp_path, text, encoding="cp1252")
    report = import_file(db, path, club="Barça Atlètic")
    # "POR" is not a position code: line 2 is refused by the position field, line 3 lands.
    assert report.refused_fields == {2: "primary_position"}
    assert report.added == ["Íñigo Martínez"]
    player, membership = squad_of(db, "Barça Atlètic", "2023/24")["Íñigo Martínez"]
    assert (player.date_of_birth, player.preferred_foot, player.height_cm) == (dt.date(1991, 5, 17), "left", 182)
    assert (player.primary_position, player.secondary_positions) == ("CB", "LB")
    assert player.market_value_cents == 500_000_000
    assert (membership.shirt_number, membership.annual_wage_cents) == (5, 250_000_000)
    assert membership.contract_end == dt.date(2025, 6, 30)


def test_csv_with_utf8_bom_and_commas(db: Database, tmp_path: Path) -> None:
    text = (
        "Name,Number,Position,DOB,Nationality,Foot,Height,Wage,Market value,Contract start,Contract end,Role,Shoe size\n"
        'Vinícius Júnior,7,LW/ST,2000-07-12,BRA/ESP,R,176,"1,234,567.50",150000000,2018-07-01,2027-06-30,first team,42\n'
        "Arda Güler,24,AM,2005-02-25,TUR,L,1.76,1234567,,,,academy,41\n"
    )
    path = tmp_path / "squad.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    parsed = read_squad_file(path)
    assert parsed.source == "csv" and parsed.ignored_columns == ["Shoe size"]
    report = apply_squad(db, parsed, club="Real Madrid", season="2024/25", as_of=AS_OF)
    assert report.added == ["Vinícius Júnior", "Arda Güler"] and report.refused == []
    assert report.lines()[-1] == "Ignored columns: Shoe size"
    squad = squad_of(db, "Real Madrid", "2024/25")
    vini, vini_membership = squad["Vinícius Júnior"]
    assert (vini.nationalities, vini.primary_position, vini.secondary_positions) == ("BRA,ESP", "LW", "ST")
    assert vini_membership.annual_wage_cents == 123_456_750
    assert vini_membership.squad_role == "first_team"
    arda, arda_membership = squad["Arda Güler"]
    assert (arda.preferred_foot, arda.height_cm, arda.market_value_cents) == ("left", 176, None)
    assert (arda_membership.annual_wage_cents, arda_membership.squad_role) == (123_456_700, "academy")


def test_csv_refusals_name_their_line_and_field(db: Database, tmp_path: Path) -> None:
    text = (
        "name,number,position,dob,wage,contract_start,contract_end\n"
        "Jude Bellingham,5,CM,2003-06-29,1000000,2023-07-01,2029-06-30\n"
        "Negative Wage,6,CB,1995-01-01,-500,,\n"
        "Shirt Taker,5,ST,1996-01-01,,,\n"
        ",9,ST,1997-01-01,,,\n"
        "Backwards Contract,10,AM,1998-01-01,,2024-07-01,2023-06-30\n"
        "Not Born Yet,11,LW,01/02/2030,,,\n"
        "Luka Modrić,10,CM,09/09/1985,,,\n"
    )
    before = counts(db)
    report = import_file(db, write_csv(tmp_path, text), club="Real Madrid")
    assert report.added == ["Jude Bellingham", "Luka Modrić"]
    assert [line for line, _ in report.refused] == [3, 4, 5, 6, 7]
    assert report.refused_fields == {
        3: "annual_wage_cents", 4: "shirt_number", 5: "name", 6: "contract_end", 7: "date_of_birth"
    }
    assert report.lines()[0] == "Added 2, updated 0, unchanged 0, refused 5"
    assert "line 4: Shirt number 5 is already worn by Jude Bellingham" in report.lines()
    assert counts(db)["Player"] == before["Player"] + 2
    assert set(squad_of(db, "Real Madrid")) == {"Jude Bellingham", "Luka Modrić"}


def test_csv_reimport_updates_only_what_changed(db: Database, tmp_path: Path) -> None:
    header = "nombre;dorsal;salario;nacimiento año\n"
    import_file(db, write_csv(tmp_path, header + "Pedri;8;1000;2002\nGavi;6;2000;2004\n"), club="FC Barcelona")
    report = import_file(db, write_csv(tmp_path, header + "PEDRI;8;1500;2002\nGavi;6;2000;2004\n"), club="fc  BARCELONA")
    assert (report.added, report.updated, report.unchanged) == ([], ["PEDRI"], ["Gavi"])
    assert report.ignored_columns == ["nacimiento año"]
    pedri, membership = squad_of(db, "FC Barcelona")["PEDRI"]
    assert (membership.annual_wage_cents, membership.version, pedri.version) == (150_000, 2, 2)
    assert squad_of(db, "FC Barcelona")["Gavi"][1].version == 1


def test_a_name_twice_in_one_file_is_refused(db: Database, tmp_path: Path) -> None:
    text = "player,shirt\nRodrygo,11\nrodrygo,21\n"
    report = import_file(db, write_csv(tmp_path, text), club="Real Madrid")
    assert report.added == ["Rodrygo"] and report.refused_fields == {3: "name"}


# ------------------------------------------------------------------------------------------ refusal


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 4,
        b"",
        b"   \r\n\r\n",
        "Dorsal;Posición;Salario\n5;MF;1000\n".encode("cp1252"),
        b"just some words\nwithout any columns\n",
        b"name,number\n",
    ],
    ids=["binary", "empty", "blank", "no-name-column", "no-header", "no-rows"],
)
def test_files_that_are_not_squads_are_refused_untouched(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "squad.csv"
    path.write_bytes(content)
    before = counts(db)
    with pytest.raises(ImportRefused):
        import_file(db, path, club="Real Madrid")
    assert counts(db) == before


def test_unreadable_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused):
        read_squad_file(tmp_path / "missing.csv")
    with pytest.raises(ImportRefused):
        read_squad_file(tmp_path)


def test_csv_without_any_club_is_refused(db: Database, tmp_path: Path) -> None:
    before = counts(db)
    with pytest.raises(ImportRefused, match="club"):
        import_file(db, write_csv(tmp_path, "name\nPedri\n"))
    assert counts(db) == before


def test_csv_falls_back_to_our_club_and_current_season(db: Database, tmp_path: Path) -> None:
    import_file(db, SQUADS / "villarreal.txt")  # a fresh database: Villarreal 2023/24 become ours
    report = import_file(db, write_csv(tmp_path, "jugador,dorsal\nNew Signing,99\n"))
    assert report.added == ["New Signing"]
    assert squad_of(db, "Villarreal CF")["New Signing"][1].shirt_number == 99


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.234.567,50", 123_456_750),
        ("1,234,567.50", 123_456_750),
        ("1234567", 123_456_700),
        ("1.500", 150_000),
        ("12,5", 1_250),
        ("€ 2 000", 200_000),
        ("-500", -50_000),
    ],
)
def test_euro_amounts_become_cents(text: str, cents: int) -> None:
    assert parse_euros_to_cents(text) == cents


def test_wage_that_is_not_money_is_refused_by_field(tmp_path: Path) -> None:
    parsed = read_squad_file(write_csv(tmp_path, "name,wage,dob\nA,lots,\nB,,31/02/2000\n"))
    lines = list(parsed.lines())
    assert not [line for line in lines if isinstance(line, SquadRow)]
    assert {line.line: line.field for line in lines if isinstance(line, RefusedLine)} == {
        2: "annual_wage_cents", 3: "date_of_birth"}


@pytest.mark.sqlite_only
def test_failed_import_command_leaves_no_new_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No club anywhere (CSV, no --club, a new database): refused, and the new file is not left behind."""
    from desktop.cli import main

    squad = tmp_path / "squad.csv"
    squad.write_text("name,number\nJude Bellingham,5\n", encoding="utf-8")
    target = tmp_path / "new.sqlite"
    assert main(["--db", str(target), "import", "squad", str(squad)]) == 1
    assert "club" in capsys.readouterr().err.lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["squad.csv"]


def test_reimport_under_another_spelling_of_the_club_does_not_duplicate(db: Database) -> None:
    path = SQUADS / "real_madrid.txt"
    import_file(db, path)
    before = counts(db)
    report = import_file(db, path, club="Real Madrid CF")
    after = counts(db)
    assert after.pop("ClubAlias") == before.pop("ClubAlias") + 1, "the new spelling is kept as an alias"
    assert after == before
    assert report.added == [] and report.updated == []


@pytest.mark.parametrize("spelling", ["2023/24", "2023/2024", "2023-24", " 2023 - 2024 "])
def test_season_spellings_are_one_season(db: Database, spelling: str) -> None:
    path = SQUADS / "girona.txt"
    import_file(db, path)
    before = counts(db)
    import_file(db, path, season=spelling)
    assert counts(db) == before


def test_bad_season_is_refused_by_name(db: Database) -> None:
    with pytest.raises(ImportRefused, match="Season"):
        import_file(db, SQUADS / "girona.txt", season="2023/26")


@pytest.mark.parametrize(
    ("cell", "field"),
    [("wage,99999999999999999999", "annual_wage_cents"), ("height_cm,1e400", "height_cm"), ("height_cm,nan", "height_cm")],
)
def test_absurd_numbers_are_refused_on_their_line(db: Database, tmp_path: Path, cell: str, field: str) -> None:
    column, value = cell.split(",")
    path = write_csv(tmp_path, f"name,number,{column}\nJude Bellingham,5,{value}\nLuka Modric,10,\n")
    report = import_file(db, path, club="Real Madrid")
    assert report.refused_fields == {2: field}
    assert report.added == ["Luka Modric"]


def test_a_giant_cell_is_refused_on_its_line(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "name,number,notes\nJude Bellingham,5,ok\n" + "Luka Modric,10," + "x" * 200_000 + "\n")
    report = import_file(db, path, club="Real Madrid")
    assert report.added == ["Jude Bellingham"]
    assert [line for line, _ in report.refused] == [3]


def test_an_import_that_refuses_every_line_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "name,number\nA,500\nB,-3\n")
    before = counts(db)
    with pytest.raises(ImportRefused, match="No line could be imported"):
        import_file(db, path, club="Brand New FC")
    assert counts(db) == before
