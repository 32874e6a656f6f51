"""Sidebar panels: the people in an article, its quotes, and all entities by type.

The panels only render an ``Annotations`` and emit signals; the main window
turns those signals into navigation or into edits through the core.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.calendar import to_persian_digits
from reader.core.document import Annotations, Entity, Quote
from reader.core.text import fold_key
from reader.ui.entity_types import type_label
from reader.ui.slices import Slicer
from reader.ui.theme import TYPE_ORDER

ID_ROLE = Qt.ItemDataRole.UserRole
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1

QUOTE_ELIDE = 80
# Lists up to this many rows are filled at once; longer ones a slice of at most ~8 ms at a time,
# so a 5 MB article's thousands of quotes or names never hold the window.
SYNC_ROWS = 500
# A column that fits its contents is measured over the rows on screen only. Qt's default measures
# up to 1 000 rows, shaping each row's Persian text, and again after every batch of rows added:
# 60–190 ms of the GUI thread each time while a 5 MB article's thousands of names came in.
MEASURED_ROWS = 0
QUOTE_LAYOUT_BATCH = 25


def fa_number(n: int) -> str:
    return to_persian_digits(str(n))


def elide(text: str, limit: int = QUOTE_ELIDE) -> str:
    """One line of at most about ``limit`` characters, cut at a space, with «…»."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    return (text[:space] if space > limit // 2 else text[:limit]) + "…"


def _plain_click() -> bool:
    """A click without Ctrl/Shift: those only extend the selection, they do not navigate."""
    return QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


# --------------------------------------------------------------------------- people


