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
from dataclasses import replace

from reader.core.dates import calendar as cal
from reader.core.dates.lexicon import (
    BARE_BAD_G,
    BARE_OK_H,
    BARE_OK_J,
    COUNT_RE,
    DATE_RE,
    DAYNUM,
    DAYPHRASE_RE,
    DECADE_RE,
    G_LOOKUP,
    H_LOOKUP,
    J_LOOKUP,
    LB,
    NEEDS_YEAR_G,
    NUMERIC_RE,
    OSP,
    PART,
    RB,
    SEASON_RE,
    SEASONS,
    SENTENCE_END,
    SP,
    TIME_RE,
    UNITREL_RE,
    WEEKDAYS_BY_KEY,
    YEAR_OFFSETS,
    YEAR_RE,
    YEAR_SPAN_RE,
    count_value,
    day_value,
    relative_year_offset,
    spelling_key,
)
from reader.core.dates.resolve import (
    Candidate,
    Context,
    count_point,
    count_span,
    day_offset,
    resolve_candidate,
    season_resolver,
    to_gregorian,
    unit_resolver,
    weekday_resolver,
    year_of,
)
from reader.core.dates.scan import find_all
from reader.core.document import DateMention, DateRange
from reader.core.text import fold

# Each pattern's matches over the whole text, as ``scan.find_all`` gives them.
Found = dict[re.Pattern[str], list[re.Match[str]]]

# --------------------------------------------------------------------------- candidates


def _date_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[DATE_RE]:
        day = day_value(m.group("day"))
        if day is not None and not 1 <= day <= 31:
            continue
        month_text = spelling_key(m.group("jm") or m.group("gm") or m.group("hm"))
        calendar_ = "j" if m.group("jm") else "g" if m.group("gm") else "h"
        lookup = {"j": J_LOOKUP, "g": G_LOOKUP, "h": H_LOOKUP}[calendar_]
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
        mention = Candidate(start, end, "date", calendar_, year, short, lookup[month_text], day)
        if m.group("ryear") and not m.group("year"):
            mention.year_offset = relative_year_offset(m.group("ryear"))
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
            return month in BARE_OK_J or has_mah or has_year
        # «دو تیر» is two bullets and «سه دی» rarely a date; other months read fine after a number word.
        return not word_day or month not in {"تیر", "دی"} or has_mah or has_year
    if calendar_ == "g":
        if month in NEEDS_YEAR_G:
            return (day is not None and has_year) or has_mah
        return day is not None or has_mah or has_year or month not in BARE_BAD_G
    if day is not None:
        return month != "صفر" or has_year or has_mah
    return has_mah or has_year or month in BARE_OK_H


def _season_candidates(f: str, found: Found) -> list[Candidate]:
    """«تابستان ۱۴۰۲», «زمستان سال گذشته»: three Jalali months (a Gregorian year names the
    Jalali year whose spring starts in it)."""
    out = []
    for m in found[SEASON_RE]:
        season = SEASONS[m.group("season")]
        if m.group("year"):
            raw = m.group("year")
            calendar_ = _year_calendar(int(raw), m.group("era"), len(raw) == 2)
            if calendar_ not in ("j", "g"):
                continue
            mention = Candidate(m.start(), m.end(), "range", calendar_, int(raw), len(raw) == 2)
            mention.relative = season_resolver(season, None, mention)
        else:
            offset = relative_year_offset(m.group("ryear"))
            mention = Candidate(m.start(), m.end(), "range")
            mention.relative = season_resolver(season, offset, mention)
        out.append(mention)
    return out


def _numeric_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[NUMERIC_RE]:
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
        out.append(Candidate(m.start(), m.end(), "date", calendar_, year, short, month, day))
    return out


def _year_calendar(year: int, era: str | None, short: bool) -> str | None:
    if era:
        e = spelling_key(era)
        if "قمری" in e or e == "هجری":
            return "h"
        return "g" if e == "میلادی" else "j"
    if short or 1200 <= year <= 1499:
        return "j"
    return "g" if 1500 <= year <= 2199 else None


