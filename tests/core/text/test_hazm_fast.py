"""hazm_fast's routines give exactly what hazm's own give, on mixed and hostile text."""

from __future__ import annotations

import dataclasses
import re
from itertools import chain

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text import ZWNJ, Token, hazm_fast, tokenise, tokenize, warm_up
from reader.core.text.normalise import _Hazm

# Words and affixes hazm's spacing rules join or split, and the characters its patterns look at.
_WORDS = [
    "می", "نمی", "رود", "روم", "کنند", "کتاب", "خانه", "ها", "های", "هایی", "تر", "ترین", "گر", "گری",
    "ای", "ام", "اش", "ات", "اند", "ایم", "ی", "است", "شده", "رفته", "زمین", "لرزه", "اخلال", "شنبهها",
    "جمعه", "بزرگ", "علمی", "ماه", "سال", "كتاب", "رئيس", "جمهور", "خواهد", "بود", "...", "…",
    "«سلام»", '"نقل"', "(۲۲ شهریور)", "۱۴۰۲", "١٤٤٥", "2023", "3.14", "۱۲:۳۰", "U.S.", "e-mail", "a_b",
    "اِعلاممممم", "بُزرگیِ", "ﻻ", "ﷲ", "ﮐﯾ", "ـــ", "😀", "👍🏽",
]
_CHARS = (
    " \u00a0\u2009\u200c\u200d\u200e\u200f\n\t\r"  # spacing, joiners, bidi marks, line ends
    ".:!?؟،؛«»[](){}\"'/\\⸮%٪-_…"  # punctuation hazm's patterns name, and some it does not
    "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"  # digits of three scripts
    "ابپتجچخدرزسشصطعفقکگلمنوهیآأئءةۀيكىه"  # Persian and Arabic letters
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0670ـ"  # diacritics, superscript alef, kashida
    "aZ"
)
_piece = st.one_of(st.sampled_from(_WORDS), st.text(st.sampled_from(_CHARS), min_size=1, max_size=3))
hostile = st.lists(_piece, max_size=40).map(" ".join) | st.lists(_piece, max_size=40).map("".join)
one_line = hostile.map(lambda text: text.replace("\n", " "))
tokens = st.lists(st.sampled_from(_WORDS) | st.text(st.sampled_from(_CHARS.replace(" ", "")), min_size=1, max_size=3))

# Few characters, so that matches of every pattern come next to each other.
_CROWD = [
    "می ", "نمی ", " می", "۱.", "2.", ".", "...", " ", "\n", "ه ی ", "ه ام", " ها", " تر", "«", "( ", " .", ": ", "!",
    "x", "a", "ا", "م", "ه", "ی", "٣", ZWNJ, ZWNJ + " ", " " + ZWNJ,
]

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def hazm() -> _Hazm:
    warm_up()
    return _Hazm.get()


@pytest.fixture(scope="module")
def spacing(hazm: _Hazm) -> hazm_fast.Spacing:
    n = hazm.normalizer
    return hazm_fast.Spacing(n, hazm_fast.JoinParts.of(n.verbs, n.words), hazm_fast._faster_steps())


def _hazm_patterns(hazm: _Hazm) -> list[tuple[str, str]]:
    n = hazm.normalizer
    return list(
        chain(
            n.extra_space_patterns, n.affix_spacing_patterns, n.punctuation_spacing_patterns,
            n.persian_style_patterns, n.diacritics_patterns, n.specials_chars_patterns, n.replacements,
        )
    )


def test_the_installed_hazm_is_the_one_read(hazm: _Hazm) -> None:
    # Otherwise every routine here falls back to hazm's own and the tests below prove nothing.
    assert hazm_fast.is_hazm_version()
    assert hazm.splitter is not None
    assert hazm.normalize is not hazm.normalizer.normalize


def test_every_faster_pass_stands_for_one_of_hazms(hazm: _Hazm) -> None:
    patterns = _hazm_patterns(hazm)
    assert set(hazm_fast._faster_steps()) <= set(patterns)


@_SETTINGS
@given(hostile)
def test_faster_passes_equal_hazms(text: str) -> None:
    for (pattern, repl), step in hazm_fast._faster_steps().items():
        assert step(text) == re.sub(pattern, repl, text), pattern


@_SETTINGS
@given(st.lists(st.sampled_from(_CROWD), max_size=30).map("".join))
def test_faster_passes_equal_hazms_where_matches_crowd(text: str) -> None:
    # Matches next to each other are where consuming a neighbour or not could differ.
    for (pattern, repl), step in hazm_fast._faster_steps().items():
        assert step(text) == re.sub(pattern, repl, text), pattern


