"""Translation for the whole app, by one mechanism: Qt's translator, plugged into ``db`` too.

Screens translate with ``self.tr("…")`` or ``QCoreApplication.translate("Context", "…")``; tables
of strings mark each entry with ``QT_TRANSLATE_NOOP("Context", "…")`` (imported from here: the
same function, typed as returning ``str``). The data layer's messages go through ``db.i18n.tr``,
which ``install_translations`` routes to Qt under the context ``db``. ``packaging/translations.py``
extracts all of them into ``resources/i18n/dugout.ts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.resource_paths import TRANSLATIONS

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name)
        """Mark ``text`` for extraction in ``context``; returns it untranslated."""
        return text
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP  # noqa: F401  (re-exported, typed above)



def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the user's language (``resources/i18n/dugout_<lang>.qm``) if Dugout has it, and route
    the data layer's messages through Qt's translator either way. Returns the translator loaded."""
    import db.i18n

    db.i18n.set_translator(QCoreApplication.translate)
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "dugout", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None
