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
