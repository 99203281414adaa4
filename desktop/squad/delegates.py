"""In-place editors for the squad table that validate before committing and stay open when refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from db.domain.vocab import POSITIONS
from db.errors import ValidationError
from desktop.locale_format import display_locale
from desktop.squad.columns import (
    COLUMNS,
    DATE,
    FOOT,
    FOOT_LABELS,
    INT,
    MONEY,
    POSITION,
    POSITIONS_LIST,
    SHIRT,
    Column,
    currency_symbol,
    date_format,
)
from desktop.squad.model import SquadTableModel

NO_DATE = QDate(1900, 1, 1)
CENTS_PER_MILLION = 100_000_000
ERROR_STYLE = "QLabel#fieldError { background: #b3261e; color: white; padding: 3px 6px; border-radius: 3px; }"
_COMMIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def source_index(index: QModelIndex) -> QModelIndex:
    """Map a view index through any proxies to the source model's index."""
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = index.model()
    return index


def make_date_edit(parent: QWidget | None, allow_empty: bool = True) -> QDateEdit:
    """A date editor with a calendar popup; its minimum date stands for "no date"."""
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(date_format(display_locale()))
    if allow_empty:
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText("—")
        editor.setDate(NO_DATE)
    return editor


def date_of(editor: QDateEdit) -> dt.date | None:
    """The editor's date, or None at the "no date" minimum."""
    day = editor.date()
    return None if editor.specialValueText() and day == editor.minimumDate() else day.toPython()


def set_date(editor: QDateEdit, day: dt.date | None) -> None:
    """Show ``day`` (or "no date") in a date editor."""
    editor.setDate(QDate(day.year, day.month, day.day) if day else editor.minimumDate())


def make_money_edit(parent: QWidget | None, currency: str) -> QDoubleSpinBox:
    """Money in millions of the club's currency ("€ 22.500 M"); the minimum means "unknown"."""
    editor = QDoubleSpinBox(parent)
    editor.setLocale(display_locale())
    editor.setDecimals(3)
    editor.setRange(-0.001, 100_000)
    editor.setSpecialValueText("—")
    editor.setPrefix(currency_symbol(currency) + " ")
    editor.setSuffix(" M")
    editor.setGroupSeparatorShown(True)
    editor.setValue(editor.minimum())
    return editor


def money_of(editor: QDoubleSpinBox) -> int | None:
    """Cents from a money editor, or None."""
    return None if editor.value() < 0 else round(editor.value() * CENTS_PER_MILLION)


def set_money(editor: QDoubleSpinBox, cents: int | None) -> None:
    """Show cents (or "unknown") in a money editor."""
    editor.setValue(editor.minimum() if cents is None else cents / CENTS_PER_MILLION)


def fill_choices(combo: QComboBox, kind: str) -> None:
    """Items of a position or foot combo box, "—" (None) first."""
    combo.addItem("—", None)
    if kind == POSITION:
        for code in POSITIONS:
            combo.addItem(code, code)
    else:
        for value, label in FOOT_LABELS.items():
            combo.addItem(QApplication.translate("SquadColumns", label), value)


