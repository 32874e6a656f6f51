"""The reading window on the REAL pipeline and NER model (no fake backend), driven like a reader."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from helpers import SAMPLE_PATH
from reader.core import pipeline
from reader.core.resources import resource_path
from reader.ui.backend import CoreBackend
from sample_data import type_text

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.skipif(not resource_path("models", "ner.crfsuite").exists(), reason="the NER model is not built"),
]

KIM = "کیم جونگ اون"


def utf16(text: str, cp: int) -> int:
    """Qt's position of code point ``cp``, computed without the view's own map."""
    return len(text[:cp].encode("utf-16-le")) // 2


@pytest.fixture
def window(qtbot, make_window):
    window = make_window(CoreBackend())
    with qtbot.waitSignal(window.ready, timeout=120_000):
        window.open_path(str(SAMPLE_PATH))
    return window


def click_person(qtbot, window, entity_id: str) -> None:
    people = window.docks.panels["people"]
    item = people.item_for(entity_id)
    people.tree.scrollToItem(item)
    rect = people.tree.visualItemRect(item)
    qtbot.mouseClick(people.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_person_click_lists_mentions_and_f3_walks_them_in_utf16(qtbot, window):
    ann = window.ann
    kim = next(e for e in ann.entities if e.type == "PER" and e.name == KIM)
    # Seven by name and four by title («رهبر کره شمالی», two of them alone).
    assert len(kim.mentions) == 11 and sum(m.kind == "title" for m in kim.mentions) == 4
    click_person(qtbot, window, kim.id)
    mentions = window.docks.panels["mentions"]
    assert window.view.selected_entity() == kim.id
    assert mentions.entity_id == kim.id and mentions.count() == 11
    assert window.docks.docks["mentions"].isVisible()

    view = window.view
    view.setFocus()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    starts = sorted(m.start for m in kim.mentions)
    for expected in starts + starts[:1]:  # the twelfth press wraps to the first mention
        qtbot.keyClick(view, Qt.Key.Key_F3)
        assert view.textCursor().selectionStart() == utf16(ann.text, expected)
        assert view.cursor_code_point() == expected
    assert window.status_label.text() == f"{KIM}: ۱ از ۱۱"
    assert mentions.list.currentRow() == 0


def test_article_date_resolves_relative_dates_fills_the_timeline_and_undoes(qtbot, window):
    before = window.ann
    assert before.article_date is None  # the sample has no dateline
    panel = window.docks.panels["timeline"]
    window.docks.docks["timeline"].raise_()
    qtbot.waitExposed(panel.timeline)
    assert panel.timeline.marker_count() == 0
    assert "تاریخ خبر" in panel.timeline.empty_text()

    picker = panel.converter
    picker.year_spin.setValue(1402)
    picker.month_combo.setCurrentIndex(6)  # مهر
    picker.day_spin.setValue(1)
    qtbot.mouseClick(picker.set_button, Qt.MouseButton.LeftButton)

    day = dt.date(2023, 9, 23)
    assert window.ann.article_date == day
    assert window.ann == pipeline.resolve_dates(before, day)
    assert window.ann.dates != before.dates  # «امروز شنبه», «هفته گذشته»… now have values
    assert window.isWindowModified()
    assert panel.timeline.marker_count() >= 3
    assert picker.article_label.text().startswith("اکنون:")

    # A marker click takes the reader to its first date mention.
    markers = panel.timeline.markers()
    index = len(markers) - 1
    first = markers[index].mentions[0]
    with qtbot.waitSignal(panel.timeline.dateActivated):
        qtbot.mouseClick(panel.timeline, Qt.MouseButton.LeftButton, pos=panel.timeline.marker_rect(index).center())
    cursor = window.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (utf16(before.text, first.start), utf16(before.text, first.end))

    window.undo_stack.undo()
    assert window.ann == before
    assert panel.timeline.marker_count() == 0
    assert not window.isWindowModified()


def test_converter_round_trip(qtbot, window):
    converter = window.docks.panels["timeline"].converter
    type_text(converter.input, "۲۲ شهریور ۱۴۰۲")
    assert converter.conversion().gregorian == dt.date(2023, 9, 13)
    assert "2023-09-13" in converter.gregorian_label.text()
    converter.input.clear()
    qtbot.keyClicks(converter.input, "2023-09-13")
    assert converter.jalali_label.text() == "۲۲ شهریور ۱۴۰۲"


def test_removing_a_mention_then_undo_restores_equal_annotations(qtbot, window):
    before = window.ann
    kim = next(e for e in before.entities if e.name == KIM)
    mention = kim.mentions[2]
    window.view.removeMentionRequested.emit(mention.start, mention.end)
    assert mention not in window.ann.entity(kim.id).mentions
    assert window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ann == before
    assert not window.isWindowModified()


def test_mention_tooltip_is_rtl_with_persian_digits(window):
    kim = next(e for e in window.ann.entities if e.name == KIM)
    tip = window.view.tooltip_text(kim)
    assert tip.startswith("<div dir='rtl'>") and "۱۱ اشاره" in tip and "11" not in tip
