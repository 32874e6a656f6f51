"""The people stage's shortcuts give the answers of the plain code they replace.

The title and pronoun linker visits only the tokens that can open a title or an anaphor, and
looks holders of a role and organisations up in indexes; an entity's mentions are sorted as
int tuples and its fullest name found without a sort. Each shortcut is checked here against
the code it replaced (a walk over every token, every person, every organisation mention; a
sort of Spans) on hostile input.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from reader.core.document import NAME, PRONOUN, TITLE, Span
from reader.core.people import coref, extract_entities
from reader.core.people.coref import _ORG_NOUNS, _canonical, _Linker, _title_phrase_end, canonical_role, link_mentions
from reader.core.people.indexes import OrganisationIndex, RoleIndex, role_matches
from reader.core.people.entities import distinct_in_order
from reader.core.people.mentions import Group, Mention
from reader.core.people.roles import _is_head
from reader.core.ner.features import feature_key
from reader.core.text import Sentence
from reader.core.text.tokenise import Token

# ------------------------------------------------------------------ the indexes

_WORDS = ["وزیر", "خارجه", "امور", "آمریکا", "رئیس", "جمهور", "روسیه", "دفاع", "معاون", ""]
_role = st.lists(st.sampled_from(_WORDS), max_size=4).map(tuple)


@given(
    st.dictionaries(st.sampled_from(["per-1", "per-2", "per-3", "per-4"]), st.sets(_role, max_size=3), max_size=4),
    st.lists(_role, min_size=1, max_size=6),
)
def test_the_role_index_names_the_holders_the_scan_over_every_person_names(
    roles: dict[str, set[tuple[str, ...]]], phrases: list[tuple[str, ...]]
) -> None:
    index = RoleIndex(roles)
    for phrase in phrases + phrases:  # asked twice: the second answer comes from its memo
        naming = index.naming(phrase)
        assert naming == {pid for pid, held in roles.items() if any(role_matches(phrase, r) for r in held)}
        assert index.holding(phrase) == {pid for pid, held in roles.items() if phrase in held}
        naming.clear()  # the caller may spend the set it is given
        index.holding(phrase).clear()


def _organisations_before_by_scan(
    order: list[tuple[int, str]], first_words: dict[str, str], noun: str, offset: int
) -> str | None:
    """The walk the index replaced: every organisation mention before ``offset``."""
    heads = _ORG_NOUNS.get(noun, frozenset())
    seen = set()
    for at, org in sorted(order):
        if at >= offset:
            break
        if first_words[org] in heads:
            seen.add(org)
    return seen.pop() if len(seen) == 1 else None


_ORGS = [f"org-{n}" for n in range(1, 7)]
_FIRST_WORDS = [feature_key(w) for w in ("وزارت", "سازمان", "شورای", "شورا", "بانک", "حزب", "ایران")]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.sampled_from(_ORGS)), max_size=25),
    st.fixed_dictionaries({org: st.sampled_from(_FIRST_WORDS) for org in _ORGS}),
    st.lists(st.tuples(st.sampled_from([*_ORG_NOUNS, "نامعلوم"]), st.integers(-1, 62)), min_size=1, max_size=10),
)
def test_the_organisation_index_finds_what_the_walk_over_every_mention_finds(
    order: list[tuple[int, str]], first_words: dict[str, str], questions: list[tuple[str, int]]
) -> None:
    index = OrganisationIndex(order, first_words)
    for noun, offset in questions:
        heads = _ORG_NOUNS.get(noun, frozenset())
        assert index.only_one_before(heads, offset) == _organisations_before_by_scan(order, first_words, noun, offset)


_OLD_COLON = re.compile("(?<![0-9۰-۹]):(?![0-9۰-۹])")


@given(st.text(alphabet="::0123456789۰۱۲۳۴۵۶۷۸۹٠١گفت \n«»", max_size=80))
def test_the_colon_pattern_matches_where_the_lookbehind_first_pattern_did(text: str) -> None:
    assert [m.end() for m in coref._COLON.finditer(text)] == [m.end() for m in _OLD_COLON.finditer(text)]


@given(st.lists(st.sampled_from(["وزیر", "امور", "خارجه", "رئیس", "جمهور", "رییس", "نخست", "وزیر", "", "ـ"]), max_size=6))
def test_a_role_folded_once_compares_as_canonical_role_made_it(words: list[str]) -> None:
    assert _canonical([feature_key(w) for w in words]) == canonical_role(words)


# ------------------------------------------------------------------ the scans

# Words that open titles and anaphors, that end or continue them, and that move the subject chain.
_VOCABULARY = (
    "وی او ایشان نامبرده این همین مقام وزیر رئیس‌جمهور رئیس جمهور سخنگوی وزارتخانه سازمان "
    "شورای وزارت خارجه امور آمریکا روسیه آمریکایی روس سابق یک که و به گفت افزود : ، « » - "
    "دیروز امروز علی رضایی پوتین کیم"
).split()
_TAGS = ["O", "O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "B-DAT"]


def _document(sentences_words: list[list[tuple[str, str]]]) -> tuple[str, list[Sentence], list[list[str]]]:
    """A text of the given (word, tag) sentences, one per line, with tokens made by hand."""
    text, sentences, tags = "", [], []
    for words in sentences_words:
        start = len(text)
        tokens = []
        for word, _tag in words:
            if text and not text.endswith("\n") and len(text) > start:
                text += " "
            tokens.append(Token(word, word, len(text), len(text) + len(word)))
            text += word
        sentences.append(Sentence(start, len(text), tuple(tokens)))
        tags.append([tag for _word, tag in words])
        text += "\n"
    return text, sentences, tags


class _EveryToken(_Linker):
    """The linker's two scans as they were: a walk over every token of every sentence (the reference)."""

    def _titles_alone(self, roles: dict[str, set[tuple[str, ...]]]) -> None:
        holders_of: dict[tuple[str, ...], set[str]] = {}
        for s, sentence in enumerate(self.sentences):
            tokens, s_tags, taken = sentence.tokens, self.tags[s], self.taken[s]
            i = 0
            while i < len(tokens):
                if i in taken or s_tags[i] != "O" or not _is_head(tokens[i].norm) or self._in_quote(tokens[i].start):
                    i += 1
                    continue
                end = _title_phrase_end(sentence, s_tags, i)
                if end < len(tokens) and s_tags[end].endswith("-PER"):
                    i = end
                    continue
                before = feature_key(tokens[i - 1].norm) if i > 0 else ""
                phrase = canonical_role([t.norm for t in tokens[i:end]])
                if len(phrase) < 2 or before in coref._NOT_THE_HOLDER or any(k in taken for k in range(i, end)):
                    i += 1
                    continue
                known = holders_of.get(phrase)
                if known is None:
                    known = holders_of[phrase] = {
                        pid for pid, held in roles.items() if any(role_matches(phrase, r) for r in held)
                    }
                holders = set(known)
                if not holders:
                    for cut in range(i + 2, end):
                        if feature_key(tokens[cut].norm) in coref._FORMER:
                            break
                        whole = canonical_role([t.norm for t in tokens[i:cut]])
                        holders = {pid for pid, held in roles.items() if whole in held}
                        if holders:
                            end = cut
                            break
                if len(holders) == 1:
                    self._add(s, i, end, holders.pop(), TITLE)
                    i = end
                else:
                    i += 1

    def _pronouns(self, roles: dict[str, set[tuple[str, ...]]]) -> None:
        order = sorted((m.start, e.id) for e in self.entities if e.type == "ORG" for m in e.mentions)
        first_words = {e.id: feature_key(e.name.split()[0]) if e.name.split() else "" for e in self.entities if e.type == "ORG"}
        chain: str | None = None
        for s, sentence in enumerate(self.sentences):
            if not sentence.tokens or self._in_quote(sentence.tokens[0].start):
                continue
            subject_at = self._subject_position(s)
            named: list[tuple[int, str]] = []
            met: set[str] = set()
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                owner = self._person_at(s, i)
                if owner is not None:
                    if i == 0 or self._person_at(s, i - 1) != owner:
                        named.append((i, owner))
                    met.add(owner)
                    i += 1
                    continue
                found = self._anaphor_at(s, i)
                if found is None or self._in_quote(tokens[i].start):
                    i += 1
                    continue
                kind, end, noun = found
                if kind == "ORG":
                    org = _organisations_before_by_scan(order, first_words, noun or "", tokens[i].start)
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
                    named.append((i, coref._AMBIGUOUS))
                    met.add(coref._AMBIGUOUS)
                i = end
            chain = self._next_chain(s, chain, named, subject_at)


