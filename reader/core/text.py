"""Exact Persian text handling: hazm normalisation with an offset map back to the text the user sees.

hazm's ``Normalizer`` rewrites text (letters, digits, spacing, ZWNJ, diacritics),
and its tokenizers work best on its output. Analysis therefore runs on a
normalised copy; every token is mapped back to code-point offsets in
``Document.text`` through an alignment of the two strings, so a highlight covers
exactly the characters of the mention the user sees.

The alignment is linear: both strings are compared through ``_KEY`` (a fold that
makes hazm's letter and digit replacements equal), characters hazm deletes are
skipped on the original side, characters it inserts on the normalised side, and
anything else (a rare multi-character rewrite) is resynchronised within a small
window. Work is done a paragraph at a time so a mismatch never drifts further.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence

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
    characters that change skips the rest in C and calls back only for those.
    """

    def __init__(self, table: dict[int, str]) -> None:
        changes = {chr(code): to for code, to in table.items() if chr(code) != to}
        self._sub: Callable[[str], str] | None = None
        if changes and all(isinstance(to, str) and len(to) == 1 for to in changes.values()):
            pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(changes)) + "]")
            replace = changes.__getitem__
            self._sub = functools.partial(pattern.sub, lambda match: replace(match.group()))
        elif changes:
            self._sub = lambda text: text.translate(table)

    def __call__(self, text: str) -> str:
        return text if self._sub is None else self._sub(text)


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


_HAZM_NORMALIZE_VERSION = "0.10.0"


def _fast_normalize(normalizer: Any) -> Callable[[str], str] | None:
    """hazm's ``Normalizer.normalize`` with its two table translations done by ``_Translator``.

    ``normalize`` translates letters, then digits, with ``str.translate`` over the
    whole text (two passes of ~0.5 s on the 5 MB benchmark text), then runs its
    other steps. This repeats that sequence step for step, for the hazm version it
    was read from only; any other version keeps hazm's own method.
    """
    try:
        from importlib.metadata import version

        if version("hazm") != _HAZM_NORMALIZE_VERSION:
            return None
    except Exception:  # noqa: BLE001 - no metadata (a frozen build): hazm's own method
        return None
    from hazm.utils import maketrans

    n = normalizer
    letters = _Translator(maketrans(n.translation_src, n.translation_dst))
    numbers = _Translator(maketrans(n.number_translation_src, n.number_translation_dst)) if n._persian_number else None

    def normalize(text: str) -> str:
        text = letters(text)
        if n._persian_style:
            text = n.persian_style(text)
        if numbers is not None:
            text = numbers(text)
        if n._remove_diacritics:
            text = n.remove_diacritics(text)
        if n._correct_spacing:
            text = n.correct_spacing(text)
        if n._unicodes_replacement:
            text = n.unicodes_replacement(text)
        if n._remove_specials_chars:
            text = n.remove_specials_chars(text)
        if n._decrease_repeated_chars:
            text = n.decrease_repeated_chars(text)
        if n._seperate_mi:
            text = n.seperate_mi(text)
        return text

    return normalize


# hazm's own letter translation (presentation forms and rare letters) folded the same way;
# filled from the Normalizer when hazm loads, so the table is the one hazm really uses.
_HAZM_KEY: dict[str, str] = {}
_key_table: dict[int, str] = {}
_key_translate = _Translator({})
_key_table_size = -1


def _key_table_now() -> dict[int, str]:
    """The translate table behind alignment: hazm's letter map, then our fold (same length)."""
    global _key_table, _key_translate, _key_table_size
    if _key_table_size != len(_HAZM_KEY):
        table = {ord(src): dst for src, dst in _HAZM_KEY.items()}
        table.update(_FOLD_TABLE)
        _key_table, _key_translate, _key_table_size = table, _Translator(table), len(_HAZM_KEY)
    return _key_table


@dataclass(frozen=True, slots=True)
class Token:
    """A word as the tagger sees it (``norm``) and where it stands in ``Document.text``."""

    text: str
    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's extent in ``Document.text`` and its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of a piece of text and, for every character of it, its original extent.

    ``starts[k]:ends[k]`` is the stretch of the original that normalised character
    ``k`` stands for: one character for a plain match, several where hazm
    rewrote them into one («...» → «…»), empty for what hazm inserted.
    """

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covered by normalised characters ``start:end`` (``end > start``)."""
        return self.starts[start], max(self.starts[start], self.ends[end - 1])


