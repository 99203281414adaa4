"""The printed team sheet: one A4 page to pin on the dressing-room wall. The match on a band at
the top, the formation on a pitch with shirt numbers and names, the starting eleven and the
substitutes beside it, then who cannot play and why. Written as PDF through Qt's ``QPdfWriter``
(text stays text) or as PNG, from the same drawing; always in the sheet's own print palette."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from db.errors import ValidationError
from desktop.common.formatting import display_locale
from desktop.common.pitch_drawing import (
    PITCH_LENGTH,
    PITCH_WIDTH,
    draw_badge,
    draw_pitch,
    draw_plate,
    draw_shirt,
    font,
)
from desktop.theme import sheet_colour

if TYPE_CHECKING:
    from db.lineup.sheet import SheetPlayer, TeamSheet

# The page in sheet units: A4's proportions, 1000 wide.
PAGE = QRectF(0, 0, 1000, 1414.2)
MARGIN = 50.0
PNG_SIZE = (1240, 1754)  # A4 at 150 dpi
_MARKS = {"doubtful": ("?", "status_doubt"), "precautionary": ("P", "status_doubt"), "position": ("↔", "position_mark")}


def kickoff_text(sheet: TeamSheet) -> str:
    """'Sunday 4 May 2025, 14:00' (no time when it is not known yet)."""
    kickoff, locale = sheet.fixture.kickoff, display_locale()
    day = locale.toString(QDate(kickoff.year, kickoff.month, kickoff.day), "dddd d MMMM yyyy")
    if not sheet.fixture.time_known:
        return day
    return f"{day}, {locale.toString(QTime(kickoff.hour, kickoff.minute), 'HH:mm')}"


def write_team_sheet(sheet: TeamSheet, path: Path) -> Path:
    """Write the sheet to ``path``: a one-page PDF for ``.pdf``, an image for ``.png``."""
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise ValidationError("file", "format", QCoreApplication.translate("TeamSheet", "A team sheet is written as a .pdf or a .png file"))
    check_writable(path)
    if suffix == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setTitle(sheet.title)
        writer.setCreator("Dugout")
        painter = QPainter()
        if not painter.begin(writer):
            raise ValidationError("file", "unwritable", QCoreApplication.translate("TeamSheet", "Cannot write {path}").format(path=path))
        target = QRectF(0, 0, writer.width(), writer.height())
        paint_team_sheet(painter, target, sheet)
        painter.end()
    else:
        image = QImage(*PNG_SIZE, QImage.Format.Format_RGB32)
        image.fill(sheet_colour("paper"))
        painter = QPainter(image)
        paint_team_sheet(painter, QRectF(0, 0, *PNG_SIZE), sheet)
        painter.end()
        if not image.save(str(path)):
            raise ValidationError("file", "unwritable", QCoreApplication.translate("TeamSheet", "Cannot write {path}").format(path=path))
    return path


def check_writable(path: Path) -> None:
    """Refuse, in one line, a file that cannot be written (no such folder, no permission)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError("file", "no_folder", QCoreApplication.translate("TeamSheet", "Cannot write {path}: there is no folder {folder}").format(
            path=path, folder=folder))
    try:
        with path.open("ab"):
            pass
    except OSError as error:
        raise ValidationError("file", "unwritable", QCoreApplication.translate("TeamSheet", "Cannot write {path}: {reason}").format(
            path=path, reason=error.strerror)) from None


