"""The highlight scheduler: puts a long text into the view and its highlights onto it a slice at a time."""

from __future__ import annotations

import bisect
import time
from typing import Iterable, Iterator, Protocol

from PySide6.QtCore import QObject, QSizeF, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextLayout

from reader.ui.article_text import Utf16Map, block_starts
from reader.ui.slices import Task

# Texts up to this long go into the view in one go (~15 ms); longer ones in pieces of this size.
SYNC_TEXT_CHARS = 300_000
INSERT_PIECE_CHARS = 50_000
# Up to this many highlights are prepared in one go; more are collected in slices.
SYNC_RUNS = 5_000
MAX_VISIBLE_BLOCKS = 200
# One relayout call covers about this much time's worth of text.
LAYOUT_SLICE_MS = 5

# A highlight: UTF-16 start and end, precedence (higher is painted on top), style name.
Run = tuple[int, int, int, str]


class RenderHost(Protocol):
    """What the renderer needs of the view it paints."""

    def document(self) -> QTextDocument: ...

    def utf16_map(self) -> Utf16Map: ...

    def visible_block_numbers(self) -> tuple[int, int]: ...


class Renderer(QObject):
    """Puts a long text into the view and its highlights onto it a slice of work at a time.

    Qt would otherwise stall the window in three places on a multi-megabyte article: inserting
    the text into a document the view already lays out, laying it out (its lazy layout grows
    to 200 000 characters a step), and re-laying out every paragraph a format touches. So the
    text goes into a detached document first (in pieces), which the view then adopts, and its
    layout is paced: walking the blocks in order, a run of them is marked dirty at a time, which
    makes Qt lay them out (and the text before them, in small steps) at once. Every slice is
    timed, relayout included, against the budget the side panels' filling shares
    (``reader.ui.slices``), and few Qt calls are made per block: each call that gives up the GIL
    may wait a switch interval to get it back while another thread runs Python.

    Highlights come in two kinds. Those that change the text's size (headings: precedence below
    0) are each block's own layout formats (what QSyntaxHighlighter uses), set block by block.
    All others (colours and underlines) change no line, so they are never put on the document:
    the view paints those on screen (``painted``) as extra selections, the way Qt paints the
    text selection. Formats on the blocks made Qt lay the whole text out again when the analysis
    arrived: 21 s of a 5 MB article's 27 s of highlighting.

    Signals:
        documentReady(QTextDocument): the text is built; the view should show this document.
        finished(): every block has the formats of the current pass, and every run is in.
        paintedChanged(): the painted highlights changed; the view should show them anew.
    """

    documentReady = Signal(QTextDocument)
    finished = Signal()
    paintedChanged = Signal()

    def __init__(self, view: RenderHost, parent: QObject) -> None:
        super().__init__(parent)
        self._view = view
        # Slices share the application's budget with the side panels' filling (reader.ui.slices).
        self._task = Task(self._slice, self._on_task_done)
        self._completed = False  # the last pass reached the last block
        # The document being built, and how much of its text is in.
        self._building: QTextDocument | None = None
        self._pending_text = ""
        self._offset = 0
        # The block formats: runs sorted by start (UTF-16), their starts, the longest run.
        # (start, end, precedence, style) with a format per style: a block's formats are
        # compared by style, so a mention that changes type is painted anew.
        self._runs: list[Run] = []
        self._formats: dict[str, QTextCharFormat] = {}
        self._starts: list[int] = []
        self._longest = 0
        # The painted runs, the same way.
        self._paint: list[Run] = []
        self._paint_starts: list[int] = []
        self._paint_longest = 0
        self._merged: dict[tuple[str, ...], QTextCharFormat] = {}
        self._reset = False
        self._walking = False  # a pass over the blocks is under way
        # Runs still being collected (a long article has tens of thousands), in slices.
        self._source: Iterator[Run] | None = None
        self._collected: list[Run] = []
        self._sorted = False
        self._visible_pending = False
        # Per block number: UTF-16 start (one more entry: the end), the pass it was last brought
        # up to date in, and the runs it shows.
        self._block_starts: list[int] = [0, 1]
        self._pass = 0
        self._done: list[int] = []
        self._applied: list[tuple[tuple[int, int, str], ...]] = []
        self._next = 0
        self._relayout = False  # the current pass also lays out every block it visits
        self._changed_block_runs = False
        self._restart_wanted: bool | None = None
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
        positions = self._view.utf16_map()
        if positions.length != len(text):
            positions = Utf16Map(text)  # the view shows line breaks of its own: count on what is shown
        starts = block_starts(text, positions)
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

    def set_runs(self, runs: Iterable[Run], formats: dict[str, QTextCharFormat], reset: bool = False,
                 restart: bool | None = None, at_once: bool = True) -> None:
        """Show these (start, end, precedence, style) runs, each painted with ``formats[style]``,
        from now on; ``reset`` re-applies all (the formats of a style changed).

        Unless ``at_once``, the runs are collected a slice at a time before any block uses them.
        A pass over the blocks follows if the block formats changed or ``restart`` is True (the
        painted runs need none); never if it is False (a new text follows, which starts one).
        """
        self._source, self._collected, self._sorted = iter(runs), [], False
        self._formats = formats
        self._merged = {}
        self._reset = self._reset or reset
        self._restart_wanted = restart
        if at_once:
            self._collect(float("inf"))
            self._runs_in()
        if self._building is None:
            self._task.start()  # to say ``finished`` once the runs are in, even with no pass to make

    def _runs_in(self) -> None:
        """All runs are collected: the painted ones are shown, a pass starts if block formats changed."""
        restart, self._restart_wanted = self._restart_wanted, None
        changed, self._changed_block_runs = self._changed_block_runs, False
        if restart is not False:
            if self._reset:
                self._reset = False
                # Only blocks with block formats need them again; the others have none to redo.
                self._applied = [((-1, -1, ""),) if applied else () for applied in self._applied]
                restart = True
            if restart or changed:
                self.restart()
        self.paintedChanged.emit()

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
        block_runs = [r for r in collected if r[2] < 0]
        self._changed_block_runs = block_runs != self._runs
        self._runs = block_runs
        self._starts = [r[0] for r in block_runs]
        self._longest = max((r[1] - r[0] for r in block_runs), default=0)
        painted = [r for r in collected if r[2] >= 0]
        self._paint = painted
        self._paint_starts = [r[0] for r in painted]
        self._paint_longest = max((r[1] - r[0] for r in painted), default=0)
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
        self._walking = True
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

    def _block_runs(self, number: int) -> tuple[tuple[int, int, str], ...]:
        start = self._block_starts[number]
        end = self._block_starts[number + 1]
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        found = []
        runs = self._runs
        for i in range(first, last):
            r_start, r_end, precedence, style = runs[i]
            if r_end > max(r_start, start):
                lo = max(r_start, start) - start
                found.append((precedence, lo, min(r_end, end) - start - lo, style))
        # Qt merges overlapping ranges in list order: quotes, then dates, then entities on top.
        found.sort()
        return tuple((lo, length, style) for _p, lo, length, style in found)

    def _set_formats(self, document: QTextDocument, number: int) -> bool:
        """Give block ``number`` its formats; True when they changed (it must be laid out again)."""
        wanted = self._block_runs(number)
        if wanted == self._applied[number]:
            return False
        ranges = []
        for lo, length, style in wanted:
            fmt_range = QTextLayout.FormatRange()
            fmt_range.start, fmt_range.length, fmt_range.format = lo, length, self._formats[style]
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
            if self._collect(deadline):
                self._runs_in()
                self._visible_pending = self._walking
            self._note(began)
            return False
        if self._visible_pending:
            self._visible_pending = False
            self.update_visible()
        if self._walking:
            self._next = self._walk(document, self._next, len(self._done) - 1, deadline)
            self._note(began)
            if self._next < len(self._done):
                return False
            self._walking = False
            self._relayout = False
        self._completed = True
        return True

    def _on_task_done(self) -> None:
        # Out of the scheduler by now, so a slot that starts another pass starts it for good.
        if self._completed:
            self._completed = False
            self.finished.emit()

    def _note(self, began: float) -> None:
        self.longest_chunk_ms = max(self.longest_chunk_ms, int((time.perf_counter() - began) * 1000))

    def _merged_format(self, styles: tuple[str, ...]) -> QTextCharFormat:
        """The formats of ``styles`` merged in order (later ones on top), made once per combination."""
        fmt = self._merged.get(styles)
        if fmt is None:
            fmt = QTextCharFormat()
            for style in styles:
                fmt.merge(self._formats[style])
            self._merged[styles] = fmt
        return fmt

    def painted(self, start: int, end: int) -> list[tuple[int, int, QTextCharFormat]]:
        """The painted highlights between UTF-16 ``start`` and ``end``: (start, end, format)
        pieces that do not overlap, each with the formats of every run over it merged in order
        of precedence (as Qt merges a block's formats), so a date under a mention keeps its line."""
        # While new runs are collected (an edit on a long article) the previous ones stay on
        # screen; a new text clears them at once (``set_text``'s runs are collected at once).
        runs = self._paint
        first = bisect.bisect_left(self._paint_starts, start - self._paint_longest)
        last = bisect.bisect_left(self._paint_starts, end)
        # A sweep over the runs' ends, counting the runs of each (precedence, style) over each
        # piece: linear in the runs on screen, however many of them cross one another.
        events: list[tuple[int, int, tuple[int, str]]] = []
        for r_start, r_end, precedence, style in runs[first:last]:
            if r_end > start and r_end > r_start:
                events.append((max(r_start, start), 1, (precedence, style)))
                events.append((min(r_end, end), -1, (precedence, style)))
        events.sort(key=lambda event: event[0])
        pieces: list[tuple[int, int, QTextCharFormat]] = []
        active: dict[tuple[int, str], int] = {}
        shown: tuple[str, ...] = ()
        at = start
        for position, delta, key in events:
            if position > at and active:
                styles = tuple(style for _p, style in sorted(active))
                if pieces and styles == shown and pieces[-1][1] == at:
                    pieces[-1] = (pieces[-1][0], position, pieces[-1][2])  # the same highlight goes on
                else:
                    pieces.append((at, position, self._merged_format(styles)))
                    shown = styles
            at = position
            count = active.get(key, 0) + delta
            if count:
                active[key] = count
            else:
                active.pop(key, None)
        return pieces

    def format_at(self, u16: int) -> QTextCharFormat:
        """The highlight at UTF-16 position ``u16``: the block's formats and the painted ones merged."""
        merged = QTextCharFormat()
        block = self._view.document().findBlock(u16)
        if block.isValid():
            offset = u16 - block.position()
            for fmt_range in block.layout().formats():
                if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
                    merged.merge(fmt_range.format)
        for lo, hi, fmt in self.painted(u16, u16 + 1):
            if lo <= u16 < hi:
                merged.merge(fmt)
        return merged
