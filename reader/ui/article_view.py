"""The article view: the text the user reads, with entities, quotes and dates highlighted.

The view is built from plain text (never from the article's HTML) and loads no
external resource. Annotations are code-point offsets; Qt counts UTF-16 code
units, so every offset goes through ``Utf16Map`` (an emoji before a mention
would otherwise shift it by one). Type highlights are document formats applied
in time-boxed chunks, so even a multi-megabyte article keeps the window
responsive; the selected entity, find matches and the current mention are
extra selections on top.
"""

from __future__ import annotations

import bisect
import re
import time
from typing import Iterable, Iterator

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QSizeF, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.document import ENTITY_TYPES, Annotations, Entity, Span
from reader.ui.entity_types import type_label
from reader.ui.i18n import PERSIAN_DIGITS
from reader.ui.slices import Task
from reader.ui.theme import LIGHT, Theme

BASE_POINT_SIZE = 15
# Vazirmatn's own line is ~1.5 em tall; 120% of it gives the ~1.8 em leading Persian reads best in.
LINE_HEIGHT_PERCENT = 120
# Texts up to this long go into the view in one go (~15 ms); longer ones in pieces of this size.
SYNC_TEXT_CHARS = 300_000
INSERT_PIECE_CHARS = 50_000
# Up to this many highlights are prepared in one go; more are collected in slices.
SYNC_RUNS = 5_000
MAX_VISIBLE_BLOCKS = 200
# One relayout call covers about this much time's worth of text.
LAYOUT_SLICE_MS = 5
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A paragraph is laid out whole: one of a million characters (a text saved without line
# breaks) froze the window for half a second. Longer paragraphs are shown in pieces of at
# most this many characters, broken at a space, after a sentence's end where there is one.
MAX_BLOCK_CHARS = 4000
_LONG_PARAGRAPH = re.compile(f"^[^\n]{{{MAX_BLOCK_CHARS + 1},}}", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?؟…»][ ]")


class Utf16Map:
    """Converts between code-point offsets (``Document.text``) and UTF-16 positions (Qt)."""

    def __init__(self, text: str) -> None:
        # Counting UTF-16 units is a copy (~6 ms on 5 MB); the regular expression scans code point
        # by code point (~50 ms), so it only runs when there is something to find.
        extra = len(text.encode("utf-16-le", "surrogatepass")) // 2 - len(text)
        astral = [m.start() for m in _ASTRAL.finditer(text)] if extra else []
        self._astral = astral
        # UTF-16 index just after the high surrogate of each astral character.
        self._after_high = [cp + i + 1 for i, cp in enumerate(astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self._astral, cp)

    def to_code_point(self, pos: int) -> int:
        """The code point at (or, inside a surrogate pair, holding) UTF-16 position ``pos``."""
        return pos - bisect.bisect_right(self._after_high, pos)


class _Renderer(QObject):
    """Puts a long text into the view and its highlights onto it a slice of work at a time.

    Qt would otherwise stall the window in three places on a multi-megabyte article: inserting
    the text into a document the view already lays out, laying it out (its lazy layout grows
    to 200 000 characters a step), and re-laying out every paragraph a format touches. So the
    text goes into a detached document first (in pieces), which the view then adopts; and the
    highlights are not document formats but each block's own layout formats (what
    QSyntaxHighlighter uses), set block by block, visible blocks first. Marking a run of blocks
    dirty makes Qt lay them out (and the text before them, in small steps) at once, so walking
    the blocks in order also paces the layout of the whole text. Every slice is timed,
    relayout included, against the budget the side panels' filling shares (``reader.ui.slices``),
    and few Qt calls are made per block: each call that gives up the GIL may wait a switch
    interval to get it back while another thread runs Python.

    Signals:
        documentReady(QTextDocument): the text is built; the view should show this document.
        finished(): every block has the formats of the current pass.
    """

    documentReady = Signal(QTextDocument)
    finished = Signal()

    def __init__(self, view: "ArticleView") -> None:
        super().__init__(view)
        self._view = view
        # Slices share the application's budget with the side panels' filling (reader.ui.slices).
        self._task = Task(self._slice, self._on_task_done)
        self._completed = False  # the last pass reached the last block
        # The document being built, and how much of its text is in.
        self._building: QTextDocument | None = None
        self._pending_text = ""
        self._offset = 0
        # The formats: runs sorted by start (UTF-16), their starts, the longest run.
        self._runs: list[tuple[int, int, int, QTextCharFormat]] = []
        self._starts: list[int] = []
        self._longest = 0
        # Runs still being collected (a long article has tens of thousands), in slices.
        self._source: Iterator[tuple[int, int, int, QTextCharFormat]] | None = None
        self._collected: list[tuple[int, int, int, QTextCharFormat]] = []
        self._sorted = False
        self._visible_pending = False
        # Per block number: UTF-16 start (one more entry: the end), the pass it was last brought
        # up to date in, and the runs it shows.
        self._block_starts: list[int] = [0, 1]
        self._pass = 0
        self._done: list[int] = []
        self._applied: list[tuple[tuple[int, int, int], ...]] = []
        self._next = 0
        self._relayout = False  # the current pass also lays out every block it visits
        self._batch_chars = 2000  # how much text one relayout call covers (adapts to ~5 ms)
        self.longest_chunk_ms = 0

    # ------------------------------------------------------------------ building the document

    def build(self, document: QTextDocument, text: str) -> None:
        """Insert ``text`` into the detached ``document``, at once when short, else in pieces."""
        self._task.stop()
        self._building, self._pending_text, self._offset = document, text, 0
        if len(text) <= SYNC_TEXT_CHARS:
            self._insert(len(text))
            self._adopt()
        else:
            self._task.start()

    def building(self) -> bool:
        return self._building is not None

    def _insert(self, count: int) -> None:
        assert self._building is not None
        cursor = QTextCursor(self._building)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        # insertText turns "\n" into block separators that inherit the first block's format.
        cursor.insertText(self._pending_text[self._offset : self._offset + count])
        self._offset += count

    def _adopt(self) -> None:
        document = self._building
        assert document is not None
        text = self._pending_text
        self._building, self._pending_text = None, ""
        count = document.blockCount()
        starts = _block_starts(text, self._view.utf16_map())
        if len(starts) != count + 1 or starts[-1] != document.characterCount():
            # The text has separators insertText treats differently; ask the document instead.
            starts = []
            block = document.begin()
            while block.isValid():
                starts.append(block.position())
                block = block.next()
            starts.append(document.characterCount())
        self._block_starts = starts
        self._done = [-1] * count
        self._applied = [()] * count
        self._relayout = True
        # A layout made for a document with no page size lays out nothing (a default QSizeF(-1, -1)
        # page laid the text out unwrapped: 70-100 ms on 5 MB), and setDocument costs the same
        # (~45 ms, the first screen) either way: it sets the view's width and lays out anew.
        document.setPageSize(QSizeF(0, 0))
        document.documentLayout()
        self.documentReady.emit(document)
        # setDocument alone takes a while on a long text: the first blocks wait for the next slice.
        self.restart(now=False)

    # ------------------------------------------------------------------ formats

    def set_runs(self, runs: Iterable[tuple[int, int, int, QTextCharFormat]], reset: bool = False,
                 restart: bool = True, at_once: bool = True) -> None:
        """Show these (start, end, precedence, format) runs from now on; ``reset`` re-applies all.

        Unless ``at_once``, the runs are collected a slice at a time before any block uses them.
        """
        self._source, self._collected, self._sorted = iter(runs), [], False
        if at_once:
            self._collect(float("inf"))
        if reset:
            self._applied = [((-1, -1, -1),)] * len(self._applied)
        if restart:
            self.restart()

    def _collect(self, deadline: float) -> bool:
        """Take runs from the source until ``deadline``; True once all are in (and sorted).

        Sorting and indexing tens of thousands of runs take a slice each of their own.
        """
        source, collected = self._source, self._collected
        if source is None:
            return True
        for count, run in enumerate(source):
            collected.append(run)
            if count % 256 == 255 and time.perf_counter() >= deadline:
                return False
        if not self._sorted:
            collected.sort(key=lambda r: r[0])
            self._sorted = True
            if time.perf_counter() >= deadline:
                return False
        self._runs = collected
        self._starts = [r[0] for r in collected]
        self._longest = max((r[1] - r[0] for r in collected), default=0)
        self._source, self._collected, self._sorted = None, [], False
        return True

    def relayout(self) -> None:
        """The whole text is laid out again (new width or font): walk it in small steps."""
        self._relayout = True
        self.restart()

    def restart(self, now: bool = True) -> None:
        """Start a new pass over every block, the visible ones first (``now``, or in the next slice)."""
        self._pass += 1
        self._next = 0
        if self._building is None:
            self._visible_pending = not now
            if now:
                self.update_visible()
            self._task.start()

    def busy(self) -> bool:
        return self._task.active()

    def _document(self) -> QTextDocument | None:
        """The view's document, once it is the one the per-block state was made for."""
        document = self._view.document()
        if self._building is not None or document.blockCount() != len(self._done):
            return None
        return document

    def _block_runs(self, number: int) -> tuple[tuple[int, int, int], ...]:
        start = self._block_starts[number]
        end = self._block_starts[number + 1]
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        found = []
        runs = self._runs
        for i in range(first, last):
            r_start, r_end, precedence, _fmt = runs[i]
            if r_end > max(r_start, start):
                lo = max(r_start, start) - start
                found.append((precedence, lo, min(r_end, end) - start - lo, i))
        # Qt merges overlapping ranges in list order: quotes, then dates, then entities on top.
        found.sort()
        return tuple((lo, length, i) for _p, lo, length, i in found)

    def _set_formats(self, document: QTextDocument, number: int) -> bool:
        """Give block ``number`` its formats; True when they changed (it must be laid out again)."""
        wanted = self._block_runs(number)
        if wanted == self._applied[number]:
            return False
        ranges = []
        for lo, length, i in wanted:
            fmt_range = QTextLayout.FormatRange()
            fmt_range.start, fmt_range.length, fmt_range.format = lo, length, self._runs[i][3]
            ranges.append(fmt_range)
        # setFormats only notes the change; the caller's markContentsDirty lays the block out.
        document.findBlockByNumber(number).layout().setFormats(ranges)
        self._applied[number] = wanted
        return True

    def _walk(self, document: QTextDocument, first: int, last: int, deadline: float) -> int:
        """Bring blocks ``first``..``last`` up to date until ``deadline``; the next block to visit.

        Changed (or, in a relayout pass, all) blocks are laid out in runs of about
        ``_batch_chars`` characters, one Qt call a run.
        """
        done, current, starts = self._done, self._pass, self._block_starts
        run_from = -1  # first block of the run waiting to be laid out
        number = first
        while number <= last:
            if done[number] != current:
                changed = self._set_formats(document, number)
                done[number] = current
                if changed or self._relayout:
                    if run_from < 0:
                        run_from = number
                elif run_from >= 0:
                    self._lay_out(document, run_from, number)
                    run_from = -1
            number += 1
            if run_from >= 0 and starts[number] - starts[run_from] >= self._batch_chars:
                self._lay_out(document, run_from, number)
                run_from = -1
            if time.perf_counter() >= deadline:
                break
        if run_from >= 0:
            self._lay_out(document, run_from, number)
        return number

    def _lay_out(self, document: QTextDocument, first: int, end: int) -> None:
        """Lay out blocks ``first`` up to (not including) ``end``; adapt the run length to ~5 ms."""
        start = self._block_starts[first]
        length = self._block_starts[end] - start
        began = time.perf_counter()
        document.markContentsDirty(start, length)
        spent = (time.perf_counter() - began) * 1000
        if length >= self._batch_chars // 2:
            rate = length / max(spent, 0.5)
            self._batch_chars = int(min(100_000, max(500, rate * LAYOUT_SLICE_MS)))

    def update_visible(self) -> None:
        """Bring the blocks on screen up to date now (after a scroll, before they are painted)."""
        document = self._document()
        if document is None or self._source is not None:
            return
        first, last = self._view.visible_block_numbers()
        last = min(last, len(self._done) - 1)
        self._walk(document, max(0, first), last, float("inf"))

    def _slice(self, deadline: float) -> bool:
        """One slice of the work, until ``deadline``; True when there is none left."""
        began = time.perf_counter()
        if self._building is not None:
            while self._offset < len(self._pending_text) and time.perf_counter() < deadline:
                self._insert(INSERT_PIECE_CHARS)
            if self._offset >= len(self._pending_text):
                self._adopt()
            self._note(began)
            return False
        document = self._document()
        if document is None:
            # Someone replaced the text behind our back: start again on what is shown.
            self._completed = False
            return True
        if self._source is not None:
            self._visible_pending = self._collect(deadline)
            self._note(began)
            return False
        if self._visible_pending:
            self._visible_pending = False
            self.update_visible()
        self._next = self._walk(document, self._next, len(self._done) - 1, deadline)
        self._note(began)
        if self._next >= len(self._done):
            self._relayout = False
            self._completed = True
            return True
        return False

    def _on_task_done(self) -> None:
        # Out of the scheduler by now, so a slot that starts another pass starts it for good.
        if self._completed:
            self._completed = False
            self.finished.emit()

    def _note(self, began: float) -> None:
        self.longest_chunk_ms = max(self.longest_chunk_ms, int((time.perf_counter() - began) * 1000))

    def format_at(self, u16: int) -> QTextCharFormat:
        """The highlight painted at UTF-16 position ``u16`` (the block's formats merged in order)."""
        block = self._view.document().findBlock(u16)
        merged = QTextCharFormat()
        if not block.isValid():
            return merged
        offset = u16 - block.position()
        for fmt_range in block.layout().formats():
            if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
                merged.merge(fmt_range.format)
        return merged


def display_text(text: str) -> str:
    """``text`` with a space turned into a line break every ``MAX_BLOCK_CHARS`` or so in very
    long paragraphs, so that no block is too long to lay out at once.

    The length stays the same, so every offset into ``text`` is the same offset into the
    result; a stretch of that length with no space at all is left whole.
    """
    n = len(text)
    if all(text.find("\n", p, p + MAX_BLOCK_CHARS) >= 0 for p in range(0, n - MAX_BLOCK_CHARS, MAX_BLOCK_CHARS)):
        # A line break in every stretch of MAX_BLOCK_CHARS: no paragraph reaches twice that
        # (the usual case, found in about a millisecond on 5 MB, where a full scan takes 35 ms).
        return text
    breaks: list[int] = []
    for paragraph in _LONG_PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        while end - start > MAX_BLOCK_CHARS:
            low, high = start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS
            cut = -1
            for m in _SENTENCE_END.finditer(text, low, high):
                cut = m.end() - 1  # the space after the last sentence end in the window
            if cut < 0:
                cut = text.rfind(" ", low, high)
            if cut < 0:
                cut = text.find(" ", high, end)
                if cut < 0:
                    break
            breaks.append(cut)
            start = cut + 1
    if not breaks:
        return text
    pieces: list[str] = []
    previous = 0
    for cut in breaks:
        pieces.append(text[previous:cut])
        pieces.append("\n")
        previous = cut + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _block_starts(text: str, positions: Utf16Map) -> list[int]:
    """Where each paragraph of ``text`` starts once in a document (UTF-16), and the end."""
    to16 = positions.to_utf16
    starts = [0]
    starts.extend(to16(match.end()) for match in re.finditer("\n", text))
    starts.append(to16(len(text)) + 1)  # characterCount() counts the last separator
    return starts


class ArticleView(QTextBrowser):
    """A read-only, right-to-left view of one article and its annotations.

    Signals:
        entityClicked(str): a mention was clicked; the entity id.
        mentionClicked(int, int): the clicked mention's code-point span.
        addEntityRequested(int, int, str): mark the selected text (code points) as a new entity of a type.
        removeMentionRequested(int, int): take this mention off its entity.
        retypeMentionRequested(int, int, str): give this mention another type.
        attachMentionRequested(int, int, str): make this mention one of that entity's.
        highlightingFinished(): every highlight of the current annotations is on screen.
        zoomRequested(int): Ctrl+wheel asked for one step bigger (1) or smaller (-1).
    """

    entityClicked = Signal(str)
    mentionClicked = Signal(int, int)
    addEntityRequested = Signal(int, int, str)
    removeMentionRequested = Signal(int, int)
    retypeMentionRequested = Signal(int, int, str)
    attachMentionRequested = Signal(int, int, str)
    highlightingFinished = Signal()
    zoomRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Persian text reads right to left whatever the UI language is.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setMouseTracking(True)
        self.setAcceptDrops(False)  # the main window takes dropped files
        # A scroll bar that appeared with a long text narrowed the page, and Qt then laid the whole
        # text out again (a 130–650 ms freeze at the start of a 5 MB article): keep its place.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._theme: Theme = LIGHT
        self.language = "fa"  # the UI language (the window sets it): digits in tooltips follow it
        self._zoom = 0
        self._ann: Annotations | None = None
        self._text = ""
        self._map = Utf16Map("")
        # (start, end, entity id) of every mention, code points, sorted; made when first needed.
        self._spans: list[tuple[int, int, str]] | None = []
        self._starts: list[int] = []
        self._adopting = False
        self._hidden: set[str] = set()
        self._selected: str | None = None
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._pending_span: tuple[int, int] | None = None
        self._renderer = _Renderer(self)
        self._renderer.documentReady.connect(self.on_renderer_documentReady)
        self._renderer.finished.connect(self.on_renderer_finished)
        self.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self._apply_font()
        self._renderer.build(self._new_document(), "")

    # ------------------------------------------------------------------ content

    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 - Qt's signature
        """Never load anything: an article can't make the reader fetch or read a file."""
        return None

    def annotations(self) -> Annotations | None:
        return self._ann

    def utf16_map(self) -> Utf16Map:
        return self._map

    def set_text(self, text: str) -> None:
        """Show plain ``text`` with no annotations (e.g. while analysis runs).

        A long text appears a moment later (``documentShown``-style callers need not wait: the
        annotations given meanwhile are applied once it is in).
        """
        self._ann = None
        self._text = text
        self._spans, self._starts = [], []
        self._selected = None
        self._find, self._find_current = [], -1
        self._map = Utf16Map(text)
        self._pending_span = None
        self._renderer.set_runs([], restart=False)
        self._renderer.build(self._new_document(), display_text(text))

    def _new_document(self) -> QTextDocument:
        """An empty, detached document with the article's paragraph and line formatting."""
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(28)
        document.setDefaultFont(self._font())
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        block = QTextBlockFormat()
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(10)
        block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        QTextCursor(document).setBlockFormat(block)
        return document

    @Slot(QTextDocument)
    def on_renderer_documentReady(self, document: QTextDocument) -> None:
        # The previous document is the view's child, so setDocument deletes it.
        self._adopting = True
        self.setDocument(document)
        self._adopting = False
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_extra()
        if self._pending_span is not None:
            self.show_span(*self._pending_span)

    def visible_block_numbers(self) -> tuple[int, int]:
        """The first and last block numbers on screen (give or take one)."""
        document = self.document()
        layout = document.documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        # Hit testing a text Qt has not laid out that far lays out a lot; at the top there is no need.
        first = self.cursorForPosition(QPoint(0, 0)).blockNumber() if top > 0 else 0
        block = document.findBlockByNumber(max(0, first - 1))
        last = block.blockNumber()
        for _ in range(MAX_VISIBLE_BLOCKS):
            if not block.isValid() or layout.blockBoundingRect(block).top() > bottom:
                break
            last = block.blockNumber()
            block = block.next()
        return max(0, first - 1), last

    @Slot(int)
    def on_scrolled(self, _value: int) -> None:
        if not self._adopting:
            self._renderer.update_visible()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # A new width lays the whole text out again: walk it in small steps rather than Qt's big ones.
            self._renderer.relayout()
        elif not self._adopting:
            # A new height (the progress bar coming and going) changes no line: Qt keeps the layout,
            # and laying the text out again froze the window for 130–650 ms. Only blocks that
            # came into view may still lack their highlights. (A new document's visible blocks
            # are the renderer's next slice.)
            self._renderer.update_visible()

    def set_annotations(self, ann: Annotations, reset_text: bool | None = None) -> None:
        """Show ``ann``; the text is rebuilt only when it differs from what is shown."""
        if reset_text or (reset_text is None and self._text != ann.text):
            self.set_text(ann.text)
        self._ann = ann
        self._spans, self._starts = None, []
        if self._selected is not None and ann.entity(self._selected) is None:
            self._selected = None
        self._rehighlight()

    def _rehighlight(self, reset: bool = False) -> None:
        ann = self._ann
        count = len(ann.quotes) + len(ann.dates) + sum(len(e.mentions) for e in ann.entities) if ann else 0
        self._renderer.set_runs(self._runs(), reset, at_once=count <= SYNC_RUNS)
        self._update_extra()

    def _mention_spans(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        if self._spans is None:
            ann = self._ann
            spans = [(m.start, m.end, e.id) for e in ann.entities for m in e.mentions] if ann else []
            spans.sort()
            self._spans, self._starts = spans, [s[0] for s in spans]
        return self._spans, self._starts

    def _runs(self) -> Iterable[tuple[int, int, int, QTextCharFormat]]:
        ann = self._ann
        if ann is None:
            return
        to16 = self._map.to_utf16
        quote = QTextCharFormat()
        quote.setBackground(QColor(self._theme.quote))
        quote.setForeground(QColor(self._theme.quote_text))
        for q in ann.quotes:
            yield to16(q.start), to16(q.end), 0, quote
        if "DAT" not in self._hidden:
            date = QTextCharFormat()
            date.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            date.setUnderlineColor(QColor(self._theme.date_line))
            for d in ann.dates:
                yield to16(d.start), to16(d.end), 1, date
        formats: dict[str, QTextCharFormat] = {}
        for etype in ENTITY_TYPES:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self._theme.entity.get(etype, "#dddddd")))
            fmt.setForeground(QColor(self._theme.text))
            formats[etype] = fmt
        for entity in ann.entities:
            if entity.type in self._hidden:
                continue
            fmt = formats[entity.type]
            for m in entity.mentions:
                yield to16(m.start), to16(m.end), 2, fmt

    @Slot()
    def on_renderer_finished(self) -> None:
        if self._ann is not None:
            self.highlightingFinished.emit()

    def highlighting(self) -> bool:
        return self._renderer.busy() or self._renderer.building()

    def longest_chunk_ms(self) -> int:
        return self._renderer.longest_chunk_ms

    def highlight_format_at(self, cp: int) -> QTextCharFormat:
        """The type highlight painted at code point ``cp`` (quotes, dates, entity types merged)."""
        return self._renderer.format_at(self._map.to_utf16(cp))

    # ------------------------------------------------------------------ appearance

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setStyleSheet(f"QTextBrowser#articleView {{ background: {theme.base}; color: {theme.text}; border: none; }}")
        if self._ann is not None:
            self._rehighlight(reset=True)

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        self._apply_font()

    def point_size(self) -> int:
        return BASE_POINT_SIZE + self._zoom

    def _font(self) -> QFont:
        font = QFont("Vazirmatn")
        font.setPointSize(self.point_size())
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        return font

    def _apply_font(self) -> None:
        font = self._font()
        self.document().setDefaultFont(font)
        self.setFont(font)
        # The whole text is laid out again: in small steps, as after a resize.
        self._renderer.relayout()

    def set_hidden_types(self, hidden: set[str]) -> None:
        self._hidden = set(hidden)
        if self._ann is not None:
            self._rehighlight()

    # ------------------------------------------------------------------ selection and find

    def selected_entity(self) -> str | None:
        return self._selected

    def select_entity(self, entity_id: str | None) -> None:
        """Give every mention of ``entity_id`` the stronger highlight (None clears it)."""
        self._selected = entity_id if self._ann is not None and entity_id and self._ann.entity(entity_id) else None
        self._update_extra()

    def set_find_matches(self, matches: list[tuple[int, int]], current: int) -> None:
        self._find, self._find_current = matches, current
        self._update_extra()

    def show_span(self, start: int, end: int) -> None:
        """Select code points ``start:end`` and scroll them into view."""
        if self._renderer.building():
            self._pending_span = (start, end)  # shown once the text is in
            return
        self._pending_span = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cursor_code_point(self) -> int:
        """The code point where the text cursor (or the start of its selection) is."""
        return self._map.to_code_point(self.textCursor().selectionStart())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag give the article's own characters: the line breaks that split a very
        long paragraph on screen (``display_text``) are spaces in the text."""
        # Qt's own object: one made here would be freed by Python as well as by the clipboard.
        mime = super().createMimeDataFromSelection()
        span = self.selection_code_points()
        if span is not None:
            mime.text()  # Qt fills its formats in lazily, the first time one is read
            for kind in mime.formats():
                mime.removeFormat(kind)
            mime.setText(self._text[span[0] : span[1]])
        return mime

    def selection_code_points(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.to_code_point(cursor.selectionStart()), self._map.to_code_point(cursor.selectionEnd())

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _update_extra(self) -> None:
        if self._renderer.building():
            return  # the positions belong to the text still being built; applied once it is shown
        extra: list[QTextEdit.ExtraSelection] = []
        entity = self._ann.entity(self._selected) if self._ann is not None and self._selected else None
        if entity is not None:
            strong = QTextCharFormat()
            strong.setBackground(QColor(self._theme.strong.get(entity.type, "#ffcc00")))
            strong.setForeground(QColor(self._theme.text))
            strong.setFontUnderline(True)
            strong.setUnderlineColor(QColor(self._theme.text))
            extra.extend(self._selection(m.start, m.end, strong) for m in entity.mentions)
        if self._find:
            found = QTextCharFormat()
            found.setBackground(QColor(self._theme.find))
            current = QTextCharFormat()
            current.setBackground(QColor(self._theme.find_current))
            current.setForeground(QColor("#000000" if self._theme.name == "light" else "#ffffff"))
            for index, (start, end) in enumerate(self._find[:5000]):
                extra.append(self._selection(start, end, current if index == self._find_current else found))
        self.setExtraSelections(extra)

    # ------------------------------------------------------------------ what is under the mouse

    def mention_at(self, cp: int) -> tuple[Entity, Span] | None:
        """The entity mention covering code point ``cp``."""
        if self._ann is None:
            return None
        spans, starts = self._mention_spans()
        index = bisect.bisect_right(starts, cp) - 1
        # Mentions don't nest in practice; look back a little in case they do.
        for i in range(index, max(-1, index - 8), -1):
            start, end, entity_id = spans[i]
            if start <= cp < end:
                entity = self._ann.entity(entity_id)
                if entity is not None and entity.type not in self._hidden:
                    return entity, Span(start, end)
        return None

    def code_point_at(self, pos: QPoint) -> int | None:
        """The code point under viewport position ``pos`` (None off the text)."""
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        u16 = layout.hitTest(pos + offset, Qt.HitTestAccuracy.ExactHit)
        if u16 < 0:
            return None
        return self._map.to_code_point(u16)

    def event(self, event: QEvent) -> bool:
        # QTextEdit zooms itself on Ctrl+=/Ctrl+-; leave those keys to the window's zoom actions.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
                Qt.Key.Key_Equal, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_0
            ):
                event.ignore()
                return False
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cp = self.code_point_at(event.pos())
            found = self.mention_at(cp) if cp is not None else None
            if found is None:
                QToolTip.hideText()
                event.ignore()
                return True
            entity, _span = found
            QToolTip.showText(event.globalPos(), self.tooltip_text(entity), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, entity: Entity) -> str:
        lines = [f"<b>{_escape(entity.name)}</b>", type_label(entity.type)]
        if entity.role:
            lines.append(_escape(entity.role))
        count = len(entity.mentions)
        mentions = self.tr("%n اشاره", "", count)
        if self.language == "fa":
            # Qt writes %n in Latin digits whatever the locale; Persian text wants ۷, not 7.
            mentions = mentions.translate(PERSIAN_DIGITS)
        lines.append(mentions)
        return f"<div dir='rtl'>{'<br>'.join(lines)}</div>"

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        cp = self.code_point_at(event.position().toPoint())
        found = self.mention_at(cp) if cp is not None else None
        if found is not None:
            entity, span = found
            self.entityClicked.emit(entity.id)
            self.mentionClicked.emit(span.start, span.end)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The corrections menu for the selection or the mention at viewport ``pos``."""
        menu = self.createStandardContextMenu(pos)
        menu.setLayoutDirection(self.window().layoutDirection())
        if self._ann is None:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        selection = self.selection_code_points()
        if selection is not None and selection[0] < selection[1]:
            mark = QMenu(self.tr("علامت‌گذاری به عنوان"), menu)
            for etype in ENTITY_TYPES:
                action = mark.addAction(type_label(etype))
                action.triggered.connect(lambda _=False, s=selection, t=etype: self.addEntityRequested.emit(s[0], s[1], t))
            added.append(mark.menuAction())
        cp = self.code_point_at(pos)
        found = self.mention_at(cp) if cp is not None else None
        if found is not None:
            entity, span = found
            remove = QAction(self.tr("حذف این اشاره"), menu)
            remove.triggered.connect(lambda _=False: self.removeMentionRequested.emit(span.start, span.end))
            added.append(remove)
            retype = QMenu(self.tr("تغییر نوع"), menu)
            for etype in ENTITY_TYPES:
                if etype != entity.type:
                    action = retype.addAction(type_label(etype))
                    action.triggered.connect(lambda _=False, t=etype: self.retypeMentionRequested.emit(span.start, span.end, t))
            added.append(retype.menuAction())
            others = [e for e in self._ann.entities if e.type == entity.type and e.id != entity.id]
            attach = QMenu(self.tr("پیوستن به"), menu)
            attach.setEnabled(bool(others))
            for other in sorted(others, key=lambda e: e.name):
                action = attach.addAction(other.name)
                action.triggered.connect(lambda _=False, i=other.id: self.attachMentionRequested.emit(span.start, span.end, i))
            added.append(attach.menuAction())
        if added:
            for action in added:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        return menu


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
