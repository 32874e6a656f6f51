"""Feature folding: spelling variants of a word must give the same features."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.ner.corpus import convert_tag
from reader.core.ner.features import FeatureConfig, FeatureExtractor, feature_key

ZWNJ = "\u200c"

# Persian letters, some Arabic variants, digits of three scripts, joiners and diacritics.
_ALPHABET = "ابپتثجچحخدرزسشعفقکگلمنوهیآئ" + "يىكةۀأإؤ" + "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩" + " " + ZWNJ + "\u064b\u064e\u0650\u0651\u0652\u0654" + "abcXYZ.،"
words = st.text(alphabet=_ALPHABET, min_size=1, max_size=12)

_VARIANTS = [("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ة", "ه"), ("ۀ", "ه"), ("هٔ", "ه")]


def _digits_to(script: str, text: str) -> str:
    out = []
    for ch in text:
        for digits in ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"):
            if ch in digits:
                ch = script[digits.index(ch)]
                break
        out.append(ch)
    return "".join(out)


@given(words)
def test_zwnj_space_and_no_space_fold_alike(word: str) -> None:
    key = feature_key(word)
    assert feature_key(word.replace(ZWNJ, " ")) == key
    assert feature_key(word.replace(" ", ZWNJ)) == key
    assert feature_key(word.replace(" ", "").replace(ZWNJ, "")) == key


@given(words)
def test_arabic_letter_variants_fold_alike(word: str) -> None:
    key = feature_key(word)
    for arabic, persian in _VARIANTS:
        assert feature_key(word.replace(persian, arabic)) == key
        assert feature_key(word.replace(arabic, persian)) == key


@given(words, st.sampled_from(["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"]))
def test_digit_scripts_fold_alike(word: str, script: str) -> None:
    assert feature_key(_digits_to(script, word)) == feature_key(word)


@given(words)
def test_diacritics_are_dropped(word: str) -> None:
    marks = "\u064b\u064e\u064f\u0650\u0651\u0652"
    assert feature_key("".join(ch + marks[len(word) % len(marks)] for ch in word)) == feature_key(word)


@given(words)
def test_fold_is_idempotent(word: str) -> None:
    assert feature_key(feature_key(word)) == feature_key(word)


def test_known_variants() -> None:
    assert feature_key("رئیس‌جمهور") == feature_key("رییس جمهور") == feature_key("رئيسجمهور")
    assert feature_key("كرهٔ جنوبي") == feature_key("کره جنوبی")
    assert feature_key("۱۳۹۹") == feature_key("1399") == feature_key("١٣٩٩")
    assert feature_key("آمده_است") == feature_key("آمده است")
    assert feature_key("آمریکا") != feature_key("امریکا")  # madda is a letter, not a mark


# Loading hazm's lexicon takes about a second: once per run, and no per-example deadline.
_EXTRACTOR = FeatureExtractor(FeatureConfig())


@settings(deadline=None)
@given(st.lists(words, min_size=1, max_size=6))
def test_features_are_the_same_for_spelling_variants(tokens: list[str]) -> None:
    extractor = _EXTRACTOR
    variant = [
        _digits_to("٠١٢٣٤٥٦٧٨٩", t.replace(" ", ZWNJ).replace("ی", "ي").replace("ک", "ك"))
        for t in tokens
    ]
    assert extractor.sentence(tokens) == extractor.sentence(variant)


def test_peyma_tags_convert_to_hyphens() -> None:
    assert convert_tag("B_PER") == "B-PER"
    assert convert_tag("I_ORG") == "I-ORG"
    assert convert_tag("O") == "O"


# Sentences of organisation heads, titles, place names, punctuation, quotes and plain words.
_HEADS = frozenset({"سازمان", "شرکت", "وزارت"})
_TAIL_WORDS = ["سازمان", "شرکت", "وزارت", "آقای", "وزیر", "تهران", "ایران", "،", ".", "«", "»", "ملی", "نفت", "دارسی", "گفت", "و"]
_TAIL_GROUPS = frozenset({"gazetteer", "orghead", "title", "quote", "conj"})


def _wide_free(items: list[tuple[int, list[bytes]]]) -> list[tuple[int, list[bytes]]]:
    out = [(i, [f for f in feats if not f.startswith((b"sw=", b"-3:w=", b"3:w="))]) for i, feats in items]
    return [(i, feats) for i, feats in out if feats]


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_TAIL_WORDS), max_size=25), st.booleans())
def test_tails_visit_only_the_positions_that_have_features(tokens: list[str], conj: bool) -> None:
    # With "wide" every position is visited, as the tails loop always did; without it only those
    # near a head, title, gazetteer name or quote are. Both must give the same other features.
    groups = _TAIL_GROUPS if conj else _TAIL_GROUPS - {"conj"}
    sparse = FeatureExtractor(FeatureConfig(groups, org_heads=_HEADS))
    every = FeatureExtractor(FeatureConfig(groups | {"wide"}, org_heads=_HEADS))
    keys = [feature_key(t) for t in tokens]
    words = [k.encode() for k in keys]
    items = sparse.tail_items(keys, words)
    assert items == _wide_free(every.tail_items(keys, words))
    assert sparse.tails(keys, words) == [dict(items).get(i, []) for i in range(len(keys))]


def test_head_distance_ends_at_punctuation_and_at_the_next_head() -> None:
    extractor = FeatureExtractor(FeatureConfig(frozenset({"orghead"}), org_heads=_HEADS))
    keys = [feature_key(t) for t in "سازمان انرژی اتمی ایران ، شرکت ملی نفت سازمان الف ب ج د ه و".split()]
    items = dict(extractor.tail_items(keys, [k.encode() for k in keys]))
    assert items == {
        1: [b"ohd=1"], 2: [b"ohd=2"], 3: [b"ohd=3"],  # «،» ends the first phrase
        6: [b"ohd=1"], 7: [b"ohd=2"],  # the next head starts its own count
        9: [b"ohd=1"], 10: [b"ohd=2"], 11: [b"ohd=3"], 12: [b"ohd=4"], 13: [b"ohd=5"],  # five words at most
    }


def test_document_features_flag_a_rare_word_by_its_contexts() -> None:
    extractor = FeatureExtractor(FeatureConfig(frozenset({"document", "lexicon"})))
    sentences = [
        "آقای دارسی به تهران رفت".split(),
        "دارسی ، وزیر گفت".split(),
        "کلاپتون دارسی را دید".split(),
        "سیلوستر فقط یک بار آمد".split(),
    ]
    folded = [[feature_key(t) for t in s] for s in sentences]
    features = extractor._document_features(sentences, folded)
    # Three sightings, after a title, before «، title» and beside another rare word.
    assert features[feature_key("دارسی")] == (b"d2", b"da", b"dr", b"dt")
    assert features[feature_key("کلاپتون")] == (b"dr",)
    assert feature_key("سیلوستر") not in features  # seen once, alone: no feature
