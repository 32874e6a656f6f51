"""A role given as a duty: «X که رهبری حزب … را بر عهده دارد», also a sentence later through «او»."""

from __future__ import annotations

from testdata import marked_document

from reader.core.people import extract_entities
from reader.core.people.coref import link_mentions
from reader.core.people.duties import roles_from_duties


def roles(marked: str) -> dict[str, str | None]:
    text, sentences, tags = marked_document(marked)
    entities = link_mentions(text, sentences, tags, extract_entities(text, sentences, tags))
    return {e.name: e.role for e in roles_from_duties(text, sentences, tags, entities) if e.type == "PER"}


def test_a_duty_after_the_name() -> None:
    assert roles("[کی‌یر استارمر](PER) که رهبری حزب کارگر را بر عهده دارد، به پاریس رفت.") == {
        "کی‌یر استارمر": "رهبری حزب کارگر"
    }
    assert roles("[مریم رجوی](PER) که از سال‌ها پیش ریاست این گروه را برعهده داشت، سخنرانی کرد.") == {
        "مریم رجوی": None  # «از سال‌ها پیش» is more than the clause's first words
    }


def test_a_duty_a_sentence_later_through_a_pronoun() -> None:
    got = roles(
        "[ژان پیر لاکروا](PER) دیروز به کی‌یف رفت. او هم‌اکنون ریاست عملیات حفظ صلح سازمان ملل را بر عهده دارد."
    )
    assert got == {"ژان پیر لاکروا": "ریاست عملیات حفظ صلح سازمان ملل"}


def test_no_duty_without_holding_it_and_a_role_beside_the_name_wins() -> None:
    assert roles("[علی دایی](PER) که رهبری تیم را نقد کرد، به تهران آمد.") == {"علی دایی": None}
    assert roles("[علی دایی](PER)، سرمربی تیم که هدایت باشگاه را بر عهده دارد، آمد.") == {"علی دایی": "سرمربی تیم"}
