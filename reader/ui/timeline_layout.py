"""The timeline's model and geometry: markers grouped from the article's dates, and where
each tick, marker, label and unresolved date goes, without painting.

``layout_timeline`` is a pure function of the markers, the widget size and a
text-measuring function, so tests can check that no two labels overlap without a
screen. The axis runs right to left like the text: earlier dates on the right. All
calendar arithmetic goes through ``reader.core.dates.calendar`` (jdatetime), never QCalendar.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Callable, Generator, Sequence

from PySide6.QtCore import QCoreApplication, QRectF

from reader.core.dates.calendar import (
    JALALI_MONTHS,
    MAX_DATE,
    MIN_DATE,
    Conversion,
    conversion_for,
    gregorian_to_jalali,
    jalali_to_gregorian,
    to_persian_digits,
    weekday_index,
)
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


    def calendars(self) -> tuple[str, str]:
        """The day (or range) in the Jalali and in the Gregorian calendar."""
        a, b = conversion_for(self.first), conversion_for(self.last)
        if self.is_range:
            return _jalali_range(a, b), _gregorian_range(a, b)
        return a.jalali_text(), a.gregorian_text()


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
    steps = collect_markers_steps(ann)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def collect_markers_steps(
    ann: Annotations, every: int = 500
) -> Generator[None, None, tuple[list[Marker], list[DateMention]]]:
    """``collect_markers`` as a generator that yields after every ``every`` dates and returns the result.

    Thousands of dates (a 5 MB article has ~5 000) take 20 ms and more to group in one go.
    """
    groups: dict[tuple[dt.date, dt.date], list[DateMention]] = {}
    unresolved: list[DateMention] = []
    for index, mention in enumerate(sorted(ann.dates, key=lambda d: d.start)):
        if index % every == every - 1:
            yield
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

    def intersects(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.right and self.y <= py <= self.bottom

    def adjusted(self, d: float) -> Rect:
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
    window: tuple[float, float] | None = None,
) -> TimelineLayout:
    """Place the axis, ticks, markers, their labels and the unresolved list; no two texts overlap.

    ``window`` (day ordinals, from ``day_range``'s span) shows only that stretch of time, zoomed
    in: markers outside it fall beyond the widget's edges and get no label.
    """
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

    full = day_range(markers, article_date)
    if full is None:
        return TimelineLayout(axis_y, left, right, "day", (), (), None, tuple(chips))
    lo, hi = window if window is not None else full

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
        text = QCoreApplication.translate("Timeline", "تاریخ خبر: %1").replace(
            "%1", conversion_for(article_date).jalali_text()
        )
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
        long_label, short = markers[i].labels()
        result: tuple[Rect | None, str] = (None, short)
        if not left - DOT <= cx <= right + DOT:
            placed[i] = result  # zoomed out of view
            continue
        best: tuple[tuple[float, ...], int, float, float, str] | None = None
        for kind, text in enumerate((long_label, short)):
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


def day_range(markers: Sequence[Marker], article_date: dt.date | None) -> tuple[float, float] | None:
    """The stretch of day ordinals the whole timeline shows (its dates and a little room), or None."""
    days = [m.first for m in markers] + [m.last for m in markers]
    if article_date is not None:
        days.append(article_date)
    if not days:
        return None
    lo_o = min(days).toordinal()
    hi_o = max(days).toordinal() + 1
    pad = max((hi_o - lo_o) * 0.04, 1.0)
    return lo_o - pad, hi_o + pad


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(value, high)) if high >= low else low


def _place_chips(
    unresolved: Sequence[tuple[DateMention, str]], y: float, width: float, measure: Callable[[str], float], lh: float
) -> list[Chip]:
    """The unresolved dates as chips from the right edge leftwards, then «+N» if they run out of room."""
    title = QCoreApplication.translate("Timeline", "بدون تاریخ روشن:")
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

