"""Train the shipped NER model on PEYMA and print its dev scores.

    python -m reader.core.ner.train            # train split → resources/models/ner.crfsuite
    python -m reader.core.ner.train --drop gazetteer --out /tmp/x.crfsuite   # an ablation

Training and tagging both go through hazm's ``SequenceTagger`` (python-crfsuite)
with this package's feature extractor as its ``data_maker``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from reader.core.ner.corpus import TaggedSentence, read_tagged
from reader.core.ner.features import ALL_GROUPS, ARTICLE_WINDOW, FeatureConfig, FeatureExtractor
from reader.core.ner.scoring import Report, evaluate
from reader.core.ner.tagger import NerTagger, default_model_path, save_config

# ../shared beside the checkout holds the corpus; the app itself never reads it.
SHARED_PEYMA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "peyma"

# Chosen on dev: c1 (L1) prunes features so the model stays a few MB.
DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.01
DEFAULT_ITERATIONS = 200


def train_model(
    sentences: Sequence[TaggedSentence],
    out: Path,
    config: FeatureConfig | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    iterations: int = DEFAULT_ITERATIONS,
    verbose: bool = False,
) -> NerTagger:
    """Train a CRF on tagged sentences, write it to ``out`` and return it loaded."""
    from hazm import SequenceTagger

    config = config or FeatureConfig()
    extractor = FeatureExtractor(config)
    out.parent.mkdir(parents=True, exist_ok=True)
    hazm_tagger = SequenceTagger(data_maker=extractor.sentences)
    hazm_tagger.train(
        [list(s) for s in sentences],
        c1=c1,
        c2=c2,
        max_iteration=iterations,
        verbose=verbose,
        file_name=str(out),
        report_duration=False,
    )
    extractor.clear()
    save_config(out, config)
    return NerTagger.load(out)




def score(tagger: NerTagger, sentences: Sequence[TaggedSentence], consistency: bool = True) -> Report:
    """Strict entity-level scores of ``tagger`` on tagged sentences.

    PEYMA has no article boundaries, so sentences are tagged in blocks of
    ``ARTICLE_WINDOW`` (pseudo-articles, as in training); ``consistency`` applies
    the document-consistency pass the app uses.
    """
    tokens = [[tok for tok, _ in s] for s in sentences]
    predicted: list[list[str]] = []
    for start in range(0, len(tokens), ARTICLE_WINDOW):
        predicted.extend(tagger.tag(tokens[start : start + ARTICLE_WINDOW], document=consistency))
    return evaluate([[tag for _, tag in s] for s in sentences], predicted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.train", description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=SHARED_PEYMA / "train.txt")
    parser.add_argument("--dev", type=Path, default=SHARED_PEYMA / "dev.txt")
    parser.add_argument("--out", type=Path, default=default_model_path())
    parser.add_argument("--c1", type=float, default=DEFAULT_C1)
    parser.add_argument("--c2", type=float, default=DEFAULT_C2)
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    parser.add_argument("--drop", nargs="*", default=[], choices=ALL_GROUPS, help="feature groups to leave out")
    parser.add_argument("--only", nargs="*", choices=ALL_GROUPS, help="use exactly these feature groups")
    args = parser.parse_args(argv)

    groups = set(args.only) if args.only is not None else set(FeatureConfig().groups)
    config = FeatureConfig(frozenset(groups - set(args.drop)))
    train = read_tagged(args.train)
    started = time.perf_counter()
    tagger = train_model(train, args.out, config, c1=args.c1, c2=args.c2, iterations=args.iterations)
    trained = time.perf_counter() - started
    print(f"groups: {' '.join(sorted(config.groups))}  c1={args.c1} c2={args.c2} iterations={args.iterations}")
    print(f"trained on {len(train)} sentences in {trained:.0f} s; model {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.dev and args.dev.exists():
        dev = read_tagged(args.dev)
        started = time.perf_counter()
        plain = score(tagger, dev, consistency=False)
        elapsed = time.perf_counter() - started
        n_tokens = sum(len(s) for s in dev)
        print(f"dev: {n_tokens} tokens tagged in {elapsed:.2f} s ({n_tokens / elapsed:,.0f} tokens/s, cold cache)")
        print("\ndev, CRF alone (no document-consistency pass):")
        print(plain.table())
        print(f"\ndev, with document consistency over {ARTICLE_WINDOW}-sentence pseudo-articles (as the app tags):")
        print(score(tagger, dev).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
