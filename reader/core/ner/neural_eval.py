"""Evaluating the neural tagger beside the CRF: per-type reports and the combined scores.

Split out of ``train_neural`` (training only; the app never imports either).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from reader.core.ner.corpus import TaggedSentence
from reader.core.ner.neural import LABELS, NeuralTagger
from reader.core.ner.scoring import Report, evaluate

HEADLINE = ("PER", "LOC", "ORG")


# ----------------------------------------------------------------------------- the CRF beside it

# Sentences per pseudo-article when the document pass runs on a corpus without article marks.
ARTICLE = 30


class CrfMarginals:
    """Log marginal probabilities of ``LABELS`` under a trained CRF (``tagger``), an article at a time.

    A BILOU model's ``U-``/``L-`` mass goes to ``B-``/``I-``.
    """

    def __init__(self, crf_model: Path) -> None:
        from reader.core.ner.tagger import NerTagger

        crf = NerTagger.load(crf_model, stacked=False)
        self._inner = crf._tagger.model  # python-crfsuite's Tagger
        self._extractor = crf._extractor
        index = {label: i for i, label in enumerate(LABELS)}
        self._targets = []
        for label in self._inner.labels():
            iob = {"U": "B", "L": "I"}.get(label[0], label[0]) + label[1:] if label != "O" else "O"
            self._targets.append((label, index[iob]))

    def article(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, [T, K] log marginals, the CRF's document features taken from ``sentences``."""
        block = [list(s) for s in sentences]
        extractor = self._extractor
        extractor.pin_document(block)
        features = extractor.sentences(block)
        extractor.pin_document(None)
        # The token cache is meant for one call; over a whole corpus it is bounded as the tagger bounds it.
        if extractor.cached_tokens() > 200_000:
            extractor.clear()
        out: list[np.ndarray] = []
        for sentence, feats in zip(block, features):
            probs = np.zeros((len(sentence), len(LABELS)), dtype=np.float64)
            if sentence:
                self._inner.set(feats)
                for label, k in self._targets:
                    probs[:, k] += [self._inner.marginal(label, t) for t in range(len(sentence))]
            out.append(np.log(np.maximum(probs, 1e-6)).astype(np.float32))
        return out


def crf_log_marginals(crf_model: Path, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Per sentence, [T, K] log marginals of ``LABELS`` under a trained CRF (``CrfMarginals``).

    The CRF's features are built per ``ARTICLE``-sentence block, as its tagger pins an article.
    """
    crf = CrfMarginals(crf_model)
    return [m for a in range(0, len(sentences), ARTICLE) for m in crf.article(sentences[a : a + ARTICLE])]


def document_pass(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], crf_model: Path | None) -> list[list[str]]:
    """The CRF tagger's document-consistency pass (``consistency.propagate``) over ``ARTICLE`` blocks."""
    from reader.core.ner.consistency import propagate
    from reader.core.ner.features import hazm_lexicon
    from reader.core.ner.tagger import default_model_path, load_config

    first_names = load_config(crf_model or default_model_path()).first_names
    out: list[list[str]] = []
    for a in range(0, len(sentences), ARTICLE):
        out.extend(propagate(sentences[a : a + ARTICLE], tags[a : a + ARTICLE], hazm_lexicon(), first_names))
    return out


WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)


def compare(tagger: NeuralTagger, crf_model: Path, devs: dict[str, list[TaggedSentence]]) -> None:
    """Dev figures of the neural tagger, the CRF, and the neural scores plus ``w`` × CRF log marginals.

    One ``w`` serves both dev sets: the one with the best sum of their headline figures (with
    the document pass); its per-type tables are printed.
    """
    from reader.core.ner.neural import viterbi_batch
    from reader.core.ner.tagger import NerTagger

    crf = NerTagger.load(crf_model, stacked=False)
    results: dict[tuple[str, float | None], tuple[Report, Report]] = {}
    for name, dev in devs.items():
        tokens = [[t for t, _ in s] for s in dev]
        gold = [[g for _, g in s] for s in dev]
        emissions = tagger.emissions(tokens)
        marginals = crf_log_marginals(crf_model, tokens)
        crf_tags = [t for a in range(0, len(tokens), ARTICLE) for t in crf.tag(tokens[a : a + ARTICLE], document=False)]
        for weight in (*WEIGHTS, None):
            if weight is None:
                tags = crf_tags
            else:
                tags = []
                for e, m in zip(emissions, marginals):
                    if not len(e):
                        tags.append([])
                        continue
                    (path,) = viterbi_batch(
                        (e + weight * m)[None], np.array([len(e)]), tagger.transitions, tagger.start, tagger.end
                    )
                    tags.append([LABELS[j] for j in path])
            results[name, weight] = (evaluate(gold, tags), evaluate(gold, document_pass(tokens, tags, crf_model)))

    def headline(name: str, report: Report) -> float:
        return report.micro(HEADLINE if name.startswith("PEYMA") else None).f1

    for name in devs:
        print(f"\n{name}: {'PER+LOC+ORG' if name.startswith('PEYMA') else 'all types'} strict F1 (alone / with the document pass)")
        for weight in (*WEIGHTS, None):
            plain, passed = results[name, weight]
            label = "CRF alone" if weight is None else f"neural + {weight} x CRF"
            print(f"  {label:<22} {headline(name, plain):.4f} / {headline(name, passed):.4f}")
    best = max(WEIGHTS[1:], key=lambda w: sum(headline(n, results[n, w][1]) for n in devs))
    for name in devs:
        print(f"\n{name}, neural + {best} x CRF log marginals, with the document pass:")
        print(results[name, best][1].table())
        print(f"\n{name}, neural alone, with the document pass:")
        print(results[name, 0.0][1].table())


# ----------------------------------------------------------------------------- command


def print_reports(tagger: NeuralTagger, devs: dict[str, list[TaggedSentence]]) -> None:
    for name, dev in devs.items():
        tokens = [[t for t, _ in s] for s in dev]
        started = time.perf_counter()
        predicted = tagger.tag(tokens)
        elapsed = time.perf_counter() - started
        report = evaluate([[g for _, g in s] for s in dev], predicted)
        n = sum(len(s) for s in tokens)
        print(f"\n{name} (onnxruntime, {n} tokens in {elapsed:.2f} s, {n / elapsed:,.0f} tokens/s):")
        print(report.table())
