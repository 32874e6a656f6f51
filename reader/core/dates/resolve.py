"""Date values: candidates resolved against the article date, in the Jalali, Gregorian or Hijri calendar.

A day and month without a year take the year nearest to the article's, unless the
sentence's verb points the other way; a weekday looks in the direction the verb
points; relative words («هفته گذشته», «سه روز پیش») need the article date. Without one
nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from reader.core.dates import calendar as cal
from reader.core.dates.lexicon import (
    FUTURE_MOD,
    FUTURE_WORDS,
    GREGORIAN_CUE,
    PAST_FORMS,
    PAST_MOD,
    PAST_WORDS,
    SENTENCE_END,
)


@dataclass
class Candidate:
    """A candidate expression and what it says, before resolution."""

    start: int
    end: int
    kind: str
    calendar: str = "j"  # which calendar the numbers are in: j, g or h
    year: int | None = None
    short_year: bool = False
    month: int | None = None
    day: int | None = None
    year_offset: int | None = None
    weekday: int | None = None
    # A relative expression computes its value from the article date and the sentence.
    relative: Callable[[Context, Candidate], tuple[dt.date, dt.date] | None] | None = None
    # Another mention's value the missing year should be nearest to (a linked pair or range).
    anchor: dt.date | None = None
    value: tuple[dt.date, dt.date] | None = None
    is_time: bool = False  # a part of the day was named («صبح امروز»)
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What candidates are resolved against: the folded text (for tense cues) and the article date."""

    text: str  # folded
    article: dt.date | None


def season_resolver(season: int, offset: int | None, mention: Candidate) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        if offset is None:
            year = _full_year(mention, ctx.article)
            if year is None:
                return None
            if mention.calendar == "g":
                year -= 621
        elif ctx.article is None:
            return None
        else:
            year = cal.gregorian_to_jalali(ctx.article)[0] + offset
        first = 3 * season + 1
        return (_month_span("j", year, first)[0], _month_span("j", year, first + 2)[1])
    return resolve


# --------------------------------------------------------------------------- relative resolvers


def day_offset(offset: int) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        if ctx.article is None:
            return None
        d = ctx.article + dt.timedelta(days=offset)
        return (d, d)
    return resolve


def weekday_resolver(weekday: int, mod: str | None) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        a = ctx.article
        if a is None:
            return None
        today = cal.weekday_index(a)
        words = mod.split() if mod else []
        if words and words[0] in ("این", "هفته"):
            week_offset = 0 if words[0] == "این" or words[-1] == "جاری" else (-1 if words[-1] in PAST_MOD else 1)
            d = a + dt.timedelta(days=weekday - today + 7 * week_offset)
        elif mod in PAST_MOD:
            d = a - dt.timedelta(days=(today - weekday) % 7 or 7)
        elif mod in FUTURE_MOD:
            d = a + dt.timedelta(days=(weekday - today) % 7 or 7)
        elif _tense(ctx.text, m.start, m.end) > 0:
            d = a + dt.timedelta(days=(weekday - today) % 7)
        else:
            # News mostly reports what happened; with no cue the weekday is the last one.
            d = a - dt.timedelta(days=(today - weekday) % 7)
        return (d, d)
    return resolve


def unit_resolver(unit: str, offset: int, era: str | None) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        a = ctx.article
        if a is None:
            return None
        if unit == "هفته":
            start = a - dt.timedelta(days=cal.weekday_index(a)) + dt.timedelta(days=7 * offset)
            return (start, start + dt.timedelta(days=6))
        gregorian = era == "میلادی" or (era is None and _sentence_is_gregorian(ctx.text, m.start))
        if unit == "ماه":
            if gregorian:
                y, mo = divmod(a.year * 12 + a.month - 1 + offset, 12)
                return _month_span("g", y, mo + 1)
            jy, jm, _ = cal.gregorian_to_jalali(a)
            y, mo = divmod(jy * 12 + jm - 1 + offset, 12)
            return _month_span("j", y, mo + 1)
        if gregorian:
            return _year_span("g", a.year + offset)
        return _year_span("j", cal.gregorian_to_jalali(a)[0] + offset)
    return resolve


