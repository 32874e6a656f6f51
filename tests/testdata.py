"""What several test modules know about the bundled sample, and makers of bad files.

The tests folder is on ``sys.path`` (pytest puts a conftest's folder there), so test
modules import this as ``testdata``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from reader.core.text import Sentence, tokenize

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"

# The sample's seven people and their roles, as written in the article (it has no ZWNJs).
SAMPLE_PEOPLE = {
    "آنتونی بلینکن": "وزیر خارجه آمریکا",
    "پارک جین": "وزیر امور خارجه کره جنوبی",
    "یوکو کامیکاوا": "وزیر امور خارجه ژاپن",
    "کیم جونگ اون": "رهبر کره شمالی",
    "ولادیمیر پوتین": "رئیس جمهور روسیه",
    "یون سوک یول": "رئیسجمهور کره جنوبی",
    "سرگئی شویگو": "وزیر دفاع روسیه",
}


def file_maker(name: str, data: bytes) -> Callable[[Path], Path]:
    """A function that writes ``data`` to ``name`` in a given folder and returns the path."""

    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def sparse_file(folder: Path) -> Path:
    """A 200 MB file that takes no disk: for checking the size limit refuses it unread."""
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    return path


_MARKED = re.compile(r"\[([^\[\]]+)\]\((PER|LOC|ORG)\)")


def marked_document(marked: str) -> tuple[str, list[Sentence], list[list[str]]]:
    """A hand-tagged article: ``[کیم جونگ اون](PER)`` marks a name; tokens come from the real tokenizer.

    The tags stand in for the tagger's, so a test of a later stage does not move when the
    model is retrained.
    """
    spans: list[tuple[int, int, str]] = []
    text = ""
    cursor = 0
    for m in _MARKED.finditer(marked):
        text += marked[cursor : m.start()]
        spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        cursor = m.end()
    text += marked[cursor:]
    sentences = tokenize(text)
    tags: list[list[str]] = []
    for sentence in sentences:
        s_tags = []
        for token in sentence.tokens:
            tag = "O"
            for start, end, kind in spans:
                if start <= token.start and token.end <= end:
                    tag = ("B-" if token.start == start else "I-") + kind
            s_tags.append(tag)
        tags.append(s_tags)
    return text, sentences, tags
