"""The NumPy CRF decoder gives crfsuite's tags: its Viterbi, its tie rule, the shipped model's weights."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.ner.corpus import read_tagged
from reader.core.ner.crf import CrfWeights, _viterbi
from reader.core.ner.tagger import NerTagger, default_model_path

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _crfsuite_viterbi(scores: list[list[float]], transitions: list[list[float]]) -> list[int]:
    """crfsuite's ``crf1dc_viterbi``, loop for loop: a strict ``<`` keeps the first best label."""
    size = len(transitions)
    best = list(scores[0])
    back: list[list[int]] = [[0] * size]
    for state in scores[1:]:
        current, pointers = [], []
        for j in range(size):
            top, arg = -np.inf, 0
            for i in range(size):
                if top < best[i] + transitions[i][j]:
                    top, arg = best[i] + transitions[i][j], i
            current.append(top + state[j])
            pointers.append(arg)
        best = current
        back.append(pointers)
    top, label = -np.inf, 0
    for i in range(size):
        if top < best[i]:
            top, label = best[i], i
    path = [label]
    for pointers in reversed(back[1:]):
        path.append(pointers[path[-1]])
    return path[::-1]


# Small integers: sums are exact, so ties are common and the tie rule is tested, not rounding.
_SCORE = st.integers(min_value=-2, max_value=2).map(float)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda size: st.tuples(
            st.lists(st.lists(st.lists(_SCORE, min_size=size, max_size=size), min_size=0, max_size=6), max_size=5),
            st.lists(st.lists(_SCORE, min_size=size, max_size=size), min_size=size, max_size=size),
        )
    )
)
def test_batched_viterbi_is_crfsuites_viterbi_sentence_by_sentence(case: tuple[list, list]) -> None:
    sentences, transitions = case
    if not any(sentences):
        return
    size = len(transitions)
    scores = np.array([row for s in sentences for row in s], dtype=np.float64).reshape(-1, size)
    lengths = np.array([len(s) for s in sentences])
    got = _viterbi(scores, lengths, np.array(transitions)).tolist()
    expected = [label for s in sentences if s for label in _crfsuite_viterbi(s, transitions)]
    assert got == expected


def test_the_best_path_scores_highest_of_all_paths() -> None:
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(3, 3))
    scores = rng.normal(size=(5, 3))
    (best,) = [_viterbi(scores, np.array([5]), transitions).tolist()]

    def total(path: tuple[int, ...]) -> float:
        return float(sum(scores[t, y] for t, y in enumerate(path)) + sum(transitions[a, b] for a, b in zip(path, path[1:])))

    assert total(tuple(best)) == pytest.approx(max(total(p) for p in itertools.product(range(3), repeat=5)))


def _sentences() -> list[list[str]]:
    """Sentences of every length the decoder batches differently: one token, two, long, empty."""
    words = (
        "وزیر امور خارجه ژاپن ، تارو کونو ، روز شنبه ۱۲ مهر ۱۳۹۷ در تهران با حسن روحانی دیدار کرد و "
        "گفت : « سازمان ملل متحد باید ۲۰ درصد بودجه را به ۳ میلیون دلار برساند »"
    ).split()
    return [[], ["تهران"], ["حسن", "روحانی"], words, [], words[:7], words * 4, ["."], words[3:]]


def test_fast_tagger_gives_crfsuites_tags_on_the_shipped_model() -> None:
    fast, reference = NerTagger.load(decoding="numpy"), NerTagger.load(decoding="crfsuite")
    sentences = _sentences()
    for document in (True, False):
        assert fast.tag(sentences, document=document) == reference.tag(sentences, document=document)
    # Names were found (the comparison is not of two all-O outputs).
    assert any(tag != "O" for s in fast.tag(sentences) for tag in s)


def test_a_trained_models_weights_load_from_the_cache_as_dumped(tmp_path: Path) -> None:
    first = CrfWeights.load(default_model_path())
    again = CrfWeights.load(default_model_path())  # from the cache file written by the first
    assert first.labels == again.labels and first.index == again.index
    assert np.array_equal(first.state, again.state) and np.array_equal(first.transitions, again.transitions)
    assert not first.state[-1].any()  # the zero row that stands for an unknown feature
    assert len(first.labels) == 15 and first.state.shape == (len(first.index) + 1, 15)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["peyma/dev.txt", "nsurl/train.txt"])
def test_fast_tagger_gives_crfsuites_tags_on_a_whole_corpus_split(split: str) -> None:
    path = SHARED / split
    if not path.is_file():
        pytest.skip(f"{split} not present beside the checkout")
    sentences = [[token for token, _ in s] for s in read_tagged(path)][:6000]
    fast, reference = NerTagger.load(decoding="numpy"), NerTagger.load(decoding="crfsuite")
    for start in range(0, len(sentences), 30):
        block = sentences[start : start + 30]
        assert fast.tag(block, document=False) == reference.tag(block, document=False)


