"""The training and dev sets: PEYMA's splits, NSURL-2019's 600K part cut into train and dev.

NSURL marks no article boundaries but runs in article order, so its dev set is
a fixed, seeded choice of contiguous ``BLOCK``-sentence runs (a tenth of them),
never single sentences: a sentence's neighbours, which often name the same
people, then fall on the same side of the cut. Training sentences that are
exact copies (under the feature fold) of a dev sentence of either set are
dropped, so that dev measures text the model has not seen.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.ner.corpus import TaggedSentence, read_tagged

# ../shared beside the checkout holds the corpora; the app itself never reads them.
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
PEYMA_DIR = SHARED_DATA / "peyma"
NSURL_TRAIN = SHARED_DATA / "nsurl" / "train.txt"
BLOCK = 30
DEV_SHARE = 0.1
SEED = 2019


@dataclass(frozen=True)
class Splits:
    """Training sentences and the named dev sets, with what the overlap check removed."""

    train: list[TaggedSentence]
    dev: dict[str, list[TaggedSentence]]
    dropped: dict[str, int]


def dev_blocks(n_sentences: int, block: int = BLOCK, share: float = DEV_SHARE, seed: int = SEED) -> list[int]:
    """Indices of the ``block``-sentence runs that form the dev set, sorted."""
    blocks = -(-n_sentences // block)
    count = max(1, round(blocks * share))
    return sorted(random.Random(seed).sample(range(blocks), count))


def split_blocks(
    sentences: Sequence[TaggedSentence], block: int = BLOCK, share: float = DEV_SHARE, seed: int = SEED
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """``(train, dev)``: the dev set is the chosen contiguous runs, in corpus order; train the rest."""
    chosen = set(dev_blocks(len(sentences), block, share, seed))
    train: list[TaggedSentence] = []
    dev: list[TaggedSentence] = []
    for start in range(0, len(sentences), block):
        (dev if start // block in chosen else train).extend(sentences[start : start + block])
    return train, dev


def sentence_key(sentence: TaggedSentence) -> tuple[str, ...]:
    """A sentence's tokens under the feature fold (spelling variants alike)."""
    from reader.core.ner.fold import feature_key

    return tuple(feature_key(tok) for tok, _ in sentence)


def drop_overlap(
    train: Sequence[TaggedSentence], dev: Sequence[TaggedSentence]
) -> tuple[list[TaggedSentence], int]:
    """``train`` without the sentences that are exact (folded) copies of a ``dev`` sentence."""
    seen = {sentence_key(s) for s in dev}
    kept = [s for s in train if sentence_key(s) not in seen]
    return kept, len(train) - len(kept)


def load_splits(
    peyma_train: Path | None = None,
    peyma_dev: Path | None = None,
    nsurl: Path | None = None,
) -> Splits:
    """PEYMA train + NSURL's train part, PEYMA dev and "NSURL dev"; a missing corpus is left out."""
    peyma_train = peyma_train or PEYMA_DIR / "train.txt"
    peyma_dev = peyma_dev or PEYMA_DIR / "dev.txt"
    nsurl = nsurl or NSURL_TRAIN
    train: list[TaggedSentence] = read_tagged(peyma_train)
    dev: dict[str, list[TaggedSentence]] = {}
    if peyma_dev.is_file():
        dev["PEYMA dev"] = read_tagged(peyma_dev)
    if nsurl.is_file():
        nsurl_train, nsurl_dev = split_blocks(read_tagged(nsurl))
        train = train + nsurl_train
        dev["NSURL dev"] = nsurl_dev
    dropped: dict[str, int] = {}
    for name, sentences in dev.items():
        train, dropped[name] = drop_overlap(train, sentences)
    return Splits(train, dev, dropped)
