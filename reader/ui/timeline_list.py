"""Every date of the timeline as a list row: the article's words, the day in both calendars.

The axis drops labels that do not fit and a tooltip shows one marker at a time; the list beside
it names every date. Rows go in date order, one per mention (a day named three times gives
three rows), the dates the text does not pin down last; clicking a row (or Enter) selects
that mention in the article.
"""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.document import DateMention
from reader.ui.lists import MEASURED_ROWS, SPAN_ROLE, SYNC_ROWS, elide
from reader.ui.plain import plain
from reader.ui.slices import Slicer
from reader.ui.timeline_layout import Marker

WORDS_ELIDE = 40


class TimelineList(QTreeWidget):
    """The timeline's dates, one row per mention: its words, Jalali, Gregorian.

    Signals:
        dateActivated(int, int): a row was clicked or activated; the mention's start and end.
    """

    dateActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels([
            QCoreApplication.translate("TimelineList", "در متن"),
            QCoreApplication.translate("TimelineList", "خورشیدی"),
            QCoreApplication.translate("TimelineList", "میلادی"),
        ])
        header = self.header()
        header.setStretchLastSection(False)
        # The dates fit their text (measured over the rows on screen only, as the other lists);
        # the article's words take the rest, elided.
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._slicer = Slicer(self)
        self.itemClicked.connect(self.on_itemClicked)
        self.itemActivated.connect(self.on_itemClicked)

    def set_dates(self, text: str, markers: list[Marker], unresolved: list[DateMention]) -> None:
        """List ``markers`` (in date order) and then ``unresolved`` dates of ``text``."""
        self._slicer.stop()
        self.clear()
        rows = sum(len(m.mentions) for m in markers) + len(unresolved)
        self._slicer.start(self._fill(text, markers, unresolved), at_once=rows <= SYNC_ROWS)

    def _fill(self, text: str, markers: list[Marker], unresolved: list[DateMention]) -> Iterator[None]:
        batch: list[QTreeWidgetItem] = []
        rows: list[tuple[DateMention, str, str]] = []
        for marker in markers:
            jalali, gregorian = marker.calendars()
            rows.extend((mention, jalali, gregorian) for mention in marker.mentions)
        unknown = QCoreApplication.translate("TimelineList", "نامعلوم")
        rows.extend((mention, unknown, unknown) for mention in unresolved)
        for mention, jalali, gregorian in rows:
            words = " ".join(text[mention.start : mention.end].split())
            item = QTreeWidgetItem([elide(words, WORDS_ELIDE), jalali, gregorian])
            item.setData(0, SPAN_ROLE, (mention.start, mention.end))
            item.setToolTip(0, plain(words))  # the article's text: never rich text
            batch.append(item)
            if len(batch) >= 100:
                self.addTopLevelItems(batch)
                batch = []
                yield
        self.addTopLevelItems(batch)

    def busy(self) -> bool:
        return self._slicer.busy()

    @Slot(QTreeWidgetItem, int)
    def on_itemClicked(self, item: QTreeWidgetItem, _column: int) -> None:
        span = item.data(0, SPAN_ROLE)
        if span is not None:
            self.dateActivated.emit(int(span[0]), int(span[1]))

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows' texts (what a test or a screen reader sees)."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]
