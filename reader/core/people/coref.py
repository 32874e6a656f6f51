"""Mentions that are not names: a person's title used alone, and «وی/او/این مقام» that point back.

Runs after names are grouped into entities and roles are found. Within one article:

- the role phrase the article gives a person (apposition «X، وزیر خارجه آمریکا», title before
  the name «رئیس‌جمهور روسیه X») is a ``title`` mention of that person;
- the same phrase used alone later, or a shortened form of it («وزیر خارجه» for «وزیر امور
  خارجه آمریکا»), is a ``title`` mention when exactly one person's role matches it; two people
  with matching roles link nothing;
- «وی», «او», «ایشان», «نامبرده», «این مقام», «این وزیر …» are ``pronoun`` mentions of the
  subject of the sentence chain before them, when that subject is one clear person; another
  person in between, a plural subject, an object position or quoted words link nothing;
- «این وزارتخانه», «این سازمان» … are ``pronoun`` mentions of the one organisation of that kind
  named before them.

A wrong link is worse than none, so every rule stays on the side of linking nothing.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.core.document import PRONOUN, TITLE, Entity, Span
from reader.core.people.indexes import OrganisationIndex, RoleIndex
from reader.core.people.indexes import role_matches as role_matches  # where callers have found it
from reader.core.people.roles import _ROLE_HEADS, _apposition, _title_before, _title_phrase_end
from reader.core.ner.features import feature_key
from reader.core.text import Sentence


def _keys(words: str) -> frozenset[str]:
    return frozenset(feature_key(w) for w in words.split())


# Personal pronouns that stand for one person (not «آنها», not the reflexive «خود»).
_PRONOUNS = _keys("وی او ایشان نامبرده")
# Nouns that, after «این/همین», stand for a person already named: any person …
_GENERIC_PERSON = _keys("مقام مسئول شخص فرد مرد زن سیاستمدار دیپلمات چهره")
# … and nouns that must agree with the person's role head («این وزیر» is a minister).
_OFFICE_PERSON = _keys(
    "وزیر رهبر رئیس نخست‌وزیر رئیس‌جمهور سفیر فرمانده ژنرال سخنگو سخنگوی نماینده سناتور "
    "دبیرکل مدیر مدیرعامل شهردار استاندار دادستان قاضی بازیکن مربی سرمربی هنرمند بازیگر "
    "خواننده نویسنده کارگردان ورزشکار قهرمان پادشاه ملکه صدراعظم کارشناس استاد پژوهشگر"
)
_DEMONSTRATIVES = _keys("این همین")
_ANAPHOR_OPENERS = _PRONOUNS | _DEMONSTRATIVES  # the only words an anaphor starts with
# «این وزارتخانه» stands for an organisation whose name opens with one of these words.
_ORG_NOUNS: dict[str, frozenset[str]] = {
    feature_key(noun): _keys(heads)
    for noun, heads in (
        ("وزارتخانه", "وزارت"),
        ("وزارت", "وزارت"),
        ("سازمان", "سازمان"),
        ("شرکت", "شرکت"),
        ("حزب", "حزب"),
        ("بانک", "بانک"),
        ("دانشگاه", "دانشگاه"),
        ("باشگاه", "باشگاه"),
        ("خبرگزاری", "خبرگزاری"),
        ("روزنامه", "روزنامه"),
        ("شورا", "شورای شورا"),
        ("کمیته", "کمیته"),
        ("کمیسیون", "کمیسیون"),
        ("دادگاه", "دادگاه"),
        ("ارتش", "ارتش"),
        ("نهاد", "نهاد"),
        ("بنیاد", "بنیاد"),
        ("اتحادیه", "اتحادیه"),
        ("مجلس", "مجلس"),
    )
}
# A word before a pronoun that makes it an object of its clause: its referent is then often not
# the clause's subject, so a pronoun there links only to a person the sentence has not named.
_OBJECT_BEFORE = _keys("به با از برای علیه نزد سوی همراه درباره")
# Words before a title phrase that make it someone else: «یک وزیر خارجه», «همتای …».
_NOT_THE_HOLDER = _keys("یک چند دو سه هر سایر همتای همتایان جانشین")
# After a role, words that make it someone else's: «رئیس‌جمهور سابق فرانسه», «… منتخب».
_FORMER = _keys("سابق پیشین اسبق وقت آینده بعدی جدید منتخب موقت")
# Words that open a sentence without being its subject.
_LINKS = _keys("و اما ولی همچنین سپس ضمنا ضمناً هم نیز البته")
_HONORIFICS = _keys("آقای خانم دکتر مهندس پرزیدنت سردار ژنرال سرلشکر سرتیپ آیت‌الله حجت‌الاسلام شیخ سید")
_TIME_WORDS = _keys(
    "امروز دیروز فردا امشب دیشب روز صبح ظهر عصر شب بامداد شامگاه هفته ماه سال گذشته اخیر جاری "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه"
)
_REPORT_OPENERS = _keys("به بنا بنابر طبق براساس")
_REPORT_NOUNS = _keys("گزارش نقل")
_COMMAS = frozenset({"،", ","})
_DASHES = frozenset({"-", "–", "—"})
_CLAUSE_OPENERS = _keys("که و اما ولی زیرا چون")
# Parts of a compound office written as two words: «رئیس جمهور» is one head, like «رئیس‌جمهور».
_SPLIT_OFFICE = re.compile("^(?:رییس جمهوری?|نخست وزیر|نایب رییس|دبیر کل|مدیر عامل|رییس کل|سر مربی)$")
_DROPPED = _keys("امور")  # «وزیر امور خارجه» is «وزیر خارجه»
_AMBIGUOUS = "\x00ambiguous"
_START = operator.attrgetter("start")


def link_mentions(
    text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]], entities: Sequence[Entity]
) -> list[Entity]:
    """``entities`` with their title and pronoun mentions added (same ids, same order)."""
    if len(sentences) != len(tags):
        raise ValueError(f"{len(sentences)} sentences but {len(tags)} tag lists")
    return _Linker(text, sentences, tags, entities).run()


@dataclass(slots=True)
class _Found:
    span: Span
    entity: str


def canonical_role(words: Sequence[str]) -> tuple[str, ...]:
    """A role's words for comparison: folded, «امور» dropped, a two-word office joined.

    «وزیر امور خارجه آمریکا» → (وزیر, خارجه, آمریکا); «رئیس جمهور روسیه» → (رییسجمهور, روسیه).
    """
    return _canonical([feature_key(w) for w in words])


def _canonical(keys: Sequence[str]) -> tuple[str, ...]:
    """``canonical_role`` of words already folded."""
    out: list[str] = []
    for key in keys:
        if not key or key in _DROPPED:
            continue
        if out and _SPLIT_OFFICE.match(f"{out[-1]} {key}"):
            out[-1] += key
        else:
            out.append(key)
    return tuple(out)


class _Folds(dict[str, str]):
    """``feature_key`` of each word, folded on first sight."""

    def __missing__(self, norm: str) -> str:
        key = self[norm] = feature_key(norm)
        return key


class _Linker:
    """One article's title and pronoun linking.

    A long text has hundreds of thousands of tokens and few of them can start a title or an
    anaphor, so each token is folded once (``keys``), who owns a token is kept only for the
    tokens that have an owner (``owner``, ``taken``: per sentence, token index → entity), and
    the scans below visit only the tokens that can matter instead of every token.
    """

    def __init__(
        self, text: str, sentences: Sequence[Sentence], tags: Sequence[Sequence[str]], entities: Sequence[Entity]
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.tags = tags
        self.entities = list(entities)
        by_id = {e.id: e for e in self.entities}
        self.people = {pid for pid, e in by_id.items() if e.type == "PER"}  # the ids of persons
        self.starts = [s.start for s in sentences]
        # Every token folded once, for the title and pronoun scans and the subject finder. Through
        # a dict of this text's words: a plain dict hit costs half of a hit in feature_key's LRU
        # cache, which also relinks the entry in a list of up to 200,000.
        folds = _Folds()
        self.keys = [[folds[t.norm] for t in s.tokens] for s in sentences]
        # Per sentence, the entity owning each token of a name (PER, ORG and LOC only): a dict of
        # the owned tokens, not a list as long as the sentence, since most tokens are no name.
        self.owner: list[dict[int, str]] = [{} for _ in sentences]
        order: list[tuple[int, str]] = []  # (offset, ORG id) of every organisation's name
        for entity in self.entities:
            if entity.type not in ("PER", "ORG", "LOC"):
                continue
            for span in entity.mentions:
                self._own(span, entity.id)
                if entity.type == "ORG":
                    order.append((span.start, entity.id))
        first_words = {
            e.id: feature_key(e.name.split()[0]) if e.name.split() else "" for e in self.entities if e.type == "ORG"
        }
        self.organisations = OrganisationIndex(order, first_words)
        self.found: list[_Found] = []
        # Per sentence, the entity a title or pronoun mention found here gives a token.
        self.taken: list[dict[int, str]] = [{} for _ in sentences]
        self.quoted = _quoted_ranges(text, self.starts)

    def _own(self, span: Span, entity_id: str) -> None:
        s = bisect.bisect_right(self.starts, span.start) - 1
        if s < 0:
            return
        tokens, owner = self.sentences[s].tokens, self.owner[s]
        i = self._token_index(s, span.start)
        end, n = span.end, len(tokens)
        while i < n and tokens[i].end <= end:
            owner[i] = entity_id
            i += 1

    def run(self) -> list[Entity]:
        roles = self._role_mentions()
        self._titles_alone(roles)
        self._pronouns(roles)
        added: dict[str, list[Span]] = {}
        for found in self.found:
            added.setdefault(found.entity, []).append(found.span)
        out = []
        for entity in self.entities:
            extra = added.get(entity.id)
            if extra:
                have = set(entity.mentions)
                spans = tuple(sorted(list(entity.mentions) + [s for s in extra if s not in have]))
                entity = replace(entity, mentions=spans)
            out.append(entity)
        return out

    def _add(self, s: int, first: int, last: int, entity_id: str, kind: str) -> None:
        tokens = self.sentences[s].tokens
        taken = self.taken[s]
        for i in range(first, last):
            taken[i] = entity_id
        self.found.append(_Found(Span(tokens[first].start, tokens[last - 1].end, kind), entity_id))

    def _token_index(self, s: int, offset: int) -> int:
        # A bisection on the tokens themselves: no list of token starts to build per sentence
        # (a 5 MB line is one sentence of a million tokens).
        return bisect.bisect_left(self.sentences[s].tokens, offset, key=_START)

    # ------------------------------------------------------------ titles

    def _role_mentions(self) -> dict[str, set[tuple[str, ...]]]:
        """The role phrases next to each person's name, made title mentions; their words per person."""
        roles: dict[str, set[tuple[str, ...]]] = {}
        for entity in self.entities:
            if entity.type != "PER":
                continue
            for span in entity.mentions:
                if span.kind != "name":
                    continue
                s = bisect.bisect_right(self.starts, span.start) - 1
                sentence, s_tags = self.sentences[s], self.tags[s]
                first = self._token_index(s, span.start)
                last = first
                while last < len(sentence.tokens) and sentence.tokens[last].end <= span.end:
                    last += 1
                for role in (_apposition(sentence, s_tags, last), _title_before(sentence, s_tags, first)):
                    if role is None:
                        continue
                    a = self._token_index(s, role[0])
                    b = a
                    while b < len(sentence.tokens) and sentence.tokens[b].end <= role[1]:
                        b += 1
                    if any(k in self.taken[s] for k in range(a, b)):
                        continue
                    words = _canonical(self.keys[s][a:b])
                    roles.setdefault(entity.id, set()).add(words)
                    self._add(s, a, b, entity.id, TITLE)
        return roles

    def _titles_alone(self, roles: dict[str, set[tuple[str, ...]]]) -> None:
        """A role phrase used without the name: the one person whose role it names."""
        index = RoleIndex(roles)
        for s, keys in enumerate(self.keys):
            if _ROLE_HEADS.isdisjoint(keys):
                continue  # no office word, no title: most sentences
            sentence, s_tags, taken = self.sentences[s], self.tags[s], self.taken[s]
            tokens = sentence.tokens
            i = 0  # tokens before ``i`` are done with: a title found here is passed over whole
            # Only an office word can open a title: the scan visits those alone.
            for head in [k for k, key in enumerate(keys) if key in _ROLE_HEADS]:
                if head < i:
                    continue
                i = head
                if i in taken or s_tags[i] != "O" or self._in_quote(tokens[i].start):
                    continue
                end = _title_phrase_end(sentence, s_tags, i)
                if end < len(tokens) and s_tags[end].endswith("-PER"):
                    i = end  # a title before someone's name is that person's, found above
                    continue
                before = keys[i - 1] if i > 0 else ""
                phrase = _canonical(keys[i:end])
                if len(phrase) < 2 or before in _NOT_THE_HOLDER or any(k in taken for k in range(i, end)):
                    continue
                holders = index.naming(phrase)
                if not holders:
                    # «رئیس‌جمهور فرانسه دو روز …»: the whole role, then words that are not part of it.
                    end, holders = self._whole_role_prefix(s, i, end, index)
                if len(holders) == 1:
                    self._add(s, i, end, holders.pop(), TITLE)
                    i = end

    def _whole_role_prefix(self, s: int, i: int, end: int, index: RoleIndex) -> tuple[int, set[str]]:
        """The shortest ``i:cut`` whose words are some person's whole role, and who holds that role."""
        keys = self.keys[s]
        for cut in range(i + 2, end):
            if keys[cut] in _FORMER:
                break
            holders = index.holding(_canonical(keys[i:cut]))
            if holders:
                return cut, holders
        return end, set()

    # ------------------------------------------------------------ pronouns

    def _in_quote(self, offset: int) -> bool:
        k = bisect.bisect_right(self.quoted, (offset, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]

    def _pronouns(self, roles: dict[str, set[tuple[str, ...]]]) -> None:
        """«وی/او/این مقام» → the person the subject chain makes clear; «این وزارتخانه» → its ministry."""
        chain: str | None = None
        for s, keys in enumerate(self.keys):
            owners, taken = self.owner[s], self.taken[s]
            if not owners and not taken and _ANAPHOR_OPENERS.isdisjoint(keys):
                continue  # no name, no title, no anaphor: nothing to link, and the chain goes on
            tokens = self.sentences[s].tokens
            if not tokens or self._in_quote(tokens[0].start):
                continue  # quoted sentences neither use nor change the chain
            subject_at = self._subject_position(s)
            named: list[tuple[int, str]] = []  # (token index, entity) of persons met in this sentence
            met: set[str] = set()  # the same entities, for a constant-time look
            # The scan does something only at a person's token or at a word that can open an
            # anaphor (the tokens of places and organisations it would only pass): it visits those.
            people = self.people
            at_stop = {i for i, pid in owners.items() if pid in people}
            at_stop.update([i for i, pid in taken.items() if pid in people])
            if not _ANAPHOR_OPENERS.isdisjoint(keys):
                at_stop.update([k for k, key in enumerate(keys) if key in _ANAPHOR_OPENERS])
            i = 0  # tokens before ``i`` are done with: an anaphor is passed over whole
            for at in sorted(at_stop):
                if at < i:
                    continue
                i = at
                owner = self._person_at(s, i)
                if owner is not None:
                    if i == 0 or self._person_at(s, i - 1) != owner:
                        named.append((i, owner))  # where the mention starts
                    met.add(owner)
                    continue
                found = self._anaphor_at(s, i)
                if found is None or self._in_quote(tokens[i].start):
                    continue
                kind, end, noun = found
                if kind == "ORG":
                    heads = _ORG_NOUNS.get(noun or "", frozenset())
                    org = self.organisations.only_one_before(heads, tokens[i].start)
                    if org is not None:
                        self._add(s, i, end, org, PRONOUN)
                    i = end
                    continue
                target = self._antecedent(s, i, chain, named, met, subject_at)
                if target is not None and self._agrees(target, noun, tokens[i + 2 : end], roles):
                    self._add(s, i, end, target, PRONOUN)
                    named.append((i, target))
                    met.add(target)
                elif target is None or noun is not None:
                    named.append((i, _AMBIGUOUS))
                    met.add(_AMBIGUOUS)
                i = end
            chain = self._next_chain(s, chain, named, subject_at)

    def _person_at(self, s: int, i: int) -> str | None:
        """The person whose name or title mention covers token ``i``, if any."""
        owner = self.owner[s].get(i)
        if owner in self.people:
            return owner
        taken = self.taken[s].get(i)
        return taken if taken in self.people else None

    def _anaphor_at(self, s: int, i: int) -> tuple[str, int, str | None] | None:
        """("PER" or "ORG", end token, the noun of «این X» or None) for an anaphor at token ``i``."""
        tokens, s_tags, keys = self.sentences[s].tokens, self.tags[s], self.keys[s]
        if s_tags[i] != "O" or i in self.taken[s]:
            return None
        key = keys[i]
        if key in _PRONOUNS:
            return "PER", i + 1, None
        if key not in _DEMONSTRATIVES or i + 1 >= len(tokens) or s_tags[i + 1] != "O":
            return None
        noun = keys[i + 1]
        if noun in _ORG_NOUNS:
            return "ORG", i + 2, noun
        if noun not in _GENERIC_PERSON and noun not in _OFFICE_PERSON:
            return None
        end = i + 2
        # One nationality adjective may follow: «این مقام آمریکایی».
        if end < len(tokens) and s_tags[end] == "O" and _nationality(tokens[end].norm):
            end += 1
        return "PER", end, noun

    def _antecedent(
        self, s: int, i: int, chain: str | None, named: list[tuple[int, str]], people: set[str], subject_at: int | None
    ) -> str | None:
        """The one person a pronoun at token ``i`` can stand for, or None."""
        if not people:
            return chain if chain is not None and chain != _AMBIGUOUS else None
        if len(people) > 1 or _AMBIGUOUS in people:
            return None
        (only,) = people
        # A person named earlier in the sentence: only as the subject of a main clause that a
        # subordinate clause («که وی …») continues, with the pronoun opening that clause.
        if subject_at is None or named[0] != (subject_at, only):
            return None
        tokens = self.sentences[s].tokens
        before = self.keys[s][i - 1] if i > 0 else ""
        if before not in _CLAUSE_OPENERS and tokens[i - 1].norm not in _COMMAS:
            return None
        return only

    def _agrees(self, target: str, noun: str | None, adjectives: Sequence[object], roles: dict[str, set[tuple[str, ...]]]) -> bool:
        """Whether «این X» fits the person: an office noun names their office, an adjective their country."""
        if noun is None:
            return True
        held = roles.get(target, set())
        if noun in _OFFICE_PERSON and noun not in _GENERIC_PERSON:
            head = canonical_role([noun])[0]
            if not any(r and r[0].startswith(head) for r in held):
                return False
        for token in adjectives:
            stem = _nationality(getattr(token, "norm", ""))
            if not stem or not any(any(k.startswith(stem) for k in r) for r in held):
                return False
        return True

    # ------------------------------------------------------------ the subject chain

    def _subject_position(self, s: int) -> int | None:
        """The token index where the sentence's subject starts, past a report prefix and adverbials."""
        tokens, s_tags, keys = self.sentences[s].tokens, self.tags[s], self.keys[s]
        n = len(tokens)
        i = 0
        for _ in range(6):
            while i < n and (tokens[i].norm in _COMMAS or tokens[i].norm in "«»\"" or tokens[i].norm in _DASHES):
                i += 1
            if i >= n:
                return None
            key = keys[i]
            if key in _REPORT_OPENERS and i + 1 < n and keys[i + 1] in _REPORT_NOUNS:
                comma = next((k for k in range(i, min(n, i + 25)) if tokens[k].norm in _COMMAS), None)
                if comma is None:
                    return None
                i = comma + 1
                continue
            dash = next((k for k in range(i, min(n, i + 5)) if tokens[k].norm in _DASHES), None)
            if i == 0 and dash is not None and s_tags[i].endswith(("LOC", "ORG")):
                i = dash + 1  # a dateline «تهران - ایرنا -»
                continue
            if key in _LINKS or key in _HONORIFICS:
                i += 1
                continue
            if key in _TIME_WORDS or s_tags[i].endswith(("DAT", "TIM")) or key.isdigit():
                while i < n and (keys[i] in _TIME_WORDS or s_tags[i].endswith(("DAT", "TIM"))):
                    i += 1
                continue
            break
        return i if i < n else None

    def _next_chain(self, s: int, chain: str | None, named: list[tuple[int, str]], subject_at: int | None) -> str | None:
        """Who «وی» in the next sentence stands for: this sentence's person subject, or the chain kept."""
        tokens = self.sentences[s].tokens
        subject = None
        if subject_at is not None:
            subject = next((pid for i, pid in named if i == subject_at), None)
            if subject is None and subject_at in self.owner[s]:
                return None  # a place or an organisation is the subject now
        if subject_at is not None and subject is not None and subject != _AMBIGUOUS:
            # «X و Y» is a plural subject: no single antecedent.
            after = subject_at
            while after < len(tokens) and self._person_at(s, after) == subject:
                after += 1
            joined = after + 1 < len(tokens) and self.keys[s][after] == "و"
            if joined and self._person_at(s, after + 1) not in (None, subject):
                return None
            return subject
        others = {pid for _, pid in named if pid != chain}
        return chain if not others else None


def _nationality(norm: str) -> str:
    """«آمریکایی» → «آمریکا», «روس» → «روس», «کره‌ای» → «کره»; '' for a word that is not one."""
    key = feature_key(norm)
    for suffix in ("ایی", "ای", "ی"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key if key in _SHORT_NATIONALITIES else ""


_SHORT_NATIONALITIES = _keys("روس ترک عرب انگلیس فرانسه")


_QUOTE_PAIR = re.compile('«[^«»\n]{0,2000}»|“[^“”\n]{0,2000}”|"[^"\n]{0,2000}"')
# A colon not between digits (not «۱۰:۳۰»). The colon comes first so the engine searches for it
# as a literal, not trying the lookbehind at every position of a 5 MB text (15 times slower).
_COLON = re.compile(":(?<![0-9۰-۹]:)(?![0-9۰-۹])")


def _quoted_ranges(text: str, sentence_starts: Sequence[int]) -> list[tuple[int, int]]:
    """Words in «…», and after a colon (the «گفت: …» form) to the paragraph's end or to the
    sentence holding the next colon («وی افزود: …»): no pronoun there is linked."""
    ranges = [(m.start(), m.end()) for m in _QUOTE_PAIR.finditer(text)]
    colons = [m.end() for m in _COLON.finditer(text)]
    for k, at in enumerate(colons):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if k + 1 < len(colons) and colons[k + 1] < end:
            sentence = bisect.bisect_right(sentence_starts, colons[k + 1] - 1) - 1
            end = max(at, sentence_starts[sentence]) if sentence >= 0 else end
        ranges.append((at, end))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
