"""The loading stage: an article file (text, saved page, Markdown, annotated copy) into a ``Document``.

``files`` reads the bytes and tells the encodings apart, ``html`` takes the article out of a
saved web page, ``markdown`` turns Markdown into plain paragraphs. The pipeline and the
window call ``load_document``; the CLI also reads raw text with ``read_bytes`` and ``decode``.
"""

from __future__ import annotations

from reader.core.loading.files import (
    ARTICLE_SUFFIXES,
    MAX_BYTES,
    LoadError,
    decode,
    load_document,
    load_plain_text,
    normalize_newlines,
    read_bytes,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "LoadError",
    "decode",
    "load_document",
    "load_plain_text",
    "normalize_newlines",
    "read_bytes",
]
