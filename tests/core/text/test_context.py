"""Sentence bounds and keyword-in-context for mention lists."""

from hypothesis import given, strategies as st

from reader.core.text.context import ELLIPSIS, kwic, sentence_bounds

TEXT = "اولین جمله است. دومی «نقل قول است.» سومی؟ چهارمی\nپنجمی"


def test_sentence_bounds_split_on_punctuation_and_newlines():
    assert TEXT[slice(*sentence_bounds(TEXT, 2))] == "اولین جمله است."
    at = TEXT.index("دومی")
    assert TEXT[slice(*sentence_bounds(TEXT, at))] == "دومی «نقل قول است.»"
    assert TEXT[slice(*sentence_bounds(TEXT, TEXT.index("سومی")))] == "سومی؟"
    assert TEXT[slice(*sentence_bounds(TEXT, TEXT.index("چهارمی")))] == "چهارمی"
    assert TEXT[slice(*sentence_bounds(TEXT, TEXT.index("پنجمی")))] == "پنجمی"


def test_sentence_bounds_clamp_offsets():
    assert sentence_bounds("", 5) == (0, 0)
    assert sentence_bounds("abc", -3) == (0, 3)
    assert sentence_bounds("abc.", 99) == (4, 4)


def test_kwic_splits_sentence_around_match():
    at = TEXT.index("نقل")
    left, match, right = kwic(TEXT, at, at + 3)
    assert (left, match, right) == ("دومی «", "نقل", " قول است.»")


def test_kwic_elides_long_context_at_spaces():
    words = " ".join(f"واژه{i}" for i in range(40))
    text = words + " هدف " + words + "."
    at = text.index("هدف")
    left, match, right = kwic(text, at, at + 3, width=20)
    assert match == "هدف"
    assert left.startswith(ELLIPSIS) and right.endswith(ELLIPSIS)
    assert len(left) <= 22 and len(right) <= 22
    assert left[1:] in text and right[:-1] in text
    # Cut at spaces: the kept words are whole.
    assert left[1].startswith("و") and right[:-1].rstrip().split(" ")[-1] in words.split(" ")


@given(st.text(alphabet="ab \u200c.؟\n«»", max_size=80), st.data())
def test_kwic_pieces_come_from_the_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = sentence_bounds(text, start)
    assert 0 <= s <= e <= len(text)
    left, match, right = kwic(text, start, end, width=10)
    assert match == text[start:end].replace("\n", " ")
    assert "\n" not in left + right
    assert left.removeprefix(ELLIPSIS) == text[start - len(left.removeprefix(ELLIPSIS)) : start]
    assert right.removesuffix(ELLIPSIS) == text[end : end + len(right.removesuffix(ELLIPSIS))]
