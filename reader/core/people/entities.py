"""From token tags to entities: mentions, alias merging and people's roles.

One ``Entity`` per real-world referent in a document. Mentions merge when
their spelling differs only by ZWNJ, spacing or letter variants; a partial
person name («پوتین») joins the one full name in the article that contains it
(«ولادیمیر پوتین»), but not when two people share it. A person's role comes
from an apposition after the name («بلینکن، وزیر خارجه آمریکا») or a title
before it («رئیس‌جمهور روسیه ولادیمیر پوتین»).

Matching uses the tokens' normalised forms through ``feature_key``; every text
returned (names, roles) is a slice of the document text, as the user sees it.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from reader.core.document import Entity, Span
from reader.core.people.aliases import group_by_spelling, merge_partial_names
from reader.core.people.mentions import ID_PREFIX, collect_mentions
from reader.core.people.roles import role_of
from reader.core.text import Sentence


def extract_entities(text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]]) -> list[Entity]:
    """Entities of a document from its sentences and their IOB tags, in order of first mention."""
    mentions = collect_mentions(sentences, tags)
    groups = group_by_spelling(mentions)
    groups = merge_partial_names(groups)
    groups.sort(key=lambda g: g.start)

    counters: dict[str, int] = {}
    entities: list[Entity] = []
    for group in groups:
        counters[group.kind] = counters.get(group.kind, 0) + 1
        best = group.fullest()
        role = role_of(text, sentences, tags, group) if group.kind == "PER" else None
        entities.append(
            Entity(
                id=f"{ID_PREFIX[group.kind]}-{counters[group.kind]}",
                type=group.kind,
                name=text[best.span.start : best.span.end],
                role=role,
                mentions=distinct_in_order(m.span for m in group.mentions),
            )
        )
    return entities


def distinct_in_order(spans: Iterable[Span]) -> tuple[Span, ...]:
    """``tuple(sorted(set(spans)))``, compared as (start, end) tuples.

    ``Span``'s dataclass-made ``__hash__`` and ``__lt__`` run in Python; a 5 MB text sorts
    tens of thousands of mentions, and tuples of ints hash and compare in C. A span equal to
    one met before (same offsets) is dropped, as a set drops it.
    """
    first: dict[tuple[int, int], Span] = {}
    for span in spans:
        first.setdefault((span.start, span.end), span)
    return tuple([first[offsets] for offsets in sorted(first)])
