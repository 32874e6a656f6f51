"""The window never shows a wrong state: edits repaint, panels follow the open article, status is one line."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from helpers import SAMPLE_PATH, FakeBackend
from reader.ui.status import Phase
from reader.ui.theme import LIGHT
from sample_data import sample_annotations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_sample(qtbot, window, path=SAMPLE_PATH):
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(path))
    return window


def first_person(ann):
    return max((e for e in ann.entities if e.type == "PER"), key=lambda e: len(e.mentions))


def painted(window, cp: int) -> str:
    """The background colour the article paints at code point ``cp`` ("" for none)."""
    brush = window.view.highlight_format_at(cp).background()
    return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""


def point_of(view, cp: int) -> QPoint:
    cursor = QTextCursor(view.document())
    u16 = view.utf16_map().to_utf16(cp)
    cursor.setPosition(u16)
    left = view.cursorRect(cursor)
    cursor.setPosition(u16 + 1)
    right = view.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def test_change_type_and_undo_redo_repaint_exactly_the_changed_span(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    view = window.view
    person = first_person(window.ann)
    mention, other = person.mentions[0], person.mentions[1]
    assert painted(window, mention.start) == LIGHT.entity["PER"]
    view.show_span(mention.start, mention.start)
    menu = view.build_context_menu(point_of(view, mention.start + 1))
    retype = next(a for a in menu.actions() if a.text() == "تغییر نوع").menu()
    place = next(a for a in retype.actions() if a.text() == "مکان")
    with qtbot.waitSignal(view.highlightingFinished):
        place.trigger()
    for cp in (mention.start, mention.end - 1):
        assert painted(window, cp) == LIGHT.entity["LOC"]
    assert painted(window, other.start) == LIGHT.entity["PER"]  # the entity's other mentions keep theirs
    assert painted(window, mention.end) != LIGHT.entity["LOC"]
    with qtbot.waitSignal(view.highlightingFinished):
        window.undo_stack.undo()
    assert painted(window, mention.start) == LIGHT.entity["PER"]
    with qtbot.waitSignal(view.highlightingFinished):
        window.undo_stack.redo()
    assert painted(window, mention.start) == LIGHT.entity["LOC"]


def test_remove_and_add_repaint_and_undo_puts_the_colour_back(qtbot, make_window):
    window = open_sample(qtbot, make_window())
    view = window.view
    person = first_person(window.ann)
    mention = person.mentions[0]
    with qtbot.waitSignal(view.highlightingFinished):
        view.removeMentionRequested.emit(mention.start, mention.end)
    assert painted(window, mention.start) == ""
    with qtbot.waitSignal(view.highlightingFinished):
        window.undo_stack.undo()
    assert painted(window, mention.start) == LIGHT.entity["PER"]
    text = window.ann.text
    # A word nothing highlights yet.
    at = next(i for i in range(len(text) - 6) if text[i - 1] == " " and text[i:i + 5].isalpha()
              and all(painted(window, j) == "" for j in range(i, i + 5)))
    with qtbot.waitSignal(view.highlightingFinished):
        view.addEntityRequested.emit(at, at + 5, "ORG")
    assert painted(window, at) == LIGHT.entity["ORG"]
    with qtbot.waitSignal(view.highlightingFinished):
        window.undo_stack.undo()
    assert painted(window, at) == ""


def test_on_open_every_panel_clears_at_once_and_says_analysing(qtbot, make_window, tmp_path):
    gate = threading.Event()
    gate.set()
    window = open_sample(qtbot, make_window(FakeBackend(gate)))
    panels = window.docks.panels
    assert panels["quotes"].item_count() > 0 and panels["people"].visible_ids()
    window.on_entity_activated(first_person(window.ann).id)
    other = tmp_path / "other.txt"
    other.write_text("متن خبری دیگر که هنوز تحلیل نشده است.\n", encoding="utf-8")
    gate.clear()
    with qtbot.waitSignal(window.documentShown):
        window.open_path(str(other))
    analysing = "در حال تحلیل…"
    assert panels["quotes"].item_count() == 0 and panels["quotes"].list.count() == 0
    assert panels["quotes"].empty_label.text() == analysing
    assert panels["people"].tree.topLevelItemCount() == 0
    assert panels["people"].empty_label.text() == analysing
    assert panels["entities"].tree.topLevelItemCount() == 0
    assert panels["entities"].empty_label.text() == analysing
    assert panels["mentions"].count() == 0 and analysing in panels["mentions"].header.text()
    assert panels["timeline"].timeline.marker_count() == 0
    assert panels["timeline"].timeline.empty_text() == analysing
    assert window.status.phase is Phase.ANALYSING
    # A result of the previous article arriving now is not shown.
    window.on_analysed(sample_annotations(), window._generation - 1)
    assert window.ann is None and panels["people"].tree.topLevelItemCount() == 0
    with qtbot.waitSignal(window.ready, timeout=10000):
        gate.set()
    assert panels["people"].empty_label.text() == "شخصی پیدا نشد"
    assert window.status.text() == "تحلیل کامل شد"


def test_panels_built_after_the_open_still_say_analysing(qtbot, isolated_settings, tmp_path):
    from reader.ui.launch import load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    gate = threading.Event()
    window = MainWindow(isolated_settings, FakeBackend(gate), language="fa", warm_up=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.documentShown):
        window.open_path(str(SAMPLE_PATH))
    window.docks.build_panels()
    assert window.docks.panels["people"].empty_label.text() == "در حال تحلیل…"
    gate.set()
    window.runner.cancel_all()
    window.runner.wait()


def test_after_cancel_the_article_can_be_analysed_again(qtbot, make_window):
    gate = threading.Event()
    backend = FakeBackend(gate)
    window = make_window(backend)
    with qtbot.waitSignal(window.runner.progressShown, timeout=10000):
        window.open_path(str(SAMPLE_PATH))
    assert window.status.progress_text().startswith("در حال تحلیل…")
    reanalyse = window.actions_.by_name["reanalyse"]
    assert not reanalyse.isEnabled()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert window.status.phase is Phase.CANCELLED
    assert window.status.text() == "تحلیل لغو شد"
    assert window.status.reanalyse_button.isVisibleTo(window)
    assert reanalyse.isEnabled()
    assert window.docks.panels["people"].empty_label.text() == "تحلیل لغو شد"
    gate.set()
    with qtbot.waitSignal(window.ready, timeout=10000):
        qtbot.mouseClick(window.status.reanalyse_button, Qt.MouseButton.LeftButton)
    assert window.ann == sample_annotations()
    assert window.status.text() == "تحلیل کامل شد"
    assert not window.status.reanalyse_button.isVisibleTo(window)
    with qtbot.waitSignal(window.ready, timeout=10000):
        reanalyse.trigger()  # from the menu (F5) too
    assert len(backend.analysed) == 3


def test_the_status_line_says_how_every_open_ended(qtbot, make_window, tmp_path, monkeypatch):
    window = open_sample(qtbot, make_window())
    assert window.status.phase is Phase.READY and window.status.text() == "تحلیل کامل شد"
    window.show_status("یادداشت", 10)
    with qtbot.waitSignal(window.status.changed, timeout=5000):
        pass
    assert window.status.text() == "تحلیل کامل شد"  # a note passes, the phase's line stays
    copy = tmp_path / "copy.khana.html"
    window.backend.save_copy(str(copy), window.ann)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.open_path(str(copy))
    assert window.status.text() == "نسخهٔ ذخیره‌شده باز شد"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    with qtbot.waitSignal(window.documentShown):
        window.open_path(str(empty))
    assert window.status.phase is Phase.EMPTY
    assert "متنی ندارد" in window.status.text() and "empty.txt" in window.status.text()
    assert window.docks.panels["people"].empty_label.text() == "متنی نیست"


def test_bad_files_are_told_in_persian_from_the_loaders_catalogue(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reader.core.loading import LoadError, load_document

    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    image = tmp_path / "image.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    folder = tmp_path / "07.txt"
    folder.mkdir()
    for path, persian, english in (
        (image, "«\u2068image.txt\u2069» تصویر PNG است، نه خبر", "image.txt is a PNG image, not an article"),
        (folder, f"\u2068{folder}\u2069 پوشه است، نه خبر", f"{folder} is a folder, not an article"),
    ):
        with qtbot.waitSignal(window.loadFailed) as failed:
            window.open_path(str(path))
        assert failed.args == [persian]
        assert window.status.text() == persian and shown[-1] == persian
        with pytest.raises(LoadError) as error:
            load_document(path)
        assert str(error.value) == english  # the command line stays English
    align = window.status.label.alignment()
    assert align & Qt.AlignmentFlag.AlignRight and align & Qt.AlignmentFlag.AlignAbsolute


def test_a_file_that_decodes_to_nothing_says_so(qtbot, make_window, tmp_path):
    window = make_window()
    blank = tmp_path / "blank.txt"
    blank.write_bytes("\ufeff \u200c\n\n".encode())
    with qtbot.waitSignal(window.documentShown):
        window.open_path(str(blank))
    assert window.status.phase is Phase.EMPTY
    assert window.status.text() == "این پرونده متنی ندارد: \u2068blank.txt\u2069"
    assert not window.runner.is_running("analyse") and window.backend.analysed == []
