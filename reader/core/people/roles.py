"""A person's role: an apposition after the name or a title phrase right before it.

«آنتونی بلینکن، وزیر خارجه آمریکا», «مریم احمدی، دانشجوی ۲۲ ساله دانشگاه تهران»,
«رئیس‌جمهور روسیه ولادیمیر پوتین». A title phrase is an office or occupation word and the
ezafe chain after it, checked word by word against hazm's lexicon.
"""

from __future__ import annotations

import operator
from typing import Sequence

from reader.core.ner.features import OFFICE_TITLES, feature_key, hazm_lexicon
from reader.core.people.mentions import Group
from reader.core.text import Sentence

_COMMAS = frozenset({"،", ",", "؛", ";"})
# Closing marks that may stand between a name and its apposition: «سرگئی شویگو»، وزیر ...
_CLOSERS = frozenset({"»", '"', "”", ")", "]", "›", "'"})

# Words that end a title phrase: function words, common verbs and time words.
# A role is a noun phrase (an ezafe chain); these words never continue one.
_PHRASE_STOPS = frozenset(
    feature_key(w)
    for w in (
        # prepositions, conjunctions, particles
        "و", "یا", "که", "را", "در", "با", "به", "از", "برای", "تا", "بر", "اما", "ولی", "نیز",
        "هم", "همراه", "این", "آن", "خود", "هر", "چون", "اگر", "پس", "طی", "ضمن", "بدون",
        "درباره", "علیه", "نزد", "سوی", "روی", "پیش", "پس", "بین", "میان",
        # common verbs and auxiliaries
        "است", "بود", "شد", "کرد", "کند", "گفت", "دارد", "داد", "هست", "نیست", "باشد", "شود",
        "کردند", "گفتند", "کرده", "شده", "داشت", "خواهد", "افزود", "اعلام",
        # time words
        "روز", "هفته", "ماه", "سال", "امروز", "دیروز", "فردا", "امشب", "دیشب", "صبح", "شب",
        "عصر", "ظهر", "بامداد", "گذشته", "اخیر", "آینده", "جاری", "شنبه", "یکشنبه", "دوشنبه",
        "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه",
    )
)
_MAX_MODIFIERS = 6
# Office words that open a role, beyond the NER's title features (which the model was trained on).
_ROLE_HEADS = OFFICE_TITLES | frozenset(
    feature_key(w)
    for w in (
        "هماهنگ‌کننده", "فرستاده", "قائم‌مقام", "کاردار", "سرکنسول", "جانشین", "رئیس‌کل",
        "دبیرکل", "مدیرعامل", "کمیسر", "فرمانده‌کل", "امیر", "ولیعهد", "سلطان", "سردبیر",
        # Occupations, for the people of everyday news («مریم احمدی، دانشجوی دانشگاه تهران،»).
        "دانشجو", "دانشجوی", "دانش‌آموز", "معلم", "استاد", "پزشک", "وکیل", "عکاس", "هنرمند",
        "ورزشکار", "شاعر", "فعال", "تحلیلگر", "پژوهشگر", "اقتصاددان", "کارمند", "دانشمند", "مجری",
        "نوازنده", "قهرمان", "مترجم", "روزنامه‌نگار", "فیلمساز", "آهنگساز", "نقاش",
        # Ranks and offices of foreign governments and churches.
        "صدراعظم", "نخست‌وزیر", "رئیس‌جمهوری", "نایب‌رئیس", "سپهبد", "ارتشبد", "دریاسالار", "سرلشکر",
        "سرتیپ", "سرهنگ", "ژنرال", "کنسول", "سرکنسول", "پاپ", "اسقف", "کاردینال", "پاتریارک", "شیخ",
        "نامزد", "قانونگذار", "دادستان‌کل", "بخشدار", "فرماندار", "دیکتاتور", "شاه", "امپراتور", "مارشال",
        # Sports positions.
        "کاپیتان", "دروازه‌بان", "مهاجم", "هافبک", "مدافع", "گلزن", "ملی‌پوش", "داور",
        "کشتی‌گیر", "وزنه‌بردار", "تنیسور", "دونده", "شناگر", "رکابزن", "بوکسور", "شطرنج‌باز", "ستاره",
    )
)
# Nouns whose complement takes «با»: «مبارزه با مواد مخدر», «مقابله با قاچاق».
_WITH_NOUNS = frozenset(feature_key(w) for w in ("مبارزه", "مقابله"))
# Light verbs: the noun right before one is part of the verb («دیدار کرد»), not of a role.
_LIGHT_VERBS = frozenset(
    feature_key(w)
    for w in (
        "کرد", "کردند", "کرده", "کند", "کنند", "می‌کند", "می‌کنند", "نمود", "نمودند", "شد", "شدند",
        "شده", "شود", "داد", "دادند", "داده", "دهد", "می‌دهد", "داشت", "داشتند", "دارد", "دارند", "گرفت",
        "گرفتند", "زد", "زدند", "خواهد",
    )
)
# Heads that take another office as their complement: «معاون وزیر خارجه»، «مشاور رئیس‌جمهور».
_DEPENDENT_HEADS = frozenset(
    feature_key(w)
    for w in ("معاون", "مشاور", "سخنگوی", "سخنگو", "دستیار", "نماینده", "فرستاده", "جانشین", "قائم‌مقام", "نایب")
)
_ENTITY_IN_TITLE = frozenset({"LOC", "ORG"})
_SPAN_START = operator.attrgetter("span.start")


