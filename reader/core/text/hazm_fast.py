"""hazm 0.10's normaliser and tokenizers, step for step, with less work per call.

hazm does per-call and per-token work in Python that adds up on a long text:
``normalize`` builds two translation tables on every call; ``correct_spacing``
tokenises every line (a regex substitution with a Python-expanded template per
match, then a split) and looks every pair of neighbouring tokens up in its lexicon;
``decrease_repeated_chars`` runs a backtracking regex over the whole text; and
the tokenizers return strings that must then be found again in the text.

Each routine here gives exactly what hazm's own gives, for the hazm version it was
read from only (``HAZM_VERSION``): any other version, or objects built with other
options, keep hazm's own methods. ``tests/core/text/test_hazm_fast.py`` checks
every one against hazm on mixed, hostile text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import compress, islice
from operator import and_, or_
from typing import Any, Callable, Iterator

from reader.core.text.chars import ZWNJ, _Translator

HAZM_VERSION = "0.10.0"

# hazm 0.10's WordTokenizer and SentenceTokenizer patterns, checked on the objects before use.
_HAZM_WORD_PATTERN = r'([؟!?]+|[\d.:]+|[:.،؛»\])}"«\[({/\\])'
_HAZM_SENTENCE_PATTERN = r"([!.?⸮؟]+)[ \n]+"

# hazm's WordTokenizer turns newlines and tabs into spaces, puts spaces around every
# match of its pattern and splits on spaces. Its pattern matches at a position exactly
# when the character there is one of its first characters (every alternative is one
# character class, repeated or not), so the same tokens are the pattern's matches
# and the runs of anything else but spacing: one ``findall`` per line, in C.
_WORD = re.compile(r'[؟!?]+|[\d.:]+|[:.،؛»\])}"«\[({/\\]|[^ \t\n؟!?\d.:،؛»\])}"«\[({/\\]+')

# ---------------------------------------------------------------- hazm's regex passes
#
# hazm's normaliser runs some thirty regular expressions over the text in turn, each a
# full scan (10-90 ms on 5 MB). Most find nothing in most paragraphs. A pass is replaced
# here only by one that gives the same output for every input:
# - guarded by a substring every match must contain (``str.__contains__`` skips ahead in C);
# - or rewritten so the scan can skip to a literal first character: a lookbehind or a
#   word-boundary test moved after the character it tests (``\b`` next to a ZWNJ, which
#   is no word character, is a plain look at the other side), or a consumed neighbour made
#   a lookaround where the two character sets are disjoint (then matches cannot overlap,
#   so consuming it or not finds the same matches).
# Each is checked against hazm's own pass in tests/core/text/test_hazm_fast.py.

_PUNC_AFTER, _PUNC_BEFORE = r"\.:!،؛؟»\]\)\}", r"«\[\(\{"
_LETTERS = "[آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی]"
Step = Callable[[str], str]


def _sub(pattern: str, repl: str) -> Step:
    """``re.sub(pattern, repl, text)``, compiled once."""
    return functools.partial(re.compile(pattern).sub, repl)


def _when(needed: str, step: Step) -> Step:
    """``step``, run only on a text containing ``needed`` (every match of its pattern does)."""

    def run(text: str) -> str:
        return step(text) if needed in text else text

    return run


def _mi_spacing() -> Step:
    """``(^| )(ن?می) `` → ``\1\2‌``: the ``^`` branch, then the space branch from where it ended.

    A leading ``(^| )`` defeats the scanner's skip; ``^`` can only match at 0, and the
    space branch alone starts with a literal space. A match consumes its leading space,
    so the two branches are tried in hazm's order, never as lookbehinds.
    """
    head = re.compile("(ن?می) ").match
    spaced = _sub(" (ن?می) ", " \\1" + ZWNJ)

    def run(text: str) -> str:
        if "می " not in text:
            return text
        first = head(text)
        if first is None:
            return spaced(text)
        return first.group(1) + ZWNJ + spaced(text[first.end() :])

    return run


def _faster_steps() -> dict[tuple[str, str], Step]:
    """hazm 0.10's (pattern, replacement) pairs that have a faster exact equivalent, with it."""
    same = _sub
    return {
        # Normalizer.extra_space_patterns
        (" {2,}", " "): _when("  ", same(" {2,}", " ")),
        ("\\n{3,}", "\n\n"): _when("\n\n\n", same("\\n{3,}", "\n\n")),
        ("\\u200c{2,}", ZWNJ): _when(ZWNJ * 2, same("\\u200c{2,}", ZWNJ)),
        ("\\u200c{1,} ", " "): _when(ZWNJ + " ", same("\\u200c{1,} ", " ")),
        (" \\u200c{1,}", " "): _when(" " + ZWNJ, same(" \\u200c{1,}", " ")),
        # \b then ZWNJs then \B never matches empty (\b and \B at one place); before a ZWNJ
        # \b means a word character behind it, after one \B means none ahead.
        ("\\b\\u200c*\\B", ""): _when(ZWNJ, _sub("\u200c(?<=\\w\u200c)\u200c*(?!\\w)", "")),
        ("\\B\\u200c*\\b", ""): _when(ZWNJ, _sub("\u200c(?<!\\w\u200c)\u200c*(?=\\w)", "")),
        # Normalizer.affix_spacing_patterns
        ("([^ ]ه) ی ", "\\1\u200cی "): _when("ه ی ", same("([^ ]ه) ی ", "\\1\u200cی ")),
        ("(^| )(ن?می) ", "\\1\\2\u200c"): _mi_spacing(),
        (
            f"(?<=[^\\n\\d {_PUNC_AFTER}{_PUNC_BEFORE}]{{2}}) (تر(ین?)?|گری?|های?)"
            f"(?=[ \n{_PUNC_AFTER}{_PUNC_BEFORE}]|$)",
            "\u200c\\1",
        ): _sub(
            f" (?<=[^\\n\\d {_PUNC_AFTER}{_PUNC_BEFORE}]{{2}} )(تر(ین?)?|گری?|های?)"
            f"(?=[ \n{_PUNC_AFTER}{_PUNC_BEFORE}]|$)",
            "\u200c\\1",
        ),
        # Normalizer.punctuation_spacing_patterns
        (f" ([{_PUNC_AFTER}])", "\\1"): _sub(f" (?=[{_PUNC_AFTER}])", ""),
        (f"([^ {_PUNC_BEFORE}])([{_PUNC_BEFORE}])", "\\1 \\2"): _sub(
            f"([{_PUNC_BEFORE}])(?<=[^ {_PUNC_BEFORE}][{_PUNC_BEFORE}])", " \\1"
        ),
        (f"({_LETTERS})(\\d)", "\\1 \\2"): _sub(f"(\\d)(?<={_LETTERS}\\d)", " \\1"),
        # Normalizer.persian_style_patterns
        (" ?\\.\\.\\.", " …"): _when("...", same(" ?\\.\\.\\.", " …")),
    }


