"""Sidebar panels: an article's quotes, and all its entities by type.

The panels only render an ``Annotations`` and emit signals; the main window
turns those signals into navigation or into edits through the core. The people
panel is in ``reader.ui.people``.
"""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Annotations, Entity, Quote
from reader.core.text import fold_key
from reader.ui.entity_types import type_label
from reader.ui.lists import (
    ID_ROLE,
    MEASURED_ROWS,
    QUOTE_LAYOUT_BATCH,
    SPAN_ROLE,
    SYNC_ROWS,
    by_mentions,
    elide,
    fa_number,
    plain_click,
    top_level_items,
)
from reader.ui.plain import plain
from reader.ui.slices import Slicer
from reader.ui.theme import TYPE_ORDER

# --------------------------------------------------------------------------- quotes


class QuotesPanel(QWidget):
    """The article's quotes, each elided with its speaker, filterable by speaker.

    Signals:
        quoteActivated(int, int): a quote was clicked or Enter was pressed (its start, end).
    """

    quoteActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quotes: list[tuple[Quote, str, str]] = []  # quote, speaker key, label
        self.speaker_combo = QComboBox(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Wrapped rows are measured one by one; thousands of them in one go would hold the window.
        # Qt lays out a batch a timer event, outside the slices' budget: 100 rows of shaped
        # Persian took 15-20 ms a batch.
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.setBatchSize(QUOTE_LAYOUT_BATCH)
        self._filler = Slicer(self)
        self.empty_label = QLabel(self.tr("نقل قولی نیست"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.speaker_combo)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        self.speaker_combo.currentIndexChanged.connect(self.on_speaker_combo_currentIndexChanged)
        self.list.clicked.connect(self.on_list_clicked)
        self.list.activated.connect(self.on_list_activated)
        self._fill_combo([])

    def show_pending(self, message: str) -> None:
        """No quote listed; ``message`` («در حال تحلیل…») where the list would be."""
        self._filler.stop()
        self._quotes = []
        self._shown = 0
        self.list.clear()
        self._fill_combo([])
        self.empty_label.setText(message)
        self.empty_label.setVisible(True)

    def set_annotations(self, ann: Annotations) -> None:
        self.empty_label.setText(self.tr("نقل قولی نیست"))
        self._filler.start(self._load(ann), at_once=len(ann.quotes) <= SYNC_ROWS)

    def _load(self, ann: Annotations) -> Iterator[None]:
        names = {e.id: e.name for e in ann.entities}
        yield
        # One entry per person in the speaker filter, however the article named them; a row says
        # the words used when they are not the name: «کیم جونگ اون («رهبر کره شمالی»)».
        rows: list[tuple[Quote, str, str, str]] = []  # quote, speaker key, speaker label, row label
        for index, quote in enumerate(sorted(ann.quotes, key=lambda q: q.start)):
            words = (quote.speaker_text or "").strip()
            if quote.speaker and quote.speaker in names:
                key, label = quote.speaker, names[quote.speaker]
                row = f"{label} («{words}»)" if words and fold_key(words) != fold_key(label) else label
            elif words:
                key, label = "text:" + fold_key(words), quote.speaker_text or words
                row = label
            else:
                key, label = "", self.tr("نامشخص")
                row = label
            rows.append((quote, key, label, row))
            if index % 200 == 199:
                yield
        self._quotes = [(quote, key, row) for quote, key, _label, row in rows]
        speakers: dict[str, tuple[str, int]] = {}
        for _quote, key, label, _row in rows:
            speakers[key] = (label, speakers.get(key, (label, 0))[1] + 1)
        previous = self.speaker_combo.currentData()
        self.speaker_combo.blockSignals(True)
        yield from self._combo_steps(sorted(speakers.items(), key=lambda kv: (-kv[1][1], kv[1][0])))
        index = self.speaker_combo.findData(previous)
        self.speaker_combo.setCurrentIndex(max(0, index))
        self.speaker_combo.blockSignals(False)
        yield from self._list_steps(ann.text)

    def _fill_combo(self, speakers: list[tuple[str, tuple[str, int]]]) -> None:
        self.speaker_combo.blockSignals(True)
        for _ in self._combo_steps(speakers):
            pass
        self.speaker_combo.blockSignals(False)

    def _combo_steps(self, speakers: list[tuple[str, tuple[str, int]]]) -> Iterator[None]:
        self.speaker_combo.clear()
        self.speaker_combo.addItem(self.tr("همه"), None)
        for index, (key, (label, count)) in enumerate(speakers):
            self.speaker_combo.addItem(f"{label} ({fa_number(count)})", key)
            if index % 100 == 99:
                yield

    def _fill_list(self, text: str) -> None:
        wanted = self.speaker_combo.currentData()
        count = sum(1 for _q, key, _l in self._quotes if wanted is None or key == wanted)
        self._filler.start(self._list_steps(text), at_once=count <= SYNC_ROWS)

    def _list_steps(self, text: str) -> Iterator[None]:
        self.speaker_combo.blockSignals(False)  # in case a fill that blocked them was cut short
        self._text = text
        wanted = self.speaker_combo.currentData()
        self.list.clear()
        shown = [(q, label) for q, key, label in self._quotes if wanted is None or key == wanted]
        self._shown = len(shown)
        self.empty_label.setVisible(not shown)
        yield from self._add_items(text, shown)

    def _add_items(self, text: str, shown: list[tuple[Quote, str]]) -> Iterator[None]:
        batch: list[QListWidgetItem] = []
        for quote, label in shown:
            words = text[quote.start : quote.end]
            item = QListWidgetItem(f"{elide(words)}\n— {label}")
            item.setToolTip(plain(" ".join(words.split())))
            item.setData(SPAN_ROLE, (quote.start, quote.end))
            batch.append(item)
            if len(batch) == 50:
                self._add_batch(batch)
                batch = []
                yield
        self._add_batch(batch)

    def _add_batch(self, items: list[QListWidgetItem]) -> None:
        for item in items:
            self.list.addItem(item)

    def item_count(self) -> int:
        """How many quotes the list shows (some may still be on their way in)."""
        return getattr(self, "_shown", 0)

    def filling(self) -> bool:
        return self._filler.busy()

    @Slot(int)
    def on_speaker_combo_currentIndexChanged(self, _index: int) -> None:
        self._fill_list(getattr(self, "_text", ""))

    @Slot(QModelIndex)
    def on_list_clicked(self, index: QModelIndex) -> None:
        if plain_click():
            self._activate(index)

    @Slot(QModelIndex)
    def on_list_activated(self, index: QModelIndex) -> None:
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span:
            self.quoteActivated.emit(int(span[0]), int(span[1]))


# --------------------------------------------------------------------------- entities


class EntitiesPanel(QWidget):
    """Every entity of the article in a tree grouped by type, with mention counts.

    Signals:
        entityActivated(str): an entity was clicked or Enter was pressed on it (entity id).
    """

    entityActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("نام"), self.tr("اشاره")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty_label)
        self.tree.clicked.connect(self.on_tree_clicked)
        self.tree.activated.connect(self.on_tree_activated)
        self._filler = Slicer(self)

    def set_annotations(self, ann: Annotations) -> None:
        collapsed = {item.data(0, ID_ROLE) for item in top_level_items(self.tree) if not item.isExpanded()}
        self._filler.stop()
        self.empty_label.setText(self.tr("نامی پیدا نشد"))
        self.empty_label.setVisible(not ann.entities)
        # Emptying the tree of a long article and grouping thousands of names are slices too.
        self._filler.start(self._load(ann, collapsed), at_once=len(ann.entities) <= SYNC_ROWS)

    def _load(self, ann: Annotations, collapsed: set[str]) -> Iterator[None]:
        self.tree.clear()
        yield
        by_type: dict[str, list[Entity]] = {etype: [] for etype in TYPE_ORDER}
        for index, entity in enumerate(ann.entities):
            if entity.type in by_type:
                by_type[entity.type].append(entity)
            if index % 1000 == 999:
                yield
        groups: list[tuple[QTreeWidgetItem, list[Entity]]] = []
        for etype in TYPE_ORDER:
            members = by_type[etype]
            if not members:
                continue
            group = QTreeWidgetItem([f"{type_label(etype, plural=True)} ({fa_number(len(members))})", ""])
            group.setData(0, ID_ROLE, "type:" + etype)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setExpanded("type:" + etype not in collapsed)
            groups.append((group, members))
        # The groups are there first; their members (sorted, then added) follow.
        yield from self._add_children(groups)

    def _add_children(self, groups: list[tuple[QTreeWidgetItem, list[Entity]]]) -> Iterator[None]:
        for group, members in groups:
            ordered: list[Entity] = []
            yield from by_mentions(members, ordered)
            members = ordered
            yield
            batch: list[QTreeWidgetItem] = []
            for entity in members:
                child = QTreeWidgetItem([entity.name, fa_number(len(entity.mentions))])
                child.setData(0, ID_ROLE, entity.id)
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                if entity.role:
                    child.setToolTip(0, plain(f"{entity.name} — {entity.role}"))
                batch.append(child)
                if len(batch) == 50:
                    group.addChildren(batch)
                    batch = []
                    yield
            group.addChildren(batch)

    def show_pending(self, message: str) -> None:
        """No entity listed; ``message`` («در حال تحلیل…») where the tree would be."""
        self._filler.stop()
        self.tree.clear()
        self.empty_label.setText(message)
        self.empty_label.setVisible(True)

    def filling(self) -> bool:
        return self._filler.busy()

    def group_labels(self) -> list[str]:
        return [item.text(0) for item in top_level_items(self.tree)]

    @Slot(QModelIndex)
    def on_tree_clicked(self, index: QModelIndex) -> None:
        if plain_click():
            self._activate(index)

    @Slot(QModelIndex)
    def on_tree_activated(self, index: QModelIndex) -> None:
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        entity_id = index.siblingAtColumn(0).data(ID_ROLE)
        if entity_id and not entity_id.startswith("type:"):
            self.entityActivated.emit(entity_id)
