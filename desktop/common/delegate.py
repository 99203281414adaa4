"""In-place editors for a ``CachedRowsModel`` table that validate before committing and stay open when refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
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
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from db.errors import ValidationError
from desktop.common.columns import POSITIONS_LIST
from desktop.common.editors import editor_value, make_editor, set_editor_value
from desktop.common.messages import error_label
from desktop.common.row_model import CachedRowsModel

_COMMIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


def source_index(index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
    """Map a view index through any proxies to the source model's index."""
    model = index.model()
    result = model.index(index.row(), index.column(), index.parent()) if model is not None else QModelIndex()
    while isinstance(model, QAbstractProxyModel):
        result = model.mapToSource(result)
        model = result.model()
    return result


class ValidatingDelegate(QStyledItemDelegate):
    """Editors per column kind; refuses an invalid value with a message under the open editor."""

    def __init__(self, model: CachedRowsModel[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.error_label: QLabel | None = None
        self._commit_ok = True
        self._editing: tuple[QWidget, QPersistentModelIndex] | None = None

    # --- editors ----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        column = self.model.columns[source_index(index).column()]
        editor = make_editor(column, parent, self.model.context.currency, self.model.header_context)
        editor.setObjectName(f"editor_{column.key}")
        editor.setAccessibleName(QApplication.translate(self.model.header_context, column.header))
        editor.installEventFilter(self)
        self._editing = (editor, QPersistentModelIndex(index))
        if isinstance(editor, QAbstractSpinBox):
            # Keys reach the spin box's inner line edit first; watch it too.
            inner = editor.findChild(QLineEdit)
            if inner is not None:
                inner.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        set_editor_value(editor, index.data(Qt.ItemDataRole.EditRole))
        column = self.model.columns[source_index(index).column()]
        if column.editor == POSITIONS_LIST and isinstance(editor, QLineEdit):
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        self._commit_ok = model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)
        if not self._commit_ok and self.model.last_error:
            # Shown under the editor when it stays open; said in the status bar as well, because
            # a click on another row closes the editor and the message would vanish with it.
            self.model.context.status.emit(self.tr("Not saved: {m}").format(m=self.model.last_error[1]))

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        # A style sheet (qt-material) paints item backgrounds over the model's brush, so a tint
        # from the model is painted by ``paint`` on top instead.
        option.backgroundBrush = QBrush()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(tint, QColor):
            painter.save()
            painter.fillRect(option.rect, tint)
            painter.restore()

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        self.hide_error()
        if self._editing is not None and self._editing[0] is editor:
            self._editing = None
        super().destroyEditor(editor, index)

    # --- validation and commit --------------------------------------------------------------
    def _editor_of(self, watched: QObject) -> QWidget | None:
        parent = watched.parent()
        if isinstance(watched, QLineEdit) and isinstance(parent, QAbstractSpinBox):
            return parent
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
            self.model.check_value(source_index(index), editor_value(editor))
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
            self.error_label = error_label(host, "fieldError")
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
