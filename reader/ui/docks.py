"""The sidebars around the article (people, quotes, entities, mentions, timeline) as dock widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.core.document import Annotations

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _panel_classes() -> dict[str, Any]:
    """The panel classes that exist in this build (each is written independently)."""
    found: dict[str, Any] = {}
    try:
        from reader.ui.sidebar import EntitiesPanel, PeoplePanel, QuotesPanel

        found.update(people=PeoplePanel, quotes=QuotesPanel, entities=EntitiesPanel)
    except ImportError:
        pass
    try:
        from reader.ui.mentions import MentionsPanel

        found["mentions"] = MentionsPanel
    except ImportError:
        pass
    try:
        from reader.ui.timeline import TimelinePanel

        found["timeline"] = TimelinePanel
    except ImportError:
        pass
    return found


class Docks(QObject):
    """Creates the panels as docks and keeps them in step with the window's annotations."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        titles = {
            "people": window.tr("افراد"),
            "quotes": window.tr("نقل قول‌ها"),
            "entities": window.tr("نام‌ها"),
            "mentions": window.tr("اشاره‌ها"),
            "timeline": window.tr("گاه‌شمار"),
        }
        # In a right-to-left window the "left" dock area is the far side from where reading starts.
        areas = {
            "people": Qt.DockWidgetArea.LeftDockWidgetArea,
            "entities": Qt.DockWidgetArea.LeftDockWidgetArea,
            "quotes": Qt.DockWidgetArea.LeftDockWidgetArea,
            "mentions": Qt.DockWidgetArea.RightDockWidgetArea,
            "timeline": Qt.DockWidgetArea.RightDockWidgetArea,
        }
        for key, cls in _panel_classes().items():
            panel = cls(window)
            dock = QDockWidget(titles[key], window)
            dock.setObjectName(f"dock-{key}")
            dock.setWidget(panel)
            window.addDockWidget(areas[key], dock)
            self.panels[key] = panel
            self.docks[key] = dock
        if "people" in self.docks and "entities" in self.docks:
            window.tabifyDockWidget(self.docks["people"], self.docks["entities"])
        if "people" in self.docks and "quotes" in self.docks:
            window.tabifyDockWidget(self.docks["people"], self.docks["quotes"])
        if "people" in self.docks:
            self.docks["people"].raise_()
        if "mentions" in self.docks and "timeline" in self.docks:
            window.tabifyDockWidget(self.docks["timeline"], self.docks["mentions"])

    def connect_to(self, window: "MainWindow") -> None:
        for panel in self.panels.values():
            for name, slot in (
                ("entityActivated", window.on_entity_activated),
                ("quoteActivated", window.on_span_activated),
                ("mentionActivated", window.on_span_activated),
                ("dateActivated", window.on_span_activated),
                ("articleDateChanged", window.on_article_date_changed),
                ("mergeRequested", window.on_merge_requested),
                ("renameRequested", window.on_rename_requested),
                ("roleRequested", window.on_role_requested),
            ):
                signal = getattr(panel, name, None)
                if signal is not None:
                    signal.connect(slot)

    def set_annotations(self, ann: Annotations) -> None:
        for key, panel in self.panels.items():
            if key != "mentions" and hasattr(panel, "set_annotations"):
                panel.set_annotations(ann)

    def clear(self) -> None:
        mentions = self.panels.get("mentions")
        if mentions is not None and hasattr(mentions, "clear"):
            mentions.clear()

    def show_entity(self, ann: Annotations, entity_id: str) -> None:
        mentions = self.panels.get("mentions")
        if mentions is not None:
            mentions.show_entity(ann, entity_id)  # type: ignore[attr-defined]
            dock = self.docks["mentions"]
            dock.show()
            dock.raise_()

    def set_current_mention(self, index: int) -> None:
        mentions = self.panels.get("mentions")
        if mentions is not None and hasattr(mentions, "set_current"):
            mentions.set_current(index)

    def toggle_actions(self) -> list:  # type: ignore[type-arg]
        return [dock.toggleViewAction() for dock in self.docks.values()]
