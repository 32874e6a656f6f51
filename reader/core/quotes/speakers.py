"""Speaker attribution for quotes: the clause subject that said them, with shallow rules for news prose.

The subject opens its clause (after an agency prefix such as «به گزارش ایرنا،» and
adverbials), prepositional objects («خطاب به X», «با X») are never subjects, «وی/او/این
مقام» point back to the last speaker, and «در این بیانیه آمده است» gives the quote to
whoever issued the statement.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import islice

from reader.core.document import Quote
from reader.core.quotes.clauses import MASK, SKIP, Clauses, EntityMention, QuoteSpan
from reader.core.quotes.lexicon import (
    ACCORDING_RE,
    ADVERBIAL_START,
    ANAPHOR,
    AND_RE,
    GENITIVE_HEADS,
    HONORIFICS,
    INSTITUTION,
    LEAD_IN_GAP,
    LIGHT_VERBS,
    NP_STOP,
    NP_TOKEN_RE,
    OBJECT_RE,
    PREPOSITIONS,
    QUESTION_NOUNS,
    STATEMENT_NOUN_RE,
    THIS_STATEMENT_RE,
    TITLE_WORDS,
    WORD_RE,
    folded_word,
    in_lexicon,
    is_verb_form,
    is_word,
    word_key,
)
from reader.core.text import fold_key


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: an entity, or the words naming an unnamed speaker («یک مقام آگاه»)."""

    id: str | None
    text: str | None


ANAPHORIC = Speaker(None, "\x00anaphor")
_DEMONSTRATIVES = frozenset(fold_key(w) for w in ("این", "آن", "همین", "همان"))


