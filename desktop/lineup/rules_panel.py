"""The checklist beside the pitch: each rule passed or not (with what is missing), then the marks
on named players (doubtful, resting, out of position) and a key to the marks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.domain.lineup_rules import Check, Warning
from desktop.common.availability_icons import availability_icon, mark_icon
from desktop.lineup.slot_item import POSITION_LETTER
from desktop.theme import colour


class RulesPanel(QWidget):
    """The live checklist and the warnings of the lineup shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineupRulesPanel")
        self._checks: list[Check] = []
        self._warnings: list[Warning] = []
        self.title = QLabel(self.tr("<b>Checklist</b>"))
        self.title.setObjectName("lineupRulesTitle")
        self.rules = self._list("lineupRules", self.tr("Checklist"))
        self.warnings_title = QLabel(self.tr("<b>Warnings</b>"))
        self.warnings_title.setObjectName("lineupWarningsTitle")
        self.warning_list = self._list("lineupWarnings", self.tr("Warnings"))
        self.legend = QLabel(self.tr("C captain · ? doubtful · P precautionary rest · {mark} out of position · "
                                     "+ S – cannot play").format(mark=POSITION_LETTER))
        self.legend.setObjectName("hint")
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.rules, 3)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warning_list, 2)
        layout.addWidget(self.legend)

    @staticmethod
    def _list(name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setWordWrap(True)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.setTextElideMode(Qt.TextElideMode.ElideNone)
        return widget

    def forget(self) -> None:
        """Show the next checks and warnings anew even if they are the same (the theme changed)."""
        self._checks, self._warnings = [], []
        self.rules.clear()
        self.warning_list.clear()

    def show_checks(self, checks: Sequence[Check]) -> None:
        """Every rule, passed or failed (a failed one says what is missing)."""
        if list(checks) == self._checks and self.rules.count():
            return
        self._checks = list(checks)
        self.rules.clear()
        for check in checks:
            text = check.text + (f"\n{check.detail}" if check.detail and not check.ok else "")
            item = QListWidgetItem(mark_icon("✓", "rule_ok") if check.ok else mark_icon("✗", "rule_failed"), text)
            item.setData(Qt.ItemDataRole.UserRole, check.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         (self.tr("passed: {rule}") if check.ok else self.tr("not yet: {rule}")).format(rule=text))
            if check.detail:
                item.setToolTip(check.detail)
            self.rules.addItem(item)
        passed = sum(check.ok for check in checks)
        self.title.setText(self.tr("<b>Checklist</b>  {passed} of {total}").format(passed=passed, total=len(checks)))

    def show_warnings(self, warnings: Sequence[Warning]) -> None:
        """The marks on named players, each with its reason."""
        if list(warnings) == self._warnings and self.warning_list.count():
            return
        self._warnings = list(warnings)
        self.warning_list.clear()
        for warning in warnings:
            icon = mark_icon(POSITION_LETTER, "position_mark") if warning.kind == "position" \
                else availability_icon(warning.kind)
            item = QListWidgetItem(warning.text)
            if icon is not None:
                item.setIcon(icon)
            item.setData(Qt.ItemDataRole.UserRole, warning.player_id)
            item.setToolTip(warning.text)
            self.warning_list.addItem(item)
        if not warnings:
            item = QListWidgetItem(self.tr("None"))
            item.setForeground(QColor(colour("muted")))
            self.warning_list.addItem(item)
        self.warnings_title.setText(self.tr("<b>Warnings</b>  {n}").format(n=len(warnings)))
