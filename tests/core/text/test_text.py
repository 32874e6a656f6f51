"""The text layer: hazm normalisation mapped back to exact offsets in the user's text."""

from __future__ import annotations

import unicodedata

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text import ZWNJ, fold, fold_key, normalize, snap, tokenize, warm_up
from reader.core.text import align as align_module
from reader.core.text import chars
from reader.core.text.align import _key_table_now, align
from reader.core.text.chars import _FOLD_TABLE, _Translator
from reader.core.text.normalise import _Hazm

# Pieces real Persian news text is made of, including the messy ones.
_PIECES = [
    "کتاب", "می کنند", "می‌کنند", "رئیس‌جمهور", "رئیسجمهور", "كيم", "جونگ‌اون", "بُزرگیِ", "اِعلاممممم",
    "۱۴۰۲", "١٤٤٥", "2023", "۱۳/۰۶/۱۴۰۲", "«", "»", "،", ".", ":", "؟", "...", "%", "٪", "\u00a0",
    "\u200f", "\u200e", "\u202b", "\u202c", ZWNJ, "\u200d", "😀", "👍🏽", "🇮🇷", "Putin", "U.S.", "ـــ",
    "ﻻ", "ك", "ي", "ة", " ", "  ", "\n", "\t", "«سرگئی شویگو»", "همکاری های", "(۲۲ شهریور)", "ها", "ی",
]

persian_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
any_text = st.one_of(persian_text, st.text(max_size=60))


def test_fold_keeps_length_and_unifies_variants() -> None:
    raw = "كيم ١٢٣ 456 ۷۸۹\u00a0x"
    folded = fold(raw)
    assert len(folded) == len(raw)
    assert folded == "کیم 123 456 789 x"


def test_fold_key_collapses_spelling_variants() -> None:
    assert fold_key("کیم جونگ اون") == fold_key("کیم جونگاون") == fold_key("كيم جونگ‌اون")
    assert fold_key("رئیس‌جمهور") == fold_key("رئیسجمهور") == fold_key("رئیس جمهور")
    assert fold_key("بُزرگیِ") == fold_key("بزرگی")


def test_tokens_map_to_whole_words_in_the_original() -> None:
    raw = "اِعلاممممم کَرد : « زمین لرزه ای به بُزرگیِ 6 دهم ریشتر ...»"
    tokens = [t for s in tokenize(raw) for t in s.tokens]
    by_text = [t.text for t in tokens]
    assert "اِعلاممممم" in by_text  # hazm drops repeats and diacritics; the highlight does not
    assert "زمین لرزه ای" in by_text  # hazm joins with ZWNJ; the user's spacing is kept
    assert "بُزرگیِ" in by_text  # the trailing kasra stays on its word
    assert "..." in by_text
    for token in tokens:
        assert raw[token.start : token.end] == token.text


def test_digits_and_letters_of_any_script_keep_their_offsets() -> None:
    raw = "كتاب‌هاي من ١٢٣ و 45% در ۱۴۰۲"
    tokens = [t for s in tokenize(raw) for t in s.tokens]
    assert [t.text for t in tokens] == ["كتاب‌هاي", "من", "١٢٣", "و", "45", "%", "در", "۱۴۰۲"]
    assert tokens[0].norm == "کتاب‌های"


def test_emoji_and_bidi_marks_do_not_shift_offsets() -> None:
    raw = "\u200fسلام 👍🏽 پوتین\u200e گفت"
    tokens = [t for s in tokenize(raw) for t in s.tokens]
    putin = next(t for t in tokens if "پوتین" in t.text)
    assert raw[putin.start : putin.end] == "پوتین"


def test_paragraph_breaks_and_empty_text() -> None:
    assert tokenize("") == []
    assert tokenize("\n \u200c\u200c \n") == []
    sentences = tokenize("اول.\n\nدوم آمد.")
    assert [s.tokens[0].text for s in sentences] == ["اول", "دوم"]


def test_align_handles_multi_character_rewrites() -> None:
    starts, ends = align("a...b", "a…b")
    assert (starts[1], ends[1]) == (1, 4)
    assert (starts[2], ends[2]) == (4, 5)


def test_snap_never_cuts_marks_or_joiners() -> None:
    raw = "بزرگیِ 👍🏽"
    assert snap(raw, 0, 5) == (0, 6)
    assert snap(raw, 7, 8) == (7, 9)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_token_offsets_are_inside_monotonic_and_whole(raw: str) -> None:
    previous_end = 0
    for sentence in tokenize(raw):
        assert 0 <= sentence.start <= sentence.end <= len(raw)
        for token in sentence.tokens:
            assert 0 <= token.start < token.end <= len(raw)
            assert token.start >= previous_end, "tokens overlap or go backwards"
            previous_end = token.end
            assert raw[token.start : token.end] == token.text
            # Never inside a surrogate pair, never cutting a mark or joiner off its letter.
            assert not (0xDC00 <= ord(raw[token.start]) <= 0xDFFF)
            if token.end < len(raw):
                nxt = raw[token.end]
                assert unicodedata.category(nxt) not in ("Mn", "Me") and nxt != "\u200d"
            # A word written with ZWNJ inside stays one piece.
            assert not token.text.startswith(ZWNJ) and not token.text.endswith(ZWNJ)


