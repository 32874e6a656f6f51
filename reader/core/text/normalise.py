"""hazm's normaliser, loaded once and shared, and one paragraph normalised with its offset map.

hazm's ``Normalizer`` rewrites text (letters, digits, spacing, ZWNJ, diacritics),
and its tokenizers work best on its output. Analysis therefore runs on a
normalised copy; ``reader.core.text.align`` maps every character of it back to
code-point offsets in ``Document.text``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from reader.core.text.align import _HAZM_KEY, Normalized, align
from reader.core.text.chars import _LETTER_FOLD, _Translator

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


class _Hazm:
    """hazm's normaliser and tokenizers, built once (it takes seconds) and shared by threads."""

    _lock = threading.Lock()
    _instance: _Hazm | None = None

    def __init__(self) -> None:
        # Only the hazm modules used here, and hazm's verb table from the user cache:
        # the same objects as hazm.Normalizer() etc., seconds sooner (reader/core/cache.py).
        from reader.core.cache import load_hazm

        self.normalizer, self.sentences, self.words = load_hazm()
        self.normalize: Callable[[str], str] = _fast_normalize(self.normalizer) or self.normalizer.normalize
        for src, dst in zip(self.normalizer.translation_src, self.normalizer.translation_dst):
            _HAZM_KEY.setdefault(src, _LETTER_FOLD.get(dst, dst))

    @classmethod
    def get(cls) -> _Hazm:
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
