"""Every match of the date patterns, found in one pass over the text instead of one pass each.

Each of the ten patterns in ``lexicon`` opens with a lookbehind, which keeps Python's regex
engine from skipping ahead by a first character: a ``finditer`` of each over 5 MB costs about
50 ms before it matches anything, and the patterns' opening alternations, tried at every
word start, most of the rest (1.1 s in all on the benchmark text). Yet every match starts
where no word character precedes, with a digit or with one of a few hundred words. One scan
(``START_RE``) finds those places; at each, only the patterns that can start with that word
are tried, with ``pattern.match`` at that position.

That gives each pattern exactly what its own ``finditer`` gives: ``finditer`` takes the
leftmost position at or after the previous match's end where the pattern matches, and every
position where a pattern can match is among the places found (its opening word and what may
follow that word are in ``lexicon.START_WORDS`` and ``lexicon.GLUED_AFTER``); a match's
lookbehind sees the text before it either way. No pattern matches an empty string.
"""

from __future__ import annotations

import re

from reader.core.dates.lexicon import ALL_PATTERNS, DIGIT_START, GLUED_AFTER, START_WORDS


def _trie(words: list[str]) -> str:
    """A prefix-tree alternation of ``words`` (a space in one: space, ZWNJ or nothing).

    The scan only asks whether some word starts here, so the order of alternatives does not
    matter; shaped as a tree, a word start that opens none of them fails after a letter or two.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [("[ \u200c]*" if ch == " " else re.escape(ch)) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _key(spelling: str) -> str:
    return spelling.replace(" ", "").replace("\u200c", "")


_WORDS = sorted({w for words in START_WORDS.values() for w in words})
# A start word, then what may follow it inside a match: a space or ZWNJ (every pattern's
# separator), a non-word character or the end (its right boundary), or a word written on
# to it with no space («مهرماه», «سالهای», «دوسال»). All inside a lookahead: the scan must
# not pass over the next start («دو سه آبان» is a vague count and, from «سه», a date).
START_RE = re.compile(
    r"(?<!\w)(?=[0-9]|(?P<word>" + _trie(_WORDS) + r")(?:(?!\w)|" + _trie(GLUED_AFTER) + "))"
)

# The scan reports the first start word its alternation reaches, which may be a shorter or
# a longer one than the pattern's own (both start at the same place, so one spelling's key
# is a prefix of the other's): a word stands for every start word it is prefix-related to.
_PATTERNS_FOR: dict[str, tuple[int, ...]] = {
    _key(word): tuple(
        i
        for i, pattern in enumerate(ALL_PATTERNS)
        if any(_key(w).startswith(_key(word)) or _key(word).startswith(_key(w)) for w in START_WORDS.get(pattern, ()))
    )
    for word in _WORDS
}
_DIGIT_START = tuple(ALL_PATTERNS.index(pattern) for pattern in DIGIT_START)


def find_all(f: str) -> dict[re.Pattern[str], list[re.Match[str]]]:
    """Each pattern of ``lexicon.ALL_PATTERNS`` with the matches its ``finditer(f)`` would give, in order."""
    # Patterns are known by their index here: hashing a compiled pattern hashes its whole code.
    found: list[list[re.Match[str]]] = [[] for _ in ALL_PATTERNS]
    resume = [0] * len(ALL_PATTERNS)  # where each pattern's own scan would go on from
    for start in START_RE.finditer(f):
        word = start.group("word")
        at = start.start()
        for i in _DIGIT_START if word is None else _PATTERNS_FOR[_key(word)]:
            if at >= resume[i]:
                m = ALL_PATTERNS[i].match(f, at)
                if m is not None:
                    found[i].append(m)
                    resume[i] = m.end()
    return dict(zip(ALL_PATTERNS, found))
