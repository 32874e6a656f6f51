"""CoNLL export: one ``token<TAB>tag`` per line in IOB2, a blank line between sentences.

Tokens come from ``reader.core.text.tokenize`` (hazm's tokenizer, anchored in
the user's text). A token is tagged when it lies inside an entity mention or a
date (``DAT`` for dates, ranges and relative dates, ``TIM`` for times; a
duration is not a point in time and stays ``O``). Where spans overlap, the one
starting first (then the longer, then the entity over the date) wins. The token
column is the user's text; whitespace inside a token (hazm sometimes joins two
words) is written as ZWNJ, the way Persian writes such a word, so a line always
has exactly two columns.
"""

from __future__ import annotations

from typing import Sequence

from reader.core.document import Annotations
from reader.core.text import Sentence, tokenize

ZWNJ = "\u200c"


def _spans(ann: Annotations) -> list[tuple[int, int, int, str, int]]:
    """(start, -end, priority, tag, id) for every taggable span, in winning order."""
    found: list[tuple[int, int, int, str, int]] = []
    ident = 0
    for entity in ann.entities:
        for mention in entity.mentions:
            found.append((mention.start, -mention.end, 0, entity.type, ident))
            ident += 1
    for date in ann.dates:
        if date.kind == "duration":
            continue
        found.append((date.start, -date.end, 1, "TIM" if date.kind == "time" else "DAT", ident))
        ident += 1
    return sorted(found)


def _token_text(text: str) -> str:
    return ZWNJ.join(text.split()) or "_"


def render_conll(ann: Annotations, sentences: Sequence[Sentence] | None = None) -> str:
    """The CoNLL text for ``ann``; ``sentences`` may be passed when already tokenized."""
    if sentences is None:
        sentences = tokenize(ann.text)
    spans = _spans(ann)
    # Tokens come in text order, so a sweep keeps only the spans begun and not yet ended.
    active: list[tuple[int, int, int, str, int]] = []
    k = 0
    blocks: list[str] = []
    for sentence in sentences:
        lines: list[str] = []
        previous: int | None = None
        for token in sentence.tokens:
            while k < len(spans) and spans[k][0] <= token.start:
                active.append(spans[k])
                k += 1
            active = [s for s in active if -s[1] > token.start]
            winner = min((s for s in active if token.end <= -s[1]), default=None)
            if winner is None:
                tag, previous = "O", None
            else:
                prefix = "I" if previous == winner[4] else "B"
                tag, previous = f"{prefix}-{winner[3]}", winner[4]
            lines.append(f"{_token_text(token.text)}\t{tag}")
        if lines:
            blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