def paint_team_sheet(painter: QPainter, target: QRectF, sheet: TeamSheet) -> None:
    """Draw the whole sheet into ``target`` (a page, an image, a preview)."""
    painter.save()
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(target.topLeft())
    painter.scale(target.width() / PAGE.width(), target.height() / PAGE.height())
    painter.fillRect(PAGE, sheet_colour("paper"))
    _header(painter, sheet)
    pitch = QRectF(MARGIN, 230, 470, 470 * PITCH_LENGTH / PITCH_WIDTH)
    _heading(painter, QPointF(MARGIN, 222), QCoreApplication.translate("TeamSheet", "Formation {name}").format(name=sheet.formation))
    draw_pitch(painter, pitch, sheet_colour)
    for player in sheet.starters:
        if player.slot is not None:
            centre = QPointF(pitch.left() + player.slot.x / 100 * pitch.width(),
                             pitch.top() + player.slot.y / 100 * pitch.height())
            _player_on_pitch(painter, centre, player)
    left = pitch.right() + 40
    width = PAGE.width() - MARGIN - left
    y = _list(painter, QRectF(left, 190, width, 0), QCoreApplication.translate("TeamSheet", "Starting eleven"), sheet.starters, 33)
    y = _list(painter, QRectF(left, y + 22, width, 0), QCoreApplication.translate("TeamSheet", "Substitutes"), sheet.bench, 28)
    _unavailable(painter, QRectF(MARGIN, max(pitch.bottom(), y) + 34, PAGE.width() - 2 * MARGIN, 0), sheet)
    _footer(painter, sheet)
    painter.restore()


def _header(painter: QPainter, sheet: TeamSheet) -> None:
    band = QRectF(0, 0, PAGE.width(), 150)
    painter.fillRect(band, sheet_colour("band"))
    painter.setPen(sheet_colour("on_band"))
    title_box = QRectF(MARGIN, 26, PAGE.width() - 2 * MARGIN - 160, 54)
    size = 40.0
    while size > 24 and QFontMetricsF(font(size, bold=True)).horizontalAdvance(sheet.title) > title_box.width():
        size -= 1
    painter.setFont(font(size, bold=True))
    shown = QFontMetricsF(font(size, bold=True)).elidedText(sheet.title, Qt.TextElideMode.ElideRight,
                                                            title_box.width())
    painter.drawText(title_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
    fixture = sheet.fixture
    what = " · ".join(filter(None, (fixture.competition, fixture.round)))
    painter.setFont(font(22))
    painter.drawText(QRectF(MARGIN, 82, PAGE.width() - 2 * MARGIN, 30),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), what)
    where = " · ".join(filter(None, (kickoff_text(sheet), sheet.venue)))
    painter.drawText(QRectF(MARGIN, 110, PAGE.width() - 2 * MARGIN, 30),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), where)
    tag = QCoreApplication.translate("TeamSheet", "FINAL") if sheet.final else QCoreApplication.translate("TeamSheet", "DRAFT")
    painter.setFont(font(24, bold=True))
    box = QRectF(PAGE.width() - MARGIN - 130, 34, 130, 40)
    painter.setPen(QPen(sheet_colour("on_band"), 2.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, 6, 6)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), tag)


def _heading(painter: QPainter, at: QPointF, text: str) -> None:
    painter.setFont(font(24, bold=True))
    painter.setPen(sheet_colour("ink"))
    painter.drawText(QRectF(at.x(), at.y() - 32, 600, 32), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                     text)


def _player_on_pitch(painter: QPainter, centre: QPointF, player: SheetPlayer) -> None:
    radius = 24.0
    draw_shirt(painter, centre, radius, player.candidate.shirt_number, sheet_colour)
    _badges(painter, centre, radius, player)
    draw_plate(painter, QPointF(centre.x(), centre.y() + radius + 4), player.candidate.short_name, 15, 126,
               sheet_colour("paper"), sheet_colour("ink"))


def _badges(painter: QPainter, centre: QPointF, radius: float, player: SheetPlayer) -> None:
    small, offset = radius * 0.4, radius * 0.8
    if player.captain:
        draw_badge(painter, centre + QPointF(-offset, -offset), small, "C", sheet_colour("captain"),
                   sheet_colour("on_captain"))
    corners = (QPointF(offset, -offset), QPointF(offset, offset))
    for corner, mark in zip(corners, player.marks, strict=False):
        letter, fill = _MARKS.get(mark, ("!", "status_out"))
        draw_badge(painter, centre + corner, small, letter, sheet_colour(fill), sheet_colour("on_status"))


