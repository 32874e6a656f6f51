"""Overlapping annotation spans turned into properly nested runs for markup.

Quotes, entity mentions and dates may overlap in any way (a date inside a
quote, a mention crossing a quote's edge). Markup needs strict nesting, so the
text is cut at every span boundary and, for each piece, the spans covering it
are listed outermost first; a writer closes and reopens elements where the
list changes, which splits a crossing span into well-formed pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

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


def pieces(
    spans: Sequence[Layer], start: int, end: int
) -> Iterator[tuple[int, int, tuple[Layer, ...]]]:
    """Cut ``start..end`` at span boundaries: (piece start, piece end, covering spans outer first)."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = {start, end}
    for s in inside:
        cuts.add(max(s.start, start))
        cuts.add(min(s.end, end))
    points = sorted(cuts)
    # Sweep with events so a long article with many spans stays near-linear.
    by_start = sorted(inside, key=lambda s: max(s.start, start))
    active: list[Layer] = []
    k = 0
    for a, b in zip(points, points[1:]):
        while k < len(by_start) and max(by_start[k].start, start) <= a:
            active.append(by_start[k])
            k += 1
        active = [s for s in active if s.end > a]
        covering = tuple(sorted((s for s in active if s.start <= a and s.end >= b), key=lambda s: s.order))
        yield a, b, covering