# Pieces of news sentences, so that names, their roles, titles alone and anaphors meet often.
_PIECES = [
    [("علی", "B-PER"), ("رضایی", "I-PER")],
    [("پوتین", "B-PER")],
    [("کیم", "B-PER")],
    [("،", "O"), ("وزیر", "O"), ("خارجه", "O"), ("آمریکا", "B-LOC")],
    [("رئیس‌جمهور", "O"), ("روسیه", "B-LOC")],
    [("وزیر", "O"), ("خارجه", "O")],
    [("سخنگوی", "O"), ("وزارت", "B-ORG"), ("خارجه", "I-ORG")],
    [("وزارت", "B-ORG"), ("خارجه", "I-ORG")],
    [("شورای", "B-ORG"), ("امنیت", "I-ORG")],
    [("وی", "O")],
    [("او", "O")],
    [("این", "O"), ("مقام", "O")],
    [("این", "O"), ("وزیر", "O"), ("آمریکایی", "O")],
    [("همین", "O"), ("وزیر", "O")],
    [("این", "O"), ("وزارتخانه", "O")],
    [("این", "O"), ("شورا", "O")],
    [("که", "O")],
    [("و", "O")],
    [("گفت", "O"), (":", "O")],
    [("«", "O")],
    [("»", "O")],
]
_word = st.tuples(st.sampled_from(_VOCABULARY), st.sampled_from(_TAGS)).map(lambda pair: [pair])
_sentence = st.lists(st.one_of(st.sampled_from(_PIECES), _word), max_size=8).map(
    lambda pieces: [pair for piece in pieces for pair in piece]
)


