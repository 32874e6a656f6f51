"""Light sentence context for a mention: sentence bounds and keyword-in-context, without hazm.

hazm's sentence tokenizer is accurate but slow to load; a sidebar showing where a
name occurs only needs a readable stretch of text around it, so a sentence here
ends at . ! ? ؟ or a line break (plus any closing quote or bracket after the
punctuation).
"""

from __future__ import annotations

SENTENCE_ENDS = frozenset(".!?؟\n")
# Closing marks that stay with the sentence they close: «...دهند.»
_CLOSERS = frozenset("»\"')]”’")
ELLIPSIS = "…"


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence containing ``offset``, without surrounding whitespace.

    ``offset`` is clamped into the text. The end includes the terminating
    punctuation and closing quotes, but never a newline.
    """
    length = len(text)
    offset = max(0, min(offset, length))
    start = offset
    while start > 0 and text[start - 1] not in SENTENCE_ENDS:
        start -= 1
    # Closing marks right after the previous sentence's punctuation belong to it.
    while start < offset and text[start] in _CLOSERS and start > 0 and text[start - 1] in SENTENCE_ENDS - {"\n"}:
        start += 1
    end = offset
    while end < length and text[end] not in SENTENCE_ENDS:
        end += 1
    if end < length and text[end] != "\n":
        end += 1
        while end < length and text[end] in _CLOSERS:
            end += 1
    while start < end and start < offset and text[start].isspace():
        start += 1
    while end > start and end > offset and text[end - 1].isspace():
        end -= 1
    return start, end


def kwic(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """Keyword in context: (left, match, right) from the sentence around ``text[start:end]``.

    Each side keeps at most about ``width`` characters of its sentence, cut at a
    space so no word (nor a ZWNJ-joined word) is split, with «…» where text was
    dropped. Line breaks inside the match are shown as spaces.
    """
    length = len(text)
    start = max(0, min(start, length))
    end = max(start, min(end, length))
    s_start, _ = sentence_bounds(text, start)
    _, s_end = sentence_bounds(text, max(start, end - 1)) if end > start else sentence_bounds(text, start)
    s_end = max(s_end, end)
    s_start = min(s_start, start)
    left = text[s_start:start]
    right = text[end:s_end]
    if len(left) > width:
        cut = len(left) - width
        space = left.find(" ", cut)
        left = ELLIPSIS + (left[space + 1 :] if 0 <= space < len(left) - 1 else left[cut:])
    if len(right) > width:
        space = right.rfind(" ", 0, width + 1)
        right = (right[:space] if space > 0 else right[:width]) + ELLIPSIS
    return left, text[start:end].replace("\n", " "), right
