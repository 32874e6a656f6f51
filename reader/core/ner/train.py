"""Train the shipped NER model on PEYMA + NSURL and print its scores on both dev sets.

    python -m reader.core.ner.train            # train split → resources/models/ner.crfsuite
    python -m reader.core.ner.train --drop gazetteer --out /tmp/x.crfsuite   # an ablation
    python -m reader.core.ner.train --add cluster --scheme bilou --out /tmp/y.crfsuite
    python -m reader.core.ner.train --stack --out /tmp/z.crfsuite     # a stacked second CRF (stacking.py)
    python -m reader.core.ner.train --extra /tmp/pseudo.txt --out /tmp/s.crfsuite   # + pseudo-labelled text (pseudo.py)

Training and tagging both go through hazm's ``SequenceTagger`` (python-crfsuite)
with this package's feature extractor as its ``data_maker``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reader.core.ner.clusters import FAWIKI_VOCAB, HAMSHAHRI
from reader.core.ner.corpus import TaggedSentence, read_tagged
from reader.core.ner.features import ALL_GROUPS, ARTICLE_WINDOW, FeatureConfig, FeatureExtractor
from reader.core.ner.scoring import Report, evaluate
from reader.core.ner.tagger import NerTagger, default_model_path, save_config, to_bilou

# Chosen on dev: c1 (L1) prunes features so the model stays a few MB.
DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.01
DEFAULT_ITERATIONS = 175
DEFAULT_SCHEME = "iob"
DEFAULT_FOLDS = 5
# An organisation head must start this many multi-word ORG names in train, and
# do so in this share of its occurrences.
HEAD_MIN_COUNT = 3
HEAD_MIN_SHARE = 0.1
# A first name the training split never shows is kept up to this hazm frequency band.
FIRST_NAME_MAX_BAND = 5


def org_heads(sentences: Sequence[TaggedSentence]) -> frozenset[str]:
    """Folded first words of multi-word ORG names in ``sentences`` that mostly start one."""
    return frozenset(_org_edge_words(sentences, first=True))


def org_tails(sentences: Sequence[TaggedSentence]) -> frozenset[str]:
    """Folded last words of multi-word ORG names in ``sentences`` that mostly end one."""
    from reader.core.ner.gazetteers import _gaz_key, place_names

    # A place ending an organisation's name («دانشگاه تهران») is its seat, not a sign of one.
    places = place_names()
    return frozenset(k for k in _org_edge_words(sentences, first=False) if _gaz_key(k) not in places)


def person_first_names(sentences: Sequence[TaggedSentence]) -> frozenset[str]:
    """The first names of ``gazetteers.first_names`` that are names rather than common words.

    Many Persian first names are also words («امید», «بهار», «آذر»). A name is kept if
    the training split tags it as a person in at least half its occurrences or, where
    it never occurs there, if hazm's lexicon does not call it a frequent word.
    """
    from collections import Counter

    from reader.core.ner.features import feature_key, hazm_lexicon
    from reader.core.ner.gazetteers import first_names

    names = first_names()
    person: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for sentence in sentences:
        for tok, tag in sentence:
            key = feature_key(tok)
            if key in names:
                seen[key] += 1
                person[key] += tag.endswith("-PER")
    lexicon = hazm_lexicon()

    def keep(name: str) -> bool:
        if seen[name]:
            return person[name] * 2 >= seen[name]
        entry = lexicon.lookup(name)
        return entry is None or entry[1] <= FIRST_NAME_MAX_BAND

    return frozenset(n for n in names if keep(n))


def _org_edge_words(sentences: Sequence[TaggedSentence], *, first: bool) -> list[str]:
    """Words that open (``first``) or close a multi-word ORG name ≥ HEAD_MIN_COUNT times, in
    ≥ HEAD_MIN_SHARE of their occurrences."""
    from collections import Counter

    from reader.core.ner.features import feature_key

    edges: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for sentence in sentences:
        keys = [feature_key(tok) for tok, _ in sentence]
        tags = [tag for _, tag in sentence]
        seen.update(keys)
        for i, tag in enumerate(tags):
            inside_next = i + 1 < len(tags) and tags[i + 1] == "I-ORG"
            if (tag == "B-ORG" and inside_next) if first else (tag == "I-ORG" and not inside_next):
                edges[keys[i]] += 1
    return [
        k for k, c in edges.items() if c >= HEAD_MIN_COUNT and c / seen[k] >= HEAD_MIN_SHARE and len(k) > 1 and k.isalpha()
    ]


def train_model(
    sentences: Sequence[TaggedSentence],
    out: Path,
    config: FeatureConfig | None = None,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    iterations: int = DEFAULT_ITERATIONS,
    verbose: bool = False,
    clusters: dict[str, tuple[str, ...]] | None = None,
    unlabelled: Path | None = HAMSHAHRI,
    vocab: Path | None = FAWIKI_VOCAB,
    extra: Sequence[TaggedSentence] = (),
) -> NerTagger:
    """Train a CRF on tagged sentences, write it to ``out`` and return it loaded.

    With the "cluster" or "freq" group, ``clusters`` is the word-class table to use; when
    None it is built (``clusters.build_table``) from ``unlabelled`` text, the training
    tokens and ``vocab``'s counts. Either way it is written beside the model.

    ``extra`` sentences (pseudo-labelled text, ``pseudo``) are trained on after ``sentences``
    but count for nothing else: the ORG heads and tails, the first names and the word classes
    come from ``sentences`` alone, so a teacher's mistakes cannot enter those lists.
    """
    from dataclasses import replace

    from hazm import SequenceTagger

    from reader.core.ner.clusters import build_table, clusters_path, save_clusters

    config = config or FeatureConfig()
    if config.has("orghead") and not config.org_heads:
        config = replace(config, org_heads=org_heads(sentences))
    if config.has("orgtail") and not config.org_tails:
        config = replace(config, org_tails=org_tails(sentences))
    if not config.first_names:
        # The consistency pass uses them whether or not the CRF has the feature group.
        config = replace(config, first_names=person_first_names(sentences))
    out.parent.mkdir(parents=True, exist_ok=True)
    table_path = clusters_path(out)
    if config.has("cluster") or config.has("freq"):
        if clusters is None:
            # Vectors over Hamshahri + the training tokens (labels unused), rebuilt with the model.
            clusters = build_table([[tok for tok, _ in s] for s in sentences], unlabelled=unlabelled, vocab=vocab)
        if not config.has("freq"):
            # Without the bins only rows with cluster ids are ever read: ship just those.
            clusters = {w: ids for w, ids in clusters.items() if ids[0] != "-"}
        save_clusters(table_path, clusters)
    else:
        clusters = None
        table_path.unlink(missing_ok=True)
    extractor = FeatureExtractor(config, clusters)
    hazm_tagger = SequenceTagger(data_maker=extractor.sentences)
    every = [*sentences, *extra]
    if config.scheme == "bilou":
        labelled = [list(zip([t for t, _ in s], to_bilou([g for _, g in s]))) for s in every]
    else:
        labelled = [list(s) for s in every]
    hazm_tagger.train(
        labelled,
        c1=c1,
        c2=c2,
        max_iteration=iterations,
        verbose=verbose,
        file_name=str(out),
        report_duration=False,
    )
    extractor.clear()
    save_config(out, config)
    return NerTagger.load(out, stacked=False)


def fold_bounds(n_sentences: int, folds: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` folds whose edges fall on ``ARTICLE_WINDOW`` blocks.

    Contiguous, because PEYMA runs in article order: a fold cut across articles
    would let the first stage see names of the very article it predicts.
    """
    blocks = -(-n_sentences // ARTICLE_WINDOW)
    if blocks < folds or folds < 2:
        raise ValueError(f"{n_sentences} sentences make fewer than {folds} blocks of {ARTICLE_WINDOW}")
    edges = [min(round(blocks * k / folds) * ARTICLE_WINDOW, n_sentences) for k in range(folds + 1)]
    return list(itertools.pairwise(edges))


def cross_predict(
    sentences: Sequence[TaggedSentence],
    workdir: Path,
    config: FeatureConfig,
    folds: int,
    c1: float,
    c2: float,
    iterations: int,
) -> list[list[str]]:
    """Stage-1 tags of every training sentence from a model trained on the other folds."""
    from dataclasses import replace

    predicted: list[list[str]] = []
    for k, (a, b) in enumerate(fold_bounds(len(sentences), folds)):
        rest = list(sentences[:a]) + list(sentences[b:])
        # Heads are counted again on the folds the model trains on.
        fold_config = replace(config, org_heads=frozenset(), org_tails=frozenset())
        model = train_model(rest, workdir / f"fold{k}.crfsuite", fold_config, c1=c1, c2=c2, iterations=iterations)
        held = [[tok for tok, _ in s] for s in sentences[a:b]]
        for start in range(0, len(held), ARTICLE_WINDOW):
            predicted.extend(model.tag(held[start : start + ARTICLE_WINDOW], document=False))
    return predicted


class _Stage2Maker:
    """Stage-2 training data_maker: sentences of ``(token, stage-1 tag)`` in ``ARTICLE_WINDOW`` blocks."""

    def __init__(self, extractor: FeatureExtractor, keep: tuple[bytes, ...] | None) -> None:
        self._extractor = extractor
        self._keep = keep

    def __call__(self, sentences: Sequence[Sequence[tuple[str, str]]]) -> list[list[list[bytes]]]:
        from reader.core.ner.features import feature_key
        from reader.core.ner.stacking import add_label_features

        batch = list(sentences)
        out: list[list[list[bytes]]] = []
        for start in range(0, len(batch), ARTICLE_WINDOW):
            block = batch[start : start + ARTICLE_WINDOW]
            tokens = [[tok for tok, _ in s] for s in block]
            # Pinned to its block, as the tagger pins the article it tags.
            self._extractor.pin_document(tokens)
            features = [self._extractor.sentence(s) for s in tokens]
            self._extractor.pin_document(None)
            keys = [[feature_key(t) for t in s] for s in tokens]
            add_label_features(
                features, keys, [[tag for _, tag in s] for s in block], self._extractor.rare, self._keep
            )
            out.extend(features)
        return out


def train_stage2(
    sentences: Sequence[TaggedSentence],
    predicted: Sequence[Sequence[str]],
    model: Path,
    c1: float,
    c2: float,
    iterations: int,
    keep: Sequence[str] | None = None,
) -> NerTagger:
    """Train the second CRF beside ``model`` (same feature config) on cross-predicted stage-1 tags.

    ``keep``: prefixes of the first-stage features the second stage keeps (None: all).
    """
    from hazm import SequenceTagger

    from reader.core.ner.clusters import clusters_path, load_clusters
    from reader.core.ner.tagger import load_config, save_stage2_keep, stage2_path

    extractor = FeatureExtractor(load_config(model), load_clusters(clusters_path(model)))
    labelled = [
        [((tok, first), gold) for (tok, gold), first in zip(s, p)] for s, p in zip(sentences, predicted)
    ]
    keep_bytes = tuple(k.encode() for k in keep) if keep is not None else None
    SequenceTagger(data_maker=_Stage2Maker(extractor, keep_bytes)).train(
        labelled,
        c1=c1,
        c2=c2,
        max_iteration=iterations,
        verbose=False,
        file_name=str(stage2_path(model)),
        report_duration=False,
    )
    save_stage2_keep(model, keep)
    return NerTagger.load(model)




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


def report_dev(tagger: NerTagger, dev: dict[str, list[TaggedSentence]]) -> None:
    """Print per-type strict P/R/F1 on each dev set, CRF alone and with the consistency pass."""
    for name, sentences in dev.items():
        started = time.perf_counter()
        plain = score(tagger, sentences, consistency=False)
        elapsed = time.perf_counter() - started
        n_tokens = sum(len(s) for s in sentences)
        full = score(tagger, sentences)
        print(f"\n{name}: {len(sentences)} sentences, {n_tokens} tokens, CRF alone tagged at "
              f"{n_tokens / elapsed:,.0f} tokens/s (cold cache)")
        print(f"{name}, CRF alone (no document-consistency pass):")
        print(plain.table())
        print(f"{name}, with document consistency over {ARTICLE_WINDOW}-sentence pseudo-articles (as the app tags):")
        print(full.table())
        print(f"{name} summary: alone PER+LOC+ORG {plain.micro(['PER', 'LOC', 'ORG']).f1:.4f} all "
              f"{plain.micro().f1:.4f}; +cons PER+LOC+ORG {full.micro(['PER', 'LOC', 'ORG']).f1:.4f} "
              f"all {full.micro().f1:.4f}", flush=True)


def _read_extra(paths: Sequence[Path], dev: dict[str, list[TaggedSentence]]) -> list[TaggedSentence]:
    """The sentences of every ``--extra`` file, less exact copies of a dev sentence (as for train)."""
    from reader.core.ner.datasets import drop_overlap

    extra: list[TaggedSentence] = []
    for path in paths:
        sentences = read_tagged(path)
        dropped = 0
        for dev_sentences in dev.values():
            sentences, n = drop_overlap(sentences, dev_sentences)
            dropped += n
        print(f"extra {path}: {len(sentences)} sentences, {sum(len(s) for s in sentences)} tokens "
              f"({dropped} dropped as copies of dev sentences)", flush=True)
        extra.extend(sentences)
    return extra


def main(argv: Sequence[str] | None = None) -> int:
    from reader.core.ner.datasets import NSURL_TRAIN, PEYMA_DIR, load_splits

    parser = argparse.ArgumentParser(prog="python -m reader.core.ner.train", description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=PEYMA_DIR / "train.txt", help="PEYMA-format training file")
    parser.add_argument("--dev", type=Path, default=PEYMA_DIR / "dev.txt", help="PEYMA-format dev file")
    parser.add_argument("--nsurl", type=Path, default=NSURL_TRAIN, help="NSURL file, cut into train and dev")
    parser.add_argument("--no-nsurl", action="store_true", help="train on PEYMA alone (NSURL dev still scored)")
    parser.add_argument("--out", type=Path, default=default_model_path())
    parser.add_argument("--clusters", type=Path, help="reuse this word-class table instead of building it")
    parser.add_argument("--no-offices", action="store_true", help="score without the office-role rule")
    parser.add_argument("--score", action="store_true", help="score the model at --out on both dev sets; no training")
    parser.add_argument("--c1", type=float, default=DEFAULT_C1)
    parser.add_argument("--c2", type=float, default=DEFAULT_C2)
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    parser.add_argument("--drop", nargs="*", default=[], choices=ALL_GROUPS, help="feature groups to leave out")
    parser.add_argument("--only", nargs="*", choices=ALL_GROUPS, help="use exactly these feature groups")
    parser.add_argument("--add", nargs="*", default=[], choices=ALL_GROUPS, help="feature groups to add")
    parser.add_argument("--scheme", choices=("iob", "bilou"), default=DEFAULT_SCHEME, help="labels the CRF learns")
    parser.add_argument("--stack", action="store_true", help="also train a second CRF on cross-predicted labels")
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS, help="cross-prediction folds for stage 2")
    parser.add_argument("--cross-cache", type=Path, help="reuse (or write) stage-1 cross-predictions here")
    parser.add_argument(
        "--extra", type=Path, nargs="+", default=[], metavar="FILE",
        help="tagged files added to the training sentences (pseudo-labelled text); no list is counted on them",
    )
    args = parser.parse_args(argv)

    splits = load_splits(args.train, args.dev, args.nsurl)
    train = splits.train
    if args.no_nsurl:
        train = read_tagged(args.train)
        from reader.core.ner.datasets import drop_overlap

        for sentences in splits.dev.values():
            train, _ = drop_overlap(train, sentences)
    print(f"train: {len(train)} sentences, {sum(len(s) for s in train)} tokens; dropped as copies of dev "
          "sentences: " + ", ".join(f"{n} {k}" for k, n in splits.dropped.items()), flush=True)
    if args.score:
        loaded = NerTagger.load(args.out)
        loaded.offices = not args.no_offices
        report_dev(loaded, splits.dev)
        return 0
    groups = set(args.only) if args.only is not None else set(FeatureConfig().groups)
    config = FeatureConfig(frozenset((groups | set(args.add)) - set(args.drop)), scheme=args.scheme)
    started = time.perf_counter()
    from reader.core.ner.clusters import load_clusters

    table = load_clusters(args.clusters) if args.clusters is not None else None
    extra = _read_extra(args.extra, splits.dev)
    if args.stack and extra:
        parser.error("--extra with --stack is not supported (stage 2 trains on gold cross-predictions)")
    tagger = train_model(
        train, args.out, config, c1=args.c1, c2=args.c2, iterations=args.iterations, clusters=table, extra=extra
    )
    from reader.core.ner.tagger import save_stage2_keep, stage2_path

    # A second stage left from an earlier run would be loaded with the new first stage.
    stage2_path(args.out).unlink(missing_ok=True)
    save_stage2_keep(args.out, None)
    if args.stack:
        import json
        import tempfile

        if args.cross_cache is not None and args.cross_cache.is_file():
            predicted = json.loads(args.cross_cache.read_text(encoding="utf-8"))
        else:
            with tempfile.TemporaryDirectory() as work:
                predicted = cross_predict(
                    train, Path(work), config, args.folds, c1=args.c1, c2=args.c2, iterations=args.iterations
                )
            if args.cross_cache is not None:
                args.cross_cache.write_text(json.dumps(predicted), encoding="utf-8")
        tagger = train_stage2(train, predicted, args.out, c1=args.c1, c2=args.c2, iterations=args.iterations)
    trained = time.perf_counter() - started
    print(f"groups: {' '.join(sorted(config.groups))}  scheme={args.scheme} c1={args.c1} c2={args.c2} "
          f"iterations={args.iterations}")
    print(f"trained in {trained:.0f} s; model {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.stack:
        second = stage2_path(args.out)
        print(f"stage 2 ({args.folds}-fold cross-predicted labels): {second} ({second.stat().st_size / 1e6:.2f} MB)")
    report_dev(tagger, splits.dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
