"""Reading tagged corpora: one ``token|tag`` (PEYMA) or ``token<TAB>tag`` (NSURL) per line, a blank
line between sentences."""

from __future__ import annotations

from pathlib import Path

TaggedSentence = list[tuple[str, str]]


def convert_tag(tag: str) -> str:
    """PEYMA's ``B_PER`` in the hyphenated form the app uses (``B-PER``)."""
    tag = tag.strip()
    if tag == "O" or not tag:
        return "O"
    prefix, _, kind = tag.replace("_", "-", 1).partition("-")
    return f"{prefix.upper()}-{kind.upper()}"


def read_tagged(path: Path | str) -> list[TaggedSentence]:
    """All sentences of a tagged file; the last tab, else the last ``|``, splits token from tag
    (tokens may hold spaces)."""
    sentences: list[TaggedSentence] = []
    current: TaggedSentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, sep, tag = line.rpartition("\t")
            if not sep:
                token, sep, tag = line.rpartition("|")
            if not sep:
                raise ValueError(f"{path}: line without a tag: {line!r}")
            current.append((token, convert_tag(tag)))
    if current:
        sentences.append(current)
    return sentences
