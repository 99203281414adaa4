"""The team sheet: one A4 page that names the starters (read back with pypdf), a PNG of the same
drawing, from the screen and as ``dugout export teamsheet DATE FILE``; a day without a fixture or
a lineup is one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from db.lineup.sheet import team_sheet_on
from desktop.cli import main
from desktop.common.team_sheet import write_team_sheet
from desktop.lineup.screen import LineupScreen
from tests.helpers import AS_OF

STARTERS = ["Thibaut Courtois", "Lucas Vázquez", "Raúl Asencio", "Aurélien Tchouaméni", "Fran García",
            "Federico Valverde", "Luka Modrić", "Arda Güler", "Rodrygo", "Kylian Mbappé", "Vinícius Júnior"]


def pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_is_one_page_naming_the_starters_captain_bench_and_the_injured(qapp, demo, tmp_path: Path) -> None:
    with demo.reading() as session:
        sheet = team_sheet_on(session, club_id=1, day=dt.date(2025, 5, 4), as_of=AS_OF)
    target = write_team_sheet(sheet, tmp_path / "celta.pdf")
    pages, text = pdf_text(target)
    assert pages == 1
    assert "Real Madrid CF v RC Celta de Vigo" in text and "Formation 4-3-3" in text and "Matchday 34" in text
    assert all(name in text for name in STARTERS)
    assert "Luka Modrić (captain)" in text and "Substitutes (12)" in text and "Jude Bellingham" in text
    assert "Éder Militão" in text and "ACL rupture" in text and "DRAFT" in text


def test_the_png_is_an_a4_image(qapp, demo, tmp_path: Path) -> None:
    with demo.reading() as session:
        sheet = team_sheet_on(session, club_id=1, day=dt.date(2025, 5, 4), as_of=AS_OF)
    image = QImage(str(write_team_sheet(sheet, tmp_path / "celta.png")))
    assert (image.width(), image.height()) == (1240, 1754)
    assert image.pixelColor(600, 60).lightness() < 80  # the dark band with the match
    assert image.pixelColor(10, 1700).lightness() > 240  # white paper


def test_the_screen_saves_the_sheet_where_the_user_says(screen: LineupScreen, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "wall"
    offered: list[str] = []

    def ask(_parent, _title, name, _filters):
        offered.append(name)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    statuses: list[str] = []
    screen.context.status.connect(statuses.append)
    screen.sheet_button.click()
    assert offered == ["teamsheet-2025-05-04-celta.pdf"]
    assert pdf_text(tmp_path / "wall.pdf")[0] == 1 and "wall.pdf" in statuses[-1]


def test_the_command_writes_pdf_and_png(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_path), "export", "teamsheet", "2025-05-04", str(tmp_path / "sheet.pdf")]) == 0
    assert "written to" in capsys.readouterr().out
    pages, text = pdf_text(tmp_path / "sheet.pdf")
    assert pages == 1 and all(name in text for name in STARTERS)
    assert main(["--db", str(demo_path), "export", "teamsheet", "2025-05-04", str(tmp_path / "sheet.png")]) == 0
    assert QImage(str(tmp_path / "sheet.png")).width() == 1240


@pytest.mark.parametrize(("date", "file", "message"), [
    ("2025-05-03", "x.pdf", "No fixture on 3 May 2025"),
    ("2025-05-11", "x.pdf", "No lineup is saved for Barcelona on 11 May 2025"),
    ("4 May", "x.pdf", "DATE must be a day like 2025-05-04"),
    ("2025-05-04", "x.docx", "FILE.pdf or FILE.png"),
    ("2025-05-04", "missing/x.pdf", "there is no folder"),
])
def test_the_command_refuses_in_one_line(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         date: str, file: str, message: str) -> None:
    assert main(["--db", str(demo_path), "export", "teamsheet", date, str(tmp_path / file)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("dugout: ")
    assert not (tmp_path / "x.pdf").exists()
