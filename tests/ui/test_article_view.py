"""The article view: code-point ↔ UTF-16 positions, highlights that never freeze, contrast."""

from __future__ import annotations


import pytest
from hypothesis import given, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.core.document import Annotations, Entity, Quote, Span
from reader.ui.article_text import Utf16Map
from reader.ui.article_view import ArticleView
from reader.ui.theme import DARK, LIGHT, contrast


def test_utf16_map_with_an_emoji_before_a_mention():
    text = "😀 پوتین و 👍🏽 کیم"
    m = Utf16Map(text)
    putin = text.index("پوتین")
    assert m.to_utf16(putin) == putin + 1
    kim = text.index("کیم")
    assert m.to_utf16(kim) == kim + 3
    assert m.to_code_point(m.to_utf16(kim)) == kim
    assert m.to_code_point(1) == 0  # inside the first surrogate pair: the emoji itself


@given(st.text(alphabet="ab پ\u200c😀👍🏽\n", max_size=30), st.data())
def test_utf16_map_round_trips_and_matches_python(text, data):
    breaks = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=4))) if len(text) > 1 else []
    m = Utf16Map(text, breaks)
    # What the view holds: the text with a line break inserted before each of ``breaks``.
    shown = "".join(("\n" if cp in breaks else "") + ch for cp, ch in enumerate(text))
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert u16 == len(shown[: cp + sum(b <= cp for b in breaks)].encode("utf-16-le")) // 2
        assert m.to_code_point(u16) == cp


def test_highlight_lands_on_the_mention_after_an_emoji(qtbot):
    text = "😀😀 سلام پوتین"
    start = text.index("پوتین")
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "پوتین", mentions=(Span(start, start + 5),)),))
    view = ArticleView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(ann)
    # Highlights are the blocks' layout formats (what is painted), not document formats.
    assert view.highlight_format_at(start).background().color().name() == LIGHT.entity["PER"]
    assert view.highlight_format_at(start + 4).background().color().name() == LIGHT.entity["PER"]
    assert view.highlight_format_at(start - 1).background().style() == Qt.BrushStyle.NoBrush
    assert view.highlight_format_at(start + 5).background().style() == Qt.BrushStyle.NoBrush
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.utf16_map().to_utf16(start) + 1)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush  # the text itself is untouched
    assert view.mention_at(start + 2)[0].id == "e1"
    assert view.toPlainText() == text


def test_big_documents_are_highlighted_in_short_chunks(qtbot):
    line = "ولادیمیر پوتین رئیس جمهور روسیه با کیم جونگ اون در ولادیوستوک دیدار کرد.\n"
    text = line * 6000  # ~440 000 characters, 12 000 mentions
    spans = []
    for i in range(6000):
        base = i * len(line)
        spans.append(Span(base + 9, base + 14))
        spans.append(Span(base + 36, base + 48))
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "x", mentions=tuple(spans)),))
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_text(text)
    finished: list[bool] = []
    view.highlightingFinished.connect(lambda: finished.append(True))
    view.set_annotations(ann)
    assert not finished  # the call only schedules the work; how long each slice takes is
    # measured by benchmarks/responsiveness.py, not asserted here
    with qtbot.waitSignal(view.highlightingFinished, timeout=60000):
        pass
    assert view.toPlainText() == text  # built in pieces, then shown whole
    assert view.highlight_format_at(spans[-1].start).background().color().name() == LIGHT.entity["PER"]


def test_only_a_new_width_lays_the_text_out_again(qtbot):
    text = "ولادیمیر پوتین رئیس جمهور روسیه با کیم جونگ اون دیدار کرد.\n" * 50
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(Annotations(text=text))
    view.resize(600, 300)  # the progress bar appearing under the view: no line changes
    assert not view.highlighting()
    view.resize(500, 300)
    assert view.highlighting()


