"""The neural NER tagger at run time: ONNX emissions (onnxruntime) and a numpy Viterbi.

The network (``train_neural``: a character CNN and word vectors into a BiLSTM)
scores every label for every token; a linear-chain CRF's transition scores,
learnt with it, pick the best label sequence. Only the emission network is in
the ONNX file; the CRF arrays, the word and character tables live in the JSON
side file beside it. No torch, no network access.

Words are looked up by ``word_key``: the CRF features' spelling fold
(``features.feature_key``) with every digit written as 0.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from reader.core.ner.features import feature_key
from reader.core.resources import resource_path

TYPES = ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in ("B", "I"))
MODEL_STEM = "ner-neural"
# Characters per word the character CNN reads: the first and last halves of a longer word.
MAX_CHARS = 20
# Sentences per onnxruntime call, sorted by length so that a batch pads little.
BATCH = 64
_DIGIT_TO_ZERO = str.maketrans("123456789", "000000000")
# Token features beside the word and its letters, each a small learnt embedding: the longest
# CLDR place name over the token (``gazetteers.match``), an honorific or office word before a
# name, a Persian first name, and hazm's lexicon part of speech and frequency band.
FEATURE_COLUMNS = ("place", "title", "first", "pos", "band")


@lru_cache(maxsize=200_000)
def word_key(token: str) -> str:
    """The form a word is looked up by: the feature fold, digits as 0."""
    return feature_key(token).translate(_DIGIT_TO_ZERO)


def char_ids(token: str, index: dict[str, int]) -> list[int]:
    """Character ids of a word's folded form (the raw token if the fold is empty); 1 is unknown."""
    key = word_key(token) or token or "?"
    if len(key) > MAX_CHARS:
        key = key[: MAX_CHARS // 2] + key[-MAX_CHARS // 2 :]
    return [index.get(ch, 1) for ch in key]


def token_feature_strings(token: str, first_names: frozenset[str]) -> tuple[str, ...]:
    """The ``FEATURE_COLUMNS`` values after "place" of one token, which depend on it alone."""
    from reader.core.ner.features import HONORIFICS, OFFICE_TITLES, hazm_lexicon

    key = feature_key(token)
    entry = hazm_lexicon().lookup(key)
    title = "h" if key in HONORIFICS else "o" if key in OFFICE_TITLES else ""
    pos, band = (entry[0], str(entry[1])) if entry is not None else ("", "")
    return (title, "1" if key in first_names else "", pos, band)


def places(sentence: Sequence[str]) -> list[str]:
    """The "place" column of a sentence: ``B-``/``I-`` kind of the longest CLDR place name, or ""."""
    from reader.core.ner.gazetteers import match

    return match([feature_key(t) for t in sentence])


def feature_strings(sentence: Sequence[str], first_names: frozenset[str]) -> list[tuple[str, ...]]:
    """Per token of one sentence, its ``FEATURE_COLUMNS`` values as strings ("" when absent)."""
    return [(place, *token_feature_strings(t, first_names)) for t, place in zip(sentence, places(sentence))]


def feature_ids(values: Sequence[tuple[str, ...]], tables: Sequence[dict[str, int]]) -> list[list[int]]:
    """``feature_strings`` as ids, one table per column (1 is a value unseen in training)."""
    return [[table.get(v, 1) for v, table in zip(row, tables)] for row in values]


def repair_iob(tags: Sequence[str]) -> list[str]:
    """IOB2 tags where an ``I-X`` that does not continue an ``X`` chunk becomes ``B-X``.

    Scoring reads such a tag as a chunk start anyway (conlleval), so no chunk changes.
    """
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def allowed_transitions() -> tuple[np.ndarray, np.ndarray]:
    """``(allowed[prev, next], start_ok[label])`` under IOB2: ``I-X`` only after ``B-X`` or ``I-X``."""
    k = len(LABELS)
    allowed = np.ones((k, k), dtype=bool)
    start_ok = np.ones(k, dtype=bool)
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            start_ok[j] = False
            for i, prev in enumerate(LABELS):
                allowed[i, j] = prev[2:] == label[2:]
    return allowed, start_ok


def pad_features(features: Sequence[Sequence[Sequence[int]]], width: int) -> np.ndarray:
    """Token feature ids padded to [B, T, columns] (0 is padding)."""
    t = max((len(f) for f in features), default=0) or 1
    out = np.zeros((len(features), t, width), dtype=np.int64)
    for i, rows in enumerate(features):
        if rows:
            out[i, : len(rows)] = rows
    return out


def pad_batch(
    words: Sequence[Sequence[int]], chars: Sequence[Sequence[Sequence[int]]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Padded ``(words [B,T], chars [B,T,C], reverse [B,T], mask [B,T])`` arrays for the network.

    ``reverse`` lists each sentence's positions back to front within its length,
    padding left in place.
    """
    b = len(words)
    lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=b)
    t = int(lengths.max(initial=0)) or 1
    # Filled by index arrays, not per token: this runs for every batch at tagging time.
    mask = np.arange(t)[None, :] < lengths[:, None]
    word_arr = np.zeros((b, t), dtype=np.int64)
    word_arr[mask] = np.fromiter(itertools.chain.from_iterable(words), dtype=np.int64, count=int(lengths.sum()))
    reverse = np.where(mask, lengths[:, None] - 1 - np.arange(t)[None, :], np.arange(t)[None, :])
    token_chars = [ch for sent in chars for ch in sent]
    char_lengths = np.fromiter((len(ch) for ch in token_chars), dtype=np.int64, count=len(token_chars))
    c = int(char_lengths.max(initial=0)) or 1
    char_arr = np.zeros((b * t, c), dtype=np.int64)
    rows = np.repeat(np.flatnonzero(mask.reshape(-1)), char_lengths)
    starts = np.repeat(np.cumsum(char_lengths) - char_lengths, char_lengths)
    cols = np.arange(len(rows)) - starts
    char_arr[rows, cols] = np.fromiter(itertools.chain.from_iterable(token_chars), dtype=np.int64, count=len(rows))
    char_arr = char_arr.reshape(b, t, c)
    return word_arr, char_arr, reverse, mask


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """The best label sequence of one sentence (``emissions`` [T, K]) under the CRF's scores."""
    n = len(emissions)
    if n == 0:
        return []
    score = start + emissions[0]
    back = np.zeros((n, len(start)), dtype=np.int64)
    for t in range(1, n):
        total = score[:, None] + transitions
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + emissions[t]
    best = int((score + end).argmax())
    path = [best]
    for t in range(n - 1, 0, -1):
        best = int(back[t, best])
        path.append(best)
    return path[::-1]


def viterbi_batch(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """``viterbi`` over a padded batch (``emissions`` [B, T, K]) at once; one path per sentence."""
    b, t, k = emissions.shape
    score = start[None, :] + emissions[:, 0]
    back = np.zeros((b, t, k), dtype=np.int64)
    final = np.where(lengths[:, None] == 1, score, 0.0)
    for step in range(1, t):
        total = score[:, :, None] + transitions[None]
        back[:, step] = total.argmax(axis=1)
        score = total.max(axis=1) + emissions[:, step]
        ends_here = lengths == step + 1
        if ends_here.any():
            final[ends_here] = score[ends_here]
    best = (final + end[None, :]).argmax(axis=1)
    paths: list[list[int]] = []
    for i in range(b):
        n = int(lengths[i])
        label = int(best[i])
        path = [label]
        row = back[i]
        for step in range(n - 1, 0, -1):
            label = int(row[step, label])
            path.append(label)
        paths.append(path[::-1])
    return paths


def default_model_stem() -> Path:
    """Where a shipped neural model would live (``resources/models/ner-neural.{onnx,json}``)."""
    return resource_path("models", MODEL_STEM)


class NeuralTagger:
    """Tags tokenised sentences with ``O``/``B-X``/``I-X`` (the seven PEYMA types).

    Thread-safe; onnxruntime runs on ``threads`` intra-op threads (one by default,
    as the rest of the pipeline runs beside it).
    """

    def __init__(self, session: Any, side: dict[str, Any]) -> None:
        self._session = session
        self.labels: tuple[str, ...] = tuple(side["labels"])
        self._words = {w: i for i, w in enumerate(side["vocab"])}
        self._chars = {c: i for i, c in enumerate(side["chars"])}
        self.transitions = np.asarray(side["transitions"], dtype=np.float32)
        self.start = np.asarray(side["start"], dtype=np.float32)
        self.end = np.asarray(side["end"], dtype=np.float32)
        self._lock = threading.Lock()
        self._token_cache: dict[str, tuple[int, list[int], list[int]]] = {}
        tables = side.get("features")
        self._feature_tables = [{v: i for i, v in enumerate(t)} for t in tables] if tables else None
        self._first_names = frozenset(side.get("first_names", ()))
        self._inputs = {i.name for i in session.get_inputs()}

    @classmethod
    def load(cls, stem: Path | str | None = None, *, threads: int = 1) -> NeuralTagger:
        """Open ``stem.onnx`` and ``stem.json`` (default: the shipped model)."""
        import onnxruntime

        base = Path(stem) if stem is not None else default_model_stem()
        onnx_path, side_path = base.with_suffix(".onnx"), base.with_suffix(".json")
        for path in (onnx_path, side_path):
            if not path.is_file():
                raise FileNotFoundError(f"neural NER model not found: {path}")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        return cls(session, json.loads(side_path.read_text(encoding="utf-8")))

    def _token(self, token: str) -> tuple[int, list[int], list[int]]:
        """A token's word id, character ids and token-level feature ids, cached by token string."""
        cached = self._token_cache.get(token)
        if cached is None:
            if len(self._token_cache) > 200_000:
                self._token_cache.clear()
            feats: list[int] = []
            if self._feature_tables is not None:
                values = token_feature_strings(token, self._first_names)
                feats = [table.get(v, 1) for v, table in zip(values, self._feature_tables[1:])]
            cached = (self._words.get(word_key(token), 1), char_ids(token, self._chars), feats)
            self._token_cache[token] = cached
        return cached

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, its [T, K] label scores from the network (before the CRF)."""
        out: list[np.ndarray] = [np.zeros((0, len(self.labels)), np.float32)] * len(sentences)
        for chunk, scores in self._batches(sentences):
            for j, i in enumerate(chunk):
                out[i] = scores[j, : len(sentences[i])]
        return out

    def _batches(self, sentences: Sequence[Sequence[str]]) -> Any:
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for k in range(0, len(order), BATCH):
            chunk = order[k : k + BATCH]
            with self._lock:
                encoded = [[self._token(t) for t in sentences[i]] for i in chunk]
            words, chars, reverse, _ = pad_batch(
                [[w for w, _, _ in e] for e in encoded], [[c for _, c, _ in e] for e in encoded]
            )
            feeds = {"words": words, "chars": chars, "reverse": reverse}
            if self._feature_tables is not None and "features" in self._inputs:
                place_ids = self._feature_tables[0]
                rows = [
                    [[place_ids.get(p, 1), *f] for (_, _, f), p in zip(e, places(sentences[i]))]
                    for e, i in zip(encoded, chunk)
                ]
                feeds["features"] = pad_features(rows, len(FEATURE_COLUMNS))
            (scores,) = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})
            yield chunk, scores

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One IOB2 tag per token, in the shape of ``sentences`` (empty sentences stay empty)."""
        out: list[list[str]] = [[] for _ in sentences]
        for chunk, scores in self._batches(sentences):
            lengths = np.array([len(sentences[i]) for i in chunk], dtype=np.int64)
            paths = viterbi_batch(scores, lengths, self.transitions, self.start, self.end)
            for i, path in zip(chunk, paths):
                out[i] = [self.labels[j] for j in path]
        return out
