"""From tags to entities: alias merging, roles, ids, and the sample article end to end."""

from __future__ import annotations

from typing import Sequence

import pytest
from testdata import SAMPLE, SAMPLE_PEOPLE

from reader.core.people import extract_entities
from reader.core.ner.features import feature_key
from reader.core.text import Sentence, Token

_ATTACHED = {"،", ".", "»", ":", "؛"}


def build(words: Sequence[str], norms: dict[int, str] | None = None) -> tuple[str, Sentence]:
    """A one-sentence document from tokens: punctuation sticks to the word before it."""
    text = ""
    tokens = []
    for index, word in enumerate(words):
        if text and word not in _ATTACHED and not text.endswith("«"):
            text += " "
        start = len(text)
        text += word
        tokens.append(Token(word, (norms or {}).get(index, word), start, len(text)))
    return text, Sentence(0, len(text), tuple(tokens))


def doc(*parts: tuple[list[str], list[str]]) -> tuple[str, list[Sentence], list[list[str]]]:
    """Several tagged sentences joined into one document text."""
    text = ""
    sentences: list[Sentence] = []
    tags: list[list[str]] = []
    for words, s_tags in parts:
        assert len(words) == len(s_tags)
        piece, sentence = build(words)
        base = len(text) + (1 if text else 0)
        text = f"{text}\n{piece}" if text else piece
        shifted = tuple(Token(t.text, t.norm, t.start + base, t.end + base) for t in sentence.tokens)
        sentences.append(Sentence(base, base + len(piece), shifted))
        tags.append(s_tags)
    return text, sentences, tags


def people(entities):  # type: ignore[no-untyped-def]
    return {e.name: e for e in entities if e.type == "PER"}


