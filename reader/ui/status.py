"""The status bar as one state machine: what the window is doing, a passing note, progress and its buttons.

Every message the status bar shows comes from here. The window moves the *phase* (warming up,
opening, analysing, ready, cancelled, failed, empty); each phase has one lasting line. A *note*
(an entity's name and count, «۳ از ۷», a saved file's name) shows over it, for a while or until
the next note or phase, and then the phase's line comes back, so no stale «در حال باز کردن…» is
left behind once the article is on screen.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from reader.ui.i18n import number


class Phase(Enum):
    """What the window is doing with its article."""

    IDLE = "idle"  # nothing open yet, nothing running
    WARMING = "warming"  # the analyser is loading
    OPENING = "opening"
    ANALYSING = "analysing"
    READY = "ready"  # the article and its annotations are shown
    CANCELLED = "cancelled"  # the analysis was stopped: the text is shown without annotations
    FAILED = "failed"  # opening or analysing failed
    EMPTY = "empty"  # the file holds no text


# Phases after which the article can be analysed again from the status bar.
REANALYSABLE = {Phase.CANCELLED, Phase.FAILED}


class StatusLine(QObject):
    """The window's status bar: a phase line, notes over it, progress with Cancel, «تحلیل دوباره».

    Signals:
        cancelRequested(): the Cancel button was pressed.
        reanalyseRequested(): the «تحلیل دوباره» button was pressed.
        changed(str): the line shown changed (its new text).
    """

    cancelRequested = Signal()
    reanalyseRequested = Signal()
    changed = Signal(str)

    def __init__(self, bar: QStatusBar, language: str = "fa") -> None:
        # Not imported with the module, which the window imports before its first frame: that frame
        # names no enum of the ``Qt`` namespace (see reader.ui.article_view).
        from PySide6.QtCore import Qt

        super().__init__(bar)
        self._language = language
        self.phase = Phase.IDLE
        self._phase_text = ""
        self._note = ""
        self.can_reanalyse = False
        self.label = QLabel(bar)
        self.label.setObjectName("statusLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # Persian reads from the right whatever the message's own script: an English reason
        # would otherwise pull its line to the left edge.
        if language == "fa":
            self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                    | Qt.AlignmentFlag.AlignVCenter)
        self.stage = QLabel(bar)
        self.stage.setObjectName("progressStage")
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("progressBar")
        # The stage is the label beside the bar; the bar carries only its percentage, so the fill
        # never runs over words.
        self.progress.setMinimumWidth(140)
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton(self.tr("لغو"), bar)
        self.cancel_button.setToolTip(self.tr("کار در جریان را متوقف کن"))
        self.reanalyse_button = QPushButton(self.tr("تحلیل دوباره"), bar)
        self.reanalyse_button.setObjectName("reanalyseButton")
        self.reanalyse_button.setToolTip(self.tr("متن باز را دوباره تحلیل کن (F5)"))
        bar.addWidget(self.label, 1)
        for widget in (self.stage, self.progress, self.cancel_button, self.reanalyse_button):
            bar.addPermanentWidget(widget)
        for widget in (self.stage, self.progress, self.cancel_button, self.reanalyse_button):
            widget.hide()
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.reanalyse_button.clicked.connect(self.reanalyseRequested)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer_timeout)

    # ------------------------------------------------------------------ the line

    def set_phase(self, phase: Phase, text: str = "", can_reanalyse: bool | None = None) -> None:
        """Enter ``phase`` with its lasting line ``text``; any note is dropped."""
        self.phase = phase
        self._phase_text = text
        self._note = ""
        self._timer.stop()
        self.can_reanalyse = phase in REANALYSABLE if can_reanalyse is None else can_reanalyse
        self.reanalyse_button.setVisible(self.can_reanalyse)
        self._show()

    def snapshot(self) -> tuple[Phase, str, bool]:
        """The phase, its line and whether it offers «تحلیل دوباره» (to ``restore`` later)."""
        return self.phase, self._phase_text, self.can_reanalyse

    def restore(self, saved: tuple[Phase, str, bool]) -> None:
        self.set_phase(saved[0], saved[1], saved[2])

    def note(self, text: str, msecs: int = 0) -> None:
        """Show ``text`` over the phase's line, for ``msecs`` (0: until the next note or phase)."""
        self._note = text
        self._timer.stop()
        if msecs:
            self._timer.start(msecs)
        self._show()

    def text(self) -> str:
        """The line on screen."""
        return self.label.text()

    def _show(self) -> None:
        text = self._note or self._phase_text
        if text != self.label.text():
            self.label.setText(text)
            self.changed.emit(text)

    @Slot()
    def on_timer_timeout(self) -> None:
        self._note = ""
        self._show()

    # ------------------------------------------------------------------ progress

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Show work running: its stage in words and, when known, how far along it is."""
        self.stage.setText(stage)
        if total > 0:
            percent = max(0, min(100, round(100 * done / total)))
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
            self.progress.setFormat(self.tr("%1٪").replace("%1", number(percent, self._language))
                                    if self._language == "fa" else f"{percent}%")
        else:
            self.progress.setRange(0, 0)  # busy: Qt animates it
            self.progress.setFormat("")
        for widget in (self.stage, self.progress, self.cancel_button):
            widget.show()
        self.reanalyse_button.hide()

    def hide_progress(self) -> None:
        for widget in (self.stage, self.progress, self.cancel_button):
            widget.hide()
        self.reanalyse_button.setVisible(self.can_reanalyse)

    def progress_text(self) -> str:
        """The stage and the percentage as the reader sees them (for tests)."""
        return f"{self.stage.text()} {self.progress.text()}".strip()

