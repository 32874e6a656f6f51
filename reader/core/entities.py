"""From token tags to entities: mentions, alias merging and people's roles.

One ``Entity`` per real-world referent in a document. Mentions merge when
their spelling differs only by ZWNJ, spacing or letter variants; a partial
person name («پوتین») joins the one full name in the article that contains it
(«ولادیمیر پوتین»), but not when two people share it. A person's role comes
from an apposition after the name («بلینکن، وزیر خارجه آمریکا») or a title
before it («رئیس‌جمهور روسیه ولادیمیر پوتین»).

Matching uses the tokens' normalised forms through ``feature_key``; every text
returned (names, roles) is a slice of the document text, as the user sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from reader.core.document import Entity, Span
from reader.core.ner.features import OFFICE_TITLES, feature_key, hazm_lexicon
from reader.core.ner.scoring import chunks
from reader.core.text import Sentence

# Types whose mentions merge across a document by spelling.
_ID_PREFIX = {t: t.lower() for t in ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")}

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


@dataclass
class _Mention:
    kind: str
    sentence: int
    first: int  # token indices in the sentence, end exclusive
    last: int
    span: Span
    keys: tuple[str, ...]  # folded token forms
    key: str  # folded whole name (joiners removed, so «جونگاون» == «جونگ اون»)


@dataclass
class _Group:
    kind: str
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(m.span.start for m in self.mentions)

    def fullest(self) -> _Mention:
        """The first of the mentions with the most tokens (then the longest folded name)."""
        best = self.mentions[0]
        for m in sorted(self.mentions, key=lambda m: m.span.start):
            if (len(m.keys), len(m.key)) > (len(best.keys), len(best.key)):
                best = m
            elif (len(m.keys), len(m.key)) == (len(best.keys), len(best.key)) and m.span.start < best.span.start:
                best = m
        return best


def extract_entities(text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]]) -> list[Entity]:
    """Entities of a document from its sentences and their IOB tags, in order of first mention."""
    if len(sentences) != len(tags):
        raise ValueError(f"{len(sentences)} sentences but {len(tags)} tag lists")
    mentions: list[_Mention] = []
    for s_index, (sentence, s_tags) in enumerate(zip(sentences, tags)):
        if len(sentence.tokens) != len(s_tags):
            raise ValueError(f"sentence {s_index}: {len(sentence.tokens)} tokens but {len(s_tags)} tags")
        for kind, first, last in chunks(s_tags):
            if kind not in _ID_PREFIX:
                continue
            tokens = sentence.tokens[first:last]
            keys = tuple(feature_key(t.norm) for t in tokens)
            key = "".join(keys)
            if not key:
                continue
            mentions.append(
                _Mention(kind, s_index, first, last, Span(tokens[0].start, tokens[-1].end), keys, key)
            )

    groups = _group_by_spelling(mentions)
    groups = _merge_partial_names(groups)
    groups.sort(key=lambda g: g.start)

    counters: dict[str, int] = {}
    entities: list[Entity] = []
    for group in groups:
        counters[group.kind] = counters.get(group.kind, 0) + 1
        best = group.fullest()
        role = _role_of(text, sentences, tags, group) if group.kind == "PER" else None
        entities.append(
            Entity(
                id=f"{_ID_PREFIX[group.kind]}-{counters[group.kind]}",
                type=group.kind,
                name=text[best.span.start : best.span.end],
                role=role,
                mentions=tuple(sorted({m.span for m in group.mentions})),
            )
        )
    return entities


def _group_by_spelling(mentions: list[_Mention]) -> list[_Group]:
    by_key: dict[tuple[str, str], _Group] = {}
    for mention in mentions:
        group = by_key.setdefault((mention.kind, mention.key), _Group(mention.kind))
        group.mentions.append(mention)
    return list(by_key.values())


# The longest part of a name that can stand for the whole («رضایی», «علی رضایی», «کیم جونگ اون»).
# Bounded, so a mention the tagger made of a whole unpunctuated page (thousands of tokens of
# «محمد رضا محمد رضا …») has a number of parts linear in its length, not quadratic, each short.
MAX_PART_TOKENS = 4


def _runs(keys: tuple[str, ...]) -> set[str]:
    """Every contiguous part of a name shorter than the whole, of at most ``MAX_PART_TOKENS``, joined."""
    n = len(keys)
    longest = min(n - 1, MAX_PART_TOKENS)
    return {"".join(keys[a : a + size]) for size in range(1, longest + 1) for a in range(n - size + 1)}


def _merge_partial_names(groups: list[_Group]) -> list[_Group]:
    """Join a person's partial name to the one fuller name in the article that contains it."""
    people = sorted(
        (g for g in groups if g.kind == "PER"),
        key=lambda g: -max(len(m.keys) for m in g.mentions),
    )
    others = [g for g in groups if g.kind != "PER"]
    merged: list[_Group] = []
    lengths: list[int] = []
    # Every part of a kept name, to the kept groups holding it: one lookup per key instead of
    # recomputing every kept name's parts for every person (quadratic on a long text).
    holders: dict[str, set[int]] = {}

    indexed: set[tuple[int, tuple[str, ...]]] = set()

    def index(at: int, mentions: list[_Mention]) -> None:
        # Once per distinct spelling: «سلام» said 40,000 times is one name's parts, not 40,000.
        for mention in mentions:
            if (at, mention.keys) in indexed:
                continue
            indexed.add((at, mention.keys))
            for run in _runs(mention.keys):
                holders.setdefault(run, set()).add(at)

    for group in people:
        length = max(len(m.keys) for m in group.mentions)
        keys = {m.key for m in group.mentions}
        owners = {at for key in keys for at in holders.get(key, ()) if lengths[at] > length}
        if len(owners) == 1:
            owner = owners.pop()
            merged[owner].mentions.extend(group.mentions)
            index(owner, group.mentions)
        else:
            # No fuller name, or several people share this part: it stays its own entity.
            merged.append(group)
            lengths.append(length)
            index(len(merged) - 1, group.mentions)
    return merged + others


# ----------------------------------------------------------------------------- roles


def _role_of(text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]], group: _Group) -> str | None:
    for mention in sorted(group.mentions, key=lambda m: m.span.start):
        sentence = sentences[mention.sentence]
        s_tags = tags[mention.sentence]
        span = _apposition(sentence, s_tags, mention.last) or _title_before(sentence, s_tags, mention.first)
        if span is not None:
            return text[span[0] : span[1]]
    # News also writes the apposition without a comma («محمدجواد ظریف وزیر امور خارجه»);
    # weaker evidence than either form above, so only when no mention has those.
    for mention in sorted(group.mentions, key=lambda m: m.span.start):
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
