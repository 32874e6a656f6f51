"""Conversions between the Gregorian, Jalali (Solar Hijri) and Hijri lunar calendars.

jdatetime is the single source of truth for Jalali <-> Gregorian. Its conversion agrees
with convertdate's independent, astronomical ``persian`` module on every day of Jalali
years 1300-1500 (measured by ``tests/core/test_calendar.py``); the two rules first part
outside that window (Nowruz falls on a different day in 1243, 1255, 1259, 1267, 1271, 1276,
1503, 1602, 1635). Qt's QCalendar Jalali uses yet another leap rule (it disagrees in 1437
and 1470), so the UI must convert through this module, never through Qt.

Hijri lunar dates come from convertdate's ``islamic`` module, the tabular (arithmetical)
Islamic calendar. Iran's official lunar calendar follows moon sightings, so a Hijri date
here can differ from the official one by a day or two; treat it as an approximation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime
from convertdate import islamic

JALALI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
GREGORIAN_MONTHS_FA = (
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
)
HIJRI_MONTHS = (
    "محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی",
    "رجب", "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذی‌الحجه",
)
# Index 0 is Saturday: the Iranian week starts on Saturday.
WEEKDAYS_FA = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")

# Spellings met in Persian news (after ي/ك folding), mapped to the month number. Written
# with a plain space where a ZWNJ, a space or nothing may appear; dates.py builds its
# patterns from these tables so both modules agree on what a month name is.
JALALI_MONTH_SPELLINGS: dict[str, int] = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
GREGORIAN_MONTH_SPELLINGS: dict[str, int] = {
    "ژانویه": 1, "ژانویهٔ": 1, "جانویه": 1, "ژانویۀ": 1,
    "فوریه": 2, "فبروری": 2, "فوریهٔ": 2,
    "مارس": 3, "مارچ": 3,
    "آوریل": 4, "آپریل": 4, "اپریل": 4, "اوریل": 4,
    "مه": 5, "می": 5, "مئی": 5,
    "ژوئن": 6, "ژوین": 6, "جون": 6, "ژون": 6,
    "ژوئیه": 7, "ژوییه": 7, "جولای": 7, "ژوئیهٔ": 7, "ژولای": 7,
    "اوت": 8, "آگوست": 8, "اگوست": 8, "آگست": 8, "اوگوست": 8,
    "سپتامبر": 9,
    "اکتبر": 10, "اکتوبر": 10,
    "نوامبر": 11, "نوومبر": 11,
    "دسامبر": 12, "دیسامبر": 12,
}
HIJRI_MONTH_SPELLINGS: dict[str, int] = {
    "محرم": 1, "محرم الحرام": 1, "صفر": 2,
    "ربیع الاول": 3, "ربیع الأول": 3, "ربیع الثانی": 4, "ربیع الآخر": 4, "ربیع الاخر": 4,
    "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی الأولی": 5,
    "جمادی الثانی": 6, "جمادی الثانیه": 6, "جمادی الآخر": 6, "جمادی الاخر": 6, "جمادی الآخره": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذی القعده": 11, "ذیقعده": 11, "ذی القعدة": 11, "ذی الحجه": 12, "ذیحجه": 12, "ذی الحجة": 12,
}

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
DIGITS_TO_ASCII = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN = str.maketrans("0123456789" + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2)

# The Gregorian span the converters accept; outside it jdatetime or convertdate fail.
MIN_DATE = dt.date(622, 3, 22)
MAX_DATE = dt.date(9000, 12, 31)


class DateInputError(ValueError):
    """A date the user typed that Khana cannot read; the message is one short line."""


def to_persian_digits(s: str) -> str:
    return s.translate(_TO_PERSIAN)


# --------------------------------------------------------------------------- conversions


def jalali_is_leap(year: int) -> bool:
    return bool(jdatetime.date(year, 1, 1).isleap())


def jalali_month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jalali_is_leap(year) else 29


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Raise ValueError for a day that does not exist (1402/12/30, 1402/13/01)."""
    if not (1 <= month <= 12 and 1 <= day <= jalali_month_length(year, month)):
        raise ValueError(f"no such Jalali day {year}/{month}/{day}")
    result: dt.date = jdatetime.date(year, month, day).togregorian()
    return result


def gregorian_to_jalali(d: dt.date) -> tuple[int, int, int]:
    j = jdatetime.date.fromgregorian(date=d)
    return (j.year, j.month, j.day)


def hijri_month_length(year: int, month: int) -> int:
    return int(islamic.month_length(year, month))


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    if not (1 <= year and 1 <= month <= 12 and 1 <= day <= hijri_month_length(year, month)):
        raise ValueError(f"no such Hijri day {year}/{month}/{day}")
    return dt.date(*islamic.to_gregorian(year, month, day))


def gregorian_to_hijri(d: dt.date) -> tuple[int, int, int]:
    y, m, day = islamic.from_gregorian(d.year, d.month, d.day)
    return (int(y), int(m), int(day))


def weekday_index(d: dt.date) -> int:
    """0 for Saturday ... 6 for Friday, the Iranian week."""
    return (d.weekday() + 2) % 7


