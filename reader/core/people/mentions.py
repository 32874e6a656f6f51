"""The people stage's raw material: the tagger's chunks as mentions, and groups of mentions.

A mention keeps its sentence, its token range and its folded spelling (``feature_key``),
which the alias and role steps compare; a group is the mentions of one entity so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from reader.core.document import Span
from reader.core.ner.features import feature_key
from reader.core.ner.scoring import chunks
from reader.core.text import Sentence

# Types whose mentions merge across a document by spelling.
ID_PREFIX = {t: t.lower() for t in ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")}


@dataclass(slots=True)  # tens of thousands in a long text: no per-instance dict to make or to read through
class Mention:
    """One tagged chunk: its type, where it stands, and its folded spelling."""

    kind: str
    sentence: int
    first: int  # token indices in the sentence, end exclusive
    last: int
    span: Span
    keys: tuple[str, ...]  # folded token forms
    key: str  # folded whole name (joiners removed, so «جونگاون» == «جونگ اون»)


@dataclass(slots=True)
class Group:
    """The mentions found so far to be one entity."""

    kind: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(m.span.start for m in self.mentions)

    def fullest(self) -> Mention:
        """The first of the mentions with the most tokens (then the longest folded name)."""
        # One pass, no sort: a person named 40,000 times in a long text has 40,000 mentions.
        return min(self.mentions, key=lambda m: (-len(m.keys), -len(m.key), m.span.start))


def collect_mentions(sentences: Sequence[Sentence], tags: Sequence[Sequence[str]]) -> list[Mention]:
    """Every tagged chunk of a type Khana keeps, in document order."""
    if len(sentences) != len(tags):
        raise ValueError(f"{len(sentences)} sentences but {len(tags)} tag lists")
    mentions: list[Mention] = []
    for s_index, (sentence, s_tags) in enumerate(zip(sentences, tags)):
        if len(sentence.tokens) != len(s_tags):
            raise ValueError(f"sentence {s_index}: {len(sentence.tokens)} tokens but {len(s_tags)} tags")
        if s_tags.count("O") == len(s_tags):
            continue  # nothing tagged (a quarter of news sentences): no chunk to read
        for kind, first, last in chunks(s_tags):
            if kind not in ID_PREFIX:
                continue
            tokens = sentence.tokens[first:last]
            keys = tuple([feature_key(t.norm) for t in tokens])
            key = "".join(keys)
            if not key:
                continue
            mentions.append(
                Mention(kind, s_index, first, last, Span(tokens[0].start, tokens[-1].end), keys, key)
            )
    return mentions
