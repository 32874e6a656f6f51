"""The compact toolbar and the keyboard-shortcut list (Help ▸ Keyboard shortcuts).

Both are made from the menus' own actions, so a shortcut shown is the one that works.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QStyle,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import isolate, ltr

translate = QCoreApplication.translate

# (action name, short label on the button, standard icon or None)
TOOLBAR = (
    ("open", "باز کردن", QStyle.StandardPixmap.SP_DialogOpenButton),
    ("save", "ذخیره", QStyle.StandardPixmap.SP_DialogSaveButton),
    (None, "", None),
    ("find", "جست‌وجو", None),
    ("previous_mention", "اشارهٔ قبلی", None),
    ("next_mention", "اشارهٔ بعدی", None),
    (None, "", None),
    ("zoom_out", "−", None),
    ("zoom_in", "+", None),
    ("theme_toggle", "پوسته", None),
)


def _short_labels() -> dict[str, str]:
    # Literal calls, so pyside6-lupdate extracts each label.
    return {
        "open": translate("Toolbar", "باز کردن"),
        "save": translate("Toolbar", "ذخیره"),
        "find": translate("Toolbar", "جست‌وجو"),
        "previous_mention": translate("Toolbar", "اشارهٔ قبلی"),
        "next_mention": translate("Toolbar", "اشارهٔ بعدی"),
        "zoom_out": "−",
        "zoom_in": "+",
        "theme_toggle": translate("Toolbar", "پوسته"),
    }


def shortcut_text(action: QAction) -> str:
    """An action's shortcuts as the reader types them, each isolated so «Ctrl+Shift+S» keeps its order
    (in Persian, Qt names the keys «کنترل+شیفت+S», read from the right)."""
    return _keys(action.shortcuts())


def _keys(sequences: list[QKeySequence]) -> str:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences]
    return translate("Toolbar", " یا ").join(isolate(k) for k in keys if k)


def build_toolbar(window: QMainWindow, by_name: dict[str, QAction]) -> QToolBar:
    """A one-row toolbar of the everyday actions: each button says what it does and its shortcut."""
    bar = QToolBar(translate("Toolbar", "نوار ابزار"), window)
    bar.setObjectName("toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(16, 16))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    labels = _short_labels()
    style = window.style()
    for name, _label, icon in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = by_name[name]
        button_action = QAction(labels[name], bar)
        button_action.setObjectName(f"tool-{name}")
        if icon is not None:
            button_action.setIcon(style.standardIcon(icon))
        keys = shortcut_text(action)
        tip = action.text().replace("&", "").rstrip("…")
        button_action.setToolTip(f"{tip} ({keys})" if keys else tip)
        button_action.triggered.connect(action.trigger)
        action.enabledChanged.connect(button_action.setEnabled)
        button_action.setEnabled(action.isEnabled())
        bar.addAction(button_action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def shortcut_rows(by_name: dict[str, QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, then the keys of the panels and the timeline."""
    rows = []
    for action in by_name.values():
        keys = shortcut_text(action)
        if keys and action.text():
            rows.append((action.text().replace("&", ""), keys))
    rows += [
        (translate("Toolbar", "افراد: تغییر نام"), _keys([QKeySequence("F2")])),
        (translate("Toolbar", "افراد: تعیین نقش"), _keys([QKeySequence("Ctrl+R")])),
        (translate("Toolbar", "افراد: ادغام انتخاب‌شده‌ها"), _keys([QKeySequence("Ctrl+M")])),
        (translate("Toolbar", "گاه‌شمار: تاریخ بعدی / قبلی"), translate("Toolbar", "← / →")),
        (translate("Toolbar", "گاه‌شمار: بزرگ‌نمایی / کوچک‌نمایی / همه"), ltr("+ / − / 0")),
        (translate("Toolbar", "گاه‌شمار: جابه‌جایی"), translate("Toolbar", "Shift + چرخ موشواره")),
        (translate("Toolbar", "بستن نوار جست‌وجو"), _keys([QKeySequence("Esc")])),
    ]
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, in one table."""

    def __init__(self, by_name: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Toolbar", "میان‌برهای صفحه‌کلید"))
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([translate("Toolbar", "کار"), translate("Toolbar", "کلید")])
        for what, keys in shortcut_rows(by_name):
            self.table.addTopLevelItem(QTreeWidgetItem([what, keys]))
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.topLevelItem(i).text(0), self.table.topLevelItem(i).text(1))  # type: ignore[union-attr]
                for i in range(self.table.topLevelItemCount())]