def jalali_iso(d: dt.date) -> str:
    y, m, day = gregorian_to_jalali(d)
    return f"{y:04d}-{m:02d}-{day:02d}"


# --------------------------------------------------------------------------- converter box


@dataclass(frozen=True)
class Conversion:
    """One day shown in the three calendars, for the UI's converter box."""

    gregorian: dt.date
    jalali: tuple[int, int, int]
    hijri: tuple[int, int, int]
    weekday_fa: str

    def jalali_text(self) -> str:
        y, m, d = self.jalali
        return to_persian_digits(f"{d} {JALALI_MONTHS[m - 1]} {y}")

    def gregorian_text(self) -> str:
        g = self.gregorian
        return to_persian_digits(f"{g.day} {GREGORIAN_MONTHS_FA[g.month - 1]} {g.year}")

    def hijri_text(self) -> str:
        y, m, d = self.hijri
        return to_persian_digits(f"{d} {HIJRI_MONTHS[m - 1]} {y}")


def conversion_for(d: dt.date) -> Conversion:
    if not MIN_DATE <= d <= MAX_DATE:
        raise DateInputError("این تاریخ خارج از بازه‌ی پشتیبانی‌شده است")
    return Conversion(
        gregorian=d,
        jalali=gregorian_to_jalali(d),
        hijri=gregorian_to_hijri(d),
        weekday_fa=WEEKDAYS_FA[weekday_index(d)],
    )


_NUMERIC = re.compile(r"(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})")
_NAMED = re.compile(r"(\d{1,2})\s+(\D+?)\s+(\d{3,4})")


def _normalise_input(s: str) -> str:
    s = s.translate(DIGITS_TO_ASCII).replace("ي", "ی").replace("ك", "ک")
    s = s.replace("\u200c", " ").replace("\u00a0", " ")
    return " ".join(s.split())


def _date_from_parts(year: int, month: int, day: int, *, jalali: bool) -> dt.date:
    try:
        return jalali_to_gregorian(year, month, day) if jalali else dt.date(year, month, day)
    except (ValueError, OverflowError):
        cal = "شمسی" if jalali else "میلادی"
        raise DateInputError(f"چنین روزی در تقویم {cal} وجود ندارد: {year}/{month}/{day}") from None


def _parse_numeric(s: str) -> dt.date | None:
    m = _NUMERIC.fullmatch(s)
    if not m:
        return None
    a, b, c = m.group(1), m.group(3), m.group(4)
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        # Day first, as Persian and European writers do.
        year, month, day = int(c), int(b), int(a)
    else:
        raise DateInputError("سال را چهاررقمی بنویسید، مثلاً ۱۴۰۲/۰۶/۲۲")
    return _date_from_parts(year, month, day, jalali=year < 1700)


def _parse_named(s: str) -> dt.date | None:
    m = _NAMED.fullmatch(s)
    if not m:
        return None
    day, name, year = int(m.group(1)), m.group(2).replace("ماه", "").strip(), int(m.group(3))
    if name in JALALI_MONTH_SPELLINGS:
        return _date_from_parts(year, JALALI_MONTH_SPELLINGS[name], day, jalali=True)
    if name in GREGORIAN_MONTH_SPELLINGS:
        return _date_from_parts(year, GREGORIAN_MONTH_SPELLINGS[name], day, jalali=False)
    hijri = HIJRI_MONTH_SPELLINGS.get(name) or HIJRI_MONTH_SPELLINGS.get(name.replace("ال", " ال", 1))
    if hijri:
        try:
            return hijri_to_gregorian(year, hijri, day)
        except (ValueError, OverflowError):
            raise DateInputError(f"چنین روزی در تقویم قمری وجود ندارد: {day} {name} {year}") from None
    raise DateInputError(f"نام ماه را نمی‌شناسم: {name}")


def parse_user_date(s: str) -> Conversion:
    """Read a date typed in the converter box; a year below 1700 means Jalali."""
    if not isinstance(s, str):
        raise DateInputError("تاریخ باید متن باشد")
    text = _normalise_input(s)
    if not text:
        raise DateInputError("تاریخی وارد نشده است")
    try:
        d = _parse_numeric(text) or _parse_named(text)
    except DateInputError:
        raise
    except (ValueError, OverflowError, IndexError):
        d = None
    if d is None:
        raise DateInputError("تاریخ را نفهمیدم؛ مثلاً ۱۴۰۲/۰۶/۲۲ یا ۲۲ شهریور ۱۴۰۲ بنویسید")
    return conversion_for(d)


def parse_article_date(s: str) -> dt.date:
    """Read the CLI's --article-date: YYYY-MM-DD, Gregorian, or Jalali when the year < 1700."""
    text = _normalise_input(s) if isinstance(s, str) else ""
    m = re.fullmatch(r"(\d{4})([/\-.])(\d{1,2})\2(\d{1,2})", text)
    if not m:
        raise DateInputError(f"article date must look like 2023-09-23 or 1402-07-01, not {s!r}")
    year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        return _date_from_parts(year, month, day, jalali=year < 1700)
    except DateInputError:
        raise DateInputError(f"no such day: {s!r}") from None
