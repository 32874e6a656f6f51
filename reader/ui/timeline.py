"""The article's timeline widget, and the panel that sets it above the date converter and picker.

The timeline runs right to left like the text: earlier dates on the right. Its
geometry comes from ``layout_timeline`` (``reader.ui.timeline_layout``), a pure
function of the markers, the widget size and a text-measuring function, so tests can
check that no two labels overlap without painting. The converter and the
article-date picker live in ``reader.ui.converter``. All calendar arithmetic goes
through ``reader.core.dates.calendar`` (jdatetime); Qt's QCalendar has a different Jalali
leap rule and is never used.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Iterator

from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates.calendar import to_persian_digits
from reader.core.text.context import kwic
from reader.core.document import Annotations, DateMention
from reader.ui.converter import ConverterWidget
from reader.ui.plain import plain
from reader.ui.slices import Slicer
from reader.ui.timeline_list import TimelineList
from reader.ui.timeline_layout import (
    Marker,
    TimelineLayout,
    collect_markers,
    collect_markers_steps,
    day_range,
    layout_timeline,
)

# How far the timeline zooms in (times the whole span), and one step of the wheel or +/−.
MAX_ZOOM = 200.0
ZOOM_STEP = 1.25

# Articles with up to this many dates get their timeline at once; longer ones in slices.
SYNC_DATES = 1_000

# The converter and the layout's model are still imported from here (tests, older callers).
__all__ = ["ConverterWidget", "Marker", "TimelinePanel", "TimelineWidget", "collect_markers", "layout_timeline"]


# --------------------------------------------------------------------------- widget


class TimelineWidget(QWidget):
    """The article's resolved dates on a right-to-left axis; unresolved ones listed below it.

    The wheel and +/− zoom in and out (about the mouse, or the focused date), Shift+wheel and
    a sideways wheel pan, 0 shows the whole span again; every date's labels are in its tooltip.

    Signals:
        dateActivated(int, int): a marker (its first mention) or an unresolved date was clicked
            or activated with Enter; the mention's start and end.
        markersShown(): the dates on the axis changed (``markers``, ``unresolved``).
    """

    dateActivated = Signal(int, int)
    markersShown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ann: Annotations | None = None
        self._markers: list[Marker] = []
        self._unresolved: list[DateMention] = []
        self._layout: TimelineLayout | None = None
        self._layout_key: tuple[int, int, str] | None = None
        self._focus = -1
        self._hover = -1
        self._pending: str | None = None  # said instead of the dates while they are on their way
        self._zoom = 1.0
        self._centre: float | None = None  # the day ordinal in the middle, when zoomed in
        self._slicer = Slicer(self)

    # ----------------------------------------------------------------- data

    def show_pending(self, message: str) -> None:
        """No date on the axis; ``message`` («در حال تحلیل…») in its place."""
        self.set_annotations(None)
        self._pending = message
        self.update()

    def set_annotations(self, ann: Annotations | None) -> None:
        self._ann = ann
        self._pending = None
        if ann is None or len(ann.dates) <= SYNC_DATES:
            self._slicer.stop()
            self._show(*(collect_markers(ann) if ann is not None else ([], [])))
        else:
            # A long article's thousands of dates are grouped a slice at a time; meanwhile the
            # axis is empty rather than showing the previous article's dates.
            self._show([], [])
            self._slicer.start(self._collect(ann), at_once=False)

    def _collect(self, ann: Annotations) -> Iterator[None]:
        markers, unresolved = yield from collect_markers_steps(ann)
        self._show(markers, unresolved)

    def _show(self, markers: list[Marker], unresolved: list[DateMention]) -> None:
        self._markers, self._unresolved = markers, unresolved
        self._zoom, self._centre = 1.0, None
        self._layout = None
        self._focus = min(self._focus, len(self._markers) - 1)
        self._hover = -1
        self.update()
        self.markersShown.emit()

    def collecting(self) -> bool:
        """True while a long article's dates are still being grouped."""
        return self._slicer.busy()

    def unresolved(self) -> list[DateMention]:
        return self._unresolved

    def markers(self) -> list[Marker]:
        return list(self._markers)

    def marker_count(self) -> int:
        return len(self._markers)

    def focused_index(self) -> int:
        return self._focus

    # ----------------------------------------------------------------- zoom and pan

    def zoom(self) -> float:
        return self._zoom

    def visible_days(self) -> tuple[float, float] | None:
        """The stretch of day ordinals on screen (None: no date to show)."""
        full = day_range(self._markers, self._ann.article_date if self._ann is not None else None)
        if full is None or self._zoom <= 1.0:
            return full
        span = (full[1] - full[0]) / self._zoom
        centre = self._centre if self._centre is not None else (full[0] + full[1]) / 2
        centre = max(full[0] + span / 2, min(full[1] - span / 2, centre))
        self._centre = centre
        return centre - span / 2, centre + span / 2

    def _day_at(self, x: float) -> float | None:
        days = self.visible_days()
        layout = self.timeline_layout()
        if days is None or layout.right <= layout.left:
            return None
        # The axis runs right to left: the right edge is the earliest day.
        return days[0] + (layout.right - x) / (layout.right - layout.left) * (days[1] - days[0])

    def set_zoom(self, zoom: float, anchor_x: float | None = None) -> None:
        """Zoom to ``zoom`` times the whole span, keeping the day under ``anchor_x`` where it is."""
        zoom = max(1.0, min(MAX_ZOOM, zoom))
        days = self.visible_days()
        if days is None:
            return
        layout = self.timeline_layout()
        x = anchor_x if anchor_x is not None else (layout.left + layout.right) / 2
        anchor = self._day_at(x)
        old_span = days[1] - days[0]
        self._zoom = zoom
        full = day_range(self._markers, self._ann.article_date if self._ann is not None else None)
        assert full is not None
        span = (full[1] - full[0]) / zoom
        if anchor is not None and layout.right > layout.left:
            fraction = (layout.right - x) / (layout.right - layout.left)
            self._centre = anchor - fraction * span + span / 2
        elif old_span:
            self._centre = (days[0] + days[1]) / 2
        self._layout = None
        self.update()

    def pan(self, fraction: float) -> None:
        """Move the visible stretch by ``fraction`` of its width towards later days (negative: earlier)."""
        days = self.visible_days()
        if days is None or self._zoom <= 1.0:
            return
        self._centre = (days[0] + days[1]) / 2 + fraction * (days[1] - days[0])
        self._layout = None
        self.update()

    def _bring_into_view(self, index: int) -> None:
        days = self.visible_days()
        if days is None or not 0 <= index < len(self._markers):
            return
        marker = self._markers[index]
        middle = (marker.first.toordinal() + marker.last.toordinal() + 1) / 2
        if not days[0] <= middle <= days[1]:
            self._centre = middle
            self._layout = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return super().wheelEvent(event)  # the article's zoom, not the timeline's
        sideways = delta.x() if delta.x() else (delta.y() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0)
        if sideways:
            # Rolled left (or up with Shift): the view moves left, where the later days are.
            self.pan(0.15 if sideways > 0 else -0.15)
        elif delta.y():
            factor = ZOOM_STEP if delta.y() > 0 else 1 / ZOOM_STEP
            self.set_zoom(self._zoom * factor, event.position().x())
        event.accept()

    def timeline_layout(self) -> TimelineLayout:
        """The current geometry, recomputed when the size, font, data or zoom change."""
        key = (self.width(), self.height(), self.font().key())
        if self._layout is None or self._layout_key != key:
            metrics = QFontMetricsF(self.font())
            text = self._ann.text if self._ann is not None else ""
            unresolved = [(m, _short(text[m.start : m.end])) for m in self._unresolved]
            self._layout = layout_timeline(
                self._markers,
                unresolved,
                self._ann.article_date if self._ann is not None else None,
                self.width(),
                self.height(),
                lambda s: metrics.horizontalAdvance(s) + 2,
                metrics.height(),
                self.visible_days() if self._zoom > 1.0 else None,
            )
            self._layout_key = key
        return self._layout

    def marker_rect(self, index: int) -> QRect:
        """Where marker ``index`` (date order) is drawn, in widget coordinates."""
        return self.timeline_layout().markers[index].dot.qrectf().toAlignedRect()

    def unresolved_rect(self, index: int) -> QRect | None:
        chips = [c for c in self.timeline_layout().chips if c.mention is not None]
        return chips[index].rect.qrectf().toAlignedRect() if index < len(chips) else None

    # ----------------------------------------------------------------- hit testing

    def marker_at(self, pos: QPointF) -> int:
        best, best_distance = -1, float("inf")
        for index, placed in enumerate(self.timeline_layout().markers):
            hit = placed.dot.adjusted(3).contains(pos.x(), pos.y())
            hit = hit or (placed.bar is not None and placed.bar.adjusted(2).contains(pos.x(), pos.y()))
            hit = hit or (placed.label is not None and placed.label.contains(pos.x(), pos.y()))
            if hit:
                distance = abs(placed.x - pos.x()) + abs(placed.y - pos.y())
                if distance < best_distance:
                    best, best_distance = index, distance
        return best

    def _chip_at(self, pos: QPointF) -> DateMention | None:
        for chip in self.timeline_layout().chips:
            if chip.mention is not None and chip.rect.contains(pos.x(), pos.y()):
                return chip.mention
        return None

    def _activate(self, index: int) -> None:
        if 0 <= index < len(self._markers):
            first = self._markers[index].mentions[0]
            self.dateActivated.emit(first.start, first.end)

    # ----------------------------------------------------------------- events

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        index = self.marker_at(event.position())
        if index >= 0:
            self._focus = index
            self.update()
            self._activate(index)
            return
        mention = self._chip_at(event.position())
        if mention is not None:
            self.dateActivated.emit(mention.start, mention.end)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.marker_at(event.position())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self._markers)
        key = event.key()
        # The axis runs right to left: Left goes to a later date, Right to an earlier one.
        moves = {Qt.Key.Key_Left.value: 1, Qt.Key.Key_Right.value: -1}
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if count and key in moves:
            self._focus = 0 if self._focus < 0 else max(0, min(count - 1, self._focus + moves[key]))
            self._bring_into_view(self._focus)
            self.update()
        elif count and key == Qt.Key.Key_Home:
            self._focus = 0
            self._bring_into_view(self._focus)
            self.update()
        elif count and key == Qt.Key.Key_End:
            self._focus = count - 1
            self._bring_into_view(self._focus)
            self.update()
        elif count and plain and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0):
            anchor = None
            if 0 <= self._focus < len(self.timeline_layout().markers):
                anchor = self.timeline_layout().markers[self._focus].x
            if key == Qt.Key.Key_0:
                self.set_zoom(1.0)
            else:
                self.set_zoom(self._zoom * (ZOOM_STEP if key != Qt.Key.Key_Minus else 1 / ZOOM_STEP), anchor)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus >= 0:
            self._activate(self._focus)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        if self._focus < 0 and self._markers:
            self._focus = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.marker_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip_html(index), self)
            elif not self._markers and event.pos().y() < self.timeline_layout().axis_y:
                # The message over an empty axis, whole (it may be elided on a short panel).
                QToolTip.showText(event.globalPos(), plain(self.empty_text()), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def empty_text(self) -> str:
        """What the axis says when no date could be placed on it."""
        if self._pending is not None:
            return self._pending
        if self._unresolved and (self._ann is None or self._ann.article_date is None):
            # Relative dates ("today", "last week") need the article's own date to land anywhere.
            return self.tr("تاریخ‌های نسبی این خبر («امروز»، «هفتهٔ گذشته»…) با تعیین تاریخ خبر بر گاه‌شمار می‌نشینند")
        return self.tr("تاریخ مشخصی در این خبر نیامده است")

    def fitted_empty_text(self, rect: QRectF) -> tuple[str, int]:
        """``empty_text`` and the drawing flags that fit it in ``rect``: wrapped when all its lines
        fit, else one line, elided (wrapped lines that do not fit were cut at both edges on a
        short panel, 900×600); the tooltip then gives all of it."""
        text = self.empty_text()
        centre = int(Qt.AlignmentFlag.AlignCenter)
        wrap = centre | int(Qt.TextFlag.TextWordWrap)
        metrics = self.fontMetrics()
        if metrics.boundingRect(rect.toRect(), wrap, text).height() <= rect.height():
            return text, wrap
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(int(rect.width()) - 8, 0)), centre

    def tooltip_html(self, index: int) -> str:
        """Both calendars and the sentences (up to three) that name marker ``index``."""
        marker = self._markers[index]
        text = self._ann.text if self._ann is not None else ""
        parts = [f"<b>{html.escape(marker.labels()[0])}</b>"]
        for mention in marker.mentions[:3]:
            left, match, right = kwic(text, mention.start, mention.end, 50)
            parts.append(f"{html.escape(left)}<b>{html.escape(match)}</b>{html.escape(right)}")
        if len(marker.mentions) > 3:
            more = to_persian_digits(str(len(marker.mentions) - 3))
            parts.append(html.escape(self.tr("و %1 اشاره‌ی دیگر").replace("%1", more)))
        return '<div dir="rtl">' + "<br>".join(parts) + "</div>"

    # ----------------------------------------------------------------- painting

    def paintEvent(self, _event) -> None:
        layout = self.timeline_layout()
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        faint = QColor(fg)
        faint.setAlphaF(0.45)
        accent = pal.color(QPalette.ColorRole.Highlight)
        article_colour = pal.color(QPalette.ColorRole.Link)
        label_bg = QColor(pal.color(QPalette.ColorRole.Window))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        align = Qt.AlignmentFlag.AlignCenter

        if not layout.markers:
            painter.setPen(faint)
            empty = QRectF(0, 0, self.width(), layout.axis_y)
            text, flags = self.fitted_empty_text(empty)
            painter.drawText(empty, flags, text)

        if layout.markers or layout.article is not None:
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(layout.left, layout.axis_y), QPointF(layout.right, layout.axis_y))
            for tick in layout.ticks:
                painter.setPen(QPen(faint, 1))
                painter.drawLine(QPointF(tick.x, layout.axis_y), QPointF(tick.x, layout.axis_y + 5))
                painter.setPen(fg)
                painter.drawText(tick.label.qrectf(), align, tick.text)

        if layout.article is not None:
            ax, text, rect = layout.article
            pen = QPen(article_colour, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(ax, rect.bottom + 1), QPointF(ax, layout.axis_y + 6))
            painter.setPen(article_colour)
            painter.drawText(rect.qrectf(), align, text)

        # Leader lines first, so labels and dots are drawn over them.
        for placed in layout.markers:
            if placed.label is not None:
                painter.setPen(QPen(faint, 1))
                painter.drawLine(QPointF(placed.x, placed.label.bottom), QPointF(placed.x, placed.y - placed.radius))
        for index, placed in enumerate(layout.markers):
            active = index in (self._hover, self._focus)
            if placed.bar is not None:
                fill = QColor(accent)
                fill.setAlphaF(0.35 if not active else 0.6)
                painter.setPen(QPen(accent, 1))
                painter.setBrush(fill)
                painter.drawRoundedRect(placed.bar.qrectf(), 3, 3)
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Base), 1.5))
            painter.setBrush(accent)
            r = placed.radius + (1.5 if active else 0)
            painter.drawEllipse(QPointF(placed.x, placed.y), r, r)
            if placed.label is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(label_bg)
                painter.drawRoundedRect(placed.label.adjusted(1).qrectf(), 3, 3)
                painter.setPen(accent if active else fg)
                painter.drawText(placed.label.qrectf(), align, placed.text)
            if index == self._focus and self.hasFocus():
                painter.setPen(QPen(accent, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(placed.x, placed.y), r + 4, r + 4)

        for chip in layout.chips:
            if chip.mention is None:
                painter.setPen(faint)
                painter.drawText(chip.rect.qrectf(), align, chip.text)
                continue
            painter.setPen(QPen(faint, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip.rect.qrectf(), 6, 6)
            painter.setPen(fg)
            painter.drawText(chip.rect.qrectf(), align, chip.text)
        painter.end()


def latest_full_date(ann: Annotations) -> dt.date | None:
    """The latest single day the text names in full (a news article is rarely older): the picker's guess."""
    days = [m.gregorian.start for m in ann.dates
            if m.kind == "date" and m.gregorian is not None and m.gregorian.start == m.gregorian.end]
    return dt.date.fromisoformat(max(days)) if days else None


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- panel


class TimelinePanel(QWidget):
    """The timeline above the list of its dates, and the date converter and article-date picker.

    Signals:
        dateActivated(int, int): forwarded from the timeline.
        articleDateChanged(object): forwarded from the picker (a ``datetime.date``).
    """

    dateActivated = Signal(int, int)
    articleDateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = TimelineWidget(self)
        self.converter = ConverterWidget(self)
        # The picker and converter scroll under the timeline rather than set the panel's least
        # height (they made a 600-pixel window spill them under the dock's tab bar); the
        # splitter lets the reader give either the room.
        scroller = QScrollArea(self)
        scroller.setWidget(self.converter)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setMinimumHeight(60)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.dates = TimelineList(self)
        # No least height of its own: at 640×480 the panel has ~150 pixels, which the axis and
        # the picker need (a list asking for 30 pushed the window to 503 pixels high). Where
        # there is room the splitter's stretch gives the list its share; the tooltips on the
        # axis name every date too.
        self.dates.setMinimumHeight(1)
        self.splitter.addWidget(self.timeline)
        self.splitter.addWidget(self.dates)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.timeline.dateActivated.connect(self.dateActivated)
        self.dates.dateActivated.connect(self.dateActivated)
        self.timeline.markersShown.connect(self.on_timeline_markersShown)
        self.converter.articleDateChanged.connect(self.articleDateChanged)
        self._text = ""

    @Slot()
    def on_timeline_markersShown(self) -> None:
        self.dates.set_dates(self._text, self.timeline.markers(), self.timeline.unresolved())

    def show_pending(self, message: str) -> None:
        self.timeline.show_pending(message)

    def set_annotations(self, ann: Annotations | None, date_source: str = "") -> None:
        """Show ``ann``'s dates; the picker shows its article date and ``date_source``, where it came from."""
        self._text = ann.text if ann is not None else ""
        self.timeline.set_annotations(ann)
        if ann is None:
            self.converter.set_article_date(None)
        else:
            self.converter.set_article_date(ann.article_date, date_source, latest_full_date(ann))
