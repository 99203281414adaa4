"""Screens plug in: the registry builds the navigation, lazily, and the window routes through the protocol."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

import desktop.screens
from desktop.main_window import MainWindow
from desktop.screens import SCREENS, Screen, ScreenEntry

ROOT = Path(__file__).resolve().parents[2]
NAMES = ScreenEntry("names", "Names", "squad.svg", "tests.desktop.fake_screen.screen:NamesScreen")


@pytest.fixture
def window(qtbot, settings, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(desktop.screens, "SCREENS", (*SCREENS, NAMES))  # the one registry line
    made = MainWindow(settings, Namespace(db=str(demo_path), db_url=None, as_of=None))
    qtbot.addWidget(made)
    made.show()
    made.start()
    return made


def test_every_registered_screen_has_an_icon_and_builds_a_screen(window: MainWindow) -> None:
    for entry in SCREENS:
        assert entry.icon_path().is_file()
        assert isinstance(window.screen_widget(entry.name), Screen)


def test_a_new_screen_is_one_registry_line(window: MainWindow) -> None:
    assert window.screen_names() == [*(e.name for e in SCREENS), "names"]
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[-1] == "Names" and not window.navigation.item(0).icon().isNull()
    assert "names" not in window.screens  # built only when first shown
    window.show_screen("names")
    names = window.screens["names"]
    assert window.stack.currentWidget() is names and names.names.count() > 20


def test_find_goes_to_the_current_screen(window: MainWindow, qtbot) -> None:
    window.show_screen("names")
    names = window.screens["names"]
    names.names.setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert names.search_box.hasFocus()


def test_the_player_card_opens_from_any_screen_and_shows_the_player_elsewhere(window: MainWindow, qtbot) -> None:
    window.show_screen("names")
    names = window.screens["names"]
    modric = next(row for row in names.rows if row.name == "Luka Modrić")
    assert window.context is not None
    window.context.open_player(modric.player_id)  # what any screen does
    card = window.player_card
    assert card is not None and card.isVisible() and card.windowTitle() == "Luka Modrić"
    assert card.fact("Position") == "CM" and card.fact("Contract").endswith("30 Jun 2025")
    assert card.findChild(QPushButton, "showIn_names") is None  # not the screen it came from
    qtbot.mouseClick(card.findChild(QPushButton, "showIn_squad"), Qt.MouseButton.LeftButton)
    squad = window.screens["squad"]
    assert window.current_screen_name() == "squad" and not card.isVisible()
    assert squad.selected_row() is not None and squad.selected_row().player_id == modric.player_id
    assert window.show_player_in("names", modric.player_id) and names.shown == [modric.player_id]
