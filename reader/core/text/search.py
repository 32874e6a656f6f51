"""Find as a Persian reader means it: spelling variants, joiners, spaces and diacritics don't matter.

``SearchIndex`` folds the text once (ي/ی, ك/ک, any script's digits, no ZWNJ, no
space, no diacritics, no kashida) and remembers, for every folded character, the
code point of ``Document.text`` it came from. A query is folded the same way,
found in the folded text, and the match mapped back to code-point offsets in
the text the user sees.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

from reader.core.text.chars import ZWJ, ZWNJ, fold, snap

_SKIPPED = frozenset(" " + ZWNJ + ZWJ + "ـ" + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff")
# Alef and hamza carriers a reader types interchangeably: «رئیس» and «رییس» are one word in the
# press, as are «هیأت» and «هیات».
_EXTRA = {"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ی", "ي": "ی", "ك": "ک"}


def _fold_char(ch: str) -> str:
    """The folded form of one already-``fold``ed character, or '' when search ignores it."""
    if ch in _SKIPPED or unicodedata.combining(ch) or ch == "\n":
        return ""
    ch = _EXTRA.get(ch, ch)
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def fold_query(query: str) -> str:
    """A query in the form it is looked up in the index."""
    return "".join(_fold_char(ch) for ch in fold(query))


@dataclass(frozen=True)
class SearchIndex:
    """A folded copy of a text with an offset map back to it."""

    text: str
    folded: str
    origin: tuple[int, ...]  # origin[k] = code point of ``text`` that folded char k stands for

    @classmethod
    def build(cls, text: str) -> SearchIndex:
        chars: list[str] = []
        origin: list[int] = []
        for offset, ch in enumerate(fold(text)):
            folded = _fold_char(ch)
            if folded:
                chars.append(folded)
                origin.append(offset)
        return cls(text, "".join(chars), tuple(origin))

    def find_all(self, query: str, limit: int | None = None) -> list[tuple[int, int]]:
        """Every match of ``query`` as (start, end) code-point offsets in ``text``, in order.

        Matches don't cross a line break and never overlap; a match's end takes in
        the marks that belong to its last letter.
        """
        key = fold_query(query)
        if not key:
            return []
        results: list[tuple[int, int]] = []
        at = self.folded.find(key)
        while at != -1:
            start = self.origin[at]
            end = self.origin[at + len(key) - 1] + 1
            if "\n" not in self.text[start:end]:
                results.append(snap(self.text, start, end))
                if limit is not None and len(results) >= limit:
                    break
                at = self.folded.find(key, at + len(key))
            else:
                at = self.folded.find(key, at + 1)
        return results


def next_match(matches: list[tuple[int, int]], position: int, backward: bool = False) -> int | None:
    """Index of the match after (or before) code point ``position``, wrapping; None if no match."""
    if not matches:
        return None
    starts = [m[0] for m in matches]
    if backward:
        index = bisect.bisect_left(starts, position) - 1
        return index % len(matches)
    index = bisect.bisect_right(starts, position)
    return index % len(matches)
