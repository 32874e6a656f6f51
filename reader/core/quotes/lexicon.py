"""The words and patterns behind quote finding and speaker attribution.

Speech verbs are generated from their stems (every tense a news writer uses before
a quote, and «noun + light verb» compounds) as prefix-tree alternations, so a
failing word is rejected after a letter or two. Word lists are stored as comparison
keys (``fold_key``) and looked up through ``in_lexicon``, which also tries a word
without its ezafe or plural ending.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence

from reader.core.text import fold_key

_S = "[ \u200c]?"  # parts of a verb: space, ZWNJ or nothing
_PUNCT = ".,،؛;:!?؟«»\"“”()[]{}-–—…/"
_WORD_CHARS = r"[^\s.,،؛;:!?؟«»\"“”()\[\]{}\-–—…/]"


# --------------------------------------------------------------------------- lexicon

def _trie(words: Sequence[str]) -> str:
    """An alternation shaped as a prefix tree, so a failing word is rejected after a letter or two.

    ``_`` inside an entry is a gap between verb parts (space, ZWNJ or nothing).
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [(_S if ch == "_" else re.escape(ch)) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(tree)


def _alt(words: str) -> str:
    return _trie(words.split())


# Light verbs as (past stem, present stem).
_LIGHT_STEMS = {"کرد": "کن", "نمود": "نمای", "داشت": "دار", "داد": "ده", "شد": "شو", "ساخت": "ساز"}


def _forms(stems: dict[str, str]) -> str:
    """Every tense a verb appears in before a quote: گفت، گفتند، گفته است، می‌گوید، اعلام می‌کند…"""
    perfect = f"ه(?:{_S}(?:است|اند|ام|ای|ایم|اید|بود|بودند|باشد))?"
    return (
        f"(?:(?:می{_S})?{_trie(list(stems))}(?:{perfect}|یم|ید|ند|م|ی)?"
        f"|می{_S}{_trie(list(stems.values()))}(?:یم|ید|ند|م|ی|د))"
    )


# The words a verb of ``VERB_RE`` can open with: «می», a simple verb's past stem, a compound's
# noun, «آمده». Every ``_verb_regex`` adds its own.
_VERB_OPENINGS = {"می", "آمده"}


def _verb_regex(simple: dict[str, str], compounds: dict[str, str]) -> str:
    """Simple verbs, and «noun + light verb» compounds keyed by the light verbs each noun takes."""
    _VERB_OPENINGS.update(simple)
    for nouns in compounds.values():
        _VERB_OPENINGS.update(nouns.split())
    parts = [_forms(simple)] if simple else []
    for lights, nouns in compounds.items():
        stems = {past: _LIGHT_STEMS[past] for past in lights.split()}
        parts.append(f"{_alt(nouns)}[ \u200c]{{0,2}}{_forms(stems)}")
    return "(?:" + "|".join(parts) + ")"


_SPEECH = _verb_regex(
    {"گفت": "گوی", "افزود": "افزای", "نوشت": "نویس", "پرسید": "پرس", "فرمود": "فرمای"},
    {
        "کرد نمود": (
            "اضافه تصریح بیان عنوان خاطرنشان خاطر_نشان اعلام اظهار ابراز اذعان تشریح تبیین یادآوری "
            "یاد_آوری اشاره ادعا اعتراف توصیه تکرار توییت گلایه انتقاد درخواست تقاضا تاکید تأکید "
            "ابراز_نگرانی ابراز_امیدواری ابراز_تاسف ابراز_تأسف اظهار_امیدواری اظهار_نگرانی "
            "اعلام_آمادگی"
        ),
        "داشت": "اظهار ابراز بیان اعلام عنوان اذعان تصریح تاکید تأکید",
        "داد": "ادامه توضیح هشدار پاسخ جواب گزارش خبر اطلاع",
        "شد": "یادآور یاد_آور متذکر مدعی خاطرنشان خاطر_نشان",
        "ساخت": "خاطرنشان خاطر_نشان",
    },
)
_STATEMENT = f"آمده(?:{_S}(?:است|بود))?"
# Verbs that frame a short quote as someone's words: ترامپ آن را «فاجعه» خواند.
_EXPRESSIVE = _verb_regex(
    {"خواند": "خوان", "نامید": "نام", "دانست": "دان"},
    {"کرد": "توصیف ارزیابی قلمداد تعبیر یاد تلقی"},
)
# Verbs that make their subject the issuer of a statement: «بیانیه‌ای صادر کرد».
_ISSUE = _verb_regex({}, {"کرد نمود": "منتشر صادر"})
_B = r"(?<![\w\u200c])"
_E = r"(?![\w\u200c])"
# Not «گفت وگو» / «گفت و گو» (conversation, its ZWNJ lost): «در گفت وگو با ایسنا گفت» has one verb;
# not «ارزش افزوده» (value added), an adjective.
_VERB = (
    f"(?:(?P<speech>{_SPEECH})|(?P<statement>{_STATEMENT})|(?P<expr>{_EXPRESSIVE})|(?P<issue>{_ISSUE})){_E}"
    "(?![ \u200c]*و[ \u200c]?گو)"
)
# The lookahead lets a word start that opens no verb fail after one walk down one prefix tree,
# not one per kind of verb and compound (half the time of a 5 MB scan); it holds wherever a
# verb does, so the matches are the same (tested against ``_VERB`` without it).
_VERB_START = f"(?<!ارزش )(?<!ارزش\u200c)(?={_trie(sorted(_VERB_OPENINGS))})"
VERB_RE = re.compile(f"{_B}{_VERB_START}{_VERB}")
COLON_GAP = re.compile("[ \u200c]*(?:که[ \u200c]*)?[:：]")
# Between a speech verb and the quote it introduces without a colon: «گفته بود «…»», «آمده است که «…»».
LEAD_IN_GAP = re.compile("[ \u200c]*(?:که[ \u200c]*)?[:：]?[ \u200c]*")

_STATEMENT_NOUNS = (
    "بیانیه اطلاعیه نامه پیام گزارش توییت پست متن یادداشت اعلامیه قطعنامه سند مقاله سرمقاله "
    "پیش‌نویس توافقنامه تفاهمنامه بخشنامه"
)
STATEMENT_NOUN_RE = re.compile(_alt(_STATEMENT_NOUNS.replace("\u200c", "_")))
THIS_STATEMENT_RE = re.compile(f"{_B}(?:این|آن|همین){_S}{_alt(_STATEMENT_NOUNS.replace(chr(0x200C), '_'))}")


def _keys(words: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words.split())


# A word after which a name is an object, never the subject of the clause.
PREPOSITIONS = _keys(
    "به با از در درباره دربارهٔ برای علیه بر نزد سوی جانب همراه طرف مقابل حضور پیش توسط بین میان "
    "خود خویش نقل گزارش همتای همتایان"
)
# Days, parts of the day and weekdays: they open an adverbial and end a noun phrase.
_TIME_WORDS = _keys(
    "امروز دیروز روز صبح ظهر عصر شب بامداد شامگاه اخیرا اخیراً هفته ماه "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه"
)
# A clause that opens with one of these opens with an adverbial; its subject comes later.
ADVERBIAL_START = PREPOSITIONS | _TIME_WORDS | _keys(
    "طی ضمن پس قبل بعد هنگام حین بنابر براساس طبق علاوه همچنین نیز سپس امسال اکنون هم‌اکنون همزمان "
    "چندی ساعاتی دقایقی اما ولی"
)
# Words that end the noun phrase naming an unnamed speaker («سخنگوی وزارت خارجه | در نشست خبری»).
NP_STOP = _TIME_WORDS | _keys(
    "در با به طی ضمن خطاب درباره دربارهٔ برای علیه هم نیز همچنین پیشتر پیش قبل بعد پس که را گذشته"
)
# «در» stays inside a speaker's noun phrase before an institution: «یک مقام آگاه در وزارت نفت».
INSTITUTION = _keys(
    "وزارت وزارتخانه سازمان دفتر کاخ نهاد اداره دولت مجلس پارلمان ارتش سپاه شرکت دانشگاه "
    "بانک ستاد شورای شورا کنگره سنا کمیسیون اتحادیه دادگاه قوه حزب"
)
# A name right after one of these heads is a genitive («مشاور پوتین»): the speaker is unnamed.
GENITIVE_HEADS = _keys(
    "مشاور مشاوران سخنگوی سخنگو سخنگویان همسر پسر دختر برادر خواهر پدر مادر وکیل وکلای دستیار "
    "معاون نماینده نمایندگان دفتر دولت کابینه حامیان طرفداران مخالفان منتقدان نزدیکان اطرافیان "
    "یاران مقامات مقام منابع منبع"
)
HONORIFICS = re.compile(
    r"(?:آقای|خانم|دکتر|پرزیدنت|مهندس|سردار|سرلشکر|سرتیپ|سرهنگ|امیر|آیت[ \u200c]?الله|حجت[ \u200c]?الاسلام"
    r"(?: والمسلمین)?|شیخ|سید|پروفسور)[ \u200c]+"
)
ANAPHOR = re.compile(f"{_B}(?:وی|او|ایشان|آنها|آنان|نامبرده|این|همین){_E}")
# Titles: «عملیات طوفان الاقصی»، کتاب «…»، فیلم «…».
TITLE_WORDS = _keys(
    "کتاب فیلم سریال رمان مجموعه عملیات طرح برنامه کانال روزنامه نشریه مجله هفته‌نامه ماهنامه "
    "فصلنامه خبرگزاری پایگاه سایت وبسایت وب‌سایت شبکه رادیو تلویزیون نمایش نمایشنامه تئاتر مستند "
    "انیمیشن آلبوم ترانه آهنگ سرود شعر قطعه بازی اپلیکیشن نرم‌افزار پیام‌رسان پروژه رزمایش موشک "
    "پهپاد ناو زیردریایی ماهواره سامانه پویش کارزار هشتگ جشنواره نمایشگاه همایش کنفرانس اجلاس "
    "ائتلاف حزب گروه جنبش جبهه سازمان شرکت موسسه مؤسسه بنیاد انجمن باشگاه تیم مسابقه جایزه "
    "قانون لایحه منشور معاهده پیمان کنوانسیون عنوان نام لقب موسوم معروف مشهور ملقب مقاله ستون "
    "هتل خیابان میدان بیمارستان دانشگاه مدرسه مسجد کشتی نفتکش اردوگاه قرارگاه"
)
# A role word after «…»، marks the guillemets as a name in apposition: «سرگئی شویگو»، وزیر دفاع.
ROLE_WORDS = _keys(
    "وزیر رئیس رییس سخنگوی رهبر نماینده فرمانده دبیر دبیرکل مدیر مدیرعامل معاون سفیر نخست "
    "عضو استاندار شهردار دادستان مشاور همتای بنیانگذار"
)
_CLAUSE_CONJ = f"(?:اما|ولی|لیکن|لکن|زیرا|درحالیکه|در{_S}حالی{_S}که|چرا{_S}که){_E}"
CLAUSE_CONJ_RE = re.compile(f"{_B}{_CLAUSE_CONJ}")
# Verbs and clause conjunctions in one scan of the text (each scan of 5 MB costs 50 ms before it
# matches anything): no verb starts with a conjunction or holds one, nor the other way round,
# so a match of either is what its own pattern finds there (tested against the two).
VERB_OR_CONJ_RE = re.compile(f"{_B}(?:(?P<conj>{_CLAUSE_CONJ})|{_VERB_START}{_VERB})")
PARA_BREAKS = "\n\u2029"
BOUNDARY_RE = re.compile(r"[.!?؟؛;…\n\u2029]")  # holds the paragraph breaks too
PREFIX_RE = re.compile(
    r"(?:(?:به|بنا[ \u200c]?به|بنابر|بنا بر|طبق|بر[ \u200c]?اساس)[ \u200c]+(?:گزارش|نقل)[^،,\n]{0,120}[،,]"
    # Datelines («تهران- ایرنا-»، «تهران - حسن روحانی …»، «مسکو – …») only where a paragraph opens.
    r"|(?<![^\n])[^\s،,.\n]{1,20}(?:[ \u200c][^\s،,.\n]{1,20}){0,2}[ \u200c]*[-–—][^،,.\n-]{0,30}[-–—]"
    r"|(?<![^\n])[^\s،,.\n\-–—]{1,20}(?:[ \u200c][^\s،,.\n\-–—]{1,20}){0,2}[ \u200c]*[-–—](?=[ \u200c]))"
)
# «این را X گفت»، «این سخنان را …»: a pronoun that is the verb's object, not its subject.
OBJECT_RE = re.compile(f"{_B}(?:این|آن|همین|اینها|این‌ها)(?:[ \u200c]+{_WORD_CHARS}+)?[ \u200c]+را{_E}")
ACCORDING_RE = re.compile(
    f"{_B}(?:(?:به|از){_S}(?:گفته|نوشته|عقیده|اعتقاد|باور|تعبیر|نظر|دید|ادعای|اذعان)"
    f"|(?:به|بنا{_S}بر|بنابر|طبق|براساس|بر{_S}اساس){_S}(?:اعلام|اظهارات|ادعای|گفته|نوشته)){_S}[ \u200c]*"
)
LEADING_LINK_RE = re.compile(f"(?:که|و|سپس|همچنین|ضمنا|ضمناً|هم){_E}")
APPOSITION_RE = re.compile(r"[ \u200c]*[،,][ \u200c]*(\S+)")
DATELINE_GUARD_RE = re.compile("(?:به|بنا|بنابر|طبق|بر)")
# Nouns that, right before a quote («در پاسخ به این سوال که «…»»), make it a question put to the
# speaker, not the speaker's words.
QUESTION_NOUNS = _keys("سوال سؤال پرسش")
WORD_RE = re.compile(f"{_WORD_CHARS}+")
NP_TOKEN_RE = re.compile(f"{_WORD_CHARS}+|[،,«»\\-–—]")
AND_RE = re.compile(f"و{_E}")


@functools.lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, str]:
    """A word's comparison key, and that key without an ezafe or plural ending (برنامهٔ، کتاب‌های → base).

    Cached: news reuses a small vocabulary, and folding is the costly part of a lookup.
    """
    key = fold_key(word)
    for suffix in ("های", "ها", "ی"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key, key[: -len(suffix)]
    return key, key


def word_key(word: str) -> str:
    return _word_keys(word)[1]


def folded_word(word: str) -> str:
    """``fold_key(word)``, through the cache ``in_lexicon`` uses: speaker rules fold the same words over and over."""
    return _word_keys(word)[0]


def in_lexicon(word: str | None, words: frozenset[str]) -> bool:
    if not word or len(word) > 30:
        return False
    key, base = _word_keys(word)
    return key in words or base in words


def is_word(token: str) -> bool:
    """Whether a token (or its first character) belongs to a word rather than punctuation."""
    return not token[0].isspace() and token[0] not in _PUNCT


# Characters that end a word: punctuation (``is_word``) and the ZWNJ between a word's parts.
NOT_IN_WORD = _PUNCT + "\u200c"


# Light verbs, whose noun before them belongs to the verb («رد کرد», «دیدار کرد»).
LIGHT_VERBS = _keys(
    "کرد کردند کرده کند کنند نمود نمودند شد شدند شده شود داد دادند داده دهد داشت داشتند دارد دارند "
    "گرفت گرفتند گرفته زد زدند"
)
_VERB_ENDINGS = re.compile("^(?:ن?می[ \u200c]?)\\S{2,}$")
_COPULAS = _keys("است بود بودند هست هستند نیست نیستند باشد باشند")


def is_verb_form(word: str) -> bool:
    """Whether a word is a verb a speaker's noun phrase never holds: a light verb, a copula, «می‌…»."""
    if in_lexicon(word, LIGHT_VERBS) or in_lexicon(word, _COPULAS):
        return True
    key = folded_word(word)
    return bool(_VERB_ENDINGS.match(word)) and key.startswith(("می", "نمی")) and len(key) > 4 and not key.startswith(
        ("میز", "میان", "میل", "میدان", "میراث", "میهن", "میهمان", "میلیون", "میلیارد")
    )
