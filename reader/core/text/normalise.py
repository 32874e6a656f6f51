"""hazm's normaliser, loaded once and shared, and one paragraph normalised with its offset map.

hazm's ``Normalizer`` rewrites text (letters, digits, spacing, ZWNJ, diacritics),
and its tokenizers work best on its output. Analysis therefore runs on a
normalised copy; ``reader.core.text.align`` maps every character of it back to
code-point offsets in ``Document.text``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from reader.core.text import hazm_fast
from reader.core.text.align import _HAZM_KEY, Normalized, align
from reader.core.text.chars import _LETTER_FOLD


class _Hazm:
    """hazm's normaliser and tokenizers, built once (it takes seconds) and shared by threads."""

    _lock = threading.Lock()
    _instance: _Hazm | None = None

    def __init__(self) -> None:
        # Only the hazm modules used here, and hazm's verb table from the user cache:
        # the same objects as hazm.Normalizer() etc., seconds sooner (reader/core/cache.py).
        from reader.core.cache import load_hazm

        self.normalizer, self.sentences, self.words = load_hazm()
        self.normalize: Callable[[str], str] = (
            hazm_fast.fast_normalize(self.normalizer, _join_parts(self.normalizer))
            or self.normalizer.normalize
        )
        # Sentence and word spans straight from the text (None: hazm's tokenizers, then find).
        self.splitter = hazm_fast.splitter(self.sentences, self.words)
        for src, dst in zip(self.normalizer.translation_src, self.normalizer.translation_dst):
            _HAZM_KEY.setdefault(src, _LETTER_FOLD.get(dst, dst))

    @classmethod
    def get(cls) -> _Hazm:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance


def _join_parts(normalizer: Any) -> hazm_fast.JoinParts | None:
    """``hazm_fast.JoinParts`` of hazm's lexicon, kept in the user cache (0.7 s to build).

    ``load_hazm`` builds the normaliser's verbs and words from hazm's default files, so
    the table is keyed by their bytes and by the code that computes it.
    """
    if not hazm_fast.is_hazm_version() or not getattr(normalizer, "_correct_spacing", False):
        return None
    from hazm import utils

    from reader.core.cache import cache_key, cached_table

    def build() -> dict[str, Any]:
        parts = hazm_fast.JoinParts.of(normalizer.verbs, normalizer.words)
        return {"left": parts.left, "right": parts.right}  # marshal reads frozensets back as such

    key = cache_key([utils.default_words, utils.default_verbs], (hazm_fast.__file__, __file__))
    table = cached_table("hazm-spacing", key, build)
    return hazm_fast.JoinParts(frozenset(table["left"]), frozenset(table["right"]))


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
