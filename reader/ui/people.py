"""The people panel: an article's persons with role, mentions and quotes; rename, set role, merge."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Annotations, Entity
from reader.core.text import fold_key
from reader.ui.lists import ID_ROLE, MEASURED_ROWS, SYNC_ROWS, by_mentions, fa_number, plain_click, top_level_items
from reader.ui.plain import plain
from reader.ui.slices import Slicer


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

    def show_pending(self, message: str) -> None:
        """No person listed; ``message`` («در حال تحلیل…») where the list would be."""
        self._filler.stop()
        self.tree.clear()
        self._people = []
        self.empty_label.setText(message)
        self.empty_label.setVisible(True)
        self.on_tree_itemSelectionChanged()

    def set_annotations(self, ann: Annotations) -> None:
        self.empty_label.setText(self.tr("شخصی پیدا نشد"))
        people = [e for e in ann.entities if e.type == "PER"]
        self._filler.start(self._load(ann, people), at_once=len(people) <= SYNC_ROWS)

    def _load(self, ann: Annotations, people: list[Entity]) -> Iterator[None]:
        selected = set(self.selected_ids())
        self.tree.clear()
        quotes = Counter(q.speaker for q in ann.quotes if q.speaker)
        ordered: list[Entity] = []
        yield from by_mentions(people, ordered)
        self._people = ordered
        yield
        batch: list[QTreeWidgetItem] = []
        for person in self._people:
            item = QTreeWidgetItem(
                [person.name, person.role or "", fa_number(len(person.mentions)), fa_number(quotes[person.id])]
            )
            item.setData(0, ID_ROLE, person.id)
            item.setToolTip(0, plain(person.name + (f" — {person.role}" if person.role else "")))
            if person.role:
                item.setToolTip(1, plain(person.role))
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
        for item in top_level_items(self.tree):
            if item.data(0, ID_ROLE) == entity_id:
                return item
        return None

    def visible_ids(self) -> list[str]:
        return [item.data(0, ID_ROLE) for item in top_level_items(self.tree) if not item.isHidden()]

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
        for item in top_level_items(self.tree):
            haystack = fold_key(item.text(0)) + "\n" + fold_key(item.text(1))
            item.setHidden(bool(key) and key not in haystack)
        self._update_empty()

    @Slot(QModelIndex)
    def on_tree_clicked(self, index: QModelIndex) -> None:
        if plain_click():
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
