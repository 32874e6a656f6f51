"""The window as ``run_gui`` builds it: the article's text in the first frame, the rest right after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from helpers import SAMPLE_PATH, FakeBackend
from sample_data import TEXT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class _FirstPaint(QObject):
    """Notes what the article view holds, and whether the window is complete, at its first paint."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        self.seen: tuple[str, bool] | None = None

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = (self.window.view.toPlainText(), self.window._built)
        return False


def test_first_frame_shows_the_text_then_the_window_completes_and_analyses(qtbot, isolated_settings):
    from reader.core.loading import load_document
    from reader.ui.launch import load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    backend = FakeBackend()
    window = MainWindow(isolated_settings, backend, language="fa", warm_up=False, first_frame_only=True)
    qtbot.addWidget(window)
    probe = _FirstPaint(window)
    window.view.viewport().installEventFilter(probe)
    document = load_document(str(SAMPLE_PATH))
    with qtbot.waitSignal(window.documentShown, timeout=1000):
        window.show_text_early(str(SAMPLE_PATH), document.text, document.blocks, document)
    assert not hasattr(window, "docks")  # nothing but the article view before the first frame
    shown = []
    window.documentShown.connect(lambda: shown.append(True))
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert probe.seen == (document.text, False)
    # Completed after that frame: menus, docks, find bar; the article opened once, not reloaded.
    assert window._built and window.actions_.by_name and window.docks.docks
    assert window.path == str(SAMPLE_PATH) and window.document_ is document
    assert window.ann is not None and window.ann.text == TEXT
    assert backend.analysed == [TEXT[:20]]
    assert shown == []  # the text was shown once, early; opening it fully does not show it again
    window.runner.cancel_all()
    window.runner.wait()


def test_a_file_opened_before_the_window_is_complete_opens_once_it_is(qtbot, isolated_settings):
    """A file too big to read before the first frame (or dropped on the window meanwhile)."""
    from reader.ui.launch import load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    backend = FakeBackend()
    window = MainWindow(isolated_settings, backend, language="fa", warm_up=False, first_frame_only=True)
    qtbot.addWidget(window)
    window.open_path(str(SAMPLE_PATH))
    assert window.document_ is None and backend.analysed == []  # nothing to show it in yet
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert window.document_ is not None and window.document_.text == TEXT
    assert window.view.toPlainText() == TEXT
    assert backend.analysed == [TEXT[:20]]
    window.runner.cancel_all()
    window.runner.wait()


# ---------------------------------------------------------------- what the first frame avoids


_FIRST_FRAME = """
import sys
from PySide6 import QtCore
from reader.ui import launch
app, settings, language = launch.prepare_application(first_frame=True)
from reader.ui.main_window import MainWindow
window = MainWindow(settings, language=language, first_frame_only=True, warm_up=False)
early = launch._load_early(window, sys.argv[1])
window.show_text_early(sys.argv[1], *early)
painted = []
window.view.documentPainted.connect(lambda: painted.append("Qt" in vars(QtCore)))
window.show()
while not painted:
    app.processEvents()
view = window.view
print(painted[0], window._built, view.toPlainText() == early[0], view.font().family(),
      "reader.core.document" in sys.modules)
window.on_first_frame_painted()  # the rest of the window, as after that frame
launch.finish_application(app, language)
print(app.layoutDirection().name, view.toPlainText() == early[0], app.style().name())
"""


def test_the_first_frame_paints_the_text_before_pyside6_builds_the_qt_namespace(tmp_path):
    """PySide6 builds all 93 enum classes of ``Qt`` on the first value of any of them (~12 ms);
    the first frame needs none: it is painted, text and all, before that happens."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", _FIRST_FRAME, str(SAMPLE_PATH)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    first, then = (line.split() for line in done.stdout.splitlines()[-2:])
    # No Qt namespace, nor the data model's module (a plain text is read without its Document); the
    # window not built yet
    assert first == ["False", "False", "True", "Vazirmatn", "False"]
    # Persian's direction once the frame is out; the same text; Fusion, made by Qt's -style option
    assert then == ["RightToLeft", "True", "fusion"]


def test_the_view_is_right_to_left_and_justified_without_naming_qt_enums(qtbot):
    """The view's settings are written by name and its paragraphs' formats as int properties
    (see ``_RIGHT_TO_LEFT``): the values must be Qt's."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextBlockFormat

    from reader.ui import article_view
    from reader.ui.article_view import ArticleView

    assert article_view._RIGHT_TO_LEFT == Qt.LayoutDirection.RightToLeft.value
    assert article_view._ALIGN_JUSTIFY == Qt.AlignmentFlag.AlignJustify.value
    view = ArticleView()
    qtbot.addWidget(view)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse and flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not flags & Qt.TextInteractionFlag.TextEditable
    view.set_text("English first, then Persian.\nسلام دنیا\n\n«نقل‌قول» و ۱۲۳")
    block = view.document().firstBlock()
    count = 0
    while block.isValid():
        fmt: QTextBlockFormat = block.blockFormat()
        assert fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert fmt.alignment() == Qt.AlignmentFlag.AlignJustify
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft  # even the English paragraph
        count += 1
        block = block.next()
    assert count == 4