@settings(max_examples=300, deadline=None)  # the first example loads hazm's lexicon
@given(st.lists(_sentence, min_size=1, max_size=6))
def test_the_scans_that_skip_tokens_link_what_the_scans_over_every_token_link(
    sentences_words: list[list[tuple[str, str]]],
) -> None:
    text, sentences, tags = _document(sentences_words)
    entities = extract_entities(text, sentences, tags)
    assert link_mentions(text, sentences, tags, entities) == _EveryToken(text, sentences, tags, entities).run()


def test_the_reference_scans_do_link_titles_and_pronouns() -> None:
    """The comparison above means something: on a plain article the reference links both kinds."""
    text, sentences, tags = _document(
        [
            [("علی", "B-PER"), ("رضایی", "I-PER"), ("،", "O"), ("وزیر", "O"), ("خارجه", "O"), ("آمریکا", "B-LOC"), ("گفت", "O")],
            [("وزیر", "O"), ("خارجه", "O"), ("آمریکا", "B-LOC"), ("به", "O"), ("روسیه", "B-LOC"), ("رفت", "O")],
            [("وی", "O"), ("دیروز", "O"), ("گفت", "O")],
        ]
    )
    entities = extract_entities(text, sentences, tags)
    linked = _EveryToken(text, sentences, tags, entities).run()
    person = next(e for e in linked if e.type == "PER")
    kinds = [m.kind for m in person.mentions]
    assert kinds.count(TITLE) == 2 and kinds.count(PRONOUN) == 1
    assert linked == link_mentions(text, sentences, tags, entities)



# ------------------------------------------------------------------ entities


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3), st.sampled_from([NAME, TITLE, PRONOUN])), max_size=20))
def test_distinct_in_order_is_the_sorted_set_of_spans(triples: list[tuple[int, int, str]]) -> None:
    spans = [Span(start, start + length, kind) for start, length, kind in triples]
    got = distinct_in_order(spans)
    want = tuple(sorted(set(spans)))
    assert got == want
    # The span kept of several equal ones is the one a set keeps: the first met.
    assert [s.kind for s in got] == [s.kind for s in want]


def _fullest_by_sort(group: Group) -> Mention:
    """Group.fullest as it was: a walk over the mentions sorted by where they start."""
    best = group.mentions[0]
    for m in sorted(group.mentions, key=lambda m: m.span.start):
        size, best_size = (len(m.keys), len(m.key)), (len(best.keys), len(best.key))
        if size > best_size or (size == best_size and m.span.start < best.span.start):
            best = m
    return best


@given(st.lists(st.tuples(st.integers(0, 5), st.lists(st.sampled_from(["کیم", "جونگ", "اون", "ک"]), min_size=1, max_size=3)), min_size=1, max_size=8))
def test_the_fullest_mention_is_the_one_the_sorted_walk_found(parts: list[tuple[int, list[str]]]) -> None:
    mentions = [
        Mention("PER", 0, 0, len(words), Span(start, start + 1), tuple(words), "".join(words)) for start, words in parts
    ]
    group = Group("PER", mentions)
    assert group.fullest() is _fullest_by_sort(group)
