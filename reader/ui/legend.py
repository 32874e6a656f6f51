"""The legend under the article: one coloured check box per entity type to show or hide it."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from reader.ui.entity_types import type_label
from reader.ui.theme import TYPE_ORDER, Theme


class Legend(QWidget):
    """Check boxes per entity type, each in its highlight colour.

    Signals:
        hiddenTypesChanged(object): the set of type codes now hidden.
    """

    hiddenTypesChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(10)
        title = QLabel(self.tr("نمایش:"), self)
        layout.addWidget(title)
        self.boxes: dict[str, QCheckBox] = {}
        for etype in TYPE_ORDER:
            box = QCheckBox(type_label(etype), self)
            box.setObjectName(f"legend-{etype}")
            box.setChecked(True)
            box.toggled.connect(self.on_toggled)
            layout.addWidget(box)
            self.boxes[etype] = box
        layout.addStretch(1)

    def hidden_types(self) -> set[str]:
        return {t for t, box in self.boxes.items() if not box.isChecked()}

    def set_hidden_types(self, hidden: set[str]) -> None:
        for etype, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(etype not in hidden)
            box.blockSignals(False)

    def set_theme(self, theme: Theme) -> None:
        for etype, box in self.boxes.items():
            box.setStyleSheet(
                f"QCheckBox {{ background: {theme.entity[etype]}; color: {theme.text}; "
                "border-radius: 4px; padding: 2px 6px; }"
            )

    @Slot(bool)
    def on_toggled(self, _checked: bool) -> None:
        self.hiddenTypesChanged.emit(self.hidden_types())
