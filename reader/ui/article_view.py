"""The article view: the text the user reads, with entities, quotes and dates highlighted.

The view is built from plain text (never from the article's HTML) and loads no
external resource. Annotations are code-point offsets mapped to Qt's UTF-16 positions
(``reader.ui.article_text``). Type highlights are put on by the renderer
(``reader.ui.article_render``) in time-boxed slices, so even a multi-megabyte article keeps
the window responsive; the selected entity, find matches and the current mention are extra
selections on top. The corrections menu is built in ``reader.ui.article_menu``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Iterable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPaintEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

if TYPE_CHECKING:  # named in signatures only: PySide6 builds a class (QUrl, QMenu: ~0.5 ms each) when first
    # named, and the first frame does without the data model's module (reader.core.loading)
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QWheelEvent
    from PySide6.QtWidgets import QMenu

    from reader.core.document import Annotations, Block, Entity, Span

from reader.core.palette import QUOTE
from reader.ui.article_render import MAX_VISIBLE_BLOCKS, SYNC_RUNS, Renderer, Run
from reader.ui.article_text import Utf16Map, display_text
from reader.ui.theme import LIGHT, Theme

BASE_POINT_SIZE = 15
# Vazirmatn's own line is ~1.5 em tall; 120% of it gives the ~1.8 em leading Persian reads best in.
LINE_HEIGHT_PERCENT = 120
PAGE_MARGIN = 28
# Heading sizes, levels 1 to 6, as multiples of the body text's.
HEADING_SCALES = (1.5, 1.3, 1.15, 1.05, 1.0, 1.0)
# Lines are capped at about this many characters, the column centred, as readers do.
LINE_CHARS = 75
# A stretch of ordinary Persian prose, to measure an average character of the article's font.
_MEASURE = "رئیس جمهور روسیه با رهبر کره شمالی در شرق این کشور دیدار و گفت‌وگو کرد."
# Nothing the view does before its first frame names an enum of Qt's ``Qt`` namespace: the first
# such value to reach Python makes PySide6 build all 93 of the namespace's enum classes (~12 ms
# of a ~100 ms start-up). So the view's own settings are written as Qt properties, by name, the
# paragraphs' as the block format's int properties (these two values, tested against the enums),
# and the methods that need ``Qt`` later (keys, mouse, hit tests) reach it as ``QtCore.Qt``.
_RIGHT_TO_LEFT = 1  # Qt.LayoutDirection.RightToLeft
_ALIGN_JUSTIFY = 0x0008  # Qt.AlignmentFlag.AlignJustify


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
        documentPainted(): the text last put in the view has been painted for the first time.
    """

    entityClicked = Signal(str)
    mentionClicked = Signal(int, int)
    addEntityRequested = Signal(int, int, str)
    removeMentionRequested = Signal(int, int)
    retypeMentionRequested = Signal(int, int, str)
    attachMentionRequested = Signal(int, int, str)
    highlightingFinished = Signal()
    zoomRequested = Signal(int)
    documentPainted = Signal()
    # The document adopted last has not been painted yet (a class default: Qt paints nothing
    # before __init__ is done, but the attribute is read in paintEvent).
    _unpainted = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setProperty("textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
        # Persian text reads right to left whatever the UI language is.
        self.setProperty("layoutDirection", "RightToLeft")
        self.setMouseTracking(True)
        self.setAcceptDrops(False)  # the main window takes dropped files
        # A scroll bar that appeared with a long text narrowed the page, and Qt then laid the whole
        # text out again (a 130–650 ms freeze at the start of a 5 MB article): keep its place.
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._theme: Theme = LIGHT
        self.language = "fa"  # the UI language (the window sets it): digits in tooltips follow it
        self._zoom = 0
        self._reading_width = (0, 0.0)  # (point size, reading_width at that size)
        self._ann: Annotations | None = None
        self._text = ""
        self._map = Utf16Map("")
        # (start, end, entity id) of every mention, code points, sorted; made when first needed.
        self._spans: list[tuple[int, int, str]] | None = []
        self._starts: list[int] = []
        self._adopting = False
        self._blocks: tuple[Block, ...] = ()
        self._hidden: set[str] = set()
        self._selected: str | None = None
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._pending_span: tuple[int, int, bool] | None = None
        self._filter = _ViewEvents(self)
        self._tips = False  # the filter watches the viewport for tooltips (once there are annotations)
        self._renderer = Renderer(self, self)
        self._renderer.documentReady.connect(self.on_renderer_documentReady)
        self._renderer.finished.connect(self.on_renderer_finished)
        self._renderer.paintedChanged.connect(self.on_renderer_paintedChanged)
        self.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self._apply_font()
        self._renderer.build(self._new_document(), "")

    # ------------------------------------------------------------------ content

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002 - Qt's signature
        """Never load anything: an article can't make the reader fetch or read a file."""
        return None

    def annotations(self) -> Annotations | None:
        return self._ann

    def utf16_map(self) -> Utf16Map:
        return self._map

    def set_text(self, text: str, blocks: tuple[Block, ...] = ()) -> None:
        """Show plain ``text`` with no annotations (e.g. while analysis runs), its ``blocks``
        (headings) set larger and bold.

        A long text appears a moment later (``documentShown``-style callers need not wait: the
        annotations given meanwhile are applied once it is in).
        """
        self._ann = None
        self._text = text
        self._spans, self._starts = [], []
        self._selected = None
        self._find, self._find_current = [], -1
        shown, breaks = display_text(text)
        self._map = Utf16Map(text, breaks)
        self._pending_span = None
        self._blocks = blocks
        # No annotations: the only runs are the headings' (and no colour, see _heading_formats).
        self._renderer.set_runs(self._runs(), self._heading_formats(), restart=False)
        self._renderer.build(self._new_document(), shown)

    def _new_document(self) -> QTextDocument:
        """An empty, detached document with the article's paragraph and line formatting."""
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(PAGE_MARGIN)
        document.setDefaultFont(self._font())
        self._fit_reading_width(document)
        option = document.defaultTextOption()  # a copy (QTextOption(...) would name Qt.AlignmentFlag)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        # Every paragraph is right to left and justified by its own format (the document's default
        # direction and alignment, which the formats override, are left alone: see _RIGHT_TO_LEFT).
        block = QTextBlockFormat()
        block.setProperty(QTextFormat.Property.LayoutDirection, _RIGHT_TO_LEFT)
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(10)
        block.setProperty(QTextFormat.Property.BlockAlignment, _ALIGN_JUSTIFY)
        QTextCursor(document).setBlockFormat(block)
        return document

    @Slot(QTextDocument)
    def on_renderer_documentReady(self, document: QTextDocument) -> None:
        # The previous document is the view's child, so setDocument deletes it.
        self._adopting = True
        self.setDocument(document)
        self._adopting = False
        self._unpainted = True
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_extra()
        if self._pending_span is not None:
            self.show_span(*self._pending_span)

    def visible_block_numbers(self) -> tuple[int, int]:
        """The first and last block numbers on screen (give or take one)."""
        document = self.document()
        layout = document.documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self._viewport_size().height()
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
            self._update_extra()

    @Slot()
    def on_renderer_paintedChanged(self) -> None:
        self._update_extra()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_reading_width(self.document())
            # A new width lays the whole text out again: walk it in small steps rather than Qt's big ones.
            self._renderer.relayout()
        elif not self._adopting:
            # A new height (the progress bar coming and going) changes no line: Qt keeps the layout,
            # and laying the text out again froze the window for 130–650 ms. Only blocks that
            # came into view may still lack their highlights. (A new document's visible blocks
            # are the renderer's next slice.)
            self._renderer.update_visible()
            self._update_extra()

    def reading_width(self) -> float:
        """The widest a line may be: about ``LINE_CHARS`` characters of Persian text at the current size."""
        size = self.point_size()
        if self._reading_width[0] != size:  # measured once a size: shaping the sample is ~0.3 ms
            metrics = QFontMetricsF(self._font())
            self._reading_width = (size, metrics.horizontalAdvance(_MEASURE) / len(_MEASURE) * LINE_CHARS)
        return self._reading_width[1]

    def _viewport_size(self) -> QSize:
        """The viewport's size, without asking for the viewport.

        The first ``viewport()`` call makes PySide6 find which QWidget subclass the viewport is, and
        to do so it builds all 60-odd QtWidgets classes it had not built yet with their enums (10-20
        ms) before the first frame. The vertical scroll bar is always on, the horizontal one never
        shows (lines wrap anywhere), so the viewport is exactly the largest size a viewport can be.
        """
        return self.maximumViewportSize()

    def _fit_reading_width(self, document: QTextDocument) -> None:
        """Centre the text in a column no wider than ``reading_width`` (lines of ~120 characters tire)."""
        width = self._viewport_size().width()
        spare = width - 2 * PAGE_MARGIN - self.reading_width()
        side = PAGE_MARGIN + max(0, int(spare // 2))
        root = document.rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() == side and fmt.rightMargin() == side:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        root.setFrameFormat(fmt)

    def set_annotations(self, ann: Annotations, reset_text: bool | None = None) -> None:
        """Show ``ann``; the text is rebuilt only when it differs from what is shown."""
        if reset_text or (reset_text is None and self._text != ann.text):
            self.set_text(ann.text)
        self._ann = ann
        if not self._tips:
            self._tips = True
            self.viewport().installEventFilter(self._filter)  # the mentions' tooltips (see _ViewEvents)
        self._spans, self._starts = None, []
        if self._selected is not None and ann.entity(self._selected) is None:
            self._selected = None
        self._rehighlight()

    def _rehighlight(self, reset: bool = False) -> None:
        ann = self._ann
        count = len(ann.quotes) + len(ann.dates) + sum(len(e.mentions) for e in ann.entities) if ann else 0
        self._renderer.set_runs(self._runs(), self._formats(), reset, at_once=count <= SYNC_RUNS)
        self._update_extra()

    def _mention_spans(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        if self._spans is None:
            ann = self._ann
            spans = [(m.start, m.end, e.id) for e in ann.entities for m in e.mentions] if ann else []
            spans.sort()
            self._spans, self._starts = spans, [s[0] for s in spans]
        return self._spans, self._starts

    def _heading_formats(self) -> dict[str, QTextCharFormat]:
        """The format of each heading level, "heading1" to "heading6": bold, larger with the zoom.

        Apart from the colours, which a text without annotations does not need before its first
        frame: ``setBackground`` names Qt's ``Qt.BrushStyle`` (see _RIGHT_TO_LEFT for why not).
        """
        formats = {}
        for level, scale in enumerate(HEADING_SCALES, start=1):
            heading = QTextCharFormat()
            heading.setFontWeight(QFont.Weight.Bold)
            heading.setFontPointSize(round(self.point_size() * scale, 1))
            formats[f"heading{level}"] = heading
        return formats

    def _formats(self) -> dict[str, QTextCharFormat]:
        """The format of each highlight style in the current theme: "quote", "date", each entity
        type, each heading level."""
        from reader.core.document import ENTITY_TYPES  # here: see the TYPE_CHECKING imports

        quote = QTextCharFormat()
        quote.setBackground(QColor(self._theme.quote))
        quote.setForeground(QColor(self._theme.quote_text))
        date = QTextCharFormat()
        date.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        date.setUnderlineColor(QColor(self._theme.date_line))
        formats = {"quote": quote, "date": date, **self._heading_formats()}
        for etype in ENTITY_TYPES:
            colour = QColor(self._theme.entity.get(etype, "#dddddd"))
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setForeground(QColor(self._theme.text))
            formats[etype] = fmt
            # A title or pronoun mention («رهبر کره شمالی», «وی»): half the tint, underlined.
            light = QTextCharFormat(fmt)
            light.setBackground(_blend(colour, QColor(self._theme.base)))
            light.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            light.setUnderlineColor(colour.darker(160))
            formats[etype + ":ref"] = light
        return formats

    def _runs(self) -> Iterable[Run]:
        to16 = self._map.to_utf16
        for block in self._blocks:
            yield to16(block.start), to16(block.end), -1, block.kind
        ann = self._ann
        if ann is None:
            return
        from reader.core.document import NAME  # here: see the TYPE_CHECKING imports

        if QUOTE not in self._hidden:
            for q in ann.quotes:
                yield to16(q.start), to16(q.end), 0, "quote"
        if "DAT" not in self._hidden:
            for d in ann.dates:
                yield to16(d.start), to16(d.end), 1, "date"
        for entity in ann.entities:
            if entity.type in self._hidden:
                continue
            etype = entity.type
            for m in entity.mentions:
                # A name (a place inside a person's title) is merged on top of the title.
                if m.kind == NAME:
                    yield to16(m.start), to16(m.end), 3, etype
                else:
                    yield to16(m.start), to16(m.end), 2, etype + ":ref"

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
        if steps == self._zoom:
            return  # the font is that size already (the window sets the saved zoom, usually 0)
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
        self._fit_reading_width(self.document())
        if self._blocks:
            self._rehighlight(reset=True)  # the headings' sizes follow the zoom
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

    def show_span(self, start: int, end: int, centre: bool = False) -> None:
        """Select code points ``start:end`` and scroll them into view (to the middle when ``centre``)."""
        if self._renderer.building():
            self._pending_span = (start, end, centre)  # shown once the text is in
            return
        self._pending_span = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if centre:
            # Walking mentions, the next one at the bottom edge hides the sentence it is in.
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.cursorRect(cursor).center().y() - self.viewport().height() // 2)

    def cursor_code_point(self) -> int:
        """The code point where the text cursor (or the start of its selection) is."""
        return self._map.to_code_point(self.textCursor().selectionStart())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag give the article's own characters: the line breaks that split a very
        long paragraph on screen (``display_text``) are spaces in the text, or not in it at all."""
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
        return self._selection16(self._map.to_utf16(start), self._map.to_utf16(end), fmt)

    def _visible_span(self) -> tuple[int, int]:
        """The UTF-16 span of the blocks on screen (give or take one)."""
        document = self.document()
        first, last = self.visible_block_numbers()
        end_block = document.findBlockByNumber(last)
        end = end_block.position() + end_block.length() if end_block.isValid() else document.characterCount()
        return document.findBlockByNumber(first).position(), min(end, document.characterCount() - 1)

    def _update_extra(self) -> None:
        """Paint the highlights of what is on screen: the type highlights (``Renderer.painted``),
        then the selected entity's mentions, then find matches.

        Only what is on screen: a selection is a text cursor the document keeps up to date and
        Qt walks all of them at every paint, so it is redone on every scroll.
        """
        if self._renderer.building():
            return  # the positions belong to the text still being built; applied once it is shown
        start16, end16 = self._visible_span()
        extra: list[QTextEdit.ExtraSelection] = [
            self._selection16(lo, hi, fmt) for lo, hi, fmt in self._renderer.painted(start16, end16)
        ]
        start, end = self._map.to_code_point(start16), self._map.to_code_point(end16) + 1
        entity = self._ann.entity(self._selected) if self._ann is not None and self._selected else None
        if entity is not None:
            strong = QTextCharFormat()
            strong.setBackground(QColor(self._theme.strong.get(entity.type, "#ffcc00")))
            strong.setForeground(QColor(self._theme.text))
            strong.setFontUnderline(True)
            strong.setUnderlineColor(QColor(self._theme.text))
            extra.extend(self._selection(m.start, m.end, strong) for m in entity.mentions
                         if m.end > start and m.start < end)
        if self._find:
            found = QTextCharFormat()
            found.setBackground(QColor(self._theme.find))
            current = QTextCharFormat()
            current.setBackground(QColor(self._theme.find_current))
            current.setForeground(QColor("#000000" if self._theme.name == "light" else "#ffffff"))
            first = max(0, bisect.bisect_left(self._find, (start, -1)) - 1)
            for index in range(first, len(self._find)):
                m_start, m_end = self._find[index]
                if m_start >= end:
                    break
                if m_end > start:
                    extra.append(self._selection(m_start, m_end, current if index == self._find_current else found))
        self.setExtraSelections(extra)

    def _selection16(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # ------------------------------------------------------------------ what is under the mouse

    def mention_at(self, cp: int) -> tuple[Entity, Span] | None:
        """The entity mention covering code point ``cp``."""
        if self._ann is None:
            return None
        from reader.core.document import Span  # here: see the TYPE_CHECKING imports

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
        u16 = layout.hitTest(pos + offset, QtCore.Qt.HitTestAccuracy.ExactHit)
        if u16 < 0:
            return None
        return self._map.to_code_point(u16)

    def leave_zoom_keys_to_shortcuts(self) -> None:
        """Let Ctrl+=, Ctrl++, Ctrl+- and Ctrl+0 reach the window's zoom actions (QTextEdit would zoom
        itself on them); the window asks for this once it has those actions."""
        self.installEventFilter(self._filter)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # the viewport's: QAbstractScrollArea passes them here
        super().paintEvent(event)
        if self._unpainted:
            self._unpainted = False
            self.documentPainted.emit()

    def _show_tooltip(self, event: QHelpEvent) -> None:
        cp = self.code_point_at(event.pos())
        found = self.mention_at(cp) if cp is not None else None
        if found is None:
            QToolTip.hideText()
            event.ignore()
            return
        entity, _span = found
        QToolTip.showText(event.globalPos(), self.tooltip_text(entity), self.viewport())

    def tooltip_text(self, entity: Entity) -> str:
        from reader.ui.article_menu import tooltip_text  # as build_context_menu

        return tooltip_text(entity, self.language)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != QtCore.Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
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
        # Imported when first used, after the first frame (that frame waits for every import).
        from reader.ui.article_menu import Corrections, add_corrections

        menu = self.createStandardContextMenu(pos)
        menu.setLayoutDirection(self.window().layoutDirection())
        if self._ann is not None:
            cp = self.code_point_at(pos)
            found = self.mention_at(cp) if cp is not None else None
            calls = Corrections(self.addEntityRequested.emit, self.removeMentionRequested.emit,
                                self.retypeMentionRequested.emit, self.attachMentionRequested.emit)
            add_corrections(menu, self._ann, self.selection_code_points(), found, calls)
        return menu


class _ViewEvents(QObject):
    """The view's zoom keys and its mentions' tooltips, as an event filter rather than overrides.

    A Python ``event()`` or ``viewportEvent()`` makes PySide6 wrap every event the view or its
    viewport gets, the first of each kind building its class: ~3 ms of the first frame, which
    needs neither. The filter is installed on the view when the window's zoom actions exist
    (``leave_zoom_keys_to_shortcuts``) and on the viewport with the first annotations.
    """

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and watched is self._view:
            if (isinstance(event, QKeyEvent) and event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier
                    and event.key() in _zoom_keys()):
                event.ignore()  # not taken by the view: the window's shortcut runs
                return True
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and watched is not self._view:
            self._view._show_tooltip(event)
            return True
        return False


def _zoom_keys() -> tuple[QtCore.Qt.Key, ...]:
    """The keys QTextEdit zooms on with Ctrl."""
    key = QtCore.Qt.Key
    return (key.Key_Equal, key.Key_Plus, key.Key_Minus, key.Key_0)


def _blend(colour: QColor, base: QColor) -> QColor:
    """Half way between a highlight colour and the page: the lighter tint of a title or pronoun."""
    return QColor(
        (colour.red() + base.red()) // 2, (colour.green() + base.green()) // 2, (colour.blue() + base.blue()) // 2
    )
