"""The article's text as the view holds it: code points against Qt's UTF-16, long paragraphs cut for layout.

Annotations are code-point offsets; Qt counts UTF-16 code units, so every offset goes through
``Utf16Map`` (an emoji before a mention would otherwise shift it by one).
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A paragraph is laid out whole: one of a million characters (a text saved without line
# breaks) froze the window for half a second. Longer paragraphs are shown in pieces of at
# most this many characters, broken at a space, after a sentence's end where there is one.
MAX_BLOCK_CHARS = 4000
_LONG_PARAGRAPH = re.compile(f"^[^\n]{{{MAX_BLOCK_CHARS + 1},}}", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?؟…»][ ]")


class Utf16Map:
    """Converts between code-point offsets (``Document.text``) and UTF-16 positions (Qt)."""

    def __init__(self, text: str) -> None:
        # Counting UTF-16 units is a copy (~6 ms on 5 MB); the regular expression scans code point
        # by code point (~50 ms), so it only runs when there is something to find.
        extra = len(text.encode("utf-16-le", "surrogatepass")) // 2 - len(text)
        astral = [m.start() for m in _ASTRAL.finditer(text)] if extra else []
        self._astral = astral
        # UTF-16 index just after the high surrogate of each astral character.
        self._after_high = [cp + i + 1 for i, cp in enumerate(astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self._astral, cp)

    def to_code_point(self, pos: int) -> int:
        """The code point at (or, inside a surrogate pair, holding) UTF-16 position ``pos``."""
        return pos - bisect.bisect_right(self._after_high, pos)


def display_text(text: str) -> str:
    """``text`` with a space turned into a line break every ``MAX_BLOCK_CHARS`` or so in very
    long paragraphs, so that no block is too long to lay out at once.

    The length stays the same, so every offset into ``text`` is the same offset into the
    result; a stretch of that length with no space at all is left whole.
    """
    n = len(text)
    if all(text.find("\n", p, p + MAX_BLOCK_CHARS) >= 0 for p in range(0, n - MAX_BLOCK_CHARS, MAX_BLOCK_CHARS)):
        # A line break in every stretch of MAX_BLOCK_CHARS: no paragraph reaches twice that
        # (the usual case, found in about a millisecond on 5 MB, where a full scan takes 35 ms).
        return text
    breaks: list[int] = []
    for paragraph in _LONG_PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        while end - start > MAX_BLOCK_CHARS:
            low, high = start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS
            cut = -1
            for m in _SENTENCE_END.finditer(text, low, high):
                cut = m.end() - 1  # the space after the last sentence end in the window
            if cut < 0:
                cut = text.rfind(" ", low, high)
            if cut < 0:
                cut = text.find(" ", high, end)
                if cut < 0:
                    break
            breaks.append(cut)
            start = cut + 1
    if not breaks:
        return text
    pieces: list[str] = []
    previous = 0
    for cut in breaks:
        pieces.append(text[previous:cut])
        pieces.append("\n")
        previous = cut + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def block_starts(text: str, positions: Utf16Map) -> list[int]:
    """Where each paragraph of ``text`` starts once in a document (UTF-16), and the end."""
    to16 = positions.to_utf16
    starts = [0]
    starts.extend(to16(match.end()) for match in re.finditer("\n", text))
    starts.append(to16(len(text)) + 1)  # characterCount() counts the last separator
    return starts
