"""Markdown to the plain text a reader reads: syntax gone, words kept."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
]
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")


def to_text(source: str) -> tuple[str | None, str]:
    """The first heading (as the title) and the text without Markdown syntax."""
    title, text, _headings = to_text_and_headings(source)
    return title, text


def to_text_and_headings(source: str) -> tuple[str | None, str, list[tuple[str, int]]]:
    """``to_text``, and the headings (words, level 1-6) in order for ``document.heading_blocks``."""
    title: str | None = None
    out: list[str] = []
    headings: list[tuple[str, int]] = []
    in_fence = False
    for line in source.split("\n"):
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _REFERENCE.match(line) or _TABLE_SEP.match(line) or _RULE.match(line):
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            if title is None:
                title = out[-1].strip()
            headings.append((out[-1].strip(), 1 if line.strip().startswith("=") else 2))
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(line.strip()) - len(line.strip().lstrip("#"))
            line = heading.group(1)
            if title is None:
                title = _inline(line).strip()
            headings.append((_inline(line).strip(), level))
        line = _QUOTE.sub("", line)
        line = _LIST.sub("", line)
        if "|" in line and line.strip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(_inline(line).rstrip())
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return title, text, headings


def _inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line.replace("\\", "") if "\\" in line else line