def role_of(text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]], group: Group) -> str | None:
    in_order = sorted(group.mentions, key=_SPAN_START)
    for mention in in_order:
        sentence = sentences[mention.sentence]
        s_tags = tags[mention.sentence]
        span = _apposition(sentence, s_tags, mention.last) or _title_before(sentence, s_tags, mention.first)
        if span is not None:
            return text[span[0] : span[1]]
    # News also writes the apposition without a comma («محمدجواد ظریف وزیر امور خارجه»);
    # weaker evidence than either form above, so only when no mention has those.
    for mention in in_order:
        span = _apposition(sentences[mention.sentence], tags[mention.sentence], mention.last, comma=False)
        if span is not None:
            return text[span[0] : span[1]]
    return None


def _is_head(token_norm: str) -> bool:
    return feature_key(token_norm) in _ROLE_HEADS


def _title_phrase_end(sentence: Sentence, tags: Sequence[str], head: int) -> int:
    """The token index just past a title phrase starting at ``head``.

    The phrase is the head, then nouns and adjectives of an ezafe chain
    («امور خارجه»), then optionally one LOC/ORG name, which ends it («کره جنوبی»).
    """
    tokens = sentence.tokens
    lexicon = hazm_lexicon()
    i = head + 1
    modifiers = 0
    while i < len(tokens) and modifiers < _MAX_MODIFIERS:
        tag = tags[i]
        if tag != "O":
            kind = tag.partition("-")[2]
            if tag.startswith("B-") and kind in _ENTITY_IN_TITLE:
                i += 1
                while i < len(tokens) and tags[i] == f"I-{kind}":
                    i += 1
            break
        key = feature_key(tokens[i].norm)
        after_dependent = feature_key(tokens[i - 1].norm) in _DEPENDENT_HEADS
        if _is_head(tokens[i].norm) and key not in ("رییس", "معاون") and not after_dependent:
            break  # the next title starts another person's description
        if key.isdigit() and i + 1 < len(tokens) and feature_key(tokens[i + 1].norm) == "ساله":
            i += 2  # an age inside the description: «دانشجوی ۲۲ ساله دانشگاه تهران»
            modifiers += 1
            continue
        if i + 1 < len(tokens) and tags[i + 1] == "O" and feature_key(tokens[i + 1].norm) in _LIGHT_VERBS:
            break  # «وزیر دفاع روسیه | دیدار کرد»
        if key == "با" and feature_key(tokens[i - 1].norm) in _WITH_NOUNS and i + 1 < len(tokens):
            i += 1  # «ستاد مبارزه با مواد مخدر»: «با» belongs to the noun before it
            continue
        if key in _PHRASE_STOPS or not key.isalpha() or _looks_verbal(key) or not _nominal(lexicon, tokens[i].norm):
            break
        i += 1
        modifiers += 1
    return i


def _nominal(lexicon, norm: str) -> bool:  # type: ignore[no-untyped-def]
    """A noun or adjective in hazm's lexicon, or a ZWNJ compound of them («خزانه‌داری», «حمل‌ونقل»)."""
    entry = lexicon.lookup(feature_key(norm))
    if entry is not None:
        return bool({"N", "AJ", "0"} & set(entry[0].split("+")))
    parts = [p for p in norm.replace("\u200c", " ").split() if p]
    if len(parts) < 2:
        return False
    first = lexicon.lookup(feature_key(parts[0]))
    if first is None or not ({"N", "AJ"} & set(first[0].split("+"))):
        return False
    return all(feature_key(p) in _WORD_ENDS or lexicon.lookup(feature_key(p)) is not None for p in parts[1:])


