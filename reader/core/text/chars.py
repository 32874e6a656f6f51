"""Persian characters as Khana compares them: the spelling fold, what hazm may drop, whole-letter spans.

``fold`` keeps length (offsets in a folded copy are offsets in the text); ``fold_key``
drops spacing, joiners and marks for comparing spellings; ``snap`` widens a span so it never
cuts a mark, a joiner or a surrogate off its letter.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable

ZWNJ = "\u200c"
ZWJ = "\u200d"

# Letter variants hazm (and Persian readers) treat as one letter.
_LETTER_FOLD = {
    "ي": "ی", "ى": "ی", "ئ": "ئ", "ك": "ک", "ۀ": "ه", "ة": "ه", "ە": "ه", "ھ": "ه",
    "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
}
_DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
_EDGE_FORMAT = frozenset(_BIDI + ZWNJ)
# Characters that never attach to a neighbour nor are formatting: the common case needs no snapping.
_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n.,:;!?()[]{}\"'-«»،؛؟٪%"
    + "".join(map(chr, range(0x621, 0x64B)))
    + "پچژکگیۀة"
    + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
)
# What a token made only of is no word: spacing, joiners, kashida, bidi controls, common marks.
_NOT_A_WORD = " \n" + ZWNJ + ZWJ + "ـ" + _BIDI + _SPACES + "".join(map(chr, range(0x64B, 0x660))) + "\u0670"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _LETTER_FOLD.items()}
    for index, digit in enumerate(_DIGITS):
        table[ord(digit)] = str(index % 10)
    for space in _SPACES:
        table[ord(space)] = " "
    table[ord("٪")] = "%"
    return table


_FOLD_TABLE = _build_fold_table()
_FOLD_PIECE = 65_536


class _Translator:
    """``text.translate(table)`` for a table of one character to one character, where few characters change.

    ``str.translate`` looks every character of a non-ASCII text up in the table
    (about 0.5 s for the 5 MB benchmark text); a regular expression of the
    characters that change skips the rest in C and calls back only for those. A text
    where many change (Hamshahri writes every ی and ک in Arabic letters: a callback a
    character, 0.1 s on 5 MB) goes through one ``str.replace`` per character that
    occurs instead, when no character is both replaced and a replacement, so that the
    replacements cannot see each other's output (0.03 s).
    """

    def __init__(self, table: dict[int, str]) -> None:
        changes = {chr(code): to for code, to in table.items() if chr(code) != to}
        self._sub: Callable[[str], str] | None = None
        self._replacements: tuple[tuple[str, str], ...] = ()
        if changes and all(isinstance(to, str) and len(to) == 1 for to in changes.values()):
            pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(changes)) + "]")
            replace = changes.__getitem__
            self._sub = functools.partial(pattern.sub, lambda match: replace(match.group()))
            if changes.keys().isdisjoint(changes.values()):
                self._replacements = tuple(changes.items())
        elif changes:
            self._sub = lambda text: text.translate(table)

    def __call__(self, text: str) -> str:
        if self._sub is None:
            return text
        if self._replacements and len(text) >= _REPLACE_MIN:
            for old, new in self._replacements:
                if old in text:
                    text = text.replace(old, new)
            return text
        return self._sub(text)


# From this length a text is translated by ``str.replace``s: below it the regex's one pass costs less
# than a look for each of the (about 50) characters that change.
_REPLACE_MIN = 1_000


_fold_translate = _Translator(_FOLD_TABLE)


def fold(text: str) -> str:
    """A same-length copy for pattern matching: one form per letter, ASCII digits, plain spaces.

    Offsets found in ``fold(text)`` are offsets in ``text``; ZWNJ is kept so that
    patterns can decide whether it separates or joins.
    """
    if len(text) <= _FOLD_PIECE:
        return _fold_translate(text)
    # One call on a 5 MB text holds the GIL all along and freezes a window that waits
    # on it; pieces let other threads run in between.
    return "".join(_fold_translate(text[i : i + _FOLD_PIECE]) for i in range(0, len(text), _FOLD_PIECE))


def fold_key(text: str) -> str:
    """A comparison key: spelling variants (ZWNJ/space/no space, ي/ی, ك/ک, diacritics, digits) collapse."""
    out = []
    for ch in fold(text):
        if ch in " " + ZWNJ + ZWJ + "ـ" or ch in _BIDI:
            continue
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return "".join(out)


def is_droppable(ch: str) -> bool:
    """Characters hazm may delete: marks, joiners, kashida, bidi controls, spacing, CR."""
    return (
        ch in " \n\r" + ZWNJ + ZWJ + "ـ" + _BIDI + _SPACES
        or unicodedata.category(ch) in ("Mn", "Me", "Cf")
    )


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it never cuts a combining mark, joiner, or surrogate off its letter."""
    length = len(text)
    if start < 0:
        start = 0
    if end > length:
        end = length
    if start > end:
        start = end
    while end < length and _attaches_to_previous(text[end]):
        end += 1
    while 0 < start < length and _attaches_to_previous(text[start]):
        start -= 1
    # Bidi controls and ZWNJ at the edges are formatting, not part of the word.
    while start < end and text[start] in _EDGE_FORMAT:
        start += 1
    while end > start and text[end - 1] in _EDGE_FORMAT:
        end -= 1
    return start, end


@functools.cache
def _attaches_to_previous(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me")
        or ch == ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin tones
        or 0xDC00 <= code <= 0xDFFF  # a lone low surrogate belongs with its high half
    )
