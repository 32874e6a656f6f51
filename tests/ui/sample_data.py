"""Hand-made annotations of the sample article, for the sidebar, mentions and timeline tests."""

from __future__ import annotations

import datetime as dt
import random

from reader.core.dates.calendar import jalali_iso
from reader.core.document import Annotations, DateMention, DateRange, Entity, Quote, Span
from reader.core.resources import resource_path

TEXT = resource_path("samples", "mehr-korea-russia.txt").read_text(encoding="utf-8")
ARTICLE_DATE = dt.date(2023, 9, 23)


def spans(*needles: str) -> tuple[Span, ...]:
    """Every occurrence of each needle, in text order."""
    found: set[Span] = set()
    for needle in needles:
        at = TEXT.find(needle)
        assert at != -1, needle
        while at != -1:
            found.add(Span(at, at + len(needle)))
            at = TEXT.find(needle, at + len(needle))
    return tuple(sorted(found))


def span(needle: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.find(needle, at + 1)
        assert at != -1, needle
    return Span(at, at + len(needle))


def _day(iso: str) -> DateRange:
    return DateRange(iso, iso)


def date_mention(needle: str, kind: str, first: str | None, last: str | None = None, nth: int = 0) -> DateMention:
    s = span(needle, nth)
    if first is None:
        return DateMention(s.start, s.end, kind)
    last = last or first
    g = DateRange(first, last)
    j = DateRange(jalali_iso(dt.date.fromisoformat(first)), jalali_iso(dt.date.fromisoformat(last)))
    return DateMention(s.start, s.end, kind, gregorian=g, jalali=j)


PEOPLE = (
    Entity("per-blinken", "PER", "آنتونی بلینکن", "وزیر خارجه آمریکا", spans("بلینکن")),
    Entity("per-park", "PER", "پارک جین", "وزیر امور خارجه کره جنوبی", spans("پارک جین")),
    Entity("per-kamikawa", "PER", "یوکو کامیکاوا", "وزیر امور خارجه ژاپن", spans("یوکو کامیکاوا")),
    Entity("per-kim", "PER", "کیم جونگ اون", "رهبر کره شمالی", spans("کیم جونگ اون", "کیم جونگاون")),
    Entity("per-putin", "PER", "ولادیمیر پوتین", "رئیسجمهور روسیه", spans("پوتین")),
    Entity("per-yoon", "PER", "یون سوک یول", "رئیس جمهور کره جنوبی", spans("یون سوک یول")),
    Entity("per-shoigu", "PER", "سرگئی شویگو", "وزیر دفاع روسیه", spans("سرگئی شویگو")),
)
OTHERS = (
    Entity("loc-russia", "LOC", "روسیه", None, spans("روسیه")),
    Entity("loc-nk", "LOC", "کره شمالی", None, spans("کره شمالی")),
    Entity("loc-vladivostok", "LOC", "ولادیوستوک", None, spans("ولادیوستوک")),
    Entity("org-mehr", "ORG", "خبرگزاری مهر", None, spans("خبرگزاری مهر")),
    Entity("org-un", "ORG", "شورای امنیت سازمان ملل", None, spans("شورای امنیت سازمان ملل")),
    Entity("tim-4h", "TIM", "۴ ساعته", None, spans("۴ ساعته")),
)


def _quote(opening: str, speaker: str | None, speaker_text: str | None = None) -> Quote:
    start = TEXT.find(opening)
    assert start != -1, opening
    end = TEXT.find("»", start) + 1
    return Quote(start, end, speaker, speaker_text)


def _said(opening: str, closing: str, speaker: str | None) -> Quote:
    start = TEXT.find(opening)
    end = TEXT.find(closing, start) + len(closing)
    return Quote(start, end, speaker)


QUOTES = (
    _quote("«بلینکن، وزیر خارجه", None, "این بیانیه"),
    _quote("«تحریک مستقیم»", "per-yoon"),
    _said("بسیار خوشحالم", "گفتگو کنیم.", "per-putin"),
    _quote("«برای کره شمالی، روابط", "per-kim"),
    _said("اطمینان دارم", "در کنار روسیه هستیم.", "per-kim"),
    _quote("«نگرانی شدید»", None),
)

DATES = (
    date_mention("امروز شنبه", "relative", "2023-09-23"),
    date_mention("روز جمعه", "relative", "2023-09-22"),
    date_mention("هفته گذشته", "relative", "2023-09-16", "2023-09-22"),
    date_mention("۵ روزه", "duration", None),
    date_mention("چهارشنبه گذشته", "relative", "2023-09-20"),
    date_mention("اخیر", "relative", None),
    date_mention("۱۳ سپتامبر", "date", "2023-09-13"),
    date_mention("۱۳ سپتامبر", "date", "2023-09-13", nth=1),
    date_mention("۲۲ شهریور", "date", "2023-09-13"),
    date_mention("۴ ساعته", "duration", None),
    date_mention("۷۵ سال", "duration", None),
)


def sample_annotations() -> Annotations:
    return Annotations(
        text=TEXT,
        title="ابراز نگرانی آمریکا، کره جنوبی و ژاپن از همکاری نظامی روسیه و کره شمالی",
        article_date=ARTICLE_DATE,
        entities=PEOPLE + OTHERS,
        quotes=tuple(sorted(QUOTES, key=lambda q: q.start)),
        dates=tuple(sorted(DATES, key=lambda d: d.start)),
    )


def random_dates_annotations(count: int = 100, years: int = 30, seed: int = 5) -> Annotations:
    """An article mentioning ``count`` random days and ranges over ``years`` years."""
    rng = random.Random(seed)
    words = [f"تاریخ{i}" for i in range(count)]
    text = " ".join(words) + "."
    first = dt.date(1995, 1, 1)
    dates = []
    at = 0
    for index, word in enumerate(words):
        day = first + dt.timedelta(days=rng.randrange(years * 365))
        if index % 10 == 0:
            last = day + dt.timedelta(days=rng.randrange(2, 400))
            dates.append(DateMention(at, at + len(word), "range", DateRange(day.isoformat(), last.isoformat()),
                                     DateRange(jalali_iso(day), jalali_iso(last))))
        elif index % 17 == 0:
            dates.append(DateMention(at, at + len(word), "relative"))
        else:
            dates.append(DateMention(at, at + len(word), "date", _day(day.isoformat()), _day(jalali_iso(day))))
        at += len(word) + 1
    return Annotations(text=text, article_date=dt.date(2010, 6, 1), dates=tuple(dates))


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events; QTest.keyClicks only knows ASCII."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
