"""The timeline, the date converter and the article-date picker."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings, strategies as st
from PySide6.QtCore import Qt

from reader.core.document import Annotations
from reader.ui.timeline import (
    ConverterWidget,
    Marker,
    TimelinePanel,
    TimelineWidget,
    collect_markers,
    layout_timeline,
)
from sample_data import TEXT, random_dates_annotations, sample_annotations, span, type_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _measure(text: str) -> float:
    return 7.0 * len(text)


def _assert_no_overlap(layout) -> None:
    rects = layout.label_rects()
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)


@pytest.fixture
def timeline(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 300)
    widget.set_annotations(sample_annotations())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_markers_group_days_and_skip_durations():
    markers, unresolved = collect_markers(sample_annotations())
    assert [(m.first.isoformat(), m.last.isoformat(), len(m.mentions)) for m in markers] == [
        ("2023-09-13", "2023-09-13", 3),
        ("2023-09-16", "2023-09-22", 1),
        ("2023-09-20", "2023-09-20", 1),
        ("2023-09-22", "2023-09-22", 1),
        ("2023-09-23", "2023-09-23", 1),
    ]
    assert [TEXT[m.start : m.end] for m in unresolved] == ["اخیر"]
    full, short = markers[0].labels()
    assert full == "۲۲ شهریور ۱۴۰۲ · ۱۳ سپتامبر ۲۰۲۳ ×۳"
    assert short == "۲۲ شهریور ۱۴۰۲ ×۳"
    assert markers[1].labels()[0] == "۲۵–۳۱ شهریور ۱۴۰۲ · ۱۶–۲۲ سپتامبر ۲۰۲۳"


def test_axis_runs_right_to_left(timeline):
    xs = [timeline.marker_rect(i).center().x() for i in range(timeline.marker_count())]
    assert xs == sorted(xs, reverse=True)
    layout = timeline.timeline_layout()
    assert layout.article is not None and "۱ مهر ۱۴۰۲" in layout.article[1]
    assert all(m.label is not None for m in layout.markers)  # five dates fit easily
    _assert_no_overlap(layout)


def test_clicking_a_marker_emits_its_first_mention(qtbot, timeline):
    first = span("۱۳ سپتامبر")
    with qtbot.waitSignal(timeline.dateActivated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.marker_rect(0).center())
    assert blocker.args == [first.start, first.end]
    friday = span("روز جمعه")
    with qtbot.waitSignal(timeline.dateActivated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.marker_rect(3).center())
    assert blocker.args == [friday.start, friday.end]


def test_clicking_an_unresolved_date(qtbot, timeline):
    rect = timeline.unresolved_rect(0)
    recent = span("اخیر")
    with qtbot.waitSignal(timeline.dateActivated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [recent.start, recent.end]


def test_keyboard_moves_between_markers(qtbot, timeline):
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert timeline.focused_index() == 0
    qtbot.keyClick(timeline, Qt.Key.Key_Left)  # leftwards is later
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.focused_index() == 1
    week = span("هفته گذشته")
    with qtbot.waitSignal(timeline.dateActivated) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args == [week.start, week.end]


def test_tooltip_shows_the_sentence(timeline):
    tip = timeline.tooltip_html(0)
    assert "<b>۱۳ سپتامبر</b>" in tip and "<b>۲۲ شهریور</b>" in tip and "ولادیمیر پوتین" in tip


def test_hundred_dates_over_thirty_years_paint_without_overlap(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 360)
    widget.set_annotations(random_dates_annotations(100, 30))
    widget.show()
    qtbot.waitExposed(widget)
    assert not widget.grab().isNull()
    layout = widget.timeline_layout()
    assert layout.unit == "year"
    assert len(layout.ticks) >= 5
    assert sum(m.label is not None for m in layout.markers) >= 10
    _assert_no_overlap(layout)


def test_thousands_of_dates_are_grouped_in_slices_to_the_same_markers(qtbot):
    ann = random_dates_annotations(3000, 30)
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_annotations(ann)
    assert widget.collecting()  # the call only schedules the work
    qtbot.waitUntil(lambda: not widget.collecting(), timeout=10000)
    assert widget.markers() == collect_markers(ann)[0]


@pytest.mark.parametrize("width", [320, 700, 1600])
@pytest.mark.parametrize("height", [160, 400])
def test_layout_is_legible_at_any_size(width, height):
    ann = random_dates_annotations(100, 30, seed=width + height)
    markers, unresolved = collect_markers(ann)
    layout = layout_timeline(markers, [(m, "اخیر") for m in unresolved], ann.article_date, width, height, _measure, 16)
    _assert_no_overlap(layout)
    for rect in layout.label_rects():
        assert 0 <= rect.x and rect.right <= width and 0 <= rect.y and rect.bottom <= height


@pytest.mark.parametrize(
    ("days", "unit"), [(1, "day"), (10, "day"), (60, "week"), (400, "month"), (3650, "year"), (365 * 80, "decade")]
)
def test_tick_unit_follows_the_span(days, unit):
    first = dt.date(2023, 9, 13)
    markers = [Marker(first, first, ()), Marker(first + dt.timedelta(days=days - 1), first + dt.timedelta(days=days - 1), ())]
    markers = markers[:1] if days == 1 else markers
    layout = layout_timeline(markers, [], None, 1000, 200, _measure, 16)
    assert layout.unit == unit
    assert layout.ticks
    _assert_no_overlap(layout)


def test_empty_timeline_paints(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_annotations(Annotations(text="هیچ"))
    widget.resize(400, 200)
    assert widget.marker_count() == 0
    assert not widget.grab().isNull()


def test_a_message_that_does_not_fit_is_one_elided_line_not_cut_lines(qtbot):
    from PySide6.QtCore import QRectF

    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_annotations(Annotations(text="هیچ"))
    full = widget.empty_text()
    roomy, roomy_flags = widget.fitted_empty_text(QRectF(0, 0, 400, 300))
    assert roomy == full and roomy_flags & int(Qt.TextFlag.TextWordWrap)
    # A short panel (900×600 window): the wrapped lines would overflow the axis' room.
    metrics = widget.fontMetrics()
    short = QRectF(0, 0, metrics.horizontalAdvance(full) / 3, metrics.height() * 1.5)
    shown, flags = widget.fitted_empty_text(short)
    assert not flags & int(Qt.TextFlag.TextWordWrap)
    assert shown != full and shown.endswith("…")
    assert metrics.horizontalAdvance(shown) <= short.width()


# --------------------------------------------------------------------------- converter


@pytest.fixture
def converter(qtbot):
    widget = ConverterWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_converter_jalali_to_gregorian(converter):
    type_text(converter.input, "۲۲ شهریور ۱۴۰۲")
    assert converter.conversion().gregorian == dt.date(2023, 9, 13)
    assert "۱۳ سپتامبر ۲۰۲۳" in converter.gregorian_label.text()
    assert "2023-09-13" in converter.gregorian_label.text()
    assert converter.weekday_label.text() == "چهارشنبه"
    assert converter.hijri_label.text().endswith("۱۴۴۵")
    assert not converter.error_label.isVisible()


def test_converter_gregorian_to_jalali(qtbot, converter):
    qtbot.keyClicks(converter.input, "2023-09-13")
    assert converter.jalali_label.text() == "۲۲ شهریور ۱۴۰۲"


def test_converter_invalid_input_shows_inline_message(qtbot, converter):
    type_text(converter.input, "۱۴۰۲/۱۲/۳۰")  # 1402 is not a leap year
    assert converter.conversion() is None
    assert converter.error_label.isVisible() and converter.error_text()
    assert converter.gregorian_label.text() == "—"
    converter.input.clear()
    qtbot.keyClicks(converter.input, "not a date")
    assert converter.error_label.isVisible()
    converter.input.clear()
    assert not converter.error_label.isVisible()


def test_picker_emits_the_chosen_date(qtbot, converter):
    converter.set_article_date(dt.date(2023, 9, 23))
    assert (converter.year_spin.value(), converter.month_combo.currentIndex(), converter.day_spin.value()) == (1402, 6, 1)
    converter.month_combo.setCurrentIndex(5)  # شهریور
    converter.day_spin.setValue(22)
    with qtbot.waitSignal(converter.articleDateChanged) as blocker:
        qtbot.mouseClick(converter.set_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [dt.date(2023, 9, 13)]


def test_picker_day_range_follows_month_and_leap_year(converter):
    converter.set_article_date(dt.date(2023, 9, 23))
    converter.month_combo.setCurrentIndex(11)  # اسفند
    converter.year_spin.setValue(1402)
    assert converter.day_spin.maximum() == 29
    converter.year_spin.setValue(1403)
    assert converter.day_spin.maximum() == 30
    converter.month_combo.setCurrentIndex(0)
    assert converter.day_spin.maximum() == 31


def test_set_article_date_does_not_emit(qtbot, converter):
    with qtbot.assertNotEmitted(converter.articleDateChanged):
        converter.set_article_date(dt.date(2020, 1, 1))
        converter.set_article_date(None)


def test_panel_forwards_signals_and_sets_the_picker(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 420)
    panel.set_annotations(sample_annotations())
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.converter.picked_date() == dt.date(2023, 9, 23)
    timeline = panel.timeline
    with qtbot.waitSignal(panel.dateActivated):
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.marker_rect(4).center())
    with qtbot.waitSignal(panel.articleDateChanged) as blocker:
        qtbot.mouseClick(panel.converter.set_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [dt.date(2023, 9, 23)]


@settings(max_examples=40, deadline=None)
@given(
    days=st.lists(st.tuples(st.integers(0, 20000), st.integers(0, 400), st.booleans()), min_size=1, max_size=60),
    width=st.integers(200, 2000),
    height=st.integers(120, 600),
)
def test_labels_never_overlap_for_any_dates(days, width, height):
    base = dt.date(1980, 1, 1)
    spans = sorted({(base + dt.timedelta(d), base + dt.timedelta(d + (n if is_range else 0))) for d, n, is_range in days})
    markers = [Marker(first, last, ()) for first, last in spans]
    layout = layout_timeline(markers, [], base + dt.timedelta(days[0][0]), width, height, _measure, 16)
    _assert_no_overlap(layout)
    assert len(layout.markers) == len(markers)


def test_the_list_names_every_date_and_a_click_selects_its_mention(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    ann = sample_annotations()
    panel.set_annotations(ann)
    panel.show()
    qtbot.waitExposed(panel)
    rows = panel.dates.rows()
    markers = panel.timeline.markers()
    # One row per mention, however many labels the axis had room for: the dates in order, then
    # the one the text does not pin down.
    assert len(rows) == sum(len(m.mentions) for m in markers) + 1
    assert rows[0][1:] == ("۲۲ شهریور ۱۴۰۲", "۱۳ سپتامبر ۲۰۲۳")
    assert {row[0] for row in rows[:3]} == {"۱۳ سپتامبر", "۲۲ شهریور", TEXT[markers[0].mentions[2].start : markers[0].mentions[2].end]}
    assert rows[-1] == ("اخیر", "نامعلوم", "نامعلوم")
    assert ("هفته گذشته", "۲۵–۳۱ شهریور ۱۴۰۲", "۱۶–۲۲ سپتامبر ۲۰۲۳") in rows
    week = span("هفته گذشته")
    row = next(i for i, r in enumerate(rows) if r[0] == "هفته گذشته")
    item = panel.dates.topLevelItem(row)
    with qtbot.waitSignal(panel.dateActivated) as blocker:
        qtbot.mouseClick(panel.dates.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.dates.visualItemRect(item).center())
    assert blocker.args == [week.start, week.end]
    panel.show_pending("در حال تحلیل…")
    assert panel.dates.rows() == []
