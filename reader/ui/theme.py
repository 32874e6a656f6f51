"""Light and dark themes: the application palette and the entity highlight colours.

Highlight colours are chosen per theme so that the article text keeps at least
a 4.5:1 contrast ratio on every entity background (tested), and the selected
entity's stronger colour stays readable too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

TYPE_ORDER = ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")


@dataclass(frozen=True)
class Theme:
    """Every colour the reading window draws with, for one theme."""

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


LIGHT = Theme(
    name="light",
    window="#f3f1ec",
    base="#fffdf8",
    text="#1d1d1f",
    muted="#5c5f66",
    highlight="#2f6fde",
    entity={
        "PER": "#ffd8a8", "LOC": "#c3ecc8", "ORG": "#c5defa", "DAT": "#ecd4f7",
        "TIM": "#fff0a8", "MON": "#c8f2e6", "PCT": "#ffd4d4",
    },
    strong={
        "PER": "#f7a24a", "LOC": "#6fcf7f", "ORG": "#78b4f2", "DAT": "#c99ae6",
        "TIM": "#f2d34c", "MON": "#6fd9bb", "PCT": "#f29a9a",
    },
    quote="#eef0f4",
    quote_text="#2b3a67",
    date_line="#9b4dca",
    find="#fff176",
    find_current="#ff9800",
)

DARK = Theme(
    name="dark",
    window="#1f2125",
    base="#17181b",
    text="#e8e6e3",
    muted="#a3a7ae",
    highlight="#5b8def",
    entity={
        "PER": "#6b4216", "LOC": "#24552f", "ORG": "#1f4368", "DAT": "#52305f",
        "TIM": "#5c5112", "MON": "#1b5148", "PCT": "#6a2a2a",
    },
    strong={
        "PER": "#a5651f", "LOC": "#2f7a42", "ORG": "#2c6299", "DAT": "#7a4790",
        "TIM": "#86761a", "MON": "#26776a", "PCT": "#9a3b3b",
    },
    quote="#252a33",
    quote_text="#b9c8f2",
    date_line="#d59cf5",
    find="#7a6a00",
    find_current="#b35c00",
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def apply(app: QApplication, name: str) -> Theme:
    """Give the whole application the palette of theme ``name``; returns the theme."""
    chosen = theme(name)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
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
