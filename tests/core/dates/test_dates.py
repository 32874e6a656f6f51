"""Date expressions: each form with the value a careful reader gives it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.dates import extract_dates
from reader.core.document import DateMention
from reader.core.resources import resource_path

SAT = dt.date(2023, 9, 23)  # 1 Mehr 1402, a Saturday


def found(text: str, article: dt.date | None = SAT) -> list[tuple[str, str, str | None, str | None]]:
    """(covered text, kind, gregorian start..end, jalali start..end) for each mention."""
    out = []
    for m in extract_dates(text, article):
        g = f"{m.gregorian.start}..{m.gregorian.end}" if m.gregorian else None
        j = f"{m.jalali.start}..{m.jalali.end}" if m.jalali else None
        out.append((text[m.start:m.end], m.kind, g, j))
    return out


def one(text: str, article: dt.date | None = SAT) -> tuple[str, str, str | None, str | None]:
    result = found(text, article)
    assert len(result) == 1, result
    return result[0]


def day(g: str, j: str) -> tuple[str, str]:
    return f"{g}..{g}", f"{j}..{j}"


@pytest.mark.parametrize(
    "sentence, words, kind, gregorian, jalali",
    [
        # Jalali dates, ordinals, ZWNJ / space / nothing before «ماه»
        ("جلسه ۲۲ شهریور ۱۴۰۲ برگزار شد.", "۲۲ شهریور ۱۴۰۲", "date", *day("2023-09-13", "1402-06-22")),
        ("مراسم ۱۵ مهرماه برگزار می‌شود.", "۱۵ مهرماه", "date", *day("2023-10-07", "1402-07-15")),
        ("پنجم دی‌ماه سال جاری", "پنجم دی‌ماه سال جاری", "date", *day("2023-12-26", "1402-10-05")),
        ("پنجم دی ماه سال جاری", "پنجم دی ماه سال جاری", "date", *day("2023-12-26", "1402-10-05")),
        ("پنجم دیماه سال جاری", "پنجم دیماه سال جاری", "date", *day("2023-12-26", "1402-10-05")),
        ("بیست و هفتم خرداد ماه سال 1366", "بیست و هفتم خرداد ماه سال 1366", "date", *day("1987-06-17", "1366-03-27")),
        ("اسفند ماه سال گذشته", "اسفند ماه سال گذشته", "range", "2023-02-20..2023-03-20", "1401-12-01..1401-12-29"),
        # Gregorian dates in Persian, several spellings, Arabic letters and digits
        ("او ۱۶ آوریل 2014 آمد.", "۱۶ آوریل 2014", "date", *day("2014-04-16", "1393-01-27")),
        ("۱۶ آوريل ٢٠١٤", "۱۶ آوريل ٢٠١٤", "date", *day("2014-04-16", "1393-01-27")),
        ("۵ جولای ۲۰۲۳", "۵ جولای ۲۰۲۳", "date", *day("2023-07-05", "1402-04-14")),
        ("۵ ژوئیه ۲۰۲۳", "۵ ژوئیه ۲۰۲۳", "date", *day("2023-07-05", "1402-04-14")),
        ("۱۰ اوت ۲۰۲۰", "۱۰ اوت ۲۰۲۰", "date", *day("2020-08-10", "1399-05-20")),
        ("۱۰ آگوست ۲۰۲۰", "۱۰ آگوست ۲۰۲۰", "date", *day("2020-08-10", "1399-05-20")),
        ("۱۶ می ۲۰۱۴", "۱۶ می ۲۰۱۴", "date", *day("2014-05-16", "1393-02-26")),
        ("۱۳\u00a0سپتامبر", "۱۳\u00a0سپتامبر", "date", *day("2023-09-13", "1402-06-22")),
        # Hijri lunar (tabular)
        ("۱۲ ربیع‌الاول ۱۴۴۵", "۱۲ ربیع‌الاول ۱۴۴۵", "date", *day("2023-09-27", "1402-07-05")),
        # numeric dates
        ("تاریخ ۱۴۰۲/۰۶/۲۲ است", "۱۴۰۲/۰۶/۲۲", "date", *day("2023-09-13", "1402-06-22")),
        ("مورخ 10/11/1392", "10/11/1392", "date", *day("2014-01-30", "1392-11-10")),
        ("on 13/09/2023", "13/09/2023", "date", *day("2023-09-13", "1402-06-22")),
        # years and month + year
        ("در سال ۱۴۰۲", "سال ۱۴۰۲", "range", "2023-03-21..2024-03-19", "1402-01-01..1402-12-29"),
        ("سال ۲۰۱۶ میلادی", "سال ۲۰۱۶ میلادی", "range", "2016-01-01..2016-12-31", "1394-10-11..1395-10-11"),
        ("در ۱۳۹۸ شمسی", "۱۳۹۸ شمسی", "range", "2019-03-21..2020-03-19", "1398-01-01..1398-12-29"),
        ("در ۱۳۹۸ هجری شمسی", "۱۳۹۸ هجری شمسی", "range", "2019-03-21..2020-03-19", "1398-01-01..1398-12-29"),
        ("سال ۱۴۴۵ قمری", "سال ۱۴۴۵ قمری", "range", "2023-07-19..2024-07-07", "1402-04-28..1403-04-17"),
        ("در شهریور ۱۴۰۲", "شهریور ۱۴۰۲", "range", "2023-08-23..2023-09-22", "1402-06-01..1402-06-31"),
        ("سال 95", "سال 95", "range", "2016-03-20..2017-03-20", "1395-01-01..1395-12-30"),
        ("تابستان 1403", "تابستان 1403", "range", "2024-06-21..2024-09-21", "1403-04-01..1403-06-31"),
        # relative days and units
        ("دیروز گفت", "دیروز", "relative", *day("2023-09-22", "1402-06-31")),
        ("فردا می‌رود", "فردا", "relative", *day("2023-09-24", "1402-07-02")),
        ("پریروز", "پریروز", "relative", *day("2023-09-21", "1402-06-30")),
        ("امروز", "امروز", "relative", *day("2023-09-23", "1402-07-01")),
        ("امروز شنبه اعلام کرد", "امروز شنبه", "relative", *day("2023-09-23", "1402-07-01")),
        ("هفته گذشته", "هفته گذشته", "range", "2023-09-16..2023-09-22", "1402-06-25..1402-06-31"),
        ("هفته پیش", "هفته پیش", "range", "2023-09-16..2023-09-22", "1402-06-25..1402-06-31"),
        ("هفته آینده", "هفته آینده", "range", "2023-09-30..2023-10-06", "1402-07-08..1402-07-14"),
        ("ماه آینده", "ماه آینده", "range", "2023-10-23..2023-11-21", "1402-08-01..1402-08-30"),
        ("سال جاری", "سال جاری", "range", "2023-03-21..2024-03-19", "1402-01-01..1402-12-29"),
        ("سال گذشته", "سال گذشته", "range", "2022-03-21..2023-03-20", "1401-01-01..1401-12-29"),
        ("سال آینده", "سال آینده", "range", "2024-03-20..2025-03-20", "1403-01-01..1403-12-30"),
        ("سال بعد", "سال بعد", "range", "2024-03-20..2025-03-20", "1403-01-01..1403-12-30"),
        ("امسال", "امسال", "range", "2023-03-21..2024-03-19", "1402-01-01..1402-12-29"),
        ("پارسال", "پارسال", "range", "2022-03-21..2023-03-20", "1401-01-01..1401-12-29"),
        ("سال گذشته میلادی", "سال گذشته میلادی", "range", "2022-01-01..2022-12-31", "1400-10-11..1401-10-10"),
        ("دو روز پیش", "دو روز پیش", "relative", *day("2023-09-21", "1402-06-30")),
        ("شب گذشته اعلام کرد", "شب گذشته", "relative", *day("2023-09-22", "1402-06-31")),
        # decades: two digits are Jalali, as Persian news writes them
        ("در دهه ۶۰ ساخته شد", "دهه ۶۰", "range", "1981-03-21..1991-03-20", "1360-01-01..1369-12-29"),
        ("در دهه‌ی ۹۰", "دهه‌ی ۹۰", "range", "2011-03-21..2021-03-20", "1390-01-01..1399-12-30"),
        ("دهه ۱۹۹۰ میلادی", "دهه ۱۹۹۰ میلادی", "range", "1990-01-01..1999-12-31", "1368-10-11..1378-10-10"),
        # weekdays: the direction the sentence points
        ("روز جمعه توافق کردند", "روز جمعه", "relative", *day("2023-09-22", "1402-06-31")),
        ("چهارشنبه گذشته گفت", "چهارشنبه گذشته", "relative", *day("2023-09-20", "1402-06-29")),
        ("نشست روز سه‌شنبه برگزار می‌شود", "روز سه‌شنبه", "relative", *day("2023-09-26", "1402-07-04")),
        ("پنج‌شنبه با او دیدار خواهد کرد", "پنج‌شنبه", "relative", *day("2023-09-28", "1402-07-06")),
        ("پنجشنبه به پایان می‌رسد", "پنجشنبه", "relative", *day("2023-09-28", "1402-07-06")),
        ("یکشنبه آینده", "یکشنبه آینده", "relative", *day("2023-09-24", "1402-07-02")),
        ("دوشنبه 14 تیرماه", "دوشنبه 14 تیرماه", "date", *day("2023-07-05", "1402-04-14")),
        # ranges
        ("از ۱ تا ۵ مهر", "از ۱ تا ۵ مهر", "range", "2023-09-23..2023-09-27", "1402-07-01..1402-07-05"),
        ("۱۰ تا ۱۲ سپتامبر", "۱۰ تا ۱۲ سپتامبر", "range", "2023-09-10..2023-09-12", "1402-06-19..1402-06-21"),
        ("از 28 مرداد ماه 95 تا 15 شهریور 95", "از 28 مرداد ماه 95 تا 15 شهریور 95", "range",
         "2016-08-18..2016-09-05", "1395-05-28..1395-06-15"),
        ("از سال 1908 تا سال 1928", "از سال 1908 تا سال 1928", "range", "1908-01-01..1928-12-31", "1286-10-10..1307-10-10"),
        ("از 27 اسفندماه سال 94 تاکنون", "از 27 اسفندماه سال 94 تاکنون", "range", "2016-03-17..2023-09-23", "1394-12-27..1402-07-01"),
        # time of day: no calendar value
        ("ساعت ۱۰ صبح", "ساعت ۱۰ صبح", "time", None, None),
        ("ساعت ۱۴:۳۰", "ساعت ۱۴:۳۰", "time", None, None),
        ("در ۱۴:۳۰ رسید", "۱۴:۳۰", "time", None, None),
        # durations and counts: no calendar value
        ("سفری ۵ روزه", "۵ روزه", "duration", None, None),
        ("گفت‌وگوهای ۴ ساعته", "۴ ساعته", "duration", None, None),
        ("۷۵ سال پس از ایجاد", "۷۵ سال پس از", "duration", None, None),
        ("دو هفته طول کشید", "دو هفته", "duration", None, None),
        ("۳ ماه زندان", "۳ ماه", "duration", None, None),
        ("به مدت دو سال دیگر تمدید شد", "دو سال", "duration", None, None),
    ],
)
def test_forms(sentence: str, words: str, kind: str, gregorian: str | None, jalali: str | None) -> None:
    assert one(sentence) == (words, kind, gregorian, jalali)


def test_pair_is_linked_and_takes_the_missing_year() -> None:
    text = "۱۳ سپتامبر ۲۰۲۲ (۲۲ شهریور)"
    assert found(text) == [
        ("۱۳ سپتامبر ۲۰۲۲", "date", *day("2022-09-13", "1401-06-22")),
        ("۲۲ شهریور", "date", *day("2022-09-13", "1401-06-22")),
    ]
    # Without an article date the year still comes from the partner.
    assert found(text, None)[1][2] == "2022-09-13..2022-09-13"


def test_pair_that_disagrees_keeps_each_reading() -> None:
    result = found("۱۳ سپتامبر ۲۰۲۳ (۲۵ شهریور)")
    assert result[0][2] == "2023-09-13..2023-09-13"
    assert result[1][3] == "1402-06-25..1402-06-25"


def test_day_and_month_take_the_year_nearest_the_article() -> None:
    assert one("۱۰ فروردین", dt.date(2024, 3, 10))[3] == "1403-01-10..1403-01-10"
    assert one("۲۸ اسفند", dt.date(2023, 3, 25))[3] == "1401-12-28..1401-12-28"
    # a past-tense verb rules out the coming one
    assert one("پنجم دی کشته شد")[3] == "1401-10-05..1401-10-05"


@pytest.mark.parametrize(
    "text",
    ["خبرگزاری مهر گزارش داد", "به گزارش مهر،", "دو تیر شلیک شد", "امام جمعه تهران گفت", "نماز جمعه",
     "او دی‌جی است", "بهمن آمد", "می خواهد برود", "هزار نفر", "صفر درصد", "امروزی", "در این سال",
     "تیرهای برق", "مهرداد", "چهارشنبه‌سوری"],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert [m for m in found(text) if m[1] != "duration"] == []


def test_shanbe_never_inside_other_weekdays() -> None:
    for text in ("چهارشنبه", "پنجشنبه", "پنج‌شنبه", "پنج شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "سه شنبه", "چهار شنبه"):
        assert len(found(text)) == 1 and found(text)[0][0] == text, text


def test_no_article_date_leaves_relative_unresolved() -> None:
    assert one("دیروز", None) == ("دیروز", "relative", None, None)
    assert one("هفته گذشته", None) == ("هفته گذشته", "range", None, None)
    assert one("۲۲ شهریور", None) == ("۲۲ شهریور", "date", None, None)
    assert one("۲۲ شهریور ۱۴۰۲", None)[2] == "2023-09-13..2023-09-13"
    assert one("سال ۲۰۱۶", None)[2] == "2016-01-01..2016-12-31"


def test_sample_article() -> None:
    text = resource_path("samples", "mehr-korea-russia.txt").read_text(encoding="utf-8")
    result = found(text)
    assert result == [
        ("امروز شنبه", "relative", *day("2023-09-23", "1402-07-01")),
        ("روز جمعه", "relative", *day("2023-09-22", "1402-06-31")),
        ("هفته گذشته", "range", "2023-09-16..2023-09-22", "1402-06-25..1402-06-31"),
        ("۵ روزه", "duration", None, None),
        ("چهارشنبه گذشته", "relative", *day("2023-09-20", "1402-06-29")),
        ("۱۳ سپتامبر", "date", *day("2023-09-13", "1402-06-22")),
        ("۱۳ سپتامبر", "date", *day("2023-09-13", "1402-06-22")),
        ("۲۲ شهریور", "date", *day("2023-09-13", "1402-06-22")),
        ("۴ ساعته", "duration", None, None),
        ("۴ ساعته", "duration", None, None),
        ("۷۵ سال پس از", "duration", None, None),
    ]


_persian = st.text(
    alphabet=st.sampled_from(list("۰۱۲۳۴۵۶۷۸۹0123456789٠١٢٣٤٥٦٧٨٩ /-.:()،؛\n\u200c\u00a0يكیکاآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")),
    max_size=80,
)
_fragments = st.lists(
    st.sampled_from(["۲۲", "شهریور", "ماه", "سال", "۱۴۰۲", "امروز", "شنبه", "چهار", "گذشته", "تا", "از", "۱۳",
                     "سپتامبر", "(", ")", "روز", "ساعت", "۱۰:۳۰", "پس", "دی", "\u200c", " ", "1402/06/22", "هفته",
                     "آینده", "صفر", "قمری", "تاکنون", "۹۵", "بیست و یکم", "جمعه", "پنج", "می", "2023"]),
    max_size=25,
).map(" ".join)


def _check(text: str, article: dt.date | None) -> None:
    for m in extract_dates(text, article):
        assert isinstance(m, DateMention)
        assert 0 <= m.start < m.end <= len(text)
        for r in (m.gregorian, m.jalali):
            assert r is None or r.start <= r.end


@settings(max_examples=300, deadline=None)
@given(_persian | _fragments | st.text(max_size=60), st.none() | st.dates(dt.date(1800, 1, 1), dt.date(2200, 1, 1)))
def test_never_raises_and_offsets_stay_inside(text: str, article: dt.date | None) -> None:
    _check(text, article)
