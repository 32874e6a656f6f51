"""The window's flow as a reader meets it: the dock stays where the effect is, zoom and F3 everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def wheel(widget, dy: int = 0, dx: int = 0, modifiers=Qt.KeyboardModifier.NoModifier, x: float | None = None):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(widget.width() / 2 if x is None else x, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(dx, dy), Qt.MouseButton.NoButton,
                        modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_timeline_zooms_and_pans_with_the_wheel_and_keys(qtbot):
    from sample_data import random_dates_annotations

    from reader.ui.timeline import TimelineWidget

    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(500, 220)
    timeline.set_annotations(random_dates_annotations(100, years=30))
    whole = timeline.visible_days()
    labelled = sum(1 for m in timeline.timeline_layout().markers if m.label is not None)
    for _ in range(8):
        wheel(timeline, dy=120)
    zoomed = timeline.visible_days()
    assert timeline.zoom() > 5
    assert zoomed[1] - zoomed[0] < (whole[1] - whole[0]) / 5
    assert whole[0] <= zoomed[0] and zoomed[1] <= whole[1]
    # Zoomed in, the dates on screen have room for their labels; those off screen have none.
    on_screen = [m for m in timeline.timeline_layout().markers if 0 <= m.x <= timeline.width()]
    share = sum(m.label is not None for m in on_screen) / len(on_screen)
    assert share > labelled / timeline.marker_count()
    assert all(m.label is None for m in timeline.timeline_layout().markers if not -10 <= m.x <= timeline.width() + 10)
    wheel(timeline, dy=120, modifiers=Qt.KeyboardModifier.ShiftModifier)  # pan to later days
    panned = timeline.visible_days()
    assert panned[0] > zoomed[0]
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    assert timeline.zoom() < 8 * 1.25
    qtbot.keyClick(timeline, Qt.Key.Key_0)
    assert timeline.visible_days() == whole and timeline.zoom() == 1.0
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    assert timeline.zoom() == 1.25
    assert sum(1 for m in timeline.timeline_layout().markers if m.label is not None) >= 1
    assert labelled >= 1
    # Every date says its labels on hover, placed or not.
    assert all(timeline.tooltip_html(i) for i in range(timeline.marker_count()))


def test_f3_centres_the_current_mention(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    window.resize(900, 420)
    view = window.view
    person = first_person(window.ann)
    window.on_entity_activated(person.id)
    view.moveCursor(view.textCursor().MoveOperation.Start)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    centred = 0
    line = view.fontMetrics().height() * 2
    for _ in person.mentions:
        qtbot.keyClick(view, Qt.Key.Key_F3)
        y = view.cursorRect().center().y()
        if bar.minimum() < bar.value() < bar.maximum():
            assert abs(y - view.viewport().height() / 2) <= line
            centred += 1
        else:
            assert 0 <= y <= view.viewport().height()
    assert centred >= 1


def test_progress_shows_stage_and_percent_apart(qtbot, make_window):
    window = make_window()
    status = window.status
    status.show_progress("در حال تحلیل…", 45, 100)
    assert status.progress.text() == "۴۵٪"
    assert status.stage.text() == "در حال تحلیل…" and status.stage.isVisibleTo(window)
    assert status.progress_text() == "در حال تحلیل… ۴۵٪"
    assert status.progress.minimumWidth() >= 140
    status.show_progress("در حال باز کردن…", 0, 0)  # unknown total: a busy bar, no number
    assert status.progress.maximum() == 0 and status.progress_text() == "در حال باز کردن…"
    status.hide_progress()
    assert not status.progress.isVisibleTo(window) and not status.stage.isVisibleTo(window)


def test_window_legend_and_saved_copy_share_one_palette_and_vocabulary(qtbot, make_window, tmp_path):
    from reader.core import palette
    from reader.core.export.html import render_annotated_html
    from reader.ui.entity_types import MARKED, type_label
    from reader.ui.theme import LIGHT

    window = open_sample(qtbot, make_window())
    legend = window.legend
    assert set(legend.boxes) == set(palette.TYPE_ORDER) | {palette.QUOTE}
    assert legend.boxes[palette.QUOTE].text() == "نقل قول"
    for code, box in legend.boxes.items():
        assert LIGHT.swatch(code) in box.styleSheet()
        assert box.toolTip()
    html = render_annotated_html(window.ann)
    for etype in palette.TYPE_ORDER:
        assert type_label(etype) == palette.TYPE_NAMES[etype]
        assert f"mark.ent.{etype}{{background:{LIGHT.entity[etype]}" in html
    assert f".quote{{background:{LIGHT.quote}" in html
    assert "<th>نقش</th>" in html and "<h2>نقل قول‌ها</h2>" in html and "سمت" not in html
    marked = set(palette.TYPE_NAMES.values()) | set(palette.TYPE_PLURALS.values())
    assert set(MARKED) == marked | {palette.WORDS["quote"], palette.WORDS["quotes"]}
    # Hiding quotes in the legend takes their tint off the text.
    quote = window.ann.quotes[0]
    at = next(i for i in range(quote.start, quote.end) if window.view.mention_at(i) is None)
    assert window.view.highlight_format_at(at).background().color().name() == LIGHT.quote
    with qtbot.waitSignal(window.view.highlightingFinished):
        legend.boxes[palette.QUOTE].setChecked(False)
    assert window.view.highlight_format_at(at).background().style() == Qt.BrushStyle.NoBrush


def test_toolbar_shortcut_list_and_tooltips(qtbot, make_window):
    from PySide6.QtWidgets import QAbstractButton

    from reader.ui.toolbar import ShortcutsDialog

    window = make_window()
    names = [a.objectName() for a in window.toolbar.actions() if a.objectName()]
    assert names == ["tool-open", "tool-save", "tool-find", "tool-previous_mention", "tool-next_mention",
                     "tool-zoom_out", "tool-zoom_in", "tool-theme_toggle"]
    find = next(a for a in window.toolbar.actions() if a.objectName() == "tool-find")
    assert "Ctrl+F" in find.toolTip()
    size = window.view.point_size()
    next(a for a in window.toolbar.actions() if a.objectName() == "tool-zoom_in").trigger()
    assert window.view.point_size() == size + 1
    next(a for a in window.toolbar.actions() if a.objectName() == "tool-theme_toggle").trigger()
    assert window.theme.name == "dark"
    dialog = ShortcutsDialog(window.actions_.by_name, window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert "\u2068Ctrl+F\u2069" in rows["جست‌وجو…"]
    assert "\u2068F3\u2069" in rows["اشارهٔ بعدی"] and "\u2068F5\u2069" in rows["تحلیل دوباره"]
    assert any("F2" in keys for keys in rows.values())
    assert window.actions_.by_name["shortcuts"].shortcut().toString() == "Ctrl+/"
    for dock in window.docks.docks.values():
        buttons = [b for b in dock.findChildren(QAbstractButton) if b.objectName().startswith("qt_dockwidget_")]
        assert buttons and all(b.toolTip() for b in buttons)
        assert dock.toggleViewAction().toolTip()


@pytest.mark.parametrize("size", [(900, 600), (640, 480)])
def test_small_windows_keep_the_article_legend_and_panels_usable(qtbot, make_window, size):
    window = open_sample(qtbot, make_window())
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    assert (window.width(), window.height()) == size  # nothing forces a bigger window
    qtbot.waitUntil(lambda: window.view.width() >= 0.55 * size[0])
    for box in window.legend.boxes.values():
        assert box.width() >= box.sizeHint().width() and box.isVisible()  # names never clipped
        assert window.legend.rect().contains(box.geometry())
    timeline = window.docks.panels["timeline"]
    assert timeline.timeline.height() >= timeline.timeline.minimumHeight()


def test_lines_are_capped_near_seventy_five_characters_and_centred(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    window.resize(2400, 900)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 1500)
    view = window.view
    root = view.document().rootFrame().frameFormat()
    assert root.leftMargin() == root.rightMargin() > 100
    column = view.viewport().width() - root.leftMargin() - root.rightMargin()
    assert column <= view.reading_width() + 2 * 28 + 2
    qtbot.waitUntil(lambda: not view.highlighting())
    longest = 0
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount() - 1):  # a paragraph's last line may be short
            longest = max(longest, layout.lineAt(i).textLength())
        block = block.next()
    assert 55 <= longest <= 95


def test_the_file_dialog_speaks_persian(qtbot, qapp):
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    from reader.ui import i18n

    installed = i18n.install(qapp, "fa")
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "باز کردن خبر", "", "خبرها (*.txt)")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            qtbot.addWidget(dialog)
            labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
            assert "&پوشه:" in labels and "&نوع پرونده:" in labels
            assert not [t for t in labels if re.search("[A-Za-z]{3}", t)], labels
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_headings_show_as_headings_at_unchanged_offsets(qtbot):
    from PySide6.QtGui import QFont

    from reader.core.document import Block, heading_blocks
    from reader.ui.article_view import ArticleView

    text = "  دیدار پوتین و کیم\nمتن خبر درباره دیدار.\n\nواکنش‌ها\nمتن دوم."
    blocks = heading_blocks(text, [("دیدار پوتین و کیم", 1), ("واکنش‌ها", 2), ("حذف‌شده", 2)])
    assert blocks == (Block(2, 19, "heading1"), Block(text.index("واکنش‌ها"), text.index("واکنش‌ها") + 8, "heading2"))
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_text(text, blocks)
    qtbot.waitUntil(lambda: not view.highlighting())
    assert view.toPlainText() == text  # the text and its offsets are the file's
    title = view.highlight_format_at(3)
    assert title.fontWeight() == QFont.Weight.Bold and title.fontPointSize() > view.point_size() * 1.4
    second = view.highlight_format_at(text.index("واکنش‌ها"))
    assert second.fontWeight() == QFont.Weight.Bold and view.point_size() < second.fontPointSize() < title.fontPointSize()
    assert view.highlight_format_at(text.index("متن خبر")).fontWeight() != QFont.Weight.Bold
    view.set_zoom(4)
    qtbot.waitUntil(lambda: not view.highlighting())
    assert view.highlight_format_at(3).fontPointSize() > title.fontPointSize()


@pytest.mark.parametrize("name, source", [
    ("article.md", "# دیدار پوتین و کیم\n\nمتن خبر درباره دیدار.\n\n## واکنش‌ها\nمتن دوم.\n"),
    ("article.html", "<html><body><article><h1>دیدار پوتین و کیم</h1><p>متن خبر درباره دیدار.</p>"
                     "<h2>واکنش‌ها</h2><p>متن دوم.</p></article></body></html>"),
])
def test_markdown_and_html_headings_open_as_headings(qtbot, make_window, tmp_path, name, source):
    from PySide6.QtGui import QFont

    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(path))
    text = window.document_.text
    assert [(b.kind, text[b.start:b.end]) for b in window.document_.blocks] == [
        ("heading1", "دیدار پوتین و کیم"), ("heading2", "واکنش‌ها")]
    view = window.view
    qtbot.waitUntil(lambda: not view.highlighting())
    assert view.highlight_format_at(text.index("پوتین")).fontWeight() == QFont.Weight.Bold
    assert view.highlight_format_at(text.index("واکنش")).fontWeight() == QFont.Weight.Bold
    assert view.highlight_format_at(text.index("متن خبر")).fontWeight() != QFont.Weight.Bold


def test_a_row_of_the_timelines_date_list_selects_that_mention_in_the_article(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    window.docks.docks["timeline"].raise_()
    dates = window.docks.panels["timeline"].dates
    qtbot.waitUntil(lambda: dates.topLevelItemCount() > 0)
    assert dates.topLevelItemCount() == len([d for d in window.ann.dates if d.kind != "duration"])
    item = dates.topLevelItem(dates.topLevelItemCount() - 1)
    start, end = item.data(0, Qt.ItemDataRole.UserRole + 1)
    dates.scrollToItem(item)
    qtbot.mouseClick(dates.viewport(), Qt.MouseButton.LeftButton, pos=dates.visualItemRect(item).center())
    assert window.view.selection_code_points() == (start, end)
    assert window.view.textCursor().selectedText() == window.ann.text[start:end]


def test_whether_a_text_has_words_is_found_by_the_loading_thread_not_the_gui(qtbot, make_window, tmp_path, monkeypatch):
    import functools
    import threading

    from reader.ui import main_window

    walked_in: list[str] = []

    @functools.lru_cache(maxsize=4)
    def has_words(text: str) -> bool:
        walked_in.append(threading.current_thread().name)
        return any(c.isalnum() for c in text)

    monkeypatch.setattr(main_window, "_has_words", has_words)
    window = make_window()
    for name, text in (("amp.txt", "&" * 20_000), ("words.txt", "سلام دنیا")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with qtbot.waitSignal(window.documentShown, timeout=10000):
            window.open_path(str(path))
    # Every status change asked; each text was walked once, off the GUI thread.
    assert len(walked_in) == 2
    assert threading.main_thread().name not in walked_in
