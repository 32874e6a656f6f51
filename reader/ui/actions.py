"""The main window's menus and their shortcuts (every action is reachable from the keyboard)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from functools import partial
from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from reader.ui.i18n import isolate
from reader.ui.plain import plain
from reader.ui.settings import Settings
from reader.ui.toolbar import ShortcutsDialog

# Called by this plain name, with literal arguments, so that pyside6-lupdate extracts every string
# (it does not follow a wrapper); the context is the window's, whose class name it matches.
translate = QCoreApplication.translate


class MenuHost(Protocol):
    """What the menus call on the window (kept here so the menus need not import the window)."""

    settings: Settings
    undo_stack: QUndoStack

    def choose_file(self) -> None: ...

    def open_path(self, path: str) -> None: ...

    def save(self, ask: bool = False) -> bool: ...

    def export(self, fmt: str) -> None: ...

    def open_find(self) -> None: ...

    def walk_mentions(self, backward: bool = False) -> None: ...

    def zoom(self, step: int | None) -> None: ...

    def apply_theme(self, name: str) -> None: ...

    def dock_toggles(self) -> list[QAction]: ...

    def reanalyse(self) -> None: ...


@dataclass
class Actions:
    """The actions tests and other code need to reach by name."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None


def _action(window: QMainWindow, actions: Actions, name: str, text: str, slot: Callable[[], object],
            shortcuts: list[QKeySequence] | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    actions.by_name[name] = action
    return action


def build_menus(window: QMainWindow, host: MenuHost) -> Actions:
    """The menu bar's menus and the window-wide shortcuts of their actions."""
    actions = Actions()
    bar = window.menuBar()
    seq = QKeySequence
    std = QKeySequence.StandardKey

    file_menu = bar.addMenu(translate("MainWindow", "&پرونده"))
    file_menu.addAction(_action(window, actions, "open", translate("MainWindow", "باز کردن…"),
                                host.choose_file, [seq(std.Open)]))
    reanalyse = _action(window, actions, "reanalyse", translate("MainWindow", "تحلیل دوباره"),
                        host.reanalyse, [seq("F5")])
    reanalyse.setEnabled(False)
    file_menu.addAction(reanalyse)
    recent = file_menu.addMenu(translate("MainWindow", "پرونده‌های اخیر"))
    actions.recent_menu = recent
    recent.aboutToShow.connect(lambda: _fill_recent(host, recent))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, actions, "save", translate("MainWindow", "ذخیرهٔ نسخهٔ حاشیه‌نویسی‌شده"),
                                lambda: host.save(), [seq("Ctrl+S")]))
    file_menu.addAction(_action(window, actions, "save_as", translate("MainWindow", "ذخیره به نام…"),
                                lambda: host.save(ask=True), [seq("Ctrl+Shift+S")]))
    export = file_menu.addMenu(translate("MainWindow", "برون‌بری"))
    for fmt, label in (("json", "JSON"), ("brat", "brat"), ("conll", "CoNLL")):
        export.addAction(_action(window, actions, f"export_{fmt}", label, partial(host.export, fmt)))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, actions, "quit", translate("MainWindow", "خروج"),
                                window.close, [seq("Ctrl+Q")]))

    edit_menu = bar.addMenu(translate("MainWindow", "&ویرایش"))
    undo = host.undo_stack.createUndoAction(window, translate("MainWindow", "واگرد"))
    undo.setShortcuts([seq("Ctrl+Z")])
    redo = host.undo_stack.createRedoAction(window, translate("MainWindow", "ازنو"))
    redo.setShortcuts([seq("Ctrl+Shift+Z"), seq("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(name)
        window.addAction(action)
        actions.by_name[name] = action
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    edit_menu.addAction(_action(window, actions, "find", translate("MainWindow", "جست‌وجو…"),
                                host.open_find, [seq("Ctrl+F")]))
    edit_menu.addAction(_action(window, actions, "next_mention", translate("MainWindow", "اشارهٔ بعدی"),
                                lambda: host.walk_mentions(False), [seq("F3")]))
    edit_menu.addAction(_action(window, actions, "previous_mention", translate("MainWindow", "اشارهٔ قبلی"),
                                lambda: host.walk_mentions(True), [seq("Shift+F3")]))

    view_menu = bar.addMenu(translate("MainWindow", "&نما"))
    view_menu.addAction(_action(window, actions, "zoom_in", translate("MainWindow", "بزرگ‌نمایی"),
                                lambda: host.zoom(1), [seq("Ctrl+="), seq("Ctrl++")]))
    view_menu.addAction(_action(window, actions, "zoom_out", translate("MainWindow", "کوچک‌نمایی"),
                                lambda: host.zoom(-1), [seq("Ctrl+-")]))
    view_menu.addAction(_action(window, actions, "zoom_reset", translate("MainWindow", "اندازهٔ عادی"),
                                lambda: host.zoom(None), [seq("Ctrl+0")]))
    view_menu.addSeparator()
    group = QActionGroup(window)
    for name, label, keys in (("light", translate("MainWindow", "پوستهٔ روشن"), "Ctrl+Shift+L"),
                              ("dark", translate("MainWindow", "پوستهٔ تیره"), "Ctrl+Shift+D")):
        action = _action(window, actions, f"theme_{name}", label, partial(host.apply_theme, name), [seq(keys)])
        action.setCheckable(True)
        action.setData(name)
        group.addAction(action)
        actions.themes[name] = action
        view_menu.addAction(action)
    # The toolbar's one button for both themes.
    _action(window, actions, "theme_toggle", translate("MainWindow", "تغییر پوسته"),
            lambda: host.apply_theme("light" if actions.themes["dark"].isChecked() else "dark"))
    view_menu.addSeparator()
    for toggle in host.dock_toggles():
        view_menu.addAction(toggle)

    help_menu = bar.addMenu(translate("MainWindow", "&راهنما"))
    help_menu.addAction(_action(window, actions, "shortcuts", translate("MainWindow", "میان‌برهای صفحه‌کلید"),
                                lambda: show_shortcuts(window, actions), [seq("Ctrl+/")]))
    help_menu.addAction(_action(window, actions, "about", translate("MainWindow", "دربارهٔ خوانا"),
                                lambda: show_about(window), [seq("F1")]))
    return actions


def _fill_recent(host: MenuHost, menu: QMenu) -> None:
    menu.clear()
    recent = host.settings.recent_files()
    for index, path in enumerate(recent):
        action = menu.addAction(f"&{index + 1} {isolate(Path(path).name)}")
        action.setToolTip(plain(path))
        action.triggered.connect(lambda _checked=False, p=path: host.open_path(p))
    if not recent:
        empty = menu.addAction(translate("MainWindow", "(خالی)"))
        empty.setEnabled(False)
    else:
        menu.addSeparator()
        clear = menu.addAction(translate("MainWindow", "پاک کردن فهرست"))
        clear.triggered.connect(lambda _checked=False: host.settings.clear_recent_files())


def _about_text() -> str:
    # One literal, so pyside6-lupdate extracts it; the translation sets its own direction.
    return translate("MainWindow", """<div dir='rtl'>
<h3>خوانا</h3>
<p>خبرخوان فارسی با نمایش نام‌ها، نقل قول‌ها و تاریخ‌ها.</p>
<p>قلم <b>وزیرمتن</b> (Vazirmatn) از صابر راستی‌کردار، با پروانهٔ SIL Open Font License 1.1.</p>
<p>تشخیص نام‌ها با پیکرهٔ پیما آموخته شده است:<br>
Shahshahani, M. S., Mohseni, M., Shakery, A., Faili, H.
<i>PEYMA: A Tagged Corpus for Persian Named Entities</i>. arXiv:1801.09936, 2018.</p>
<p>پردازش متن فارسی با hazm.</p>
</div>""")


def show_shortcuts(window: QMainWindow, actions: Actions) -> None:
    dialog = ShortcutsDialog(actions.by_name, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_about(window: QMainWindow) -> None:
    QMessageBox.about(window, translate("MainWindow", "دربارهٔ خوانا"), _about_text())
