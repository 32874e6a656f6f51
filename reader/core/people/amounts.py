"""After tagging: amounts keep their whole number, and a month inside a date is not a place.

hazm splits «3.5» and «۲/۵» at the separator, so the tagger sees «5 میلیارد دلار» and the
amount loses its whole part; a money or percent mention is widened back over digits joined
to it by «.», «٫», «/», «,» or «،» with no space. And «آذر» in «۲۰ آذر», «تیر» in «۱۵ تیر»
are the month, whatever the tagger said: a name mention inside a calendar date goes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from reader.core.document import DateMention, Entity, Span
from reader.core.text import fold_key

_AMOUNT_TYPES = ("MON", "PCT")
# Digits, then a separator, right before a mention that starts with a digit: «3.|5 میلیارد».
_WHOLE_PART = re.compile(r"[0-9۰-۹٠-٩]+[.٫/,،٬']$")
_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_NAMED_TYPES = ("LOC", "PER", "ORG")


def whole_amounts(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with money and percent mentions widened over the whole number, regrouped by spelling."""
    spans: dict[str, list[Span]] = {t: [] for t in _AMOUNT_TYPES}
    changed = False
    for entity in entities:
        if entity.type not in _AMOUNT_TYPES:
            continue
        for span in entity.mentions:
            start = span.start
            while start > 0 and _DIGIT.match(text, start):
                m = _WHOLE_PART.search(text, max(0, start - 24), start)
                if m is None or (m.start() > 0 and _DIGIT.match(text, m.start() - 1)):
                    break
                start = m.start()
            changed = changed or start != span.start
            spans[entity.type].append(Span(start, span.end, span.kind))
    if not changed:
        return list(entities)
    kept = [e for e in entities if e.type not in _AMOUNT_TYPES]
    rebuilt: list[Entity] = []
    for etype, found in spans.items():
        groups: dict[str, list[Span]] = {}
        for span in sorted(found):
            groups.setdefault(fold_key(text[span.start : span.end]), []).append(span)
        for number, members in enumerate(sorted(groups.values(), key=lambda g: g[0].start), start=1):
            first = members[0]
            rebuilt.append(
                Entity(
                    id=f"{etype.lower()}-{number}",
                    type=etype,
                    name=text[first.start : first.end],
                    mentions=tuple(sorted(set(members))),
                )
            )
    merged = kept + rebuilt
    merged.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    return merged


def without_names_in_dates(entities: Sequence[Entity], dates: Sequence[DateMention]) -> list[Entity]:
    """``entities`` less every place, person or organisation mention lying inside a calendar date."""
    inside = sorted((d.start, d.end) for d in dates if d.kind in ("date", "range"))
    if not inside:
        return list(entities)
    starts = [s for s, _ in inside]

    def in_a_date(span: Span) -> bool:
        k = bisect.bisect_right(starts, span.start) - 1
        return k >= 0 and inside[k][0] <= span.start and span.end <= inside[k][1]

    out = []
    for entity in entities:
        if entity.type in _NAMED_TYPES:
            mentions = tuple(m for m in entity.mentions if not in_a_date(m))
            if not mentions:
                continue
            if len(mentions) != len(entity.mentions):
                entity = replace(entity, mentions=mentions)
        out.append(entity)
    return out
