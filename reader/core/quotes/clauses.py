"""Sentences, clauses and entity mentions around quotes, for the quote finder and speaker finder.

Every lookup is a bisection over positions found once (paragraph breaks, sentence
bounds, clause conjunctions, speech verbs, mentions), and every search looks at a
bounded window, so work per quote stays bounded.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from reader.core.document import Entity
from reader.core.quotes.lexicon import (
    BOUNDARY_RE,
    CLAUSE_CONJ_RE,
    DATELINE_GUARD_RE,
    HONORIFICS,
    LEADING_LINK_RE,
    NOT_IN_WORD,
    PARA_BREAKS,
    PREFIX_RE,
    VERB_OR_CONJ_RE,
    is_word,
)
from reader.core.text import ZWNJ, fold

# How far back or ahead any clause search looks, so work per quote is bounded.
_WINDOW = 400
MASK = "Q"
SKIP = " \t\r\u200c،,؛;:»«\"“”-–—" + MASK


@dataclass(frozen=True, slots=True)  # slots: a long text makes tens of thousands (a third faster to make)
class EntityMention:
    """A PER, ORG or LOC mention, the longest at its start."""

    start: int
    end: int
    entity: Entity
    kind: str = "name"  # how the mention names the entity: name, title or pronoun


@dataclass(frozen=True)
class QuoteSpan:
    """A quote before attribution: its words, its marks' extent, and the verb that introduced it."""

    start: int
    end: int
    outer_start: int  # the opening mark, or the first quoted word of a colon quote
    outer_end: int  # just after the closing mark, or the quote's end
    verb: int | None = None  # start of the colon speech verb


