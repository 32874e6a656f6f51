"""The sidebars around the article (people, quotes, entities, mentions, timeline) as dock widgets."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QWidget

from reader.core.document import Annotations



PANEL_KEYS = ("people", "quotes", "entities", "mentions", "timeline")


def _panel_classes() -> dict[str, Any]:
    """The panel classes, imported when the panels are first built (after the first paint)."""
    from reader.ui.mentions import MentionsPanel
    from reader.ui.people import PeoplePanel
    from reader.ui.sidebar import EntitiesPanel, QuotesPanel
    from reader.ui.timeline import TimelinePanel

    return {"people": PeoplePanel, "quotes": QuotesPanel, "entities": EntitiesPanel,
            "mentions": MentionsPanel, "timeline": TimelinePanel}


class Docks(QObject):
    """Creates the panels as docks and keeps them in step with the window's annotations."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._panels: dict[str, QWidget] | None = None
        self._slots: dict[str, Callable[..., None]] | None = None
        # What the panels say while the article's annotations are on their way (None: they are shown).
        self._pending: str | None = None
        self.docks: dict[str, QDockWidget] = {}
        titles = {
            "people": QCoreApplication.translate("MainWindow", "افراد"),
            "quotes": QCoreApplication.translate("MainWindow", "نقل قول‌ها"),
            "entities": QCoreApplication.translate("MainWindow", "نام‌ها"),
            "mentions": QCoreApplication.translate("MainWindow", "اشاره‌ها"),
            "timeline": QCoreApplication.translate("MainWindow", "گاه‌شمار"),
        }
        # One column of panels on the far side from where reading starts (the "left" area of a
        # right-to-left window), so the article keeps most of the width: the lists on top, the
        # mentions and the timeline below them, where a click in a list shows its result.
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        # The docks exist at once (so a saved layout restores); their panels are built on first
        # use, which the window asks for right after its first paint: importing and building
        # them took longer than the rest of the window.
        for key in PANEL_KEYS:
            dock = QDockWidget(titles[key], window)
            dock.setObjectName(f"dock-{key}")
            window.addDockWidget(left, dock)
            self.docks[key] = dock
            _explain_buttons(dock, titles[key])
        docks = self.docks
        lists = [docks[k] for k in ("people", "entities", "quotes") if k in docks]
        details = [docks[k] for k in ("mentions", "timeline") if k in docks]
        if lists and details:
            window.splitDockWidget(lists[0], details[0], Qt.Orientation.Vertical)
        for group in (lists, details):
            for other in group[1:]:
                window.tabifyDockWidget(group[0], other)
            if group:
                group[0].raise_()

    def apply_default_sizes(self, width: int) -> None:
        """The first-run proportions for a window ``width`` pixels wide (a saved state overrides them)."""
        docks = self.docks
        column = [d for d in (docks.get("people"), docks.get("mentions")) if d is not None]
        if not column:
            return
        # ~30% of the window, never under what the people table needs: the article keeps the rest.
        side = max(380, min(520, int(width * 0.3)))
        self.window.resizeDocks(column[:1], [side], Qt.Orientation.Horizontal)
        if len(column) == 2:
            self.window.resizeDocks(column, [40, 60], Qt.Orientation.Vertical)

    def keep_article_room(self, width: int) -> None:
        """In a window made narrow, take from the docks what the article needs (at least ~60%)."""
        column = [d for d in (self.docks.get("people"), self.docks.get("mentions")) if d is not None and d.isVisible()]
        if column and not column[0].isFloating() and column[0].width() > width * 0.4:
            self.window.resizeDocks(column[:1], [max(200, int(width * 0.35))], Qt.Orientation.Horizontal)

    @property
    def panels(self) -> dict[str, QWidget]:
        """The panels by key, built the first time they are needed."""
        if self._panels is None:
            self._panels = {}
            for key, cls in _panel_classes().items():
                panel = cls(self.window)
                self.docks[key].setWidget(panel)
                self._panels[key] = panel
            if self._slots is not None:
                self._connect_panels(self._slots)
            if self._pending is not None:
                self.show_pending(self._pending)
        return self._panels

    def build_panels(self) -> None:
        self.panels  # noqa: B018 - the property builds them

    def connect_to(self, slots: dict[str, Callable[..., None]]) -> None:
        """Connect each panel signal named in ``slots`` to its slot (a panel has some of them)."""
        self._slots = slots
        if self._panels is not None:
            self._connect_panels(slots)

    def _connect_panels(self, slots: dict[str, Callable[..., None]]) -> None:
        for panel in self.panels.values():
            for name, slot in slots.items():
                signal = getattr(panel, name, None)
                if signal is not None:
                    signal.connect(slot)

    def set_annotations(self, ann: Annotations, date_source: str = "") -> None:
        if self._pending is not None and "mentions" in self.panels:
            self.panels["mentions"].clear()  # type: ignore[attr-defined]
        self._pending = None
        for key, panel in self.panels.items():
            if key == "timeline":
                panel.set_annotations(ann, date_source)  # type: ignore[attr-defined]
            elif key != "mentions" and hasattr(panel, "set_annotations"):
                panel.set_annotations(ann)

    def show_pending(self, message: str) -> None:
        """Empty every panel at once and have each say ``message`` until annotations arrive."""
        self._pending = message
        if self._panels is None:
            return  # built after the first paint, and told then
        for panel in self._panels.values():
            panel.show_pending(message)  # type: ignore[attr-defined]

    def pending(self) -> str | None:
        return self._pending

    def show_entity(self, ann: Annotations, entity_id: str, raise_dock: bool = True) -> None:
        """List ``entity_id``'s mentions; ``raise_dock`` brings their dock to the front (a reader's
        click), which a correction or an article-date change must not do: its effect is elsewhere."""
        mentions = self.panels.get("mentions")
        if mentions is not None:
            mentions.show_entity(ann, entity_id)  # type: ignore[attr-defined]
            if raise_dock:
                dock = self.docks["mentions"]
                dock.show()
                dock.raise_()

    def set_current_mention(self, index: int) -> None:
        mentions = self.panels.get("mentions")
        if mentions is not None and hasattr(mentions, "set_current"):
            mentions.set_current(index)

    def toggle_actions(self) -> list[QAction]:
        """View ▸ one check item per panel (hide or show it)."""
        return [dock.toggleViewAction() for dock in self.docks.values()]


def _explain_buttons(dock: QDockWidget, title: str) -> None:
    """Tooltips for the dock's title-bar buttons (Qt gives them none) and its View-menu item."""
    tips = {
        "qt_dockwidget_closebutton": QCoreApplication.translate("MainWindow", "بستن «%1» (از منوی نما برمی‌گردد)"),
        "qt_dockwidget_floatbutton": QCoreApplication.translate("MainWindow", "جدا کردن «%1» در پنجره‌ای جدا یا بازگرداندن آن"),
    }
    for button in dock.findChildren(QAbstractButton):
        tip = tips.get(button.objectName())
        if tip:
            button.setToolTip(tip.replace("%1", title))
    dock.toggleViewAction().setToolTip(
        QCoreApplication.translate("MainWindow", "نمایش یا پنهان کردن «%1»").replace("%1", title))
