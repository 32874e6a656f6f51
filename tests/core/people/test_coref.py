"""Titles and pronouns as mentions: linked where the article makes the person clear, never otherwise."""

from __future__ import annotations

from testdata import marked_document

from reader.core.document import NAME, PRONOUN, TITLE, Entity
from reader.core.people import extract_entities
from reader.core.people.coref import canonical_role, link_mentions, role_matches


def analyse(marked: str) -> tuple[str, list[Entity]]:
    text, sentences, tags = marked_document(marked)
    return text, link_mentions(text, sentences, tags, extract_entities(text, sentences, tags))


def mentions(text: str, entities: list[Entity], kind: str) -> dict[str, list[str]]:
    """The words of every ``kind`` mention, per entity name."""
    out: dict[str, list[str]] = {}
    for entity in entities:
        words = [text[m.start : m.end] for m in entity.mentions if m.kind == kind]
        if words:
            out[entity.name] = words
    return out


def test_the_role_beside_the_name_and_the_same_role_alone_are_title_mentions() -> None:
    text, entities = analyse(
        "[عباس عراقچی](PER)، وزیر امور خارجه ایران روز دوشنبه وارد [مسکو](LOC) شد. "
        "وزیر امور خارجه ایران در فرودگاه با خبرنگاران گفتگو کرد."
    )
    assert mentions(text, entities, TITLE) == {"عباس عراقچی": ["وزیر امور خارجه ایران", "وزیر امور خارجه ایران"]}


def test_a_shortened_title_links_when_one_person_holds_it() -> None:
    text, entities = analyse(
        "[آنتونی بلینکن](PER)، وزیر خارجه آمریکا امروز به [سئول](LOC) رفت. "
        "وزیر خارجه در این سفر با مقامات دیدار می‌کند."
    )
    assert mentions(text, entities, TITLE)["آنتونی بلینکن"] == ["وزیر خارجه آمریکا", "وزیر خارجه"]


def test_a_shortened_title_two_people_hold_links_nothing() -> None:
    text, entities = analyse(
        "[آنتونی بلینکن](PER)، وزیر خارجه آمریکا و [سرگئی لاوروف](PER)، وزیر خارجه روسیه در [ژنو](LOC) دیدار کردند. "
        "وزیر خارجه پس از این دیدار به خبرنگاران چیزی نگفت."
    )
    titles = mentions(text, entities, TITLE)
    assert titles == {"آنتونی بلینکن": ["وزیر خارجه آمریکا"], "سرگئی لاوروف": ["وزیر خارجه روسیه"]}


def test_a_title_before_the_name_is_used_alone_later() -> None:
    text, entities = analyse(
        "رئیس‌جمهور فرانسه [امانوئل مکرون](PER) دیروز از [برلین](LOC) دیدن کرد. "
        "سفر رئیس‌جمهور فرانسه دو روز طول کشید."
    )
    assert mentions(text, entities, TITLE) == {"امانوئل مکرون": ["رئیس‌جمهور فرانسه", "رئیس‌جمهور فرانسه"]}


def test_another_office_or_an_indefinite_or_former_holder_is_not_linked() -> None:
    text, entities = analyse(
        "[عباس عراقچی](PER)، وزیر امور خارجه ایران به [مسکو](LOC) رفت. "
        "وزیر خارجه روسیه از او استقبال کرد. یک وزیر خارجه اروپایی نیز آنجا بود. "
        "وزیر خارجه سابق ایران در این باره سخنی نگفت."
    )
    assert mentions(text, entities, TITLE) == {"عباس عراقچی": ["وزیر امور خارجه ایران"]}


def test_a_two_word_office_matches_its_one_word_spelling() -> None:
    assert canonical_role(["رئیس", "جمهور", "روسیه"]) == canonical_role(["رئیس‌جمهور", "روسیه"])
    assert role_matches(canonical_role(["وزیر", "خارجه"]), canonical_role(["وزیر", "امور", "خارجه", "آمریکا"]))
    assert not role_matches(canonical_role(["وزیر", "دفاع"]), canonical_role(["وزیر", "امور", "خارجه", "آمریکا"]))
    assert not role_matches(canonical_role(["معاون", "وزیر", "خارجه"]), canonical_role(["وزیر", "خارجه"]))


def test_a_pronoun_opening_a_sentence_is_the_subject_before_it() -> None:
    text, entities = analyse(
        "[ولادیمیر پوتین](PER) روز سه‌شنبه با [کیم جونگ اون](PER) در [ولادیوستوک](LOC) دیدار کرد. "
        "وی پس از این دیدار به [مسکو](LOC) بازگشت. او همچنین با خبرنگاران گفتگو کرد."
    )
    assert mentions(text, entities, PRONOUN) == {"ولادیمیر پوتین": ["وی", "او"]}