def _shift(a: dt.date, unit: str, n: int) -> dt.date:
    """The day ``n`` units from ``a``; months and years move in the Jalali calendar."""
    if unit in ("روز", "شبانهروز"):
        return a + dt.timedelta(days=n)
    if unit == "هفته":
        return a + dt.timedelta(days=7 * n)
    if unit in ("ماه", "سال", "دهه", "قرن", "سده"):
        months = n * {"ماه": 1, "سال": 12, "دهه": 120, "قرن": 1200, "سده": 1200}[unit]
        jy, jm, jd = cal.gregorian_to_jalali(a)
        y, mo = divmod(jy * 12 + jm - 1 + months, 12)
        return cal.jalali_to_gregorian(y, mo + 1, min(jd, cal.jalali_month_length(y, mo + 1)))
    return a  # hours, minutes: still the article's day


def count_point(unit: str, n: int) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        if ctx.article is None:
            return None
        d = _shift(ctx.article, unit, n)
        if unit == "ماه":
            jy, jm, _ = cal.gregorian_to_jalali(d)
            return _month_span("j", jy, jm)
        if unit == "سال":
            return _year_span("j", cal.gregorian_to_jalali(d)[0])
        return (d, d)
    return resolve


def count_span(unit: str, n: int) -> Callable[[Context, Candidate], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: Context, m: Candidate) -> tuple[dt.date, dt.date] | None:
        a = ctx.article
        if a is None:
            return None
        other = _shift(a, unit, n)
        return (other, a) if n < 0 else (a, other)
    return resolve


# --------------------------------------------------------------------------- sentence cues


def _sentence(f: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in SENTENCE_END.finditer(f, 0, start)), default=0)
    right_match = SENTENCE_END.search(f, end)
    return left, right_match.start() if right_match else len(f)


def _cue(word: str, following: str) -> int:
    w = word.replace("\u200c", "")
    if w in FUTURE_WORDS or (w == "قرار" and following == "است"):
        return 1
    if w in PAST_FORMS or w in PAST_WORDS:
        return -1
    if w in ("می", "نمی"):
        return -1 if following.replace("\u200c", "") in PAST_FORMS else 1
    if re.match("ن?می\u200c", word) or (
            w.startswith(("می", "نمی")) and len(w) > 4 and w[-1] in "دمی"
            and not w.startswith(("میز", "میان", "میل", "میدان", "میراث", "میرزا", "میهن", "میوه", "میهمان", "میکرو"))):
        return 1  # a present-tense verb: in news, a scheduled or ongoing event
    return 0


def _tense(f: str, start: int, end: int) -> int:
    """+1 if the sentence around the span points to the future, -1 to the past, 0 if unknown.

    The verb that governs a time adverb usually follows it (Persian is verb-final), so the
    first cue after the mention decides; only without one do the words before it count.
    """
    left, right = _sentence(f, start, end)
    after = re.findall(r"[\w\u200c]+", f[end:right])
    for i, word in enumerate(after):
        c = _cue(word, after[i + 1] if i + 1 < len(after) else "")
        if c:
            return c
    before = re.findall(r"[\w\u200c]+", f[left:start])
    for i in range(len(before) - 1, -1, -1):
        c = _cue(before[i], before[i + 1] if i + 1 < len(before) else "")
        if c:
            return c
    return 0


def _sentence_is_gregorian(f: str, pos: int) -> bool:
    left, right = _sentence(f, pos, pos)
    return bool(GREGORIAN_CUE.search(f, left, right))


# --------------------------------------------------------------------------- calendar values


