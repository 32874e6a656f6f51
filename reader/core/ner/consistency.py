"""One label per name within a document: spread the tagger's confident names to its misses.

A CRF decides each sentence alone, so an article that names «دارسی» five times
may get it right after «آقای» and miss it in a bare «دارسی با ارزیابی ...».
Once a name has been tagged somewhere in the document, its other untagged
occurrences get the same type; a full person name also lends its type to its
surname standing alone. Common words are left alone: a sequence spreads only
if it holds a word that hazm's lexicon calls rare or does not know, because a
common word tagged once («مهر») is no evidence about its other uses. An
organisation the tagger clipped in one sentence is widened to the longer name
it tagged in another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.core.ner.features import Lexicon, feature_key

SPREAD_TYPES = ("PER", "LOC", "ORG")
# Types whose clipped mentions are widened to a longer name seen in the document.
EXTEND_TYPES = ("ORG",)
# hazm's lexicon frequency band (log10 of its corpus count) at or below which a word counts as rare.
RARE_BAND = 5
_MAX_LEN = 6


def _chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    from reader.core.ner.scoring import chunks

    return chunks(tags)


def _rare(key: str, lexicon: Lexicon | None) -> bool:
    if len(key) < 3 or not key.isalpha():
        return False
    if lexicon is None:
        return True
    entry = lexicon.lookup(key)
    return entry is None or entry[1] <= RARE_BAND


def correct(keys: Sequence[str], tags: Sequence[str], lexicon: Lexicon | None = None) -> list[str]:
    """One sentence's tags with a "person" whose whole name is a CLDR place name («کوبا»)
    made the place: PEYMA's training split tags such names as places in 2,699 of 2,705 cases.

    With ``lexicon``, a person's name first loses a leading word hazm lists as a preposition
    («وارد ولادیوستوک»: "entered Vladivostok"), which no name begins with.
    """
    from reader.core.ner.gazetteers import _gaz_key, place_names

    out = list(tags)
    places = place_names()
    for kind, a, b in _chunks(tags):
        if kind != "PER":
            continue
        if lexicon is not None and b - a >= 2:
            entry = lexicon.lookup(keys[a])
            if entry is not None and "P" in entry[0].split("+"):
                out[a] = "O"
                a += 1
                out[a] = "B-PER"
        if _gaz_key("".join(keys[a:b])) in places:
            out[a] = "B-LOC"
            out[a + 1 : b] = ["I-LOC"] * (b - a - 1)
    return out


# Portfolios: what follows «وزیر»/«وزارت» to name a ministry or an office's field («وزیر امور
# خارجه», «معاون آموزش و پرورش»). After a title the phrase is the person's role, not an organisation.
PORTFOLIO_WORDS = frozenset(
    feature_key(w)
    for w in (
        "امور", "خارجه", "خارجی", "کشور", "دفاع", "پشتیبانی", "نفت", "اقتصاد", "اقتصادی", "دارایی",
        "دادگستری", "بهداشت", "درمان", "آموزش", "پرورش", "علوم", "تحقیقات", "فناوری", "ارشاد",
        "فرهنگ", "اطلاعات", "کار", "رفاه", "تعاون", "صنعت", "صنایع", "معدن", "تجارت", "بازرگانی",
        "جهاد", "کشاورزی", "نیرو", "راه", "شهرسازی", "مسکن", "ارتباطات", "ورزش", "جوانان", "میراث",
        "گردشگری", "خزانه‌داری", "انرژی", "حمل", "نقل", "حقوقی", "بین‌الملل", "سیاسی", "امنیتی",
        "اجرایی", "پارلمانی", "فرهنگی", "اجتماعی", "مالی", "دیپلماسی", "عمومی", "مهاجرت", "داخله",
        "کشورها", "و", "ترابری", "پست", "تلگراف", "تلفن", "محیط", "زیست",
        # «وزیر امور خارجه کشورمان»: "our country's", part of the role too.
        "کشورمان",
    )
)
# The office titles after which such a phrase is a role («سخنگوی وزارت خارجه» keeps its ORG:
# «وزارت» is no portfolio word, so the chunk does not start with one).
ROLE_TITLES = frozenset(
    feature_key(w)
    for w in ("وزیر", "معاون", "سخنگوی", "سخنگو", "مشاور", "دستیار", "نماینده", "سفیر", "وزیران", "وزرای", "معاونان")
)


def office_roles(keys: Sequence[str], tags: Sequence[str]) -> list[str]:
    """One sentence's tags with an "organisation" that is an office's portfolio after a title
    («وزیر خارجه آمریکا»: not ORG «خارجه آمریکا») untagged, and the place at its end a LOC.

    The portfolio words at the chunk's start become ``O``; what follows them is a LOC when it is
    a CLDR place name, else stays an ORG of its own («وزیر خارجه رژیم صهیونیستی»).
    """
    from reader.core.ner.gazetteers import _gaz_key, place_names

    out = list(tags)
    places = place_names()
    for kind, a, b in _chunks(tags):
        if kind != "ORG" or a == 0 or keys[a - 1] not in ROLE_TITLES or keys[a] not in PORTFOLIO_WORDS:
            continue
        j = a
        while j < b and keys[j] in PORTFOLIO_WORDS:
            out[j] = "O"
            j += 1
        if j == b:
            continue
        tail = "LOC" if _gaz_key("".join(keys[j:b])) in places else "ORG"
        out[j] = f"B-{tail}"
        out[j + 1 : b] = [f"I-{tail}"] * (b - j - 1)
    return out


def propagate(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    lexicon: Lexicon | None,
    first_names: frozenset[str] = frozenset(),
    offices: bool = True,
    keys: Sequence[Sequence[str]] | None = None,
) -> list[list[str]]:
    """``tags`` with names tagged somewhere in the document tagged wherever else they stand untagged.

    ``first_names`` (folded): a person tagged by a first name alone («فاطمه») spreads
    although the name is a common word, because the tagger called it a person. ``offices``: an
    office's portfolio after a title is a role, not an organisation (``office_roles``).
    ``keys``: the sentences' tokens already folded (``feature_key``), when the caller has them.
    """
    if keys is None:
        keys = [[feature_key(t) for t in s] for s in sentences]
    # Most sentences name nobody: an all-``O`` sentence has no chunk to correct, vote or widen.
    tagged = [any(t != "O" for t in s_tags) for s_tags in tags]
    tags = [correct(k, t, lexicon) if has else list(t) for k, t, has in zip(keys, tags, tagged)]
    if offices:
        tags = [office_roles(k, t) if has else t for k, t, has in zip(keys, tags, tagged)]
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for s_keys, s_tags, has in zip(keys, tags, tagged):
        if not has:
            continue
        for kind, a, b in _chunks(s_tags):
            if kind not in SPREAD_TYPES or b - a > _MAX_LEN:
                continue
            name = tuple(s_keys[a:b])
            if not any(_rare(k, lexicon) for k in name) and not (kind == "PER" and b - a == 1 and name[0] in first_names):
                continue
            votes.setdefault(name, Counter())[kind] += 1
            if kind == "PER" and b - a >= 2 and _rare(name[-1], lexicon):
                # The surname alone; a weaker vote so that a real one-word name wins a tie.
                votes.setdefault((name[-1],), Counter())["PER"] += 0
            if kind == "PER" and b - a >= 2 and name[0] in first_names:
                # The first name alone («وحید» after «وحید شمسایی»), as weak a vote.
                votes.setdefault((name[0],), Counter())["PER"] += 0
    if not votes:
        return [list(t) for t in tags]
    names = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
    # Candidates by first word, longest first: most tokens start no name at all.
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for name, kind in names.items():
        by_first.setdefault(name[0], []).append((len(name), name, kind))
    for first_of in by_first.values():
        first_of.sort(key=lambda c: -c[0])

    out = [list(t) for t in tags]
    for s_keys, s_tags in zip(keys, out):
        n = len(s_keys)
        i = 0
        while i < n:
            candidates = by_first.get(s_keys[i])
            if candidates is None:
                i += 1
                continue
            for length, name, found in candidates:
                end = i + length
                if end > n or tuple(s_keys[i:end]) != name:
                    continue
                span = s_tags[i:end]
                if all(t == "O" for t in span):
                    # Do not glue onto a neighbouring chunk of the same type: that would change its span.
                    if end < n and s_tags[end] == f"I-{found}":
                        continue
                elif not (found in EXTEND_TYPES and length >= 2 and _extends(s_tags, i, end, found)):
                    continue
                s_tags[i] = f"B-{found}"
                for k in range(i + 1, end):
                    s_tags[k] = f"I-{found}"
                i = end - 1
                break
            i += 1
    if first_names:
        for s_keys, s_tags in zip(keys, out):
            if "I-PER" in s_tags or "B-PER" in s_tags:  # no person, no first name to take
                _take_first_names(s_keys, s_tags, first_names)
    return out


def _take_first_names(keys: Sequence[str], tags: list[str], first_names: frozenset[str]) -> None:
    """Start a person's name at the untagged first name right before it («مرتضی» + «ضرابی»)."""
    for kind, a, _ in _chunks(tags):
        if kind == "PER" and a > 0 and tags[a - 1] == "O" and keys[a - 1] in first_names:
            tags[a - 1] = "B-PER"
            tags[a] = "I-PER"


def _extends(tags: Sequence[str], start: int, end: int, kind: str) -> bool:
    """Whether ``start:end`` holds only ``kind`` chunks and ``O`` and tagging it as one chunk
    changes it without cutting a chunk that reaches past it.

    An organisation named in full once («وزارت امور خارجه») and clipped elsewhere
    («وزارت» missed, «امور خارجه» tagged) is then tagged in full.
    """
    span = tags[start:end]
    if any(t != "O" and t[2:] != kind for t in span):
        return False
    if span[0] == f"B-{kind}" and all(t == f"I-{kind}" for t in span[1:]):
        return False  # already exactly this chunk
    if tags[start].startswith("I-"):
        return False  # a chunk begins before the span
    return not (end < len(tags) and tags[end] == f"I-{kind}")