def test_a_plural_subject_or_a_new_person_breaks_the_chain() -> None:
    text, entities = analyse(
        "[ولادیمیر پوتین](PER) و [کیم جونگ اون](PER) دیروز دیدار کردند. وی گفتگو را مثبت خواند.\n"
        "[یون سوک یول](PER) به [توکیو](LOC) رفت. مقامات [ژاپن](LOC) از سفر [جو بایدن](PER) استقبال کردند. "
        "وی چیزی نگفت."
    )
    assert mentions(text, entities, PRONOUN) == {}


def test_a_pronoun_after_a_report_prefix_and_a_time_word_keeps_the_chain() -> None:
    text, entities = analyse(
        "به گزارش [ایرنا](ORG)، [محمد باقر قالیباف](PER) دیروز به [دوحه](LOC) رفت.\n"
        "به گزارش [ایسنا](ORG)، وی امروز صبح به تهران بازگشت."
    )
    assert mentions(text, entities, PRONOUN) == {"محمد باقر قالیباف": ["وی"]}


def test_a_pronoun_in_a_clause_after_ke_is_the_main_subject_but_not_with_two_people() -> None:
    text, entities = analyse("[رجب طیب اردوغان](PER) گفت که وی در انتخابات آینده نامزد نمی‌شود.")
    assert mentions(text, entities, PRONOUN) == {"رجب طیب اردوغان": ["وی"]}
    text, entities = analyse("[رجب طیب اردوغان](PER) به [ولادیمیر پوتین](PER) گفت که وی در انتخابات نامزد نمی‌شود.")
    assert mentions(text, entities, PRONOUN) == {}


def test_an_object_pronoun_in_the_subjects_own_clause_is_not_linked() -> None:
    text, entities = analyse("[رجب طیب اردوغان](PER) از او انتقاد کرد.")
    assert mentions(text, entities, PRONOUN) == {}


def test_this_official_links_and_this_minister_must_be_a_minister() -> None:
    text, entities = analyse(
        "[کیم جونگ اون](PER)، رهبر کره شمالی با قطار به [روسیه](LOC) رفت. این مقام پیش از این نیز به آنجا سفر کرده بود."
    )
    assert mentions(text, entities, PRONOUN) == {"کیم جونگ اون": ["این مقام"]}
    text, entities = analyse(
        "[کیم جونگ اون](PER)، رهبر کره شمالی با قطار به [روسیه](LOC) رفت. این وزیر پیش از این نیز به آنجا سفر کرده بود."
    )
    assert mentions(text, entities, PRONOUN) == {}


def test_a_nationality_after_this_official_must_be_the_persons_country() -> None:
    text, entities = analyse(
        "[آنتونی بلینکن](PER)، وزیر خارجه آمریکا به [پکن](LOC) رفت. این مقام آمریکایی با همتای خود دیدار کرد."
    )
    assert mentions(text, entities, PRONOUN) == {"آنتونی بلینکن": ["این مقام آمریکایی"]}
    text, entities = analyse(
        "[آنتونی بلینکن](PER)، وزیر خارجه آمریکا به [پکن](LOC) رفت. این مقام چینی با همتای خود دیدار کرد."
    )
    assert mentions(text, entities, PRONOUN) == {}


def test_pronouns_inside_quoted_words_are_not_linked() -> None:
    text, entities = analyse(
        "[ولادیمیر پوتین](PER) به [کیم جونگ اون](PER) گفت: او دوست ماست. "
        "«وی همیشه در کنار ما بوده است» را نیز افزود."
    )
    assert mentions(text, entities, PRONOUN) == {}


def test_this_ministry_is_the_one_ministry_named_before() -> None:
    text, entities = analyse(
        "[وزارت خارجه آمریکا](ORG) روز جمعه بیانیه‌ای منتشر کرد. این وزارتخانه خواستار آتش‌بس شد."
    )
    assert mentions(text, entities, PRONOUN) == {"وزارت خارجه آمریکا": ["این وزارتخانه"]}
    text, entities = analyse(
        "[وزارت خارجه آمریکا](ORG) و [وزارت دفاع روسیه](ORG) بیانیه منتشر کردند. این وزارتخانه خواستار آتش‌بس شد."
    )
    assert mentions(text, entities, PRONOUN) == {}


def test_names_stay_names_and_ids_stay() -> None:
    text, sentences, tags = marked_document("[آنتونی بلینکن](PER)، وزیر خارجه آمریکا به [پکن](LOC) رفت. وی گفت.")
    before = extract_entities(text, sentences, tags)
    after = link_mentions(text, sentences, tags, before)
    assert [e.id for e in after] == [e.id for e in before]
    for old, new in zip(before, after):
        assert [m for m in new.mentions if m.kind == NAME] == list(old.mentions)
        assert new.name == old.name and new.role == old.role
