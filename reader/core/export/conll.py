"""CoNLL export: one ``token<TAB>tag`` per line in IOB2, a blank line between sentences.

Tokens come from ``reader.core.text.tokenize`` (hazm's tokenizer, anchored in
the user's text). A token is tagged when it lies inside an entity mention or a
date (``DAT`` for dates, ranges and relative dates, ``TIM`` for times; a
duration is not a point in time and stays ``O``). Where spans overlap, the one
starting first (then the longer, then the entity over the date) wins. The token
column is the user's text; whitespace inside a token (hazm sometimes joins two
words) is written as ZWNJ, the way Persian writes such a word.

Title and pronoun mentions («رهبر کره شمالی», «وی») are not named entities, so
they never take the tag column (the place inside a title keeps its ``B-LOC``).
When an article has any, a third column links every token to the mention it is
in, as IOB2 of ``KIND:ENTITY-ID`` (``B-title:per-4``, ``I-title:per-4``,
``B-pronoun:per-4``, ``B-name:per-4``; ``O`` outside), the outermost mention
winning (a title's own place is in the tag column). Without them a line has exactly two columns, as before.
"""

from __future__ import annotations

import heapq
from typing import Sequence

from reader.core.document import NAME, Annotations
from reader.core.text import Sentence, tokenize

ZWNJ = "\u200c"


def _spans(ann: Annotations) -> list[tuple[int, int, int, str, int]]:
    """(start, -end, priority, tag, id) for every taggable span, in winning order."""
    found: list[tuple[int, int, int, str, int]] = []
    ident = 0
    for entity in ann.entities:
        for mention in entity.mentions:
            if mention.kind == NAME:
                found.append((mention.start, -mention.end, 0, entity.type, ident))
            ident += 1
    for date in ann.dates:
        if date.kind == "duration":
            continue
        found.append((date.start, -date.end, 1, "TIM" if date.kind == "time" else "DAT", ident))
        ident += 1
    return sorted(found)


def _links(ann: Annotations) -> list[tuple[int, int, int, str, int]] | None:
    """(start, -end, 0, KIND:ID, id) of every PER/ORG/LOC mention, sorted; None without titles or pronouns."""
    if not any(m.kind != NAME for e in ann.entities for m in e.mentions):
        return None
    found: list[tuple[int, int, int, str, int]] = []
    ident = 0
    for entity in ann.entities:
        if entity.type not in ("PER", "ORG", "LOC"):
            continue
        for mention in entity.mentions:
            found.append((mention.start, -mention.end, 0, f"{mention.kind}:{entity.id}", ident))
            ident += 1
    return sorted(found)


class _Sweep:
    """Tags tokens in text order from spans sorted by start: only spans begun and not ended are kept."""

    def __init__(self, spans: list[tuple[int, int, int, str, int]]) -> None:
        self.spans = spans
        self.active: list[tuple[int, int, int, str, int]] = []
        self.k = 0
        self.previous: int | None = None

    def tag(self, start: int, end: int) -> str:
        # ``active`` is a heap in winning order. A span that does not reach this token's end
        # cannot cover a later token either (tokens do not overlap), so it is dropped for good:
        # each span is pushed and popped once, linear however many spans overlap.
        spans = self.spans
        while self.k < len(spans) and spans[self.k][0] <= start:
            heapq.heappush(self.active, spans[self.k])
            self.k += 1
        while self.active and -self.active[0][1] < end:
            heapq.heappop(self.active)
        winner = self.active[0] if self.active else None  # the outermost: a title holds the place inside it
        if winner is None:
            self.previous = None
            return "O"
        prefix = "I" if self.previous == winner[4] else "B"
        self.previous = winner[4]
        return f"{prefix}-{winner[3]}"

    def new_sentence(self) -> None:
        self.previous = None


def _token_text(text: str) -> str:
    return ZWNJ.join(text.split()) or "_"


def render_conll(ann: Annotations, sentences: Sequence[Sentence] | None = None) -> str:
    """The CoNLL text for ``ann``; ``sentences`` may be passed when already tokenized."""
    if sentences is None:
        sentences = tokenize(ann.text)
    tags = _Sweep(_spans(ann))
    links_spans = _links(ann)
    links = _Sweep(links_spans) if links_spans is not None else None
    blocks: list[str] = []
    for sentence in sentences:
        lines: list[str] = []
        tags.new_sentence()
        if links is not None:
            links.new_sentence()
        for token in sentence.tokens:
            line = f"{_token_text(token.text)}\t{tags.tag(token.start, token.end)}"
            if links is not None:
                line += f"\t{links.tag(token.start, token.end)}"
            lines.append(line)
        if lines:
            blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