# Second parts of ZWNJ compounds that hazm's lexicon lists on their own rarely: «خزانه‌داری».
_WORD_ENDS = frozenset(
    feature_key(w) for w in ("داری", "دار", "گری", "گاه", "مند", "کار", "کاری", "نامه", "خانه", "ها", "های", "ای", "ی", "ترین", "تر")
)


def _looks_verbal(key: str) -> bool:
    # «می‌کند»، «نمی‌رود»: hazm's lexicon lists few verbs, but the prefix gives them away.
    return len(key) > 4 and key.startswith(("می", "نمی")) and feature_key(key) not in _NOT_VERBS


_NOT_VERBS = frozenset(feature_key(w) for w in ("میراث", "میزان", "میدان", "میانه", "میلیون", "میلیارد", "میهمان"))


def _apposition(sentence: Sentence, tags: Sequence[str], after: int, *, comma: bool = True) -> tuple[int, int] | None:
    """«نام، وزیر خارجه آمریکا»: the title phrase after a comma that follows the name.

    With ``comma=False``, the title phrase right after the name, with nothing between.
    """
    tokens = sentence.tokens
    i = after
    if not comma:
        head = i
    else:
        while i < len(tokens) and tokens[i].norm in _CLOSERS:
            i += 1
        if i >= len(tokens) or tokens[i].norm not in _COMMAS:
            return None
        head = i + 1
    if head >= len(tokens) or tags[head] != "O" or not _is_head(tokens[head].norm):
        return None
    end = _title_phrase_end(sentence, tags, head)
    if comma:
        end = _closed_apposition_end(sentence, tags, head, end)
    return tokens[head].start, tokens[end - 1].end


_MAX_CLOSED = 16


def _ends_closed(key: str, norm: str, previous: str) -> bool:
    """A word no apposition holds (a stop word, a verb) or one that opens another person's title."""
    if key in _PHRASE_STOPS or key in _LIGHT_VERBS or not key.isalpha() or _looks_verbal(key):
        return True
    return _is_head(norm) and previous not in _DEPENDENT_HEADS and key not in ("رییس", "معاون")
_IN_CLOSED = frozenset(feature_key(w) for w in ("و", "در"))


def _closed_apposition_end(sentence: Sentence, tags: Sequence[str], head: int, end: int) -> int:
    """«X، مدیرعامل شرکت ملی پخش فرآورده‌های نفتی ایران، گفت»: an apposition a second comma closes
    runs to that comma, through words the lexicon does not know and a long organisation name; not
    through a verb, another person, or «و» before another person. Otherwise ``end`` stands."""
    tokens = sentence.tokens
    i = end
    while i < len(tokens) and i - head < _MAX_CLOSED:
        norm = tokens[i].norm
        if norm in _COMMAS:
            return max(end, i)
        tag = tags[i]
        key = feature_key(norm)
        if tag.endswith("PER") or (tag != "O" and tag.partition("-")[2] not in _ENTITY_IN_TITLE):
            return end
        if tag == "O":
            if key in _IN_CLOSED:
                nxt = tags[i + 1] if i + 1 < len(tokens) else "O"
                if nxt.endswith("PER") or (key == "در" and nxt == "O"):
                    return end
            elif _ends_closed(key, norm, feature_key(tokens[i - 1].norm)):
                return end
        i += 1
    return end


def _title_before(sentence: Sentence, tags: Sequence[str], first: int) -> tuple[int, int] | None:
    """«رئیس‌جمهور روسیه ولادیمیر پوتین»: a title phrase that ends right where the name starts."""
    tokens = sentence.tokens
    for head in range(first - 1, max(-1, first - 2 - _MAX_MODIFIERS), -1):
        if tokens[head].norm in _COMMAS or tags[head].endswith("PER"):
            return None
        if tags[head] == "O" and _is_head(tokens[head].norm):
            if _title_phrase_end(sentence, tags, head) == first:
                return tokens[head].start, tokens[first - 1].end
            return None
    return None
