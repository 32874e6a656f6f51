"""Sentences and tokens of a text, each anchored by code-point offsets in the text the user sees.

hazm splits the normalised copy into sentences and words; every token is mapped back
through the alignment, so a highlight covers exactly the characters of the mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from reader.core.text.align import Normalized
from reader.core.text.chars import _NOT_A_WORD, _PLAIN, snap
from reader.core.text.hazm_fast import Splitter
from reader.core.text.normalise import _Hazm, normalize


@dataclass(frozen=True, slots=True)
class Token:
    """A word as the tagger sees it (``norm``) and where it stands in ``Document.text``."""

    text: str
    norm: str
    start: int
    end: int


_new = object.__new__
# The slots' descriptors (a class attribute per field of a slotted dataclass).
_set_text, _set_norm, _set_start, _set_end = (vars(Token)[name].__set__ for name in ("text", "norm", "start", "end"))


def _token(text: str, norm: str, start: int, end: int) -> Token:
    """``Token(text, norm, start, end)``, made at half the cost.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``
    (0.65 µs a token, 0.4 s for a 5 MB text); setting the slots through their
    descriptors is the same object, sooner.
    """
    token = _new(Token)
    _set_text(token, text)
    _set_norm(token, norm)
    _set_start(token, start)
    _set_end(token, end)
    return token


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's extent in ``Document.text`` and its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every non-blank line of ``text``."""
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        if text[start:end].strip():
            yield start, end
        start = end + 1


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside core loops when the caller's cancel check says stop."""


# Paragraphs are normalised together up to about this many characters: hazm's
# Normalizer.normalize rebuilds two translation tables on every call (~1 ms), which
# per paragraph costs more than the normalising itself on a long text; larger batches
# make hazm's regexes hold the GIL long enough to freeze a window waiting on it.
_BATCH_CHARS = 8_000


def tokenize(
    text: str,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    batches: Sequence[tuple[int, int]] | None = None,
) -> list[Sentence]:
    """Split ``text`` into sentences and tokens, each anchored in ``text``.

    ``progress(done, total)`` is called with character counts; ``cancel()``
    returning true raises ``Cancelled`` between batches of paragraphs.
    ``batches`` limits the work to some of ``batch_spans(text)`` (their sentences
    are the same as in the whole text's result: batches are independent).
    """
    hazm = _Hazm.get()
    result: list[Sentence] = []
    total = len(text)
    # Equal strings share one object: a long text repeats its words, and 1M tokens'
    # separate copies of «در» and «که» cost over 100 MB.
    shared: dict[str, str] = {}
    for b_start, b_end in _batches(text) if batches is None else batches:
        if cancel is not None and cancel():
            raise Cancelled()
        result.extend(_tokenize_batch(hazm, text, b_start, b_end, shared))
        if progress is not None:
            progress(b_end, total)
    return result


def batch_spans(text: str) -> list[tuple[int, int]]:
    """The runs of whole paragraphs ``tokenize`` works on, each tokenised on its own."""
    return list(_batches(text))


def _batches(text: str) -> Iterator[tuple[int, int]]:
    """Runs of whole paragraphs of about ``_BATCH_CHARS`` characters."""
    start = end = -1
    for p_start, p_end in paragraphs(text):
        if start < 0:
            start = p_start
        end = p_end
        if end - start >= _BATCH_CHARS:
            yield start, end
            start = -1
    if start >= 0:
        yield start, end


def _tokenize_batch(hazm: _Hazm, text: str, b_start: int, b_end: int, shared: dict[str, str]) -> list[Sentence]:
    normalized = normalize(text[b_start:b_end], b_start)
    norm = normalized.text
    sentences: list[Sentence] = []
    previous_end = b_start
    line_start = 0
    # hazm keeps line breaks, so each line of the normalised batch is one paragraph.
    while line_start < len(norm):
        line_end = norm.find("\n", line_start)
        if line_end == -1:
            line_end = len(norm)
        if norm[line_start:line_end].strip():
            previous_end = _tokenize_line(hazm, text, normalized, line_start, line_end, previous_end, sentences, shared)
        line_start = line_end + 1
    return sentences


# A token starting with one of these is a word: it is plain (no snapping) and survives the strip.
_WORD_START = _PLAIN - frozenset(_NOT_A_WORD)


def _tokenize_line(
    hazm: _Hazm, text: str, normalized: Normalized, line_start: int, line_end: int,
    previous_end: int, sentences: list[Sentence], shared: dict[str, str],
) -> int:
    norm = normalized.text
    starts, ends = normalized.starts, normalized.ends
    length = len(text)
    plain, word_start, intern, make = _PLAIN, _WORD_START, shared.setdefault, _token
    splitter = hazm.splitter
    if splitter is None:
        spans = _found_words(hazm, norm, line_start, line_end)
    else:
        spans = _spanned_words(splitter, norm, line_start, line_end)
    for words in spans:
        tokens: list[Token] = []
        for w_at, word in words:
            start = starts[w_at]
            end = ends[w_at + len(word) - 1]
            if end <= start:
                continue  # only characters hazm inserted
            # Only a span touching a mark, joiner or format character needs snapping.
            first = text[start]
            if (end < length and text[end] not in plain) or first not in plain or text[end - 1] not in plain:
                start, end = snap(text, start, end)
                first = text[start] if start < length else ""
            # A stray joiner or mark hazm split off is not a word, and tokens never overlap.
            if start < previous_end:
                start = previous_end
                first = text[start] if start < length else ""
            if start < end and (first in word_start or text[start:end].strip(_NOT_A_WORD)):
                surface = text[start:end]
                if surface == word:
                    surface = word = intern(word, word)
                else:
                    surface, word = intern(surface, surface), intern(word, word)
                tokens.append(make(surface, word, start, end))
                previous_end = end
        if tokens:
            sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return previous_end


_Words = Iterable[tuple[int, str]]


def _spanned_words(splitter: Splitter, norm: str, line_start: int, line_end: int) -> Iterator[_Words]:
    """Each sentence of the line as (offset in ``norm``, word) pairs, from hazm_fast's spans."""
    start_of, group_of = re.Match.start, re.Match.group
    for s_at, s_end in splitter.sentences(norm, line_start, line_end):
        matches = list(splitter.words(norm, s_at, s_end))
        yield zip(map(start_of, matches), map(group_of, matches))


def _found_words(hazm: _Hazm, norm: str, line_start: int, line_end: int) -> Iterator[_Words]:
    """Each sentence of the line as (offset in ``norm``, word) pairs: hazm's tokens, found again in order."""
    find = norm.find
    cursor = line_start
    for sentence_text in hazm.sentences.tokenize(norm[line_start:line_end]):
        s_at = find(sentence_text, cursor, line_end)
        if s_at == -1:
            s_at = cursor
        s_end = s_at + len(sentence_text) if s_at >= cursor else cursor
        words: list[tuple[int, str]] = []
        t_cursor = s_at
        for word in hazm.words.tokenize(sentence_text):
            size = len(word)
            w_at = find(word, t_cursor, min((s_end if s_end > t_cursor else t_cursor) + size, line_end))
            if w_at == -1:
                continue  # hazm rewrote it (e.g. joined parts); skip rather than guess
            t_cursor = w_at + size
            words.append((w_at, word))
        cursor = cursor if cursor > s_end else s_end
        yield words


def sentence_of(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence containing ``offset``, by binary search."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset:
        return sentences[lo]
    return None