class PeoplePanel(QWidget):
    """The people (PER entities) of an article with their role, mentions and quotes.

    Signals:
        entityActivated(str): a person was clicked or Enter was pressed on it (entity id).
        mergeRequested(str, str): merge the second person (id) into the first (id kept).
        renameRequested(str, str): entity id and the new name the user typed.
        roleRequested(str, str): entity id and the new role ("" clears it).
    """

    entityActivated = Signal(str)
    mergeRequested = Signal(str, str)
    renameRequested = Signal(str, str)
    roleRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[Entity] = []
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("پالایش نام یا نقش…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        columns = [self.tr("نام"), self.tr("نقش"), self.tr("اشاره"), self.tr("نقل قول")]
        self.tree.setColumnCount(len(columns))
        self.tree.setHeaderLabels(columns)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Names and the digit columns take what they need; the role gets the rest and is
        # elided (with the whole role in its tooltip) when the dock is narrow.
        header.setMinimumSectionSize(36)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.tree.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        self.empty_label = QLabel(self.tr("شخصی پیدا نشد"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)

        # Actions live on the panel so their shortcuts work from the list (keyboard access).
        self.rename_action = QAction(self.tr("تغییر نام…"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.role_action = QAction(self.tr("تعیین نقش…"), self)
        self.role_action.setShortcut(QKeySequence("Ctrl+R"))
        self.merge_action = QAction(self.tr("ادغام افراد انتخاب‌شده"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        for action in (self.rename_action, self.role_action, self.merge_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.rename_action.triggered.connect(self.on_rename_action_triggered)
        self.role_action.triggered.connect(self.on_role_action_triggered)
        self.merge_action.triggered.connect(self.on_merge_action_triggered)

        self.filter_edit.textChanged.connect(self.on_filter_textChanged)
        self.tree.clicked.connect(self.on_tree_clicked)
        self.tree.activated.connect(self.on_tree_activated)
        self.tree.customContextMenuRequested.connect(self.on_tree_customContextMenuRequested)
        self.tree.itemSelectionChanged.connect(self.on_tree_itemSelectionChanged)
        self._filler = Slicer(self)
        self.on_tree_itemSelectionChanged()
        self._update_empty()

    # ----------------------------------------------------------------- data

    def set_annotations(self, ann: Annotations) -> None:
        people = [e for e in ann.entities if e.type == "PER"]
        self._filler.start(self._load(ann, people), at_once=len(people) <= SYNC_ROWS)

    def _load(self, ann: Annotations, people: list[Entity]) -> Iterator[None]:
        selected = set(self.selected_ids())
        self.tree.clear()
        quotes = Counter(q.speaker for q in ann.quotes if q.speaker)
        ordered: list[Entity] = []
        yield from _by_mentions(people, ordered)
        self._people = ordered
        yield
        batch: list[QTreeWidgetItem] = []
        for person in self._people:
            item = QTreeWidgetItem(
                [person.name, person.role or "", fa_number(len(person.mentions)), fa_number(quotes[person.id])]
            )
            item.setData(0, ID_ROLE, person.id)
            item.setToolTip(0, person.name + (f" — {person.role}" if person.role else ""))
            if person.role:
                item.setToolTip(1, person.role)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
            batch.append(item)
            if len(batch) == 50:
                self._add_items(batch, selected)
                batch = []
                yield
        self._add_items(batch, selected)
        if self.filter_edit.text().strip():
            self.on_filter_textChanged(self.filter_edit.text())
        else:
            self._update_empty()

    def _add_items(self, items: list[QTreeWidgetItem], selected: set[str]) -> None:
        self.tree.addTopLevelItems(items)
        for item in items:
            if item.data(0, ID_ROLE) in selected:
                item.setSelected(True)

    def filling(self) -> bool:
        return self._filler.busy()

    def item_for(self, entity_id: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, ID_ROLE) == entity_id:
                return item
        return None

    def visible_ids(self) -> list[str]:
        return [
            item.data(0, ID_ROLE)
            for item in (self.tree.topLevelItem(r) for r in range(self.tree.topLevelItemCount()))
            if not item.isHidden()
        ]

    def selected_ids(self) -> list[str]:
        return [item.data(0, ID_ROLE) for item in self.tree.selectedItems()]

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _person(self, entity_id: str) -> Entity | None:
        return next((p for p in self._people if p.id == entity_id), None)

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.visible_ids())

    # ----------------------------------------------------------------- slots

    @Slot(str)
    def on_filter_textChanged(self, text: str) -> None:
        key = fold_key(text.strip())
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            haystack = fold_key(item.text(0)) + "\n" + fold_key(item.text(1))
            item.setHidden(bool(key) and key not in haystack)
        self._update_empty()

    @Slot(QModelIndex)
    def on_tree_clicked(self, index: QModelIndex) -> None:
        if _plain_click():
            self._activate(index)

    @Slot(QModelIndex)
    def on_tree_activated(self, index: QModelIndex) -> None:
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        entity_id = index.siblingAtColumn(0).data(ID_ROLE)
        if entity_id:
            self.entityActivated.emit(entity_id)

    @Slot()
    def on_tree_itemSelectionChanged(self) -> None:
        has_current = bool(self.selected_ids()) or self.current_id() is not None
        self.rename_action.setEnabled(has_current)
        self.role_action.setEnabled(has_current)
        self.merge_action.setEnabled(len(self.selected_ids()) >= 2)

    @Slot(QPoint)
    def on_tree_customContextMenuRequested(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None and not item.isSelected():
            self.tree.setCurrentItem(item)
        menu = self.build_menu()
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _target_id(self) -> str | None:
        """The person an action applies to: the current item, else the first selected one."""
        current = self.current_id()
        if current is not None:
            return current
        selected = self.selected_ids()
        return selected[0] if selected else None

    def build_menu(self) -> QMenu:
        """The context menu for the current person (also reachable with the Menu key)."""
        menu = QMenu(self)
        target = self._target_id()
        if target is not None:
            show = menu.addAction(self.tr("نمایش اشاره‌ها"))
            show.triggered.connect(lambda: self.entityActivated.emit(target))
            menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addAction(self.role_action)
        menu.addAction(self.merge_action)
        into = menu.addMenu(self.tr("ادغام در…"))
        into.setEnabled(target is not None and len(self._people) > 1)
        for person in self._people:
            if person.id == target:
                continue
            action = into.addAction(person.name)
            action.triggered.connect(
                lambda _checked=False, keep=person.id, other=target: self.mergeRequested.emit(keep, other)
            )
        return menu

    @Slot()
    def on_rename_action_triggered(self) -> None:
        target = self._target_id()
        person = self._person(target) if target else None
        if person is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("تغییر نام"), self.tr("نام تازه برای «%1»:").replace("%1", person.name), text=person.name
        )
        name = " ".join(name.split())
        if ok and name and name != person.name:
            self.renameRequested.emit(person.id, name)

    @Slot()
    def on_role_action_triggered(self) -> None:
        target = self._target_id()
        person = self._person(target) if target else None
        if person is None:
            return
        role, ok = QInputDialog.getText(
            self, self.tr("تعیین نقش"), self.tr("نقش «%1»:").replace("%1", person.name), text=person.role or ""
        )
        role = " ".join(role.split())
        if ok and role != (person.role or ""):
            self.roleRequested.emit(person.id, role)

    @Slot()
    def on_merge_action_triggered(self) -> None:
        selected = self.selected_ids()
        if len(selected) < 2:
            return
        # Keep the current person if it is among the selection, else the most mentioned one.
        current = self.current_id()
        keep = current if current in selected else selected[0]
        for other in selected:
            if other != keep:
                self.mergeRequested.emit(keep, other)


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

    def set_annotations(self, ann: Annotations) -> None:
        self._filler.start(self._load(ann), at_once=len(ann.quotes) <= SYNC_ROWS)

    def _load(self, ann: Annotations) -> Iterator[None]:
        names = {e.id: e.name for e in ann.entities}
        yield
        quotes = []
        for index, quote in enumerate(sorted(ann.quotes, key=lambda q: q.start)):
            if quote.speaker and quote.speaker in names:
                key, label = quote.speaker, names[quote.speaker]
            elif quote.speaker_text:
                key, label = "text:" + fold_key(quote.speaker_text), quote.speaker_text
            else:
                key, label = "", self.tr("نامشخص")
            quotes.append((quote, key, label))
            if index % 200 == 199:
                yield
        self._quotes = quotes
        speakers: dict[str, tuple[str, int]] = {}
        for _quote, key, label in self._quotes:
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
            item.setToolTip(" ".join(words.split()))
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
        if _plain_click():
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.clicked.connect(self.on_tree_clicked)
        self.tree.activated.connect(self.on_tree_activated)
        self._filler = Slicer(self)

    def set_annotations(self, ann: Annotations) -> None:
        collapsed = {
            self.tree.topLevelItem(r).data(0, ID_ROLE)
            for r in range(self.tree.topLevelItemCount())
            if not self.tree.topLevelItem(r).isExpanded()
        }
        self._filler.stop()
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
            yield from _by_mentions(members, ordered)
            members = ordered
            yield
            batch: list[QTreeWidgetItem] = []
            for entity in members:
                child = QTreeWidgetItem([entity.name, fa_number(len(entity.mentions))])
                child.setData(0, ID_ROLE, entity.id)
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                if entity.role:
                    child.setToolTip(0, f"{entity.name} — {entity.role}")
                batch.append(child)
                if len(batch) == 50:
                    group.addChildren(batch)
                    batch = []
                    yield
            group.addChildren(batch)

    def filling(self) -> bool:
        return self._filler.busy()

    def group_labels(self) -> list[str]:
        return [self.tree.topLevelItem(r).text(0) for r in range(self.tree.topLevelItemCount())]

    @Slot(QModelIndex)
    def on_tree_clicked(self, index: QModelIndex) -> None:
        if _plain_click():
            self._activate(index)

    @Slot(QModelIndex)
    def on_tree_activated(self, index: QModelIndex) -> None:
        self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        entity_id = index.siblingAtColumn(0).data(ID_ROLE)
        if entity_id and not entity_id.startswith("type:"):
            self.entityActivated.emit(entity_id)


def _by_mentions(entities: list[Entity], into: list[Entity]) -> Iterator[None]:
    """Put ``entities`` into ``into``, most mentioned first, then by name; a step every 200.

    Folding thousands of names for the sort took 30 ms and more in one go.
    """
    keys = []
    for index, entity in enumerate(entities):
        keys.append((-len(entity.mentions), fold_key(entity.name), index))
        if index % 200 == 199:
            yield
    keys.sort()
    into[:] = [entities[index] for _m, _k, index in keys]
