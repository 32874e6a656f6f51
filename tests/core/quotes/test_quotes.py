"""Quotes and their speakers, on hand-made Persian news sentences and on the Mehr sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Entity, Quote, Span
from reader.core.quotes import extract_quotes

ZWNJ = "\u200c"
SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "mehr-korea-russia.txt"


def entity(text: str, entity_id: str, etype: str, *names: str) -> Entity:
    """An entity whose mentions are every occurrence of its names (a longer name wins over a part of it)."""
    spans = {Span(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)}
    kept = [s for s in spans if not any(o != s and o.start <= s.start and s.end <= o.end for o in spans)]
    return Entity(entity_id, etype, names[0], mentions=tuple(sorted(kept)))


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def said(text: str, quote: Quote) -> str:
    return text[quote.start : quote.end]


# --------------------------------------------------------------------------- the sample


def sample_entities(text: str, with_ministry: bool = True) -> list[Entity]:
    entities = [
        entity(text, "per-1", "PER", "آنتونی بلینکن", "بلینکن"),
        entity(text, "per-2", "PER", "پارک جین"),
        entity(text, "per-3", "PER", "یوکو کامیکاوا"),
        entity(text, "per-4", "PER", "کیم جونگ اون", "کیم جونگاون"),
        entity(text, "per-5", "PER", "ولادیمیر پوتین", "پوتین"),
        entity(text, "per-6", "PER", "یون سوک یول"),
        entity(text, "per-7", "PER", "سرگئی شویگو"),
        entity(text, "loc-1", "LOC", "روسیه", "کره شمالی", "آمریکا", "ژاپن", "اوکراین", "مسکو", "سئول"),
    ]
    if with_ministry:
        entities.append(entity(text, "org-1", "ORG", "وزارت خارجه کره جنوبی"))
    return entities


@pytest.mark.parametrize("with_ministry", [True, False])
def test_sample_has_its_six_quotes_with_their_speakers(with_ministry: bool) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert ZWNJ not in text
    quotes = extract_quotes(text, sample_entities(text, with_ministry))

    def colon_quote(first: str, last: str) -> tuple[int, int]:
        start = text.index(first)
        return start, text.index(last, start) + len(last)

    issuer = "org-1" if with_ministry else None
    expected = [
        (span_of(text, "نگرانی شدید"), "per-1"),
        (colon_quote("بلینکن، وزیر خارجه آمریکا، پارک جین", "قاطعانه پاسخ دهند."), issuer),
        (span_of(text, "تحریک مستقیم"), "per-6"),
        (colon_quote("بسیار خوشحالم", "درباره وضعیت منطقه گفتگو کنیم."), "per-5"),
        (span_of(text, "برای کره شمالی، روابط با روسیه اولویت اول است"), "per-4"),
        (colon_quote("اطمینان دارم", "در کنار روسیه هستیم."), "per-4"),
    ]
    assert [((q.start, q.end), q.speaker) for q in quotes] == expected
    assert quotes[0].speaker_text == "آنتونی بلینکن"
    assert quotes[3].speaker_text == "ولادیمیر پوتین"
    assert quotes[1].speaker_text == "وزارت خارجه کره جنوبی"  # the issuer's words even when not an entity
    assert not any("سرگئی شویگو" in said(text, q) for q in quotes)


# --------------------------------------------------------------------------- colon quotes

SPEECH_VERBS = [
    "گفت", "افزود", "اظهار داشت", "تصریح کرد", "بیان کرد", "ادامه داد", "اضافه کرد", "عنوان کرد",
    "خاطرنشان کرد", "خاطر نشان کرد", "نوشت", "اعلام کرد", "گفته است", f"گفته{ZWNJ}است", "گفتهاست",
    f"می{ZWNJ}گوید", "می گوید", "میگوید", "تاکید کرد", "تأکید کرد", "یادآور شد", "ابراز داشت",
    "گفتند", f"گفته{ZWNJ}اند", "اظهار داشته است", "توضیح داد", "پاسخ داد", "هشدار داد",
    f"اعلام{ZWNJ}کرد", "اعلامکرد", "متذکر شد", "خاطرنشان ساخت", "اعلام نمود", "تصريح كرد",
    "افزوده است", f"تاکید می{ZWNJ}کند",
]


@pytest.mark.parametrize("verb", SPEECH_VERBS)
def test_every_speech_verb_with_a_colon_introduces_the_rest_of_the_paragraph(verb: str) -> None:
    text = f"محمدجواد ظریف، وزیر امور خارجه در جمع خبرنگاران {verb}: ما آماده گفت{ZWNJ}وگو هستیم.  \nپاراگراف بعد."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "محمدجواد ظریف")]))
    assert (quote.start, quote.end) == span_of(text, f"ما آماده گفت{ZWNJ}وگو هستیم.")
    assert quote.speaker == "per-1"
    assert quote.speaker_text == "محمدجواد ظریف"


def test_colon_straight_into_guillemets_quotes_only_their_content() -> None:
    text = "حسن روحانی گفت:«دولت پای مردم ایستاده است» و سپس جلسه را ترک کرد."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "حسن روحانی")]))
    assert (quote.start, quote.end) == span_of(text, "دولت پای مردم ایستاده است")
    assert quote.speaker == "per-1"


def test_arabic_letter_spellings_are_folded() -> None:
    text = "حسن روحاني تصريح كرد: اين موضوع براي ما مهم است."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "حسن روحاني")]))
    assert said(text, quote) == "اين موضوع براي ما مهم است."
    assert quote.speaker == "per-1"


def test_agency_prefix_is_not_the_speaker() -> None:
    text = "به گزارش ایرنا، ابراهیم رئیسی روز سه‌شنبه اظهار داشت: دولت تورم را مهار می‌کند."
    entities = [entity(text, "org-1", "ORG", "ایرنا"), entity(text, "per-1", "PER", "ابراهیم رئیسی")]
    quote = only(extract_quotes(text, entities))
    assert quote.speaker == "per-1"
    assert quote.speaker_text == "ابراهیم رئیسی"


def test_pronouns_and_this_official_refer_back_to_the_last_speaker() -> None:
    text = (
        "ناصر کنعانی، سخنگوی وزارت امور خارجه در نشست خبری هفتگی گفت: تحریم‌ها غیرقانونی است.\n"
        "وی افزود: ایران به تعهدات خود پایبند است.\n"
        "این مقام مسئول تصریح کرد: مذاکرات ادامه دارد.\n"
        "وی در ادامه گفت: منتظر پاسخ طرف مقابل هستیم.\n"
        "او همچنین گفت: همه گزینه‌ها روی میز است."
    )
    entities = [entity(text, "per-1", "PER", "ناصر کنعانی"), entity(text, "org-1", "ORG", "وزارت امور خارجه")]
    quotes = extract_quotes(text, entities)
    assert [said(text, q) for q in quotes] == [
        "تحریم‌ها غیرقانونی است.",
        "ایران به تعهدات خود پایبند است.",
        "مذاکرات ادامه دارد.",
        "منتظر پاسخ طرف مقابل هستیم.",
        "همه گزینه‌ها روی میز است.",
    ]
    assert [q.speaker for q in quotes] == ["per-1"] * 5


def test_pronoun_refers_to_the_last_sentence_subject_even_before_any_quote() -> None:
    text = "امانوئل مکرون روز جمعه به پکن سفر کرد. وی در فرودگاه گفت: اروپا باید مستقل باشد."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "امانوئل مکرون")]))
    assert quote.speaker == "per-1"


def test_unnamed_speaker_is_kept_as_words() -> None:
    text = "یک مقام آگاه در وزارت نفت هند گفت: واردات نفت از روسیه ادامه دارد."
    entities = [entity(text, "org-1", "ORG", "وزارت نفت هند")]
    quote = only(extract_quotes(text, entities))
    assert quote.speaker is None
    assert quote.speaker_text == "یک مقام آگاه در وزارت نفت هند"
    assert said(text, quote) == "واردات نفت از روسیه ادامه دارد."


def test_spokesperson_of_an_organisation_is_unnamed_not_the_organisation() -> None:
    text = "سخنگوی وزارت خارجه در نشست خبری گفت: سفر هیئت ایرانی قطعی است."
    quote = only(extract_quotes(text, [entity(text, "org-1", "ORG", "وزارت خارجه")]))
    assert quote.speaker is None
    assert quote.speaker_text == "سخنگوی وزارت خارجه"


def test_adviser_of_a_person_is_not_that_person() -> None:
    text = "مشاور پوتین گفت: مذاکره ممکن نیست."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "پوتین")]))
    assert quote.speaker is None
    assert quote.speaker_text == "مشاور پوتین"


def test_dateline_is_skipped() -> None:
    text = "تهران- ایرنا- سخنگوی دولت امروز گفت: بودجه به مجلس می‌رود."
    entities = [entity(text, "loc-1", "LOC", "تهران"), entity(text, "org-1", "ORG", "ایرنا")]
    quote = only(extract_quotes(text, entities))
    assert quote.speaker is None
    assert quote.speaker_text == "سخنگوی دولت"


def test_name_after_a_preposition_is_not_the_subject() -> None:
    text = (
        "ولادیمیر پوتین در دیدار با شی جین‌پینگ گفت: روابط ما در بهترین دوران است.\n"
        "در دیدار با ولادیمیر پوتین، شی جین‌پینگ گفت: چین شریک راهبردی روسیه است.\n"
        "در گفت‌وگو با خبرنگاران رجب طیب اردوغان، رئیس‌جمهور ترکیه خطاب به ولادیمیر پوتین گفت: آتش‌بس لازم است."
    )
    entities = [
        entity(text, "per-1", "PER", "ولادیمیر پوتین"),
        entity(text, "per-2", "PER", "شی جین‌پینگ"),
        entity(text, "per-3", "PER", "رجب طیب اردوغان"),
    ]
    assert [q.speaker for q in extract_quotes(text, entities)] == ["per-1", "per-2", "per-3"]


def test_apposition_after_a_role_names_the_speaker() -> None:
    text = "وزیر خارجه روسیه، سرگئی لاوروف، در مسکو گفت: غرب مسئول این بحران است."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "سرگئی لاوروف")]))
    assert quote.speaker == "per-1"


def test_honorific_before_the_name() -> None:
    text = "آقای ظریف در پاسخ به سوالی گفت: پاسخ ما روشن است."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "ظریف")]))
    assert quote.speaker == "per-1"


def test_two_verbs_share_one_subject() -> None:
    text = "علی شمخانی به تحولات منطقه اشاره کرد و گفت: امنیت منطقه باید بومی باشد."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "علی شمخانی")]))
    assert quote.speaker == "per-1"


def test_colon_at_paragraph_end_quotes_the_next_paragraph() -> None:
    text = "جو بایدن در کاخ سفید گفت:\nما از متحدانمان دفاع می‌کنیم.\nپایان."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "جو بایدن")]))
    assert said(text, quote) == "ما از متحدانمان دفاع می‌کنیم."
    assert quote.speaker == "per-1"


def test_two_colon_quotes_in_one_paragraph_do_not_overlap() -> None:
    text = "آنتونی بلینکن گفت: آتش‌بس ضروری است. وی افزود: کمک‌ها باید برسد."
    quotes = extract_quotes(text, [entity(text, "per-1", "PER", "آنتونی بلینکن")])
    assert [said(text, q) for q in quotes] == ["آتش‌بس ضروری است.", "کمک‌ها باید برسد."]
    assert [q.speaker for q in quotes] == ["per-1", "per-1"]


def test_speech_inside_a_colon_quote_belongs_to_it() -> None:
    text = "حسن نصرالله گفت: پدرم همیشه می‌گفت: صبور باش."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "حسن نصرالله")]))
    assert said(text, quote) == "پدرم همیشه می‌گفت: صبور باش."


@pytest.mark.parametrize(
    "text",
    [
        "موضوعات نشست: اقتصاد، امنیت و انرژی.",
        f"گفت{ZWNJ}وگو: راهی برای صلح",
        "ساعت ۱۰:۳۰ جلسه آغاز شد.",
        "شگفت: این کلمه فعل نیست.",
    ],
)
def test_colons_without_a_speech_verb_are_not_quotes(text: str) -> None:
    assert extract_quotes(text, []) == []


def test_honorific_plural_verb() -> None:
    text = "آیت‌الله سیستانی در دیدار با مسئولان فرمودند: وحدت ملی ضروری است."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "سیستانی")]))
    assert quote.speaker == "per-1"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("روزنامه نیویورک تایمز نوشت: دولت در حال بررسی گزینه‌هاست.", "نیویورک تایمز"),
        ("شبکه «الجزیره» گزارش داد: ده‌ها نفر کشته شدند.", "الجزیره"),
        ("خبرگزاری رویترز به نقل از یک منبع آگاه نوشت: توافق نزدیک است.", "رویترز"),
    ],
)
def test_an_outlet_introduced_by_its_kind_is_the_speaker(text: str, name: str) -> None:
    quote = only(extract_quotes(text, [entity(text, "org-1", "ORG", name)]))
    assert quote.speaker == "org-1"
    assert quote.speaker_text == name


# --------------------------------------------------------------------------- quotes in marks


def test_quote_followed_by_its_verb_and_subject() -> None:
    text = "بنیامین نتانیاهو روز دوشنبه سخنرانی کرد.\n«ما تا پیروزی کامل ادامه می‌دهیم»، او افزود."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "بنیامین نتانیاهو")]))
    assert said(text, quote) == "ما تا پیروزی کامل ادامه می‌دهیم"
    assert quote.speaker == "per-1"


def test_quote_followed_by_a_named_subject_and_verb() -> None:
    text = "«پوتین دروغ می‌گوید»، ولودیمیر زلنسکی گفت."
    entities = [entity(text, "per-1", "PER", "ولودیمیر زلنسکی"), entity(text, "per-2", "PER", "پوتین")]
    quote = only(extract_quotes(text, entities))
    assert quote.speaker == "per-1"  # never the person named inside the quote


def test_quote_of_a_relative_clause_belongs_to_its_subject_not_the_sentence() -> None:
    text = "او در پاسخ به سوالی درباره اظهارات ترامپ که گفته بود «ناتو منسوخ است»، گفت: این حرف‌ها بی‌پایه است."
    quotes = extract_quotes(text, [entity(text, "per-1", "PER", "ترامپ")])
    assert [said(text, q) for q in quotes] == ["ناتو منسوخ است", "این حرف‌ها بی‌پایه است."]
    assert [q.speaker for q in quotes] == ["per-1", None]  # «او» has no antecedent here


@pytest.mark.parametrize("lead", ["به گفته", "به عقیده", "بنا بر اعلام", "طبق اظهارات"])
def test_according_to(lead: str) -> None:
    text = f"{lead} امانوئل مکرون، «اروپا باید به استقلال راهبردی برسد»."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "امانوئل مکرون")]))
    assert said(text, quote) == "اروپا باید به استقلال راهبردی برسد"
    assert quote.speaker == "per-1"


def test_according_to_him_refers_back() -> None:
    text = "سعید جلیلی گفت: ما عقب‌نشینی نمی‌کنیم.\nبه گفته وی، «قیمت‌ها کاهش خواهد یافت»."
    quotes = extract_quotes(text, [entity(text, "per-1", "PER", "سعید جلیلی")])
    assert [q.speaker for q in quotes] == ["per-1", "per-1"]


def test_quote_opening_a_sentence_then_pronoun_and_verb() -> None:
    text = "دونالد ترامپ روز شنبه سخنرانی کرد.\n«ما آمریکا را دوباره بزرگ می‌کنیم.» وی افزود که پیروز می‌شود."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "دونالد ترامپ")]))
    assert said(text, quote) == "ما آمریکا را دوباره بزرگ می‌کنیم."
    assert quote.speaker == "per-1"


def test_coordinated_subject_gives_the_first_person() -> None:
    text = "مسعود پزشکیان و عباس عراقچی گفتند: «ما به دنبال جنگ نیستیم»."
    entities = [entity(text, "per-1", "PER", "مسعود پزشکیان"), entity(text, "per-2", "PER", "عباس عراقچی")]
    assert only(extract_quotes(text, entities)).speaker == "per-1"


def test_statement_announced_with_ke() -> None:
    text = "ناتو در بیانیه‌ای اعلام کرد که «حمله به یک عضو، حمله به همه است»."
    quote = only(extract_quotes(text, [entity(text, "org-1", "ORG", "ناتو")]))
    assert quote.speaker == "org-1"


def test_short_expressed_phrase_is_a_quote_of_the_clause_subject() -> None:
    text = "دونالد ترامپ این توافق را «بدترین توافق تاریخ» خواند."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "دونالد ترامپ")]))
    assert said(text, quote) == "بدترین توافق تاریخ"
    assert quote.speaker == "per-1"


def test_reported_speech_gives_the_quote_to_the_reporting_subject() -> None:
    text = "اولاف شولتس گفت که اگر ولادیمیر پوتین به اوکراین حمله کند، این یک «اشتباه تاریخی» خواهد بود."
    entities = [entity(text, "per-1", "PER", "اولاف شولتس"), entity(text, "per-2", "PER", "ولادیمیر پوتین")]
    quote = only(extract_quotes(text, entities))
    assert quote.speaker == "per-1"


def test_statement_quote_belongs_to_the_issuer() -> None:
    text = (
        "سپاه پاسداران انقلاب اسلامی با صدور اطلاعیه‌ای اعلام کرد رزمایش آغاز شده است.\n"
        "در این اطلاعیه آمده است: «هرگونه تجاوز با پاسخ قاطع روبه‌رو می‌شود.»\n"
        "در بیانیه وزارت دفاع آمده است که «تجهیزات جدید رونمایی شد.»"
    )
    entities = [
        entity(text, "org-1", "ORG", "سپاه پاسداران انقلاب اسلامی"),
        entity(text, "org-2", "ORG", "وزارت دفاع"),
    ]
    quotes = extract_quotes(text, entities)
    assert [said(text, q) for q in quotes] == ["هرگونه تجاوز با پاسخ قاطع روبه‌رو می‌شود.", "تجهیزات جدید رونمایی شد."]
    assert [q.speaker for q in quotes] == ["org-1", "org-2"]


def test_statement_without_a_known_issuer_has_no_speaker() -> None:
    text = "در این بیانیه آمده است که «آنتونی بلینکن و همتایانش توافق کردند.»"
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "آنتونی بلینکن")]))
    assert quote.speaker is None


def test_quote_opening_in_one_paragraph_and_closing_in_another() -> None:
    text = "ولودیمیر زلنسکی گفت: «ما پیروز خواهیم شد.\nاین جنگ با عدالت پایان می‌یابد.» سپس رفت."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "ولودیمیر زلنسکی")]))
    assert said(text, quote) == "ما پیروز خواهیم شد.\nاین جنگ با عدالت پایان می‌یابد."
    assert quote.speaker == "per-1"


def test_paragraphs_reopened_with_guillemets_are_one_quote() -> None:
    text = "رهبر حزب گفت:\n«بند اول بیانیه.\n«بند دوم بیانیه.»\nپایان جلسه."
    quote = only(extract_quotes(text, []))
    assert said(text, quote) == "بند اول بیانیه.\n«بند دوم بیانیه."
    assert quote.speaker_text == "رهبر حزب"


def test_unclosed_guillemet_stops_at_its_paragraph_end() -> None:
    text = "او گفت: «ما آماده‌ایم و عقب نمی‌نشینیم  \nپاراگراف بعدی خبر است."
    quote = only(extract_quotes(text, []))
    assert said(text, quote) == "ما آماده‌ایم و عقب نمی‌نشینیم"


def test_nested_guillemets_stay_inside_the_outer_quote() -> None:
    text = "خامنه‌ای گفت: «شعار «مرگ بر آمریکا» شعار ملت است» و افزود."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "خامنه‌ای")]))
    assert said(text, quote) == "شعار «مرگ بر آمریکا» شعار ملت است"


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”")])
def test_straight_and_curly_double_quotes(marks: tuple[str, str]) -> None:
    opener, closer = marks
    text = f"ایلان ماسک نوشت: {opener}آزادی بیان اهمیت دارد{closer} و پست را حذف کرد."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "ایلان ماسک")]))
    assert said(text, quote) == "آزادی بیان اهمیت دارد"
    assert quote.speaker == "per-1"


@pytest.mark.parametrize(
    "text",
    [
        "رهبر کره شمالی با «سرگئی شویگو» دیدار کرد.",
        "نخست وزیر با «بوریس جانسون»، رهبر سابق حزب محافظه‌کار دیدار کرد.",
        "حماس عملیات «طوفان الاقصی» را آغاز کرد.",
        "«عملیات طوفان الاقصی» در مهرماه آغاز شد.",
        "کتاب «صد سال تنهایی» را دوباره خواند.",
        "روزنامه «کیهان» در سرمقاله خود نوشت که دولت موفق نبوده است.",
        "فیلم «جدایی نادر از سیمین» جایزه گرفت.",
    ],
)
def test_names_and_titles_in_guillemets_are_not_quotes(text: str) -> None:
    entities = [entity(text, "per-1", "PER", "سرگئی شویگو"), entity(text, "per-2", "PER", "بوریس جانسون")]
    assert extract_quotes(text, [e for e in entities if e.mentions]) == []


def test_name_in_guillemets_is_recognised_without_the_entity_by_its_apposition() -> None:
    text = "رهبر کره شمالی با «سرگئی شویگو»، وزیر دفاع روسیه دیدار کرد."
    assert extract_quotes(text, []) == []


def test_title_word_with_speech_context_still_a_quote_when_not_adjacent() -> None:
    text = "وزیر نفت درباره این برنامه گفت که «تحریم‌ها بی‌اثر شده است» و تولید افزایش یافته."
    quote = only(extract_quotes(text, []))
    assert said(text, quote) == "تحریم‌ها بی‌اثر شده است"
    assert quote.speaker_text == "وزیر نفت"


# --------------------------------------------------------------------------- robustness

_PIECES = [
    "«", "»", "“", "”", '"', ":", " گفت: ", " افزود:", "وی ", "او ", "پوتین", "بیانیه", " آمده است ",
    " که ", "،", ".", "\n", " ", ZWNJ, "در ", "به گفته ", "با ", "اعلام کرد", "کتاب ", "ي", "ك", "؟",
    "سرگئی شویگو", "\u00a0", "۱۲", "-", "x",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join) | st.text(max_size=80)


@st.composite
def text_and_entities(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    text = draw(texts)
    entities = []
    for index in range(draw(st.integers(0, 3))):
        if len(text) < 1:
            break
        spans = []
        for _ in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            spans.append(Span(start, end))
        etype = draw(st.sampled_from(["PER", "ORG", "LOC", "DAT"]))
        entities.append(Entity(f"e-{index}", etype, "x", mentions=tuple(sorted(set(spans)))))
    return text, entities


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_entities())
def test_offsets_are_sane_for_any_input(case: tuple[str, list[Entity]]) -> None:
    text, entities = case
    quotes = extract_quotes(text, entities)
    ids = {e.id for e in entities}
    previous_end = 0
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.start >= previous_end  # in order, never overlapping
        previous_end = quote.end
        assert quote.speaker is None or quote.speaker in ids
        assert quote.speaker_text is None or quote.speaker_text in text
        assert not text[quote.start].isspace() and not text[quote.end - 1].isspace()


def test_many_guillemets_finish_in_linear_time() -> None:
    # 100,000 marks: unclosed ones, stray closers, pairs and speech verbs, in long paragraphs.
    text = "«کلمه " * 40_000 + "» وی گفت: " * 40_000 + "«یک» " * 10_000
    quotes = extract_quotes(text, [])
    assert quotes and all(0 <= q.start < q.end <= len(text) for q in quotes)


def test_one_dash_dateline_is_not_the_speaker() -> None:
    text = "تهران - حسن روحانی، رئیس‌جمهور ایران، روز دوشنبه گفت: «ما به تعهدات خود پایبند هستیم.»"
    entities = [entity(text, "loc-1", "LOC", "تهران"), entity(text, "per-1", "PER", "حسن روحانی")]
    assert only(extract_quotes(text, entities)).speaker == "per-1"


def test_dash_inside_a_sentence_is_not_a_dateline() -> None:
    text = "سخنگوی کرملین در مسکو - پایتخت روسیه - گفت: «تحریم اثری ندارد.»"
    entities = [entity(text, "loc-1", "LOC", "مسکو"), entity(text, "loc-2", "LOC", "روسیه")]
    assert only(extract_quotes(text, entities)).speaker_text == "سخنگوی کرملین در مسکو"


def test_this_as_object_leaves_the_subject_after_it() -> None:
    text = (
        "سرگئی لاوروف گفت: «گفت‌وگو ادامه دارد.»\n"
        "«این تصمیم اشتباه بود»، این را محمدجواد ظریف به خبرنگاران گفت.\n"
        "«تحریم‌ها باید لغو شود»، این سخنان را جواد ظریف در تهران تکرار کرد."
    )
    entities = [entity(text, "per-1", "PER", "سرگئی لاوروف"), entity(text, "per-2", "PER", "محمدجواد ظریف")]
    assert [q.speaker for q in extract_quotes(text, entities)][:2] == ["per-1", "per-2"]


def test_names_in_marks_in_a_list_are_not_quotes() -> None:
    text = "این شرکت واردکننده تلفن‌های « اپل »، « لنوو » و « موتورولا » است و قرارداد « داتیس امرتات » هم امضا شد."
    assert extract_quotes(text, []) == []


@pytest.mark.parametrize("conversation", ["گفت وگو", "گفت و گو", "گفت‌وگو", "گفتگو"])
def test_conversation_is_not_a_speech_verb(conversation: str) -> None:
    text = f"رضا شایسته در {conversation} با ایسنا گفت: دو کشتارگاه در شهر فعال است."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "رضا شایسته"), entity(text, "org-1", "ORG", "ایسنا")]))
    assert quote.speaker == "per-1"


def test_value_added_is_not_a_speech_verb() -> None:
    text = "سرپرست فرمانداری با بیان این که این بنا ارزش افزوده بالایی ایجاد می‌کند، تصریح کرد: گردشگران می‌آیند."
    assert only(extract_quotes(text, [])).speaker_text == "سرپرست فرمانداری"


def test_a_list_of_names_in_marks_is_not_quotes() -> None:
    text = 'شرکت‌های مجوزدار شامل " ماناتل پارس " ، " ایرانیان قائم همراه " ، " دلتا همراه پردازش شرق " و " دی تل " هستند.'
    assert extract_quotes(text, []) == []


def test_two_quotes_side_by_side_are_still_quotes() -> None:
    text = "وزیر گفت: «ما آماده‌ایم که امروز این توافق را امضا کنیم.»، «و فردا اجرایش را آغاز می‌کنیم.»"
    assert len(extract_quotes(text, [])) == 2


def test_a_name_and_a_colon_before_a_quote_is_its_speaker() -> None:
    text = "پوتین: «غرب مسئول بحران است»\nبه گزارش ایرنا، آقای ظریف: «ما برای گفت‌وگو آماده‌ایم»\nبه گفته منابع آگاه در کاخ سفید: «مذاکره ادامه دارد»"
    entities = [entity(text, "per-1", "PER", "پوتین"), entity(text, "per-2", "PER", "ظریف"), entity(text, "loc-1", "LOC", "کاخ سفید")]
    quotes = extract_quotes(text, entities)
    assert [q.speaker for q in quotes[:2]] == ["per-1", "per-2"]
    # More than a name before the colon: not this rule's to decide, and no person said it.
    assert quotes[2].speaker is None


def test_this_as_object_after_a_semicolon() -> None:
    text = "«ما تسلیم نمی‌شویم»؛ این را ولادیمیر پوتین روز شنبه در مسکو گفت."
    entities = [entity(text, "per-1", "PER", "ولادیمیر پوتین"), entity(text, "loc-1", "LOC", "مسکو")]
    assert only(extract_quotes(text, entities)).speaker == "per-1"
    # A new sentence after the semicolon that does not point back leaves the quote unattributed.
    other = "«ما تسلیم نمی‌شویم»؛ ولادیمیر پوتین روز شنبه به مسکو رفت و گفت که خسته است."
    assert only(extract_quotes(other, [entity(other, "per-1", "PER", "ولادیمیر پوتین")])).speaker is None


def test_a_line_opened_by_a_name_and_a_colon_quotes_that_person() -> None:
    text = (
        "پوتین: غرب مسئول بحران در اوکراین است\n"
        "منبع: خبرگزاری ایرنا و دیگر رسانه‌ها\n"
        "ظریف: ۲۰\n"
        "مسکو - رئیس‌جمهور روسیه روز شنبه در نشستی خبری سخن گفت."
    )
    entities = [entity(text, "per-1", "PER", "پوتین"), entity(text, "per-2", "PER", "ظریف")]
    quote = only(extract_quotes(text, entities))
    assert text[quote.start : quote.end] == "غرب مسئول بحران در اوکراین است"
    assert quote.speaker == "per-1"


def test_a_question_put_to_the_speaker_is_not_theirs() -> None:
    text = "عباس عراقچی در پاسخ به این سوال که «آیا مذاکرات ادامه دارد؟» گفت: «بله، ادامه دارد.»"
    quotes = extract_quotes(text, [entity(text, "per-1", "PER", "عباس عراقچی")])
    assert [q.speaker for q in quotes] == [None, "per-1"]


def test_a_headline_quote_ends_with_its_sentence() -> None:
    text = "روحانی: دولت از مردم عذرخواهی می‌کند. تهران- ایرنا- حسن روحانی امروز در جلسه هیئت دولت سخن گفت."
    quote = only(extract_quotes(text, [entity(text, "per-1", "PER", "روحانی")]))
    assert text[quote.start : quote.end] == "دولت از مردم عذرخواهی می‌کند."
