"""The people, quotes and entities panels, driven with real clicks and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from reader.ui.people import PeoplePanel
from reader.ui.sidebar import EntitiesPanel, QuotesPanel
from sample_data import PEOPLE, TEXT, sample_annotations, type_text

# The offscreen platform cannot propagate size hints; harmless for these tests.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _click_item(qtbot, tree, item, modifier=Qt.KeyboardModifier.NoModifier):
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


@pytest.fixture
def people(qtbot):
    panel = PeoplePanel()
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.set_annotations(sample_annotations())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_people_sorted_by_mentions_with_persian_counts(people):
    ids = people.visible_ids()
    assert len(ids) == len(PEOPLE) == 7
    assert ids[:2] == ["per-kim", "per-putin"]
    kim = people.item_for("per-kim")
    assert kim.text(2) == "۷" and kim.text(3) == "۲"
    assert people.item_for("per-putin").text(3) == "۱"
    assert people.item_for("per-blinken").text(3) == "۰"  # the statement's quote has no speaker entity


def test_clicking_a_person_emits_its_id(qtbot, people):
    item = people.item_for("per-putin")
    with qtbot.waitSignal(people.entityActivated) as blocker:
        _click_item(qtbot, people.tree, item)
    assert blocker.args == ["per-putin"]


def test_enter_activates_the_current_person(qtbot, people):
    people.tree.setFocus()
    people.tree.setCurrentItem(people.item_for("per-yoon"))
    with qtbot.waitSignal(people.entityActivated) as blocker:
        qtbot.keyClick(people.tree, Qt.Key.Key_Return)
    assert blocker.args == ["per-yoon"]


@pytest.mark.parametrize("typed", ["رئیس‌جمهور", "رئیسجمهور", "رئیس جمهور", "رئيس جمهور"])
def test_filter_matches_spelling_variants(qtbot, people, typed):
    type_text(people.filter_edit, typed)
    assert people.filter_edit.text() == typed
    # Putin's role is written «رئیسجمهور», Yoon's «رئیس جمهور»: both match every spelling.
    assert sorted(people.visible_ids()) == ["per-putin", "per-yoon"]
    people.filter_edit.clear()
    assert len(people.visible_ids()) == 7


def test_filter_with_no_match_shows_the_empty_label(qtbot, people):
    type_text(people.filter_edit, "ناپلئون")
    assert people.visible_ids() == []
    assert people.empty_label.isVisible()


def test_rename_and_role_go_through_an_input_dialog(qtbot, people, monkeypatch):
    people.tree.setCurrentItem(people.item_for("per-shoigu"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("سرگی شویگو", True))
    with qtbot.waitSignal(people.renameRequested) as blocker:
        people.tree.setFocus()
        qtbot.keyClick(people.tree, Qt.Key.Key_F2)
    assert blocker.args == ["per-shoigu", "سرگی شویگو"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("وزیر دفاع", True))
    with qtbot.waitSignal(people.roleRequested) as blocker:
        people.role_action.trigger()
    assert blocker.args == ["per-shoigu", "وزیر دفاع"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("هرچه", False))
    with qtbot.assertNotEmitted(people.renameRequested):
        people.rename_action.trigger()


def test_merge_two_selected_people_keeps_the_current_one(qtbot, people):
    _click_item(qtbot, people.tree, people.item_for("per-kim"))
    _click_item(qtbot, people.tree, people.item_for("per-shoigu"), Qt.KeyboardModifier.ControlModifier)
    assert sorted(people.selected_ids()) == ["per-kim", "per-shoigu"]
    assert people.merge_action.isEnabled()
    with qtbot.waitSignal(people.mergeRequested) as blocker:
        qtbot.keyClick(people.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["per-shoigu", "per-kim"]


def test_merge_into_submenu(qtbot, people):
    people.tree.setCurrentItem(people.item_for("per-park"))
    menu = people.build_menu()
    into = next(a.menu() for a in menu.actions() if a.menu() is not None)
    target = next(a for a in into.actions() if a.text() == "یوکو کامیکاوا")
    assert "پارک جین" not in [a.text() for a in into.actions()]
    with qtbot.waitSignal(people.mergeRequested) as blocker:
        target.trigger()
    assert blocker.args == ["per-kamikawa", "per-park"]


@pytest.fixture
def quotes(qtbot):
    panel = QuotesPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 500)
    panel.set_annotations(sample_annotations())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_quotes_are_elided_with_their_speaker(quotes):
    texts = [quotes.list.item(r).text() for r in range(quotes.item_count())]
    assert len(texts) == 6
    assert texts[0].endswith("— نامشخص")
    assert texts[1].endswith("— این بیانیه") and "…" in texts[1]
    assert all(len(t.split("\n")[0]) <= 81 for t in texts)
    assert any(t.endswith("— ولادیمیر پوتین") for t in texts)


def test_speaker_filter(qtbot, quotes):
    combo = quotes.speaker_combo
    assert combo.itemText(0) == "همه"
    kim = combo.findData("per-kim")
    assert combo.itemText(kim) == "کیم جونگ اون (۲)"
    combo.setCurrentIndex(kim)
    assert quotes.item_count() == 2
    combo.setCurrentIndex(0)
    assert quotes.item_count() == 6


def test_clicking_a_quote_emits_its_span(qtbot, quotes):
    item = quotes.list.item(2)
    start, end = item.data(Qt.ItemDataRole.UserRole + 1)
    assert TEXT[start:end] == "«تحریک مستقیم»"
    with qtbot.waitSignal(quotes.quoteActivated) as blocker:
        qtbot.mouseClick(quotes.list.viewport(), Qt.MouseButton.LeftButton, pos=quotes.list.visualItemRect(item).center())
    assert blocker.args == [start, end]


def test_entities_grouped_by_type(qtbot):
    panel = EntitiesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(sample_annotations())
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.group_labels() == ["اشخاص (۷)", "مکان‌ها (۳)", "سازمان‌ها (۲)", "زمان (۱)"]
    places = panel.tree.topLevelItem(1)
    assert (places.child(0).text(0), places.child(0).text(1)) == ("روسیه", "۱۷")
    with qtbot.assertNotEmitted(panel.entityActivated):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(places).center())
    with qtbot.waitSignal(panel.entityActivated) as blocker:
        qtbot.mouseClick(
            panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(places.child(0)).center()
        )
    assert blocker.args == ["loc-russia"]
