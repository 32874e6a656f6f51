"""The mentions panel: every mention of one entity, each in its sentence (keyword in context)."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates.calendar import to_persian_digits
from reader.core.document import NAME, PRONOUN, TITLE, Annotations
from reader.core.text.context import kwic

SPAN_ROLE = Qt.ItemDataRole.UserRole
KWIC_ROLE = Qt.ItemDataRole.UserRole + 1  # (left, match, right)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the mention's kind: name, title or pronoun
CONTEXT_WIDTH = 60
PADDING = 4


def kind_label(kind: str) -> str:
    """The words shown beside a mention that names its entity by a title or a pronoun."""
    if kind == TITLE:
        return QCoreApplication.translate("MentionsPanel", "عنوان")
    if kind == PRONOUN:
        return QCoreApplication.translate("MentionsPanel", "ضمیر")
    return ""


def kwic_html(left: str, match: str, right: str, colour: str, kind: str = NAME) -> str:
    """One right-to-left paragraph with the mention coloured: bold for a name, plain for a title or
    pronoun, which also says which it is."""
    if kind == NAME:
        shown = f'<b style="color:{colour}">{html.escape(match)}</b>'
    else:
        shown = f'<u style="color:{colour}">{html.escape(match)}</u> <small>({html.escape(kind_label(kind))})</small>'
    return f'<div dir="rtl">{html.escape(left)}{shown}{html.escape(right)}</div>'



class KwicDelegate(QStyledItemDelegate):
    """Paints a keyword-in-context row as wrapped rich text, the mention emphasised."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: float) -> QTextDocument:
        left, match, right = index.data(KWIC_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link).name()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_option)
        doc.setHtml(kwic_html(left, match, right, colour, index.data(KIND_ROLE) or NAME))
        doc.setTextWidth(max(40.0, width))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        doc = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(
            QPalette.ColorRole.Text,
            option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text),
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QAbstractItemView) else option.rect.width()
        doc = self._document(option, index, width - 2 * PADDING)
        return QSize(int(width), int(doc.size().height()) + 2 * PADDING)


class MentionsPanel(QWidget):
    """Every mention of one entity, each shown in its sentence with the mention emphasised.

    Signals:
        mentionActivated(int, int): a mention was clicked or Enter was pressed (its start, end).
    """

    mentionActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # Without a margin a bold first letter touches (and loses pixels to) the dock's edge.
        self.header.setContentsMargins(8, 4, 8, 4)
        self.list = QListWidget(self)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.list.setItemDelegate(KwicDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.list.clicked.connect(self.on_list_clicked)
        self.list.activated.connect(self.on_list_activated)
        self.entity_id: str | None = None
        self.clear()

    def clear(self) -> None:
        self.entity_id = None
        self.list.clear()
        hint = self.tr("برای دیدن اشاره‌ها، یک نام را برگزینید.")
        self.header.setText(f'<div dir="{self._direction()}">{html.escape(hint)}</div>')

    def show_pending(self, message: str) -> None:
        """No mention listed; ``message`` («در حال تحلیل…») in the header."""
        self.clear()
        self.header.setText(f'<div dir="{self._direction()}">{html.escape(message)}</div>')

    def show_entity(self, ann: Annotations, entity_id: str) -> None:
        entity = ann.entity(entity_id)
        if entity is None:
            self.clear()
            return
        self.entity_id = entity_id
        count = self.tr("%1 اشاره").replace("%1", to_persian_digits(str(len(entity.mentions))))
        role = f" — {html.escape(entity.role)}" if entity.role else ""
        self.header.setText(
            f'<div dir="{self._direction()}"><b>{html.escape(entity.name)}</b>{role}<br>{html.escape(count)}</div>'
        )
        self.list.clear()
        for span in sorted(entity.mentions):
            left, match, right = kwic(ann.text, span.start, span.end, CONTEXT_WIDTH)
            item = QListWidgetItem(left + match + right)
            item.setData(SPAN_ROLE, (span.start, span.end))
            item.setData(KWIC_ROLE, (left, match, right))
            item.setData(KIND_ROLE, span.kind)
            self.list.addItem(item)

    def _direction(self) -> str:
        # The header follows the UI language (set once for the application), not the article.
        return "rtl" if self.isRightToLeft() else "ltr"

    def count(self) -> int:
        return self.list.count()

    def row_html(self, row: int) -> str:
        """The rich text a row is painted from (for tests and accessibility checks)."""
        item = self.list.item(row)
        left, match, right = item.data(KWIC_ROLE)
        return kwic_html(left, match, right, self.palette().color(QPalette.ColorRole.Link).name(), item.data(KIND_ROLE))

    def set_current(self, index: int) -> None:
        """Highlight row ``index`` (e.g. the mention the reader is at) without emitting."""
        if 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
            self.list.scrollToItem(self.list.item(index))
        else:
            self.list.setCurrentRow(-1)

    @Slot(QModelIndex)
    def on_list_clicked(self, index: QModelIndex) -> None:
        if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
            self._activate(index)

    @Slot(QModelIndex)
    def on_list_activated(self, index: QModelIndex) -> None:
        self._activate(index)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span:
            self.mentionActivated.emit(int(span[0]), int(span[1]))
