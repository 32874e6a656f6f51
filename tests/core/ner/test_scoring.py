"""The strict CoNLL entity-level scorer on hand-made cases."""

from __future__ import annotations

import pytest

from reader.core.ner.scoring import chunks, evaluate


def test_chunks_follow_conlleval() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O"]
    # I- after O starts a chunk; B- after a same-type chunk starts another; I- of another type too.
    assert chunks(tags) == [("PER", 0, 2), ("LOC", 3, 5), ("LOC", 5, 6), ("ORG", 6, 7)]


def test_chunk_at_sentence_end() -> None:
    assert chunks(["O", "B-DAT", "I-DAT"]) == [("DAT", 1, 3)]
    assert chunks([]) == []


def test_exact_match_counts() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    report = evaluate(gold, gold)
    assert report.by_type["PER"].f1 == 1.0
    assert report.micro().f1 == 1.0


def test_partial_span_and_wrong_type_do_not_count() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]
    pred = [["B-PER", "O", "O", "B-ORG", "O", "B-ORG"]]
    report = evaluate(gold, pred)
    per, loc, org = report.by_type["PER"], report.by_type["LOC"], report.by_type["ORG"]
    assert (per.true_positives, per.predicted, per.gold) == (0, 1, 1)
    assert (loc.true_positives, loc.predicted, loc.gold) == (0, 0, 1)
    assert (org.true_positives, org.predicted, org.gold) == (1, 2, 1)
    micro = report.micro(["PER", "LOC", "ORG"])
    assert micro.precision == pytest.approx(1 / 3)
    assert micro.recall == pytest.approx(1 / 3)
    assert micro.f1 == pytest.approx(1 / 3)


def test_same_span_split_differently_is_wrong() -> None:
    gold = [["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-ORG", "I-ORG", "B-ORG"]]
    assert evaluate(gold, pred).by_type["ORG"].f1 == 0.0


def test_no_predictions_scores_zero_without_dividing_by_zero() -> None:
    report = evaluate([["B-PER"]], [["O"]])
    assert report.by_type["PER"].precision == 0.0
    assert report.by_type["PER"].f1 == 0.0


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        evaluate([["O"]], [["O", "O"]])
    with pytest.raises(ValueError):
        evaluate([["O"]], [])


def test_table_lists_types_and_micro() -> None:
    table = evaluate([["B-PER", "B-LOC"]], [["B-PER", "O"]]).table()
    assert "PER+LOC+ORG" in table and "PER" in table.splitlines()[2]