def _year_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for regex in (YEAR_RE, YEAR_SPAN_RE, DECADE_RE):
        for m in found[regex]:
            groups = m.groupdict()
            raw: str = groups["y"] or groups.get("y2") or ""
            era = groups.get("era")
            short = len(raw) == 2
            if (len(raw) == 3 and not era) or len(raw) < 2:
                continue
            year = int(raw)
            calendar_ = _year_calendar(year, era, short)
            if calendar_ is None:
                continue
            mention = Candidate(m.start(), m.end(), "range", calendar_, year, short)
            if regex is DECADE_RE:
                mention.extra["last_year"] = year + 9
            elif m.group("y3"):
                last = int(m.group("y3"))
                if len(m.group("y3")) == 2 and not short:
                    last += year // 100 * 100
                mention.extra["last_year"] = last
                if last <= year and not short:
                    continue
            out.append(mention)
    return out


def _dayphrase_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[DAYPHRASE_RE]:
        wd_text = m.group("wd") or m.group("wd2")
        if m.group("wd2") and spelling_key(wd_text) == "جمعه" and _preceding_word(f, m.start()) in {"امام", "نماز", "ائمه", "خطبه", "خطبه‌های", "خطیب", "ائمه‌"}:
            continue
        if m.group("wd2") and spelling_key(wd_text) == "شنبه" and re.search(r"(?:یک|دو|سه|چهار|پنج)" + OSP + r"$", f[max(0, m.start() - 6):m.start()]):
            continue  # the tail of «پنج شنبه» written loosely; never a Saturday
        weekday = WEEKDAYS_BY_KEY[spelling_key(wd_text)] if wd_text else None
        rd = m.group("rd")
        mention = Candidate(m.start(), m.end(), "relative", weekday=weekday)
        mention.is_time = bool(m.group("p1") or m.group("p2") or m.group("p3")) or rd in ("امشب", "دیشب") or (
            rd is not None and rd.startswith("شب"))
        if rd:
            offset = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "فردا": 1, "پریروز": -2}.get(rd)
            if offset is None:
                offset = -1 if "گذشته" in rd else 2  # «روز/شب گذشته» is yesterday (night), «پس فردا» the day after tomorrow
            mention.relative = day_offset(offset)
        else:
            mention.relative = weekday_resolver(weekday or 0, m.group("mod"))
        out.append(mention)
    return out


