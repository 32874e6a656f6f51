"""Stage-2 features: what the first CRF tagged, here and elsewhere in the article.

A CRF decides each sentence alone. A second CRF that sees the first one's labels
(of the token and its neighbours) and what the first one made of the same word
form or name elsewhere in the article can learn when to trust those labels and
when to spread them: a learnt version of the document-consistency pass.

The second CRF is trained on labels the first produced on text it did not see
(k-fold cross-prediction over the training split, see ``train.cross_predict``),
so it learns from realistic mistakes, not from the first CRF's training fit.
Its features are the first CRF's own feature lists with these added, so tagging
builds the first-stage features once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from reader.core.ner.scoring import chunks

# Entity names longer than this are not matched elsewhere in the article.
_MAX_NAME = 6
_TYPES = ("PER", "LOC", "ORG")


def label_features(
    keys: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    rare: Callable[[str], bool],
) -> list[list[list[bytes]]]:
    """Per token of one article (folded ``keys``, first-stage ``tags``): its stage-2 extra features."""
    # Per word form, the types it was tagged with across the article, and how often it stood bare.
    form_types: dict[str, Counter[str]] = {}
    names: dict[tuple[str, ...], Counter[str]] = {}
    for s_keys, s_tags in zip(keys, tags):
        for k, t in zip(s_keys, s_tags):
            form_types.setdefault(k, Counter())[t[2:] if t != "O" else "O"] += 1
        for kind, a, b in chunks(s_tags):
            if kind in _TYPES and b - a <= _MAX_NAME:
                names.setdefault(tuple(s_keys[a:b]), Counter())[kind] += 1
    by_first: dict[str, list[tuple[int, tuple[str, ...], str, bool]]] = {}
    for name, counter in names.items():
        has_rare = any(rare(k) for k in name)
        by_first.setdefault(name[0], []).append((len(name), name, counter.most_common(1)[0][0], has_rare))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -c[0])

    out: list[list[list[bytes]]] = []
    for s_keys, s_tags in zip(keys, tags):
        n = len(s_keys)
        extra: list[list[str]] = []
        for i in range(n):
            feats = ["y=" + s_tags[i]]
            feats.append("y-1=" + (s_tags[i - 1] if i > 0 else "BOS"))
            feats.append("y+1=" + (s_tags[i + 1] if i + 1 < n else "EOS"))
            if i > 1:
                feats.append("y-2=" + s_tags[i - 2])
            if i + 2 < n:
                feats.append("y+2=" + s_tags[i + 2])
            counter = form_types[s_keys[i]]
            if s_keys[i].isalpha() and len(s_keys[i]) > 1:
                for kind in counter:
                    if kind != "O":
                        feats.append("dt=" + kind)
                if sum(counter.values()) > 1:
                    feats.append("dm=" + counter.most_common(1)[0][0])
            extra.append(feats)
        # Names tagged somewhere in the article, found here (longest first, no overlaps).
        i = 0
        while i < n:
            for length, name, kind, has_rare in by_first.get(s_keys[i], ()):
                end = i + length
                if end > n or tuple(s_keys[i:end]) != name:
                    continue
                suffix = kind + ("r" if has_rare else "")
                extra[i].append("ds=B-" + suffix)
                for j in range(i + 1, end):
                    extra[j].append("ds=I-" + suffix)
                i = end - 1
                break
            i += 1
        # Bytes, like the first-stage features (see ``features``); all are ASCII.
        out.append([[f.encode() for f in e] for e in extra])
    return out


def add_label_features(
    features: Sequence[list[list[bytes]]],
    keys: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    rare: Callable[[str], bool],
    keep: tuple[bytes, ...] | None = None,
) -> None:
    """Extend first-stage feature lists of one article, in place, with its stage-2 features.

    With ``keep``, only the first-stage features starting with one of these prefixes stay.
    """
    for s_feats, s_extra in zip(features, label_features(keys, tags, rare)):
        for token_feats, extra in zip(s_feats, s_extra):
            if keep is not None:
                token_feats[:] = [f for f in token_feats if f.startswith(keep)]
            token_feats.extend(extra)
