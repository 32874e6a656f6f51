"""The quote finder's faster scans against the plain ones they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.quotes import lexicon
from reader.core.quotes.clauses import Clauses, QuoteSpan

_VERB_PLAIN = re.compile(f"{lexicon._B}(?<!ارزش )(?<!ارزش\u200c){lexicon._VERB}")
_PIECES = sorted(
    {w.replace("_", " ") for w in lexicon._VERB_OPENINGS}
    | {"کرد", "کردند", "کرده", "نمود", "داشت", "داد", "دادند", "شد", "ساخت", "کند", "می‌کند", "نماید", "دارد", "دهد",
       "شود", "سازد", "است", "اند", "بود", "باشد", "گوید", "می‌گوید", "افزاید", "نویسد", "پرسد", "خوانند", "نام", "دان",
       "گو", "وگو", "ارزش", "و", "که", "اما", "ولی", "لیکن", "لکن", "زیرا", "درحالیکه", "در", "حالی", "چرا",
       "گفتگو", "امام", "خبرنگار", "Q", "ها", "ی", "ه", "ند", "م"}
)
_SEPARATORS = st.sampled_from([" ", " ", "\u200c", "", "،", ".", ":", "\n", "«", "»", "؟", "Q"])


@st.composite
def _speech_text(draw: st.DrawFn) -> str:
    """Text thick with verb parts, conjunctions and separators, glued or spaced."""
    tokens = draw(st.lists(st.sampled_from(_PIECES), max_size=20))
    seps = draw(st.lists(_SEPARATORS, min_size=len(tokens), max_size=len(tokens)))
    return "".join(sep + token for sep, token in zip(seps, tokens))


def _found(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=1500, deadline=None)
@given(_speech_text())
def test_the_verb_lookahead_changes_no_match(text: str) -> None:
    assert _found(lexicon.VERB_RE.finditer(text)) == _found(_VERB_PLAIN.finditer(text))


@settings(max_examples=1500, deadline=None)
@given(_speech_text())
def test_one_scan_finds_the_verbs_and_the_conjunctions(text: str) -> None:
    both = _found(lexicon.VERB_OR_CONJ_RE.finditer(text))
    assert [m for m in both if m[2] != "conj"] == _found(lexicon.VERB_RE.finditer(text))
    assert [m[:2] for m in both if m[2] == "conj"] == [m.span() for m in lexicon.CLAUSE_CONJ_RE.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(_speech_text(), st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=6))
def test_the_mask_keeps_the_bounds_and_conjunctions_a_fresh_scan_finds(text: str, cuts: list[tuple[int, int]]) -> None:
    clauses = Clauses(text, [])
    spans: list[QuoteSpan] = []
    reach = 0
    for at, length in sorted(cuts):
        start, end = max(at, reach), min(max(at, reach) + length, len(text))
        if start < end:
            spans.append(QuoteSpan(start, end, start, end))
            reach = end
    clauses.set_mask(spans)
    assert clauses.bounds == [m.start() for m in lexicon.BOUNDARY_RE.finditer(clauses.masked)]
    assert clauses.conj == [m.end() for m in lexicon.CLAUSE_CONJ_RE.finditer(clauses.masked)]
