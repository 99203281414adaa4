"""Every string the user can see reaches the translator as a literal that extraction finds.

Two checks: statically, every literal the code passes to a translation call is in the extracted
``.ts``; at run time, a recording translator sees what the screens, dialogs and the data layer's
messages really ask for while the demo is driven, and each of those must be in the ``.ts`` too.
"""

from __future__ import annotations

import ast
import importlib.util
from argparse import Namespace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

import db.i18n
from desktop.i18n import install_translations
from desktop.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _translations_module() -> Any:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    module = _translations_module()
    return module.read_ts(module.extract(tmp_path_factory.mktemp("i18n") / "dugout.ts"))


def _class_ancestors() -> dict[str, set[str]]:
    """Each desktop class's name -> the names of the classes it inherits from."""
    import importlib
    import inspect
    import pkgutil

    import desktop

    ancestors: dict[str, set[str]] = {}
    for module_info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__.startswith("desktop."):
                ancestors[cls.__name__] = {base.__name__ for base in cls.__mro__[1:]}
    return ancestors


LIBRARIES = ("pyqtgraph",)


def _from_library() -> bool:
    """Whether the lookup comes from a charting library's own code (its strings are not ours)."""
    import sys

    frame = sys._getframe(2)
    while frame is not None:
        if any(f"{name}/" in frame.f_code.co_filename.replace("\\", "/") for name in LIBRARIES):
            return True
        frame = frame.f_back
    return False


