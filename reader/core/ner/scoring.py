"""Strict entity-level scoring, as CoNLL's conlleval counts it.

A chunk is a maximal run ``B-X I-X ...``; an ``I-X`` after ``O`` or after a
chunk of another type starts a new chunk (conlleval's rule). A predicted chunk
counts only if its span and type both match a gold chunk exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` chunks of one sentence's IOB tags, end exclusive."""
    found: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: no split needed
            if kind is not None:
                found.append((kind, start, i))
                kind = None
            continue
        prefix, _, label = tag.partition("-")
        if prefix == "B" or (prefix == "I" and label != kind):
            if kind is not None:
                found.append((kind, start, i))
            kind, start = label, i
        elif prefix != "I":  # "O" or anything unknown ends a chunk
            if kind is not None:
                found.append((kind, start, i))
            kind = None
    if kind is not None:
        found.append((kind, start, len(tags)))
    return found


@dataclass(frozen=True)
class Score:
    """Counts and the precision, recall and F1 they give."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Report:
    """Per-type scores of one evaluation."""

    by_type: dict[str, Score]

    def micro(self, types: Iterable[str] | None = None) -> Score:
        """Pooled counts over ``types`` (all types when None)."""
        chosen = self.by_type if types is None else {t: self.by_type.get(t, Score(0, 0, 0)) for t in types}
        return Score(
            sum(s.true_positives for s in chosen.values()),
            sum(s.predicted for s in chosen.values()),
            sum(s.gold for s in chosen.values()),
        )

    def table(self, headline: Sequence[str] = ("PER", "LOC", "ORG")) -> str:
        """A plain-text P/R/F1 table, one line per type plus the micro averages."""
        lines = [f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]

        def row(name: str, s: Score) -> str:
            return f"{name:<14}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.gold:7d}"

        for kind in sorted(self.by_type):
            lines.append(row(kind, self.by_type[kind]))
        lines.append(row("+".join(headline), self.micro(headline)))
        lines.append(row("all", self.micro()))
        return "\n".join(lines)


def evaluate(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Report:
    """Score predicted tag sequences against gold ones, sentence by sentence."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted):
        if len(g_tags) != len(p_tags):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        g_chunks = set(chunks(g_tags))
        p_chunks = set(chunks(p_tags))
        for kind, _, _ in g_chunks:
            n_gold[kind] += 1
        for chunk in p_chunks:
            n_pred[chunk[0]] += 1
            if chunk in g_chunks:
                tp[chunk[0]] += 1
    kinds = set(n_gold) | set(n_pred)
    return Report({k: Score(tp[k], n_pred[k], n_gold[k]) for k in kinds})
