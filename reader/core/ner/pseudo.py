"""Pseudo-labelled training text: the best measured tagger labels unlabelled articles for the CRF.

    python -m reader.core.ner.pseudo --teacher /tmp/neural/run7 --crf resources/models/ner.crfsuite \\
        --tokens 500000 --out /tmp/distill/pseudo.txt
    python -m reader.core.ner.train --clusters resources/models/ner.clusters.tsv \\
        --extra /tmp/distill/pseudo.txt --out /tmp/distill/s1/ner.crfsuite

The teacher is the combination ``neural_eval.compare`` measures best: the neural tagger's
emissions plus ``CRF_WEIGHT`` × the CRF's log marginals, decoded with the neural transitions,
then the document pass (``consistency.propagate``, as the app runs it). Hamshahri has real
article boundaries (one article a line), so the CRF's document features and the pass each see
one whole article, as in the app, not the 30-sentence blocks the dev sets need.

Articles are split with the app's own tokeniser (``reader.core.text.tokenize``; the tagger reads
``Token.norm``), so the pseudo labels are on the tokens the model meets at run time. Which
articles: a ``random.Random(seed)`` shuffle of all of them, taken in that order until ``tokens``
are reached, so a smaller budget gives a prefix of a larger one's file. An article sharing a
sentence of ``OVERLAP_MIN_TOKENS`` or more tokens (under the feature fold) with a dev sentence
is skipped; the dev sets are PEYMA's and NSURL's, not Hamshahri, so none is expected, and the
count is printed.

Output: ``token<TAB>label`` a line (IOB2, the app's ``B-PER`` form), one blank line between
sentences and two between articles; ``corpus.read_tagged`` reads it (extra blank lines are
ignored), and the file is the same byte for byte on every run with the same inputs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from reader.core.ner.corpus import TaggedSentence

SEED = 12
# The weight of the CRF's log marginals measured best with run 7 on both dev sets (ner.md).
CRF_WEIGHT = 0.5
# Shorter sentences («انتهای پیام», a dateline) recur in every newspaper: no sign of shared text.
OVERLAP_MIN_TOKENS = 6

# Tags one article (its tokenised sentences) with one tag list per sentence.
ArticleTagger = Callable[[Sequence[Sequence[str]]], list[list[str]]]


def read_articles(path: Path) -> list[str]:
    """The articles of a one-article-a-line text (blank lines between them skipped), in file order."""
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


def article_order(n_articles: int, seed: int = SEED) -> list[int]:
    """All article indices in a fixed pseudo-random order."""
    order = list(range(n_articles))
    random.Random(seed).shuffle(order)
    return order


def article_sentences(text: str) -> list[list[str]]:
    """An article's sentences as the tagger sees them: the app's tokeniser, each token's ``norm``."""
    from reader.core.text import tokenize

    return [[t.norm for t in s.tokens] for s in tokenize(text) if s.tokens]


def overlap_keys(dev: Iterable[TaggedSentence], min_tokens: int = OVERLAP_MIN_TOKENS) -> set[tuple[str, ...]]:
    """Folded dev sentences long enough that meeting one elsewhere means shared text."""
    from reader.core.ner.datasets import sentence_key

    return {key for s in dev if len(key := sentence_key(s)) >= min_tokens}


def overlaps(sentences: Sequence[Sequence[str]], keys: set[tuple[str, ...]]) -> bool:
    """Whether one of ``sentences`` is, under the feature fold, one of the dev sentences in ``keys``."""
    from reader.core.ner.fold import feature_key

    return any(tuple(feature_key(t) for t in s) in keys for s in sentences)


def select(
    articles: Sequence[str],
    tokens: int,
    keys: set[tuple[str, ...]],
    seed: int = SEED,
    skipped: list[int] | None = None,
) -> Iterator[tuple[int, list[list[str]]]]:
    """``(article index, sentences)`` in ``article_order`` until ``tokens`` tokens are given.

    Articles overlapping dev (``keys``; their indices go to ``skipped``) and articles without
    tokens are passed over; the last article given is whole, so the total may pass ``tokens``.
    """
    total = 0
    for index in article_order(len(articles), seed):
        if total >= tokens:
            return
        sentences = article_sentences(articles[index])
        if not sentences:
            continue
        if overlaps(sentences, keys):
            if skipped is not None:
                skipped.append(index)
            continue
        total += sum(map(len, sentences))
        yield index, sentences


