"""A date without a year takes the year nearest the article date, in the direction the clause points."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.dates import extract_dates

# A Tuesday in mid-December, so the nearest «۱۵ نوامبر» is a month back and the nearest
# «۳ مارس» is in the coming year; Jalali: 1402-09-21.
ARTICLE = dt.date(2023, 12, 12)


def value(text: str, words: str, article: dt.date = ARTICLE) -> tuple[str, str] | None:
    """(gregorian start, jalali start) of the date written ``words`` in ``text``."""
    at = text.index(words)
    for mention in extract_dates(text, article):
        if mention.start <= at < mention.end:
            assert mention.gregorian is not None and mention.jalali is not None, mention
            return mention.gregorian.start, mention.jalali.start
    return None


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Nearest the article date.
        ("نشست سران روز ۱۵ نوامبر در ژنو برگزار شد.", "۱۵ نوامبر", ("2023-11-15", "1402-08-24")),
        ("این قانون از ۲۰ آذر اجرا شد.", "۲۰ آذر", ("2023-12-11", "1402-09-20")),
        # The future tense moves a date ahead of the article date into the coming year.
        ("انتخابات ۳ مارس برگزار خواهد شد.", "۳ مارس", ("2024-03-03", "1402-12-13")),
        ("قرار است این نشست ۱۰ دی برگزار شود.", "۱۰ دی", ("2023-12-31", "1402-10-10")),
        ("ایران تا ۲۰ ژانویه مهلت دارد پاسخ دهد.", "۲۰ ژانویه", ("2024-01-20", "1402-10-30")),
        # The past tense keeps a date behind the article date, a year back if need be.
        ("این توافق ۲۵ دسامبر امضا شد.", "۲۵ دسامبر", ("2022-12-25", "1401-10-04")),
        ("او ۵ دی در تهران درگذشت.", "۵ دی", ("2022-12-26", "1401-10-05")),
    ],
)
def test_a_date_without_a_year(text: str, words: str, expected: tuple[str, str]) -> None:
    assert value(text, words) == expected


def test_a_year_the_sentence_narrates_is_kept_and_an_earlier_sentences_is_not_forced() -> None:
    text = "در سال ۲۰۱۹ جنگ آغاز شد و ۱۵ نوامبر آتش‌بس اعلام شد."
    assert value(text, "۱۵ نوامبر") == ("2019-11-15", "1398-08-24")
    text = "در ۱۲ مارس ۲۰۱۹ جنگ آغاز شد. نشست بعدی ۳ مارس برگزار خواهد شد."
    assert value(text, "۳ مارس") == ("2024-03-03", "1402-12-13")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزیر خارجه دوشنبه به مسکو سفر کرد.", "2023-12-11"),
        ("وزیر خارجه دوشنبه به مسکو سفر خواهد کرد.", "2023-12-18"),
        ("قرار است وزیر خارجه پنجشنبه به مسکو برود.", "2023-12-14"),
        ("وزیر خارجه پنجشنبه به مسکو رفت.", "2023-12-07"),
    ],
)
def test_a_weekday_alone_is_the_nearest_such_day_in_the_tenses_direction(text: str, expected: str) -> None:
    words = next(w for w in ("دوشنبه", "پنجشنبه") if w in text)
    got = value(text, words)
    assert got is not None and got[0] == expected
