"""The CRF's tagging in NumPy: the shipped crfsuite model's weights, scored once per distinct word.

crfsuite looks up every feature string of every token (about 45 a token) and then runs its
Viterbi, sentence by sentence: 3.6 of the 13.7 CPU seconds of ``khana annotate`` on 5 MB.
A token's own features and the features its neighbours read from it depend on its string
alone (``FeatureExtractor.token_parts``), so their weight sums are computed once per
distinct word and kept; a position then adds five of these rows and the few features that
depend on more than one token (``FeatureExtractor.tails``, the document's, BOS/EOS). The
best label sequences of all sentences of a call are found together, one position at a
time over the sentences still that long.

The tags are crfsuite's: the same weights, the same Viterbi and the same tie rule (the
first best label), summed in another order, so a tag could differ only where two paths
score within rounding of each other (on both dev sets and 5 MB of news none does; tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from reader.core.ner.features import FeatureExtractor

# Groups of weight rows kept per distinct token: its own features, then as its neighbour at
# offsets -2, -1, +1, +2 of the position being scored (``FeatureExtractor.token_parts``).
_GROUPS = 5
# Distinct tokens whose rows are kept across calls (600 bytes each: 36 MB); past it the rows are
# computed again as needed. A call brings at most ``pipeline._TAG_TOKENS`` new ones.
_ROW_LIMIT = 60_000
_PIECE = 1_000


@dataclass(frozen=True)
class CrfWeights:
    """A linear-chain CRF's parameters: per attribute a score per label, and label-to-label scores."""

    labels: tuple[str, ...]
    # Attribute (feature string) → its row of ``state``; the last row is zeros, for none.
    index: dict[bytes, int]
    state: np.ndarray  # (attributes + 1, labels), float64
    transitions: np.ndarray  # (labels, labels): from the row's label to the column's

    @classmethod
    def load(cls, model: Path) -> CrfWeights:
        """A crfsuite model's weights, from the user cache when it holds this file's (keyed by its bytes).

        python-crfsuite hands the weights out only as a text dump it parses (half a second);
        the cached table loads in a few milliseconds.
        """
        from reader.core import cache

        key = cache.cache_key([str(model)], code_files=(__file__,))
        table = cache.cached_table("ner-crf", key, lambda: _dump(model))
        labels = tuple(table["labels"])
        size = len(labels)
        attributes = table["attributes"]
        state = np.zeros((len(attributes) + 1, size))
        state[:-1] = np.frombuffer(table["state"], dtype=np.float64).reshape(len(attributes), size)
        transitions = np.frombuffer(table["transitions"], dtype=np.float64).reshape(size, size).copy()
        return cls(labels, dict(zip(attributes, range(len(attributes)))), state, transitions)