class Teacher:
    """The neural tagger + ``weight`` × the CRF's log marginals, then the document pass, per article."""

    def __init__(self, neural_stem: Path, crf_model: Path, weight: float = CRF_WEIGHT) -> None:
        from reader.core.ner.features import hazm_lexicon
        from reader.core.ner.neural import NeuralTagger
        from reader.core.ner.neural_eval import CrfMarginals
        from reader.core.ner.tagger import load_config

        self._neural = NeuralTagger.load(neural_stem)
        self._crf = CrfMarginals(crf_model)
        self._weight = weight
        self._first_names = load_config(crf_model).first_names
        self._lexicon = hazm_lexicon()

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        import numpy as np

        from reader.core.ner.consistency import propagate
        from reader.core.ner.neural import LABELS, viterbi_batch

        neural = self._neural
        tags: list[list[str]] = []
        for e, m in zip(neural.emissions(sentences), self._crf.article(sentences)):
            if not len(e):
                tags.append([])
                continue
            # One sentence at a time, exactly as neural_eval.compare decodes the figures it reports.
            (path,) = viterbi_batch(
                (e + self._weight * m)[None], np.array([len(e)]), neural.transitions, neural.start, neural.end
            )
            tags.append([LABELS[j] for j in path])
        return propagate(sentences, tags, self._lexicon, self._first_names)


def write_article(handle: TextIO, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> None:
    """One article in the output format: a blank line after each sentence, another after the article."""
    for sentence, sentence_tags in zip(sentences, tags):
        # A token never holds a tab or a newline (the tokeniser splits on white space), but a
        # stray one would shift every later label: make sure.
        handle.writelines(f"{tok}\t{tag}\n" for tok, tag in zip(sentence, sentence_tags) if _plain(tok))
        handle.write("\n")
    handle.write("\n")


def _plain(token: str) -> bool:
    if not token or "\t" in token or "\n" in token or "\r" in token:
        raise ValueError(f"token unfit for a tagged file: {token!r}")
    return True


def label_articles(
    articles: Sequence[str],
    tagger: ArticleTagger,
    out: Path,
    tokens: int,
    keys: set[tuple[str, ...]],
    seed: int = SEED,
    log: Callable[[str], None] = lambda _line: None,
    skipped: list[int] | None = None,
) -> tuple[int, int]:
    """Tag the ``select``-ed articles with ``tagger`` and write them to ``out``; ``(articles, tokens)`` written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    written = n_tokens = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for _index, sentences in select(articles, tokens, keys, seed, skipped):
            write_article(handle, sentences, tagger(sentences))
            written += 1
            n_tokens += sum(map(len, sentences))
            if written % 100 == 0:
                log(f"{written} articles, {n_tokens} tokens")
    tmp.replace(out)
    return written, n_tokens


def main(argv: Sequence[str] | None = None) -> int:
    from reader.core.ner.clusters import HAMSHAHRI
    from reader.core.ner.datasets import NSURL_TRAIN, PEYMA_DIR, load_splits

    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.pseudo", description=__doc__.split("\n")[0])
    parser.add_argument("--teacher", type=Path, required=True, metavar="STEM", help="neural model (.onnx, .json)")
    parser.add_argument("--crf", type=Path, required=True, metavar="MODEL", help="the CRF whose marginals it adds")
    parser.add_argument("--weight", type=float, default=CRF_WEIGHT, help="weight of the CRF's log marginals")
    parser.add_argument("--tokens", type=int, required=True, help="stop after the article that reaches this many")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--unlabelled", type=Path, default=HAMSHAHRI, help="one article a line")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the article order")
    parser.add_argument("--train", type=Path, default=PEYMA_DIR / "train.txt", help="PEYMA train (for the split)")
    parser.add_argument("--dev", type=Path, default=PEYMA_DIR / "dev.txt", help="PEYMA dev, kept apart")
    parser.add_argument("--nsurl", type=Path, default=NSURL_TRAIN, help="NSURL file, its dev blocks kept apart")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    splits = load_splits(args.train, args.dev, args.nsurl)
    keys = overlap_keys(s for dev in splits.dev.values() for s in dev)
    articles = read_articles(args.unlabelled)
    teacher = Teacher(args.teacher, args.crf, args.weight)
    skipped: list[int] = []
    n_articles, n_tokens = label_articles(
        articles, teacher, args.out, args.tokens, keys, args.seed, lambda line: print(line, flush=True), skipped
    )
    print(f"{args.out}: {n_articles} of {len(articles)} articles, {n_tokens} tokens; "
          f"{len(skipped)} passed over for sharing a sentence of ≥ {OVERLAP_MIN_TOKENS} tokens with "
          f"{' or '.join(splits.dev)}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