def test_entity_highlight_wins_over_a_quote_and_hiding_a_type_removes_it(qtbot):
    text = "او گفت «پوتین به کره می‌رود» و رفت.\nبند دوم."
    putin = text.index("پوتین")
    quote = Quote(text.index("«"), text.index("»") + 1)
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "پوتین", mentions=(Span(putin, putin + 5),)),),
                      quotes=(quote,))
    view = ArticleView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(ann)
    assert view.highlight_format_at(putin).background().color().name() == LIGHT.entity["PER"]
    assert view.highlight_format_at(quote.end - 2).background().color().name() == LIGHT.quote
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_hidden_types({"PER"})
    assert view.highlight_format_at(putin).background().color().name() == LIGHT.quote
    assert view.mention_at(putin) is None
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_theme(DARK)
        view.set_hidden_types(set())
    assert view.highlight_format_at(putin).background().color().name() == DARK.entity["PER"]


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_entity_colours_keep_the_text_readable(theme):
    for etype in theme.entity:
        assert contrast(theme.text, theme.entity[etype]) >= 4.5, etype
        assert contrast(theme.text, theme.strong[etype]) >= 3.0, etype
    assert len(set(theme.entity.values())) == len(theme.entity)


def test_display_text_breaks_only_very_long_paragraphs_and_keeps_every_offset():
    from reader.ui.article_text import MAX_BLOCK_CHARS, display_text

    sentence = "این یک جمله فارسی است. "
    normal = (sentence * 40 + "\n") * 50
    assert display_text(normal) == (normal, ())
    long = sentence * 2000  # one paragraph of 48 000 characters
    shown, inserted = display_text(long)
    assert len(shown) == len(long) and inserted == ()
    assert all(len(part) <= MAX_BLOCK_CHARS for part in shown.split("\n"))
    # Only spaces became line breaks, each right after a sentence's end.
    changed = [i for i, (a, b) in enumerate(zip(long, shown)) if a != b]
    assert changed and all(long[i] == " " and shown[i] == "\n" and long[i - 1] == "." for i in changed)



@pytest.mark.parametrize("unit", ["&", "ب\u200c", "ف", "e\u0301", "👍🏽", "ب\u064e\u0651"])
def test_a_stretch_with_no_space_gets_line_breaks_of_its_own_between_whole_characters(unit):
    from reader.ui.article_text import MAX_BLOCK_CHARS, display_text

    text = unit * (3 * MAX_BLOCK_CHARS)
    shown, inserted = display_text(text)
    assert inserted and len(shown) == len(text) + len(inserted)
    assert shown.replace("\n", "") == text
    assert all(len(part) <= MAX_BLOCK_CHARS for part in shown.split("\n"))
    # Every break falls between two whole units: no mark, joiner or skin tone left on its own.
    assert all(cut % len(unit) == 0 for cut in inserted)
    m = Utf16Map(text, inserted)
    assert m.to_utf16(len(text)) == len(shown.encode("utf-16-le")) // 2
    for cut in inserted:
        # The break's own position counts as the character after it.
        assert m.to_code_point(m.to_utf16(cut) - 1) == cut


