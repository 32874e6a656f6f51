"""DAT and TIM token tags from the date extractor, merged over a sequence tagger's output.

``khana tag --conll`` tags tokens with a CRF; dates are better found by the rule-based
extractor in ``reader.core.dates.finder``, so its expressions replace the CRF's DAT and TIM
chunks (measured on dev, in ``benchmarks/dat_eval.py``). Chunk boundaries follow the PEYMA corpus' convention, studied on its
train split, rather than the extractor's own spans (``_peyma_chunks``):

- a range starting «از» keeps it only when the range is spelled «از X تا Y»;
- «طی»، «پایان»، «اول»، «نیمه اول» before a date and «به بعد» after it belong to the chunk,
  «اوایل»، «اواسط»، «اواخر»، «ابتدای» do not (counted on train: 24/12/6/3 inside vs 0/3/1/0
  outside, and 0 vs 7/4/4 for the others; «ابتدای» is a toss-up, 4 vs 5);
- a time and the day it falls on («ساعت ۱۷ روز پنجشنبه»، «صبح امروز») make one TIM chunk;
- a bare year after a name («المپیک 2016»، «آسیا 2014») is a DAT chunk;
- «امروز» meaning "nowadays" or in a title («تا به امروز»، «گفت : امروز»، «آرمان امروز :»)
  is not tagged.
"""

from __future__ import annotations

import re
from typing import Sequence

from reader.core.dates.finder import extract_dates, mention_is_time_of_day
from reader.core.text import fold

_DATE_KINDS = ("date", "range", "relative")
_WS = r"[ \u200c]+"
_LEADING_FROM = re.compile(r"از" + _WS)
_NARROWING_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:طی|پایان|اول|نیمه" + _WS + r"(?:اول|دوم)|نیمه)" + _WS + "$"
)
_SINCE_AFTER = re.compile(_WS + r"به" + _WS + r"بعد(?![\w\u200c])")
_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}|1[34][0-9]{2}")
# Words after a four-digit number that make it a quantity, not a year.
_QUANTITY_NEXT = {
    "سال", "نفر", "تن", "میلیون", "میلیارد", "هزار", "دلار", "ریال", "تومان", "یورو", "صفحه", "متر",
    "کیلومتر", "کیلوگرم", "گرم", "مورد", "واحد", "نسخه", "عدد", "دستگاه", "قطعه", "هکتار", "درصد",
    "خانوار", "روستا", "مگاوات", "لیتر", "بشکه", "سی سی", "امتیاز", "رای", "رأی", "دانش آموز",
}
_NOT_BEFORE_YEAR = {"*", "از", "تا", "و", "به", "با", "حدود", "بیش", "کمتر", "شماره", "پلاک", "کد"}
_TODAY_OFF_BEFORE = {":", "تا", "به"}


def _token_offsets(tokens: Sequence[str]) -> tuple[list[int], list[int]]:
    starts, ends, pos = [], [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token)
        ends.append(pos)
        pos += 1
    return starts, ends


def _peyma_chunks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` character spans of DAT/TIM chunks in PEYMA's convention."""
    f = fold(text)
    spans: list[tuple[int, int, str]] = []
    for mention in extract_dates(text):
        if mention.kind not in _DATE_KINDS and mention.kind != "time":
            continue
        start, end = mention.start, mention.end
        piece = f[start:end]
        if piece == "امروز" and (_previous_token(f, start) in _TODAY_OFF_BEFORE or f[end:end + 2] == " :"):
            continue
        lead = _LEADING_FROM.match(piece)
        if lead and not re.search(_WS + "تا", piece):
            start += lead.end()
        narrowing = _NARROWING_BEFORE.search(f, max(0, start - 20), start)
        if narrowing and mention.kind != "time":
            start = narrowing.start()
        since = _SINCE_AFTER.match(f, end)
        if since:
            end = since.end()
        label = "TIM" if mention.kind == "time" or mention_is_time_of_day(text, mention) else "DAT"
        previous = spans[-1] if spans else None
        if previous and not f[previous[1]:start].strip() and "TIM" in (previous[2], label):
            spans[-1] = (previous[0], end, "TIM")  # a time and its day: one TIM chunk
            continue
        spans.append((start, end, label))
    return spans


def _previous_token(f: str, pos: int) -> str:
    words = f[max(0, pos - 20):pos].split()
    return words[-1] if words else ""


def merge_date_tags(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """``tags`` with their DAT and TIM chunks replaced by the date extractor's expressions.

    The tagger's own DAT/TIM chunks are dropped. Tags may use PEYMA's ``B_DAT`` or ``B-DAT``;
    the result uses hyphens.
    """
    if len(tokens) != len(tags):
        raise ValueError("tokens and tags differ in length")
    # The extractor decides dates and times: on PEYMA dev it alone scores DAT F1 0.893 and
    # TIM 0.714, while keeping the CRF's own DAT/TIM chunks beside it scores 0.888 and 0.638.
    # Keeping the CRF's chunks on durations too («۶۰ سال») measured 0.891: one more false DAT.
    out = [t.replace("_", "-", 1) if t != "O" else t for t in tags]
    out = ["O" if t[2:] in ("DAT", "TIM") else t for t in out]
    starts, ends = _token_offsets(tokens)
    text = " ".join(tokens)
    covered_any = [False] * len(tokens)
    for start, end, label in _peyma_chunks(text):
        covered = [i for i in range(len(tokens)) if starts[i] < end and ends[i] > start]
        if not covered:
            continue
        _write(out, covered[0], covered[-1], label)
        for i in covered:
            covered_any[i] = True
    for i, token in enumerate(tokens):
        if covered_any[i] or not _BARE_YEAR.fullmatch(fold(token)) or out[i] not in ("O", "B-DAT"):
            continue
        before = fold(tokens[i - 1]) if i else ""
        after = fold(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if before in _NOT_BEFORE_YEAR or after in _QUANTITY_NEXT or after == "*" or not before:
            continue
        if re.fullmatch(r"[0-9.,/]+", before) or re.fullmatch(r"[0-9.,/]+", after):
            continue
        _write(out, i, i, "DAT")
    return out


def _write(out: list[str], first: int, last: int, label: str) -> None:
    # A chunk of the tagger's that we cut into must not leave a dangling I- behind.
    if last + 1 < len(out) and out[last + 1].startswith("I-"):
        out[last + 1] = "B-" + out[last + 1][2:]
    if first > 0 and out[first - 1] != "O" and out[first].startswith("I-") and out[first - 1][2:] != label:
        pass  # the preceding chunk simply ends here
    for i in range(first, last + 1):
        out[i] = ("B-" if i == first else "I-") + label

