"""Title and pronoun mentions in the window: a lighter highlight, their kind in the mentions list,
and quotes said through them listed under the person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.document import PRONOUN, TITLE, Annotations, Entity, Quote, Span
from reader.ui.article_view import ArticleView
from reader.ui.mentions import MentionsPanel
from reader.ui.sidebar import QuotesPanel
from reader.ui.theme import LIGHT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TEXT = "کیم جونگ اون، رهبر کره شمالی به روسیه رفت. وی گفت «ما آماده‌ایم»."


def _at(words: str) -> Span:
    at = TEXT.index(words)
    return Span(at, at + len(words))


def annotations() -> Annotations:
    title, he, quote = _at("رهبر کره شمالی"), _at("وی"), _at("ما آماده‌ایم")
    return Annotations(
        text=TEXT,
        entities=(
            Entity("per-1", "PER", "کیم جونگ اون", "رهبر کره شمالی",
                   (_at("کیم جونگ اون"), Span(title.start, title.end, TITLE), Span(he.start, he.end, PRONOUN))),
            Entity("loc-1", "LOC", "کره شمالی", None, (_at("کره شمالی"),)),
        ),
        quotes=(Quote(quote.start, quote.end, "per-1", "وی"),),
    )


def test_titles_and_pronouns_are_lighter_and_the_place_inside_a_title_keeps_its_colour(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(annotations())
    name = view.highlight_format_at(0).background().color().name()
    title = view.highlight_format_at(_at("رهبر").start)
    assert name == LIGHT.entity["PER"]
    assert title.background().color().name() not in (LIGHT.entity["PER"], LIGHT.base)
    assert title.fontUnderline()
    assert view.highlight_format_at(_at("کره").start).background().color().name() == LIGHT.entity["LOC"]
    assert view.mention_at(_at("کره").start)[0].id == "loc-1"
    assert view.mention_at(_at("وی").start)[0].id == "per-1"


def test_the_mentions_list_says_which_mentions_are_titles_and_pronouns(qtbot) -> None:
    panel = MentionsPanel()
    qtbot.addWidget(panel)
    panel.show_entity(annotations(), "per-1")
    assert panel.count() == 3
    rows = [panel.row_html(r) for r in range(3)]
    assert ">کیم جونگ اون</b>" in rows[0] and "(عنوان)" not in rows[0]
    assert ">رهبر کره شمالی</u>" in rows[1] and "(عنوان)" in rows[1]
    assert ">وی</u>" in rows[2] and "(ضمیر)" in rows[2]
    assert panel.list.item(2).data(Qt.ItemDataRole.UserRole) == (_at("وی").start, _at("وی").end)


def test_a_quote_said_through_a_pronoun_is_listed_under_the_person(qtbot) -> None:
    panel = QuotesPanel()
    qtbot.addWidget(panel)
    panel.set_annotations(annotations())
    assert panel.list.item(0).text().endswith("— کیم جونگ اون («وی»)")
    assert panel.speaker_combo.itemText(panel.speaker_combo.findData("per-1")) == "کیم جونگ اون (۱)"
