"""Persian labels and date formatting for the exports people read (the HTML copy)."""

from __future__ import annotations

import datetime as dt

from reader.core.dates.calendar import GREGORIAN_MONTHS_FA as GREGORIAN_MONTHS
from reader.core.dates.calendar import JALALI_MONTHS, to_persian_digits
from reader.core.document import DateMention, DateRange
from reader.core.palette import TYPE_NAMES

# The window's words for the types (reader.core.palette), in the order the copy lists them.
ENTITY_LABELS = dict(TYPE_NAMES)
# How a mention names its entity, for the annotated copy's hints («رهبر کره شمالی» is a title).
MENTION_KIND_LABELS = {"name": "نام", "title": "عنوان", "pronoun": "ضمیر"}
DATE_KIND_LABELS = {
    "date": "تاریخ",
    "range": "بازه",
    "relative": "نسبی",
    "duration": "مدت",
    "time": "ساعت",
}


def fa_digits(value: object) -> str:
    return to_persian_digits(str(value))


def _format_day(iso: str, months: tuple[str, ...]) -> str:
    # Values come from a file that may have been edited: anything that is not a
    # real month is shown as written rather than raising.
    try:
        year, month, day = (int(p) for p in iso.split("-"))
        name = months[month - 1] if 1 <= month <= 12 else None
    except ValueError:
        name = None
    if name is None:
        return fa_digits(iso)
    return f"{fa_digits(day)} {name} {fa_digits(year)}"


def format_range(r: DateRange | None, months: tuple[str, ...]) -> str:
    if r is None:
        return "—"
    if r.start == r.end:
        return _format_day(r.start, months)
    return f"{_format_day(r.start, months)} تا {_format_day(r.end, months)}"


def both_calendars(d: DateMention) -> tuple[str, str]:
    """(Jalali, Gregorian) text for a date mention, converting when only one was resolved."""
    jalali, gregorian = d.jalali, d.gregorian
    if jalali is None and gregorian is not None:
        jalali = _convert(gregorian, to_jalali=True)
    elif gregorian is None and jalali is not None:
        gregorian = _convert(jalali, to_jalali=False)
    return format_range(jalali, JALALI_MONTHS), format_range(gregorian, GREGORIAN_MONTHS)


def format_article_date(date: dt.date) -> str:
    """An article's date as 'Jalali (Gregorian)'."""
    iso = date.isoformat()
    jalali = _convert(DateRange(iso, iso), to_jalali=True)
    greg = _format_day(iso, GREGORIAN_MONTHS)
    if jalali is None:
        return greg
    return f"{_format_day(jalali.start, JALALI_MONTHS)} ({greg})"


def _convert(r: DateRange, *, to_jalali: bool) -> DateRange | None:
    import jdatetime

    def one(iso: str) -> str:
        y, m, d = (int(p) for p in iso.split("-"))
        if to_jalali:
            return jdatetime.date.fromgregorian(date=dt.date(y, m, d)).isoformat()
        return jdatetime.date(y, m, d).togregorian().isoformat()

    try:
        return DateRange(one(r.start), one(r.end))
    except (ValueError, OverflowError):
        return None
