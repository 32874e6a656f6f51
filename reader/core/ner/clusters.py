"""Word classes for the NER features, learnt from unlabelled text: word2vec k-means clusters and
frequency bins.

A CRF sees each training word as its own feature, so a name seen once in
training teaches the model little about the words it resembles. Word2vec
vectors (gensim, skip-gram) over Hamshahri's 2.95M words of newspaper text plus
every training token (labels unused), grouped by k-means at a few
granularities, give every word a coarse and a fine class that rare and unseen
words of the same kind share. Frequency bins from Persian Wikipedia's
vocabulary say how common a word is in text no corpus here was tagged on.

Both are keyed by ``feature_key`` and shipped as one small table beside the
model (``ner.clusters.tsv``: folded word, a cluster id per granularity, then
the frequency bin); the text and the vectors themselves are not shipped.
Hamshahri is tokenised as the app tokenises an article (``reader.core.text``),
so its words fold to the keys the tagger will look up.

    python -m reader.core.ner.clusters --vectors /work/notes/w2v   # also write the vectors
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.ner.fold import feature_key

# Coarse to fine: the CRF gets one feature per granularity.
GRANULARITIES = (64, 256, 1024)
SEED = 13
MIN_COUNT = 3
VECTOR_SIZE = 100
EPOCHS = 5
# Frequency bins: half-decades of the word's count in Persian Wikipedia; words under
# FREQ_MIN_COUNT are left out of the table (their bin is "absent", the rarest).
FREQ_MIN_COUNT = 5

SHARED_UNLABELLED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "unlabeled"
HAMSHAHRI = SHARED_UNLABELLED / "hamshahri.txt"
FAWIKI_VOCAB = SHARED_UNLABELLED / "fawiki-vocab.txt"


def clusters_path(model: Path) -> Path:
    """The cluster table shipped beside a model."""
    return model.with_suffix(".clusters.tsv")


@dataclass(frozen=True)
class Vectors:
    """Word2vec vectors: ``words[i]`` (folded) has row ``i`` of ``matrix`` (unit length)."""

    words: list[str]
    matrix: Any  # numpy.ndarray (float32, unit rows); numpy is imported only to build them


def article_sentences(path: Path) -> Iterator[list[str]]:
    """Folded token lists of a one-article-a-line text, tokenised as the app tokenises."""
    from reader.core.text import tokenize

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            for sentence in tokenize(line):
                keys = [feature_key(t.norm) for t in sentence.tokens]
                keys = [k for k in keys if k]
                if keys:
                    yield keys


def train_vectors(sentences: Sequence[Sequence[str]], seed: int = SEED, epochs: int = EPOCHS) -> Vectors:
    """Skip-gram vectors over folded sentences; one worker thread and ``seed`` make them reproducible."""
    import numpy as np
    from gensim.models import Word2Vec

    model = Word2Vec(
        [list(s) for s in sentences],
        vector_size=VECTOR_SIZE,
        window=5,
        min_count=MIN_COUNT,
        sg=1,
        negative=10,
        sample=1e-4,
        epochs=epochs,
        workers=1,
        seed=seed,
    )
    words = list(model.wv.index_to_key)
    raw = model.wv.vectors
    matrix = (raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)).astype(np.float32)
    return Vectors(words, matrix)


def cluster_ids(vectors: Vectors, granularities: Sequence[int] = GRANULARITIES, seed: int = SEED) -> dict[str, tuple[str, ...]]:
    """Folded word → one k-means cluster id (hex) per granularity."""
    from sklearn.cluster import KMeans

    words = vectors.words
    ids: list[list[str]] = [[] for _ in words]
    for k in granularities:
        labels = KMeans(n_clusters=min(k, len(words)), n_init=1, max_iter=100, random_state=seed).fit_predict(
            vectors.matrix
        )
        for row, label in zip(ids, labels):
            row.append(format(int(label), "x"))
    return {w: tuple(row) for w, row in zip(words, ids) if w}


def build_clusters(
    sentences: Sequence[Sequence[str]],
    granularities: Sequence[int] = GRANULARITIES,
    seed: int = SEED,
) -> dict[str, tuple[str, ...]]:
    """Folded word → cluster ids (one per granularity), from unlabelled tokenised sentences."""
    folded = [[feature_key(t) for t in s] for s in sentences]
    return cluster_ids(train_vectors(folded, seed), granularities, seed)


def frequency_bins(path: Path, min_count: int = FREQ_MIN_COUNT) -> dict[str, int]:
    """Folded word → half-decade bin of its count (``int(2·log10 count)``) in a ``word count`` list."""
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").rpartition(" ")
            if not word or not count.isdigit():
                continue
            key = feature_key(word)
            if key:
                counts[key] = counts.get(key, 0) + int(count)
    return {k: int(2 * math.log10(c)) for k, c in counts.items() if c >= min_count}


def build_table(
    training_sentences: Iterable[Sequence[str]],
    unlabelled: Path | None = HAMSHAHRI,
    vocab: Path | None = FAWIKI_VOCAB,
    seed: int = SEED,
    vectors_out: Path | None = None,
) -> dict[str, tuple[str, ...]]:
    """The shipped table: cluster ids over ``unlabelled`` + the training tokens, then the frequency bin.

    Every row has ``len(GRANULARITIES) + 1`` fields; a word with a bin but no vector has
    ``-`` for its cluster ids, a word with a vector but no bin ``-`` for its bin.
    """
    corpus: list[list[str]] = []
    if unlabelled is not None and unlabelled.is_file():
        corpus.extend(article_sentences(unlabelled))
    corpus.extend([feature_key(t) for t in s] for s in training_sentences)
    vectors = train_vectors(corpus, seed)
    if vectors_out is not None:
        save_vectors(vectors_out, vectors)
    clusters = cluster_ids(vectors, GRANULARITIES, seed)
    bins = frequency_bins(vocab) if vocab is not None and vocab.is_file() else {}
    blank = ("-",) * len(GRANULARITIES)
    table: dict[str, tuple[str, ...]] = {}
    for word in set(clusters) | set(bins):
        table[word] = (*clusters.get(word, blank), str(bins[word]) if word in bins else "-")
    return table


def save_vectors(directory: Path, vectors: Vectors) -> None:
    """``vectors.npy`` (float32, unit rows) and ``vocab.txt`` (one folded word a line, same order)."""
    import numpy as np

    directory.mkdir(parents=True, exist_ok=True)
    np.save(directory / "vectors.npy", vectors.matrix)
    (directory / "vocab.txt").write_text("\n".join(vectors.words) + "\n", encoding="utf-8")


def save_clusters(path: Path, table: dict[str, tuple[str, ...]]) -> None:
    lines = ["\t".join((word, *table[word])) for word in sorted(table)]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


class ClassTable(Mapping[str, tuple[str, ...]]):
    """The table written by ``save_clusters``, read for lookups without parsing every row.

    Parsing 230k rows into a dict costs about half a second, on the way to the window's first
    analysis; splitting the file into its sorted lines costs a tenth of that, and a lookup is a
    binary search (each token string is looked up once: the extractor caches its features).
    Rows sort by word because the tab after a word sorts below every character of another.
    """

    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")
        if self._lines and self._lines[-1] == "":
            self._lines.pop()

    @classmethod
    def open(cls, path: Path) -> ClassTable:
        """The table at ``path``; an absent file is an empty table."""
        return cls(path.read_text(encoding="utf-8") if path.is_file() else "")

    def __getitem__(self, word: str) -> tuple[str, ...]:
        probe = word + "\t"
        i = bisect.bisect_left(self._lines, probe)
        if i < len(self._lines) and self._lines[i].startswith(probe):
            return tuple(self._lines[i][len(probe) :].split("\t"))
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """The table written by ``save_clusters``; an absent file is an empty table."""
    if not path.is_file():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                table[parts[0]] = tuple(parts[1:])
    return table


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import time

    from reader.core.ner.datasets import load_splits
    from reader.core.ner.tagger import default_model_path

    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.clusters", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=clusters_path(default_model_path()))
    parser.add_argument("--vectors", type=Path, help="also write vectors.npy + vocab.txt here")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train = load_splits().train
    table = build_table([[t for t, _ in s] for s in train], seed=args.seed, vectors_out=args.vectors)
    save_clusters(args.out, table)
    print(f"{len(table)} words → {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
