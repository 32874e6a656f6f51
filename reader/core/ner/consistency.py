"""One label per name within a document: spread the tagger's confident names to its misses.

A CRF decides each sentence alone, so an article that names «دارسی» five times
may get it right after «آقای» and miss it in a bare «دارسی با ارزیابی ...».
Once a name has been tagged somewhere in the document, its other untagged
occurrences get the same type; a full person name also lends its type to its
surname standing alone. Common words are left alone: a sequence spreads only
if it holds a word that hazm's lexicon calls rare or does not know, because a
common word tagged once («مهر») is no evidence about its other uses.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from reader.core.ner.features import Lexicon, feature_key

SPREAD_TYPES = ("PER", "LOC", "ORG")
# hazm's lexicon frequency band (log10 of its corpus count) at or below which a word counts as rare.
RARE_BAND = 5
_MAX_LEN = 6


def _chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    from reader.core.ner.scoring import chunks

    return chunks(tags)


def _rare(key: str, lexicon: Lexicon | None) -> bool:
    if len(key) < 3 or not key.isalpha():
        return False
    if lexicon is None:
        return True
    entry = lexicon.lookup(key)
    return entry is None or entry[1] <= RARE_BAND


def propagate(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    lexicon: Lexicon | None,
) -> list[list[str]]:
    """``tags`` with names tagged somewhere in the document tagged wherever else they stand untagged."""
    keys = [[feature_key(t) for t in s] for s in sentences]
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for s_keys, s_tags in zip(keys, tags):
        for kind, a, b in _chunks(s_tags):
            if kind not in SPREAD_TYPES or b - a > _MAX_LEN:
                continue
            name = tuple(s_keys[a:b])
            if not any(_rare(k, lexicon) for k in name):
                continue
            votes.setdefault(name, Counter())[kind] += 1
            if kind == "PER" and b - a >= 2 and _rare(name[-1], lexicon):
                # The surname alone; a weaker vote so that a real one-word name wins a tie.
                votes.setdefault((name[-1],), Counter())["PER"] += 0
    if not votes:
        return [list(t) for t in tags]
    names = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
    longest = max(len(n) for n in names)

    out = [list(t) for t in tags]
    for s_keys, s_tags in zip(keys, out):
        i = 0
        while i < len(s_keys):
            if s_tags[i] != "O":
                i += 1
                continue
            for length in range(min(longest, len(s_keys) - i), 0, -1):
                found = names.get(tuple(s_keys[i : i + length]))
                if found is None or any(t != "O" for t in s_tags[i : i + length]):
                    continue
                # Do not glue onto a neighbouring chunk of the same type: that would change its span.
                if i + length < len(s_tags) and s_tags[i + length] == f"I-{found}":
                    continue
                s_tags[i] = f"B-{found}"
                for k in range(i + 1, i + length):
                    s_tags[k] = f"I-{found}"
                i += length - 1
                break
            i += 1
    return out
