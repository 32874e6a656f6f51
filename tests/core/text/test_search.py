"""Persian-aware find: folded index, offsets mapped back to the text the user sees."""

from __future__ import annotations

from hypothesis import given, strategies as st

from reader.core.text.search import SearchIndex, fold_query, next_match

SAMPLE = "یون سوک یول، رئیسجمهور کره جنوبی؛ رئیس جمهور روسیه و رئیس\u200cجمهور آمریكا. كيم جونگ اون ۱۳ سپتامبر"


def _found(text: str, query: str) -> list[str]:
    return [text[s:e] for s, e in SearchIndex.build(text).find_all(query)]


def test_zwnj_space_and_no_space_are_the_same_word():
    assert _found(SAMPLE, "رئیس\u200cجمهور") == ["رئیسجمهور", "رئیس جمهور", "رئیس\u200cجمهور"]
    assert _found(SAMPLE, "رئیسجمهور") == ["رئیسجمهور", "رئیس جمهور", "رئیس\u200cجمهور"]


def test_arabic_letters_digits_and_diacritics():
    assert _found(SAMPLE, "کیم") == ["كيم"]
    assert _found(SAMPLE, "آمریکا") == ["آمریكا"]
    assert _found(SAMPLE, "13") == ["۱۳"]
    assert _found("سَلام بر شما", "سلام") == ["سَلام"]
    assert _found("سلام", "سَلام") == ["سلام"]


def test_hamza_spellings_of_one_word():
    text = "رئیس دولت، رییس مجلس و رئيس قوه؛ هیأت دولت و هیات امنا"
    assert _found(text, "رئیس") == ["رئیس", "رییس", "رئيس"]
    assert _found(text, "رییس") == ["رئیس", "رییس", "رئيس"]
    assert _found(text, "هیات") == ["هیأت", "هیات"]


def test_no_match_across_lines_and_empty_queries():
    assert _found("کره\nجنوبی", "کره جنوبی") == []
    assert _found(SAMPLE, "") == []
    assert _found(SAMPLE, "\u200c ") == []


def test_emoji_before_a_match_keeps_code_point_offsets():
    text = "😀 پوتین"
    assert SearchIndex.build(text).find_all("پوتین") == [(2, 7)]


def test_next_match_wraps_both_ways():
    matches = [(0, 2), (5, 7), (9, 11)]
    assert next_match(matches, 0) == 1
    assert next_match(matches, 9) == 0
    assert next_match(matches, 5, backward=True) == 0
    assert next_match(matches, 0, backward=True) == 2
    assert next_match([], 3) is None


@given(st.text(alphabet="ab یيکك\u200c ۱1\u064e😀\n", max_size=40), st.text(alphabet="ab یيکك\u200c۱1", max_size=4))
def test_matches_stay_inside_the_text_and_fold_like_the_query(text, query):
    for start, end in SearchIndex.build(text).find_all(query):
        assert 0 <= start < end <= len(text)
        assert fold_query(text[start:end]) == fold_query(query)
