"""Direct quotes in Persian news and who said them.

Two kinds of quote are found on ``fold(text)`` (same length as the text, so
regex offsets are offsets in the text): words inside quotation marks («…», “…”,
"…"), and the rest of a paragraph after a speech verb and a colon (``گفت: …``).
Guillemets around a name or a title are not a quote.

The speaker is the subject of the clause whose speech verb governs the quote,
found with shallow rules that hold for news prose at large: the subject opens
its clause (after an agency prefix such as «به گزارش ایرنا،» and adverbials),
prepositional objects («خطاب به X», «با X») are never subjects, «وی/او/این
مقام» point back to the last speaker, and «در این بیانیه آمده است» gives the
quote to whoever issued the statement. Mentions inside quotes are masked out, so
a person named in a quote never becomes its speaker.

Every step is linear in the text: marks are paired with a stack, every search
around a quote looks at a bounded window, and lookups use bisection.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Sequence

from reader.core.document import Entity, Quote
from reader.core.text import Sentence, fold, fold_key

ZWNJ = "\u200c"
_S = "[ \u200c]?"  # parts of a verb: space, ZWNJ or nothing
_PUNCT = ".,،؛;:!?؟«»\"“”()[]{}-–—…/"
_WORD_CHARS = r"[^\s.,،؛;:!?؟«»\"“”()\[\]{}\-–—…/]"

# A « left open survives paragraph breaks (multi-paragraph quotes) only this far.
_MAX_QUOTE_PARAGRAPHS = 8
_MAX_QUOTE_CHARS = 20_000
# How far back or ahead any clause search looks, so work per quote is bounded.
_WINDOW = 400
_MASK = "Q"


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


def _verb_regex(simple: dict[str, str], compounds: dict[str, str]) -> str:
    """Simple verbs, and «noun + light verb» compounds keyed by the light verbs each noun takes."""
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
_VERB_RE = re.compile(
    f"{_B}(?:(?P<speech>{_SPEECH})|(?P<statement>{_STATEMENT})|(?P<expr>{_EXPRESSIVE})|(?P<issue>{_ISSUE})){_E}"
)
_COLON_GAP = re.compile("[ \u200c]*(?:که[ \u200c]*)?[:：]")
# Between a speech verb and the quote it introduces without a colon: «گفته بود «…»», «آمده است که «…»».
_LEAD_IN_GAP = re.compile("[ \u200c]*(?:که[ \u200c]*)?[:：]?[ \u200c]*")

_STATEMENT_NOUNS = (
    "بیانیه اطلاعیه نامه پیام گزارش توییت پست متن یادداشت اعلامیه قطعنامه سند مقاله سرمقاله "
    "پیش‌نویس توافقنامه تفاهمنامه بخشنامه"
)
_STATEMENT_NOUN_RE = re.compile(_alt(_STATEMENT_NOUNS.replace("\u200c", "_")))
_THIS_STATEMENT_RE = re.compile(f"{_B}(?:این|آن|همین){_S}{_alt(_STATEMENT_NOUNS.replace(chr(0x200C), '_'))}")


def _keys(words: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words.split())


# A word after which a name is an object, never the subject of the clause.
_PREPOSITIONS = _keys(
    "به با از در درباره دربارهٔ برای علیه بر نزد سوی جانب همراه طرف مقابل حضور پیش توسط بین میان "
    "خود خویش نقل گزارش همتای همتایان"
)
# A clause that opens with one of these opens with an adverbial; its subject comes later.
_ADVERBIAL_START = _PREPOSITIONS | _keys(
    "طی ضمن پس قبل بعد هنگام حین بنابر براساس طبق علاوه همچنین نیز سپس امروز دیروز روز صبح ظهر "
    "عصر شب بامداد شامگاه اخیرا اخیراً هفته ماه امسال اکنون هم‌اکنون همزمان چندی ساعاتی دقایقی "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه اما ولی"
)
# Words that end the noun phrase naming an unnamed speaker («سخنگوی وزارت خارجه | در نشست خبری»).
_NP_STOP = _keys(
    "در با به طی ضمن خطاب درباره دربارهٔ برای علیه هم نیز همچنین امروز دیروز روز صبح ظهر عصر شب "
    "بامداد شامگاه هفته ماه "
    "اخیرا اخیراً پیشتر پیش قبل بعد پس که را شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه "
    "پنج‌شنبه جمعه گذشته"
)
# «در» stays inside a speaker's noun phrase before an institution: «یک مقام آگاه در وزارت نفت».
_INSTITUTION = _keys(
    "وزارت وزارتخانه سازمان دفتر کاخ نهاد اداره دولت مجلس پارلمان ارتش سپاه شرکت دانشگاه "
    "بانک ستاد شورای شورا کنگره سنا کمیسیون اتحادیه دادگاه قوه حزب"
)
# A name right after one of these heads is a genitive («مشاور پوتین»): the speaker is unnamed.
_GENITIVE_HEADS = _keys(
    "مشاور مشاوران سخنگوی سخنگو سخنگویان همسر پسر دختر برادر خواهر پدر مادر وکیل وکلای دستیار "
    "معاون نماینده نمایندگان دفتر دولت کابینه حامیان طرفداران مخالفان منتقدان نزدیکان اطرافیان "
    "یاران مقامات مقام منابع منبع"
)
_HONORIFICS = re.compile(
    r"(?:آقای|خانم|دکتر|پرزیدنت|مهندس|سردار|سرلشکر|سرتیپ|سرهنگ|امیر|آیت[ \u200c]?الله|حجت[ \u200c]?الاسلام"
    r"(?: والمسلمین)?|شیخ|سید|پروفسور)[ \u200c]+"
)
_ANAPHOR = re.compile(f"{_B}(?:وی|او|ایشان|آنها|آنان|نامبرده|این|همین){_E}")
# Titles: «عملیات طوفان الاقصی»، کتاب «…»، فیلم «…».
_TITLE_WORDS = _keys(
    "کتاب فیلم سریال رمان مجموعه عملیات طرح برنامه کانال روزنامه نشریه مجله هفته‌نامه ماهنامه "
    "فصلنامه خبرگزاری پایگاه سایت وبسایت وب‌سایت شبکه رادیو تلویزیون نمایش نمایشنامه تئاتر مستند "
    "انیمیشن آلبوم ترانه آهنگ سرود شعر قطعه بازی اپلیکیشن نرم‌افزار پیام‌رسان پروژه رزمایش موشک "
    "پهپاد ناو زیردریایی ماهواره سامانه پویش کارزار هشتگ جشنواره نمایشگاه همایش کنفرانس اجلاس "
    "ائتلاف حزب گروه جنبش جبهه سازمان شرکت موسسه مؤسسه بنیاد انجمن باشگاه تیم مسابقه جایزه "
    "قانون لایحه منشور معاهده پیمان کنوانسیون عنوان نام لقب موسوم معروف مشهور ملقب مقاله ستون "
    "هتل خیابان میدان بیمارستان دانشگاه مدرسه مسجد کشتی نفتکش اردوگاه قرارگاه"
)
# A role word after «…»، marks the guillemets as a name in apposition: «سرگئی شویگو»، وزیر دفاع.
_ROLE_WORDS = _keys(
    "وزیر رئیس رییس سخنگوی رهبر نماینده فرمانده دبیر دبیرکل مدیر مدیرعامل معاون سفیر نخست "
    "عضو استاندار شهردار دادستان مشاور همتای بنیانگذار"
)
_CLAUSE_CONJ_RE = re.compile(f"{_B}(?:اما|ولی|لیکن|لکن|زیرا|درحالیکه|در{_S}حالی{_S}که|چرا{_S}که){_E}")
_BOUNDARY_RE = re.compile(r"[.!?؟؛;…\n\u2029]")
_PARA_RE = re.compile(r"[\n\u2029]")
_PREFIX_RE = re.compile(
    r"(?:(?:به|بنا[ \u200c]?به|بنابر|بنا بر|طبق|بر[ \u200c]?اساس)[ \u200c]+(?:گزارش|نقل)[^،,\n]{0,120}[،,]"
    r"|[^\s،,.\n]{1,20}(?:[ \u200c][^\s،,.\n]{1,20}){0,2}[ \u200c]*[-–—][^،,.\n-]{0,30}[-–—])"
)
_ACCORDING_RE = re.compile(
    f"{_B}(?:(?:به|از){_S}(?:گفته|نوشته|عقیده|اعتقاد|باور|تعبیر|نظر|دید|ادعای|اذعان)"
    f"|(?:به|بنا{_S}بر|بنابر|طبق|براساس|بر{_S}اساس){_S}(?:اعلام|اظهارات|ادعای|گفته|نوشته)){_S}[ \u200c]*"
)
_LEADING_LINK_RE = re.compile(f"(?:که|و|سپس|همچنین|ضمنا|ضمناً|هم){_E}")
_APPOSITION_RE = re.compile(r"[ \u200c]*[،,][ \u200c]*(\S+)")
_DATELINE_GUARD_RE = re.compile("(?:به|بنا|بنابر|طبق|بر)")
_WORD_RE = re.compile(f"{_WORD_CHARS}+")
_NP_TOKEN_RE = re.compile(f"{_WORD_CHARS}+|[،,«»]")
_AND_RE = re.compile(f"و{_E}")
_SKIP = " \t\r\u200c،,؛;:»«\"“”-–—" + _MASK
_OPENERS = "«“\""


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


def _word_key(word: str) -> str:
    return _word_keys(word)[1]


def _in(word: str | None, words: frozenset[str]) -> bool:
    if not word or len(word) > 30:
        return False
    key, base = _word_keys(word)
    return key in words or base in words


def _is_word(token: str) -> bool:
    """Whether a token (or its first character) belongs to a word rather than punctuation."""
    return not token[0].isspace() and token[0] not in _PUNCT


# --------------------------------------------------------------------------- data

@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


@dataclass(frozen=True)
class _Span:
    """A quote before attribution: its words, its marks' extent, and the verb that introduced it."""

    start: int
    end: int
    outer_start: int  # the opening mark, or the first quoted word of a colon quote
    outer_end: int  # just after the closing mark, or the quote's end
    verb: int | None = None  # start of the colon speech verb


