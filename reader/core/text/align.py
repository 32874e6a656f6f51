"""The offset map from a hazm-normalised copy back to the text the user sees.

The alignment is linear: both strings are compared through a key (a fold that
makes hazm's letter and digit replacements equal), characters hazm deletes are
skipped on the original side, characters it inserts on the normalised side, and
anything else (a rare multi-character rewrite) is resynchronised within a small
window. Work is done a paragraph at a time so a mismatch never drifts further.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reader.core.text.chars import _EDGE_FORMAT, _FOLD_TABLE, ZWNJ, _Translator, is_droppable

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
        # ``startswith`` at an offset compares with only one side sliced.
        limit = min(n_orig - i, n_norm - j)
        if limit and ok[i] == nk[j]:
            run = 1
            while run + _RUN <= limit and nk.startswith(ok[i + run : i + run + _RUN], j + run):
                run += _RUN
            high = min(run + _RUN, limit)
            while run < high:
                middle = (run + high + 1) // 2
                if nk.startswith(ok[i + run : i + middle], j + run):
                    run = middle
                else:
                    high = middle - 1
            starts[j : j + run] = range(base + i, base + i + run)
            # Each end is the next start: copying those int objects makes no new ones
            # (a range of fresh ints for both lists was 0.3 s of a 5 MB text).
            ends[j : j + run - 1] = starts[j + 1 : j + run]
            ends[j + run - 1] = base + i + run
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
