"""The one palette and vocabulary of Khana's highlights, shared by the reading window and the saved copy.

Colours per theme: a background tint per entity type under the theme's text (each at least 4.5:1,
tested), a stronger tint for the selected entity, a line colour in the same hue (the copy's
underline, the date's dotted line), and the quote tint, kept apart in hue from every entity type
(the old lavender quote sat next to organisation blue). Words: what the window and the copy call
each thing, in Persian; the window's English comes from its Qt translation of these same words.
No Qt here: the copy is written by the core.
"""

from __future__ import annotations

from typing import NamedTuple

TYPE_ORDER = ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")
QUOTE = "QUOTE"  # the legend's code for quotes, beside the entity types
LEGEND_ORDER = TYPE_ORDER + (QUOTE,)


class Highlights(NamedTuple):
    """The highlight colours of one theme (hex strings).

    A named tuple, not a dataclass: the window reads these before its first frame, and the
    dataclasses module and a class made by it were ~2.5 ms of that frame (with ``Theme``).
    """

    text: str
    base: str
    entity: dict[str, str]  # type -> background
    strong: dict[str, str]  # type -> background of the selected entity
    line: dict[str, str]  # type -> underline in the same hue
    quote: str
    quote_line: str
    date_line: str


LIGHT = Highlights(
    text="#1d1d1f",
    base="#fffdf8",
    entity={
        "PER": "#ffd8a8", "LOC": "#c3ecc8", "ORG": "#c5defa", "DAT": "#ecd4f7",
        "TIM": "#fff0a8", "MON": "#c8f2e6", "PCT": "#ffd4d4",
    },
    strong={
        "PER": "#f7a24a", "LOC": "#6fcf7f", "ORG": "#78b4f2", "DAT": "#c99ae6",
        "TIM": "#f2d34c", "MON": "#6fd9bb", "PCT": "#f29a9a",
    },
    line={
        "PER": "#c2410c", "LOC": "#15803d", "ORG": "#1d4ed8", "DAT": "#7e22ce",
        "TIM": "#854d0e", "MON": "#0f766e", "PCT": "#b91c1c",
    },
    quote="#f1ece0",
    quote_line="#8a6d3b",
    date_line="#9b4dca",
)

DARK = Highlights(
    text="#e8e6e3",
    base="#17181b",
    entity={
        "PER": "#6b4216", "LOC": "#24552f", "ORG": "#1f4368", "DAT": "#52305f",
        "TIM": "#5c5112", "MON": "#1b5148", "PCT": "#6a2a2a",
    },
    strong={
        "PER": "#a5651f", "LOC": "#2f7a42", "ORG": "#2c6299", "DAT": "#7a4790",
        "TIM": "#86761a", "MON": "#26776a", "PCT": "#9a3b3b",
    },
    line={
        "PER": "#f7a24a", "LOC": "#6fcf7f", "ORG": "#78b4f2", "DAT": "#c99ae6",
        "TIM": "#f2d34c", "MON": "#6fd9bb", "PCT": "#f29a9a",
    },
    quote="#38332a",
    quote_line="#c9a86a",
    date_line="#d59cf5",
)

# What each thing is called, in the window and in the copy alike.
TYPE_NAMES = {
    "PER": "شخص", "LOC": "مکان", "ORG": "سازمان", "DAT": "تاریخ", "TIM": "زمان", "MON": "پول", "PCT": "درصد",
}
TYPE_PLURALS = {
    "PER": "اشخاص", "LOC": "مکان‌ها", "ORG": "سازمان‌ها", "DAT": "تاریخ‌ها", "TIM": "زمان", "MON": "پول",
    "PCT": "درصد",
}
WORDS = {
    "quote": "نقل قول",
    "quotes": "نقل قول‌ها",
    "quote_by": "نقل قول از",
    "role": "نقش",
    "name": "نام",
    "people": "افراد",
    "mentions": "اشاره‌ها",
    "type": "نوع",
}
