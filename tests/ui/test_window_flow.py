"""The window's flow as a reader meets it: the dock stays where the effect is, zoom and F3 everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from helpers import SAMPLE_PATH
from reader.ui.converter import ConverterWidget
from reader.ui.timeline import TimelinePanel
from sample_data import sample_annotations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_sample(qtbot, window, path=SAMPLE_PATH):
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(path))
    return window


def in_front(dock) -> bool:
    """The dock is the one its tab group shows (a tabbed-away dock still says it is visible)."""
    return not dock.visibleRegion().isEmpty()


def first_person(ann):
    return max((e for e in ann.entities if e.type == "PER"), key=lambda e: len(e.mentions))


def test_setting_the_article_date_or_a_correction_keeps_the_timeline_in_front(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    window.on_entity_activated(person.id)  # a reader's click brings the mentions forward
    docks = window.docks.docks
    assert in_front(docks["mentions"])
    docks["timeline"].raise_()
    assert in_front(docks["timeline"])
    timeline = window.docks.panels["timeline"]
    timeline.converter.set_article_date(dt.date(2023, 10, 1))
    qtbot.mouseClick(timeline.converter.set_button, Qt.MouseButton.LeftButton)
    assert window.ann.article_date == timeline.converter.picked_date()
    assert in_front(docks["timeline"]) and not in_front(docks["mentions"])
    assert timeline.converter.source_text() == "تعیین‌شده به دست شما"
    mention = person.mentions[0]
    window.view.retypeMentionRequested.emit(mention.start, mention.end, "LOC")
    assert in_front(docks["timeline"]) and not in_front(docks["mentions"])
    window.undo_stack.undo()
    assert in_front(docks["timeline"])


def test_the_picker_starts_at_the_articles_date_or_its_best_guess_and_says_which(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    ann = sample_annotations()
    panel.set_annotations(ann, "از سطر تاریخ متن")
    assert panel.converter.picked_date() == ann.article_date
    assert "از سطر تاریخ متن" in panel.converter.article_label.text()
    undated = ann.with_changes(article_date=None)
    panel.set_annotations(undated)
    # The sample's latest full date is 13 September 2023 (۲۲ شهریور ۱۴۰۲), not today.
    assert panel.converter.picked_date() == dt.date(2023, 9, 13)
    assert "تازه‌ترین تاریخ کامل متن" in panel.converter.article_label.text()
    bare = undated.with_changes(dates=())
    panel.set_annotations(bare)
    assert panel.converter.picked_date() == dt.date.today()
    assert "امروز" in panel.converter.source_text()


def test_the_converter_shows_iso_dates_and_date_errors_isolated_left_to_right(qtbot):
    converter = ConverterWidget()
    qtbot.addWidget(converter)
    converter.input.setText("2023-09-13")
    assert "\u20662023-09-13\u2069" in converter.gregorian_label.text()
    converter.input.setText("1402/13/01")
    error = converter.error_text()
    assert error and not any(c in error for c in "0123456789")  # the digits are Persian
    assert "\u2066۱۴۰۲/۱۳/۱\u2069" in error or "\u2066۱۴۰۲/۱۳/۰۱\u2069" in error


def test_file_names_in_the_status_bar_and_title_are_isolated(qtbot, make_window, tmp_path):
    window = make_window()
    article = tmp_path / "07.txt"
    article.write_text("متن کوتاه خبر.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documentShown):
        window.open_path(str(article))
    assert "\u206807.txt\u2069" in window.windowTitle()
    window.status.restore(window._before_open)
    window.open_path(str(article))
    assert "\u206807.txt\u2069" in window.status.text()
    window.runner.cancel_all()
    window.runner.wait()


@pytest.mark.parametrize("where", ["people", "quotes", "entities", "timeline", "filter", "find"])
def test_zoom_shortcuts_work_wherever_the_focus_is(qtbot, make_window, where):
    window = open_sample(qtbot, make_window())
    with qtbot.waitActive(window):
        window.activateWindow()
    panels = window.docks.panels
    window.open_find()
    widgets = {"people": panels["people"].tree, "quotes": panels["quotes"].list, "entities": panels["entities"].tree,
               "timeline": panels["timeline"].timeline, "filter": panels["people"].filter_edit,
               "find": window.find_bar.edit}
    target = widgets[where]
    target.setFocus()
    size = window.view.point_size()
    for key, change in ((Qt.Key.Key_Equal, 1), (Qt.Key.Key_Plus, 1), (Qt.Key.Key_Minus, -1), (Qt.Key.Key_Minus, -1)):
        qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)
        size += change
        assert window.view.point_size() == size, (where, key)
    qtbot.keyClick(target, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size() == 15
