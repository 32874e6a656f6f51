"""Calendar conversions, the converter box API, and jdatetime cross-checked against convertdate."""

from __future__ import annotations

import datetime as dt
import functools

import jdatetime
import pytest
from convertdate import persian

from reader.core.dates.calendar import (
    GREGORIAN_MONTHS_FA,
    HIJRI_MONTHS,
    JALALI_MONTHS,
    WEEKDAYS_FA,
    Conversion,
    DateInputError,
    conversion_for,
    parse_article_date,
    parse_user_date,
    to_persian_digits,
)

# Jalali years in 1300-1500 where convertdate's astronomical (equinox) rule and jdatetime
# disagree, found by running the comparison below: none. They first differ in 1503.
KNOWN_DIFFERENT_YEARS: set[int] = set()


def test_every_day_of_jalali_1300_to_1500_matches_convertdate(monkeypatch: pytest.MonkeyPatch) -> None:
    # convertdate recomputes the equinox (pymeeus) for every call; memoising that one
    # function keeps every day going through convertdate's own code in a couple of seconds.
    monkeypatch.setattr(persian, "equinox_jd", functools.lru_cache(maxsize=None)(persian.equinox_jd))
    differing: set[int] = set()
    day = jdatetime.date(1300, 1, 1).togregorian()
    last = jdatetime.date(1500, 12, 29).togregorian()
    checked = 0
    while day <= last:
        j = jdatetime.date.fromgregorian(date=day)
        if (j.year, j.month, j.day) != persian.from_gregorian(day.year, day.month, day.day):
            differing.add(j.year)
        day += dt.timedelta(days=1)
        checked += 1
    assert checked > 73_000
    assert differing == KNOWN_DIFFERENT_YEARS


def test_conversion_for_a_known_day() -> None:
    c = conversion_for(dt.date(2023, 9, 13))
    assert c == Conversion(dt.date(2023, 9, 13), (1402, 6, 22), (1445, 2, 27), "چهارشنبه")
    assert c.jalali_text() == "۲۲ شهریور ۱۴۰۲"
    assert c.gregorian_text() == "۱۳ سپتامبر ۲۰۲۳"
    assert c.hijri_text() == "۲۷ صفر ۱۴۴۵"


def test_nowruz_is_the_first_of_farvardin() -> None:
    assert conversion_for(dt.date(2024, 3, 20)).jalali == (1403, 1, 1)
    assert conversion_for(dt.date(2023, 3, 21)).weekday_fa == "سه‌شنبه"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1402/06/22", dt.date(2023, 9, 13)),
        ("۱۴۰۲-۰۶-۲۲", dt.date(2023, 9, 13)),
        ("١٤٠٢/٠٦/٢٢", dt.date(2023, 9, 13)),
        ("2023-09-13", dt.date(2023, 9, 13)),
        ("13/09/2023", dt.date(2023, 9, 13)),
        ("22/06/1402", dt.date(2023, 9, 13)),
        ("۲۲ شهریور ۱۴۰۲", dt.date(2023, 9, 13)),
        ("۲۲ شهریورماه ۱۴۰۲", dt.date(2023, 9, 13)),
        ("۱۳ سپتامبر ۲۰۲۳", dt.date(2023, 9, 13)),
        ("۲۷ صفر ۱۴۴۵", dt.date(2023, 9, 13)),
        ("  1403/12/30 ", dt.date(2025, 3, 20)),
    ],
)
def test_parse_user_date_accepts(text: str, expected: dt.date) -> None:
    assert parse_user_date(text).gregorian == expected


@pytest.mark.parametrize(
    "text",
    ["1402/13/01", "1402/12/30", "2023-02-29", "1402/00/10", "garbage", "", "   ", "۲۲ فلان ۱۴۰۲",
     "1402/06", "99999/1/1", "0000-00-00", "12/12/12", "۳۲ شهریور ۱۴۰۲", "۳۱ مهر ۱۴۰۲", "\x00"],
)
def test_parse_user_date_refuses_with_one_line(text: str) -> None:
    with pytest.raises(DateInputError) as info:
        parse_user_date(text)
    assert "\n" not in str(info.value) and str(info.value)


def test_parse_article_date() -> None:
    assert parse_article_date("2023-09-23") == dt.date(2023, 9, 23)
    assert parse_article_date("1402-07-01") == dt.date(2023, 9, 23)
    assert parse_article_date("۱۴۰۲/۰۷/۰۱") == dt.date(2023, 9, 23)
    for bad in ("2023-13-01", "1402-12-30", "yesterday", "23-09-2023", ""):
        with pytest.raises(DateInputError):
            parse_article_date(bad)


def test_names_and_digits() -> None:
    assert len(JALALI_MONTHS) == len(GREGORIAN_MONTHS_FA) == len(HIJRI_MONTHS) == 12
    assert WEEKDAYS_FA[0] == "شنبه" and WEEKDAYS_FA[-1] == "جمعه"
    assert to_persian_digits("1402/06/22") == "۱۴۰۲/۰۶/۲۲"
    assert to_persian_digits("٢٢") == "۲۲"
