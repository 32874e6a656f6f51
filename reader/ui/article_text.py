"""The article's text as the view holds it: code points against Qt's UTF-16, long paragraphs cut for layout.

Annotations are code-point offsets; Qt counts UTF-16 code units, so every offset goes through
``Utf16Map`` (an emoji before a mention would otherwise shift it by one).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

# Patterns are compiled on first use (re keeps them): the usual article needs none of them, and
# compiling them was ~0.4 ms of the window's first frame.
_ASTRAL = "[\U00010000-\U0010ffff]"
# A paragraph is laid out whole: one of a million characters (a text saved without line
# breaks) froze the window for half a second. Longer paragraphs are shown in pieces of at
# most this many characters, broken at a space, after a sentence's end where there is one.
MAX_BLOCK_CHARS = 4000
_LONG_PARAGRAPH = f"^[^\n]{{{MAX_BLOCK_CHARS + 1},}}"
_SENTENCE_END = r"[.!?؟…»][ ]"
_JOINERS = frozenset("\u200c\u200d\ufe0e\ufe0f")


class Utf16Map:
    """Converts between code-point offsets (``Document.text``) and UTF-16 positions (Qt).

    ``breaks``: code points before which the view shows a line break of its own (one UTF-16
    unit that is not in the text; see ``display_text``), sorted.
    """

    def __init__(self, text: str, breaks: Sequence[int] = ()) -> None:
        # Counting UTF-16 units is a copy (~6 ms on 5 MB); the regular expression scans code point
        # by code point (~50 ms), so it only runs when there is something to find.
        extra = len(text.encode("utf-16-le", "surrogatepass")) // 2 - len(text)
        astral = [m.start() for m in re.finditer(_ASTRAL, text)] if extra else []
        self._astral = astral
        self._breaks = list(breaks)
        # UTF-16 index of each astral character's low surrogate, and of each inserted break.
        self._low = [self.to_utf16(cp) + 1 for cp in astral] if self._breaks else [cp + i + 1 for i, cp in enumerate(astral)]
        self._break_at = [self.to_utf16(cp) - 1 for cp in self._breaks]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code point ``cp`` (after a break inserted before it)."""
        position = cp + bisect.bisect_left(self._astral, cp)
        if self._breaks:
            position += bisect.bisect_right(self._breaks, cp)
        return position

    def to_code_point(self, pos: int) -> int:
        """The code point at (or, inside a surrogate pair, holding) UTF-16 position ``pos``; an
        inserted break counts as the code point after it."""
        cp = pos - bisect.bisect_right(self._low, pos)
        if self._break_at:
            cp -= bisect.bisect_left(self._break_at, pos)
        return cp


def _joined(char: str) -> bool:
    """True if ``char`` belongs to the character before it (a mark, a joiner, a variation selector)."""
    return char in _JOINERS or "\U0001f3fb" <= char <= "\U0001f3ff" or unicodedata.category(char) in ("Mn", "Mc", "Me")


def _safe_cut(text: str, low: int, high: int) -> int:
    """A code point in ``low..high`` (the latest) before which a line break splits no character
    from its marks or joiners; ``high`` if there is none."""
    for cut in range(high, low, -1):
        if not _joined(text[cut]) and text[cut - 1] != "\u200d":
            return cut
    return high


def display_text(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` as the view shows it, very long paragraphs cut into blocks of at most
    ``MAX_BLOCK_CHARS`` or so, so that no block is too long to lay out at once; and the code
    points before which a line break was inserted.

    A paragraph is cut by turning a space into a line break (after a sentence's end where there
    is one), which keeps every offset. A stretch with no space at all (a million «&», a word of
    «ب‌» repeated) gets a line break of its own, between two whole characters: Qt looks for a
    place to wrap such a stretch from its start at every line, so laying out a million of them
    took over a minute. Those inserted breaks are what ``Utf16Map`` is told of.
    """
    n = len(text)
    if all(text.find("\n", p, p + MAX_BLOCK_CHARS) >= 0 for p in range(0, n - MAX_BLOCK_CHARS, MAX_BLOCK_CHARS)):
        # A line break in every stretch of MAX_BLOCK_CHARS: no paragraph reaches twice that
        # (the usual case, found in about a millisecond on 5 MB, where a full scan takes 35 ms).
        return text, ()
    spaces: list[int] = []  # spaces shown as line breaks
    inserted: list[int] = []  # code points a line break is inserted before
    sentence_end = re.compile(_SENTENCE_END)
    for paragraph in re.finditer(_LONG_PARAGRAPH, text, re.MULTILINE):
        start, end = paragraph.span()
        while end - start > MAX_BLOCK_CHARS:
            low, high = start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS
            cut = -1
            for m in sentence_end.finditer(text, low, high):
                cut = m.end() - 1  # the space after the last sentence end in the window
            if cut < 0:
                cut = text.rfind(" ", low, high)
            if cut >= 0:
                spaces.append(cut)
                start = cut + 1
            else:
                cut = _safe_cut(text, low, high)
                inserted.append(cut)
                start = cut
    if not spaces and not inserted:
        return text, ()
    pieces: list[str] = []
    previous = 0
    # A space shown as a break is replaced by it (the next piece starts after it); an inserted
    # break adds one (the next piece starts at the cut).
    for cut, after in sorted([(c, c + 1) for c in spaces] + [(c, c) for c in inserted]):
        pieces.append(text[previous:cut])
        pieces.append("\n")
        previous = after
    pieces.append(text[previous:])
    return "".join(pieces), tuple(inserted)


def block_starts(text: str, positions: Utf16Map) -> list[int]:
    """Where each paragraph of ``text`` starts once in a document (UTF-16), and the end."""
    to16 = positions.to_utf16
    starts = [0]
    starts.extend(to16(match.end()) for match in re.finditer("\n", text))
    starts.append(to16(len(text)) + 1)  # characterCount() counts the last separator
    return starts