def align(original: str, normalized: str, base: int = 0) -> tuple[list[int], list[int]]:
    """Map every character of ``normalized`` to the stretch of ``original`` it came from (offsets + ``base``)."""
    _key_table_now()
    ok, nk = _key_translate(original), _key_translate(normalized)
    n_orig, n_norm = len(original), len(normalized)
    starts = [0] * n_norm
    ends = [0] * n_norm
    i = j = 0
    while j < n_norm:
        # Most of a paragraph is unchanged: take the agreeing run in bulk (its length found
        # by comparing slices, 32 characters at a time, then by halves), then look closer.
        limit = min(n_orig - i, n_norm - j)
        if limit and ok[i] == nk[j]:
            run = 1
            while run + _RUN <= limit and ok[i + run : i + run + _RUN] == nk[j + run : j + run + _RUN]:
                run += _RUN
            high = min(run + _RUN, limit)
            while run < high:
                middle = (run + high + 1) // 2
                if ok[i + run : i + middle] == nk[j + run : j + middle]:
                    run = middle
                else:
                    high = middle - 1
            starts[j : j + run] = range(base + i, base + i + run)
            ends[j : j + run] = range(base + i + 1, base + i + run + 1)
            i += run
            j += run
            if j == n_norm:
                break
        # Here the keyed characters differ, or the original is used up.
        if i < n_orig and (_droppable(original[i]) or (i > 0 and original[i] == original[i - 1])):
            # Deleted by hazm: a mark, a joiner, a space, or a letter repeated past two.
            # A mark or a repeat belongs to the letter before it, so that letter's stretch grows.
            if j > 0 and ends[j - 1] == base + i and not original[i].isspace() and original[i] not in _EDGE_FORMAT:
                ends[j - 1] = base + i + 1
            i += 1
        elif normalized[j] in _INSERTED:
            # Inserted by hazm: it stands, empty, just before the next original character.
            starts[j] = ends[j] = base + i
            j += 1
        else:
            a, b = _resync(ok, nk, i, j)
            # Spread the rewritten stretch normalized[j:j+b] over original[i:i+a].
            for k in range(b):
                starts[j + k] = base + i + (k * a) // b
                ends[j + k] = base + i + ((k + 1) * a) // b
            i += a
            j += b
    return starts, ends


_RUN = 32
_INSERTED = frozenset(" \n" + ZWNJ)
# Per character, memoised: align asks about the same few characters millions of times.
_droppable = functools.lru_cache(maxsize=None)(is_droppable)


def _resync(ok: str, nk: str, i: int, j: int, window: int = 12) -> tuple[int, int]:
    """The shortest skip (a, b) after which both keyed strings agree on two characters again."""
    n_orig, n_norm = len(ok), len(nk)
    best: tuple[int, int] | None = None
    for total in range(1, 2 * window + 1):
        for a in range(max(0, total - window), min(total, window) + 1):
            b = total - a
            if b < 1 or i + a > n_orig or j + b > n_norm:
                continue
            if i + a == n_orig or j + b == n_norm:
                if i + a == n_orig and j + b == n_norm:
                    best = (a, b)
                continue
            if ok[i + a : i + a + 2] == nk[j + b : j + b + 2]:
                return a, b
        if best:
            return best
    # No agreement nearby: treat it as a one-for-one substitution.
    return (1 if i < n_orig else 0), 1


class _Hazm:
    """hazm's normaliser and tokenizers, built once (it takes seconds) and shared by threads."""

    _lock = threading.Lock()
    _instance: "_Hazm | None" = None

    def __init__(self) -> None:
        # Only the hazm modules used here, and hazm's verb table from the user cache:
        # the same objects as hazm.Normalizer() etc., seconds sooner (reader/core/cache.py).
        from reader.core.cache import load_hazm

        self.normalizer, self.sentences, self.words = load_hazm()
        self.normalize: Callable[[str], str] = _fast_normalize(self.normalizer) or self.normalizer.normalize
        for src, dst in zip(self.normalizer.translation_src, self.normalizer.translation_dst):
            _HAZM_KEY.setdefault(src, _LETTER_FOLD.get(dst, dst))

    @classmethod
    def get(cls) -> "_Hazm":
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance


def warm_up() -> None:
    """Load hazm now (slow: import plus lexicons), e.g. from a background thread at start-up."""
    _Hazm.get()


def normalize(text: str, base: int = 0) -> Normalized:
    """hazm-normalise one paragraph and align the result with ``text``."""
    hazm = _Hazm.get()
    try:
        norm = hazm.normalize(text)
    except Exception:  # noqa: BLE001 - hazm's regex rewrites can fail on odd input; fall back to the text itself
        norm = text
    starts, ends = align(text, norm, base)
    return Normalized(norm, starts, ends)


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
    find = norm.find
    starts, ends = normalized.starts, normalized.ends
    length = len(text)
    plain, word_start, intern = _PLAIN, _WORD_START, shared.setdefault
    word_tokenize = hazm.words.tokenize
    cursor = line_start
    for sentence_text in hazm.sentences.tokenize(norm[line_start:line_end]):
        s_at = find(sentence_text, cursor, line_end)
        if s_at == -1:
            s_at = cursor
        s_end = s_at + len(sentence_text) if s_at >= cursor else cursor
        tokens: list[Token] = []
        t_cursor = s_at
        for word in word_tokenize(sentence_text):
            size = len(word)
            w_at = find(word, t_cursor, min((s_end if s_end > t_cursor else t_cursor) + size, line_end))
            if w_at == -1:
                continue  # hazm rewrote it (e.g. joined parts); skip rather than guess
            t_cursor = w_at + size
            start = starts[w_at]
            end = ends[t_cursor - 1]
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
                tokens.append(Token(surface, word, start, end))
                previous_end = end
        cursor = cursor if cursor > s_end else s_end
        if tokens:
            sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return previous_end


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


@functools.lru_cache(maxsize=None)
def _attaches_to_previous(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me")
        or ch == ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin tones
        or 0xDC00 <= code <= 0xDFFF  # a lone low surrogate belongs with its high half
    )


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
