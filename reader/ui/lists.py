"""What the side lists share: item data roles, row limits, Persian counts, eliding and sorting."""

from __future__ import annotations

from typing import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

from reader.core.dates.calendar import to_persian_digits
from reader.core.document import Entity
from reader.core.text import fold_key

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


def plain_click() -> bool:
    """A click without Ctrl/Shift: those only extend the selection, they do not navigate."""
    return QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def by_mentions(entities: list[Entity], into: list[Entity]) -> Iterator[None]:
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


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level rows (Qt's stubs allow None for any row; within the count there is none)."""
    items = (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]