class Clauses:
    """The text around quotes read as sentences and clauses: paragraph, sentence and clause bounds,
    speech verbs, entity mentions and the words before a position.

    Quoted words are masked (``MASK``) once quotes are known, so nothing inside a quote
    ends a clause outside it or becomes a speaker. The quote finder and the speaker finder
    both read the text through one ``Clauses``.
    """

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.f = fold(text)
        self.n = len(text)
        # Sentence bounds of the unmasked text, which ``set_mask`` keeps unless masked; the
        # paragraph breaks are among them.
        self._bounds = [m.start() for m in BOUNDARY_RE.finditer(self.f)]
        self.breaks = [p for p in self._bounds if self.f[p] in PARA_BREAKS]
        mentions: dict[int, EntityMention] = {}
        for entity in entities:
            if entity.type not in ("PER", "ORG", "LOC"):
                continue
            for span in entity.mentions:
                if 0 <= span.start < span.end <= self.n:
                    old = mentions.get(span.start)
                    if old is None or span.end > old.end:
                        mentions[span.start] = EntityMention(span.start, span.end, entity, span.kind)
        self.mentions = [mentions[k] for k in sorted(mentions)]
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_at = mentions
        self.mention_end = {m.end: m for m in self.mentions}
        self.person_starts = [m.start for m in self.mentions if m.entity.type == "PER"]
        self.verbs: list[tuple[int, int, str]] = []
        # Clause conjunctions of the unmasked text; ``set_mask`` keeps those the mask leaves.
        self._conj: list[int] = []
        for m in VERB_OR_CONJ_RE.finditer(self.f):
            if m.lastgroup == "conj":
                self._conj.append(m.start())
            else:
                self.verbs.append((m.start(), m.end(), str(m.lastgroup)))
        self.verb_starts = [v[0] for v in self.verbs]
        # Verbs that report speech (not «خواند», not «صادر کرد»): they end clauses and introduce quotes.
        self.said = [v for v in self.verbs if v[2] in ("speech", "statement")]
        self.said_ends = [v[1] for v in self.said]

    def person_starts_in(self, lo: int, hi: int) -> bool:
        """Whether the mention at some position of ``lo..hi`` (both included) is a person's."""
        i = bisect.bisect_left(self.person_starts, lo)
        return i < len(self.person_starts) and self.person_starts[i] <= hi

    def para_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) else self.n

    def para_start(self, pos: int) -> int:
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i - 1] + 1 if i > 0 else 0

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``start:end`` without edge whitespace; bounded loops as quotes rarely have much."""
        f = self.f
        while start < end and (f[start].isspace() or f[start] == ZWNJ):
            start += 1
        while end > start and (f[end - 1].isspace() or f[end - 1] == ZWNJ):
            end -= 1
        return start, end

    def set_mask(self, spans: Sequence[QuoteSpan]) -> None:
        """Hide quoted words from clause analysis, keeping a final stop so sentences still end there."""
        parts: list[str] = []
        cursor = 0
        f = self.f
        for s in spans:
            parts.append(f[cursor : s.start])
            inner = MASK * (s.end - s.start)
            if f[s.end - 1] in ".!?؟…":
                inner = inner[:-1] + "."
            parts.append(inner)
            cursor = s.end
        parts.append(f[cursor:])
        masked = self.masked = "".join(parts)
        # The mask only turns characters into MASK (a word character) or keeps a final stop
        # as a stop, so it makes no new bound and no new conjunction: a bound stays unless
        # masked, and a conjunction of the text stays if it still matches where it was
        # (conjunctions never overlap one another, so none hides another in the text).
        self.bounds = [p for p in self._bounds if masked[p] != MASK]
        conj = (CLAUSE_CONJ_RE.match(masked, p) for p in self._conj)
        self.conj = [m.end() for m in conj if m is not None]

    # ----------------------------------------------------------------- clauses

    def words_before(self, pos: int, count: int) -> list[str]:
        """Up to ``count`` words right before ``pos`` in the same clause (no punctuation between)."""
        words: list[str] = []
        lo = max(0, pos - 80)
        while len(words) < count:
            word = self.prev_token(pos, lo)
            if not word or not is_word(word):
                break
            words.insert(0, word)
            pos = self.masked.rindex(word, lo, pos)
        return words

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_left(self.bounds, pos)
        start = self.bounds[i - 1] + 1 if i > 0 else 0
        return max(start, pos - _WINDOW)

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.bounds, pos)
        end = self.bounds[i] if i < len(self.bounds) else self.n
        return min(end, pos + _WINDOW)

    def verbs_between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.verb_starts, lo)
        j = bisect.bisect_left(self.verb_starts, hi)
        return self.verbs[i:j]

    def verb_after(self, pos: int, kinds: tuple[str, ...]) -> tuple[int, int, str] | None:
        for verb in self.verbs_between(pos, self.sentence_end(pos)):
            if verb[2] in kinds and self.masked[verb[0]] != MASK:
                return verb
        return None

    def clause_start(self, pos: int) -> tuple[int, tuple[int, int, str] | None]:
        """Where the clause holding ``pos`` begins, and the speech verb that ends the one before."""
        start = self.sentence_start(pos)
        i = bisect.bisect_right(self.conj, pos) - 1
        if i >= 0 and start <= self.conj[i] <= pos:
            start = self.conj[i]
        k = bisect.bisect_right(self.said_ends, pos) - 1
        while k >= 0 and self.said[k][0] >= start and self.masked[self.said[k][0]] == MASK:
            k -= 1  # a verb inside a quote ends nothing outside it
        if k >= 0 and self.said[k][0] >= start:
            return self.said[k][1], self.said[k]
        return start, None

    def skip_prefix(self, lo: int, hi: int) -> int:
        """Past punctuation, an agency prefix («به گزارش ایرنا،»), a dateline, «که»."""
        masked = self.masked
        for _ in range(4):
            while lo < hi and masked[lo] in SKIP:
                lo += 1
            m = PREFIX_RE.match(masked, lo, hi)
            if m and m.end() > lo and not self.person_in_dashes(lo, m.end()):
                lo = m.end()
                continue
            m = LEADING_LINK_RE.match(masked, lo, hi)
            if m:
                lo = m.end()
                continue
            break
        return lo

    def person_in_dashes(self, lo: int, hi: int) -> bool:
        """Whether a dateline-looking prefix («تهران- ایرنا-») really opens with a person's name."""
        if DATELINE_GUARD_RE.match(self.masked, lo, hi):
            return False  # «به گزارش …،» is never a name
        mention = self.mention_at.get(lo)
        return mention is not None and mention.entity.type == "PER"

    def candidates(self, lo: int, hi: int) -> list[EntityMention]:
        i = bisect.bisect_left(self.mention_starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and self.masked[m.start] != MASK:
                out.append(m)
            i += 1
        return out

    def prev_token(self, pos: int, lo: int) -> str | None:
        """The word or punctuation right before ``pos``, or None at the clause start."""
        masked = self.masked
        i = pos
        while i > lo and masked[i - 1] in " \t\u200c":
            i -= 1
        if i <= lo:
            return None
        if not is_word(masked[i - 1]):
            return masked[i - 1]
        j = i
        # ``is_word`` and not a ZWNJ, written out: this runs for every letter of every word looked at.
        while j > lo and i - j < 40 and (c := masked[j - 1]) not in NOT_IN_WORD and not c.isspace():
            j -= 1
        return masked[j:i]

    def colon_name(self, lo: int, colon: int) -> EntityMention | None:
        """The person named alone (after an agency prefix and an honorific, if any) in ``lo:colon``."""
        name_start, name_end = self.trimmed(lo, colon)
        mention = self.mention_end.get(name_end)
        if mention is None or mention.entity.type != "PER" or mention.start < name_start:
            return None
        lo = self.skip_prefix(name_start, mention.start)
        honorific = HONORIFICS.match(self.masked, lo, mention.start)
        if honorific:
            lo = self.skip_prefix(honorific.end(), mention.start)
        return mention if lo >= mention.start else None  # not «به گفته X:»
