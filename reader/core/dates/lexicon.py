"""The words and patterns behind date finding: numbers, months, weekdays, eras and tense cues.

Every pattern runs on ``text.fold(text)`` (one form per letter, ASCII digits). A space
inside a spelling may be written as a space, a ZWNJ or nothing; ``spelling_key`` drops
them so a matched spelling finds its value. Month spellings come from
``reader.core.dates.calendar`` so the converter and the finder agree on what a month is.
"""

from __future__ import annotations

import re

from reader.core.dates import calendar as cal

SP = r"[ \u200c]+"
OSP = r"[ \u200c]*"
LB = r"(?<![\w\u200c])"
RB = r"(?![\w\u200c])"


def _alt(words: object) -> str:
    """An alternation preferring longer spellings; a space in a spelling may be space, ZWNJ or nothing.

    Spellings sharing a first letter are grouped under it («ب(?:همن|هار)»), in their order:
    the engine then rejects a word after one test per first letter, not one per spelling,
    and tries the same spellings in the same order wherever a word does start with one of
    them (those starting with another letter could not match there), so what matches is
    unchanged.
    """
    parts = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    groups: dict[str, list[str]] = {}
    for word in parts:
        groups.setdefault(word[0], []).append(word[1:])
    alts = []
    for first, rests in groups.items():
        tails = [re.escape(rest).replace(r"\ ", OSP) for rest in rests]
        alts.append(re.escape(first) + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"))
    return "(?:" + "|".join(alts) + ")"


def spelling_key(s: str) -> str:
    """A spelling without its spaces and ZWNJs, to look up what a matched word means."""
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
_DAY_WORD_VALUE = {spelling_key(k): v for k, v in _DAY_WORDS.items()}

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
BARE_OK_J = {"فروردین", "اردیبهشت", "شهریور", "امرداد"}
BARE_OK_H = {spelling_key(k) for k in cal.HIJRI_MONTH_SPELLINGS if " " in k or k == "ذیقعده" or k == "ذیحجه"}
NEEDS_YEAR_G = {"مه", "می", "مئی"}
BARE_BAD_G = NEEDS_YEAR_G | {"جون", "مارچ"}

_J_MONTH = _alt(cal.JALALI_MONTH_SPELLINGS)
_G_MONTH = _alt(cal.GREGORIAN_MONTH_SPELLINGS)
_H_MONTH = _alt(cal.HIJRI_MONTH_SPELLINGS)
J_LOOKUP = {spelling_key(k): v for k, v in cal.JALALI_MONTH_SPELLINGS.items()}
G_LOOKUP = {spelling_key(k): v for k, v in cal.GREGORIAN_MONTH_SPELLINGS.items()}
H_LOOKUP = {spelling_key(k): v for k, v in cal.HIJRI_MONTH_SPELLINGS.items()}

DAYNUM = r"(?:[0-9]{1,2}|" + _alt(_DAY_WORDS) + ")"
_COUNT = r"(?:[0-9]+(?:[.,/٫][0-9]+)?|" + _alt(list(_COUNT_WORDS) + _VAGUE_COUNTS) + "(?:" + SP + "و" + SP + _alt(_COUNT_WORDS) + ")*)"
_WEEKDAY = _alt(_WEEKDAY_SPELLINGS)
PART = _alt(_PARTS)
_ERA = _alt(_ERAS)
_REL_YEAR = r"(?:امسال|پارسال|سال" + SP + r"(?:جاری|گذشته|قبل|پیش|آینده|بعد|آتی))(?:" + SP + r"(?:میلادی|شمسی|خورشیدی))?"
YEAR_OFFSETS = {"امسال": 0, "پارسال": -1, "جاری": 0, "گذشته": -1, "قبل": -1, "پیش": -1,
                "آینده": 1, "بعد": 1, "آتی": 1}


def relative_year_offset(phrase: str) -> int:
    """Years from the article's year that a relative year names: «امسال» 0, «سال گذشته میلادی» -1."""
    words = phrase.split()
    return YEAR_OFFSETS.get(words[-1], YEAR_OFFSETS.get(words[min(1, len(words) - 1)], 0))

# Two-digit years after a month name only count when nothing noun-like follows: «۱۵ مهر ۹۵،»
# is a date, «۱۵ مهر ۲۰ نفر» is not.
_YY_END = r"(?=" + OSP + r"(?:[^\w\u200c]|$|(?:تا|و|در|به|از|که|را|بود|است|هم|نیز)" + RB + "))"

DATE_RE = re.compile(
    LB + r"(?:(?P<ruz>روز)" + SP + ")?"
    r"(?:(?P<day>" + DAYNUM + ")" + SP + ")?"
    r"(?:(?P<mahpre>ماه)" + SP + r"(?:مبارک" + SP + ")?)?"
    r"(?:(?P<jm>" + _J_MONTH + ")|(?P<gm>" + _G_MONTH + ")|(?P<hm>" + _H_MONTH + "))"
    r"(?P<mahsuf>" + OSP + "ماه)?"
    r"(?:(?P<ytail>" + SP + r"(?:سال" + SP + r")?(?P<year>[0-9]{4}|[0-9]{3}(?=" + SP + _ERA + ")|[0-9]{2}" + _YY_END + r")"
    r"(?:" + SP + r"(?P<era>" + _ERA + r"))?)"
    r"|" + SP + r"(?P<ryear>" + _REL_YEAR + "))?" + RB
)
SEASONS = {"بهار": 0, "تابستان": 1, "پاییز": 2, "پائیز": 2, "زمستان": 3}
SEASON_RE = re.compile(
    LB + r"(?P<season>" + _alt(SEASONS) + ")"
    r"(?:" + SP + r"(?:سال" + SP + r")?(?P<year>[0-9]{4}|[0-9]{2}" + _YY_END + r")(?:" + SP + r"(?P<era>" + _ERA + "))?"
    r"|" + SP + r"(?P<ryear>" + _REL_YEAR + "))" + RB
)
NUMERIC_RE = re.compile(
    r"(?<![0-9/.\-\w])(?P<a>[0-9]{1,4})(?P<s>[/\-.])(?P<b>[0-9]{1,2})(?P=s)(?P<c>[0-9]{1,4})(?![0-9\w]|[/.\-][0-9])"
)
YEAR_RE = re.compile(
    LB + r"(?:سال(?:" + OSP + r"های?)?" + SP + r"(?P<y>[0-9]{2,4})|(?P<y2>[0-9]{3,4})(?=" + SP + _ERA + "))"
    r"(?:" + OSP + r"(?:[-–]|" + SP + r"تا" + SP + r"(?:سال" + SP + r")?)" + OSP + r"(?P<y3>[0-9]{2,4}))?"
    r"(?:" + SP + r"(?P<era>" + _ERA + "))?" + RB
)
# «دهه ۹۰» (the 1390s: a two-digit decade is Jalali, as Persian news writes it), «دهه ۱۹۹۰ میلادی».
DECADE_RE = re.compile(
    LB + r"دهه(?:" + OSP + r"ی)?" + SP + r"(?P<y>[0-9]{0,2}[0-9]0)(?:" + SP + r"(?P<era>" + _ERA + "))?" + RB
)
YEAR_SPAN_RE = re.compile(r"(?<![0-9\w/.\-])(?P<y>1[2-4][0-9]{2}|19[0-9]{2}|20[0-9]{2})[-–](?P<y3>1[2-4][0-9]{2}|19[0-9]{2}|20[0-9]{2})(?![0-9\w]|[/.\-][0-9])")
DAYPHRASE_RE = re.compile(
    LB + r"(?:(?P<p1>" + PART + ")" + SP + r"(?:روز" + SP + ")?)?"
    r"(?:(?P<rd>امروز|دیروز|فردا|پریروز|پس" + OSP + r"فردا|امشب|دیشب|(?:روز|شب)" + SP + r"گذشته)"
    r"(?:" + SP + r"(?P<p2>" + PART + "))?(?:" + SP + r"(?:روز" + SP + r")?(?P<wd>" + _WEEKDAY + "))?"
    r"|(?:روز" + SP + r")?(?P<wd2>" + _WEEKDAY + "))"
    r"(?:[ \u200c]ی(?=" + SP + "))?"
    r"(?:" + SP + r"(?P<p3>" + PART + "))?"
    r"(?:" + SP + r"(?P<mod>گذشته|قبل|پیش|آینده|بعد|آتی|این" + SP + r"هفته|هفته" + SP + r"(?:گذشته|قبل|پیش|آینده|بعد|جاری)))?" + RB
)
UNITREL_RE = re.compile(
    LB + r"(?:(?P<this>این|همین)" + SP + r"(?P<unit1>هفته)"
    r"|(?P<unit>هفته|ماه|سال)(?:" + OSP + r"ی)?" + SP + r"(?P<mod>گذشته|پیش|قبل|آینده|بعد|جاری|آتی)"
    r"|(?P<word>امسال|پارسال))"
    r"(?:" + SP + r"(?P<era>میلادی|شمسی|خورشیدی))?" + RB
)
COUNT_RE = re.compile(
    LB + r"(?P<n>" + _COUNT + ")" + OSP
    + r"(?P<unit>ثانیه|دقیقه|ساعت|شبانه" + OSP + r"روز|روز|هفته|ماه|سال|دهه|قرن|سده)(?P<adj>ه)?(?:" + OSP + r"ای)?"
    r"(?:" + SP + r"(?P<mod>پیش|قبل|گذشته|اخیر|آینده|آتی|بعد|دیگر|پس)(?P<az>" + SP + r"از)?)?" + RB
)
TIME_RE = re.compile(
    LB + r"(?:(?:" + PART + ")" + SP + r")?ساعت" + SP + r"[0-9]{1,2}(?::[0-9]{2})?(?:" + SP + r"و" + SP + r"[0-9]{1,2}" + SP + r"دقیقه)?"
    r"(?:" + SP + PART + ")?" + RB
    + r"|(?<![0-9:/.\w])[0-9]{1,2}:[0-5][0-9](?::[0-5][0-9])?(?![0-9\w]|[:/.][0-9])(?:" + SP + PART + RB + ")?"
    + r"|" + LB + r"[0-9]{1,2}" + SP + r"(?:صبح|بامداد|بعد" + OSP + r"از" + OSP + r"ظهر|عصر|شب)" + RB
)
PAST_MOD = {"گذشته", "قبل", "پیش"}
FUTURE_MOD = {"آینده", "بعد", "آتی"}


WEEKDAYS_BY_KEY = {spelling_key(k): v for k, v in _WEEKDAY_SPELLINGS.items()}


def day_value(s: str | None) -> int | None:
    """The day a matched day number or word («۵», «پنجم», «بیست و یکم») names."""
    if s is None:
        return None
    return int(s) if s.isascii() and s.isdigit() else _DAY_WORD_VALUE.get(spelling_key(s))


def count_value(s: str) -> float | None:
    """The number a matched count («۳», «۲.۵», «سی و پنج», «چند») names; None for a vague one."""
    if s.isascii() and s.replace(".", "", 1).isdigit():
        return float(s)
    total = 0
    for part in re.split(SP + "و" + SP, s):
        v = _COUNT_WORDS.get(spelling_key(part)) or _COUNT_WORDS.get(part.strip())
        if v is None:
            return None
        total += v
    return float(total)


# Words that tell a sentence's tense, for a weekday or a day without a year.
_PAST_STEMS = (
    "کرد", "گفت", "بود", "شد", "داشت", "داد", "رفت", "آمد", "زد", "کشید", "رسید", "گرفت", "دید",
    "خواست", "ماند", "افزود", "نمود", "پرداخت", "ساخت", "یافت", "گذاشت", "برد", "آورد", "انداخت",
    "نوشت", "خواند", "شناخت", "فرستاد", "پذیرفت", "گشت", "کشت", "ریخت", "بست", "شکست", "گذشت",
    "دانست", "توانست", "افتاد", "ایستاد", "نشست", "پیوست", "کوشید", "پوشید", "بخشید", "شنید",
)
_ENDINGS = ("", "م", "ی", "یم", "ید", "ند", "ه", "ن")
# Bare stems that are everyday nouns too («نشست»: meeting, «شکست»: defeat, «برد»: win).
_NOUN_STEMS = {"نشست", "شکست", "بست", "گشت", "کشت", "ریخت", "پیوست", "برد", "گذشت", "ساخت", "دید", "زد"}
PAST_FORMS = {p + s + e for s in _PAST_STEMS for e in _ENDINGS for p in ("", "ن", "می", "نمی")} - _NOUN_STEMS
# Verbs with a preverb: «درگذشت», «درگرفت», «برگشت», «فرورفت»; not the nouns «درآمد», «برآورد», «برداشت».
_PREVERB_NOUNS = {"درآمد", "برآمد", "برآورد", "برداشت", "دربرد", "برنامه"}
PAST_FORMS |= {v + s + e for v in ("در", "بر", "فرو", "فرا") for s in _PAST_STEMS for e in _ENDINGS} - _PREVERB_NOUNS
FUTURE_WORDS = {"خواهد", "خواهند", "خواهیم", "خواهم", "خواهی", "خواهید", "نخواهد", "نخواهند",
                "آینده", "آتی", "فردا"}
PAST_WORDS = {"گذشته", "پیش", "اخیر", "دیروز"}
SENTENCE_END = re.compile(r"[!?؟\n]|\.(?![0-9])")
GREGORIAN_CUE = re.compile("میلادی|" + _alt(k for k in cal.GREGORIAN_MONTH_SPELLINGS if k not in BARE_BAD_G))

# --------------------------------------------------------------------------- where matches start
# ``reader.core.dates.scan`` finds every match of the patterns above in one pass: each starts
# where no word character precedes, with a digit (the patterns in ``DIGIT_START``) or with
# one of its ``START_WORDS``, followed by a space, a ZWNJ, a non-word character, the end, or
# one of ``GLUED_AFTER`` written on to it. A pattern given a new opening word needs it here
# too; tests/core/dates/test_scan.py checks the scan against each pattern's own finditer.
ALL_PATTERNS = (DATE_RE, SEASON_RE, NUMERIC_RE, YEAR_RE, YEAR_SPAN_RE, DECADE_RE, DAYPHRASE_RE, UNITREL_RE,
                COUNT_RE, TIME_RE)
DIGIT_START = (DATE_RE, NUMERIC_RE, YEAR_RE, YEAR_SPAN_RE, COUNT_RE, TIME_RE)
START_WORDS: dict[re.Pattern[str], list[str]] = {
    DATE_RE: ["روز", "ماه", *_DAY_WORDS, *cal.JALALI_MONTH_SPELLINGS, *cal.GREGORIAN_MONTH_SPELLINGS,
              *cal.HIJRI_MONTH_SPELLINGS],
    SEASON_RE: list(SEASONS),
    YEAR_RE: ["سال"],
    DECADE_RE: ["دهه"],
    DAYPHRASE_RE: [*_PARTS, "امروز", "دیروز", "فردا", "پریروز", "پس فردا", "امشب", "دیشب", "روز", "شب",
                   *_WEEKDAY_SPELLINGS],
    UNITREL_RE: ["این هفته", "همین هفته", "هفته", "ماه", "سال", "امسال", "پارسال"],
    COUNT_RE: [*_COUNT_WORDS, *_VAGUE_COUNTS],
    TIME_RE: [*_PARTS, "ساعت"],
}
# «مهرماه» (a month), «سالهای» (YEAR_RE), «سالی», «دهه‌ی» (UNITREL_RE, DECADE_RE), «دوسال» (a count's unit).
GLUED_AFTER = ["ماه", "ها", "ی", "ثانیه", "دقیقه", "ساعت", "شبانه", "روز", "هفته", "سال", "دهه", "قرن", "سده"]
