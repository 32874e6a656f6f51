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
        window.show_text_early(str(SAMPLE_PATH), document)
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
