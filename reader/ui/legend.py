"""The legend under the article: one coloured check box per highlight (entity types and quotes).

The boxes wrap onto a second row in a narrow window instead of losing their names.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLayout, QLayoutItem, QWidget, QWidgetItem

from reader.ui.entity_types import type_label
from reader.ui.theme import LEGEND_ORDER, Theme


class FlowLayout(QLayout):
    """Items in rows, wrapping when the width runs out; rows start on the reading side."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()  # type: ignore[union-attr]
        x, y, row_height = 0, area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x and x + hint.width() > area.width():
                x, y, row_height = 0, y + row_height + self._spacing // 2, 0
            if apply:
                left = area.right() - x - hint.width() + 1 if rtl else area.x() + x
                item.setGeometry(QRect(QPoint(left, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class Legend(QWidget):
    """Check boxes per highlight, each in its colour; unchecking one hides that highlight.

    Signals:
        hiddenTypesChanged(object): the set of codes now hidden (entity types, "QUOTE").
    """

    hiddenTypesChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = FlowLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        title = QLabel(self.tr("نمایش:"), self)
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        for code in LEGEND_ORDER:
            box = QCheckBox(type_label(code), self)
            box.setObjectName(f"legend-{code}")
            box.setChecked(True)
            box.setToolTip(self.tr("نمایش یا پنهان کردن رنگ «%1» در متن").replace("%1", type_label(code)))
            box.toggled.connect(self.on_toggled)
            layout.addWidget(box)
            self.boxes[code] = box

    def hidden_types(self) -> set[str]:
        return {t for t, box in self.boxes.items() if not box.isChecked()}

    def set_hidden_types(self, hidden: set[str]) -> None:
        for etype, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(etype not in hidden)
            box.blockSignals(False)

    def set_theme(self, theme: Theme) -> None:
        for code, box in self.boxes.items():
            box.setStyleSheet(
                f"QCheckBox {{ background: {theme.swatch(code)}; color: {theme.text}; "
                "border-radius: 4px; padding: 2px 6px; }"
            )

    @Slot(bool)
    def on_toggled(self, _checked: bool) -> None:
        self.hiddenTypesChanged.emit(self.hidden_types())
