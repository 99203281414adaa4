"""The locale every screen formats numbers, money and dates with."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def display_locale() -> QLocale:
    """The user's locale; British English when the system says only "C" (no locale set up)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale
