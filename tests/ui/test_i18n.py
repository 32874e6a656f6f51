"""The English UI: every panel's chrome comes from khana_en.ts, and the .ts is complete."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from helpers import SAMPLE_PATH
from reader.core.resources import resource_path

# The offscreen platform says this whenever a dock widget lays out; it is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TS_PATH = resource_path("translations", "khana_en.ts")


@pytest.fixture
def english(qapp):
    """Khana's English translators for one test; Persian (no translator) again afterwards."""
    from reader.ui import i18n

    locale = QLocale()
    translators = i18n.install(qapp, "en")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_english_ui_labels_every_panel(qtbot, make_window, english):
    window = make_window()
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(SAMPLE_PATH))
    panels = window.docks.panels

    assert window.docks.docks["people"].windowTitle() == "People"
    assert window.windowTitle().endswith("— Khana")

    people = panels["people"]
    header = people.tree.headerItem()
    assert [header.text(c) for c in range(header.columnCount())] == ["Name", "Role", "Mentions", "Quotes"]
    assert people.filter_edit.placeholderText() == "Filter by name or role…"
    assert people.rename_action.text() == "Rename…"
    people.tree.setCurrentItem(people.tree.topLevelItem(0))
    menu = people.build_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert texts[0] == "Show mentions" and "Merge into…" in texts

    assert panels["quotes"].speaker_combo.itemText(0) == "All"

    entities = panels["entities"]
    assert entities.group_labels()[0].startswith("People (")
    assert all(label.split(" (")[0] in {"People", "Places", "Organisations", "Dates", "Time", "Money", "Percent"}
               for label in entities.group_labels())

    legend = window.legend
    assert [legend.boxes[t].text() for t in ("PER", "LOC", "ORG", "DAT")] == ["Person", "Place", "Organisation", "Date"]

    assert "Select a name" in panels["mentions"].header.text()

    timeline = panels["timeline"]
    converter = timeline.converter
    boxes = [converter.layout().itemAt(i).widget().title() for i in range(converter.layout().count())]
    assert boxes == ["Article date", "Date converter"]
    labels = {label.text() for label in converter.findChildren(QLabel)}
    assert {"Jalali:", "Gregorian:", "Weekday:", "Hijri (tabular, approximate):"} <= labels
    assert converter.set_button.text() == "Set article date"
    assert converter.input.toolTip().startswith("A Jalali or Gregorian date")
    assert converter.article_label.text().startswith("Currently: ")
    layout = timeline.timeline.timeline_layout()
    assert layout.article is not None and layout.article[1].startswith("Article date: ")
    assert timeline.timeline.empty_text() == "This article names no specific date"

    find = window.find_bar
    assert find.edit.placeholderText() == "Search the text…"
    assert find.next_button.text() == "Next"


def _messages():
    root = ET.parse(TS_PATH).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_english_ts_has_no_unfinished_entries():
    unfinished = []
    for context, message in _messages():
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [form.text for form in translation.iter("numerusform")]
        else:
            forms = [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            form and form.strip() for form in forms
        ):
            unfinished.append((context, message.findtext("source")))
    assert unfinished == []
    assert sum(1 for _ in _messages()) > 100


def test_english_translations_keep_their_placeholders():
    for context, message in _messages():
        source = message.findtext("source")
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        for form in forms:
            assert sorted(re.findall(r"%\d|%n", source)) == sorted(re.findall(r"%\d|%n", form)), (context, source)
