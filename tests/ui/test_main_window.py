"""The reading window driven like a reader would: open, click, walk, correct, undo, find, zoom."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from helpers import SAMPLE_PATH
from sample_data import TEXT, sample_annotations

# The offscreen platform says this whenever a dock widget lays out; it is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_sample(qtbot, window, path=SAMPLE_PATH):
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(path))
    return window


def point_of(view, cp: int) -> QPoint:
    """The viewport point in the middle of the character at code point ``cp``."""
    cursor = QTextCursor(view.document())
    u16 = view.utf16_map().to_utf16(cp)
    cursor.setPosition(u16)
    left = view.cursorRect(cursor)
    cursor.setPosition(u16 + 1)
    right = view.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def first_person(ann):
    return max((e for e in ann.entities if e.type == "PER"), key=lambda e: len(e.mentions))


def test_open_shows_text_title_and_annotations(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    assert window.view.toPlainText() == TEXT
    assert window.ann == sample_annotations()
    assert "mehr-korea-russia.txt" in window.windowTitle()
    assert not window.isWindowModified()
    assert window.view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.settings.recent_files()[0].endswith("mehr-korea-russia.txt")


def test_clicking_a_mention_selects_its_entity_and_lists_mentions(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    mention = person.mentions[1]
    view = window.view
    view.show_span(mention.start, mention.start)
    with qtbot.waitSignal(view.entityClicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, mention.start + 1))
    assert clicked.args == [person.id]
    assert view.selected_entity() == person.id
    mentions = window.docks.panels.get("mentions")
    if mentions is not None:
        assert mentions.count() == len(person.mentions)


def test_f3_walks_the_mentions_and_wraps(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    window.on_entity_activated(person.id)
    view = window.view
    view.setFocus()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    starts = []
    for _ in range(len(person.mentions) + 1):
        qtbot.keyClick(view, Qt.Key.Key_F3)
        starts.append(view.cursor_code_point())
    expected = [m.start for m in person.mentions]
    assert starts == expected + [expected[0]]
    assert window.status_label.text() == f"{person.name}: ۱ از {str(len(expected)).translate(str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹'))}"
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.cursor_code_point() == expected[-1]


def test_correction_then_undo_restores_exactly_and_marks_the_title(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    before = window.ann
    at = TEXT.index("خبرگزاری مهر")
    window.view.addEntityRequested.emit(at, at + len("خبرگزاری مهر"), "ORG")
    assert window.ann != before
    assert any(e.name == "خبرگزاری مهر" and e.type == "ORG" for e in window.ann.entities)
    assert window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ann == before
    assert dataclasses.astuple(window.ann) == dataclasses.astuple(before)
    assert not window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.ann != before


def test_context_menu_corrections(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    mention = person.mentions[0]
    view = window.view
    view.show_span(mention.start, mention.start)
    menu = view.build_context_menu(point_of(view, mention.start + 1))
    labels = [a.text() for a in menu.actions()]
    assert "حذف این اشاره" in labels and "تغییر نوع" in labels
    remove = next(a for a in menu.actions() if a.text() == "حذف این اشاره")
    remove.trigger()
    assert mention not in window.ann.entity(person.id).mentions
    window.undo_stack.undo()
    assert window.ann == sample_annotations()


def test_people_panel_requests_arrive_as_undoable_edits(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    window.on_rename_requested(person.id, "پوتین")
    window.on_role_requested(person.id, "رئیس کرملین")
    assert window.ann.entity(person.id).name == "پوتین"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.ann == sample_annotations()


def test_find_is_persian_aware(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    with qtbot.waitSignal(window.find_bar.matchesChanged):
        window.find_bar.edit.setText("رئیس\u200cجمهور")
    found = [TEXT[s:e] for s, e in window.find_bar.matches()]
    assert "رئیسجمهور" in found and "رئیس جمهور" in found
    window.find_bar.edit.setText("كيم")
    assert window.find_bar.matches() and all(TEXT[s:e] == "کیم" for s, e in window.find_bar.matches())
    first = window.find_bar.current()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.current() == (first + 1) % len(window.find_bar.matches())
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.current() == first
    assert "از" in window.find_bar.count_label.text()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_zoom_and_theme_persist(qtbot, make_window):
    window = make_window()
    actions = window.actions_.by_name
    assert [k.toString() for k in actions["zoom_in"].shortcuts()] == ["Ctrl+=", "Ctrl++"]
    assert actions["zoom_out"].shortcut().toString() == "Ctrl+-"
    assert actions["zoom_reset"].shortcut().toString() == "Ctrl+0"
    size = window.view.point_size()
    actions["zoom_in"].trigger()
    assert window.view.point_size() == size + 1
    assert window.view.document().defaultFont().pointSize() == size + 1
    assert window.settings.zoom() == 1
    actions["zoom_out"].trigger()
    actions["zoom_out"].trigger()
    assert window.view.point_size() == size - 1
    actions["zoom_reset"].trigger()
    assert window.view.point_size() == size
    light = QApplication.palette().base().color().name()
    window.actions_.by_name["theme_dark"].trigger()
    assert window.settings.theme() == "dark"
    assert QApplication.palette().base().color().name() != light
    window.actions_.by_name["theme_light"].trigger()
    assert window.settings.theme() == "light"


def test_dropping_a_file_opens_it(qtbot, make_window, tmp_path):
    window = make_window()
    article = tmp_path / "dropped.txt"
    article.write_text("خبر کوتاه درباره تهران.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.ready, timeout=10000):
        QApplication.sendEvent(window, drop)
    assert window.view.toPlainText() == "خبر کوتاه درباره تهران."
    assert window.windowTitle().startswith("\u2068dropped.txt\u2069")  # isolated: an LTR name in an RTL title


def test_a_bad_file_gives_a_one_line_message(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "bad.txt"
    bad.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(window.loadFailed) as failed:
        window.open_path(str(bad))
    # The loader's catalogue message, in Persian, the file name isolated from the right-to-left line.
    assert failed.args == ["«\u2068bad.txt\u2069» پرونده‌ای دودویی است، نه خبر"]
    assert shown == failed.args


def test_closing_with_unsaved_corrections_asks(qtbot, make_window, monkeypatch):
    window = open_sample(qtbot, make_window())
    at = TEXT.index("خبرگزاری مهر")
    window.view.addEntityRequested.emit(at, at + 5, "ORG")
    asked = []

    def answer(choice):
        def fake(*args, **kwargs):
            asked.append(args[2])
            return choice
        return fake

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert window.close()
    assert len(asked) == 2


def test_save_writes_a_copy_beside_the_source_and_never_the_source(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    window = open_sample(qtbot, make_window(), source)
    at = TEXT.index("خبرگزاری مهر")
    window.view.addEntityRequested.emit(at, at + 5, "ORG")
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (offered.append(a[2]) or a[2], ""))
    with qtbot.waitSignal(window.undo_stack.cleanChanged, timeout=10000):
        assert window.save()
    assert offered == [str(tmp_path / "article.khana.html")]
    assert (tmp_path / "article.khana.html").exists()
    assert source.read_text(encoding="utf-8") == TEXT
    assert not window.isWindowModified()
    # Save As onto the source is refused.
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    assert not window.save(ask=True)
    assert warned


def test_legend_hides_a_type(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    person = first_person(window.ann)
    assert window.view.mention_at(person.mentions[0].start) is not None
    window.legend.boxes["PER"].click()
    assert "PER" in window.settings.hidden_types()
    assert window.view.mention_at(person.mentions[0].start) is None
    window.legend.boxes["PER"].click()


def test_english_ui_through_qt_translations(qtbot, make_window, qapp):
    from reader.ui import i18n

    translators = i18n.install(qapp, "en")
    try:
        assert len(translators) == 2  # qtbase_en may be absent; ours must load
    except AssertionError:
        assert any(t.language().startswith("en") for t in translators)
    try:
        window = make_window()
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[0] == "&File" and "&Help" in titles
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert i18n.choose_language("", {"LANG": "en_GB.UTF-8"}) == "en"
    assert i18n.choose_language("", {"LANG": "fa_IR.UTF-8"}) == "fa"
    assert i18n.choose_language("fa", {"LANG": "en_GB.UTF-8"}) == "fa"


def test_ctrl_equals_zooms_with_no_article_open(qtbot, make_window):
    window = make_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.ann is None
    size = window.view.point_size()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size() == size + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size() == size + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size() == size


def test_a_long_texts_find_index_is_built_on_the_task_runner(qtbot, make_window, monkeypatch):
    import threading

    from reader.core.text import search
    from reader.ui import find

    built_in: list[bool] = []
    real_build = search.SearchIndex.build.__func__

    def build(cls, text):
        built_in.append(threading.current_thread() is threading.main_thread())
        return real_build(cls, text)

    monkeypatch.setattr(search.SearchIndex, "build", classmethod(build))
    window = make_window()
    long_text = ("کیم جونگ اون به روسیه رفت. " * 6000)
    assert len(long_text) > find.ASYNC_INDEX_CHARS
    window.view.set_text(long_text)
    window.find_bar.set_text(long_text)
    window.find_bar.open()
    with qtbot.waitSignal(window.find_bar.matchesChanged, check_params_cb=lambda m, c: len(m) == 6000, timeout=20000):
        window.find_bar.edit.setText("روسیه")
    assert built_in == [False]
    assert window.find_bar.current() == 0
    # A short text is indexed in place: nothing to wait for.
    window.view.set_text("خبر کوتاه درباره روسیه.")
    window.find_bar.set_text("خبر کوتاه درباره روسیه.")
    window.find_bar.edit.setText("روسیه")
    assert built_in == [False, True] and len(window.find_bar.matches()) == 1


def test_default_layout_gives_the_article_most_of_the_width_and_restores_a_saved_one(qtbot, make_window):
    window = make_window()
    qtbot.waitExposed(window)
    assert window.width() == 1400
    assert window.view.width() >= 0.55 * window.width()
    people, mentions = window.docks.docks["people"], window.docks.docks["mentions"]
    assert window.dockWidgetArea(people) == window.dockWidgetArea(mentions)
    assert mentions.isVisible() and people.isVisible()
    # Close a panel, move the mentions under the article, close the window: the next window
    # comes back as the user left it, not in the default layout. (Sizes are not compared: the
    # offscreen screen is smaller than 1400 px, so restoreGeometry shrinks the next window.)
    window.docks.docks["entities"].close()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, mentions)
    window.close()
    again = make_window()
    qtbot.waitExposed(again)
    assert again.docks.docks["entities"].isHidden()
    assert again.dockWidgetArea(again.docks.docks["mentions"]) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert again.dockWidgetArea(again.docks.docks["people"]) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_opening_an_article_prunes_recoveries_nobody_came_back_to(qtbot, make_window, tmp_path):
    import os

    from reader.core.recovery import KEEP_DAYS, RecoveryStore

    store = RecoveryStore(tmp_path / "recovery")
    store.save("/news/moved-away.txt", sample_annotations())
    (old,) = (tmp_path / "recovery").iterdir()
    then = old.stat().st_mtime - (KEEP_DAYS + 1) * 86_400
    os.utime(old, (then, then))
    open_sample(qtbot, make_window())
    qtbot.waitUntil(lambda: not old.exists(), timeout=5000)
