"""The find bar (Ctrl+F): Persian-aware search over the article with a match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.text.search import SearchIndex, next_match
from reader.ui.i18n import number
from reader.ui.tasks import TaskRunner

# Past this many characters (~200 kB of Persian in UTF-8) the index is built on the task
# runner, not in the GUI thread; below it building takes a few milliseconds.
ASYNC_INDEX_CHARS = 100_000


class _QueryEdit(QLineEdit):
    """The query field: Enter finds the next match, Shift+Enter the previous, Escape closes.

    Signals:
        stepRequested(bool): True for backward.
        closeRequested(): Escape.
    """

    stepRequested = Signal(bool)
    closeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.stepRequested.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Search field, previous/next buttons and «۳ از ۷».

    Signals:
        matchesChanged(object, int): all matches (code-point spans) and the current index (-1: none).
        closed(): the bar was closed.
    """

    matchesChanged = Signal(object, int)
    closed = Signal()

    def __init__(self, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._language = language
        self._index: SearchIndex | None = None
        self._text = ""
        self._runner: TaskRunner | None = None
        self._indexing = False
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._position = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.edit = _QueryEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(self.tr("جست‌وجو در متن…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.on_text_changed)
        self.edit.stepRequested.connect(self.on_step_requested)
        self.edit.closeRequested.connect(self.on_close_requested)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("قبلی"))
        self.previous_button.setToolTip(self.tr("مورد قبلی (Shift+Enter)"))
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("بعدی"))
        self.next_button.setToolTip(self.tr("مورد بعدی (Enter)"))
        self.next_button.clicked.connect(self.on_next_clicked)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(90)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("بستن (Esc)"))
        close.clicked.connect(self.on_close_requested)
        for widget in (self.edit, self.previous_button, self.next_button, self.count_label, close):
            layout.addWidget(widget)
        self.edit.setMinimumWidth(260)
        layout.addStretch(1)

    def set_runner(self, runner: TaskRunner) -> None:
        """Build the index of a long text with ``runner`` (off the GUI thread)."""
        self._runner = runner

    def set_text(self, text: str) -> None:
        """Search this text from now on (the index is built on the first query)."""
        self._index = None
        self._text = text
        self._indexing = False
        if self._runner is not None:
            self._runner.cancel("find-index")
        self._refresh()

    def indexing(self) -> bool:
        """True while a long text's index is being built in the background."""
        return self._indexing

    def _start_indexing(self) -> None:
        assert self._runner is not None
        text = self._text
        self._indexing = True
        self._runner.submit("find-index", lambda job: SearchIndex.build(text),
                            lambda index: self.on_index_built(text, index),
                            lambda _error: self.on_index_failed(),
                            label=self.tr("در حال آماده‌سازی جست‌وجو…"))

    def on_index_built(self, text: str, index: object) -> None:
        if text is not self._text or not isinstance(index, SearchIndex):
            return
        self._index = index
        self._indexing = False
        self._refresh()

    def on_index_failed(self) -> None:
        self._indexing = False
        self._show_count()

    def set_position(self, cp: int) -> None:
        """Where the reader is: the next match is searched from here."""
        self._position = cp

    def open(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self._refresh()

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current(self) -> int:
        return self._current

    def _refresh(self) -> None:
        query = self.edit.text()
        text = self._text
        if self._index is None and query and text:
            if self._runner is not None and len(text) > ASYNC_INDEX_CHARS:
                if not self._indexing:
                    self._start_indexing()
                # The query is kept; the matches come when the index is ready.
                self._matches, self._current = [], -1
                self.count_label.setText(self.tr("در حال آماده‌سازی…"))
                self.matchesChanged.emit(self._matches, self._current)
                return
            self._index = SearchIndex.build(text)
        if not query or not text or self._index is None:
            self._matches, self._current = [], -1
        else:
            self._matches = self._index.find_all(query)
            self._current = -1
            if self._matches:
                found = next_match(self._matches, self._position - 1)
                self._current = found if found is not None else -1
        self._show_count()
        self.matchesChanged.emit(self._matches, self._current)

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(self.tr("پیدا نشد"))
        else:
            self.count_label.setText(
                self.tr("%1 از %2").replace("%1", number(self._current + 1, self._language)).replace(
                    "%2", number(len(self._matches), self._language)
                )
            )

    def step(self, backward: bool = False) -> None:
        if not self._matches:
            return
        if self._current < 0:
            found = next_match(self._matches, self._position, backward)
            self._current = found if found is not None else 0
        else:
            self._current = (self._current + (-1 if backward else 1)) % len(self._matches)
        self._position = self._matches[self._current][0]
        self._show_count()
        self.matchesChanged.emit(self._matches, self._current)

    @Slot(str)
    def on_text_changed(self, _text: str) -> None:
        self._refresh()

    @Slot(bool)
    def on_step_requested(self, backward: bool) -> None:
        self.step(backward)

    @Slot()
    def on_next_clicked(self) -> None:
        self.step(False)

    @Slot()
    def on_previous_clicked(self) -> None:
        self.step(True)

    @Slot()
    def on_close_requested(self) -> None:
        self.hide()
        self.edit.clear()
        self.closed.emit()