def _list(painter: QPainter, area: QRectF, title: str, players: tuple[SheetPlayer, ...], row: float) -> float:
    """A numbered list of players under a heading; the y below it."""
    _heading(painter, QPointF(area.left(), area.top() + 32), f"{title} ({len(players)})")
    y = area.top() + 42
    painter.setPen(QPen(sheet_colour("rule"), 1.5))
    painter.drawLine(QPointF(area.left(), y - 4), QPointF(area.right(), y - 4))
    for player in players:
        candidate = player.candidate
        painter.setFont(font(row * 0.6, bold=True))
        painter.setPen(sheet_colour("ink"))
        number = "" if candidate.shirt_number is None else str(candidate.shirt_number)
        painter.drawText(QRectF(area.left(), y, 40, row), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         number)
        name = candidate.name + (QCoreApplication.translate("TeamSheet", " (captain)") if player.captain else "")
        painter.setFont(font(row * 0.58, bold=player.captain))
        shown = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(area.width() - 130))
        painter.drawText(QRectF(area.left() + 52, y, area.width() - 130, row),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        x = area.right() - 70
        for mark in player.marks:
            letter, fill = _MARKS.get(mark, ("!", "status_out"))
            draw_badge(painter, QPointF(x, y + row / 2), row * 0.26, letter, sheet_colour(fill), sheet_colour("on_status"))
            x -= row * 0.6
        painter.setFont(font(row * 0.52))
        painter.setPen(sheet_colour("muted"))
        painter.drawText(QRectF(area.right() - 50, y, 50, row), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         player.position)
        y += row
    return y


def _unavailable(painter: QPainter, area: QRectF, sheet: TeamSheet) -> None:
    _heading(painter, QPointF(area.left(), area.top() + 32), QCoreApplication.translate("TeamSheet", "Unavailable ({n})").format(n=len(sheet.unavailable)))
    y = area.top() + 42
    painter.setPen(QPen(sheet_colour("rule"), 1.5))
    painter.drawLine(QPointF(area.left(), y - 4), QPointF(area.right(), y - 4))
    name_width, flags = 230.0, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    reason_box = QRectF(area.left() + name_width + 10, 0, area.width() - name_width - 10, 200)
    for name, reason in sheet.unavailable:
        painter.setFont(font(16))
        needed = QFontMetricsF(font(16)).boundingRect(reason_box, flags, reason).height()
        if y + needed > PAGE.height() - 110:
            break
        painter.setPen(sheet_colour("muted"))
        painter.drawText(QRectF(reason_box.left(), y + 4, reason_box.width(), needed + 2), flags, reason)
        painter.setFont(font(16, bold=True))
        painter.setPen(sheet_colour("ink"))
        painter.drawText(QRectF(area.left(), y + 4, name_width, 24), flags, name)
        y += max(27.0, needed + 8)


def _footer(painter: QPainter, sheet: TeamSheet) -> None:
    painter.setPen(QPen(sheet_colour("rule"), 1.5))
    bottom = PAGE.height() - MARGIN
    painter.drawLine(QPointF(MARGIN, bottom - 44), QPointF(PAGE.width() - MARGIN, bottom - 44))
    painter.setFont(font(15))
    painter.setPen(sheet_colour("muted"))
    legend = QCoreApplication.translate("TeamSheet", "C captain · ? doubtful · P precautionary rest · ↔ out of position")
    planned = QCoreApplication.translate("TeamSheet", "Planned as of {day} with Dugout").format(
        day=display_locale().toString(QDate(sheet.as_of.year, sheet.as_of.month, sheet.as_of.day), "d MMMM yyyy"))
    painter.drawText(QRectF(MARGIN, bottom - 40, PAGE.width() - 2 * MARGIN, 36),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), legend)
    painter.drawText(QRectF(MARGIN, bottom - 40, PAGE.width() - 2 * MARGIN, 36),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), planned)