@settings(max_examples=200, deadline=None)
@given(persian_text)
def test_normalized_characters_map_monotonically(raw: str) -> None:
    normalized = normalize(raw)
    last = 0
    for k in range(len(normalized.text)):
        assert 0 <= normalized.starts[k] <= normalized.ends[k] <= len(raw)
        assert normalized.starts[k] >= last
        last = normalized.starts[k]


_TABLE_CHARS = st.sampled_from(sorted({chr(code) for code in _FOLD_TABLE} | set("abc ۱٢كیي\u200c\\]^-[")))


@settings(max_examples=200, deadline=None)
@given(st.text(_TABLE_CHARS, max_size=40) | any_text)
def test_translators_agree_with_str_translate(raw: str) -> None:
    warm_up()
    key_table = _key_table_now()
    assert align_module._key_translate(raw) == raw.translate(key_table)
    assert fold(raw) == raw.translate(_FOLD_TABLE)
    assert _Translator({})(raw) == raw
    # A table that deletes or expands falls back to str.translate itself.
    odd = {ord("ی"): "یی", ord("a"): ""}
    assert _Translator(odd)(raw) == raw.translate(odd)


@settings(max_examples=200, deadline=None)
@given(st.text(_TABLE_CHARS, max_size=40) | any_text)
def test_translators_by_replacements_agree_with_str_translate(raw: str) -> None:
    swap = {ord("a"): "b", ord("b"): "a"}  # each a replacement of the other: the regex's way only
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chars, "_REPLACE_MIN", 0)  # every text as a long one
        assert fold(raw) == raw.translate(_FOLD_TABLE)
        assert _Translator(swap)(raw) == raw.translate(swap)
        assert _Translator({ord("ي"): "ی", ord("ك"): "ک", ord("١"): "1"})(raw) == raw.translate(
            {ord("ي"): "ی", ord("ك"): "ک", ord("١"): "1"}
        )


def test_fold_of_a_long_text_is_the_same_in_pieces() -> None:
    raw = "كيم ١٢٣\u00a0" * 20_000
    assert fold(raw) == raw.translate(_FOLD_TABLE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text | st.text(st.sampled_from("0123456789%٠١٢٣٤٥٦٧٨٩يكىة“” \n\u200cﻻﮐﯾ"), max_size=30))
def test_normalize_is_hazms_own(raw: str) -> None:
    warm_up()
    hazm = _Hazm.get()
    assert hazm.normalize(raw) == hazm.normalizer.normalize(raw)


def _reference_align(original: str, normalized: str, base: int = 0) -> tuple[list[int], list[int]]:
    """``align`` as first written, a character or a fixed run at a time: the faster one must agree."""
    _key_table_now()
    ok, nk = original.translate(align_module._key_table), normalized.translate(align_module._key_table)
    n_orig, n_norm = len(original), len(normalized)
    starts, ends = [0] * n_norm, [0] * n_norm
    i = j = 0
    while j < n_norm:
        for run in (64, 16, 4):
            if ok[i : i + run] == nk[j : j + run] and i + run <= n_orig and j + run <= n_norm:
                starts[j : j + run] = range(base + i, base + i + run)
                ends[j : j + run] = range(base + i + 1, base + i + run + 1)
                i, j = i + run, j + run
                break
        else:
            if i < n_orig and ok[i] == nk[j]:
                starts[j], ends[j] = base + i, base + i + 1
                i, j = i + 1, j + 1
            elif i < n_orig and (chars.is_droppable(original[i]) or (i > 0 and original[i] == original[i - 1])):
                if j > 0 and ends[j - 1] == base + i and not original[i].isspace() and original[i] not in chars._EDGE_FORMAT:
                    ends[j - 1] = base + i + 1
                i += 1
            elif normalized[j] in " \n" + ZWNJ:
                starts[j] = ends[j] = base + i
                j += 1
            else:
                a, b = align_module._resync(ok, nk, i, j)
                for k in range(b):
                    starts[j + k] = base + i + (k * a) // b
                    ends[j + k] = base + i + ((k + 1) * a) // b
                i, j = i + a, j + b
    return starts, ends


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.integers(0, 5))
def test_align_agrees_with_its_reference(raw: str, base: int) -> None:
    warm_up()
    long = raw * 9  # runs longer than the bulk step
    for original in (raw, long):
        normalized = _Hazm.get().normalize(original)
        assert align(original, normalized, base) == _reference_align(original, normalized, base)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("اب \u200c\u064e\n.«»كی"), max_size=80), st.text(st.sampled_from("اب \u200c\n.…کی"), max_size=80))
def test_align_agrees_with_its_reference_on_unrelated_strings(original: str, normalized: str) -> None:
    warm_up()
    assert align(original, normalized) == _reference_align(original, normalized)