class _Recorder(QTranslator):
    """Remembers every lookup Qt makes; translates nothing.

    One ``self.tr`` asks for the class's context, then each base class's in turn (PySide walks the
    class hierarchy): a lookup of the same text in a base class of the call's first context
    belongs to that call. ``calls`` holds each call's contexts in order.
    """

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, list[str]]] = []
        self.ancestors = _class_ancestors()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> Any:
        if _from_library():  # pyqtgraph's own menus translate themselves, like Qt's widgets
            return None
        if self.calls and self.calls[-1][0] == source:
            first = self.calls[-1][1][0]
            if context in self.ancestors.get(first, set()) and context not in self.calls[-1][1]:
                self.calls[-1][1].append(context)
                return None
        self.calls.append((source, [context]))
        return None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def _literal_calls(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of each translation call with literal arguments in a desktop module."""
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                strings = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) \
                        and func.value.id == "self" and len(strings) >= 1 and isinstance(args[0], ast.Constant):
                    found.append((cls, strings[0], child.lineno))
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 \
                        and all(isinstance(a, ast.Constant) for a in args[:2]):
                    found.append((args[0].value, args[1].value, child.lineno))  # type: ignore[union-attr]
            visit(child, cls)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_every_literal_in_the_code_is_extracted(extracted: dict[str, set[str]]) -> None:
    missing = [
        f"{path.relative_to(ROOT)}:{line}: {context} / {text!r}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for context, text, line in _literal_calls(path)
        if text not in extracted.get(context, set())
    ]

    assert missing == []


def test_data_layer_messages_are_literals_and_extracted(extracted: dict[str, set[str]]) -> None:
    messages = _translations_module().db_messages()  # raises if a message is not a literal
    assert set(messages) <= extracted["db"]
    assert "Shirt number {n} is already worn by {p}" in extracted["db"]  # a validation message
    assert "Demo season ready in {p}" in extracted["db"]  # the command line's, through db.i18n


def _drive_fixture_files(window: MainWindow, qtbot: Any) -> None:
    """File → Import → Fixtures… (a preview with a refused line; a file that is not one) and the export."""
    import tempfile
    from pathlib import Path

    from desktop.files.fixtures import FixtureImportDialog, export_fixtures, import_fixtures

    folder = Path(tempfile.mkdtemp())
    bad = folder / "bad.csv"
    bad.write_text("date,opponent,home/away\n31/02/2025,Celta,home\n2025-08-01,Getafe,away\n", encoding="utf-8")
    dialog = FixtureImportDialog(window.context, bad, window)
    qtbot.addWidget(dialog)
    dialog.grab()
    dialog.reject()
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers import when_modal

    (folder / "empty.ics").write_text("", encoding="utf-8")
    when_modal(QMessageBox, lambda box: box.accept())  # a refusal is told in a message box
    assert not import_fixtures(window.context, window, folder / "empty.ics")
    assert export_fixtures(window.context, window, folder / "out.csv")
    when_modal(QMessageBox, lambda box: box.accept())
    assert export_fixtures(window.context, window, folder / "out.txt") is None


def _drive_injury_board(window: MainWindow, qtbot: Any) -> None:
    """The board's cards, tooltips, history, a move (its undo text) and each of its dialogs."""
    from desktop.injuries.dialogs import AbsenceDialog, BanDialog, CardDialog, InjuryDialog

    board = window.screen_widget("injuries")
    window.show_screen("injuries")
    board.grab()
    rows = board.model.rows()
    for position in range(len(rows)):
        board.model.data(board.model.index(position, 0), Qt.ItemDataRole.ToolTipRole)
    board.open_player(rows[0].player_id)
    board.open_player(next(r.player_id for r in rows if r.name == "Jude Bellingham"))
    ceballos = next(r for r in rows if r.name == "Dani Ceballos")
    assert board.move_to_lane(ceballos.injury_id, ceballos.version, "returned")
    window.context.undo_stack.undo()
    for kind in (InjuryDialog, CardDialog, BanDialog, AbsenceDialog):
        dialog = kind(window.context, rows[0].player_id, parent=window)
        if isinstance(dialog, InjuryDialog):
            dialog.preset.setCurrentIndex(1)
            dialog.latest.setDate(dialog.started.date().addDays(-3))
            dialog.accept()  # refused: a field-named message
        dialog.grab()
        dialog.reject()
    change = InjuryDialog(window.context, row=rows[0], parent=window)
    change.grab()
    change.reject()
    window.show_screen("squad")


def _drive_transfers(window: MainWindow, qtbot: Any) -> None:
    """The shortlist's cells and tooltips, menus, views, a move and a tick (undo texts), every
    dialog of the transfer screens with a refusal, and the budget screen's charts and comparison."""
    from desktop.transfers.compare import CompareTargets
    from desktop.transfers.dialogs import DealDialog
    from desktop.transfers.plan_dialogs import BudgetDialog, ScenarioDialog, TermsDialog

    shortlist = window.screen_widget("shortlist")
    window.show_screen("shortlist")
    model = shortlist.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.CheckStateRole):
                model.data(model.index(row, column), role)
    for section in range(model.columnCount()):
        model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    rows = model.rows()
    for number in (1, 2, 0):
        shortlist.show_view(number)
        shortlist.grab()
    for target in rows:
        shortlist.target_menu(target).deleteLater()
        shortlist.deal_views.show_deal(target.deal_id)
        for page in range(3):
            shortlist.deal_views.setCurrentIndex(page)
            shortlist.deal_views.grab()
    assert shortlist.move_to_stage(rows[0].deal_id, rows[0].version, "agreed")
    assert shortlist.sign(model.rows()[model.position_of(rows[0].deal_id)])  # into "signed" and back out
    signed = model.rows()[model.position_of(rows[0].deal_id)]
    assert shortlist.move_to_stage(signed.deal_id, signed.version, "dropped")
    for _step in range(3):
        window.context.undo_stack.undo()
    _drive_deal_kinds(window, shortlist)
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole) in (True, False)
    window.context.undo_stack.undo()
    deal = DealDialog(window.context, shortlist.state, deal_id=rows[0].deal_id, parent=window)
    deal._add_row(deal.instalments, ["2025-07-01", "1"])
    deal.accept()  # refused: the instalments do not add up to the fee
    deal.grab()
    deal.reject()
    for dialog in (DealDialog(window.context, shortlist.state, parent=window),
                   BudgetDialog(window.context, shortlist.state, parent=window),
                   ScenarioDialog(window.context, shortlist.state, parent=window),
                   CompareTargets(window.context, shortlist.state, rows[:2], parent=window),
                   TermsDialog(window.context, shortlist.contract_watch.rows[0].membership_id, "x", parent=window)):
        if isinstance(dialog, ScenarioDialog | TermsDialog):
            if isinstance(dialog, TermsDialog):
                dialog.option.setCurrentIndex(1)
            dialog.accept()  # refused: no name, an option without its date
        dialog.grab()
        dialog.reject()
    budget = window.screen_widget("budget")
    window.show_screen("budget")
    budget.grab()