def _dump(model: Path) -> dict[str, Any]:
    """The weights of a crfsuite model as plain values, for the cache."""
    from pycrfsuite import Tagger

    tagger = Tagger()
    tagger.open(str(model))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda name: int(info.labels[name]))
    column = {name: j for j, name in enumerate(labels)}
    attributes = sorted(info.attributes, key=lambda name: int(info.attributes[name]))
    row = {name: i for i, name in enumerate(attributes)}
    state = np.zeros((len(attributes), len(labels)))
    for (attribute, label), weight in info.state_features.items():
        state[row[attribute], column[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (source, target), weight in info.transitions.items():
        transitions[column[source], column[target]] = weight
    tagger.close()
    return {
        "labels": labels,
        "attributes": [name.encode() for name in attributes],
        "state": state.tobytes(),
        "transitions": transitions.tobytes(),
    }


class CrfDecoder:
    """Tags sentences with a CRF's weights and a ``FeatureExtractor``'s features (one call at a time)."""

    def __init__(self, weights: CrfWeights, extractor: FeatureExtractor) -> None:
        self.weights = weights
        self._extractor = extractor
        self._none = len(weights.index)  # the zero row of ``state``
        self._label_array = np.array(weights.labels, dtype=object)
        # Per distinct token: its row of ``_rows``, which holds its ``_GROUPS`` weight sums.
        self._row_of: dict[str, int] = {}
        self._rows = np.zeros((1024, _GROUPS, len(weights.labels)))
        self._bos = weights.index.get(b"BOS", self._none)
        self._eos = weights.index.get(b"EOS", self._none)
        # The bigram features by their pair alone, so a pair is looked up without its prefix.
        self._bigram_before = _by_pair(weights.index, b"bg-=")
        self._bigram_after = _by_pair(weights.index, b"bg+=")

    def clear(self) -> None:
        """Forget the per-token rows (as the extractor forgets its features)."""
        self._row_of.clear()

    def tag(self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[str]]) -> list[list[str]]:
        """The best label sequence of each sentence; ``keys``: its tokens folded (``feature_key``).

        The caller pins the article's document features on the extractor first, as for crfsuite.
        """
        lengths = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
        total = int(lengths.sum())
        if total == 0:
            return [[] for _ in sentences]
        flat = [t for s in sentences for t in s]
        ids = self._token_rows(flat)
        scores = self._emissions(sentences, keys, ids, lengths)
        best = _viterbi(scores, lengths, self.weights.transitions)
        names = self._label_array[best].tolist()
        out: list[list[str]] = []
        start = 0
        for n in lengths.tolist():
            out.append(names[start : start + n])
            start += n
        return out

    def _token_rows(self, tokens: list[str]) -> np.ndarray:
        """Each token's row of ``_rows``, computing the rows of tokens not seen before."""
        row_of = self._row_of
        new = [t for t in dict.fromkeys(tokens) if t not in row_of]
        if new and len(row_of) + len(new) > _ROW_LIMIT:
            row_of.clear()
            new = list(dict.fromkeys(tokens))
        if new:
            first = len(row_of)
            needed = first + len(new)
            if needed > len(self._rows):
                grown = np.zeros((max(needed, min(2 * len(self._rows), _ROW_LIMIT)), *self._rows.shape[1:]))
                grown[:first] = self._rows[:first]
                self._rows = grown
            # In pieces: the gathered weight rows of a piece (~50 a token, 120 bytes each) are temporary.
            for at in range(0, len(new), _PIECE):
                piece = new[at : at + _PIECE]
                self._rows[first + at : first + at + len(piece)] = self._group_sums(piece)
            for offset, token in enumerate(new):
                row_of[token] = first + offset
        return np.fromiter((row_of[t] for t in tokens), dtype=np.int64, count=len(tokens))

    def _group_sums(self, tokens: list[str]) -> np.ndarray:
        """(tokens, ``_GROUPS``, labels): the weight sums of each token's own and neighbour features."""
        index, none = self.weights.index, self._none
        parts = self._extractor.token_parts
        groups: list[tuple[bytes, ...]] = []
        for token in tokens:
            own, near, _word = parts(token)
            groups.append(own)
            groups.extend(near)
        features = list(chain.from_iterable(groups))
        rows = np.fromiter(map(index.get, features, repeat(none)), dtype=np.int64, count=len(features))
        # Every group starts with the zero row, so none is empty for reduceat.
        starts = np.cumsum([0, *map(len, groups[:-1])])
        rows = np.insert(rows, starts, none)
        sums = np.add.reduceat(self.weights.state[rows], starts + np.arange(len(groups)), axis=0)
        return sums.reshape(len(tokens), _GROUPS, -1)

    def _emissions(
        self, sentences: Sequence[Sequence[str]], keys: Sequence[Sequence[str]], ids: np.ndarray, lengths: np.ndarray
    ) -> np.ndarray:
        """(tokens, labels): every position's state score, sentences one after another."""
        rows, state = self._rows, self.weights.state
        scores = rows[ids, 0].copy()
        # Which sentence each position is in: a neighbour's features count only inside it.
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        present = lengths > 0
        scores[starts[present]] += state[self._bos]
        scores[ends[present] - 1] += state[self._eos]
        config = self._extractor.config
        if config.has("context"):
            for group, shift in enumerate((-2, -1, 1, 2), start=1):
                if shift < 0:
                    here, there = slice(-shift, None), slice(None, shift)
                else:
                    here, there = slice(None, -shift), slice(shift, None)
                inside = sentence[here] == sentence[there]
                scores[here][inside] += rows[ids[there][inside], group]
        if config.has("bigram"):
            self._add_bigrams(scores, keys, sentence)
        self._add_rest(scores, keys)
        return scores

    def _add_bigrams(self, scores: np.ndarray, keys: Sequence[Sequence[str]], sentence: np.ndarray) -> None:
        """Add each «w1|w2» pair's two features: ``bg+`` to its first word, ``bg-`` to its second."""
        # Pairs run across sentence ends here; those are masked out below.
        flat = list(chain.from_iterable(keys))
        if len(flat) < 2:
            return
        none, state = self._none, self.weights.state
        count = len(flat) - 1
        inside = sentence[1:] == sentence[:-1]
        # Looked up by the pair of words itself: no «w1|w2» string is built.
        left = np.fromiter(map(self._bigram_after.get, zip(flat, flat[1:]), repeat(none)), dtype=np.int64, count=count)
        right = np.fromiter(map(self._bigram_before.get, zip(flat, flat[1:]), repeat(none)), dtype=np.int64, count=count)
        scores[:-1][inside] += state[left[inside]]
        scores[1:][inside] += state[right[inside]]

    def _add_rest(self, scores: np.ndarray, keys: Sequence[Sequence[str]]) -> None:
        """Add the document's features and the rest of ``tails``, which most positions lack."""
        extractor = self._extractor
        index, none, state = self.weights.index, self._none, self.weights.state
        document = extractor.document
        tail_items = extractor.tail_items
        # Where ``tails`` has features: the position's document features and then those, summed
        # in that order (the order crfsuite's lists have).
        positions: list[int] = []
        attributes: list[int] = []
        offset = 0
        for sentence_keys in keys:
            for i, feats in tail_items(sentence_keys, bigrams=False):
                found = document.get(sentence_keys[i], ())
                positions.extend([offset + i] * (len(found) + len(feats)))
                attributes.extend([index.get(f, none) for f in (*found, *feats)])
            offset += len(sentence_keys)
        with_tails = np.asarray(positions, dtype=np.int64)
        if positions:
            first = np.flatnonzero(np.r_[True, with_tails[1:] != with_tails[:-1]])
            scores[with_tails[first]] += np.add.reduceat(state[attributes], first, axis=0)
        if not document:
            return
        # Everywhere else a rare word's document features alone: their sum is the same for every
        # position of the word, so it is taken once per word (in the same order, so to the bit).
        words = list(document)
        word_of = dict(zip(words, range(len(words))))
        features = [document[word] for word in words]
        sizes = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
        rows = [index.get(f, none) for f in chain.from_iterable(features)]
        sums = np.add.reduceat(state[rows], np.cumsum(sizes) - sizes, axis=0)
        total = len(scores)
        ids = np.fromiter(map(word_of.get, chain.from_iterable(keys), repeat(-1)), dtype=np.int64, count=total)
        ids[with_tails] = -1
        alone = np.flatnonzero(ids >= 0)
        scores[alone] += sums[ids[alone]]


def _by_pair(index: dict[bytes, int], prefix: bytes) -> dict[tuple[str, str], int]:
    """The bigram features of ``prefix`` by their pair of words, «w1|w2» → (w1, w2).

    A name with more than one «|» (a word that holds one) is entered under each way of
    splitting it, so a pair finds its feature exactly when «w1|w2» names one.
    """
    pairs: dict[tuple[str, str], int] = {}
    for name, row in index.items():
        if name.startswith(prefix):
            pair = name[len(prefix) :].decode()
            at = pair.find("|")
            while at != -1:
                pairs[pair[:at], pair[at + 1 :]] = row
                at = pair.find("|", at + 1)
    return pairs


def _viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label index at every position, sentences laid end to end in ``scores``.

    crfsuite's recursion: a position's score for label j is the best of the previous
    position's scores plus the transition into j, then its state score; ties go to the
    first label, at each step and at the end. All sentences of a call advance together,
    longest first, so a step is one array operation over the sentences still that long.
    """
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    keep = lengths > 0
    order = np.argsort(-lengths[keep], kind="stable")
    starts, lengths = starts[keep][order], lengths[keep][order]
    longest = int(lengths[0])
    # For each position t: how many sentences (a prefix, longest first) reach it.
    reach = len(lengths) - np.searchsorted(lengths[::-1], np.arange(longest), side="right")
    size = scores.shape[1]
    back = np.zeros((scores.shape[0], size), dtype=np.int8)
    best = scores[starts].copy()
    columns = np.arange(size)
    for t in range(1, longest):
        k = int(reach[t])
        at = starts[:k] + t
        candidates = best[:k, :, None] + transitions[None]
        choice = candidates.argmax(axis=1)
        best[:k] = candidates[np.arange(k)[:, None], choice, columns] + scores[at]
        back[at] = choice
    out = np.zeros(scores.shape[0], dtype=np.int64)
    label = best.argmax(axis=1)
    for t in range(longest - 1, 0, -1):
        k = int(reach[t])
        at = starts[:k] + t
        out[at] = label[:k]
        label[:k] = back[at, label[:k]]
    out[starts] = label
    return out
