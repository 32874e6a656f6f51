"""The text layer: Persian spelling, hazm normalisation mapped back to exact offsets, sentences and tokens.

``chars`` is the spelling fold and whole-letter spans, ``align`` the offset map from a
normalised copy back to the user's text, ``normalise`` hazm's normaliser (loaded once),
``tokenise`` sentences and tokens anchored in the text; ``context`` and ``search`` are the
light sentence context and the Persian-aware find the window uses. The pipeline calls
``tokenize``; the other stages compare spellings with ``fold`` and ``fold_key``.
"""

from __future__ import annotations

from reader.core.text.chars import ZWJ, ZWNJ, fold, fold_key, is_droppable, snap
from reader.core.text.normalise import normalize, warm_up
from reader.core.text.tokenise import (
    CancelFn,
    Cancelled,
    ProgressFn,
    Sentence,
    Token,
    batch_spans,
    paragraphs,
    sentence_of,
    tokenize,
)

__all__ = [
    "ZWJ",
    "ZWNJ",
    "CancelFn",
    "Cancelled",
    "ProgressFn",
    "Sentence",
    "Token",
    "batch_spans",
    "fold",
    "fold_key",
    "is_droppable",
    "normalize",
    "paragraphs",
    "sentence_of",
    "snap",
    "tokenize",
    "warm_up",
]
