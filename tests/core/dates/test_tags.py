"""DAT/TIM token tags from the date extractor over a tagger's output, in PEYMA's convention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.dates import merge_date_tags


def tags_for(sentence: str, crf: list[str] | None = None) -> list[str]:
    tokens = sentence.split()
    return merge_date_tags(tokens, crf or ["O"] * len(tokens))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("او روز جمعه آمد", ["O", "B-DAT", "I-DAT", "O"]),
        ("در سال 1395 رشد", ["O", "B-DAT", "I-DAT", "O"]),
        ("امروز شنبه گفت", ["B-DAT", "I-DAT", "O"]),
        ("هفته گذشته رفت", ["B-DAT", "I-DAT", "O"]),
        ("از 15 تا 17 اردیبهشت ماه", ["B-DAT", "I-DAT", "I-DAT", "I-DAT", "I-DAT", "I-DAT"]),
        ("از سال 1908 رفت", ["O", "B-DAT", "I-DAT", "O"]),  # «از» stays out unless «از … تا …»
        ("طی سال های 92 تا 94", ["B-DAT", "I-DAT", "I-DAT", "I-DAT", "I-DAT", "I-DAT"]),
        ("در اوایل سال 95", ["O", "O", "B-DAT", "I-DAT"]),
        ("صبح امروز رسید", ["B-TIM", "I-TIM", "O"]),
        ("از ساعت 17 روز پنجشنبه بازی", ["O", "B-TIM", "I-TIM", "I-TIM", "I-TIM", "O"]),
        ("سفری 5 روزه به روسیه", ["O", "O", "O", "O", "O"]),
        ("المپیک 2016 ریو", ["O", "B-DAT", "O"]),
        ("حدود 1400 نفر", ["O", "O", "O"]),
        ("تا به امروز ادامه", ["O", "O", "O", "O"]),
    ],
)
def test_peyma_convention(sentence: str, expected: list[str]) -> None:
    assert tags_for(sentence) == expected


def test_overwrites_only_dates_and_keeps_other_tags() -> None:
    tokens = ["بلینکن", "روز", "جمعه", "گفت"]
    crf = ["B_PER", "B_LOC", "I_LOC", "O"]
    assert merge_date_tags(tokens, crf) == ["B-PER", "B-DAT", "I-DAT", "O"]


def test_a_cut_chunk_does_not_leave_a_dangling_inside_tag() -> None:
    tokens = ["دیروز", "تهران", "بود"]
    assert merge_date_tags(tokens, ["B-LOC", "I-LOC", "O"]) == ["B-DAT", "B-LOC", "O"]


def test_the_extractor_alone_decides_dates_and_times() -> None:
    # A duration is no date, whatever the tagger said; other types are the tagger's.
    tokens = ["60", "سال", "گذشت", "تهران"]
    assert merge_date_tags(tokens, ["B-DAT", "I-DAT", "O", "B-LOC"]) == ["O", "O", "O", "B-LOC"]


def test_length_mismatch_is_refused() -> None:
    with pytest.raises(ValueError):
        merge_date_tags(["a"], [])


_tokens = st.lists(st.sampled_from(["روز", "جمعه", "سال", "1395", "از", "تا", "امروز", "ساعت", "17", "۲۲",
                                    "شهریور", "هفته", "گذشته", "سه شنبه", "صبح", "x", ":", "(", ")"]), max_size=20)


@settings(max_examples=200, deadline=None)
@given(_tokens)
def test_always_valid_iob(tokens: list[str]) -> None:
    out = merge_date_tags(tokens, ["O"] * len(tokens))
    assert len(out) == len(tokens)
    for i, tag in enumerate(out):
        assert tag == "O" or tag[:2] in ("B-", "I-")
        if tag.startswith("I-"):
            assert i > 0 and out[i - 1][2:] == tag[2:]
