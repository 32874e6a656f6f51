"""Word clusters for the NER features, learnt from the training split's tokens (labels unused).

A CRF sees each training word as its own feature, so a name seen once in
training teaches the model little about its neighbours in embedding space.
Word2vec vectors (gensim) over the folded training tokens, grouped by k-means
at a few granularities, give every training word a coarse and a fine class
that rare and unseen spellings of the same kind share.

A model trained with the "cluster" group (``train --add cluster``) gets the
table beside it (``ner.clusters.tsv``: folded word, then one cluster id per
granularity), rebuilt with a fixed seed on every training run. The shipped model
does without: on PEYMA's 240k training tokens the clusters cost dev F1
(resources/models/ner.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

# Coarse to fine: the CRF gets one feature per granularity.
GRANULARITIES = (64, 256, 1024)
SEED = 13
MIN_COUNT = 2


def clusters_path(model: Path) -> Path:
    """The cluster table shipped beside a model."""
    return model.with_suffix(".clusters.tsv")


def build_clusters(
    sentences: Sequence[Sequence[str]],
    granularities: Sequence[int] = GRANULARITIES,
    seed: int = SEED,
) -> dict[str, tuple[str, ...]]:
    """Folded word → cluster ids (one per granularity), from unlabelled tokenised sentences.

    One worker thread and a fixed seed make the result reproducible.
    """
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans

    from reader.core.ner.features import feature_key

    corpus = [[feature_key(t) for t in s] for s in sentences]
    model = Word2Vec(
        corpus,
        vector_size=100,
        window=5,
        min_count=MIN_COUNT,
        sg=1,
        negative=10,
        epochs=15,
        workers=1,
        seed=seed,
    )
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors / np.maximum(np.linalg.norm(model.wv.vectors, axis=1, keepdims=True), 1e-9)
    ids: list[list[str]] = [[] for _ in words]
    for k in granularities:
        labels = KMeans(n_clusters=min(k, len(words)), n_init=1, random_state=seed).fit_predict(vectors)
        for row, label in zip(ids, labels):
            row.append(format(int(label), "x"))
    return {w: tuple(row) for w, row in zip(words, ids) if w}


def save_clusters(path: Path, table: dict[str, tuple[str, ...]]) -> None:
    lines = ["\t".join((word, *table[word])) for word in sorted(table)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


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
