"""A name in guillemets before «، office» is a person even when the tagger missed it."""

from __future__ import annotations

from testdata import marked_document

from reader.core.people import extract_entities
from reader.core.people.hints import guillemet_names


def people(marked: str) -> dict[str, str | None]:
    text, sentences, tags = marked_document(marked)
    entities = extract_entities(text, sentences, guillemet_names(sentences, tags))
    return {e.name: e.role for e in entities if e.type == "PER"}


def test_an_untagged_name_in_guillemets_before_an_office_is_a_person_with_that_role() -> None:
    assert people("کیم با «سرگئی شویگو»، وزیر دفاع [روسیه](LOC) دیدار کرد.") == {"سرگئی شویگو": "وزیر دفاع روسیه"}
    assert people("«جنت یلن»، وزیر دارایی [آمریکا](LOC) به [پکن](LOC) رفت.") == {"جنت یلن": "وزیر دارایی آمریکا"}


def test_other_words_in_guillemets_stay_untagged() -> None:
    # A term, a phrase with a verb or function words, a club before «قهرمان», no office after.
    assert people("او از «نگرانی شدید»، خود سخن گفت.") == {}
    assert people("«ما آماده هستیم»، رئیس سازمان گفت.") == {}
    assert people("«پرسپولیس»، قهرمان لیگ برتر شد.") == {}
    assert people("با «سرگئی شویگو» دیدار کرد.") == {}


def test_a_name_the_tagger_did_tag_is_left_as_it_is() -> None:
    _text, sentences, tags = marked_document("با «[سازمان ملل](ORG)»، دبیرکل آن دیدار کرد.")
    assert guillemet_names(sentences, tags) == tags
