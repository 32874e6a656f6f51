"""Direct quotes in Persian news and who said them.

Three kinds of quote are found on ``fold(text)`` (same length as the text, so
regex offsets are offsets in the text): words inside quotation marks («…», “…”,
"…"), the rest of a paragraph after a speech verb and a colon (``گفت: …``), and a
paragraph opened by a person's name and a colon (``پوتین: …``, the headline form).
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
import re
from typing import Sequence

from reader.core.document import Entity, Quote
from reader.core.quotes.clauses import Clauses, QuoteSpan
from reader.core.quotes.lexicon import (
    APPOSITION_RE,
    COLON_GAP,
    ROLE_WORDS,
    TITLE_WORDS,
    in_lexicon,
    is_verb_form,
)
from reader.core.quotes.speakers import SpeakerFinder
from reader.core.text import Sentence, fold_key

# A « left open survives paragraph breaks (multi-paragraph quotes) only this far.
_MAX_QUOTE_PARAGRAPHS = 8
_MAX_QUOTE_CHARS = 20_000
_OPENERS = "«“\""
_LIST_AFTER = re.compile('[ \u200c]*(?:[،,]|و(?=[ \u200c]))[ \u200c]*[«“"]')
_MARKS_RE = re.compile('[«»“”"\n\u2029]')
_LIST_BEFORE = re.compile('[»”"][ \u200c]*(?:[،,]|(?<=[ \u200c])و)[ \u200c]*$')


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
    clauses = Clauses(text, entities)
    spans = QuoteFinder(clauses).find()
    return SpeakerFinder(clauses).attribute_all(spans)


class QuoteFinder:
    """Finds the quotes: words in marks, the rest of a paragraph after «گفت:», the headline form.

    Reads the text through ``clauses`` and leaves its mask set to the quotes found, which
    is what the ``SpeakerFinder`` reading the same ``clauses`` needs next.
    """

    def __init__(self, clauses: Clauses) -> None:
        self.clauses = clauses

    def find(self) -> list[QuoteSpan]:
        """Every quote in text order, before attribution."""
        marks = self._mark_spans()
        self.clauses.set_mask(marks)
        linked, regions = self._colon_quotes(marks)
        quotes: list[QuoteSpan] = []
        r = 0
        for span in marks:
            while r < len(regions) and regions[r].end <= span.outer_start:
                quotes.append(regions[r])
                r += 1
            if r < len(regions) and regions[r].start <= span.outer_start < regions[r].end:
                continue  # guillemets inside a colon quote are part of it
            verb = linked.get(span.outer_start)
            if verb is not None:
                quotes.append(QuoteSpan(span.start, span.end, span.outer_start, span.outer_end, verb))
            elif not self._is_name_or_title(span):
                quotes.append(span)
        quotes.extend(regions[r:])
        self.clauses.set_mask(quotes)
        return quotes

    def _mark_spans(self) -> list[QuoteSpan]:
        """Top-level quotes in marks; nested marks belong to the quote around them."""
        raw: list[tuple[int, int, int]] = []  # (open, content end, outer end)
        # One scan for every kind of mark, and the paragraph breaks each pairing reads too.
        found = [(m.start(), m.group()) for m in _MARKS_RE.finditer(self.clauses.f)]
        for opener, closer in (("«", "»"), ("“", "”")):
            raw.extend(self._pair(opener, closer, found))
        raw.extend(self._pair_straight(found))
        raw.sort(key=lambda r: (r[0], -r[2]))
        spans: list[QuoteSpan] = []
        reach = -1
        for open_pos, content_end, outer_end in raw:
            if open_pos < reach:
                continue  # nested (or crossing) marks stay inside the outer quote
            start, end = self.clauses.trimmed(open_pos + 1, content_end)
            if start < end:
                spans.append(QuoteSpan(start, end, open_pos, outer_end))
                reach = outer_end
        return spans

    def _pair(self, opener: str, closer: str, found: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
        """Pair one kind of mark with a stack; an open mark never closed stops at its paragraph end."""
        pairs: list[tuple[int, int, int]] = []
        stack: list[list[int]] = []  # [open position, paragraph number, last paragraph start]
        para, para_start = 0, 0

        def unclosed(item: list[int]) -> None:
            end = self.clauses.para_end(item[2])
            pairs.append((item[0], end, end))

        for pos, ch in found:
            if ch not in (opener, closer, "\n", "\u2029"):
                continue
            if ch == opener:
                # «para one … \n«para two …» : a paragraph opening with « continues an open quote.
                if stack and stack[-1][1] == para - 1 and pos - para_start < 8 and not self.clauses.f[para_start:pos].strip():
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

    def _pair_straight(self, found: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
        """ASCII "…" pairs within a paragraph; a lone " is not a quote."""
        pairs: list[tuple[int, int, int]] = []
        open_pos: int | None = None
        for pos, ch in found:
            if ch not in ('"', "\n", "\u2029"):
                continue
            if ch != '"':
                open_pos = None
            elif open_pos is None:
                open_pos = pos
            else:
                pairs.append((open_pos, pos, pos + 1))
                open_pos = None
        return pairs


    def _colon_quotes(self, marks: list[QuoteSpan]) -> tuple[dict[int, int], list[QuoteSpan]]:
        """Quotes after «گفت:»: marks the colon introduces, and paragraph tails."""
        linked: dict[int, int] = {}
        regions: list[QuoteSpan] = []
        mark_at = {s.outer_start: s for s in marks}
        mark_starts = [s.outer_start for s in marks]
        masked = self.clauses.masked
        for m in re.finditer("[:：]", masked):
            colon = m.start()
            k = bisect.bisect_right(self.clauses.said_ends, colon) - 1
            if k < 0 or not COLON_GAP.fullmatch(masked, self.clauses.said_ends[k], colon + 1):
                headline = self._name_colon_line(colon, mark_at)
                if headline is not None:
                    regions.append(headline)
                continue
            verb = self.clauses.said[k][0]
            if regions and regions[-1].start <= verb < regions[-1].end:
                cut = self.clauses.sentence_start(verb)
                if cut <= regions[-1].start:
                    continue  # «پدرم می‌گفت: …» inside the quote is part of it
                last = regions.pop()
                start, end = self.clauses.trimmed(last.start, cut)
                if start < end:
                    regions.append(QuoteSpan(start, end, start, end, last.verb))
            p_end = self.clauses.para_end(colon)
            start, _ = self.clauses.trimmed(colon + 1, p_end)
            if start == p_end and p_end < self.clauses.n:  # «وی افزود:» then the quote as the next paragraph
                start, _ = self.clauses.trimmed(p_end + 1, self.clauses.para_end(p_end + 1))
                p_end = self.clauses.para_end(start)
            if start >= self.clauses.n:
                continue
            if self.clauses.f[start] in _OPENERS:
                if start in mark_at:
                    linked[start] = verb
                continue
            end = p_end
            # A quote in marks that starts inside and runs past the paragraph stays whole.
            i = bisect.bisect_left(mark_starts, start)
            if i < len(marks) and marks[i].outer_start < end < marks[i].outer_end:
                end = marks[i].outer_start
            start, end = self.clauses.trimmed(start, end)
            if start < end:
                regions.append(QuoteSpan(start, end, start, end, verb))
        return linked, regions

    def _name_colon_line(self, colon: int, mark_at: dict[int, QuoteSpan]) -> QuoteSpan | None:
        """«پوتین: غرب مسئول است»: a paragraph opened by a person's name and a colon quotes them
        (the headline and lead form), to the end of the sentence: a headline run into its
        article («… تهران- ایرنا- …») must not become one long quote. Words in marks after the
        colon are left to the marks; fewer than three words («ظریف: ۲۰») are not a quote."""
        if self.clauses.colon_name(self.clauses.para_start(colon), colon) is None:
            return None
        i = bisect.bisect_right(self.clauses.bounds, colon)
        end = self.clauses.bounds[i] + 1 if i < len(self.clauses.bounds) else self.clauses.n
        start, end = self.clauses.trimmed(colon + 1, min(end, self.clauses.para_end(colon)))
        if start >= end or self.clauses.f[start] in _OPENERS or start in mark_at:
            return None
        if len(self.clauses.f[start : min(end, start + 200)].split()) < 3:
            return None
        return QuoteSpan(start, end, start, end)

    def _in_a_list(self, span: QuoteSpan) -> bool:
        """«"ماناتل پارس"، "مدیا پردازش" و "دی تل"»: marks next to marks, joined by a comma or «و»."""
        after = _LIST_AFTER.match(self.clauses.f, span.outer_end, min(self.clauses.n, span.outer_end + 8))
        before = _LIST_BEFORE.search(self.clauses.f, max(0, span.outer_start - 8), span.outer_start)
        return after is not None or before is not None

    def _is_name_or_title(self, span: QuoteSpan) -> bool:
        """Guillemets around a name («سرگئی شویگو») or a title (عملیات «…») rather than words said."""
        f = self.clauses.f
        start, end = span.start, span.end
        while end > start and f[end - 1] in ".،,!?؟:؛;":
            end -= 1
        words = f[start : min(end, start + 300)].split()[:8]  # only "short or not" matters
        if not words:
            return True
        m = self.clauses.mention_at.get(start)
        if m is not None and m.end >= end and m.end <= span.outer_end:
            return True
        m = self.clauses.mention_at.get(span.outer_start)
        if m is not None and m.end >= end:
            return True
        before = self.clauses.words_before(span.outer_start, 2)
        if len(words) <= 6 and before and in_lexicon(before[-1], TITLE_WORDS):
            return True
        if len(words) <= 4 and self._in_a_list(span):
            return True
        if len(words) <= 4 and before and fold_key(before[-1]) == "با" and self.clauses.verb_after(
            span.outer_end, kinds=("speech",)
        ) is None and not any(is_verb_form(w) for w in words):
            return True  # «با «سرگئی شویگو» دیدار کرد»: whom someone met, not words said
        if len(words) > 3 or self.clauses.verb_after(span.outer_end, kinds=("speech", "expr")) is not None:
            return False
        if len(words) <= 2 and not any(
            v[2] in ("speech", "statement") for v in self.clauses.verbs_between(self.clauses.sentence_start(span.outer_start), span.outer_start)
        ):
            # «لنوو» و «موتورولا»: a term in marks that no one is said to say; «X گفت که … یک
            # «اشتباه تاریخی» خواهد بود» is X's words.
            return True
        if any(in_lexicon(w, TITLE_WORDS) for w in before) or in_lexicon(words[0], TITLE_WORDS):
            return True
        after = APPOSITION_RE.match(f[span.outer_end : span.outer_end + 40])
        return after is not None and in_lexicon(after.group(1), ROLE_WORDS)
