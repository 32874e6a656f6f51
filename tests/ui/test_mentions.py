"""The mentions panel lists every mention of an entity in its sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.ui.mentions import MentionsPanel
from sample_data import TEXT, sample_annotations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def panel(qtbot):
    widget = MentionsPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_lists_every_mention_with_the_mention_emphasised(panel):
    ann = sample_annotations()
    kim = ann.entity("per-kim")
    panel.show_entity(ann, "per-kim")
    assert panel.count() == len(kim.mentions) == 7
    assert "کیم جونگ اون" in panel.header.text() and "۷ اشاره" in panel.header.text()
    assert "رهبر کره شمالی" in panel.header.text()
    for row, span in enumerate(kim.mentions):
        assert panel.list.item(row).data(Qt.ItemDataRole.UserRole) == (span.start, span.end)
        html = panel.row_html(row)
        assert f">{TEXT[span.start:span.end]}</b>" in html
        assert html.startswith('<div dir="rtl">')
    # The context is the sentence: the first mention's row carries its sentence's words.
    assert "رهبر کره شمالی هفته گذشته" in panel.list.item(0).text()
    assert "\n" not in panel.list.item(0).text()


def test_clicking_and_enter_emit_the_mention_span(qtbot, panel):
    ann = sample_annotations()
    panel.show_entity(ann, "per-putin")
    third = ann.entity("per-putin").mentions[2]
    rect = panel.list.visualItemRect(panel.list.item(2))
    assert rect.height() > 0
    with qtbot.waitSignal(panel.mentionActivated) as blocker:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [third.start, third.end]
    panel.set_current(4)
    fifth = ann.entity("per-putin").mentions[4]
    with qtbot.waitSignal(panel.mentionActivated) as blocker:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert blocker.args == [fifth.start, fifth.end]


def test_set_current_does_not_emit_and_clear_empties(qtbot, panel):
    ann = sample_annotations()
    panel.show_entity(ann, "per-blinken")
    with qtbot.assertNotEmitted(panel.mentionActivated):
        panel.set_current(1)
    assert panel.list.currentRow() == 1
    panel.show_entity(ann, "no-such-id")
    assert panel.count() == 0 and panel.entity_id is None
    panel.show_entity(ann, "per-blinken")
    panel.clear()
    assert panel.count() == 0


def test_rows_paint(panel):
    panel.show_entity(sample_annotations(), "loc-russia")
    assert not panel.grab().isNull()