class SpeakerFinder:
    """Who said each quote: the subject of the clause whose speech verb governs it.

    Keeps, while quotes are attributed in text order, the last person who spoke or
    acted (for «وی/او»), its value when the current sentence began, and who last
    issued a statement (for «در این بیانیه آمده است»).
    """

    def __init__(self, clauses: Clauses) -> None:
        self.clauses = clauses
        # The last person who spoke or acted as a sentence subject, and its value when the
        # current sentence began: «وی/او» in a sentence points before that sentence.
        self.last = Speaker(None, None)
        self.sentence_last = self.last
        self.issuer = Speaker(None, None)
        self._verb_cache: dict[int, Speaker | None] = {}

    def _speaker(self, mention: EntityMention) -> Speaker:
        if mention.kind == "title":
            # «ولادیمیر پوتین، رئیس‌جمهور روسیه … گفت»: the name before the apposition names him.
            clauses = self.clauses
            _lo, before = clauses.trimmed(max(0, mention.start - 4), mention.start)
            if before > 0 and clauses.f[before - 1] in "،,":
                _lo, name_end = clauses.trimmed(max(0, before - 4), before - 1)
                while name_end > 0 and clauses.f[name_end - 1] in "»\"”":
                    name_end -= 1
                name = clauses.mention_end.get(name_end)
                if name is not None and name.entity.id == mention.entity.id:
                    mention = name
        return Speaker(mention.entity.id, self.clauses.text[mention.start : mention.end])

    def _subject(self, lo: int, hi: int) -> Speaker | None:
        """The subject of the clause ``lo:hi`` (which ends at its verb or at the quote)."""
        lo = self.clauses.skip_prefix(lo, hi)
        masked = self.clauses.masked
        obj = OBJECT_RE.match(masked, lo, hi)
        if obj:
            lo = self.clauses.skip_prefix(obj.end(), hi)  # «…»، این را X گفت: X says it
        if lo >= hi:
            return None
        honorific = HONORIFICS.match(masked, lo, hi)
        head = self.clauses.mention_at.get(honorific.end() if honorific else lo)
        if head is not None and head.end <= hi:
            return self._speaker(head)
        first = WORD_RE.match(masked, lo, hi)
        first_word = first.group() if first else ""
        if ANAPHOR.match(masked, lo, hi):
            if THIS_STATEMENT_RE.match(masked, lo, hi):
                return self.issuer
            return ANAPHORIC
        if first_word and (in_lexicon(first_word, ADVERBIAL_START) or first_word[0].isdigit()):
            return self._subject_after_adverbial(lo, hi)
        return self._noun_phrase(lo, hi)

    def _subject_after_adverbial(self, lo: int, hi: int) -> Speaker | None:
        """«در دیدار با X، Y گفت» → Y: names after a preposition are skipped, a name after a comma wins."""
        chosen: EntityMention | None = None
        genitive: Speaker | None = None
        prev_skipped_end = -1
        for m in self.clauses.candidates(lo, hi):
            prev = self.clauses.prev_token(m.start, lo)
            skipped = in_lexicon(prev, PREPOSITIONS) or (
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
            if m.entity.type == "PER" and not in_lexicon(prev, GENITIVE_HEADS):
                chosen = chosen or m
            elif genitive is None and prev and m.entity.type in ("ORG", "LOC", "PER"):
                head_start = m.start - len(prev) - 1
                genitive = Speaker(None, self.clauses.text[max(lo, head_start) : m.end].strip())
        if chosen is not None:
            return self._speaker(chosen)
        if genitive is not None:
            return genitive
        comma = max(self.clauses.masked.rfind("،", lo, hi), self.clauses.masked.rfind(",", lo, hi))
        if comma > lo:
            return self._noun_phrase(comma + 1, hi) or ANAPHORIC
        return ANAPHORIC  # «در ادامه افزود»: no subject, the last speaker goes on

    def _speaker_verb_follows(self, pos: int, hi: int) -> bool:
        """Whether nothing but the verb follows: «…، ایران اعلام کرد» makes a country the subject."""
        return not self.clauses.masked[pos:hi].strip(" \u200c")

    def _noun_phrase(self, lo: int, hi: int) -> Speaker | None:
        """An unnamed speaker («یک مقام آگاه در وزارت نفت هند»), or the name inside or after it."""
        masked = self.clauses.masked
        lo = self.clauses.skip_prefix(lo, hi)
        # The rules below read at most the first 16 tokens (12, and up to 4 after one): the
        # rest of a long clause is not tokenised.
        words = list(islice(NP_TOKEN_RE.finditer(masked[lo:hi]), 16))
        end = lo
        kind_words = True  # only words like «روزنامه» or «خبرگزاری» so far
        for k, w in enumerate(words[:12]):
            token = w.group()
            at = lo + w.start()
            mention = self.clauses.mention_at.get(at)
            if mention is not None and mention.entity.type == "ORG" and kind_words and mention.end <= hi:
                return self._speaker(mention)  # «روزنامه نیویورک تایمز نوشت»، «شبکه «الجزیره» گزارش داد»
            kind_words = kind_words and (token in "«»" or in_lexicon(token, TITLE_WORDS))
            if mention is not None and mention.entity.type == "PER" and mention.end <= hi:
                prev = self.clauses.prev_token(at, lo)
                if not in_lexicon(prev, GENITIVE_HEADS):
                    return self._speaker(mention)  # «وزیر خارجه ایران، عباس عراقچی»
            if token in "،,":
                nxt = words[k + 1] if k + 1 < len(words) else None
                after = self.clauses.mention_at.get(lo + nxt.start()) if nxt else None
                if after is not None and after.entity.type in ("PER", "ORG") and after.end <= hi:
                    return self._speaker(after)
                break
            if token in "-–—":
                break  # a parenthesis between dashes («در مسکو - پایتخت روسیه -») is not the speaker
            if token == "«":
                continue  # a name in guillemets («الجزیره») is part of the phrase; a quote is masked
            if MASK in token or token[0].isdigit():
                break
            if k > 0 and folded_word(token) in _DEMONSTRATIVES and any(
                folded_word(later.group()) == "را" for later in words[k + 1 : k + 5]
            ):
                break  # «نماینده مجلس | این گزارش را …»: a new noun phrase, the verb's object
            if is_verb_form(token):
                # «… را رد کرد و گفت»: a verb ends the phrase, and the noun of «رد کرد» goes with it.
                if k > 0 and in_lexicon(token, LIGHT_VERBS):
                    end = min(end, lo + words[k - 1].start())
                break
            if k > 0 and in_lexicon(token, NP_STOP):
                nxt = words[k + 1] if k + 1 < len(words) else None
                if not (folded_word(token) == "در" and nxt and (in_lexicon(nxt.group(), INSTITUTION) or lo + nxt.start() in self.clauses.mention_at)):
                    break
            end = lo + w.end()
        while end > lo and masked[lo:end].rstrip(" \u200c").endswith((" و", "،", ",")):
            end = lo + len(masked[lo:end].rstrip(" \u200c")) - 1  # not «… و» before the verb
        end = lo + len(masked[lo:end].rstrip(" \u200c"))
        if end <= lo:
            return None
        return Speaker(None, self.clauses.text[lo:end])

    # ----------------------------------------------------------------- attribution

    def _verb_subject(self, verb: tuple[int, int, str]) -> Speaker | None:
        """The speaker of a speech verb, cached; records who issued a statement."""
        if verb[0] in self._verb_cache:
            return self._verb_cache[verb[0]]
        start, previous = self.clauses.clause_start(verb[0])
        result: Speaker | None
        if verb[2] == "statement":
            result = self._statement_issuer(start, verb[0])
        else:
            lo = start
            while lo < verb[0] and self.clauses.masked[lo] in SKIP:
                lo += 1
            relative = self._relative_subject(verb[0], start)
            if relative is not None:
                result = relative
            elif previous is not None and AND_RE.match(self.clauses.masked, lo, lo + 2):
                result = self._verb_subject(previous)  # «X اشاره کرد و گفت»: one subject, two verbs
            else:
                result = self._subject(start, verb[0])
                if result is None and previous is not None and self.clauses.skip_prefix(start, verb[0]) >= verb[0]:
                    # «او … اظهارات ترامپ که گفته بود «…»، گفت»: nothing between the verbs, so
                    # the subject is the one opening the sentence, before the other verb.
                    result = self._subject(self.clauses.sentence_start(previous[0]), previous[0])
            if result is ANAPHORIC or (result is None and self.clauses.skip_prefix(start, verb[0]) >= verb[0]):
                result = self.sentence_last
            # «با انتشار بیانیه‌ای اعلام کرد» or «اعلام کرد در بیانیه‌ای»: this subject issued a statement.
            if result is not None and STATEMENT_NOUN_RE.search(self.clauses.masked, start, min(verb[1] + 40, self.clauses.sentence_end(verb[1]))):
                self.issuer = result
        self._verb_cache[verb[0]] = result
        return result

    def _relative_subject(self, pos: int, lo: int) -> Speaker | None:
        """«ترامپ که گفته بود …»: a name right before «که» is the subject of the relative clause's verb."""
        if self.clauses.masked.find("که", lo, pos) < 0:
            return None  # no «که» at all before the verb: none among its last three words
        for _ in range(3):
            token = self.clauses.prev_token(pos, lo)
            if token is None or not is_word(token):
                return None
            pos = self.clauses.masked.rindex(token, lo, pos)
            if token == "که":
                mention = self.clauses.mention_end.get(self.clauses.trimmed(lo, pos)[1])
                return self._speaker(mention) if mention is not None and mention.entity.type != "LOC" else None
        return None

    def _statement_issuer(self, lo: int, hi: int) -> Speaker | None:
        """«در بیانیه X آمده است» → X; «در این بیانیه آمده است» → whoever issued it before."""
        for m in self.clauses.candidates(lo, hi):
            prev = self.clauses.prev_token(m.start, lo)
            if prev and STATEMENT_NOUN_RE.fullmatch(word_key(prev) or ""):
                return self._speaker(m)
        if THIS_STATEMENT_RE.search(self.clauses.masked, lo, hi):
            return self.issuer
        return None

    def _according_to(self, lo: int, hi: int) -> Speaker | None:
        """«به گفته X، «…»» → X."""
        matches = list(ACCORDING_RE.finditer(self.clauses.masked, lo, hi))
        if not matches:
            return None
        m = matches[-1]
        comma = min(c for c in (self.clauses.masked.find("،", m.end(), hi), self.clauses.masked.find(",", m.end(), hi), hi) if c >= 0)
        result = self._subject(m.end(), comma)
        return self.sentence_last if result is ANAPHORIC else result

    def _verb_after_object(self, pos: int) -> tuple[int, int, str] | None:
        """The speech verb of «…»؛ این را X گفت, past the semicolon that ends a sentence elsewhere."""
        lo, hi = self.clauses.trimmed(pos, min(self.clauses.n, pos + 4))
        if lo >= hi or self.clauses.masked[lo] not in "؛;":
            return None
        start, _ = self.clauses.trimmed(lo + 1, min(self.clauses.n, lo + 4))
        if not OBJECT_RE.match(self.clauses.masked, start):
            return None
        return self.clauses.verb_after(start, kinds=("speech", "statement"))

    def _colon_speaker(self, span: QuoteSpan) -> Speaker | None:
        """«پوتین: «…»», the headline and lead form: a person's name, alone before a colon, said it."""
        start, end = self.clauses.trimmed(self.clauses.sentence_start(span.outer_start), span.outer_start)
        if end <= start or self.clauses.masked[end - 1] not in ":：":
            return None
        mention = self.clauses.colon_name(start, end - 1)
        return self._speaker(mention) if mention is not None else None

    def _attribute_mark(self, span: QuoteSpan, previous: QuoteSpan | None, previous_speaker: Speaker | None) -> Speaker | None:
        colon = self._colon_speaker(span)
        if colon is not None:
            return colon
        before = [w for w in self.clauses.words_before(span.outer_start, 2) if folded_word(w) != "که"]
        if before and in_lexicon(before[-1], QUESTION_NOUNS):
            # «X در پاسخ به این سوال که «…» گفت: «…»»: someone else asked it; X answers next.
            answerer = self._subject(self.clauses.clause_start(span.outer_start)[0], span.outer_start)
            if answerer is not None and answerer is not ANAPHORIC:
                self.last = answerer
            return None
        k = bisect.bisect_right(self.clauses.said_ends, span.outer_start) - 1
        if k >= 0 and LEAD_IN_GAP.fullmatch(self.clauses.masked, self.clauses.said_ends[k], span.outer_start):
            return self._verb_subject(self.clauses.said[k])  # «ترامپ گفته بود «…»»
        verb = self.clauses.verb_after(span.outer_end, kinds=("speech", "expr", "statement"))
        if verb is None:
            verb = self._verb_after_object(span.outer_end)
        if verb is not None:
            between = self.clauses.masked[span.outer_end : verb[0]]
            stripped = between.strip(" \t\u200c")
            if stripped[:1] in ("،", ",", "؛", ";") or ANAPHOR.match(stripped) or self._mention_first(span.outer_end, verb[0]):
                result = self._subject(span.outer_end, verb[0])  # «…»، او افزود / «…» X گفت
                return self.sentence_last if result is ANAPHORIC else result
            start, _ = self.clauses.clause_start(span.outer_start)
            result = self._subject(start, span.outer_start)
            if result is ANAPHORIC or result is None:
                return self._verb_subject(verb) if verb[2] != "expr" else self.sentence_last
            return result
        start = self.clauses.sentence_start(span.outer_start)
        result = self._according_to(start, span.outer_start)
        if result is not None:
            return result
        for verb in reversed(self.clauses.verbs_between(start, span.outer_start)):
            if verb[2] in ("speech", "statement") and self.clauses.masked[verb[0]] != MASK:
                return self._verb_subject(verb)  # reported speech: «X گفت که … «…» خواهد بود»
        if previous is not None and not self.clauses.f[previous.outer_end : span.outer_start].strip():
            return previous_speaker  # the next paragraph of the same quote
        return None

    def _mention_first(self, lo: int, hi: int) -> bool:
        lo = self.clauses.skip_prefix(lo, hi)
        return lo in self.clauses.mention_at

    def attribute_all(self, spans: list[QuoteSpan]) -> list[Quote]:
        """Each quote with its speaker, the spans in text order (attribution carries state forward)."""
        # Sentence subjects and speech verbs keep «وی/او» pointing at the last person who spoke or acted.
        events = sorted(
            [(v[0], 1, v) for v in self.clauses.verbs if v[2] in ("speech", "statement", "issue")]
            + [(b + 1, 0, None) for b in self.clauses.bounds]
            + [(0, 0, None)]
        )
        e = 0
        quotes: list[Quote] = []
        previous: QuoteSpan | None = None
        previous_speaker: Speaker | None = None
        for span in spans:
            anchor = span.verb if span.verb is not None else span.outer_start
            while e < len(events) and events[e][0] < anchor:
                self._advance(events[e])
                e += 1
            if span.verb is not None:
                i = bisect.bisect_left(self.clauses.verb_starts, span.verb)
                speaker = self._verb_subject(self.clauses.verbs[i])
            else:
                speaker = self._attribute_mark(span, previous, previous_speaker)
            if speaker is ANAPHORIC:
                speaker = self.sentence_last
            if speaker is not None and (speaker.id or speaker.text):
                self.last = speaker
            quotes.append(Quote(span.start, span.end, speaker.id if speaker else None, speaker.text if speaker else None))
            previous, previous_speaker = span, speaker
        return quotes

    def _advance(self, event: tuple[int, int, tuple[int, int, str] | None]) -> None:
        pos, _kind, verb = event
        if pos >= self.clauses.n or self.clauses.masked[pos] == MASK:
            return
        if verb is not None:
            if verb[2] == "issue":
                start, _ = self.clauses.clause_start(verb[0])
                subject = self._subject(start, verb[0])
                if subject is not None and subject is not ANAPHORIC:
                    self.issuer = subject
                return
            subject = self._verb_subject(verb)
        else:
            self.sentence_last = self.last
            hi = min(self.clauses.n, pos + 200)
            subject = None
            if self.clauses.person_starts_in(pos, hi):  # else no person opens it, whatever the prefix
                lo = self.clauses.skip_prefix(pos, hi)
                mention = self.clauses.mention_at.get(lo)
                subject = self._speaker(mention) if mention is not None and mention.entity.type == "PER" else None
        if subject is not None and subject is not ANAPHORIC and subject.id:
            self.last = subject