def test_a_huge_paragraph_is_shown_in_blocks_with_exact_highlights_and_copy(qtbot):
    from PySide6.QtWidgets import QApplication

    sentence = "ولادیمیر پوتین با کیم جونگ اون دیدار کرد. "
    text = sentence * 1500  # 64 500 characters, no line break
    spans = [Span(i * len(sentence), i * len(sentence) + len("ولادیمیر پوتین")) for i in range(1500)]
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "ولادیمیر پوتین", mentions=tuple(spans)),))
    view = ArticleView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.highlightingFinished, timeout=20000):
        view.set_annotations(ann)
    assert view.document().blockCount() > len(text) // 4000
    for span in spans[::97]:
        assert view.highlight_format_at(span.start).background().color().name() == LIGHT.entity["PER"]
        assert view.highlight_format_at(span.end - 1).background().color().name() == LIGHT.entity["PER"]
        assert view.highlight_format_at(span.end).background().style() == Qt.BrushStyle.NoBrush
    # Select across every on-screen break: the copy is the article's text, spaces and all.
    cursor = QTextCursor(view.document())
    cursor.setPosition(0)
    cursor.setPosition(len(text) - 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    assert QApplication.clipboard().text() == text[:-1]


@given(st.lists(st.sampled_from(["سلام", "دنیا", ".", " ", "\n", "ب" * 50, "؟ "]), max_size=3000))
def test_display_text_only_turns_spaces_into_breaks(pieces):
    from reader.ui.article_text import MAX_BLOCK_CHARS, display_text

    text = "".join(pieces)
    shown, inserted = display_text(text)
    if inserted:  # a stretch with no space: only line breaks were added
        assert shown.replace("\n", "") == text.replace("\n", "")
        return
    assert len(shown) == len(text)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, shown))
    for part in shown.split("\n"):
        # A piece is short, or has no space left to break at in its second half.
        assert len(part) <= MAX_BLOCK_CHARS or " " not in part[MAX_BLOCK_CHARS // 2 : MAX_BLOCK_CHARS]


def test_a_spaceless_paragraph_is_shown_in_blocks_with_exact_mentions_and_copy(qtbot):
    from PySide6.QtWidgets import QApplication

    from reader.ui.article_text import MAX_BLOCK_CHARS

    text = "&" * (3 * MAX_BLOCK_CHARS) + "پوتین"
    start = text.index("پوتین")
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "پوتین", mentions=(Span(start, start + 5),)),))
    view = ArticleView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.highlightingFinished, timeout=20000):
        view.set_annotations(ann)
    assert view.document().blockCount() >= 3
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.utf16_map().to_utf16(start))
    cursor.setPosition(view.utf16_map().to_utf16(start + 5), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "پوتین"
    assert view.highlight_format_at(start).background().color().name() == LIGHT.entity["PER"]
    view.selectAll()
    view.copy()
    assert QApplication.clipboard().text() == text


def test_type_highlights_are_painted_over_the_visible_text_and_never_touch_the_layout(qtbot):
    line = "ولادیمیر پوتین رئیس جمهور روسیه با کیم جونگ اون دیدار کرد.\n"
    text = line * 400
    spans = [Span(i * len(line) + 9, i * len(line) + 14) for i in range(400)]
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "پوتین", mentions=tuple(spans)),))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_text(text)
    qtbot.waitUntil(lambda: not view.highlighting())
    laid_out = [view.document().findBlockByNumber(i).layout().lineCount() for i in range(3)]
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(ann)
    # The blocks keep their lines and carry no formats: the analysis arriving lays nothing out again.
    assert [view.document().findBlockByNumber(i).layout().lineCount() for i in range(3)] == laid_out
    assert all(not view.document().findBlockByNumber(i).layout().formats() for i in range(400))
    to16 = view.utf16_map().to_utf16

    def painted() -> set[int]:
        return {s.cursor.selectionStart() for s in view.extraSelections()
                if s.format.background().color().name() == LIGHT.entity["PER"]}

    assert to16(spans[0].start) in painted()
    assert to16(spans[-1].start) not in painted()  # far below the screen
    assert len(view.extraSelections()) < 100
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert to16(spans[-1].start) in painted() and to16(spans[0].start) not in painted()


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15), st.sampled_from(["quote", "date", "PER", "LOC"])),
                max_size=25), st.integers(0, 40), st.integers(1, 45))
def test_painted_pieces_merge_every_run_over_each_character_in_order(runs_in, window_start, window_length):
    from reader.ui.article_render import Renderer

    precedence = {"quote": 0, "date": 1, "PER": 3, "LOC": 3}
    runs = [(s, s + n, precedence[style], style) for s, n, style in runs_in]
    view = ArticleView()
    formats = view._formats()
    renderer = Renderer(view, view)
    renderer.set_runs(runs, formats)
    start, end = window_start, window_start + window_length
    pieces = renderer.painted(start, end)
    assert all(start <= lo < hi <= end for lo, hi, _f in pieces)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:]))
    for u16 in range(start, end):
        over = sorted({(p, style) for s, e, p, style in runs if s <= u16 < e})
        found = [fmt for lo, hi, fmt in pieces if lo <= u16 < hi]
        if not over:
            assert not found
            continue
        expected = QTextCharFormat()
        for _p, style in over:
            expected.merge(formats[style])
        assert len(found) == 1 and found[0] == expected
    view.deleteLater()
