"""Persian date expressions in news text, found and resolved in the Jalali and Gregorian calendars.

Matching runs on ``text.fold(text)``, a same-length copy (one form per letter, ASCII
digits, plain spaces), so every regex offset is an offset in the user's text. Each pattern
family proposes candidates; the earliest, longest ones win; then neighbours are combined
(«امروز شنبه» + a date, «از ۱ تا ۵ مهر», «۱۳ سپتامبر (۲۲ شهریور)»). Values are resolved
against the article date the way a careful reader would: relative words need it, a day
and month without a year take the year nearest to it, and a weekday looks in the
direction the sentence's verb points. Without an article date nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from reader.core import calendar as cal
from reader.core.document import DateMention, DateRange
from reader.core.text import fold

SP = r"[ \u200c]+"
OSP = r"[ \u200c]*"
LB = r"(?<![\w\u200c])"
RB = r"(?![\w\u200c])"


def _alt(words: object) -> str:
    """An alternation preferring longer spellings; a space in a spelling may be space, ZWNJ or nothing."""
    parts = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", OSP) for w in parts) + ")"


def _key(s: str) -> str:
    return re.sub(r"[ \u200c]+", "", s)


# --------------------------------------------------------------------------- lexicon

_UNITS = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
_ORD_UNITS = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]

_DAY_WORDS: dict[str, int] = {"اول": 1, "هیجده": 18, "هیجدهم": 18, "سی ام": 30, "سیام": 30}
for _i, _w in enumerate(_UNITS):
    _DAY_WORDS[_w] = _i + 1
    _DAY_WORDS[_ORD_UNITS[_i]] = _i + 1
    _DAY_WORDS[f"بیست و {_w}"] = 21 + _i
    _DAY_WORDS[f"بیست و {_ORD_UNITS[_i]}"] = 21 + _i
for _i, _w in enumerate(_TEENS):
    _DAY_WORDS[_w] = 10 + _i
    _DAY_WORDS[_w + "م"] = 10 + _i
_DAY_WORDS.update({"بیست": 20, "بیستم": 20, "سی": 30, "سی و یک": 31, "سی و یکم": 31})
_DAY_WORD_VALUE = {_key(k): v for k, v in _DAY_WORDS.items()}

_COUNT_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
_COUNT_WORDS.update({w: 10 + i for i, w in enumerate(_TEENS)})
_COUNT_WORDS.update({
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90,
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900, "هزار": 1000, "یکسال": 1,
})
_VAGUE_COUNTS = ["چند", "چندین", "نیم", "یکی دو", "دو سه"]

_WEEKDAY_SPELLINGS: dict[str, int] = {
    "شنبه": 0, "یک شنبه": 1, "دو شنبه": 2, "سه شنبه": 3, "چهار شنبه": 4, "پنج شنبه": 5, "جمعه": 6,
}
_PARTS = ["صبح", "ظهر", "عصر", "شب", "بامداد", "شامگاه", "غروب", "نیمه شب", "بعد از ظهر",
          "پیش از ظهر", "قبل از ظهر", "صبحگاه", "سحر", "ظهر"]
_ERAS = ["میلادی", "شمسی", "خورشیدی", "هجری شمسی", "هجری خورشیدی", "هجری قمری", "قمری", "هجری"]

# Month names that are also common words («مهر»: seal, Mehr news agency; «تیر»: arrow,
# bullet; «دی»; «بهمن»: avalanche; many are first names): they need a day, a year or «ماه».
_BARE_OK_J = {"فروردین", "اردیبهشت", "شهریور", "امرداد"}
_BARE_OK_H = {_key(k) for k in cal.HIJRI_MONTH_SPELLINGS if " " in k or k == "ذیقعده" or k == "ذیحجه"}
_NEEDS_YEAR_G = {"مه", "می", "مئی"}
_BARE_BAD_G = _NEEDS_YEAR_G | {"جون", "مارچ"}

_J_MONTH = _alt(cal.JALALI_MONTH_SPELLINGS)
_G_MONTH = _alt(cal.GREGORIAN_MONTH_SPELLINGS)
_H_MONTH = _alt(cal.HIJRI_MONTH_SPELLINGS)
_J_LOOKUP = {_key(k): v for k, v in cal.JALALI_MONTH_SPELLINGS.items()}
_G_LOOKUP = {_key(k): v for k, v in cal.GREGORIAN_MONTH_SPELLINGS.items()}
_H_LOOKUP = {_key(k): v for k, v in cal.HIJRI_MONTH_SPELLINGS.items()}

_DAYNUM = r"(?:[0-9]{1,2}|" + _alt(_DAY_WORDS) + ")"
_COUNT = r"(?:[0-9]+(?:[.,/٫][0-9]+)?|" + _alt(list(_COUNT_WORDS) + _VAGUE_COUNTS) + "(?:" + SP + "و" + SP + _alt(_COUNT_WORDS) + ")*)"
_WEEKDAY = _alt(_WEEKDAY_SPELLINGS)
_PART = _alt(_PARTS)
_ERA = _alt(_ERAS)
_REL_YEAR = r"(?:امسال|پارسال|سال" + SP + r"(?:جاری|گذشته|قبل|پیش|آینده|بعد|آتی))(?:" + SP + r"(?:میلادی|شمسی|خورشیدی))?"
_YEAR_OFFSETS = {"امسال": 0, "پارسال": -1, "جاری": 0, "گذشته": -1, "قبل": -1, "پیش": -1,
                 "آینده": 1, "بعد": 1, "آتی": 1}
# Two-digit years after a month name only count when nothing noun-like follows: «۱۵ مهر ۹۵،»
# is a date, «۱۵ مهر ۲۰ نفر» is not.
_YY_END = r"(?=" + OSP + r"(?:[^\w\u200c]|$|(?:تا|و|در|به|از|که|را|بود|است|هم|نیز)" + RB + "))"

_DATE_RE = re.compile(
    LB + r"(?:(?P<ruz>روز)" + SP + ")?"
    r"(?:(?P<day>" + _DAYNUM + ")" + SP + ")?"
    r"(?:(?P<mahpre>ماه)" + SP + r"(?:مبارک" + SP + ")?)?"
    r"(?:(?P<jm>" + _J_MONTH + ")|(?P<gm>" + _G_MONTH + ")|(?P<hm>" + _H_MONTH + "))"
    r"(?P<mahsuf>" + OSP + "ماه)?"
    r"(?:(?P<ytail>" + SP + r"(?:سال" + SP + r")?(?P<year>[0-9]{4}|[0-9]{3}(?=" + SP + _ERA + ")|[0-9]{2}" + _YY_END + r")"
    r"(?:" + SP + r"(?P<era>" + _ERA + r"))?)"
    r"|" + SP + r"(?P<ryear>" + _REL_YEAR + "))?" + RB
)
_SEASONS = {"بهار": 0, "تابستان": 1, "پاییز": 2, "پائیز": 2, "زمستان": 3}
_SEASON_RE = re.compile(
    LB + r"(?P<season>" + _alt(_SEASONS) + ")"
    r"(?:" + SP + r"(?:سال" + SP + r")?(?P<year>[0-9]{4}|[0-9]{2}" + _YY_END + r")(?:" + SP + r"(?P<era>" + _ERA + "))?"
    r"|" + SP + r"(?P<ryear>" + _REL_YEAR + "))" + RB
)
_NUMERIC_RE = re.compile(
    r"(?<![0-9/.\-\w])(?P<a>[0-9]{1,4})(?P<s>[/\-.])(?P<b>[0-9]{1,2})(?P=s)(?P<c>[0-9]{1,4})(?![0-9\w]|[/.\-][0-9])"
)
_YEAR_RE = re.compile(
    LB + r"(?:سال(?:" + OSP + r"های?)?" + SP + r"(?P<y>[0-9]{2,4})|(?P<y2>[0-9]{3,4})(?=" + SP + _ERA + "))"
    r"(?:" + OSP + r"(?:[-–]|" + SP + r"تا" + SP + r"(?:سال" + SP + r")?)" + OSP + r"(?P<y3>[0-9]{2,4}))?"
    r"(?:" + SP + r"(?P<era>" + _ERA + "))?" + RB
)
_YEAR_SPAN_RE = re.compile(r"(?<![0-9\w/.\-])(?P<y>1[2-4][0-9]{2}|19[0-9]{2}|20[0-9]{2})[-–](?P<y3>1[2-4][0-9]{2}|19[0-9]{2}|20[0-9]{2})(?![0-9\w]|[/.\-][0-9])")
_DAYPHRASE_RE = re.compile(
    LB + r"(?:(?P<p1>" + _PART + ")" + SP + r"(?:روز" + SP + ")?)?"
    r"(?:(?P<rd>امروز|دیروز|فردا|پریروز|پس" + OSP + r"فردا|امشب|دیشب|روز" + SP + r"گذشته)"
    r"(?:" + SP + r"(?P<p2>" + _PART + "))?(?:" + SP + r"(?:روز" + SP + r")?(?P<wd>" + _WEEKDAY + "))?"
    r"|(?:روز" + SP + r")?(?P<wd2>" + _WEEKDAY + "))"
    r"(?:[ \u200c]ی(?=" + SP + "))?"
    r"(?:" + SP + r"(?P<p3>" + _PART + "))?"
    r"(?:" + SP + r"(?P<mod>گذشته|قبل|پیش|آینده|بعد|آتی|این" + SP + r"هفته|هفته" + SP + r"(?:گذشته|قبل|پیش|آینده|بعد|جاری)))?" + RB
)
_UNITREL_RE = re.compile(
    LB + r"(?:(?P<this>این|همین)" + SP + r"(?P<unit1>هفته)"
    r"|(?P<unit>هفته|ماه|سال)(?:" + OSP + r"ی)?" + SP + r"(?P<mod>گذشته|پیش|قبل|آینده|بعد|جاری|آتی)"
    r"|(?P<word>امسال|پارسال))"
    r"(?:" + SP + r"(?P<era>میلادی|شمسی|خورشیدی))?" + RB
)
_COUNT_RE = re.compile(
    LB + r"(?P<n>" + _COUNT + ")" + OSP
    + r"(?P<unit>ثانیه|دقیقه|ساعت|شبانه" + OSP + r"روز|روز|هفته|ماه|سال|دهه|قرن|سده)(?P<adj>ه)?(?:" + OSP + r"ای)?"
    r"(?:" + SP + r"(?P<mod>پیش|قبل|گذشته|اخیر|آینده|آتی|بعد|دیگر|پس)(?P<az>" + SP + r"از)?)?" + RB
)
_TIME_RE = re.compile(
    LB + r"(?:(?:" + _PART + ")" + SP + r")?ساعت" + SP + r"[0-9]{1,2}(?::[0-9]{2})?(?:" + SP + r"و" + SP + r"[0-9]{1,2}" + SP + r"دقیقه)?"
    r"(?:" + SP + _PART + ")?" + RB
    + r"|(?<![0-9:/.\w])[0-9]{1,2}:[0-5][0-9](?::[0-5][0-9])?(?![0-9\w]|[:/.][0-9])(?:" + SP + _PART + RB + ")?"
    + r"|" + LB + r"[0-9]{1,2}" + SP + r"(?:صبح|بامداد|بعد" + OSP + r"از" + OSP + r"ظهر|عصر|شب)" + RB
)
_PAST_MOD = {"گذشته", "قبل", "پیش"}
_FUTURE_MOD = {"آینده", "بعد", "آتی"}


# --------------------------------------------------------------------------- candidates


@dataclass
class _Mention:
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
    relative: Callable[["_Context", "_Mention"], tuple[dt.date, dt.date] | None] | None = None
    # Another mention's value the missing year should be nearest to (a linked pair or range).
    anchor: dt.date | None = None
    value: tuple[dt.date, dt.date] | None = None
    is_time: bool = False  # a part of the day was named («صبح امروز»)
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class _Context:
    text: str  # folded
    article: dt.date | None


def _day_value(s: str | None) -> int | None:
    if s is None:
        return None
    return int(s) if s.isascii() and s.isdigit() else _DAY_WORD_VALUE.get(_key(s))


def _count_value(s: str) -> float | None:
    if s.isascii() and s.replace(".", "", 1).isdigit():
        return float(s)
    total = 0
    for part in re.split(SP + "و" + SP, s):
        v = _COUNT_WORDS.get(_key(part)) or _COUNT_WORDS.get(part.strip())
        if v is None:
            return None
        total += v
    return float(total)


def _date_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _DATE_RE.finditer(f):
        day = _day_value(m.group("day"))
        if day is not None and not 1 <= day <= 31:
            continue
        month_text = _key(m.group("jm") or m.group("gm") or m.group("hm"))
        calendar_ = "j" if m.group("jm") else "g" if m.group("gm") else "h"
        lookup = {"j": _J_LOOKUP, "g": _G_LOOKUP, "h": _H_LOOKUP}[calendar_]
        start, end = m.start(), m.end()
        # A cardinal number word («پنج مهر»); ordinals («پنجم دی») are unambiguous.
        word_day = day is not None and not m.group("day").isdigit() and not m.group("day").endswith(("م", "اول"))
        has_mah = bool(m.group("mahpre") or m.group("mahsuf"))
        year, short, era = None, False, m.group("era")
        if m.group("year"):
            year = int(m.group("year"))
            short = len(m.group("year")) == 2
            if not _plausible_year(year, calendar_, short, era):
                year, end = None, m.start("ytail")
        has_year = year is not None or m.group("ryear") is not None
        if not _month_allowed(calendar_, month_text, day, word_day, has_mah, has_year):
            continue
        if m.group("ruz") and day is None:
            start = m.start("mahpre") if m.group("mahpre") else m.start("jm" if calendar_ == "j" else "gm" if calendar_ == "g" else "hm")
        mention = _Mention(start, end, "date", calendar_, year, short, lookup[month_text], day)
        if m.group("ryear") and not m.group("year"):
            words = m.group("ryear").split()
            mention.year_offset = _YEAR_OFFSETS.get(words[-1] if words[-1] in _YEAR_OFFSETS else words[min(1, len(words) - 1)], 0)
            if "میلادی" in m.group("ryear"):
                mention.extra["year_calendar"] = "g"
        if day is None:
            mention.kind = "range"
        out.append(mention)
    return out


def _plausible_year(year: int, calendar_: str, short: bool, era: str | None) -> bool:
    if short:
        return calendar_ == "j"
    if calendar_ == "j":
        return 1200 <= year <= 1499
    if calendar_ == "h":
        return 1 <= year <= 1499
    return 1000 <= year <= 2199 if era is None else year >= 1


def _month_allowed(calendar_: str, month: str, day: int | None, word_day: bool, has_mah: bool, has_year: bool) -> bool:
    if calendar_ == "j":
        if day is None:
            return month in _BARE_OK_J or has_mah or has_year
        # «دو تیر» is two bullets and «سه دی» rarely a date; other months read fine after a number word.
        return not word_day or month not in {"تیر", "دی"} or has_mah or has_year
    if calendar_ == "g":
        if month in _NEEDS_YEAR_G:
            return (day is not None and has_year) or has_mah
        return day is not None or has_mah or has_year or month not in _BARE_BAD_G
    if day is not None:
        return month != "صفر" or has_year or has_mah
    return has_mah or has_year or month in _BARE_OK_H


def _season_candidates(f: str) -> list[_Mention]:
    """«تابستان ۱۴۰۲», «زمستان سال گذشته»: three Jalali months (a Gregorian year names the
    Jalali year whose spring starts in it)."""
    out = []
    for m in _SEASON_RE.finditer(f):
        season = _SEASONS[m.group("season")]
        if m.group("year"):
            raw = m.group("year")
            calendar_ = _year_calendar(int(raw), m.group("era"), len(raw) == 2)
            if calendar_ not in ("j", "g"):
                continue
            mention = _Mention(m.start(), m.end(), "range", calendar_, int(raw), len(raw) == 2)
            mention.relative = _season_resolver(season, None, mention)
        else:
            words = m.group("ryear").split()
            offset = _YEAR_OFFSETS.get(words[-1], _YEAR_OFFSETS.get(words[min(1, len(words) - 1)], 0))
            mention = _Mention(m.start(), m.end(), "range")
            mention.relative = _season_resolver(season, offset, mention)
        out.append(mention)
    return out


def _season_resolver(season: int, offset: int | None, mention: _Mention) -> Callable[["_Context", _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
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


def _numeric_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _NUMERIC_RE.finditer(f):
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(c) in (2, 4) and len(a) <= 2 and (len(c) == 4 or m.group("s") == "/"):
            year, month, day = int(c), int(b), int(a)
        else:
            continue
        short = year < 100
        calendar_ = "j" if short or 1200 <= year <= 1499 else "g" if 1900 <= year <= 2099 else None
        if calendar_ is None:
            continue
        if calendar_ == "g" and month > 12 and day <= 12:
            month, day = day, month  # month-first, as English sources write it
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        out.append(_Mention(m.start(), m.end(), "date", calendar_, year, short, month, day))
    return out


def _year_calendar(year: int, era: str | None, short: bool) -> str | None:
    if era:
        e = _key(era)
        if "قمری" in e or e == "هجری":
            return "h"
        return "g" if e == "میلادی" else "j"
    if short or 1200 <= year <= 1499:
        return "j"
    return "g" if 1500 <= year <= 2199 else None


def _year_candidates(f: str) -> list[_Mention]:
    out = []
    for regex in (_YEAR_RE, _YEAR_SPAN_RE):
        for m in regex.finditer(f):
            raw = m.group("y") or m.group("y2")
            era = m.groupdict().get("era")
            short = len(raw) == 2
            if len(raw) == 3 and not era:
                continue
            year = int(raw)
            calendar_ = _year_calendar(year, era, short)
            if calendar_ is None:
                continue
            mention = _Mention(m.start(), m.end(), "range", calendar_, year, short)
            if m.group("y3"):
                last = int(m.group("y3"))
                if len(m.group("y3")) == 2 and not short:
                    last += year // 100 * 100
                mention.extra["last_year"] = last
                if last <= year and not short:
                    continue
            out.append(mention)
    return out


def _dayphrase_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _DAYPHRASE_RE.finditer(f):
        wd_text = m.group("wd") or m.group("wd2")
        if m.group("wd2") and _key(wd_text) == "جمعه" and _preceding_word(f, m.start()) in {"امام", "نماز", "ائمه", "خطبه", "خطبه‌های", "خطیب", "ائمه‌"}:
            continue
        if m.group("wd2") and _key(wd_text) == "شنبه" and re.search(r"(?:یک|دو|سه|چهار|پنج)" + OSP + r"$", f[max(0, m.start() - 6):m.start()]):
            continue  # the tail of «پنج شنبه» written loosely; never a Saturday
        weekday = _WEEKDAYS_BY_KEY[_key(wd_text)] if wd_text else None
        rd = m.group("rd")
        mention = _Mention(m.start(), m.end(), "relative", weekday=weekday)
        mention.is_time = bool(m.group("p1") or m.group("p2") or m.group("p3")) or rd in ("امشب", "دیشب")
        if rd:
            offset = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "فردا": 1, "پریروز": -2}.get(rd)
            if offset is None:
                offset = -1 if "گذشته" in rd else 2  # «روز گذشته» is yesterday, «پس فردا» the day after tomorrow
            mention.relative = _day_offset(offset)
        else:
            mention.relative = _weekday_resolver(weekday or 0, m.group("mod"))
        out.append(mention)
    return out


_WEEKDAYS_BY_KEY = {_key(k): v for k, v in _WEEKDAY_SPELLINGS.items()}


def _preceding_word(f: str, pos: int) -> str:
    m = re.search(r"([\w\u200c]+)[ \u200c]*$", f[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _unitrel_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _UNITREL_RE.finditer(f):
        unit = m.group("unit1") or m.group("unit") or "سال"
        if m.group("this"):
            offset = 0
        elif m.group("word"):
            offset = 0 if m.group("word") == "امسال" else -1
        else:
            offset = _YEAR_OFFSETS[m.group("mod")]
        mention = _Mention(m.start(), m.end(), "range")
        mention.relative = _unit_resolver(unit, offset, m.group("era"))
        out.append(mention)
    return out


def _next_word(f: str, pos: int) -> str:
    m = re.match(r"[ \u200c]*([\w\u200c]+)", f[pos:pos + 30])
    return m.group(1) if m else ""


def _count_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _COUNT_RE.finditer(f):
        unit, mod, az = _key(m.group("unit")), m.group("mod"), m.group("az")
        end = m.end()
        if mod == "پس" and not az:
            end = m.start("mod") - 1
            mod = None
            end = len(f[:end].rstrip(" \u200c"))
        n = _count_value(m.group("n"))
        adj = bool(m.group("adj"))
        if mod and not az and mod in ("گذشته", "پیش") and _next_word(f, m.end()) in {"است", "بود", "باشد", "می"}:
            mod = None  # «سه سال گذشته است»: «three years have passed»
            end = len(f[:m.start("mod")].rstrip(" \u200c"))
        mention = _Mention(m.start(), end, "duration")
        if _preceding_word(f, m.start()) in ("مدت", "طول"):
            mod = None  # «به مدت دو سال دیگر»: how long, not when
            mention.end = end = len(f[:m.start("mod")].rstrip(" \u200c")) if m.group("mod") else end
        if mod and not az and n is not None and n == int(n) and 0 < n <= 5000:
            count = int(n)
            if mod in ("پیش", "قبل") and not adj:
                mention.kind = "relative"
                mention.relative = _count_point(unit, -count)
            elif mod in ("دیگر",) and not adj:
                mention.kind = "relative"
                mention.relative = _count_point(unit, count)
            elif mod == "بعد" and not adj:
                mention.kind = "relative"  # «ده روز بعد»: after some event in the story, not the article
            elif mod in ("گذشته", "اخیر"):
                mention.kind = "range"
                mention.relative = _count_span(unit, -count)
            elif mod in ("آینده", "آتی"):
                mention.kind = "range"
                mention.relative = _count_span(unit, count)
        elif mod == "بعد" and not az:
            mention.kind = "relative"
        elif mod and not az:
            end = len(f[:m.start("mod")].rstrip(" \u200c"))
            mention.end = end
        out.append(mention)
    return out


def _time_candidates(f: str) -> list[_Mention]:
    out = []
    for m in _TIME_RE.finditer(f):
        hours = re.findall(r"[0-9]{1,2}", m.group())[0]
        if int(hours) > 24:
            continue
        out.append(_Mention(m.start(), m.end(), "time"))
    return out


# --------------------------------------------------------------------------- relative resolvers


def _day_offset(offset: int) -> Callable[[_Context, _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
        if ctx.article is None:
            return None
        d = ctx.article + dt.timedelta(days=offset)
        return (d, d)
    return resolve


def _weekday_resolver(weekday: int, mod: str | None) -> Callable[[_Context, _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
        a = ctx.article
        if a is None:
            return None
        today = cal.weekday_index(a)
        words = mod.split() if mod else []
        if words and words[0] in ("این", "هفته"):
            week_offset = 0 if words[0] == "این" or words[-1] == "جاری" else (-1 if words[-1] in _PAST_MOD else 1)
            d = a + dt.timedelta(days=weekday - today + 7 * week_offset)
        elif mod in _PAST_MOD:
            d = a - dt.timedelta(days=(today - weekday) % 7 or 7)
        elif mod in _FUTURE_MOD:
            d = a + dt.timedelta(days=(weekday - today) % 7 or 7)
        elif _tense(ctx.text, m.start, m.end) > 0:
            d = a + dt.timedelta(days=(weekday - today) % 7)
        else:
            # News mostly reports what happened; with no cue the weekday is the last one.
            d = a - dt.timedelta(days=(today - weekday) % 7)
        return (d, d)
    return resolve


def _unit_resolver(unit: str, offset: int, era: str | None) -> Callable[[_Context, _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
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


def _count_point(unit: str, n: int) -> Callable[[_Context, _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
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


def _count_span(unit: str, n: int) -> Callable[[_Context, _Mention], tuple[dt.date, dt.date] | None]:
    def resolve(ctx: _Context, m: _Mention) -> tuple[dt.date, dt.date] | None:
        a = ctx.article
        if a is None:
            return None
        other = _shift(a, unit, n)
        return (other, a) if n < 0 else (a, other)
    return resolve


# --------------------------------------------------------------------------- sentence cues

_PAST_STEMS = (
    "کرد", "گفت", "بود", "شد", "داشت", "داد", "رفت", "آمد", "زد", "کشید", "رسید", "گرفت", "دید",
    "خواست", "ماند", "افزود", "نمود", "پرداخت", "ساخت", "یافت", "گذاشت", "برد", "آورد", "انداخت",
    "نوشت", "خواند", "شناخت", "فرستاد", "پذیرفت", "گشت", "کشت", "ریخت", "بست", "شکست", "گذشت",
    "دانست", "توانست", "افتاد", "ایستاد", "نشست", "پیوست", "کوشید", "پوشید", "بخشید", "شنید",
)
_ENDINGS = ("", "م", "ی", "یم", "ید", "ند", "ه", "ن")
# Bare stems that are everyday nouns too («نشست»: meeting, «شکست»: defeat, «برد»: win).
_NOUN_STEMS = {"نشست", "شکست", "بست", "گشت", "کشت", "ریخت", "پیوست", "برد", "گذشت", "ساخت", "دید", "زد"}
_PAST_FORMS = {p + s + e for s in _PAST_STEMS for e in _ENDINGS for p in ("", "ن", "می", "نمی")} - _NOUN_STEMS
_FUTURE_WORDS = {"خواهد", "خواهند", "خواهیم", "خواهم", "خواهی", "خواهید", "نخواهد", "نخواهند",
                 "آینده", "آتی", "فردا"}
_PAST_WORDS = {"گذشته", "پیش", "اخیر", "دیروز"}
_SENTENCE_END = re.compile(r"[!?؟\n]|\.(?![0-9])")
_GREGORIAN_CUE = re.compile("میلادی|" + _alt(k for k in cal.GREGORIAN_MONTH_SPELLINGS if k not in _BARE_BAD_G))


def _sentence(f: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(f, 0, start)), default=0)
    right_match = _SENTENCE_END.search(f, end)
    return left, right_match.start() if right_match else len(f)


def _cue(word: str, following: str) -> int:
    w = word.replace("\u200c", "")
    if w in _FUTURE_WORDS or (w == "قرار" and following == "است"):
        return 1
    if w in _PAST_FORMS or w in _PAST_WORDS:
        return -1
    if w in ("می", "نمی"):
        return -1 if following.replace("\u200c", "") in _PAST_FORMS else 1
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
    return bool(_GREGORIAN_CUE.search(f, left, right))


# --------------------------------------------------------------------------- calendar values


def _to_gregorian(calendar_: str, y: int, m: int, d: int) -> dt.date:
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
    return (_to_gregorian(calendar_, y, m, 1), _to_gregorian(calendar_, y, m, _month_length(calendar_, y, m)))


def _year_span(calendar_: str, y: int) -> tuple[dt.date, dt.date]:
    return (_to_gregorian(calendar_, y, 1, 1), _to_gregorian(calendar_, y, 12, _month_length(calendar_, y, 12)))


def _year_of(calendar_: str, d: dt.date) -> int:
    if calendar_ == "j":
        return cal.gregorian_to_jalali(d)[0]
    if calendar_ == "h":
        return cal.gregorian_to_hijri(d)[0]
    return d.year


def _full_year(m: _Mention, ref: dt.date | None) -> int | None:
    assert m.year is not None
    if not m.short_year:
        return m.year
    if ref is None:
        return 1300 + m.year if m.year >= 10 else 1400 + m.year
    ref_year = cal.gregorian_to_jalali(ref)[0]
    candidates = [c for c in (1300 + m.year, 1400 + m.year) if c <= ref_year + 1]
    return max(candidates) if candidates else 1300 + m.year


def _span_for(m: _Mention, y: int) -> tuple[dt.date, dt.date]:
    if m.month is None:
        return _year_span(m.calendar, y)
    if m.day is None:
        return _month_span(m.calendar, y, m.month)
    d = _to_gregorian(m.calendar, y, m.month, m.day)
    return (d, d)


def _resolve_calendar(m: _Mention, ctx: _Context) -> tuple[dt.date, dt.date] | None:
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
        return _span_for(m, _year_of(m.calendar, ctx.article) + m.year_offset)
    if ref is None or m.month is None:
        return None
    base = _year_of(m.calendar, ref)
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


def _resolve(m: _Mention, ctx: _Context) -> tuple[dt.date, dt.date] | None:
    try:
        if m.relative is not None:
            return m.relative(ctx, m)
        if m.month is not None or m.year is not None:
            return _resolve_calendar(m, ctx)
    except (ValueError, OverflowError, KeyError):
        return None
    return None


# --------------------------------------------------------------------------- combining


def _select(cands: list[_Mention]) -> list[_Mention]:
    """Earliest first, longest at a position; overlapping later candidates lose."""
    chosen: list[_Mention] = []
    last_end = -1
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if c.start >= last_end and c.end > c.start:
            chosen.append(c)
            last_end = c.end
    return chosen


_GAP_ANY = re.compile(r"[ \u200c]*[،,]?[ \u200c]*")
_GAP_RANGE = re.compile(r"[ \u200c]*(?:تا|الی|[-–])[ \u200c]*")
_GAP_PAIR = re.compile(r"[ \u200c]*[(\[][ \u200c]*")
_DAY_BEFORE_RANGE = re.compile(r"(?:(?<![\w\u200c])از" + SP + r")?(?<![\w\u200c])(" + _DAYNUM + r")" + OSP + r"(?:تا|الی|[-–])" + OSP + r"$")
_FROM_BEFORE = re.compile(r"(?<![\w\u200c])از" + SP + "$")


def _combine(chosen: list[_Mention], f: str, ctx: _Context) -> list[_Mention]:
    out: list[_Mention] = []
    i = 0
    while i < len(chosen):
        m = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        # A weekday or «امروز» right before a calendar date names the same day.
        if (nxt is not None and m.kind == "relative" and m.relative is not None and nxt.month is not None
                and nxt.day is not None and _GAP_ANY.fullmatch(f, m.end, nxt.start)):
            merged = replace(nxt, start=m.start, weekday=m.weekday, is_time=m.is_time)
            chosen[i + 1] = merged
            i += 1
            continue
        out.append(m)
        i += 1
    out = _ranges(out, f, ctx)
    _link_pairs(out, f, ctx)
    return out


_UNTIL_NOW = re.compile(r"[ \u200c]+(?:تاکنون|تا" + SP + r"کنون|تا" + SP + r"به" + SP + r"حال|تا" + SP + r"امروز)" + RB)


def _ranges(ms: list[_Mention], f: str, ctx: _Context) -> list[_Mention]:
    result: list[_Mention] = []
    for m in ms:
        frm = _FROM_BEFORE.search(f, max(0, m.start - 5), m.start)
        if frm and "last_year" in m.extra and (not result or result[-1].end <= frm.start()):
            m.start = frm.start()
        until = _UNTIL_NOW.match(f, m.end)
        if (frm and until and m.kind in ("date", "range") and m.relative is None
                and (not result or result[-1].end <= frm.start())):
            # «از ۲۷ اسفند ۹۴ تاکنون»: from that day up to the article's day.
            result.append(_Mention(frm.start(), until.end(), "range", extra={"since": m}))
            continue
        if m.month is not None and m.day is not None and m.kind == "date":
            before = _DAY_BEFORE_RANGE.search(f, max(0, m.start - 40), m.start)
            if before and (not result or result[-1].end <= before.start()):
                first = _day_value(before.group(1))
                if first is not None and 1 <= first < m.day:
                    m.extra["first_day"] = first
                    m.start, m.kind = before.start(), "range"
        prev = result[-1] if result else None
        if (prev is not None and prev.kind in ("date", "range") and m.kind in ("date", "range")
                and prev.relative is None and m.relative is None and "last_year" not in prev.extra
                and (prev.month is not None or prev.year is not None)
                and _GAP_RANGE.fullmatch(f, prev.end, m.start)):
            frm = _FROM_BEFORE.search(f, max(0, prev.start - 5), prev.start)
            result[-1] = _Mention(frm.start() if frm else prev.start, m.end, "range",
                                  extra={"parts": (prev, m)})
            continue
        result.append(m)
    return result


def _link_pairs(ms: list[_Mention], f: str, ctx: _Context) -> None:
    """«۱۳ سپتامبر (۲۲ شهریور)»: one day in two calendars; a missing year comes from the other."""
    for a, b in zip(ms, ms[1:]):
        if not (a.month is not None and b.month is not None and a.day is not None and b.day is not None
                and a.calendar != b.calendar and _GAP_PAIR.fullmatch(f, a.end, b.start)):
            continue
        a.extra["pair"], b.extra["pair"] = b, a


def _final_value(m: _Mention, ctx: _Context) -> tuple[dt.date, dt.date] | None:
    since = m.extra.get("since")
    if isinstance(since, _Mention):
        begin = _final_value(since, ctx)
        if begin is None or ctx.article is None or begin[0] > ctx.article:
            return None
        return (begin[0], ctx.article)
    parts = m.extra.get("parts")
    if isinstance(parts, tuple):
        first, last = parts
        end = _final_value(last, ctx)
        if first.year is None and first.year_offset is None:
            if end is not None:
                first.anchor = end[1]
            if first.month is None and last.month is not None:
                first.month, first.calendar = last.month, last.calendar
        begin = _final_value(first, ctx)
        if begin is None or end is None or begin[0] > end[1]:
            return None
        return (begin[0], end[1])
    pair = m.extra.get("pair")
    if isinstance(pair, _Mention) and m.year is None and m.year_offset is None:
        # The other reading decides the missing year; if the two still disagree, each keeps its own.
        other = _resolve(pair, ctx)
        if other is not None:
            return _resolve(replace(m, anchor=other[0]), ctx)
    value = _resolve(m, ctx)
    if value is not None and "first_day" in m.extra and m.day is not None:
        first_day = int(m.extra["first_day"])  # type: ignore[call-overload]
        year = _year_of(m.calendar, value[1])
        value = (_to_gregorian(m.calendar, year, m.month or 1, first_day), value[1])
    if value is not None and "last_year" in m.extra and m.year is not None:
        last = replace(m, year=int(m.extra["last_year"]))  # type: ignore[call-overload]
        tail = _resolve(last, ctx)
        value = (value[0], tail[1]) if tail else None
    return value


# --------------------------------------------------------------------------- public API


def extract_dates(text: str, article_date: dt.date | None = None) -> list["DateMention"]:
    """Every date, time and duration expression in ``text``, resolved against ``article_date``."""
    f = fold(text)
    ctx = _Context(f, article_date)
    cands: list[_Mention] = []
    for finder in (_date_candidates, _season_candidates, _numeric_candidates, _year_candidates, _dayphrase_candidates,
                   _unitrel_candidates, _count_candidates, _time_candidates):
        cands.extend(finder(f))
    mentions = _combine(_select(cands), f, ctx)
    out = []
    for m in mentions:
        if m.end <= m.start:
            continue
        value = None if m.kind in ("duration", "time") else _safe_value(m, ctx)
        kind = m.kind
        if kind == "relative" and m.is_time and m.relative is None:
            kind = "time"
        out.append(DateMention(
            start=m.start, end=m.end, kind=kind,
            gregorian=DateRange(value[0].isoformat(), value[1].isoformat()) if value else None,
            jalali=DateRange(cal.jalali_iso(value[0]), cal.jalali_iso(value[1])) if value else None,
        ))
    return out


def _safe_value(m: _Mention, ctx: _Context) -> tuple[dt.date, dt.date] | None:
    try:
        value = _final_value(m, ctx)
        if value is not None:
            cal.jalali_iso(value[0]), cal.jalali_iso(value[1])
        return value
    except (ValueError, OverflowError, KeyError, TypeError, IndexError):
        return None


def mention_is_time_of_day(text: str, mention: DateMention) -> bool:
    """Whether a date mention names a part of the day too («صبح امروز», «چهارشنبه شب»)."""
    return bool(re.search(LB + _PART + RB, fold(text[mention.start:mention.end]))) or fold(
        text[mention.start:mention.end]).startswith(("امشب", "دیشب"))
