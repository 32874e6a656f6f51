"""Roles written as a duty the person holds: «X که رهبری حزب کارگر را بر عهده دارد».

News often gives an office not beside the name but as a clause, sometimes a sentence
later and through a pronoun («او از سال ۲۰۲۰ ریاست این سازمان را بر عهده دارد»). The
duty noun («رهبری», «ریاست», «دبیرکلی», «فرماندهی», …) and what follows it up to «را»
is the role, when the clause belongs to the person: it opens right after their name
or a mention linked to them, or after «که» that follows one. It fills only a role the
article did not give beside the name.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from dataclasses import replace

from reader.core.document import Entity
from reader.core.ner.features import feature_key
from reader.core.text import Sentence


def _keys(words: str) -> frozenset[str]:
    return frozenset(feature_key(w) for w in words.split())


# Nouns of holding an office: «رهبری», «ریاست», «دبیرکلی», «سرمربیگری»…
_DUTIES = _keys(
    "رهبری ریاست دبیرکلی دبیری مدیریت مدیرعاملی فرماندهی سرپرستی هدایت سخنگویی مسئولیت "
    "نمایندگی سفارت وزارت تولیت امامت سرمربیگری مربیگری کاپیتانی سردبیری معاونت"
)
_HOLD = _keys("عهده برعهده")  # «بر عهده دارد», «برعهده گرفت»
_HOLD_VERBS = ("دار", "داشت", "گرفت", "گیر")  # دارد، داشت، گرفت، می‌گیرد (folded stems)
_MAX_TOKENS = 12
_START = operator.attrgetter("start")
_SKIP_BEFORE = _keys("که از اکنون هم‌اکنون هماکنون اینک همچنان نیز هم")


def roles_from_duties(
    text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]], entities: Sequence[Entity]
) -> list[Entity]:
    """``entities`` with a role from «… را بر عهده دارد» for each person who has none."""
    starts = [s.start for s in sentences]
    out = []
    for entity in entities:
        if entity.type != "PER" or entity.role is not None:
            out.append(entity)
            continue
        role = None
        for mention in entity.mentions:
            s = bisect.bisect_right(starts, mention.start) - 1
            if s < 0:
                continue
            # A bisection on the tokens themselves, with no list of their starts to build.
            after = bisect.bisect_left(sentences[s].tokens, mention.end, key=_START)
            span = _duty_after(sentences[s], tags[s], after)
            if span is not None:
                role = text[span[0] : span[1]]
                break
        out.append(replace(entity, role=role) if role else entity)
    return out


def _duty_after(sentence: Sentence, tags: Sequence[str], i: int) -> tuple[int, int] | None:
    """The duty phrase of a «(که) … DUTY … را بر عهده دارد» clause starting at token ``i``."""
    tokens = sentence.tokens
    # Past «که» and time words that may open the clause («که از سال ۲۰۲۰ …» is left alone).
    skipped = 0
    while i < len(tokens) and feature_key(tokens[i].norm) in _SKIP_BEFORE and skipped < 3:
        i += 1
        skipped += 1
    if i >= len(tokens) or tags[i] != "O" or feature_key(tokens[i].norm) not in _DUTIES:
        return None
    head = i
    for k in range(head + 1, min(len(tokens), head + _MAX_TOKENS)):
        key = feature_key(tokens[k].norm)
        if tags[k].endswith("PER") or tokens[k].norm in ("،", ",", ".", "؛", ":"):
            return None
        if key == "را":
            if k == head + 1 or not _holds(tokens, k + 1):
                return None
            return tokens[head].start, tokens[k - 1].end
    return None


def _holds(tokens: Sequence[object], at: int) -> bool:
    """Whether «بر عهده دارد» (or «برعهده گرفت», …) starts at token ``at``."""
    words = [feature_key(getattr(t, "norm", "")) for t in tokens[at : at + 4]]
    if words[:1] == ["بر"]:
        words = words[1:]
    if not words or words[0] not in _HOLD:
        return False
    verb = "".join(words[1:3])
    verb = verb.removeprefix("می")
    return verb.startswith(_HOLD_VERBS)
