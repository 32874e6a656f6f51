"""Starting the GUI: application, language and direction, fonts, theme, the window, then the file.

Nothing slow is imported here: the window paints first, and the NLP stack loads
in the background through the task runner.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from reader.core.resources import resource_path
from reader.ui import i18n
from reader.ui.settings import Settings

APP_ID = "io.github.khana.Khana"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")


def load_fonts() -> str | None:
    """Register the bundled Vazirmatn faces; returns the family name (None if missing)."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = family or (families[0] if families else None)
    return family


# How long a thread running Python keeps the GIL from the GUI thread (CPython's default: 5 ms).
SWITCH_INTERVAL_S = 0.001


def prepare_application(argv: list[str] | None = None, first_frame: bool = False) -> tuple[QApplication, Settings, str]:
    """The QApplication with names, language, direction, translators and the Vazirmatn UI font.

    ``first_frame``: only what the window's first frame shows; ``finish_application`` does the
    rest (the layout direction) once that frame is painted.
    """
    # The task runner's threads run Python (decoding a file; building a 5 MB article's annotations
    # from the analysis process's pieces takes ~160 ms). The GUI thread gives the GIL up in every
    # Qt call, and each time waited up to a switch interval to get it back: a slice of
    # highlighting was blocked 40-70 ms while a result was handed over.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion from the start, by Qt's own option: the window uses no other style (reader.ui.theme).
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    QCoreApplication.setOrganizationName("Khana")
    QCoreApplication.setApplicationName("Khana")
    app.setDesktopFileName(APP_ID)
    settings = Settings()
    language = i18n.choose_language(settings.language())
    app._khana_translators = i18n.install(app, language)  # type: ignore[attr-defined]
    family = load_fonts()
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    if not first_frame:
        finish_application(app, language)
    return app, settings, language


def finish_application(app: QApplication, language: str) -> None:
    """What ``prepare_application(first_frame=True)`` left for after the first frame."""
    # The first value of any enum of Qt's ``Qt`` namespace that reaches Python makes PySide6 build
    # all 93 of its enum classes (~12 ms), and the first frame uses none: the article view sets
    # its own direction (reader.ui.article_view), and the window shows nothing else yet.
    app.setLayoutDirection(QLocale(language).textDirection())


class _Timings(QObject):
    """Records first paint, text shown and ready, writes them, and ends the run when asked to.

    ``text-shown`` is when the article's first screen of text has been painted: the end of the
    first paint of the article view's viewport after the window put the text in it, not an empty
    window's first paint.
    """

    def __init__(self, app: QApplication, started: float, path: str | None, exit_when_ready: bool) -> None:
        super().__init__(app)
        self.app, self.started, self.path, self.exit_when_ready = app, started, path, exit_when_ready
        self.first_paint: float | None = None
        self.text_shown: float | None = None
        self.text_shown_cpu: float | None = None  # this process's CPU seconds by then, start-up included
        self.ready: float | None = None
        self._view: Any = None

    def watch_text(self, view: Any) -> None:
        """Time the first paint of ``view``'s text (its ``documentPainted``) after ``on_window_documentShown``."""
        self._view = view

    @Slot()
    def on_window_firstPainted(self) -> None:
        if self.first_paint is None:
            self.first_paint = time.perf_counter() - self.started

    @Slot()
    def on_window_documentShown(self) -> None:
        if self.text_shown is None and self._view is not None:
            self._view.documentPainted.connect(self.on_view_documentPainted)

    @Slot()
    def on_view_documentPainted(self) -> None:
        # Emitted once the viewport's paint is done: the text is on it (not when the loop next turns).
        if self.text_shown is None:
            self.text_shown = time.perf_counter() - self.started
            self.text_shown_cpu = time.process_time()
            self._view.documentPainted.disconnect(self.on_view_documentPainted)

    @Slot()
    def on_window_ready(self) -> None:
        self.ready = time.perf_counter() - self.started
        if self.exit_when_ready:
            self.app.exit(0)

    @Slot(str)
    def on_window_loadFailed(self, message: str) -> None:
        if self.exit_when_ready:
            print(f"khana: {message}", file=sys.stderr)
            self.app.exit(2)

    def write(self, target: str) -> None:
        lines = []
        if self.first_paint is not None:
            lines.append(f"first-paint {self.first_paint:.3f}")
        if self.text_shown is not None:
            lines.append(f"text-shown {self.text_shown:.3f}")
        if self.ready is not None:
            lines.append(f"ready {self.ready:.3f}")
        if self.text_shown_cpu is not None:
            lines.append(f"text-shown-cpu {self.text_shown_cpu:.3f}")
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")


# Files up to this size are read before the first frame, so that frame shows their text: a news
# article is a few kilobytes, read in a millisecond or two. A larger file is read off the GUI
# thread after the window is up, as any file opened later is.
EARLY_LOAD_BYTES = 256 * 1024


def _load_early(window: Any, path: str) -> tuple[str, tuple[Any, ...], Any] | None:
    """``path``'s text, headings and Document (None for a plain text: read after the first frame)
    when it is small and loads cleanly, else None (it then opens the usual way)."""
    try:
        if os.path.getsize(path) > EARLY_LOAD_BYTES:
            return None
        path = os.path.abspath(path)
        # A plain text (the usual article) by the loader's own steps, without its Document: the data
        # model's module and datetime are ~6 ms the first frame does without. Other kinds as before.
        text = window.backend.load_plain_text(path)
        if text is not None:
            return text, (), None
        document = window.backend.load_document(path)
        return document.text, document.blocks, document
    except Exception:  # noqa: BLE001 - the usual way reports the failure, in the window
        return None


def run_gui(path: str | None, *, exit_when_ready: bool = False, timings: str | None = None, started: float) -> int:
    """Show the reading window (opening ``path``) and run until it closes; the exit code."""
    app, settings, language = prepare_application(first_frame=True)
    from reader.ui.main_window import MainWindow

    # The first frame holds the article view and, for a file small enough to read at once, its
    # text; the rest of the window is built right after that frame (MainWindow.first_frame_only).
    window = MainWindow(settings, language=language, first_frame_only=True)
    # Connected first: this zero-timer is queued before the one the window starts (after it emits
    # firstPainted) to build the rest, so menus and docks are made in the final direction.
    window.firstPainted.connect(lambda: QTimer.singleShot(0, lambda: finish_application(app, language)))
    window.quiet_errors = exit_when_ready  # type: ignore[attr-defined]
    timer = _Timings(app, started, path, exit_when_ready)
    window.firstPainted.connect(timer.on_window_firstPainted)
    window.firstPainted.connect(gc.enable)  # off since reader.app's main, for the first frame
    timer.watch_text(window.view)
    window.documentShown.connect(timer.on_window_documentShown)
    window.ready.connect(timer.on_window_ready)
    window.loadFailed.connect(timer.on_window_loadFailed)
    window.analysisFailed.connect(timer.on_window_loadFailed)
    early = _load_early(window, path) if path else None
    if path and early is not None:
        window.show_text_early(path, *early)
    window.show()
    if path and early is None:
        window.open_path(path)
    elif not path and exit_when_ready:
        print("khana: --exit-when-ready needs a file", file=sys.stderr)
        return 2
    code = app.exec()
    if exit_when_ready:
        window.runner.cancel_all()
        window.runner.wait()
    if timings:
        timer.write(timings)
    return code