class SquadDelegate(QStyledItemDelegate):
    """Editors per column kind; refuses an invalid value with a message under the open editor."""

    def __init__(self, model: SquadTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.error_label: QLabel | None = None
        self._commit_ok = True
        self._editing: tuple[QWidget, QPersistentModelIndex] | None = None

    # --- editors ----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        column = COLUMNS[source_index(index).column()]
        editor: QWidget
        if column.editor in (SHIRT, INT):
            spin = QSpinBox(parent)
            spin.setRange(0, 99) if column.editor == SHIRT else spin.setRange(-1, column.max_value)
            spin.setSpecialValueText("—")
            editor = spin
        elif column.editor in (POSITION, FOOT):
            combo = QComboBox(parent)
            fill_choices(combo, column.editor)
            editor = combo
        elif column.editor == DATE:
            editor = make_date_edit(parent)
        elif column.editor == MONEY:
            editor = make_money_edit(parent, self.model.context.currency)
        else:
            line = QLineEdit(parent)
            if column.editor == POSITIONS_LIST:
                line.setPlaceholderText(" ".join(POSITIONS))
            editor = line
        editor.setObjectName(f"editor_{column.key}")
        editor.setAccessibleName(QApplication.translate("SquadColumns", column.header))
        editor.installEventFilter(self)
        self._editing = (editor, QPersistentModelIndex(index))
        if isinstance(editor, QAbstractSpinBox):
            # Keys reach the spin box's inner line edit first; watch it too.
            editor.findChild(QLineEdit).installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        column = COLUMNS[source_index(index).column()]
        if isinstance(editor, QDateEdit):
            set_date(editor, value)
        elif isinstance(editor, QDoubleSpinBox):
            set_money(editor, value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(", ".join(value) if isinstance(value, tuple) else str(value or ""))
            if column.editor == POSITIONS_LIST:
                editor.selectAll()

    def value_of(self, editor: QWidget) -> Any:
        """The Python value an editor holds (None for "—")."""
        if isinstance(editor, QDateEdit):
            return date_of(editor)
        if isinstance(editor, QDoubleSpinBox):
            return money_of(editor)
        if isinstance(editor, QSpinBox):
            return None if editor.value() == editor.minimum() else editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QLineEdit):
            return editor.text()
        return None

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        self._commit_ok = model.setData(index, self.value_of(editor), Qt.ItemDataRole.EditRole)
        if not self._commit_ok and self.model.last_error:
            # Shown under the editor when it stays open; said in the status bar as well, because
            # a click on another row closes the editor and the message would vanish with it.
            self.model.context.status.emit(self.tr("Not saved: {m}").format(m=self.model.last_error[1]))

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        # A style sheet (qt-material) paints item backgrounds over the model's brush, so the
        # contract warning is painted by ``paint`` as a tint on top instead.
        option.backgroundBrush = QBrush()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(tint, QColor):
            painter.save()
            painter.fillRect(option.rect, tint)
            painter.restore()

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        self.hide_error()
        if self._editing is not None and self._editing[0] is editor:
            self._editing = None
        super().destroyEditor(editor, index)

    # --- validation and commit --------------------------------------------------------------
    def _editor_of(self, watched: QObject) -> QWidget | None:
        if isinstance(watched, QLineEdit) and isinstance(watched.parent(), QAbstractSpinBox):
            return watched.parent()  # type: ignore[return-value]
        return watched if isinstance(watched, QWidget) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        editor = self._editor_of(watched)
        kind = event.type()
        if editor is None:
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _COMMIT_KEYS:
                hint = {Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
                        Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem}.get(
                    Qt.Key(event.key()), QAbstractItemDelegate.EndEditHint.SubmitModelCache)
                self.try_commit(editor, hint)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.hide_error()
        elif kind == QEvent.Type.FocusOut and watched is editor:
            focused = QApplication.focusWidget()
            while focused is not None:  # focus moved into the editor's own popup
                if focused is editor:
                    return False
                focused = focused.parentWidget()
            if self.error_label is not None and self.error_label.isVisible():
                return True  # a refused value: keep the editor open until fixed or cancelled
            self.try_commit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        if watched is not editor:
            return False
        return super().eventFilter(watched, event)

    def _index_of(self, editor: QWidget) -> QModelIndex | None:
        if self._editing is None or self._editing[0] is not editor or not self._editing[1].isValid():
            return None
        persistent = self._editing[1]
        return persistent.model().index(persistent.row(), persistent.column())

    def try_commit(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> bool:
        """Validate, then commit and close; on refusal show the message and keep the editor open."""
        index = self._index_of(editor)
        if index is None:
            return False
        try:
            self.model.check_value(source_index(index), self.value_of(editor))
        except ValidationError as error:
            self.show_error(editor, error.message)
            return False
        self._commit_ok = True
        self.commitData.emit(editor)
        if not self._commit_ok:
            message = self.model.last_error[1] if self.model.last_error else self.tr("The change was refused")
            self.show_error(editor, message)
            return False
        self.hide_error()
        self.closeEditor.emit(editor, hint)
        return True

    def show_error(self, editor: QWidget, message: str) -> None:
        """Show ``message`` in a small label just under (or above) the editor."""
        host = editor.parentWidget()
        if self.error_label is None or self.error_label.parentWidget() is not host:
            self.error_label = QLabel(host)
            self.error_label.setObjectName("fieldError")
            self.error_label.setStyleSheet(ERROR_STYLE)
            self.error_label.setWordWrap(True)
        label = self.error_label
        label.setText(message)
        label.setAccessibleName(message)
        label.setMaximumWidth(max(260, editor.width() * 2))
        label.adjustSize()
        geometry = editor.geometry()
        y = geometry.bottom() + 2
        if host is not None and y + label.height() > host.height():
            y = geometry.top() - label.height() - 2
        label.move(geometry.left(), max(0, y))
        label.show()
        label.raise_()
        editor.setFocus()

    def hide_error(self) -> None:
        """Hide the message of a refused value."""
        if self.error_label is not None:
            self.error_label.hide()

__all__ = ["SquadDelegate", "Column", "source_index"]
