"""The one-pass scan of the date patterns, against each pattern's own ``finditer``."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.dates import lexicon
from reader.core.dates.scan import find_all

_PIECES = sorted(
    {w for words in lexicon.START_WORDS.values() for w in words}
    | set(lexicon.GLUED_AFTER)
    | set(lexicon.YEAR_OFFSETS)
    | {"مبارک", "های", "و", "از", "تا", "الی", "دیگر", "پس", "اخیر", "ه", "ای", "میلادی", "شمسی", "هجری قمری",
       "خورشیدی", "قمری", "نماز", "مدت", "است", "می", "مهری", "سالن", "دولت", "یکی", "این", "همین", "ساعتی"}
)
_DIGITS = st.integers(0, 2100).map(str) | st.sampled_from(["12:30", "8:05:10", "1399/01/02", "2023-09-13", "05", "1402"])
_SEPARATORS = st.sampled_from([" ", " ", "\u200c", "", "  ", "،", ".", "/", "-", "–", ":", "\n", "(", "x", "ب", "«"])
_TOKENS = st.sampled_from(_PIECES) | _DIGITS | st.sampled_from(list("ابپتسشمنوهی0123456789")) | st.text(max_size=4)


@st.composite
def _date_text(draw: st.DrawFn) -> str:
    """News-like text thick with the patterns' words, numbers and separators, glued or spaced."""
    tokens = draw(st.lists(_TOKENS, max_size=25))
    seps = draw(st.lists(_SEPARATORS, min_size=len(tokens), max_size=len(tokens)))
    return "".join(sep + token for sep, token in zip(seps, tokens))


def _as_found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=1500, deadline=None)
@given(_date_text())
def test_the_scan_finds_what_each_pattern_finds_on_its_own(text: str) -> None:
    found = find_all(text)
    for pattern in lexicon.ALL_PATTERNS:
        assert _as_found(found[pattern]) == _as_found(list(pattern.finditer(text))), pattern.pattern[:60]


def test_the_scan_on_a_paragraph_of_every_kind_of_date() -> None:
    text = (
        "به گزارش خبرگزاری مهر، روز پنج‌شنبه ۲۲ شهریورماه ۱۴۰۲ ساعت 10:30 صبح و دو روز پیش در 1402/06/20 "
        "و بیست و یکم مهر سال گذشته، تابستان ۱۴۰۱، دهه ۹۰، سال‌های 1390-1395، امسال، هفته گذشته، "
        "صبح امروز، پس‌فردا، ۱۳ سپتامبر (۲۲ شهریور)، ساعت ۸ و ۱۵ دقیقه، دوسال قبل، ۵ ربیع‌الاول."
    )
    text = text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    found = find_all(text)
    assert sum(map(len, found.values())) > 15
    for pattern in lexicon.ALL_PATTERNS:
        assert _as_found(found[pattern]) == _as_found(list(pattern.finditer(text)))


def test_no_pattern_matches_an_empty_string() -> None:
    # The scan reports a match and moves past it; an empty one would be reported twice by neither.
    for pattern in lexicon.ALL_PATTERNS:
        assert pattern.match("") is None
        assert all(m.end() > m.start() for m in pattern.finditer("سال ۲ روز و ۳ ماه پیش ۱۲:۳۰ شب"))


_CONTEXT = "(?:[ \u200c]*(?:ماه|سال|و))?(?![\\w\u200c])"


def _flat_alt(words: list[str]) -> str:
    """``lexicon._alt`` without its grouping by first letter: the plain alternation it replaced."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", lexicon.OSP) for w in parts) + ")"


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_grouped_alternations_match_as_the_flat_ones(data: st.DataObject) -> None:
    # ``_alt`` groups spellings by first letter; in a pattern that backtracks into the
    # alternation it must still take the same spelling as the plain one.
    words = data.draw(st.sampled_from([lexicon.START_WORDS[p] for p in lexicon.ALL_PATTERNS if p in lexicon.START_WORDS]))
    tokens = data.draw(st.lists(st.sampled_from(words) | _TOKENS, max_size=5))
    text = data.draw(_SEPARATORS).join(tokens)
    grouped = re.compile(lexicon._alt(words) + _CONTEXT)
    flat = re.compile(_flat_alt(words) + _CONTEXT)
    for at in range(len(text) + 1):
        a, b = grouped.match(text, at), flat.match(text, at)
        assert (a and a.span()) == (b and b.span())