def test_auto_decoding_moves_to_numpy_once_enough_tokens_were_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.ner import tagger as tagger_module

    monkeypatch.setattr(tagger_module, "FAST_MIN_TOKENS", 300)
    tagger, reference = NerTagger.load(), NerTagger.load(decoding="crfsuite")
    sentences = _sentences()  # 236 tokens
    assert tagger.tag(sentences) == reference.tag(sentences)
    assert tagger._decoder is None  # a short first article: crfsuite, NumPy not loaded
    assert tagger.tag(sentences) == reference.tag(sentences)
    assert tagger._decoder is not None


def test_rows_are_computed_again_past_the_limit_with_the_same_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.ner import crf

    monkeypatch.setattr(crf, "_ROW_LIMIT", 30)
    fast, reference = NerTagger.load(decoding="numpy"), NerTagger.load(decoding="crfsuite")
    # Ten sentences of ten words each that no other sentence has: 100 distinct words.
    names = "حسن روحانی در تهران با وزیر خارجه ژاپن دیدار کرد".split()
    sentences = [[f"{word}{'ی' * k}" for word in names] for k in range(10)]
    for sentence in sentences:  # one at a time, so the table fills and is emptied again
        assert fast.tag([sentence]) == reference.tag([sentence])
        assert fast._decoder is not None and len(fast._decoder._row_of) <= 30
    assert fast.tag(sentences) == reference.tag(sentences)  # more distinct words than the limit in one call
    assert len(fast._decoder._row_of) == 100


@pytest.mark.parametrize(
    ("groups", "scheme"),
    [
        ({"word", "affix", "context", "shape"}, "iob"),
        ({"word", "shape"}, "iob"),  # no neighbours, no bigrams
        ({"word", "affix", "context", "bigram", "title", "gazetteer", "document"}, "bilou"),
    ],
)
def test_a_freshly_trained_model_decodes_as_crfsuite_does(tmp_path: Path, groups: set[str], scheme: str) -> None:
    from reader.core.ner.features import FeatureConfig
    from reader.core.ner.train import train_model

    corpus = read_tagged(Path(__file__).resolve().parents[2] / "fixtures" / "ner" / "tiny.txt")
    model = tmp_path / "tiny.crfsuite"
    train_model(corpus * 3, model, FeatureConfig(frozenset(groups), scheme=scheme), c1=0.0, c2=0.01, iterations=30)
    fast, reference = NerTagger.load(model, decoding="numpy"), NerTagger.load(model, decoding="crfsuite")
    sentences = [[token for token, _ in s] for s in corpus] + _sentences()
    assert fast.tag(sentences) == reference.tag(sentences)
    assert fast.tag(sentences, document=False) == reference.tag(sentences, document=False)


def test_crfsuites_copy_of_the_model_is_let_go_once_numpy_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.ner import tagger as tagger_module

    monkeypatch.setattr(tagger_module, "FAST_MIN_TOKENS", 10)
    tagger, reference = NerTagger.load(), NerTagger.load(decoding="crfsuite")
    assert tagger._tagger is not None
    assert tagger.tag(_sentences()) == reference.tag(_sentences())
    assert tagger._tagger is None and tagger._decoder is not None
    assert tagger.tag(_sentences()) == reference.tag(_sentences())


def test_a_tagger_told_of_a_long_text_tags_it_with_numpy_from_the_start() -> None:
    from reader.core.ner.tagger import FAST_MIN_TOKENS

    tagger, reference = NerTagger.load(), NerTagger.load(decoding="crfsuite")
    tagger.expect(FAST_MIN_TOKENS - 1)
    assert tagger._decoder is None  # a short text: not worth NumPy's load
    tagger.expect(FAST_MIN_TOKENS)
    assert tagger._decoder is not None and tagger._tagger is None
    assert tagger.tag(_sentences()) == reference.tag(_sentences())
    reference.expect(FAST_MIN_TOKENS)  # a tagger told to use crfsuite keeps it
    assert reference._decoder is None


def test_a_bigram_is_found_by_its_pair_of_words_even_when_a_word_holds_a_bar() -> None:
    from reader.core.ner.crf import _by_pair

    index = {b"bg+=\xd8\xa7|\xd8\xa8": 0, b"bg+=a|b|c": 1, b"bg-=a|b": 2, b"w=a": 3}
    pairs = _by_pair(index, b"bg+=")
    assert pairs == {("ا", "ب"): 0, ("a", "b|c"): 1, ("a|b", "c"): 1}
    # A pair finds a row exactly when «w1|w2» is a feature's name.
    for first, second in [("a", "b"), ("a", "b|c"), ("a|b", "c"), ("ا", "ب"), ("b", "c")]:
        assert ((first, second) in pairs) == (f"bg+={first}|{second}".encode() in index)


def test_a_released_tagger_tags_again_as_before() -> None:
    from reader.core.ner.tagger import FAST_MIN_TOKENS

    tagger, reference = NerTagger.load(), NerTagger.load(decoding="crfsuite")
    tagger.expect(FAST_MIN_TOKENS)  # the decoder loaded, crfsuite's copy let go
    first = tagger.tag(_sentences())
    tagger.release()
    assert tagger._decoder is None and tagger._extractor.cached_tokens() == 0
    assert tagger.tag(_sentences()) == first == reference.tag(_sentences())  # the decoder built again
    reference.release()  # a crfsuite tagger keeps tagging with crfsuite
    assert reference.tag(_sentences()) == first