def test_the_viewport_size_is_known_without_asking_for_the_viewport(qtbot):
    """``_viewport_size`` stands for ``viewport().size()`` (whose first call builds every QtWidgets
    class): the same at any size, a long text (scroll bar in use) or a short one."""
    from reader.ui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.show()
    for text, size in (("کوتاه", (300, 200)), ("سطری بلند " * 4000, (817, 433)), ("", (1400, 900))):
        view.set_text(text)
        view.resize(*size)
        qtbot.waitUntil(lambda: view.viewport().size() == view._viewport_size())
        assert view.viewport().size() == view._viewport_size()


def test_document_painted_comes_once_per_text_after_its_first_paint(qtbot):
    from reader.ui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    painted: list[str] = []
    view.documentPainted.connect(lambda: painted.append(view.toPlainText()))
    view.set_text("نخست")
    with qtbot.waitSignal(view.documentPainted):
        view.show()
    view.viewport().repaint()
    assert painted == ["نخست"]
    with qtbot.waitSignal(view.documentPainted):
        view.set_text("دوم")
    assert painted == ["نخست", "دوم"]


def test_after_the_rest_is_built_the_view_keeps_its_text_and_scroll_position(qtbot, isolated_settings, tmp_path):
    """Nothing is swapped or reloaded when the window completes and the analysis arrives: the
    reader who scrolled during those milliseconds stays where they were."""
    from reader.core.loading import load_document
    from reader.ui.launch import load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join(f"بند {i}: " + "پوتین در سفر به کره شمالی گفت. " * 12 for i in range(60)),
                       encoding="utf-8")
    document = load_document(str(article))
    backend = FakeBackend()
    window = MainWindow(isolated_settings, backend, language="fa", warm_up=False, first_frame_only=True)
    qtbot.addWidget(window)
    window.show_text_early(str(article), document.text, document.blocks, document)
    window.resize(900, 600)
    with qtbot.waitSignal(window.view.documentPainted):
        window.show()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    scrolled, font = bar.value(), window.view.font()
    assert scrolled > 0
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.on_first_frame_painted()
    assert window._built and window.document_ is document
    assert window.view.toPlainText() == document.text
    assert bar.value() == scrolled
    assert window.view.font() == font and window.view.font().family() == "Vazirmatn"
    window.runner.cancel_all()
    window.runner.wait()


def test_a_file_too_big_for_the_first_frame_is_read_off_the_gui_thread(qtbot, isolated_settings, tmp_path):
    import threading

    from reader.ui.launch import EARLY_LOAD_BYTES, _load_early, load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    big = tmp_path / "big.txt"
    big.write_text("سلام دنیا. " * (EARLY_LOAD_BYTES // 10), encoding="utf-8")
    assert big.stat().st_size > EARLY_LOAD_BYTES
    threads: list[bool] = []

    class Recording(FakeBackend):
        def load_document(self, path):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread() is threading.main_thread())
            return super().load_document(path)

    window = MainWindow(isolated_settings, Recording(), language="fa", warm_up=False, first_frame_only=True)
    qtbot.addWidget(window)
    assert _load_early(window, str(big)) is None and threads == []  # not read before the first frame
    window.open_path(str(big))
    with qtbot.waitSignal(window.ready, timeout=20000):
        window.show()
    assert threads == [False]  # read once, by the task runner's thread
    assert window.view.toPlainText().startswith("سلام دنیا.")
    window.runner.cancel_all()
    window.runner.wait()


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_a_mentions_tooltip_shows_over_it_and_nothing_elsewhere(qtbot):
    """Tooltips come from an event filter on the viewport, installed with the first annotations."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from reader.core.document import Annotations, Entity, Span
    from reader.ui.article_view import ArticleView

    text = "دیروز پوتین به پیونگ‌یانگ رفت و سخنی نگفت."
    start = text.index("پوتین")
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "پوتین", mentions=(Span(start, start + 5),)),))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    with qtbot.waitSignal(view.highlightingFinished):
        view.set_annotations(ann)

    def hover(cp: int) -> None:
        cursor = view.textCursor()
        cursor.setPosition(view.utf16_map().to_utf16(cp))
        rect = view.cursorRect(cursor)
        pos = QPoint(rect.center().x() - 3, rect.center().y())  # inside the letter after cp (RTL)
        QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))

    hover(start + 2)
    assert QToolTip.isVisible() and QToolTip.text() == view.tooltip_text(ann.entities[0])
    hover(text.index("سخنی") + 1)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # hidden (after Qt's short fade)