def _drive_deal_kinds(window: MainWindow, shortlist: Any) -> None:
    """A sale, a loan out and a renewal on the shortlist (their kind, their menus, their cards), and
    what a failed undo of a scenario says."""
    from db.changes import DEAL, Change
    from db.transfers.writes import create_deal
    from desktop.transfers.commands import ScenarioCommand

    context = window.context
    ours = list(shortlist.contract_watch.rows)[:3]
    made = {create_deal(context.database, {"kind": kind, "player_id": player.player_id, "deal_date": context.as_of,
                                           "starts_on": shortlist.state.season.starts_on, "fee_cents": 100})
            for kind, player in zip(("sale", "loan_out", "renewal"), ours, strict=False)}
    context.announce(Change.of(DEAL, made))
    card = shortlist.board.views["scouting"].itemDelegate()
    for target in shortlist.model.rows():
        if target.deal_id in made:
            shortlist.target_menu(target).deleteLater()
            card.lines(target)
            for column in range(shortlist.model.columnCount()):
                shortlist.model.display_text(shortlist.model.position_of(target.deal_id), column)
    for make in (True, False):
        for undoing in (True, False):
            ScenarioCommand(context, "x", name="x", make=make).failed_action(undoing)


def _drive_lineup(window: MainWindow) -> None:
    """The lineup screen: a refused drop, a move and its undo text, the candidates, the formation
    dialog refusing a name, a final lineup refusing a change, the team sheet's drawing."""
    from PySide6.QtGui import QImage, QPainter

    from db.domain.lineup import BENCH, SLOT, Spot
    from db.lineup.sheet import team_sheet
    from desktop.common.team_sheet import paint_team_sheet
    from desktop.lineup.formation_dialog import FormationNameDialog
    from desktop.lineup.squad_list import player_mime

    screen = window.screen_widget("lineup")
    window.show_screen("lineup")
    editor, context = screen.editor, window.context
    assert context is not None
    players = {p.name: p.player_id for p in editor.players.values()}
    screen.scene.drop_mime(player_mime(players["Éder Militão"], editor.fixture_id, None), Spot(SLOT, 2))
    assert editor.put(players["Endrick"], Spot(SLOT, 9))
    context.undo_stack.undo()
    editor.make_captain(Spot(BENCH, 0))
    editor.choose_formation(screen.formation_combo.itemData(1))
    editor.copy_previous()
    for spot in (Spot(SLOT, 2), Spot(BENCH, 3)):
        screen.choose_player(spot)
        screen.candidate_popup.grab()
        screen.candidate_popup.reject()
    screen.move_button.click()
    editor.move_slot(8, 90, 30)
    dialog = FormationNameDialog(editor, screen)
    dialog.name.setText("4-3-3")
    dialog.accept()
    dialog.reject()
    screen.move_button.click()
    editor.take_out(players["Thibaut Courtois"])
    screen.final_button.click()  # refused: not complete
    context.undo_stack.undo()
    screen.final_button.click()
    editor.clear()  # refused: final
    for row in range(screen.model.rowCount()):
        for column in range(screen.model.columnCount()):
            screen.model.data(screen.model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    for section in range(screen.model.columnCount()):
        screen.model.headerData(section, Qt.Orientation.Horizontal)
    window.grab()
    with context.database.reading() as session:
        sheet = team_sheet(session, club_id=context.club_id, fixture_id=editor.fixture_id, as_of=context.as_of)
    image = QImage(620, 877, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_team_sheet(painter, image.rect().toRectF(), sheet)
    painter.end()
    screen.final_button.click()
    window.show_screen("squad")


def _drive_calendar(window: MainWindow, qtbot: Any) -> None:
    """The calendar's list, month, side column, a refused and an accepted delete (undo texts) and
    its form, refused on a half score; the forecast's cells, headings and headers."""
    import datetime as dt

    from desktop.fixtures.dialogs import FixtureDialog

    window.show_screen("fixtures")
    calendar = window.screen_widget("fixtures")
    calendar.grab()
    model = calendar.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                model.data(model.index(row, column), role)
    for section in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            model.headerData(section, Qt.Orientation.Horizontal, role)
    for day in (dt.date(2025, 5, 2), dt.date(2025, 5, 4), dt.date(2025, 5, 5)):
        calendar.select_day(day)
        calendar.month.index_of(day).data(Qt.ItemDataRole.ToolTipRole)
    final = next(r for r in model.rows() if r.day == dt.date(2025, 4, 26))
    calendar.select_fixture(final.fixture_id)
    calendar.side.grab()
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers import when_modal

    when_modal(QMessageBox, lambda box: box.accept())  # the refusal is told in a message box
    assert not calendar.delete_fixture(final)
    celta = next(r for r in model.rows() if r.day == dt.date(2025, 5, 4))
    when_modal(QMessageBox, lambda box: box.accept())
    assert not calendar.delete_fixture(celta)  # its saved lineup stands in the way
    clasico = next(r for r in model.rows() if r.day == dt.date(2025, 5, 11))
    assert calendar.delete_fixture(clasico)
    window.context.undo_stack.undo()
    _drive_match_report(window, calendar)
    calendar.jump_to_planning_date()
    calendar.jump_to_next_fixture()
    calendar.league.grab()
    league = calendar.league.model
    for column in range(league.columnCount()):
        league.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        league.data(league.index(0, column), Qt.ItemDataRole.ToolTipRole)
    _drive_fixture_files(window, qtbot)
    add = FixtureDialog(window.context, day=dt.date(2025, 5, 28), parent=window)
    add.opponent.setCurrentIndex(0)
    add.goals_for.setValue(1)
    add.accept()  # refused: a field-named message
    add.status.setCurrentIndex(1)
    add.grab()
    add.reject()
    change = FixtureDialog(window.context, row=next(r for r in model.rows() if r.day == dt.date(2025, 5, 4)),
                           parent=window)
    change.grab()
    change.reject()
    window.show_screen("forecast")
    forecast = window.screen_widget("forecast")
    forecast.grab()
    grid = forecast.model
    for row in range(grid.rowCount()):
        for column in range(grid.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                grid.data(grid.index(row, column), role)
    for section in range(grid.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            grid.headerData(section, Qt.Orientation.Horizontal, role)


def _drive_match_report(window: MainWindow, calendar: Any) -> None:
    """The report dialog refusing a line (player and field named) and saved (undo texts), the side
    column and row menu of a reported match and of one to come, a report changed and deleted."""
    import datetime as dt

    from PySide6.QtWidgets import QMenu, QMessageBox

    from tests.helpers import when_modal

    rows = calendar.model.rows()
    getafe = next(r for r in rows if r.day == dt.date(2025, 4, 23))
    celta = next(r for r in rows if r.day == dt.date(2025, 5, 4))
    report = calendar.open_report(getafe)
    editors = {e.player.name: e for e in report.editors.values()}
    for name in ("Thibaut Courtois", "Lucas Vázquez", "Raúl Asencio", "Antonio Rüdiger", "Fran García",
                 "Federico Valverde", "Aurélien Tchouaméni", "Jude Bellingham", "Kylian Mbappé", "Vinícius Júnior",
                 "Rodrygo"):
        editors[name].started.setChecked(True)
    editors["Luka Modrić"].minute_on.setValue(70)
    editors["Luka Modrić"].minute_off.setValue(60)  # refused: off before he came on
    assert report.shown_error()
    report.grab()
    editors["Luka Modrić"].minute_off.setValue(0)
    editors["Jude Bellingham"].minute_off.setValue(70)
    editors["Federico Valverde"].card.setCurrentIndex(1)
    report.accept()
    window.context.undo_stack.undoText()
    squad = window.screen_widget("squad").model  # Apps and Mins now tell what the reports add
    for position in range(squad.rowCount()):
        for column in range(squad.columnCount()):
            squad.data(squad.index(position, column), Qt.ItemDataRole.ToolTipRole)
    calendar.select_fixture(getafe.fixture_id)
    calendar.side.grab()
    saved = next(r for r in calendar.model.rows() if r.fixture_id == getafe.fixture_id)
    calendar.model.data(calendar.model.index(calendar.model.position_of(saved.fixture_id), 0),
                        Qt.ItemDataRole.ToolTipRole)
    menu = QMenu(calendar)
    calendar.add_report_actions(menu, saved)
    calendar.add_report_actions(menu, celta)
    menu.deleteLater()
    change = calendar.open_report(saved)
    change.grab()
    change.reject()
    assert calendar.delete_report(saved)
    window.context.undo_stack.undo()
    window.context.undo_stack.undo()
    when_modal(QMessageBox, lambda box: box.accept())  # a match to come: told why there is no report
    assert calendar.open_report(celta) is None
    calendar.select_fixture(celta.fixture_id)


def _drive_data_safety(window: MainWindow, qtbot: Any, path: Path) -> None:
    """File → Backups…, Check database… (a report with each kind of problem) and the cannot-open dialog."""
    from db.backups import make_backup
    from db.health import HealthReport, Problem
    from desktop.safety.backups_dialog import BackupsDialog
    from desktop.safety.cannot_open import CannotOpenDialog
    from desktop.safety.check_dialog import CheckDialog

    make_backup(path)
    backups = BackupsDialog(path, window, confirm=False)
    qtbot.addWidget(backups)
    backups.back_up_now()
    backups.restore_selected()
    check = CheckDialog(path, window)
    qtbot.addWidget(check)
    check.repair()
    check._show(HealthReport("x", [Problem("integrity", "x", ("r",) * 25, repairable=True), Problem("lineup_club", "y")]))
    check._show(HealthReport("x", [Problem("lineup_club", "y")]))
    for reason in ("locked", "corrupt", "newer"):
        dialog = CannotOpenDialog(path, reason, "x", window)
        qtbot.addWidget(dialog)
    window._enable_file_safety(None)


def test_what_the_screens_show_is_extracted(qtbot, qapp, settings, demo_path: Path,
                                            extracted: dict[str, set[str]]) -> None:
    from db.importers.squad import ImportReport
    from desktop.squad.columns import COLUMN_INDEX
    from desktop.squad.dialogs import AddPlayerDialog, MarkLeftDialog
    from desktop.welcome import NewClubDialog, WelcomeDialog

    recorder = _Recorder()
    qapp.installTranslator(recorder)
    install_translations(qapp)
    try:
        window = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
        qtbot.addWidget(window)
        window.show()
        window.start()
        for name in window.screen_names():
            window.show_screen(name)
            window.grab()
        screen = window.screens["squad"]
        model = screen.model
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    model.data(model.index(row, column), role)
        for section in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                model.headerData(section, Qt.Orientation.Horizontal, role)
        screen.header_menu().deleteLater()
        context = window.context
        assert context is not None
        # A refused edit (a data-layer message) and an accepted one (undo texts).
        assert not screen.proxy.setData(screen.proxy.index(0, COLUMN_INDEX["shirt"]), 10)
        assert screen.proxy.setData(screen.proxy.index(0, COLUMN_INDEX["shirt"]), 77)
        context.undo_stack.undo()
        add = AddPlayerDialog(context)
        qtbot.addWidget(add)
        add.name.setText("Kylian Mbappé")
        add.shirt.setValue(10)
        add.accept()
        assert add.shown_error("shirt_number")
        left = MarkLeftDialog(context, model.row_at(0))
        qtbot.addWidget(left)
        window.show_player_card(model.row_at(0).player_id)
        assert window.player_card is not None
        window.player_card.grab()
        window.player_card.close()
        _drive_injury_board(window, qtbot)
        _drive_transfers(window, qtbot)
        _drive_lineup(window)
        _drive_calendar(window, qtbot)
        from desktop.about import AboutDialog

        for dialog in (NewClubDialog(), WelcomeDialog(), AboutDialog(str(demo_path))):
            qtbot.addWidget(dialog)
            dialog.grab()
        _drive_data_safety(window, qtbot, demo_path)
        ImportReport(["A"], ["B"], [], [(3, "x")], ignored_columns=["Z"]).lines()
    finally:
        qapp.removeTranslator(recorder)
        db.i18n.set_translator(None)
    ours = [(source, contexts) for source, contexts in recorder.calls
            if source and not contexts[0].startswith("Q")]  # Qt's own widgets translate themselves
    assert len({source for source, _ in ours}) > 60  # the run really went through the screens
    missing = sorted({f"{contexts[0]} / {source!r}" for source, contexts in ours
                      if not any(source in extracted.get(c, set()) for c in contexts)})
    assert missing == []
    assert QCoreApplication.translate("db", "x") == "x"
