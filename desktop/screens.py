"""The screens of Dugout: a registry the main window builds its navigation from.

A screen is one folder under ``desktop/`` with a widget class that takes the ``AppContext`` and
implements ``Screen``; adding it is one line in ``SCREENS``. The window imports a screen's module
only when the screen is first shown, so start-up pays for the first screen alone, and it never
names a screen itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.resource_paths import ICONS

if TYPE_CHECKING:
    from desktop.context import AppContext



@runtime_checkable
class Screen(Protocol):
    """What the window asks of every screen widget (``desktop.common.screen_base.ScreenWidget``
    gives every method a default)."""

    def search(self) -> None:
        """Put the cursor where the user types to look for something (Edit → Find, Ctrl+F).

        (Not ``find``: every QWidget already has a static ``find`` that looks up a window id.)
        """

    def open_player(self, player_id: int) -> bool:
        """Bring a player into view on this screen; False when the screen does not show them."""

    def current_player(self) -> int | None:
        """The player selected on this screen, if any (what a player action applies to)."""

    def run_player_action(self, action: str, player_id: int | None) -> None:
        """Carry out one of this screen's player actions (see ``PlayerAction``), for a player or none."""


@dataclass(frozen=True)
class PlayerAction:
    """Something a screen does to a player, offered wherever a player is listed (menus, shortcut):
    "Mark injured…" belongs to the injury board and is used from the squad list."""

    name: str
    title: str  # marked in the "Screens" context
    shortcut: str = ""


@dataclass(frozen=True)
class ScreenEntry:
    """A screen as the navigation lists it: stable ``name``, ``title`` (marked for translation in
    the "Screens" context), an icon file in ``resources/icons`` and the ``module:Class`` to build."""

    name: str
    title: str
    icon: str
    factory: str
    player_actions: tuple[PlayerAction, ...] = ()

    def translated_title(self) -> str:
        """The title in the user's language."""
        return QCoreApplication.translate("Screens", self.title)

    def icon_path(self) -> Path:
        """The icon's SVG file."""
        return ICONS / self.icon

    def build(self, context: AppContext) -> QWidget:
        """Import the screen's module and build its widget."""
        module, _, attribute = self.factory.partition(":")
        make: Callable[[AppContext], QWidget] = getattr(importlib.import_module(module), attribute)
        widget = make(context)
        if not isinstance(widget, Screen):
            raise TypeError(f"{self.factory} does not implement the Screen protocol")
        return widget


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("squad", QT_TRANSLATE_NOOP("Screens", "Squad"), "squad.svg", "desktop.squad.screen:SquadScreen"),
    ScreenEntry("injuries", QT_TRANSLATE_NOOP("Screens", "Injuries"), "injuries.svg",
                "desktop.injuries.screen:InjuryBoard", player_actions=(
                    PlayerAction("mark_injured", QT_TRANSLATE_NOOP("Screens", "Mark injured…"), "Ctrl+I"),
                    PlayerAction("record_card", QT_TRANSLATE_NOOP("Screens", "Record a card…")),
                    PlayerAction("record_ban", QT_TRANSLATE_NOOP("Screens", "Record a ban…")),
                    PlayerAction("record_absence", QT_TRANSLATE_NOOP("Screens", "Record an absence…")),
                )),
    ScreenEntry("fixtures", QT_TRANSLATE_NOOP("Screens", "Calendar"), "fixtures.svg",
                "desktop.fixtures.screen:CalendarScreen"),
    ScreenEntry("forecast", QT_TRANSLATE_NOOP("Screens", "Forecast"), "forecast.svg",
                "desktop.forecast.screen:ForecastScreen"),
    ScreenEntry("lineup", QT_TRANSLATE_NOOP("Screens", "Lineup"), "lineup.svg", "desktop.lineup.screen:LineupScreen"),
    ScreenEntry("shortlist", QT_TRANSLATE_NOOP("Screens", "Shortlist"), "shortlist.svg",
                "desktop.transfers.screen:ShortlistScreen", player_actions=(
                    PlayerAction("record_deal", QT_TRANSLATE_NOOP("Screens", "Record a deal…")),
                )),
    ScreenEntry("budget", QT_TRANSLATE_NOOP("Screens", "Budget"), "budget.svg",
                "desktop.transfers.budget_screen:BudgetScreen"),
)