def to_gregorian(calendar_: str, y: int, m: int, d: int) -> dt.date:
    if calendar_ == "j":
        return cal.jalali_to_gregorian(y, m, d)
    if calendar_ == "h":
        return cal.hijri_to_gregorian(y, m, d)
    return dt.date(y, m, d)


def _month_length(calendar_: str, y: int, m: int) -> int:
    if calendar_ == "j":
        return cal.jalali_month_length(y, m)
    if calendar_ == "h":
        return cal.hijri_month_length(y, m)
    return ((dt.date(y + m // 12, m % 12 + 1, 1)) - dt.date(y, m, 1)).days


def _month_span(calendar_: str, y: int, m: int) -> tuple[dt.date, dt.date]:
    return (to_gregorian(calendar_, y, m, 1), to_gregorian(calendar_, y, m, _month_length(calendar_, y, m)))


def _year_span(calendar_: str, y: int) -> tuple[dt.date, dt.date]:
    return (to_gregorian(calendar_, y, 1, 1), to_gregorian(calendar_, y, 12, _month_length(calendar_, y, 12)))


def year_of(calendar_: str, d: dt.date) -> int:
    if calendar_ == "j":
        return cal.gregorian_to_jalali(d)[0]
    if calendar_ == "h":
        return cal.gregorian_to_hijri(d)[0]
    return d.year


def _full_year(m: Candidate, ref: dt.date | None) -> int | None:
    assert m.year is not None
    if not m.short_year:
        return m.year
    if ref is None:
        return 1300 + m.year if m.year >= 10 else 1400 + m.year
    ref_year = cal.gregorian_to_jalali(ref)[0]
    candidates = [c for c in (1300 + m.year, 1400 + m.year) if c <= ref_year + 1]
    return max(candidates) if candidates else 1300 + m.year


def _span_for(m: Candidate, y: int) -> tuple[dt.date, dt.date]:
    if m.month is None:
        return _year_span(m.calendar, y)
    if m.day is None:
        return _month_span(m.calendar, y, m.month)
    d = to_gregorian(m.calendar, y, m.month, m.day)
    return (d, d)


def _resolve_calendar(m: Candidate, ctx: Context) -> tuple[dt.date, dt.date] | None:
    ref = m.anchor or ctx.article
    if m.year is not None:
        y = _full_year(m, ref)
        return None if y is None else _span_for(m, y)
    if m.year_offset is not None:
        if ctx.article is None:
            return None
        year_cal = str(m.extra.get("year_calendar", m.calendar))
        if year_cal != m.calendar:
            return None
        return _span_for(m, year_of(m.calendar, ctx.article) + m.year_offset)
    if ref is None or m.month is None:
        return None
    base = year_of(m.calendar, ref)
    # Nearest to the article, unless the verb says otherwise: «پنجم دی کشته شد» is past.
    tense = _tense(ctx.text, m.start, m.end) if m.anchor is None else 0
    best: tuple[tuple[int, int, int], tuple[dt.date, dt.date]] | None = None
    for y in (base - 1, base, base + 1):
        try:
            span = _span_for(m, y)
        except (ValueError, OverflowError):
            continue
        distance = 0 if span[0] <= ref <= span[1] else min(abs((span[0] - ref).days), abs((span[1] - ref).days))
        weekday_miss = int(m.weekday is not None and m.day is not None and cal.weekday_index(span[0]) != m.weekday)
        against_tense = int((tense < 0 and span[0] > ref) or (tense > 0 and span[1] < ref))
        key = (weekday_miss, against_tense, distance)
        if best is None or key < best[0]:
            best = (key, span)
    return best[1] if best else None


def resolve_candidate(m: Candidate, ctx: Context) -> tuple[dt.date, dt.date] | None:
    try:
        if m.relative is not None:
            return m.relative(ctx, m)
        if m.month is not None or m.year is not None:
            return _resolve_calendar(m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None
    return None