def _preceding_word(f: str, pos: int) -> str:
    m = re.search(r"([\w\u200c]+)[ \u200c]*$", f[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _unitrel_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[UNITREL_RE]:
        unit = m.group("unit1") or m.group("unit") or "سال"
        if m.group("this"):
            offset = 0
        elif m.group("word"):
            offset = 0 if m.group("word") == "امسال" else -1
        else:
            offset = YEAR_OFFSETS[m.group("mod")]
        mention = Candidate(m.start(), m.end(), "range")
        mention.relative = unit_resolver(unit, offset, m.group("era"))
        out.append(mention)
    return out


def _next_word(f: str, pos: int) -> str:
    m = re.match(r"[ \u200c]*([\w\u200c]+)", f[pos:pos + 30])
    return m.group(1) if m else ""


def _end_before(f: str, pos: int) -> int:
    """Where the words before ``pos`` end: ``pos`` less the spaces and ZWNJs in front of it."""
    # Stepping back, not ``len(f[:pos].rstrip(…))``: that copies the text up to ``pos``, and a
    # long text's durations made it quadratic (0.1 s on 5 MB of news).
    end = min(pos, len(f))
    while end > 0 and f[end - 1] in " \u200c":
        end -= 1
    return end


def _count_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[COUNT_RE]:
        unit, mod, az = spelling_key(m.group("unit")), m.group("mod"), m.group("az")
        end = m.end()
        if mod == "پس" and not az:
            end = m.start("mod") - 1
            mod = None
            end = _end_before(f, end)
        n = count_value(m.group("n"))
        adj = bool(m.group("adj"))
        if mod and not az and mod in ("گذشته", "پیش") and _next_word(f, m.end()) in {"است", "بود", "باشد", "می"}:
            mod = None  # «سه سال گذشته است»: «three years have passed»
            end = _end_before(f, m.start("mod"))
        mention = Candidate(m.start(), end, "duration")
        if _preceding_word(f, m.start()) in ("مدت", "طول"):
            mod = None  # «به مدت دو سال دیگر»: how long, not when
            mention.end = end = _end_before(f, m.start("mod")) if m.group("mod") else end
        if mod and not az and n is not None and n == int(n) and 0 < n <= 5000:
            count = int(n)
            if mod in ("پیش", "قبل") and not adj:
                mention.kind = "relative"
                mention.relative = count_point(unit, -count)
            elif mod in ("دیگر",) and not adj:
                mention.kind = "relative"
                mention.relative = count_point(unit, count)
            elif mod == "بعد" and not adj:
                mention.kind = "relative"  # «ده روز بعد»: after some event in the story, not the article
            elif mod in ("گذشته", "اخیر"):
                mention.kind = "range"
                mention.relative = count_span(unit, -count)
            elif mod in ("آینده", "آتی"):
                mention.kind = "range"
                mention.relative = count_span(unit, count)
        elif mod == "بعد" and not az:
            mention.kind = "relative"
        elif mod and not az:
            end = _end_before(f, m.start("mod"))
            mention.end = end
        out.append(mention)
    return out


def _time_candidates(f: str, found: Found) -> list[Candidate]:
    out = []
    for m in found[TIME_RE]:
        hours = re.findall(r"[0-9]{1,2}", m.group())[0]
        if int(hours) > 24:
            continue
        out.append(Candidate(m.start(), m.end(), "time"))
    return out


# --------------------------------------------------------------------------- combining


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Earliest first, longest at a position; overlapping later candidates lose."""
    chosen: list[Candidate] = []
    last_end = -1
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if c.start >= last_end and c.end > c.start:
            chosen.append(c)
            last_end = c.end
    return chosen


_GAP_ANY = re.compile(r"[ \u200c]*[،,]?[ \u200c]*")
_GAP_RANGE = re.compile(r"[ \u200c]*(?:تا|الی|[-–])[ \u200c]*")
_GAP_PAIR = re.compile(r"[ \u200c]*[(\[][ \u200c]*")
_DAY_BEFORE_RANGE = re.compile(r"(?:(?<![\w\u200c])از" + SP + r")?(?<![\w\u200c])(" + DAYNUM + r")" + OSP + r"(?:تا|الی|[-–])" + OSP + r"$")
_FROM_BEFORE = re.compile(r"(?<![\w\u200c])از" + SP + "$")


def _combine(chosen: list[Candidate], f: str, ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
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


def _ranges(ms: list[Candidate], f: str, ctx: Context) -> list[Candidate]:
    result: list[Candidate] = []
    for m in ms:
        frm = _FROM_BEFORE.search(f, max(0, m.start - 5), m.start)
        if frm and "last_year" in m.extra and (not result or result[-1].end <= frm.start()):
            m.start = frm.start()
        until = _UNTIL_NOW.match(f, m.end)
        if (frm and until and m.kind in ("date", "range") and m.relative is None
                and (not result or result[-1].end <= frm.start())):
            # «از ۲۷ اسفند ۹۴ تاکنون»: from that day up to the article's day.
            result.append(Candidate(frm.start(), until.end(), "range", extra={"since": m}))
            continue
        if m.month is not None and m.day is not None and m.kind == "date":
            before = _DAY_BEFORE_RANGE.search(f, max(0, m.start - 40), m.start)
            if before and (not result or result[-1].end <= before.start()):
                first = day_value(before.group(1))
                if first is not None and 1 <= first < m.day:
                    m.extra["first_day"] = first
                    m.start, m.kind = before.start(), "range"
        prev = result[-1] if result else None
        if (prev is not None and prev.kind in ("date", "range") and m.kind in ("date", "range")
                and prev.relative is None and m.relative is None and "last_year" not in prev.extra
                and (prev.month is not None or prev.year is not None)
                and _GAP_RANGE.fullmatch(f, prev.end, m.start)):
            frm = _FROM_BEFORE.search(f, max(0, prev.start - 5), prev.start)
            result[-1] = Candidate(frm.start() if frm else prev.start, m.end, "range",
                                  extra={"parts": (prev, m)})
            continue
        result.append(m)
    return result


def _link_pairs(ms: list[Candidate], f: str, ctx: Context) -> None:
    """«۱۳ سپتامبر (۲۲ شهریور)»: one day in two calendars; a missing year comes from the other."""
    for a, b in zip(ms, ms[1:]):
        if not (a.month is not None and b.month is not None and a.day is not None and b.day is not None
                and a.calendar != b.calendar and _GAP_PAIR.fullmatch(f, a.end, b.start)):
            continue
        a.extra["pair"], b.extra["pair"] = b, a


def _final_value(m: Candidate, ctx: Context) -> tuple[dt.date, dt.date] | None:
    since = m.extra.get("since")
    if isinstance(since, Candidate):
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
    if isinstance(pair, Candidate) and m.year is None and m.year_offset is None:
        # The other reading decides the missing year; if the two still disagree, each keeps its own.
        other = resolve_candidate(pair, ctx)
        if other is not None:
            return resolve_candidate(replace(m, anchor=other[0]), ctx)
    value = resolve_candidate(m, ctx)
    if value is not None and "first_day" in m.extra and m.day is not None:
        first_day = int(m.extra["first_day"])  # type: ignore[call-overload]
        year = year_of(m.calendar, value[1])
        value = (to_gregorian(m.calendar, year, m.month or 1, first_day), value[1])
    if value is not None and "last_year" in m.extra and m.year is not None:
        last = replace(m, year=int(m.extra["last_year"]))  # type: ignore[call-overload]
        tail = resolve_candidate(last, ctx)
        value = (value[0], tail[1]) if tail else None
    return value


def _narrated_years(ms: list[Candidate], f: str, ctx: Context) -> None:
    """«در سال ۲۰۱۹ … و ۱۵ نوامبر …»: a day without a year in a sentence that names a year earlier
    is in that year (the other calendar's: the date nearest the middle of it). Only within one
    sentence: a year told sentences before is not clearly the one being narrated."""
    told: Candidate | None = None
    told_end = -1
    for m in ms:
        if told is not None and SENTENCE_END.search(f, told_end, m.start):
            told = None
        if m.year is not None and "parts" not in m.extra and "last_year" not in m.extra:
            told, told_end = m, m.end
            continue
        if told is None or m.year is not None or m.year_offset is not None or m.month is None:
            continue
        if m.anchor is not None or m.relative is not None or {"pair", "parts", "since"} & set(m.extra):
            continue
        if told.calendar == m.calendar:
            m.year, m.short_year = told.year, told.short_year
        else:
            span = resolve_candidate(told, ctx)
            if span is not None:
                m.anchor = span[0] + (span[1] - span[0]) / 2


# --------------------------------------------------------------------------- public API


def extract_dates(text: str, article_date: dt.date | None = None) -> list[DateMention]:
    """Every date, time and duration expression in ``text``, resolved against ``article_date``."""
    f = fold(text)
    ctx = Context(f, article_date)
    found = find_all(f)  # every pattern's matches, from one pass over the text
    cands: list[Candidate] = []
    for finder in (_date_candidates, _season_candidates, _numeric_candidates, _year_candidates, _dayphrase_candidates,
                   _unitrel_candidates, _count_candidates, _time_candidates):
        cands.extend(finder(f, found))
    mentions = _combine(_select(cands), f, ctx)
    _narrated_years(mentions, f, ctx)
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


def _safe_value(m: Candidate, ctx: Context) -> tuple[dt.date, dt.date] | None:
    try:
        value = _final_value(m, ctx)
        if value is not None:
            cal.jalali_iso(value[0]), cal.jalali_iso(value[1])
        return value
    except (ValueError, OverflowError, KeyError, TypeError, IndexError):
        return None


def mention_is_time_of_day(text: str, mention: DateMention) -> bool:
    """Whether a date mention names a part of the day too («صبح امروز», «چهارشنبه شب»)."""
    return bool(re.search(LB + PART + RB, fold(text[mention.start:mention.end]))) or fold(
        text[mention.start:mention.end]).startswith(("امشب", "دیشب"))
