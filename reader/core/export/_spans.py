"""Overlapping annotation spans turned into properly nested runs for markup.

Quotes, entity mentions and dates may overlap in any way (a date inside a
quote, a mention crossing a quote's edge). Markup needs strict nesting, so a
writer cuts the text at every span boundary, orders the spans covering each
piece outermost first (``Layer.order``) and closes and reopens elements where
that list changes, which splits a crossing span into well-formed pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.core.document import Annotations

QUOTE, ENTITY, DATE = 0, 1, 2


@dataclass(frozen=True)
class Layer:
    """One annotation as a span: which layer it is on and the object it came from."""

    start: int
    end: int
    layer: int
    index: int
    item: Any  # Quote, (Entity, Span) or DateMention

    @property
    def order(self) -> tuple[int, int, int, int]:
        # One fixed order for every piece: earlier and longer spans are outer, so
        # nested spans nest and only truly crossing ones get split.
        return (self.start, -self.end, self.layer, self.index)


def layers(ann: Annotations) -> list[Layer]:
    """Every quote, mention and date of ``ann`` as a span, clipped to the text."""
    length = len(ann.text)
    spans: list[Layer] = []
    for i, quote in enumerate(ann.quotes):
        spans.append(Layer(quote.start, quote.end, QUOTE, i, quote))
    n = 0
    for entity in ann.entities:
        for mention in entity.mentions:
            spans.append(Layer(mention.start, mention.end, ENTITY, n, (entity, mention)))
            n += 1
    for i, date in enumerate(ann.dates):
        spans.append(Layer(date.start, date.end, DATE, i, date))
    return [
        s for s in spans
        if 0 <= s.start < s.end <= length
    ]
