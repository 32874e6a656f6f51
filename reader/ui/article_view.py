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
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QPoint, Qt, QTimer, QUrl, Signal, Slot
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
    QTextFormat,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.document import ENTITY_TYPES, Annotations, Entity, Span
from reader.ui.i18n import PERSIAN_DIGITS
from reader.ui.theme import LIGHT, Theme

BASE_POINT_SIZE = 15
# Vazirmatn's own line is ~1.5 em tall; 120% of it gives the ~1.8 em leading Persian reads best in.
LINE_HEIGHT_PERCENT = 120
CHUNK_BUDGET_MS = 25
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def type_label(etype: str) -> str:
    """The reader-facing name of an entity type, in the UI language."""
    names = {
        "PER": QCoreApplication.translate("EntityTypes", "شخص"),
        "LOC": QCoreApplication.translate("EntityTypes", "مکان"),
        "ORG": QCoreApplication.translate("EntityTypes", "سازمان"),
        "DAT": QCoreApplication.translate("EntityTypes", "تاریخ"),
        "TIM": QCoreApplication.translate("EntityTypes", "زمان"),
        "MON": QCoreApplication.translate("EntityTypes", "پول"),
        "PCT": QCoreApplication.translate("EntityTypes", "درصد"),
    }
    return names.get(etype, etype)


class Utf16Map:
    """Converts between code-point offsets (``Document.text``) and UTF-16 positions (Qt)."""

    def __init__(self, text: str) -> None:
        astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral = astral
        # UTF-16 index just after the high surrogate of each astral character.
        self._after_high = [cp + i + 1 for i, cp in enumerate(astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self._astral, cp)

    def to_code_point(self, pos: int) -> int:
        """The code point at (or, inside a surrogate pair, holding) UTF-16 position ``pos``."""
        return pos - bisect.bisect_right(self._after_high, pos)


class _Highlighter(QObject):
    """Applies (start, end, format) runs to a document in chunks of at most ~25 ms.

    Signals:
        finished(): every run of the current pass is applied.
    """

    finished = Signal()

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._runs: list[tuple[int, int, QTextCharFormat]] = []
        self._index = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timeout)
        self.longest_chunk_ms = 0

    def start(self, runs: list[tuple[int, int, QTextCharFormat]], clear: bool) -> None:
        self._runs = runs
        self._index = 0
        if clear:
            cursor = QTextCursor(self._document)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
        self._timer.start()

    def busy(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def on_timeout(self) -> None:
        clock = QElapsedTimer()
        clock.start()
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        runs = self._runs
        while self._index < len(runs):
            start, end, fmt = runs[self._index]
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
            self._index += 1
            if self._index % 64 == 0 and clock.elapsed() >= CHUNK_BUDGET_MS:
                break
        cursor.endEditBlock()
        self.longest_chunk_ms = max(self.longest_chunk_ms, clock.elapsed())
        if self._index >= len(runs):
            self._timer.stop()
            self.finished.emit()


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
        self.document().setDocumentMargin(28)
        self._theme: Theme = LIGHT
        self.language = "fa"  # the UI language (the window sets it): digits in tooltips follow it
        self._zoom = 0
        self._ann: Annotations | None = None
        self._text = ""
        self._map = Utf16Map("")
        self._spans: list[tuple[int, int, str]] = []  # (start, end, entity id), code points, sorted
        self._starts: list[int] = []
        self._hidden: set[str] = set()
        self._selected: str | None = None
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._highlighter = _Highlighter(self.document(), self)
        self._highlighter.finished.connect(self.on_highlighter_finished)
        self._apply_font()

    # ------------------------------------------------------------------ content

    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 - Qt's signature
        """Never load anything: an article can't make the reader fetch or read a file."""
        return None

    def annotations(self) -> Annotations | None:
        return self._ann

    def utf16_map(self) -> Utf16Map:
        return self._map

    def set_text(self, text: str) -> None:
        """Show plain ``text`` with no annotations (e.g. while analysis runs)."""
        self._ann = None
        self._text = text
        self._spans, self._starts = [], []
        self._selected = None
        self._find, self._find_current = [], -1
        self._map = Utf16Map(text)
        document = self.document()
        document.clear()
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(10)
        block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        cursor.setBlockFormat(block)
        # insertText turns "\n" into block separators that inherit this block format.
        cursor.insertText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_extra()

    def set_annotations(self, ann: Annotations, reset_text: bool | None = None) -> None:
        """Show ``ann``; the text is rebuilt only when it differs from what is shown."""
        if reset_text or (reset_text is None and self._text != ann.text):
            self.set_text(ann.text)
        self._ann = ann
        spans = [(m.start, m.end, e.id) for e in ann.entities for m in e.mentions]
        spans.sort()
        self._spans = spans
        self._starts = [s[0] for s in spans]
        if self._selected is not None and ann.entity(self._selected) is None:
            self._selected = None
        self._rehighlight()

    def _rehighlight(self) -> None:
        self._highlighter.start(list(self._runs()), clear=True)
        self._update_extra()

    def _runs(self) -> Iterable[tuple[int, int, QTextCharFormat]]:
        ann = self._ann
        if ann is None:
            return
        to16 = self._map.to_utf16
        quote = QTextCharFormat()
        quote.setBackground(QColor(self._theme.quote))
        quote.setForeground(QColor(self._theme.quote_text))
        for q in ann.quotes:
            yield to16(q.start), to16(q.end), quote
        if "DAT" not in self._hidden:
            date = QTextCharFormat()
            date.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            date.setUnderlineColor(QColor(self._theme.date_line))
            for d in ann.dates:
                yield to16(d.start), to16(d.end), date
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
                yield to16(m.start), to16(m.end), fmt

    @Slot()
    def on_highlighter_finished(self) -> None:
        self.highlightingFinished.emit()

    def highlighting(self) -> bool:
        return self._highlighter.busy()

    def longest_chunk_ms(self) -> int:
        return self._highlighter.longest_chunk_ms

    # ------------------------------------------------------------------ appearance

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setStyleSheet(f"QTextBrowser#articleView {{ background: {theme.base}; color: {theme.text}; border: none; }}")
        if self._ann is not None:
            self._rehighlight()

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        self._apply_font()

    def point_size(self) -> int:
        return BASE_POINT_SIZE + self._zoom

    def _apply_font(self) -> None:
        font = QFont("Vazirmatn")
        font.setPointSize(self.point_size())
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.document().setDefaultFont(font)
        self.setFont(font)

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
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cursor_code_point(self) -> int:
        """The code point where the text cursor (or the start of its selection) is."""
        return self._map.to_code_point(self.textCursor().selectionStart())

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
        index = bisect.bisect_right(self._starts, cp) - 1
        # Mentions don't nest in practice; look back a little in case they do.
        for i in range(index, max(-1, index - 8), -1):
            start, end, entity_id = self._spans[i]
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
