"""Where the GUI's files are: the ``resources/`` folder beside the packages (in a checkout and,
copied by packaging/dugout.spec, inside the bundle)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
APP_ICON = RESOURCES / "dugout.svg"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "i18n"
STYLE_OVERRIDES = RESOURCES / "styles" / "overrides.qss"
