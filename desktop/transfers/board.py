"""The pipeline board: one column per stage (scouting → bid → agreed → signed, or dropped); a
target dragged onto a column moves there (the drop only hands off to the screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from db.transfers.queries import TargetRow
from desktop.common.drop_columns import DropColumnProxy, DropColumnView, paint_card_frame
from desktop.common.formatting import format_money, last_name
from desktop.common.naming import named
from desktop.common.roles import RowRole
from desktop.theme import colour
from desktop.transfers.columns import KIND_NAMES, STATUS_NAMES
from desktop.transfers.model import MIME, ShortlistModel, read_deal_mime

STAGES: tuple[str, ...] = ("scouting", "bid", "agreed", "signed", "dropped")
ACCENTS = {"scouting": "status_muted", "bid": "status_doubt", "agreed": "selection_border", "signed": "status_back",
           "dropped": "status_out"}
CARD_HEIGHT = 70


class StageProxy(DropColumnProxy):
    """The targets at one stage, and the drop target that moves a target there.

    ``on_drop(deal_id, version, status)`` decides (and says why not); it returns whether it moved.
    """

    def __init__(self, status: str, on_drop: Callable[[int, int, str], bool], parent: QObject | None = None) -> None:
        super().__init__(status, lambda row: row.status, MIME, read_deal_mime, on_drop, parent)
        self.status = status


class StageView(DropColumnView):
    """A stage's cards; an empty stage says a card can be dropped there."""

    def __init__(self) -> None:
        super().__init__(self.tr("Drop a target here"))


class TargetCardDelegate(QStyledItemDelegate):
    """Paints a target as a card: name, club and position, then the fee and priority."""

    def __init__(self, currency: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = currency

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(140, CARD_HEIGHT)

    def lines(self, row: TargetRow) -> tuple[str, str, str]:
        """The card's three lines."""
        where = " · ".join(p for p in (row.position or "", row.club, self.tr("{n} yrs").format(n=row.age)
                                       if row.age is not None else "") if p)
        fee = format_money(row.fee_cents, self.currency())
        money = self.tr("Fee {m}").format(m=fee) if fee else self.tr("Fee not set")
        if row.replaces:
            money += " · " + self.tr("for {who}").format(who=last_name(row.replaces))
        if row.kind != "purchase":  # a loan, a sale or a renewal says so
            money = QCoreApplication.translate("ShortlistColumns", KIND_NAMES[row.kind]) + " · " + money
        return row.name, where, money

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(RowRole)
        if not isinstance(row, TargetRow):
            return
        painter.save()
        area = paint_card_frame(painter, option.rect, selected=bool(option.state & QStyle.StateFlag.State_Selected),
                                accent=ACCENTS.get(row.status, "status_muted"))
        bold, small = QFont(option.font), QFont(option.font)
        bold.setBold(True)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        y = area.top()
        for number, text in enumerate(self.lines(row)):
            font = bold if number == 0 else small
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour("text" if number < 2 else "muted"))
            painter.drawText(QRect(area.left(), y, area.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()))
            y += metrics.height() + 2
        painter.restore()


class PipelineBoard(QWidget):
    """The stages side by side, each a list of target cards that can be dragged to another.

    ``on_drop(deal_id, version, status)`` moves a target; ``on_menu(view, point)`` opens a card's
    menu; ``on_select(index)`` and ``on_open(row)`` follow a click and a double-click.
    """

    def __init__(self, model: ShortlistModel, on_drop: Callable[[int, int, str], bool],
                 on_menu: Callable[[QAbstractItemView, QPoint], None], on_select: Callable[[QModelIndex], None],
                 on_open: Callable[[object], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.stages: dict[str, StageProxy] = {}
        self.views: dict[str, QListView] = {}
        self.titles: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for status in STAGES:
            proxy = StageProxy(status, on_drop, self)
            proxy.setSourceModel(model)
            view = StageView()
            named(view, f"stage_{status}", QCoreApplication.translate("ShortlistColumns", STATUS_NAMES[status]))
            view.setModel(proxy)
            view.setItemDelegate(TargetCardDelegate(lambda: model.context.currency, view))
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda point, v=view: on_menu(v, point))
            view.clicked.connect(on_select)
            view.activated.connect(lambda index: on_open(index.data(RowRole)))
            title = QLabel()
            title.setObjectName(f"stageTitle_{status}")
            column = QWidget()
            column.setObjectName("lane")
            inner = QVBoxLayout(column)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(title)
            inner.addWidget(view, 1)
            row.addWidget(column, 1)
            self.stages[status], self.views[status], self.titles[status] = proxy, view, title

    def update_titles(self) -> None:
        """Each stage's name and how many targets it shows."""
        for status, title in self.titles.items():
            name = QCoreApplication.translate("ShortlistColumns", STATUS_NAMES[status])
            title.setText(f"<b>{name}</b>  {self.stages[status].rowCount()}")
