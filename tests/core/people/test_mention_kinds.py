"""Mention kinds through JSON, editing and every export; older files without kinds still read."""

from __future__ import annotations

import json

import pytest

from reader.core import editing
from reader.core.document import (
    NAME,
    PRONOUN,
    TITLE,
    AnnotationError,
    Annotations,
    Entity,
    Quote,
    Span,
    annotations_from_json,
    annotations_to_dict,
    annotations_to_json,
)
from reader.core.export.brat import render_brat, render_brat_conf
from reader.core.export.conll import render_conll
from reader.core.export.html import extract_embedded, render_annotated_html

TEXT = "کیم جونگ اون، رهبر کره شمالی به روسیه رفت. وی گفت «ما آماده‌ایم»."


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(words, at + 1)
    return at, at + len(words)


def sample() -> Annotations:
    kim = Span(*_at("کیم جونگ اون"))
    title = Span(*_at("رهبر کره شمالی"), TITLE)
    he = Span(*_at("وی"), PRONOUN)
    quote = Span(*_at("ما آماده‌ایم"))
    return Annotations(
        text=TEXT,
        entities=(
            Entity("per-1", "PER", "کیم جونگ اون", "رهبر کره شمالی", (kim, title, he)),
            Entity("loc-1", "LOC", "کره شمالی", None, (Span(*_at("کره شمالی")),)),
            Entity("loc-2", "LOC", "روسیه", None, (Span(*_at("روسیه")),)),
        ),
        quotes=(Quote(quote.start, quote.end, "per-1", "وی"),),
    )


def kinds(ann: Annotations, entity_id: str) -> list[str]:
    entity = ann.entity(entity_id)
    assert entity is not None
    return [m.kind for m in entity.mentions]


def test_json_writes_kind_only_for_titles_and_pronouns_and_reads_it_back() -> None:
    ann = sample()
    data = annotations_to_dict(ann)
    mentions = data["entities"][0]["mentions"]
    assert "kind" not in mentions[0]
    assert [m.get("kind") for m in mentions[1:]] == [TITLE, PRONOUN]
    back = annotations_from_json(annotations_to_json(ann))
    assert kinds(back, "per-1") == [NAME, TITLE, PRONOUN]
    assert back == ann


def test_an_older_file_without_kinds_reads_as_names_and_a_bad_kind_is_refused() -> None:
    data = annotations_to_dict(sample())
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            mention.pop("kind", None)
    assert kinds(annotations_from_json(json.dumps(data)), "per-1") == [NAME, NAME, NAME]
    data["entities"][0]["mentions"][1]["kind"] = "nickname"
    with pytest.raises(AnnotationError, match="mention kind"):
        annotations_from_json(json.dumps(data))


def test_the_annotated_copy_marks_titles_and_pronouns_lighter_and_keeps_them() -> None:
    ann = sample()
    html = render_annotated_html(ann)
    assert 'class="ent PER ref" data-entity="per-1" data-kind="title"' in html
    assert 'data-kind="pronoun"' in html
    assert "mark.ent.ref{" in html
    assert "کیم جونگ اون («وی»)" in html  # the quote list names the person and the words used
    back = extract_embedded(html)
    assert back is not None and kinds(back, "per-1") == [NAME, TITLE, PRONOUN]


def test_brat_gives_titles_and_pronouns_an_attribute_its_conf_declares() -> None:
    _txt, ann_text = render_brat(sample())
    attributes = [line.split("\t")[1] for line in ann_text.splitlines() if line.startswith("A")]
    assert attributes == ["Mention T2 title", "Mention T3 pronoun"]
    assert "T2\tPER " in ann_text and "\tرهبر کره شمالی" in ann_text
    assert "Mention\tArg:<ENTITY>, Value:title|pronoun" in render_brat_conf()


def test_conll_keeps_names_in_the_tag_column_and_links_in_a_third() -> None:
    lines = [line.split("\t") for line in render_conll(sample()).splitlines() if line]
    rows = {cols[0]: cols[1:] for cols in lines}
    assert rows["رهبر"] == ["O", "B-title:per-1"]
    assert rows["کره"] == ["B-LOC", "I-title:per-1"]
    assert rows["وی"] == ["O", "B-pronoun:per-1"]
    assert rows["کیم"] == ["B-PER", "B-name:per-1"]
    plain = Annotations(text="کیم رفت.", entities=(Entity("p", "PER", "کیم", None, (Span(0, 3),)),))
    assert render_conll(plain) == "کیم\tB-PER\nرفت\tO\n.\tO\n"


def test_titles_and_pronouns_are_edited_like_any_mention() -> None:
    ann = sample()
    he = Span(*_at("وی"))
    # Removing and moving build Span(start, end) as the window does; the kind is kept when moved.
    removed = editing.remove_mention(ann, he)
    assert kinds(removed, "per-1") == [NAME, TITLE]
    moved = editing.attach_mention(ann, he, "loc-2")
    assert kinds(moved, "loc-2") == [NAME, PRONOUN]
    named = editing.set_mention_kind(ann, Span(*_at("رهبر کره شمالی")), NAME)
    assert kinds(named, "per-1") == [NAME, NAME, PRONOUN]
    with pytest.raises(editing.EditError):
        editing.set_mention_kind(ann, he, "nickname")


def test_a_place_inside_a_title_survives_edits_and_a_click_finds_the_place() -> None:
    ann = sample()
    title = Span(*_at("رهبر کره شمالی"), TITLE)
    moved = editing.attach_mention(editing.remove_mention(ann, title), title, "per-1")
    assert moved.entity("loc-1") is not None
    found = editing.entity_at(ann, _at("کره شمالی")[0] + 1)
    assert found is not None and found[0].id == "loc-1"
    found = editing.entity_at(ann, _at("رهبر")[0])
    assert found is not None and found[0].id == "per-1" and found[1].kind == TITLE
