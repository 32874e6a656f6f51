"""A quote said through a title or a pronoun belongs to the person; the words used are kept."""

from __future__ import annotations

from testdata import marked_document

from reader.core.document import Entity, Quote
from reader.core.people import extract_entities
from reader.core.people.coref import link_mentions
from reader.core.quotes import extract_quotes


def quotes(marked: str) -> tuple[list[Entity], list[Quote], str]:
    text, sentences, tags = marked_document(marked)
    entities = link_mentions(text, sentences, tags, extract_entities(text, sentences, tags))
    return entities, extract_quotes(text, entities, sentences), text


def speakers(marked: str) -> list[tuple[str | None, str | None]]:
    entities, found, _text = quotes(marked)
    names = {e.id: e.name for e in entities}
    return [(names.get(q.speaker or ""), q.speaker_text) for q in found]


def test_a_title_and_a_pronoun_give_the_quote_to_the_person() -> None:
    got = speakers(
        "[عباس عراقچی](PER)، وزیر امور خارجه [ایران](LOC) روز دوشنبه وارد [مسکو](LOC) شد.\n"
        "وزیر امور خارجه [ایران](LOC) گفت: «ما به دنبال راه‌حل دیپلماتیک هستیم.»\n"
        "وی افزود: «تحریم‌ها باید برداشته شود.»\n"
        "این مقام ایرانی تصریح کرد: «گفتگوها ادامه خواهد یافت.»"
    )
    assert got == [
        ("عباس عراقچی", "وزیر امور خارجه ایران"),
        ("عباس عراقچی", "وی"),
        ("عباس عراقچی", "این مقام ایرانی"),
    ]


def test_a_title_two_people_hold_keeps_only_the_words() -> None:
    got = speakers(
        "[آنتونی بلینکن](PER)، وزیر خارجه [آمریکا](LOC) و [سرگئی لاوروف](PER)، وزیر خارجه [روسیه](LOC) دیدار کردند.\n"
        "وزیر خارجه گفت: «گفتگو مفید بود.»"
    )
    assert got == [(None, "وزیر خارجه")]


def test_the_name_before_an_apposition_names_the_speaker() -> None:
    got = speakers("[ولادیمیر پوتین](PER)، رئیس‌جمهور [روسیه](LOC) در دیدار با خبرنگاران گفت: «ما آماده‌ایم.»")
    assert got == [("ولادیمیر پوتین", "ولادیمیر پوتین")]


def test_a_speaker_phrase_holds_no_verb() -> None:
    _entities, found, _text = quotes("او این گزارش را رد کرد و گفت: «این مساله از سوی بانک اعلام شده بود.»")
    assert all(q.speaker_text is None or "کرد" not in q.speaker_text for q in found)


def test_the_words_of_a_speaker_hold_no_verb_and_no_trailing_and() -> None:
    # «این گزارش را» is the object; what follows it up to «گفت» is a verb, not a speaker.
    _entities, found, _text = quotes("نماینده مجلس این گزارش را رد کرد و گفت: «این مساله از سوی بانک اعلام شده بود.»")
    assert [q.speaker_text for q in found] == ["نماینده مجلس"]


def test_a_name_in_guillemets_after_ba_is_not_a_quote_even_untagged() -> None:
    _entities, found, _text = quotes("رهبر کره شمالی با «سرگئی شویگو» دیدار کرد و درباره همکاری گفتگو کرد.")
    assert found == []


def test_this_ministrys_spokesman_keeps_his_words() -> None:
    _entities, found, _text = quotes("سخنگوی این وزارتخانه گفت: «مذاکرات ادامه دارد.»")
    assert [q.speaker_text for q in found] == ["سخنگوی این وزارتخانه"]


def test_after_an_adverbial_the_name_before_its_apposition_is_the_words_used() -> None:
    got = speakers(
        "در دیدار با خبرنگاران [ولادیمیر پوتین](PER)، رئیس‌جمهور [روسیه](LOC) خطاب به [کیم جونگ اون](PER) گفت: "
        "«خوشحالم که شما را می‌بینم.»"
    )
    assert got == [("ولادیمیر پوتین", "ولادیمیر پوتین")]
