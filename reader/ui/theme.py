"""Light and dark themes: the application palette and the entity highlight colours.

Highlight colours are chosen per theme so that the article text keeps at least
a 4.5:1 contrast ratio on every entity background (tested), and the selected
entity's stronger colour stays readable too.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from reader.core import palette

TYPE_ORDER = palette.TYPE_ORDER
LEGEND_ORDER = palette.LEGEND_ORDER


class Theme(NamedTuple):
    """Every colour the reading window draws with, for one theme (highlights from ``reader.core.palette``).

    A named tuple rather than a frozen dataclass, as ``palette.Highlights`` (see there why).
    """

    name: str
    window: str
    base: str
    text: str
    muted: str
    highlight: str
    entity: dict[str, str]  # type -> background
    strong: dict[str, str]  # type -> background of the selected entity
    quote: str
    quote_text: str
    date_line: str
    find: str
    find_current: str

    def swatch(self, code: str) -> str:
        """The legend colour of an entity type or of quotes (``palette.QUOTE``)."""
        return self.quote if code == palette.QUOTE else self.entity.get(code, self.base)


LIGHT = Theme(
    name="light",
    window="#f3f1ec",
    base=palette.LIGHT.base,
    text=palette.LIGHT.text,
    muted="#5c5f66",
    highlight="#2f6fde",
    entity=palette.LIGHT.entity,
    strong=palette.LIGHT.strong,
    quote=palette.LIGHT.quote,
    quote_text=palette.LIGHT.text,
    date_line=palette.LIGHT.date_line,
    find="#fff176",
    find_current="#ff9800",
)

DARK = Theme(
    name="dark",
    window="#1f2125",
    base=palette.DARK.base,
    text=palette.DARK.text,
    muted="#a3a7ae",
    highlight="#5b8def",
    entity=palette.DARK.entity,
    strong=palette.DARK.strong,
    quote=palette.DARK.quote,
    quote_text=palette.DARK.text,
    date_line=palette.DARK.date_line,
    find="#7a6a00",
    find_current="#b35c00",
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def apply(app: QApplication, name: str, style: bool = True) -> Theme:
    """Give the whole application the Fusion style and the palette of theme ``name``; returns the theme.

    ``style=False`` leaves the style alone, for an application made with Fusion already
    (``reader.ui.launch``): the first QStyle to reach Python makes PySide6 build its eleven enum
    classes (~5 ms), which the window's first frame does without.
    """
    chosen = theme(name)
    if style and app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: chosen.window,
        QPalette.ColorRole.WindowText: chosen.text,
        QPalette.ColorRole.Base: chosen.base,
        QPalette.ColorRole.AlternateBase: chosen.window,
        QPalette.ColorRole.Text: chosen.text,
        QPalette.ColorRole.Button: chosen.window,
        QPalette.ColorRole.ButtonText: chosen.text,
        QPalette.ColorRole.ToolTipBase: chosen.base,
        QPalette.ColorRole.ToolTipText: chosen.text,
        QPalette.ColorRole.PlaceholderText: chosen.muted,
        QPalette.ColorRole.Highlight: chosen.highlight,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: chosen.highlight,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(chosen.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(chosen.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(chosen.muted))
    app.setPalette(palette)
    return chosen


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        parts = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            parts.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
