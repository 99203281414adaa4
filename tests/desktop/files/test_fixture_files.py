"""File → Import → Fixtures… previews before it writes (added, refused by line, nothing written on
Cancel or on a bad file), and File → Export → Fixtures… writes files that import back unchanged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from sqlmodel import func, select

from db.calendar.models import Fixture
from desktop.files.fixtures import FixtureImportDialog, export_fixtures, import_fixtures
from tests.helpers import when_modal

FRIENDLIES = """date;time;competition;opponent;home/away;venue
2025-07-30;19:00;Friendly;Celta;home;Estadio Santiago Bernabéu
2025-08-05;20:00;Friendly;Getafe;away;
31/02/2025;18:00;Friendly;Sevilla;home;
"""


def fixtures(demo) -> int:
    with demo.reading() as session:
        return int(session.exec(select(func.count()).select_from(Fixture)).one())


def friendlies(tmp_path: Path) -> Path:
    path = tmp_path / "pre-season.csv"
    path.write_text(FRIENDLIES, encoding="utf-8")
    return path


def test_the_preview_lists_what_would_change_and_writes_only_on_import(context, demo, qtbot, tmp_path) -> None:
    before = fixtures(demo)
    dialog = FixtureImportDialog(context, friendlies(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.section("To add") == ["2025-07-30 Real Madrid CF – RC Celta de Vigo (Friendly)",
                                        "2025-08-05 Getafe CF – Real Madrid CF (Friendly)"]
    refused = dialog.section("Refused")
    assert len(refused) == 1 and refused[0].startswith("line 4: Date '31/02/2025'")
    assert "2 to add" in dialog.summary.text() and "1 refused" in dialog.summary.text()
    assert fixtures(demo) == before  # a preview writes nothing
    from db.backups import list_backups

    assert list_backups(demo.path) == []
    with qtbot.waitSignal(context.data_changed) as told:
        dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fixtures(demo) == before + 2 and told.args[0].touches("fixture")
    assert [backup.reason for backup in list_backups(demo.path)] == ["before-import"]  # the file as it was
    again = FixtureImportDialog(context, friendlies(tmp_path))  # the same file again: nothing new
    qtbot.addWidget(again)
    assert again.section("To add") == [] and len(again.section("Unchanged")) == 2
    assert not again.import_button.isEnabled()


def test_cancel_writes_nothing(context, demo, qtbot, tmp_path) -> None:
    before = fixtures(demo)
    when_modal(FixtureImportDialog, lambda dialog: dialog.reject())
    assert not import_fixtures(context, None, friendlies(tmp_path))
    assert fixtures(demo) == before


def test_a_file_that_is_not_a_fixture_file_is_refused_with_its_reason(context, demo, qtbot, tmp_path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 40)
    before = fixtures(demo)
    with qtbot.waitSignal(context.message) as told:
        assert not import_fixtures(context, None, path)
    assert told.args[0].startswith("photo.csv was not imported: ") and len(told.args[0]) > 30
    assert fixtures(demo) == before


def test_a_competition_chosen_for_a_file_that_names_none_replans(context, demo, qtbot, tmp_path) -> None:
    path = tmp_path / "no-competition.csv"
    path.write_text("date,time,opponent,home/away\n2025-07-30,19:00,Celta,home\n", encoding="utf-8")
    dialog = FixtureImportDialog(context, path)
    qtbot.addWidget(dialog)
    dialog.competition.setCurrentIndex(dialog.competition.findData("LaLiga"))
    shown = dialog.section("To add") + dialog.section("To update") + dialog.section("Refused")
    assert any("LaLiga" in line for line in shown), shown


def test_export_then_import_gives_back_the_same_fixtures(context, demo, qtbot, tmp_path) -> None:
    for name in ("fixtures.ics", "fixtures.csv"):
        with qtbot.waitSignal(context.status) as told:
            written = export_fixtures(context, None, tmp_path / name)
        assert written is not None and written > 40 and str(written) in told.args[0]
        dialog = FixtureImportDialog(context, tmp_path / name)
        qtbot.addWidget(dialog)
        assert dialog.section("To add") == [] and dialog.section("To update") == []
        assert dialog.section("Refused") == [] and len(dialog.section("Unchanged")) == written


def test_an_export_to_a_folder_that_cannot_be_written_says_so(context, qtbot, tmp_path) -> None:
    with qtbot.waitSignal(context.message) as told:
        assert export_fixtures(context, None, tmp_path / "missing" / "fixtures.csv") is None
    assert "missing" in told.args[0]


def test_a_locked_database_at_import_is_told_in_the_dialog(context, demo, qtbot, tmp_path, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    import db.importers.fixtures as importer

    def locked(*_args, **_kwargs):
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    dialog = FixtureImportDialog(context, friendlies(tmp_path))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(importer, "apply_fixture_plan", locked)
    before = fixtures(demo)
    dialog.import_button.click()
    assert "Nothing was imported" in dialog.summary.text() and "database is locked" in dialog.summary.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and fixtures(demo) == before