@dataclass(frozen=True)
class _Speaker:
    id: str | None
    text: str | None


_ANAPHORIC = _Speaker(None, "\x00anaphor")


# --------------------------------------------------------------------------- API

def extract_quotes(
    text: str, entities: Sequence[Entity], sentences: Sequence[Sentence] | None = None
) -> list[Quote]:
    """Every direct quote in ``text`` with its speaker, in text order.

    ``sentences`` is accepted for the pipeline's sake but not needed: hazm splits
    sentences inside quotes, and the rules here need sentences that treat a quote
    as one unit, so they segment the text themselves.
    """
    del sentences
    return _Extractor(text, entities).run()


class _Extractor:
    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.f = fold(text)
        self.n = len(text)
        self.breaks = [m.start() for m in _PARA_RE.finditer(self.f)]
        mentions: dict[int, _Mention] = {}
        for entity in entities:
            if entity.type not in ("PER", "ORG", "LOC"):
                continue
            for span in entity.mentions:
                if 0 <= span.start < span.end <= self.n:
                    old = mentions.get(span.start)
                    if old is None or span.end > old.end:
                        mentions[span.start] = _Mention(span.start, span.end, entity)
        self.mentions = [mentions[k] for k in sorted(mentions)]
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_at = mentions
        self.mention_end = {m.end: m for m in self.mentions}
        self.verbs = [(m.start(), m.end(), str(m.lastgroup)) for m in _VERB_RE.finditer(self.f)]
        self.verb_starts = [v[0] for v in self.verbs]
        # Verbs that report speech (not «خواند», not «صادر کرد»): they end clauses and introduce quotes.
        self.said = [v for v in self.verbs if v[2] in ("speech", "statement")]
        self.said_ends = [v[1] for v in self.said]
        # The last person who spoke or acted as a sentence subject, and its value when the
        # current sentence began: «وی/او» in a sentence points before that sentence.
        self.last = _Speaker(None, None)
        self.sentence_last = self.last
        self.issuer = _Speaker(None, None)
        self._verb_cache: dict[int, _Speaker | None] = {}

    # ----------------------------------------------------------------- finding quotes

    def run(self) -> list[Quote]:
        marks = self._mark_spans()
        self._set_mask(marks)
        linked, regions = self._colon_quotes(marks)
        quotes: list[_Span] = []
        r = 0
        for span in marks:
            while r < len(regions) and regions[r].end <= span.outer_start:
                quotes.append(regions[r])
                r += 1
            if r < len(regions) and regions[r].start <= span.outer_start < regions[r].end:
                continue  # guillemets inside a colon quote are part of it
            verb = linked.get(span.outer_start)
            if verb is not None:
                quotes.append(_Span(span.start, span.end, span.outer_start, span.outer_end, verb))
            elif not self._is_name_or_title(span):
                quotes.append(span)
        quotes.extend(regions[r:])
        self._set_mask(quotes)
        return self._attribute_all(quotes)

    def _para_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) else self.n

    def _para_start(self, pos: int) -> int:
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i - 1] + 1 if i > 0 else 0

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``start:end`` without edge whitespace; bounded loops as quotes rarely have much."""
        f = self.f
        while start < end and (f[start].isspace() or f[start] == ZWNJ):
            start += 1
        while end > start and (f[end - 1].isspace() or f[end - 1] == ZWNJ):
            end -= 1
        return start, end

    def _mark_spans(self) -> list[_Span]:
        """Top-level quotes in marks; nested marks belong to the quote around them."""
        raw: list[tuple[int, int, int]] = []  # (open, content end, outer end)
        for opener, closer in (("«", "»"), ("“", "”")):
            raw.extend(self._pair(opener, closer))
        raw.extend(self._pair_straight())
        raw.sort(key=lambda r: (r[0], -r[2]))
        spans: list[_Span] = []
        reach = -1
        for open_pos, content_end, outer_end in raw:
            if open_pos < reach:
                continue  # nested (or crossing) marks stay inside the outer quote
            start, end = self._trimmed(open_pos + 1, content_end)
            if start < end:
                spans.append(_Span(start, end, open_pos, outer_end))
                reach = outer_end
        return spans

    def _pair(self, opener: str, closer: str) -> list[tuple[int, int, int]]:
        """Pair one kind of mark with a stack; an open mark never closed stops at its paragraph end."""
        pairs: list[tuple[int, int, int]] = []
        stack: list[list[int]] = []  # [open position, paragraph number, last paragraph start]
        para, para_start = 0, 0

        def unclosed(item: list[int]) -> None:
            end = self._para_end(item[2])
            pairs.append((item[0], end, end))

        for m in re.finditer(f"[{opener}{closer}\n\u2029]", self.f):
            pos, ch = m.start(), m.group()
            if ch == opener:
                # «para one … \n«para two …» : a paragraph opening with « continues an open quote.
                if stack and stack[-1][1] == para - 1 and pos - para_start < 8 and not self.f[para_start:pos].strip():
                    stack[-1][1], stack[-1][2] = para, para_start
                else:
                    stack.append([pos, para, pos])
            elif ch == closer:
                if stack and (para - stack[-1][1] > _MAX_QUOTE_PARAGRAPHS or pos - stack[-1][0] > _MAX_QUOTE_CHARS):
                    # The newest open is too far back, so every older one is too: none closes here.
                    while stack:
                        unclosed(stack.pop())
                    continue
                if stack:
                    item = stack.pop()
                    pairs.append((item[0], pos, pos + 1))
            else:
                para, para_start = para + 1, pos + 1
        while stack:
            unclosed(stack.pop())
        return pairs

    def _pair_straight(self) -> list[tuple[int, int, int]]:
        """ASCII "…" pairs within a paragraph; a lone " is not a quote."""
        pairs: list[tuple[int, int, int]] = []
        open_pos: int | None = None
        for m in re.finditer('["\n\u2029]', self.f):
            if m.group() != '"':
                open_pos = None
            elif open_pos is None:
                open_pos = m.start()
            else:
                pairs.append((open_pos, m.start(), m.start() + 1))
                open_pos = None
        return pairs

    def _set_mask(self, spans: Sequence[_Span]) -> None:
        """Hide quoted words from clause analysis, keeping a final stop so sentences still end there."""
        parts: list[str] = []
        cursor = 0
        f = self.f
        for s in spans:
            parts.append(f[cursor : s.start])
            inner = _MASK * (s.end - s.start)
            if f[s.end - 1] in ".!?؟…":
                inner = inner[:-1] + "."
            parts.append(inner)
            cursor = s.end
        parts.append(f[cursor:])
        self.masked = "".join(parts)
        self.bounds = [m.start() for m in _BOUNDARY_RE.finditer(self.masked)]
        self.conj = [m.end() for m in _CLAUSE_CONJ_RE.finditer(self.masked)]

    def _colon_quotes(self, marks: list[_Span]) -> tuple[dict[int, int], list[_Span]]:
        """Quotes after «گفت:»: marks the colon introduces, and paragraph tails."""
        linked: dict[int, int] = {}
        regions: list[_Span] = []
        mark_at = {s.outer_start: s for s in marks}
        mark_starts = [s.outer_start for s in marks]
        masked = self.masked
        for m in re.finditer("[:：]", masked):
            colon = m.start()
            k = bisect.bisect_right(self.said_ends, colon) - 1
            if k < 0 or not _COLON_GAP.fullmatch(masked, self.said_ends[k], colon + 1):
                continue
            verb = self.said[k][0]
            if regions and regions[-1].start <= verb < regions[-1].end:
                cut = self._sentence_start(verb)
                if cut <= regions[-1].start:
                    continue  # «پدرم می‌گفت: …» inside the quote is part of it
                last = regions.pop()
                start, end = self._trimmed(last.start, cut)
                if start < end:
                    regions.append(_Span(start, end, start, end, last.verb))
            p_end = self._para_end(colon)
            start, _ = self._trimmed(colon + 1, p_end)
            if start == p_end and p_end < self.n:  # «وی افزود:» then the quote as the next paragraph
                start, _ = self._trimmed(p_end + 1, self._para_end(p_end + 1))
                p_end = self._para_end(start)
            if start >= self.n:
                continue
            if self.f[start] in _OPENERS:
                if start in mark_at:
                    linked[start] = verb
                continue
            end = p_end
            # A quote in marks that starts inside and runs past the paragraph stays whole.
            i = bisect.bisect_left(mark_starts, start)
            if i < len(marks) and marks[i].outer_start < end < marks[i].outer_end:
                end = marks[i].outer_start
            start, end = self._trimmed(start, end)
            if start < end:
                regions.append(_Span(start, end, start, end, verb))
        return linked, regions

    def _is_name_or_title(self, span: _Span) -> bool:
        """Guillemets around a name («سرگئی شویگو») or a title (عملیات «…») rather than words said."""
        f = self.f
        start, end = span.start, span.end
        while end > start and f[end - 1] in ".،,!?؟:؛;":
            end -= 1
        words = f[start : min(end, start + 300)].split()[:8]  # only "short or not" matters
        if not words:
            return True
        m = self.mention_at.get(start)
        if m is not None and m.end >= end and m.end <= span.outer_end:
            return True
        m = self.mention_at.get(span.outer_start)
        if m is not None and m.end >= end:
            return True
        before = self._words_before(span.outer_start, 2)
        if len(words) <= 6 and before and _in(before[-1], _TITLE_WORDS):
            return True
        if len(words) > 3 or self._verb_after(span.outer_end, kinds=("speech", "expr")) is not None:
            return False
        if any(_in(w, _TITLE_WORDS) for w in before) or _in(words[0], _TITLE_WORDS):
            return True
        after = _APPOSITION_RE.match(f[span.outer_end : span.outer_end + 40])
        return after is not None and _in(after.group(1), _ROLE_WORDS)

    # ----------------------------------------------------------------- clauses

    def _words_before(self, pos: int, count: int) -> list[str]:
        """Up to ``count`` words right before ``pos`` in the same clause (no punctuation between)."""
        words: list[str] = []
        lo = max(0, pos - 80)
        while len(words) < count:
            word = self._prev_token(pos, lo)
            if not word or not _is_word(word):
                break
            words.insert(0, word)
            pos = self.masked.rindex(word, lo, pos)
        return words

    def _sentence_start(self, pos: int) -> int:
        i = bisect.bisect_left(self.bounds, pos)
        start = self.bounds[i - 1] + 1 if i > 0 else 0
        return max(start, pos - _WINDOW)

    def _sentence_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.bounds, pos)
        end = self.bounds[i] if i < len(self.bounds) else self.n
        return min(end, pos + _WINDOW)

    def _verbs_between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.verb_starts, lo)
        j = bisect.bisect_left(self.verb_starts, hi)
        return self.verbs[i:j]

    def _verb_after(self, pos: int, kinds: tuple[str, ...]) -> tuple[int, int, str] | None:
        for verb in self._verbs_between(pos, self._sentence_end(pos)):
            if verb[2] in kinds and self.masked[verb[0]] != _MASK:
                return verb
        return None

    def _clause_start(self, pos: int) -> tuple[int, tuple[int, int, str] | None]:
        """Where the clause holding ``pos`` begins, and the speech verb that ends the one before."""
        start = self._sentence_start(pos)
        i = bisect.bisect_right(self.conj, pos) - 1
        if i >= 0 and start <= self.conj[i] <= pos:
            start = self.conj[i]
        k = bisect.bisect_right(self.said_ends, pos) - 1
        while k >= 0 and self.said[k][0] >= start and self.masked[self.said[k][0]] == _MASK:
            k -= 1  # a verb inside a quote ends nothing outside it
        if k >= 0 and self.said[k][0] >= start:
            return self.said[k][1], self.said[k]
        return start, None

    def _skip_prefix(self, lo: int, hi: int) -> int:
        """Past punctuation, an agency prefix («به گزارش ایرنا،»), a dateline, «که»."""
        masked = self.masked
        for _ in range(4):
            while lo < hi and masked[lo] in _SKIP:
                lo += 1
            m = _PREFIX_RE.match(masked, lo, hi)
            if m and m.end() > lo and not self._person_in_dashes(lo, m.end()):
                lo = m.end()
                continue
            m = _LEADING_LINK_RE.match(masked, lo, hi)
            if m:
                lo = m.end()
                continue
            break
        return lo

    def _person_in_dashes(self, lo: int, hi: int) -> bool:
        """Whether a dateline-looking prefix («تهران- ایرنا-») really opens with a person's name."""
        if _DATELINE_GUARD_RE.match(self.masked, lo, hi):
            return False  # «به گزارش …،» is never a name
        mention = self.mention_at.get(lo)
        return mention is not None and mention.entity.type == "PER"

    def _candidates(self, lo: int, hi: int) -> list[_Mention]:
        i = bisect.bisect_left(self.mention_starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and self.masked[m.start] != _MASK:
                out.append(m)
            i += 1
        return out

    def _prev_token(self, pos: int, lo: int) -> str | None:
        """The word or punctuation right before ``pos``, or None at the clause start."""
        masked = self.masked
        i = pos
        while i > lo and masked[i - 1] in " \t\u200c":
            i -= 1
        if i <= lo:
            return None
        if not _is_word(masked[i - 1]):
            return masked[i - 1]
        j = i
        while j > lo and i - j < 40 and _is_word(masked[j - 1]) and masked[j - 1] != ZWNJ:
            j -= 1
        return masked[j:i]

    def _speaker(self, mention: _Mention) -> _Speaker:
        return _Speaker(mention.entity.id, self.text[mention.start : mention.end])

    def _subject(self, lo: int, hi: int) -> _Speaker | None:
        """The subject of the clause ``lo:hi`` (which ends at its verb or at the quote)."""
        lo = self._skip_prefix(lo, hi)
        if lo >= hi:
            return None
        masked = self.masked
        honorific = _HONORIFICS.match(masked, lo, hi)
        head = self.mention_at.get(honorific.end() if honorific else lo)
        if head is not None and head.end <= hi:
            return self._speaker(head)
        first = _WORD_RE.match(masked, lo, hi)
        first_word = first.group() if first else ""
        if _ANAPHOR.match(masked, lo, hi):
            if _THIS_STATEMENT_RE.match(masked, lo, hi):
                return self.issuer
            return _ANAPHORIC
        if first_word and (_in(first_word, _ADVERBIAL_START) or first_word[0].isdigit()):
            return self._subject_after_adverbial(lo, hi)
        return self._noun_phrase(lo, hi)

    def _subject_after_adverbial(self, lo: int, hi: int) -> _Speaker | None:
        """«در دیدار با X، Y گفت» → Y: names after a preposition are skipped, a name after a comma wins."""
        chosen: _Mention | None = None
        genitive: _Speaker | None = None
        prev_skipped_end = -1
        for m in self._candidates(lo, hi):
            prev = self._prev_token(m.start, lo)
            skipped = _in(prev, _PREPOSITIONS) or (
                prev == "و" and prev_skipped_end >= 0 and m.start - prev_skipped_end < 5
            )
            if skipped:
                prev_skipped_end = m.end
                continue
            prev_skipped_end = -1
            if prev in ("،", ","):
                if m.entity.type != "LOC" or self._speaker_verb_follows(m.end, hi):
                    return self._speaker(m)
                continue
            if m.entity.type == "PER" and not _in(prev, _GENITIVE_HEADS):
                chosen = chosen or m
            elif genitive is None and prev and m.entity.type in ("ORG", "LOC", "PER"):
                head_start = m.start - len(prev) - 1
                genitive = _Speaker(None, self.text[max(lo, head_start) : m.end].strip())
        if chosen is not None:
            return self._speaker(chosen)
        if genitive is not None:
            return genitive
        comma = max(self.masked.rfind("،", lo, hi), self.masked.rfind(",", lo, hi))
        if comma > lo:
            return self._noun_phrase(comma + 1, hi) or _ANAPHORIC
        return _ANAPHORIC  # «در ادامه افزود»: no subject, the last speaker goes on

    def _speaker_verb_follows(self, pos: int, hi: int) -> bool:
        """Whether nothing but the verb follows: «…، ایران اعلام کرد» makes a country the subject."""
        return not self.masked[pos:hi].strip(" \u200c")

    def _noun_phrase(self, lo: int, hi: int) -> _Speaker | None:
        """An unnamed speaker («یک مقام آگاه در وزارت نفت هند»), or the name inside or after it."""
        masked = self.masked
        lo = self._skip_prefix(lo, hi)
        words = list(_NP_TOKEN_RE.finditer(masked[lo:hi]))
        end = lo
        kind_words = True  # only words like «روزنامه» or «خبرگزاری» so far
        for k, w in enumerate(words[:12]):
            token = w.group()
            at = lo + w.start()
            mention = self.mention_at.get(at)
            if mention is not None and mention.entity.type == "ORG" and kind_words and mention.end <= hi:
                return self._speaker(mention)  # «روزنامه نیویورک تایمز نوشت»، «شبکه «الجزیره» گزارش داد»
            kind_words = kind_words and (token in "«»" or _in(token, _TITLE_WORDS))
            if mention is not None and mention.entity.type == "PER" and mention.end <= hi:
                prev = self._prev_token(at, lo)
                if not _in(prev, _GENITIVE_HEADS):
                    return self._speaker(mention)  # «وزیر خارجه ایران، عباس عراقچی»
            if token in "،,":
                nxt = words[k + 1] if k + 1 < len(words) else None
                after = self.mention_at.get(lo + nxt.start()) if nxt else None
                if after is not None and after.entity.type in ("PER", "ORG") and after.end <= hi:
                    return self._speaker(after)
                break
            if token == "«":
                continue  # a name in guillemets («الجزیره») is part of the phrase; a quote is masked
            if _MASK in token or token[0].isdigit():
                break
            if k > 0 and _in(token, _NP_STOP):
                nxt = words[k + 1] if k + 1 < len(words) else None
                if not (fold_key(token) == "در" and nxt and (_in(nxt.group(), _INSTITUTION) or lo + nxt.start() in self.mention_at)):
                    break
            end = lo + w.end()
        if end <= lo:
            return None
        return _Speaker(None, self.text[lo:end])

    # ----------------------------------------------------------------- attribution

    def _verb_subject(self, verb: tuple[int, int, str]) -> _Speaker | None:
        """The speaker of a speech verb, cached; records who issued a statement."""
        if verb[0] in self._verb_cache:
            return self._verb_cache[verb[0]]
        start, previous = self._clause_start(verb[0])
        result: _Speaker | None
        if verb[2] == "statement":
            result = self._statement_issuer(start, verb[0])
        else:
            lo = start
            while lo < verb[0] and self.masked[lo] in _SKIP:
                lo += 1
            relative = self._relative_subject(verb[0], start)
            if relative is not None:
                result = relative
            elif previous is not None and _AND_RE.match(self.masked, lo, lo + 2):
                result = self._verb_subject(previous)  # «X اشاره کرد و گفت»: one subject, two verbs
            else:
                result = self._subject(start, verb[0])
                if result is None and previous is not None and self._skip_prefix(start, verb[0]) >= verb[0]:
                    # «او … اظهارات ترامپ که گفته بود «…»، گفت»: nothing between the verbs, so
                    # the subject is the one opening the sentence, before the other verb.
                    result = self._subject(self._sentence_start(previous[0]), previous[0])
            if result is _ANAPHORIC or (result is None and self._skip_prefix(start, verb[0]) >= verb[0]):
                result = self.sentence_last
            # «با انتشار بیانیه‌ای اعلام کرد» or «اعلام کرد در بیانیه‌ای»: this subject issued a statement.
            if result is not None and _STATEMENT_NOUN_RE.search(self.masked, start, min(verb[1] + 40, self._sentence_end(verb[1]))):
                self.issuer = result
        self._verb_cache[verb[0]] = result
        return result

    def _relative_subject(self, pos: int, lo: int) -> _Speaker | None:
        """«ترامپ که گفته بود …»: a name right before «که» is the subject of the relative clause's verb."""
        for _ in range(3):
            token = self._prev_token(pos, lo)
            if token is None or not _is_word(token):
                return None
            pos = self.masked.rindex(token, lo, pos)
            if token == "که":
                mention = self.mention_end.get(self._trimmed(lo, pos)[1])
                return self._speaker(mention) if mention is not None and mention.entity.type != "LOC" else None
        return None

    def _statement_issuer(self, lo: int, hi: int) -> _Speaker | None:
        """«در بیانیه X آمده است» → X; «در این بیانیه آمده است» → whoever issued it before."""
        for m in self._candidates(lo, hi):
            prev = self._prev_token(m.start, lo)
            if prev and _STATEMENT_NOUN_RE.fullmatch(_word_key(prev) or ""):
                return self._speaker(m)
        if _THIS_STATEMENT_RE.search(self.masked, lo, hi):
            return self.issuer
        return None

    def _according_to(self, lo: int, hi: int) -> _Speaker | None:
        """«به گفته X، «…»» → X."""
        m = None
        for m in _ACCORDING_RE.finditer(self.masked, lo, hi):
            pass
        if m is None:
            return None
        comma = min(c for c in (self.masked.find("،", m.end(), hi), self.masked.find(",", m.end(), hi), hi) if c >= 0)
        result = self._subject(m.end(), comma)
        return self.sentence_last if result is _ANAPHORIC else result

    def _attribute_mark(self, span: _Span, previous: _Span | None, previous_speaker: _Speaker | None) -> _Speaker | None:
        k = bisect.bisect_right(self.said_ends, span.outer_start) - 1
        if k >= 0 and _LEAD_IN_GAP.fullmatch(self.masked, self.said_ends[k], span.outer_start):
            return self._verb_subject(self.said[k])  # «ترامپ گفته بود «…»»
        verb = self._verb_after(span.outer_end, kinds=("speech", "expr", "statement"))
        if verb is not None:
            between = self.masked[span.outer_end : verb[0]]
            stripped = between.strip(" \t\u200c")
            if stripped[:1] in ("،", ",") or _ANAPHOR.match(stripped) or self._mention_first(span.outer_end, verb[0]):
                result = self._subject(span.outer_end, verb[0])  # «…»، او افزود / «…» X گفت
                return self.sentence_last if result is _ANAPHORIC else result
            start, _ = self._clause_start(span.outer_start)
            result = self._subject(start, span.outer_start)
            if result is _ANAPHORIC or result is None:
                return self._verb_subject(verb) if verb[2] != "expr" else self.sentence_last
            return result
        start = self._sentence_start(span.outer_start)
        result = self._according_to(start, span.outer_start)
        if result is not None:
            return result
        for verb in reversed(self._verbs_between(start, span.outer_start)):
            if verb[2] in ("speech", "statement") and self.masked[verb[0]] != _MASK:
                return self._verb_subject(verb)  # reported speech: «X گفت که … «…» خواهد بود»
        if previous is not None and not self.f[previous.outer_end : span.outer_start].strip():
            return previous_speaker  # the next paragraph of the same quote
        return None

    def _mention_first(self, lo: int, hi: int) -> bool:
        lo = self._skip_prefix(lo, hi)
        return lo in self.mention_at

    def _attribute_all(self, spans: list[_Span]) -> list[Quote]:
        # Sentence subjects and speech verbs keep «وی/او» pointing at the last person who spoke or acted.
        events = sorted(
            [(v[0], 1, v) for v in self.verbs if v[2] in ("speech", "statement", "issue")]
            + [(b + 1, 0, None) for b in self.bounds]
            + [(0, 0, None)]
        )
        e = 0
        quotes: list[Quote] = []
        previous: _Span | None = None
        previous_speaker: _Speaker | None = None
        for span in spans:
            anchor = span.verb if span.verb is not None else span.outer_start
            while e < len(events) and events[e][0] < anchor:
                self._advance(events[e])
                e += 1
            if span.verb is not None:
                i = bisect.bisect_left(self.verb_starts, span.verb)
                speaker = self._verb_subject(self.verbs[i])
            else:
                speaker = self._attribute_mark(span, previous, previous_speaker)
            if speaker is _ANAPHORIC:
                speaker = self.sentence_last
            if speaker is not None and (speaker.id or speaker.text):
                self.last = speaker
            quotes.append(Quote(span.start, span.end, speaker.id if speaker else None, speaker.text if speaker else None))
            previous, previous_speaker = span, speaker
        return quotes

    def _advance(self, event: tuple[int, int, tuple[int, int, str] | None]) -> None:
        pos, kind, verb = event
        if pos >= self.n or self.masked[pos] == _MASK:
            return
        if verb is not None:
            if verb[2] == "issue":
                start, _ = self._clause_start(verb[0])
                subject = self._subject(start, verb[0])
                if subject is not None and subject is not _ANAPHORIC:
                    self.issuer = subject
                return
            subject = self._verb_subject(verb)
        else:
            self.sentence_last = self.last
            lo = self._skip_prefix(pos, min(self.n, pos + 200))
            mention = self.mention_at.get(lo)
            subject = self._speaker(mention) if mention is not None and mention.entity.type == "PER" else None
        if subject is not None and subject is not _ANAPHORIC and subject.id:
            self.last = subject