def test_apposition_role_and_surname_merge() -> None:
    text, sentences, tags = doc(
        ("علی لاریجانی ، رئیس مجلس شورای اسلامی ، گفت .".split(),
         ["B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]),
        ("لاریجانی افزود .".split(), ["B-PER", "O", "O"]),
    )
    entities = extract_entities(text, sentences, tags)
    per = people(entities)
    assert set(per) == {"علی لاریجانی"}
    larijani = per["علی لاریجانی"]
    assert larijani.role == "رئیس مجلس شورای اسلامی"
    assert len(larijani.mentions) == 2
    assert [text[m.start : m.end] for m in larijani.mentions] == ["علی لاریجانی", "لاریجانی"]
    org = [e for e in entities if e.type == "ORG"]
    assert [e.name for e in org] == ["مجلس شورای اسلامی"]
    assert [e.id for e in entities] == ["per-1", "org-1"]


def test_title_before_the_name() -> None:
    words = "نخست‌وزیر ژاپن فومیو کیشیدا روز دوشنبه به توکیو بازگشت .".split()
    tags = ["O", "B-LOC", "B-PER", "I-PER", "B-DAT", "I-DAT", "O", "B-LOC", "O", "O"]
    text, sentence = build(words)
    per = people(extract_entities(text, [sentence], [tags]))
    assert per["فومیو کیشیدا"].role == "نخست‌وزیر ژاپن"


def test_role_text_is_the_documents_own_spelling() -> None:
    # The text has no ZWNJ («رئیسجمهور»); the normalised token has one. The role is the text's.
    words = "امانوئل ماکرون ، رئیسجمهور فرانسه در پاریس گفت .".split()
    text, sentence = build(words, norms={3: "رئیس\u200cجمهور"})
    tags = ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-LOC", "O", "O"]
    per = people(extract_entities(text, [sentence], [tags]))
    assert per["امانوئل ماکرون"].role == "رئیسجمهور فرانسه"


def test_shared_surname_is_not_merged() -> None:
    text, sentences, tags = doc(
        ("علی احمدی و مریم احمدی آمدند .".split(), ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O"]),
        ("احمدی گفت .".split(), ["B-PER", "O", "O"]),
    )
    per = people(extract_entities(text, sentences, tags))
    assert set(per) == {"علی احمدی", "مریم احمدی", "احمدی"}
    assert all(len(e.mentions) == 1 for e in per.values())


def test_spelling_variants_merge_and_the_fullest_first_form_names_the_entity() -> None:
    text, sentences, tags = doc(
        ("کیم جونگاون آمد .".split(), ["B-PER", "I-PER", "O", "O"]),
        ("كيم جونگ اون ، رهبر کره شمالی گفت .".split(), ["B-PER", "I-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O", "O"]),
        ("کیم جونگ\u200cاون رفت .".split(), ["B-PER", "I-PER", "O", "O"]),
        ("جونگ اون خندید .".split(), ["B-PER", "I-PER", "O", "O"]),
    )
    entities = extract_entities(text, sentences, tags)
    per = [e for e in entities if e.type == "PER"]
    assert len(per) == 1
    kim = per[0]
    assert kim.name == "كيم جونگ اون"
    assert kim.role == "رهبر کره شمالی"
    assert len(kim.mentions) == 4


def test_roles_stop_at_and_verbs_and_time_words() -> None:
    words = "حسن کریمی ، وزیر کشور و رضا نوری ، سخنگوی دولت روز سه‌شنبه گفتند .".split()
    tags = ["B-PER", "I-PER", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O"]
    text, sentence = build(words)
    per = people(extract_entities(text, [sentence], [tags]))
    assert per["حسن کریمی"].role == "وزیر کشور"
    assert per["رضا نوری"].role == "سخنگوی دولت"


def test_apposition_without_a_comma() -> None:
    text, sentences, tags = doc(
        ("محمدجواد ظریف وزیر امور خارجه به خبرنگاران گفت .".split(),
         ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"]),
        ("آنگلا مرکل صدراعظم آلمان نیز تاکید کرد .".split(), ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O"]),
        ("حسن کریمی و رئیس دولت آمدند .".split(), ["B-PER", "I-PER", "O", "O", "O", "O", "O"]),
    )
    per = people(extract_entities(text, sentences, tags))
    assert per["محمدجواد ظریف"].role == "وزیر امور خارجه"
    assert per["آنگلا مرکل"].role == "صدراعظم آلمان"
    assert per["حسن کریمی"].role is None  # «و» between: another person


def test_a_deputy_of_an_office_is_one_role() -> None:
    words = "سرگئی ریابکوف معاون وزیر خارجه روسیه و انریکه مورا ، هماهنگ‌کننده اتحادیه اروپا ، آمدند .".split()
    tags = ["B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    text, sentence = build(words)
    per = people(extract_entities(text, [sentence], [tags]))
    assert per["سرگئی ریابکوف"].role == "معاون وزیر خارجه روسیه"
    assert per["انریکه مورا"].role == "هماهنگ‌کننده اتحادیه اروپا"


def test_a_comma_apposition_wins_over_a_bare_title() -> None:
    text, sentences, tags = doc(
        ("علی نوری وزیر دیروز آمد .".split(), ["B-PER", "I-PER", "O", "O", "O", "O"]),
        ("نوری ، سخنگوی دولت ، گفت .".split(), ["B-PER", "O", "O", "O", "O", "O", "O"]),
    )
    assert people(extract_entities(text, sentences, tags))["علی نوری"].role == "سخنگوی دولت"


def test_an_occupation_with_an_age_is_a_role() -> None:
    words = "مریم احمدی ، دانشجوی ۲۲ ساله دانشگاه تهران ، گفت .".split()
    tags = ["B-PER", "I-PER", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    text, sentence = build(words)
    assert people(extract_entities(text, [sentence], [tags]))["مریم احمدی"].role == "دانشجوی ۲۲ ساله دانشگاه تهران"


def test_no_role_without_a_title_word() -> None:
    words = "سارا رحیمی ، که دیروز آمد ، گفت .".split()
    tags = ["B-PER", "I-PER"] + ["O"] * 7
    text, sentence = build(words)
    assert people(extract_entities(text, [sentence], [tags]))["سارا رحیمی"].role is None


def test_places_merge_by_folded_spelling_and_ids_follow_first_mention() -> None:
    text, sentences, tags = doc(
        ("سئول و کرهٔ جنوبي .".split(), ["B-LOC", "O", "B-LOC", "I-LOC", "O"]),
        ("کره جنوبی و سازمان ملل .".split(), ["B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O"]),
    )
    entities = extract_entities(text, sentences, tags)
    assert [(e.id, e.name, len(e.mentions)) for e in entities] == [
        ("loc-1", "سئول", 1),
        ("loc-2", "کرهٔ جنوبي", 2),
        ("org-1", "سازمان ملل", 1),
    ]


def test_mentions_cover_whole_tokens() -> None:
    words = "«سرگئی شویگو» ، وزیر دفاع روسیه آمد .".split()
    text, sentence = build(["«", "سرگئی", "شویگو", "»", "،", "وزیر", "دفاع", "روسیه", "آمد", "."])
    tags = ["O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O", "O"]
    per = people(extract_entities(text, [sentence], [tags]))
    shoigu = per["سرگئی شویگو"]
    assert shoigu.role == "وزیر دفاع روسیه"
    (span,) = shoigu.mentions
    assert text[span.start : span.end] == "سرگئی شویگو"
    assert words  # the written form above is what build() lays out


def test_mismatched_input_is_refused() -> None:
    text, sentence = build(["علی"])
    with pytest.raises(ValueError):
        extract_entities(text, [sentence], [])
    with pytest.raises(ValueError):
        extract_entities(text, [sentence], [["O", "O"]])


EXPECTED_PEOPLE = SAMPLE_PEOPLE


def test_sample_article_people_end_to_end() -> None:
    from reader.core.ner.tagger import NerTagger
    from reader.core.text import tokenize

    text = SAMPLE.read_text(encoding="utf-8")
    sentences = tokenize(text)
    tags = NerTagger.load().tag([[t.norm for t in s.tokens] for s in sentences])
    entities = extract_entities(text, sentences, tags)
    per = [e for e in entities if e.type == "PER"]
    found = {e.name: e.role for e in per}
    assert found == EXPECTED_PEOPLE

    def surfaces(name: str) -> set[str]:
        (entity,) = (e for e in per if e.name == name)
        return {feature_key(text[m.start : m.end]) for m in entity.mentions}

    assert surfaces("آنتونی بلینکن") == {feature_key("آنتونی بلینکن"), feature_key("بلینکن")}
    assert feature_key("پوتین") in surfaces("ولادیمیر پوتین")
    kim = next(e for e in per if e.name == "کیم جونگ اون")
    assert {text[m.start : m.end] for m in kim.mentions} >= {"کیم جونگ اون", "کیم جونگاون"}
