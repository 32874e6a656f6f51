"""The stacked second CRF: its label features, the cross-prediction folds and a training round trip."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.core.ner.corpus import read_tagged
from reader.core.ner.features import ARTICLE_WINDOW, FeatureConfig, feature_key
from reader.core.ner.stacking import label_features
from reader.core.ner.tagger import NerTagger, stage2_path

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "tiny.txt"


def _rare(key: str) -> bool:
    return len(key) > 3


def _extras(sentences: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    return label_features([[feature_key(t) for t in s] for s in sentences], tags, _rare)


def test_a_name_tagged_elsewhere_in_the_article_is_marked_where_it_stands_bare() -> None:
    sentences = [["آقای", "دارسی", "آمد"], ["دارسی", "رفت"]]
    tags = [["O", "B-PER", "O"], ["O", "O"]]
    extra = _extras(sentences, tags)
    bare = extra[1][0]
    assert b"y=O" in bare and b"y+1=O" in bare and b"y-1=BOS" in bare
    assert b"dt=PER" in bare  # the form was tagged PER somewhere in the article
    assert b"ds=B-PERr" in bare  # a (rare-worded) PER name starts here
    assert not any(f.startswith(b"ds=") for f in extra[1][1])


def test_multi_word_names_match_as_a_whole() -> None:
    sentences = [["سازمان", "ملل", "متحد", "گفت"], ["در", "سازمان", "ملل", "متحد"]]
    tags = [["B-ORG", "I-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]]
    extra = _extras(sentences, tags)[1]
    assert [next((f for f in e if f.startswith(b"ds=")), None) for e in extra] == [
        None, b"ds=B-ORGr", b"ds=I-ORGr", b"ds=I-ORGr",
    ]


def test_label_features_do_not_change_with_spelling_variants() -> None:
    tags = [["O", "B-PER", "I-PER", "O"], ["B-PER", "O"]]
    plain = _extras([["آقای", "علی", "کریمی", "گفت"], ["کریمی", "رفت"]], tags)
    variant = _extras([["آقاي", "علي", "كريمي", "گفت"], ["کري\u200cمی", "رفت"]], tags)
    assert plain == variant


def test_folds_are_contiguous_and_fall_on_article_blocks() -> None:
    from reader.core.ner.train import fold_bounds

    bounds = fold_bounds(10 * ARTICLE_WINDOW + 7, 4)
    assert bounds[0][0] == 0 and bounds[-1][1] == 10 * ARTICLE_WINDOW + 7
    assert all(b == a2 for (_, b), (a2, _) in itertools.pairwise(bounds))
    assert all(a % ARTICLE_WINDOW == 0 and b > a for a, b in bounds)
    with pytest.raises(ValueError):
        fold_bounds(ARTICLE_WINDOW, 2)


def test_stage2_training_round_trip(tmp_path: Path) -> None:
    from reader.core.ner.train import cross_predict, train_model, train_stage2

    corpus = read_tagged(FIXTURE) * 12  # two 30-sentence blocks, one per fold
    model = tmp_path / "tiny.crfsuite"
    config = FeatureConfig(frozenset({"word", "affix", "context", "shape", "document"}))
    train_model(corpus, model, config, c1=0.0, c2=0.01, iterations=50)
    predicted = cross_predict(corpus, tmp_path, config, 2, c1=0.0, c2=0.01, iterations=50)
    assert [len(p) for p in predicted] == [len(s) for s in corpus]
    trained = train_stage2(corpus, predicted, model, c1=0.0, c2=0.01, iterations=50)
    assert stage2_path(model).is_file() and trained.stacked

    loaded = NerTagger.load(model)
    assert loaded.stacked and not NerTagger.load(model, stacked=False).stacked
    sentences = [[tok for tok, _ in s] for s in read_tagged(FIXTURE)]
    tags = loaded.tag([[], *sentences])
    assert tags[0] == []
    assert tags[1:] == trained.tag(sentences)
    assert tags[1:] == [[tag for _, tag in s] for s in read_tagged(FIXTURE)]


def test_add_label_features_extends_in_place_and_keeps_only_chosen_prefixes() -> None:
    from reader.core.ner.stacking import add_label_features

    features = [[[b"b", b"w=x", b"p1=x"], [b"b", b"w=y", b"p1=y"]]]
    add_label_features(features, [["x", "y"]], [["B-PER", "O"]], _rare, keep=(b"w=",))
    assert features[0][0][0] == b"w=x" and b"p1=x" not in features[0][0]
    assert b"y=B-PER" in features[0][0] and b"y-1=B-PER" in features[0][1]