def _steps(patterns: list[tuple[str, str]], faster: dict[tuple[str, str], Step]) -> Step:
    """hazm's ``regex_replace(patterns, text)``: each pass in order, the faster one where there is one."""
    passes = [faster.get((pattern, repl)) or _sub(pattern, repl) for pattern, repl in patterns]

    def run(text: str) -> str:
        for step in passes:
            text = step(text)
        return text

    return run


def is_hazm_version() -> bool:
    """Whether the installed hazm is the version these routines were read from."""
    try:
        from importlib.metadata import version

        return version("hazm") == HAZM_VERSION
    except Exception:  # noqa: BLE001 - no metadata (a frozen build): hazm's own methods
        return False


def _plain_word_tokenizer(tokenizer: Any) -> bool:
    """Whether ``tokenizer`` is a WordTokenizer with no option that rewrites or joins tokens."""
    options = (
        "_join_verb_parts", "_join_abbreviation", "separate_emoji", "replace_links", "replace_ids",
        "replace_emails", "replace_numbers", "replace_hashtags",
    )
    pattern = getattr(tokenizer, "pattern", None)
    return (
        all(getattr(tokenizer, option, True) is False for option in options)
        and getattr(pattern, "pattern", None) == _HAZM_WORD_PATTERN
    )


def fast_normalize(normalizer: Any, parts: JoinParts | None = None) -> Callable[[str], str] | None:
    """hazm's ``Normalizer.normalize``, step for step in hazm's order, or None to use hazm's own.

    ``normalize`` translates letters, then digits, with ``str.translate`` over the
    whole text (two passes of ~0.5 s on the 5 MB benchmark text): ``_Translator``
    does them. Its regex passes are compiled once, with the faster equivalents above;
    ``correct_spacing`` is ``Spacing``'s, ``decrease_repeated_chars`` the one below.
    ``parts`` are the ``JoinParts`` of the normaliser's lexicon (None: hazm's own
    ``correct_spacing``).
    """
    if not is_hazm_version():
        return None
    from hazm.utils import maketrans

    n = normalizer
    letters = _Translator(maketrans(n.translation_src, n.translation_dst))
    numbers = _Translator(maketrans(n.number_translation_src, n.number_translation_dst)) if n._persian_number else None
    faster = _faster_steps()
    # hazm's steps as they are called in ``normalize``, each None when its option is off.
    persian_style = _steps(n.persian_style_patterns, faster) if n._persian_style else None
    remove_diacritics = _steps(n.diacritics_patterns, faster) if n._remove_diacritics else None
    correct_spacing: Step | None = None
    if n._correct_spacing:
        correct_spacing = n.correct_spacing
        if parts is not None and _plain_word_tokenizer(n.tokenizer):
            correct_spacing = Spacing(n, parts, faster).correct_spacing
    unicodes = _steps(n.replacements, faster) if n._unicodes_replacement else None
    specials = _steps(n.specials_chars_patterns, faster) if n._remove_specials_chars else None
    decrease_repeated = decrease_repeated_chars(n) if n._decrease_repeated_chars else None
    seperate_mi = n.seperate_mi if n._seperate_mi else None
    steps = [
        step
        for step in (letters, persian_style, numbers, remove_diacritics, correct_spacing, unicodes, specials,
                     decrease_repeated, seperate_mi)
        if step is not None
    ]

    def normalize(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return normalize


def decrease_repeated_chars(normalizer: Any) -> Callable[[str], str]:
    """hazm's ``decrease_repeated_chars``, skipped when no letter stands three times in a row.

    hazm looks for ``[letters]*(letter)\\1{2,}[letters]*``, which backtracks through
    every word of the text (0.2 s on 5 MB); every match of it contains a match of
    ``(letter)\\1{2,}`` alone, which is quick to rule out, and news text rarely has one.
    """
    triple = re.compile(normalizer.more_than_two_repeat_pattern)
    decrease = normalizer.decrease_repeated_chars

    def run(text: str) -> str:
        return text if triple.search(text) is None else decrease(text)

    return run


@dataclass(frozen=True)
class JoinParts:
    """What ``token_spacing`` can join: the stretches of its lexicon entries before and after a ZWNJ.

    hazm joins ``previous + ZWNJ + token`` when that is a verb form or a word of
    positive count. ``token`` is then a stretch after some ZWNJ of such an entry
    (``right``); the token before it, the last part of ``previous``, a stretch that
    ends at that ZWNJ and starts at the entry's start or after another ZWNJ (``left``).
    """

    left: frozenset[str]
    right: frozenset[str]

    @classmethod
    def of(cls, verbs: dict[str, Any], words: dict[str, tuple[int, Any]]) -> JoinParts:
        """The parts of hazm's ``verbs`` and ``words`` (``Normalizer.verbs``, ``.words``)."""
        left: set[str] = set()
        right: set[str] = set()
        for entries in (verbs, (word for word, (count, _) in words.items() if count > 0)):
            for entry in entries:
                if ZWNJ not in entry:
                    continue
                joints = [at for at, char in enumerate(entry) if char == ZWNJ]
                for joint in joints:
                    right.add(entry[joint + 1 :])
                    left.add(entry[:joint])
                    left.update(entry[before + 1 : joint] for before in joints if before < joint)
        return cls(frozenset(left), frozenset(right))


class Spacing:
    """hazm's ``Normalizer.correct_spacing`` with its per-line tokenising and token joining made cheap."""

    def __init__(self, normalizer: Any, parts: JoinParts, faster: dict[tuple[str, str], Step]) -> None:
        self._extra_space = _steps(normalizer.extra_space_patterns, faster)
        self._affix_spacing = _steps(normalizer.affix_spacing_patterns, faster)
        self._punctuation_spacing = _steps(normalizer.punctuation_spacing_patterns, faster)
        self._verbs = normalizer.verbs
        self._words = normalizer.words
        self._suffixes = normalizer.suffixes
        self._left, self._right = parts.left, parts.right
        self._suffix_set = frozenset(normalizer.suffixes)

    def correct_spacing(self, text: str) -> str:
        """``Normalizer.correct_spacing``: the same regex passes around the same per-line work."""
        text = self._extra_space(text)
        tokens_of, spaced = _WORD.findall, self.token_spacing
        text = "\n".join([" ".join(spaced(tokens_of(line))) for line in text.split("\n")])
        text = self._affix_spacing(text)
        return self._punctuation_spacing(text)

    def token_spacing(self, tokens: list[str]) -> list[str]:
        """``Normalizer.token_spacing``: hazm's loop, run only at the tokens that could join.

        hazm builds ``previous + ZWNJ + token`` and looks it up for every token
        (0.7 s on 5 MB). A token joins only if it is a suffix, or a right part after
        a left part (``JoinParts``); every other one goes through unjoined, so the
        runs between candidates, found by C-level maps, are copied whole. At a
        candidate the loop body is hazm's, reading the result as built so far.
        """
        if len(tokens) < 2:
            return tokens
        # For t from 1: (tokens[t - 1] is a left part and tokens[t] a right part) or tokens[t] is a suffix.
        after_left = map(
            and_, map(self._left.__contains__, tokens), map(self._right.__contains__, islice(tokens, 1, None))
        )
        flags = map(or_, after_left, map(self._suffix_set.__contains__, islice(tokens, 1, None)))
        hits = list(compress(range(1, len(tokens)), flags))
        if not hits:
            return tokens
        verbs, words, suffixes = self._verbs, self._words, self._suffixes
        result: list[str] = []
        done = 0
        last = len(tokens) - 1
        for t in hits:
            result.extend(tokens[done:t])
            done = t + 1
            token = tokens[t]
            joined = False
            token_pair = result[-1] + ZWNJ + token
            if token_pair in verbs or (token_pair in words and words[token_pair][0] > 0):
                joined = True
                if t < last and token + "_" + tokens[t + 1] in verbs:
                    joined = False
            elif token in suffixes and result[-1] in words:
                joined = True
            if joined:
                result[-1] = token_pair
            else:
                result.append(token)
        result.extend(tokens[done:])
        return result


class Splitter:
    """hazm's sentence and word tokenizers as spans of the text they split, not copies to find again.

    ``SentenceTokenizer.tokenize`` ends a sentence after a run of ``!.?⸮؟`` followed
    by spacing, drops that spacing and strips each sentence; ``WordTokenizer.tokenize``
    (without options) gives ``_WORD``'s matches. Spans are the same strings, found once.
    """

    def __init__(self, sentences: Any) -> None:
        self._sentence_ends = sentences.pattern.finditer

    def sentences(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The (start, end) in ``text`` of each sentence hazm finds in ``text[start:end]`` (no newline in it)."""
        for match in self._sentence_ends(text, start, end):
            yield from _stripped(text, start, match.end(1))
            start = match.end()
        yield from _stripped(text, start, end)

    @staticmethod
    def words(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """A match for each word hazm's WordTokenizer finds in ``text[start:end]``."""
        return _WORD.finditer(text, start, end)


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` without the whitespace ``str.strip`` removes, unless nothing is left."""
    piece = text[start:end]
    kept = piece.strip()
    if kept:
        start += len(piece) - len(piece.lstrip())
        yield start, start + len(kept)


def splitter(sentences: Any, words: Any) -> Splitter | None:
    """A ``Splitter`` for hazm's tokenizers, or None where they are not what it repeats."""
    if not is_hazm_version() or not _plain_word_tokenizer(words):
        return None
    if getattr(getattr(sentences, "pattern", None), "pattern", None) != _HAZM_SENTENCE_PATTERN:
        return None
    return Splitter(sentences)
