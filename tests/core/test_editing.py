"""The editing API: each edit makes a new, valid Annotations and leaves the old one intact."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from reader.core import editing
from reader.core.document import Annotations, Entity, Quote, Span, annotations_from_json, annotations_to_json
from reader.core.text import ZWNJ

TEXT = "ولادیمیر پوتین، رئیس\u200cجمهور روسیه با کیم جونگ اون دیدار کرد. پوتین گفت «خوشحالم»."


def _ann() -> Annotations:
    putin1 = Span(0, TEXT.index("،"))
    putin2 = Span(TEXT.index("پوتین گفت"), TEXT.index("پوتین گفت") + 5)
    kim_at = TEXT.index("کیم")
    russia_at = TEXT.index("روسیه")
    quote_at = TEXT.index("«")
    return Annotations(
        text=TEXT,
        entities=(
            Entity("e1", "PER", "ولادیمیر پوتین", "رئیس‌جمهور روسیه", (putin1, putin2)),
            Entity("e2", "PER", "کیم جونگ اون", None, (Span(kim_at, kim_at + len("کیم جونگ اون")),)),
            Entity("e3", "LOC", "روسیه", None, (Span(russia_at, russia_at + 5),)),
        ),
        quotes=(Quote(quote_at, TEXT.index("»") + 1, speaker="e1"),),
    )


def _roundtrip(ann: Annotations) -> None:
    # Every edit must still satisfy the JSON contract (offsets inside the text, unique ids).
    assert annotations_from_json(annotations_to_json(ann)) == ann


def test_add_entity_snaps_to_whole_words_and_keeps_the_original():
    ann = _ann()
    at = TEXT.index("جمهور")
    new, entity_id = editing.add_entity(ann, at + 1, at + 3, "ORG")
    start = TEXT.index("رئیس")
    added = new.entity(entity_id)
    assert added is not None and added.type == "ORG"
    assert added.mentions == (Span(start, start + len("رئیس" + ZWNJ + "جمهور")),)
    assert added.name == "رئیس\u200cجمهور"
    assert entity_id not in {e.id for e in ann.entities}
    assert ann == _ann()
    _roundtrip(new)


def test_add_entity_takes_overlapped_mentions_off_other_entities():
    ann = _ann()
    at = TEXT.index("روسیه")
    new, entity_id = editing.add_entity(ann, at - 3, at + 5, "ORG")  # «جمهور روسیه»
    assert new.entity("e3") is None  # its only mention was taken
    assert new.entity(entity_id).name == "رئیس\u200cجمهور روسیه"
    _roundtrip(new)


def test_add_entity_refuses_punctuation_and_unknown_types():
    ann = _ann()
    comma = TEXT.index("،")
    with pytest.raises(editing.EditError):
        editing.add_entity(ann, comma, comma + 1, "PER")
    with pytest.raises(editing.EditError):
        editing.add_entity(ann, 0, 5, "XYZ")


def test_remove_mention_and_dropping_the_last_one_unhooks_quotes():
    ann = _ann()
    e1 = ann.entity("e1")
    once = editing.remove_mention(ann, e1.mentions[0])
    assert once.entity("e1").mentions == (e1.mentions[1],)
    twice = editing.remove_mention(once, e1.mentions[1])
    assert twice.entity("e1") is None
    assert twice.quotes[0].speaker is None
    _roundtrip(twice)
    with pytest.raises(editing.EditError):
        editing.remove_mention(ann, Span(1, 2))


def test_retype_mention_splits_it_off_or_retypes_a_lone_entity():
    ann = _ann()
    e1 = ann.entity("e1")
    split = editing.retype_mention(ann, e1.mentions[1], "ORG")
    assert split.entity("e1").mentions == (e1.mentions[0],)
    new = [e for e in split.entities if e.id not in {"e1", "e2", "e3"}]
    assert len(new) == 1 and new[0].type == "ORG" and new[0].mentions == (e1.mentions[1],)
    lone = editing.retype_mention(ann, ann.entity("e3").mentions[0], "ORG")
    assert lone.entity("e3").type == "ORG"
    assert editing.retype_entity(ann, "e2", "ORG").entity("e2").type == "ORG"


def test_attach_merge_rename_role():
    ann = _ann()
    kim = ann.entity("e2").mentions[0]
    attached = editing.attach_mention(ann, kim, "e1")
    assert attached.entity("e2") is None
    assert kim in attached.entity("e1").mentions
    merged = editing.merge_entities(ann, "e2", "e1")
    assert merged.entity("e1") is None
    assert merged.entity("e2").role == "رئیس‌جمهور روسیه"
    assert len(merged.entity("e2").mentions) == 3
    assert merged.quotes[0].speaker == "e2"
    assert editing.rename_entity(ann, "e1", " پوتین ").entity("e1").name == "پوتین"
    assert editing.set_role(ann, "e1", "  ").entity("e1").role is None
    assert editing.set_role(ann, "e2", "رهبر").entity("e2").role == "رهبر"
    with pytest.raises(editing.EditError):
        editing.merge_entities(ann, "e1", "e1")
    with pytest.raises(editing.EditError):
        editing.rename_entity(ann, "nope", "x")
    _roundtrip(merged)


def test_entity_at():
    ann = _ann()
    assert editing.entity_at(ann, 2)[0].id == "e1"
    assert editing.entity_at(ann, TEXT.index("دیدار")) is None


@given(st.text(alphabet="ab پوتین\u200c،.😀\u064e", max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_snapped_spans_stay_in_text_and_never_split_a_word(text, a, b):
    start, end = editing.snap_to_words(text, min(a, b), max(a, b))
    assert 0 <= start <= end <= len(text)
    if start < end:
        assert not _inside_word(text, start) and not _inside_word(text, end)
        # A joiner stays at an edge only to keep a stray mark that follows it.
        assert text[start] != ZWNJ or unicodedata.combining(text[start + 1])
        assert text[end - 1] != ZWNJ


def _inside_word(text: str, i: int) -> bool:
    """Whether boundary ``i`` falls between two parts of one (possibly ZWNJ-joined) word."""
    left, right = i - 1, i
    while left >= 0 and text[left] in "\u200c\u200d":
        left -= 1
    while right < len(text) and text[right] in "\u200c\u200d":
        right += 1
    return left >= 0 and right < len(text) and editing._is_word_char(text[left]) and editing._is_word_char(text[right])
