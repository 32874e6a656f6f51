"""The article's timeline, a date converter and the article-date picker.

The timeline runs right to left like the text: earlier dates on the right. Its
geometry comes from ``layout_timeline``, a pure function of the markers, the
widget size and a text-measuring function, so tests can check that no two
labels overlap without painting. All calendar arithmetic goes through
``reader.core.calendar`` (jdatetime); Qt's QCalendar has a different Jalali
leap rule and is never used.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.calendar import (
    JALALI_MONTHS,
    MAX_DATE,
    MIN_DATE,
    Conversion,
    DateInputError,
    conversion_for,
    gregorian_to_jalali,
    jalali_month_length,
    jalali_to_gregorian,
    parse_user_date,
    to_persian_digits,
    weekday_index,
)
from reader.core.context import kwic
from reader.core.document import Annotations, DateMention

# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Marker:
    """One point (a day) or bar (a range) on the axis and the mentions that name it."""

    first: dt.date
    last: dt.date
    mentions: tuple[DateMention, ...]

    @property
    def is_range(self) -> bool:
        return self.last > self.first

    def labels(self) -> tuple[str, str]:
        """(full, short) label: both calendars, then Jalali only; a count when named more than once."""
        a, b = conversion_for(self.first), conversion_for(self.last)
        if self.is_range:
            full = f"{_jalali_range(a, b)} · {_gregorian_range(a, b)}"
            short = _jalali_range(a, b)
        else:
            full, short = f"{a.jalali_text()} · {a.gregorian_text()}", a.jalali_text()
        if len(self.mentions) > 1:
            count = f" ×{to_persian_digits(str(len(self.mentions)))}"
            full, short = full + count, short + count
        return full, short


def _jalali_range(a: Conversion, b: Conversion) -> str:
    if a.jalali[:2] == b.jalali[:2]:
        y, m, d = b.jalali
        return to_persian_digits(f"{a.jalali[2]}–{d} {JALALI_MONTHS[m - 1]} {y}")
    return f"{a.jalali_text()} تا {b.jalali_text()}"


def _gregorian_range(a: Conversion, b: Conversion) -> str:
    if (a.gregorian.year, a.gregorian.month) == (b.gregorian.year, b.gregorian.month):
        head = b.gregorian_text().split(" ", 1)
        return f"{to_persian_digits(str(a.gregorian.day))}–{head[0]} {head[1]}"
    return f"{a.gregorian_text()} تا {b.gregorian_text()}"


def collect_markers(ann: Annotations) -> tuple[list[Marker], list[DateMention]]:
    """Resolved dates grouped by day (or identical range), in date order; and the unresolved ones.

    Durations («۵ روزه») are not points in time and appear nowhere.
    """
    groups: dict[tuple[dt.date, dt.date], list[DateMention]] = {}
    unresolved: list[DateMention] = []
    for mention in sorted(ann.dates, key=lambda d: d.start):
        if mention.kind == "duration":
            continue
        if mention.gregorian is None:
            unresolved.append(mention)
            continue
        try:
            first = dt.date.fromisoformat(mention.gregorian.start)
            last = dt.date.fromisoformat(mention.gregorian.end)
        except ValueError:
            unresolved.append(mention)
            continue
        if not (MIN_DATE <= first <= last <= MAX_DATE):
            unresolved.append(mention)  # outside what the calendar core converts
            continue
        groups.setdefault((first, last), []).append(mention)
    markers = [Marker(first, last, tuple(ms)) for (first, last), ms in sorted(groups.items())]
    return markers, unresolved


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: "Rect") -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.right and self.y <= py <= self.bottom

    def adjusted(self, d: float) -> "Rect":
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def qrectf(self) -> QRectF:
        return QRectF(self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class PlacedMarker:
    marker: Marker
    x: float  # dot centre
    y: float
    radius: float
    bar: Rect | None  # the range, for ranges
    label: Rect | None  # None when no row had room: the tooltip still tells
    text: str

    @property
    def dot(self) -> Rect:
        r = self.radius
        return Rect(self.x - r, self.y - r, 2 * r, 2 * r)


@dataclass(frozen=True)
class Tick:
    x: float
    text: str
    label: Rect


@dataclass(frozen=True)
class Chip:
    mention: DateMention | None  # None for the title and for «+N more»
    text: str
    rect: Rect


@dataclass(frozen=True)
class TimelineLayout:
    axis_y: float
    left: float
    right: float
    unit: str
    markers: tuple[PlacedMarker, ...]
    ticks: tuple[Tick, ...]
    article: tuple[float, str, Rect] | None
    chips: tuple[Chip, ...]

    def label_rects(self) -> list[Rect]:
        """Every piece of text the timeline draws, which must never overlap."""
        rects = [m.label for m in self.markers if m.label is not None]
        rects += [t.label for t in self.ticks]
        rects += [c.rect for c in self.chips]
        if self.article is not None:
            rects.append(self.article[2])
        return rects


MARGIN = 8.0
GAP = 10.0
DOT = 5.0
LANE = 11.0
UNITS = ("day", "week", "month", "year", "decade")


def choose_unit(span_days: float) -> str:
    """The tick unit for a visible span of ``span_days`` days."""
    if span_days <= 21:
        return "day"
    if span_days <= 120:
        return "week"
    if span_days <= 3 * 366:
        return "month"
    if span_days <= 40 * 366:
        return "year"
    return "decade"


def tick_candidates(unit: str, lo: dt.date, hi: dt.date) -> list[tuple[dt.date, int, str]]:
    """(day, sequence key, label) of every Jalali boundary of ``unit`` between lo and hi."""
    out: list[tuple[dt.date, int, str]] = []
    if unit in ("day", "week"):
        day = lo
        while day <= hi:
            if unit == "day" or weekday_index(day) == 0:  # weeks start on Saturday
                _y, m, d = gregorian_to_jalali(day)
                key = day.toordinal() if unit == "day" else day.toordinal() // 7
                out.append((day, key, to_persian_digits(f"{d} {JALALI_MONTHS[m - 1]}")))
            day += dt.timedelta(days=1)
        return out
    y, m, _d = gregorian_to_jalali(lo)
    if unit != "month":
        m = 1
    while True:
        start = jalali_to_gregorian(y, m, 1)
        if start > hi:
            return out
        if start >= lo:
            if unit == "month":
                out.append((start, y * 12 + m - 1, to_persian_digits(f"{JALALI_MONTHS[m - 1]} {y}")))
            elif unit == "year" or y % 10 == 0:
                out.append((start, y if unit == "year" else y // 10, to_persian_digits(str(y))))
        if unit == "month":
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            y += 1


def layout_timeline(
    markers: Sequence[Marker],
    unresolved: Sequence[tuple[DateMention, str]],
    article_date: dt.date | None,
    width: float,
    height: float,
    measure: Callable[[str], float],
    line_height: float,
) -> TimelineLayout:
    """Place the axis, ticks, markers, their labels and the unresolved list; no two texts overlap."""
    lh = line_height
    top = MARGIN
    article_label_y = top
    if article_date is not None:
        top += lh + 6
    bottom = height - MARGIN
    chips: list[Chip] = []
    if unresolved:
        chip_y = bottom - lh - 4
        chips = _place_chips(unresolved, chip_y, width, measure, lh)
        bottom = chip_y - 6
    tick_y = bottom - lh
    axis_y = tick_y - 8
    left, right = MARGIN + 2 * DOT, width - MARGIN - 2 * DOT

    days = [m.first for m in markers] + [m.last for m in markers]
    if article_date is not None:
        days.append(article_date)
    if not days:
        return TimelineLayout(axis_y, left, right, "day", (), (), None, tuple(chips))
    lo_o = min(days).toordinal()
    hi_o = max(days).toordinal() + 1
    pad = max((hi_o - lo_o) * 0.04, 1.0)
    lo, hi = lo_o - pad, hi_o + pad

    def x_of(ordinal: float) -> float:
        return right - (ordinal - lo) / (hi - lo) * (right - left)

    # Ticks: the unit follows the span; keep every k-th boundary so labels never touch.
    unit = choose_unit(hi - lo)
    lo_day = dt.date.fromordinal(max(1, int(lo)))
    hi_day = dt.date.fromordinal(int(hi))
    candidates = tick_candidates(unit, lo_day, hi_day)
    ticks: list[Tick] = []
    for step in (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000):
        ticks = []
        for day, key, text in candidates:
            if key % step:
                continue
            x = x_of(day.toordinal() + (0.5 if unit in ("day", "week") else 0.0))
            w = measure(text)
            rect = Rect(x - w / 2, tick_y, w, lh)
            if rect.x < MARGIN or rect.right > width - MARGIN:
                continue
            ticks.append(Tick(x, text, rect))
        if all(not a.label.adjusted(GAP / 2).intersects(b.label) for a, b in zip(ticks, ticks[1:])):
            break

    article: tuple[float, str, Rect] | None = None
    if article_date is not None:
        ax = x_of(article_date.toordinal() + 0.5)
        text = f"تاریخ خبر: {conversion_for(article_date).jalali_text()}"
        w = measure(text)
        article = (ax, text, Rect(_clamp(ax - w / 2, MARGIN, width - MARGIN - w), article_label_y, w, lh))

    # Range bars stack in lanes upward from the axis; day dots sit on the axis.
    lanes: list[float] = []  # per lane, the leftmost x used so far (bars are placed right to left)
    spans: list[tuple[float, float, float]] = []  # x0, x1, y of each marker's bar or dot
    for marker in markers:
        if marker.is_range:
            # From the first day's centre to the last's, like the day ticks.
            x0, x1 = x_of(marker.last.toordinal() + 0.5), x_of(marker.first.toordinal() + 0.5)
            x0 = min(x0, x1 - 2 * DOT)
            lane = next((i for i, used in enumerate(lanes) if x1 + 3 < used), len(lanes))
            if lane == len(lanes):
                lanes.append(x0)
            lanes[lane] = x0
            spans.append((x0, x1, axis_y - (lane + 1) * LANE))
        else:
            x = x_of(marker.first.toordinal() + 0.5)
            spans.append((x, x, axis_y))
    lanes_top = axis_y - len(lanes) * LANE - DOT - 4

    pitch = lh + 4
    rows = max(0, int((lanes_top - 6 - top) // pitch))
    occupied: list[list[tuple[float, float]]] = [[] for _ in range(rows)]

    def free(row: int, a: float, b: float, gap: float = GAP) -> bool:
        return all(b + gap <= s or e + gap <= a for s, e in occupied[row])

    # Busy days first, then in date order, so the most named dates get the labels.
    order = sorted(range(len(markers)), key=lambda i: (-len(markers[i].mentions), i))
    waiting = sorted((spans[i][0] + spans[i][1]) / 2 for i in range(len(markers)))
    placed: dict[int, tuple[Rect | None, str]] = {}
    for i in order:
        x0, x1, _y = spans[i]
        cx = (x0 + x1) / 2
        del waiting[bisect.bisect_left(waiting, cx)]
        full, short = markers[i].labels()
        result: tuple[Rect | None, str] = (None, short)
        best: tuple[tuple[float, ...], int, float, float, str] | None = None
        for kind, text in enumerate((full, short)):
            w = measure(text)
            if w > width - 2 * MARGIN:
                continue
            for offset in (w / 2, w - 12, 12.0):
                lx = _clamp(cx - offset, MARGIN, width - MARGIN - w)
                for r in range(rows):
                    if not (free(r, lx, lx + w) and all(free(below, cx - 1, cx + 1, 3) for below in range(r))):
                        continue
                    # A label low down hides the leader lines of the dates under it: count them,
                    # and take the short label when the full one would hide more.
                    hidden = 0 if r == rows - 1 else (
                        bisect.bisect_right(waiting, lx + w + 2) - bisect.bisect_left(waiting, lx - 2)
                    )
                    score = (hidden, kind, r, abs(lx + w / 2 - cx))
                    if best is None or score < best[0]:
                        best = (score, r, lx, w, text)
        if best is not None:
            _score, row, lx, w, text = best
            occupied[row].append((lx, lx + w))
            for below in range(row):
                occupied[below].append((cx - 1, cx + 1))  # the leader line
            result = (Rect(lx, lanes_top - 6 - (row + 1) * pitch + 4, w, lh), text)
        placed[i] = result

    placed_markers = []
    for i, marker in enumerate(markers):
        x0, x1, y = spans[i]
        radius = DOT + min(len(marker.mentions) - 1, 3)
        bar = Rect(x0, y - 4, x1 - x0, 8) if marker.is_range else None
        label, text = placed[i]
        placed_markers.append(PlacedMarker(marker, (x0 + x1) / 2, y, radius, bar, label, text))
    return TimelineLayout(axis_y, left, right, unit, tuple(placed_markers), tuple(ticks), article, tuple(chips))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(value, high)) if high >= low else low


def _place_chips(
    unresolved: Sequence[tuple[DateMention, str]], y: float, width: float, measure: Callable[[str], float], lh: float
) -> list[Chip]:
    """The unresolved dates as chips from the right edge leftwards, then «+N» if they run out of room."""
    title = "بدون تاریخ روشن:"
    tw = measure(title)
    chips = [Chip(None, title, Rect(width - MARGIN - tw, y, tw, lh))]
    x = width - MARGIN - tw - GAP
    for index, (mention, text) in enumerate(unresolved):
        w = measure(text) + 12
        rest = len(unresolved) - index - 1
        reserve = measure(f"+{to_persian_digits(str(rest))}") + 12 + GAP if rest else 0
        if x - w - reserve < MARGIN:
            more = f"+{to_persian_digits(str(len(unresolved) - index))}"
            mw = measure(more) + 12
            if x - mw >= MARGIN:
                chips.append(Chip(None, more, Rect(x - mw, y, mw, lh)))
            break
        chips.append(Chip(mention, text, Rect(x - w, y, w, lh)))
        x -= w + GAP
    return chips


# --------------------------------------------------------------------------- widget


class TimelineWidget(QWidget):
    """The article's resolved dates on a right-to-left axis; unresolved ones listed below it.

    Signals:
        dateActivated(int, int): a marker (its first mention) or an unresolved date was clicked
            or activated with Enter; the mention's start and end.
    """

    dateActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ann: Annotations | None = None
        self._markers: list[Marker] = []
        self._unresolved: list[DateMention] = []
        self._layout: TimelineLayout | None = None
        self._layout_key: tuple[int, int, str] | None = None
        self._focus = -1
        self._hover = -1

    # ----------------------------------------------------------------- data

    def set_annotations(self, ann: Annotations | None) -> None:
        self._ann = ann
        self._markers, self._unresolved = collect_markers(ann) if ann is not None else ([], [])
        self._layout = None
        self._focus = min(self._focus, len(self._markers) - 1)
        self._hover = -1
        self.update()

    def markers(self) -> list[Marker]:
        return list(self._markers)

    def marker_count(self) -> int:
        return len(self._markers)

    def focused_index(self) -> int:
        return self._focus

    def timeline_layout(self) -> TimelineLayout:
        """The current geometry, recomputed when the size, font or data change."""
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
        moves = {Qt.Key.Key_Left: 1, Qt.Key.Key_Right: -1}
        if count and key in moves:
            self._focus = 0 if self._focus < 0 else max(0, min(count - 1, self._focus + moves[key]))
            self.update()
        elif count and key == Qt.Key.Key_Home:
            self._focus = 0
            self.update()
        elif count and key == Qt.Key.Key_End:
            self._focus = count - 1
            self.update()
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
        if event.type() == QEvent.Type.ToolTip:
            index = self.marker_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip_html(index), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_html(self, index: int) -> str:
        """Both calendars and the sentences (up to three) that name marker ``index``."""
        marker = self._markers[index]
        text = self._ann.text if self._ann is not None else ""
        parts = [f"<b>{html.escape(marker.labels()[0])}</b>"]
        for mention in marker.mentions[:3]:
            left, match, right = kwic(text, mention.start, mention.end, 50)
            parts.append(f"{html.escape(left)}<b>{html.escape(match)}</b>{html.escape(right)}")
        if len(marker.mentions) > 3:
            parts.append(to_persian_digits(f"و {len(marker.mentions) - 3} اشاره‌ی دیگر"))
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
            painter.drawText(empty, align, "تاریخ مشخصی در این خبر نیامده است")

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


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- converter


class ConverterWidget(QWidget):
    """A Jalali ⇄ Gregorian converter box and the article-date picker.

    Signals:
        articleDateChanged(object): the user set the article date (a ``datetime.date``).
    """

    articleDateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText("تاریخ شمسی یا میلادی، مثلاً ۱۴۰۲/۰۶/۲۲ یا ۲۲ شهریور ۱۴۰۲ یا 2023-09-13")
        self.input.setClearButtonEnabled(True)
        self.jalali_label = QLabel(self)
        self.gregorian_label = QLabel(self)
        self.weekday_label = QLabel(self)
        self.hijri_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        error_palette = self.error_label.palette()
        error_palette.setColor(QPalette.ColorRole.WindowText, QColor("#d32f2f"))
        self.error_label.setPalette(error_palette)
        for label in (self.jalali_label, self.gregorian_label, self.weekday_label, self.hijri_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results = QFormLayout()
        results.addRow("شمسی:", self.jalali_label)
        results.addRow("میلادی:", self.gregorian_label)
        results.addRow("روز هفته:", self.weekday_label)
        results.addRow("قمری (جدولی، تقریبی):", self.hijri_label)

        converter = QGroupBox("تبدیل تاریخ", self)
        box = QVBoxLayout(converter)
        box.addWidget(self.input)
        box.addWidget(self.error_label)
        box.addLayout(results)

        persian = _persian_locale()
        self.year_spin = QSpinBox(self)
        self.year_spin.setLocale(persian)
        self.year_spin.setRange(1200, 1600)
        self.month_combo = QComboBox(self)
        self.month_combo.addItems(list(JALALI_MONTHS))
        self.day_spin = QSpinBox(self)
        self.day_spin.setLocale(persian)
        self.day_spin.setRange(1, 31)
        self.set_button = QPushButton("تنظیم تاریخ خبر", self)
        self.article_label = QLabel(self)
        picker = QGroupBox("تاریخ خبر", self)
        row = QHBoxLayout()
        row.addWidget(self.day_spin)
        row.addWidget(self.month_combo, 1)
        row.addWidget(self.year_spin)
        row.addWidget(self.set_button)
        picker_box = QVBoxLayout(picker)
        picker_box.addLayout(row)
        picker_box.addWidget(self.article_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(converter, 3)
        layout.addWidget(picker, 2)

        self.input.textChanged.connect(self.on_input_textChanged)
        self.year_spin.valueChanged.connect(self.on_year_spin_valueChanged)
        self.month_combo.currentIndexChanged.connect(self.on_month_combo_currentIndexChanged)
        self.set_button.clicked.connect(self.on_set_button_clicked)
        self._conversion: Conversion | None = None
        self.on_input_textChanged("")
        self.set_article_date(None)

    # ----------------------------------------------------------------- converter

    def conversion(self) -> Conversion | None:
        return self._conversion

    def error_text(self) -> str:
        return self.error_label.text()

    @Slot(str)
    def on_input_textChanged(self, text: str) -> None:
        self._conversion = None
        self.error_label.clear()
        self.error_label.hide()
        if text.strip():
            try:
                self._conversion = parse_user_date(text)
            except DateInputError as exc:
                self.error_label.setText(str(exc))
                self.error_label.show()
        c = self._conversion
        self.jalali_label.setText(c.jalali_text() if c else "—")
        self.gregorian_label.setText(f"{c.gregorian_text()}  (\u2066{c.gregorian.isoformat()}\u2069)" if c else "—")
        self.weekday_label.setText(c.weekday_fa if c else "—")
        self.hijri_label.setText(c.hijri_text() if c else "—")

    # ----------------------------------------------------------------- picker

    def picked_date(self) -> dt.date:
        return jalali_to_gregorian(self.year_spin.value(), self.month_combo.currentIndex() + 1, self.day_spin.value())

    def set_article_date(self, date: dt.date | None) -> None:
        """Show ``date`` in the picker (today when None) without emitting ``articleDateChanged``."""
        shown = date or dt.date.today()
        y, m, d = gregorian_to_jalali(shown)
        for widget in (self.year_spin, self.month_combo, self.day_spin):
            widget.blockSignals(True)
        self.year_spin.setValue(y)
        self.month_combo.setCurrentIndex(m - 1)
        self._fit_days()
        self.day_spin.setValue(d)
        for widget in (self.year_spin, self.month_combo, self.day_spin):
            widget.blockSignals(False)
        self._show_article_date(date)

    def _show_article_date(self, date: dt.date | None) -> None:
        if date is None:
            self.article_label.setText("تاریخ خبر تعیین نشده است")
        else:
            c = conversion_for(date)
            self.article_label.setText(f"اکنون: {c.weekday_fa} {c.jalali_text()} ({c.gregorian_text()})")

    def _fit_days(self) -> None:
        # The day range follows the month and the Jalali leap year (from the core, not Qt).
        self.day_spin.setMaximum(jalali_month_length(self.year_spin.value(), self.month_combo.currentIndex() + 1))

    @Slot(int)
    def on_year_spin_valueChanged(self, _value: int) -> None:
        self._fit_days()

    @Slot(int)
    def on_month_combo_currentIndexChanged(self, _index: int) -> None:
        self._fit_days()

    @Slot()
    def on_set_button_clicked(self) -> None:
        date = self.picked_date()
        self._show_article_date(date)
        self.articleDateChanged.emit(date)


def _persian_locale():
    from PySide6.QtCore import QLocale

    locale = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale


# --------------------------------------------------------------------------- panel


class TimelinePanel(QWidget):
    """The timeline above the date converter and article-date picker.

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
        layout = QVBoxLayout(self)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.converter)
        self.timeline.dateActivated.connect(self.dateActivated)
        self.converter.articleDateChanged.connect(self.articleDateChanged)

    def set_annotations(self, ann: Annotations | None) -> None:
        self.timeline.set_annotations(ann)
        self.converter.set_article_date(ann.article_date if ann is not None else None)