@_SETTINGS
@given(hostile | st.text(max_size=80))
def test_normalize_equals_hazms(hazm: _Hazm, text: str) -> None:
    assert hazm.normalize(text) == hazm.normalizer.normalize(text)


@_SETTINGS
@given(hostile)
def test_correct_spacing_and_repeats_equal_hazms(hazm: _Hazm, spacing: hazm_fast.Spacing, text: str) -> None:
    n = hazm.normalizer
    assert spacing.correct_spacing(text) == n.correct_spacing(text)
    repeated = text.replace("ا", "ااا").replace("م", "مممم")
    assert hazm_fast.decrease_repeated_chars(n)(repeated) == n.decrease_repeated_chars(repeated)


@_SETTINGS
@given(tokens)
def test_token_spacing_equals_hazms(hazm: _Hazm, spacing: hazm_fast.Spacing, words: list[str]) -> None:
    assert spacing.token_spacing(words) == hazm.normalizer.token_spacing(words)


def test_token_spacing_joins_as_hazm_does(hazm: _Hazm, spacing: hazm_fast.Spacing) -> None:
    for words in (["کتاب", "ها"], ["او", "می", "رود"], ["زمین", "لرزه", "ای"], ["ماه", "می", "سال"], ["ها", "ها"]):
        assert spacing.token_spacing(words) == hazm.normalizer.token_spacing(words)
    assert spacing.token_spacing(["زمین", "لرزه", "ای"]) == ["زمین‌لرزه‌ای"]


def test_join_parts_are_the_stretches_either_side_of_a_zwnj() -> None:
    verbs = {f"می{ZWNJ}روم": "رفت#رو", "رفت": "رفت#رو"}
    words = {f"زمین{ZWNJ}لرزه{ZWNJ}ای": (3, ("N",)), f"نا{ZWNJ}پیدا": (0, ("AJ",))}
    parts = hazm_fast.JoinParts.of(verbs, words)
    assert parts.right == {"روم", f"لرزه{ZWNJ}ای", "ای"}
    assert parts.left == {"می", "زمین", f"زمین{ZWNJ}لرزه", "لرزه"}


@_SETTINGS
@given(one_line)
def test_word_tokens_equal_hazms(hazm: _Hazm, line: str) -> None:
    assert hazm_fast._WORD.findall(line) == hazm.words.tokenize(line)


@_SETTINGS
@given(one_line, st.integers(0, 3))
def test_sentence_and_word_spans_equal_hazms_tokens(hazm: _Hazm, line: str, pad: int) -> None:
    splitter = hazm.splitter
    assert splitter is not None
    text = "x" * pad + line + "y" * pad  # spans are of a stretch inside a longer text
    found = [
        [match.group() for match in splitter.words(text, start, end)]
        for start, end in splitter.sentences(text, pad, pad + len(line))
    ]
    expected = [hazm.words.tokenize(sentence) for sentence in hazm.sentences.tokenize(line)]
    assert found == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile, min_size=1, max_size=4).map("\n".join))
def test_tokenize_equals_tokenising_with_hazms_tokenizers(hazm: _Hazm, text: str) -> None:
    fast = tokenize(text)
    splitter, hazm.splitter = hazm.splitter, None
    try:
        slow = tokenize(text)
    finally:
        hazm.splitter = splitter
    assert fast == slow


def test_other_hazm_versions_keep_hazms_own_methods(hazm: _Hazm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hazm_fast, "is_hazm_version", lambda: False)
    assert hazm_fast.fast_normalize(hazm.normalizer, hazm_fast.JoinParts(frozenset(), frozenset())) is None
    assert hazm_fast.splitter(hazm.sentences, hazm.words) is None


def test_a_tokenizer_with_options_keeps_hazms_own(hazm: _Hazm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hazm.words, "replace_numbers", True)
    assert hazm_fast.splitter(hazm.sentences, hazm.words) is None


@given(st.text(max_size=5), st.text(max_size=5), st.integers(0, 10**7), st.integers(0, 10**7))
def test_a_token_made_through_its_slots_is_the_dataclasss_own(text: str, norm: str, start: int, end: int) -> None:
    made = tokenise._token(text, norm, start, end)
    assert type(made) is Token
    assert made == Token(text, norm, start, end)
    assert (made.text, made.norm, made.start, made.end) == (text, norm, start, end)
    assert [field.name for field in dataclasses.fields(Token)] == ["text", "norm", "start", "end"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "x"  # type: ignore[misc]
