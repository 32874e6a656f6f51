"""Token features for the CRF named-entity tagger, computed from token strings only.

Every feature is computed from ``feature_key(token)``, a fold under which the
spelling variants of Persian news text are one string: PEYMA writes ZWNJ words
with a space («روش های») while hazm's tokenizer keeps the ZWNJ («روش‌ها»), and
pasted articles often drop it altogether («رئیسجمهور»). A feature that changed
with such a variant would be a feature the model never saw in training.

Features are plain ``name=value`` strings in UTF-8 bytes: python-crfsuite takes
bytes as they are but encodes a str on every call, which was a fifth of its
tagging time. The per-token part is cached (encoded once) by token string,
because feature extraction in Python, not the CRF, is what limits tagging speed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from functools import lru_cache
from pathlib import Path

from reader.core.ner import gazetteers

# feature_key lives in fold (which imports nothing of the package) so gazetteers can use it
# without importing this module back; it stays importable from here.
from reader.core.ner.fold import _PLAIN, _TABLE, ZWNJ, feature_key

__all__ = ["ZWNJ", "FeatureConfig", "FeatureExtractor", "Lexicon", "feature_key", "hazm_lexicon", "stem"]

# ----------------------------------------------------------------------------- word lists

# Words that stand right before a person's name in news text: honorifics, and
# offices, which also head a role («وزیر خارجه آمریکا»). Folded at import.
HONORIFICS = frozenset(
    feature_key(w)
    for w in (
        "آقای", "آقا", "خانم", "دکتر", "مهندس", "استاد", "حجت‌الاسلام", "آیت‌الله", "سردار",
        "سرلشکر", "سرتیپ", "ژنرال", "امیر", "شهید", "امام", "حاج", "شیخ", "سید", "پرزیدنت",
    )
)
OFFICE_TITLES = frozenset(
    feature_key(w)
    for w in (
        "وزیر", "رئیس", "رئیس‌جمهور", "رئیس‌جمهوری", "نخست‌وزیر", "معاون", "سخنگوی", "سخنگو",
        "دبیر", "دبیرکل", "مدیرعامل", "مدیر", "مدیرکل", "نماینده", "سفیر", "رهبر", "فرمانده",
        "سرمربی", "مربی", "بازیکن", "پادشاه", "ملکه", "شاهزاده", "صدراعظم", "قاضی", "دادستان",
        "شهردار", "استاندار", "فرماندار", "نایب‌رئیس", "کارشناس", "خبرنگار", "نویسنده",
        "کارگردان", "بازیگر", "سناتور", "دیپلمات", "خواننده", "عضو", "مشاور", "وزیرخارجه",
        "رئیس‌کل", "فرماندهی", "مسئول", "دستیار", "سرپرست", "بنیانگذار", "موسس", "همتای",
    )
)
TITLE_WORDS = HONORIFICS | OFFICE_TITLES
_TITLES = frozenset(TITLE_WORDS)

# Words right after a name that mark it as a person (speech and reporting verbs).
_PERSON_AFTER = frozenset(
    feature_key(w) for w in ("گفت", "افزود", "اظهار", "تصریح", "تاکید", "خاطرنشان", "اعلام", "ادامه")
)


# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """hazm's word list keyed by ``feature_key``: part of speech and a frequency band."""

    entries: dict[str, tuple[str, int]]

    def lookup(self, key: str) -> tuple[str, int] | None:
        return self.entries.get(key)


@lru_cache(maxsize=1)
def hazm_lexicon() -> Lexicon:
    """hazm's ``words.dat`` (about 190k words): loaded once, on first use."""
    from reader.core.resources import package_data

    return load_lexicon(package_data("hazm", "data", "words.dat"))


def load_lexicon(words_file: Path) -> Lexicon:
    """A ``words.dat`` keyed by ``feature_key``, from the user cache when it holds this file's table.

    Parsing and folding 190k lines took 0.6-0.9 s of the analysis process's start-up; the
    cached table loads in a fifth of that. Its key hashes the file's bytes and the source of
    the code that folds and bands it (this module and ``fold``), so it is rebuilt when either changes.
    """
    from reader.core import cache
    from reader.core.ner import fold

    key = cache.cache_key([str(words_file)], code_files=(__file__, fold.__file__))
    return Lexicon(cache.cached_table("ner-lexicon", key, lambda: _parse_lexicon(words_file)))


def _parse_lexicon(words_file: Path) -> dict[str, tuple[str, int]]:
    entries: dict[str, tuple[str, int]] = {}
    with open(words_file, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            word, count, pos = parts
            # Most entries are plain letters, where the fold is a translate; the full
            # (NFKD) fold on all 190k entries would add seconds to loading.
            key = word.translate(_TABLE) if _PLAIN.fullmatch(word) else feature_key(word)
            # A log band, not the count: names are rare words, but exact counts would overfit.
            band = int(math.log10(int(count) + 1)) if count.isdigit() else 0
            old = entries.get(key)
            if old is None or old[1] < band:
                entries[key] = (pos.replace(",", "+"), band)
    return entries


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from hazm.stemmer import Stemmer

    return Stemmer().stem


@lru_cache(maxsize=100_000)
def stem(key: str) -> str:
    """hazm's suffix-stripping stem of a folded word, cached because hazm is slow per call."""
    return feature_key(_stemmer()(key)) or key


# ----------------------------------------------------------------------------- features

ALL_GROUPS = (
    "word", "affix", "shape", "context", "wide", "bigram", "lexicon", "stem", "gazetteer", "title", "document",
    "cluster", "orghead", "quote", "orgtail", "firstname", "conj", "freq",
)
# Groups of the shipped model: "cluster" (word2vec k-means classes from Hamshahri + the training
# tokens, see ``clusters``) is in; "wide" (neighbour affixes, ±3 words), "quote" (inside «...»),
# "firstname" (a Persian first name, on the word and its neighbours), "conj" (a rare word after an
# organisation head, a title or a first name) and "freq" (Wikipedia frequency bins) did not raise
# dev F1 (resources/models/ner.md).
DEFAULT_GROUPS = frozenset(ALL_GROUPS) - {"wide", "quote", "firstname", "conj", "freq"}
# PEYMA marks no article boundaries but runs in article order: blocks of this many
# sentences stand in for an article when training (the app passes real articles).
ARTICLE_WINDOW = 30


@dataclass(frozen=True)
class FeatureConfig:
    """Which feature groups are on; each group was kept only after it raised dev F1."""

    groups: frozenset[str] = field(default_factory=lambda: DEFAULT_GROUPS)
    # First words of multi-word organisation names («وزارت», «خبرگزاری»), counted in
    # the training split by ``train.org_heads``; folded.
    org_heads: frozenset[str] = frozenset()
    # Last words of multi-word organisation names, counted the same way (``train.org_tails``).
    org_tails: frozenset[str] = frozenset()
    # Persian first names that the training split does not show to be common words
    # (``train.person_first_names``), folded: for the consistency pass and the "firstname" group.
    first_names: frozenset[str] = frozenset()
    # Label scheme the CRF was trained with: "iob" (IOB2) or "bilou"; output is always IOB2.
    scheme: str = "iob"

    def has(self, group: str) -> bool:
        return group in self.groups


def _shape(key: str) -> str:
    """A coarse class of the word's characters: digits, Persian, Latin, punctuation, mixed."""
    kinds = set()
    for ch in key:
        if ch.isdigit():
            kinds.add("d")
        elif "a" <= ch <= "z":
            kinds.add("l")
        elif ch.isalpha():
            kinds.add("p")
        else:
            kinds.add("s")
    return "".join(sorted(kinds)) or "e"


_OFFSETS = (-2, -1, 1, 2)
_OFFSET_PREFIXES = tuple(f"{offset}:".encode() for offset in _OFFSETS)
_HEAD_DISTANCE = {d: f"ohd={d}".encode() for d in range(1, 6)}
_TITLE_BEFORE = (b"title-1", b"title-2", b"title-3")
# The document features' flags as bits: seen at all (no feature of its own), seen twice, after a
# title, before «، title», beside another rare word.
_DOC_SEEN, _DOC_TWICE, _DOC_TITLE_BEFORE, _DOC_TITLE_AFTER, _DOC_RARE_NEAR = 1, 2, 4, 8, 16
# Each combination of the last four flags (bits >> 1) as its features, in name order.
_DOC_FEATURES = tuple(tuple(sorted(f for bit, f in ((1, b"d2"), (2, b"dt"), (4, b"da"), (8, b"dr")) if bits & bit)) for bits in range(16))


def _inside_quotes(keys: Sequence[str]) -> list[str]:
    """Per token: ``q1`` for the first word inside «...», ``q`` for the others, ``""`` outside.

    News text quotes the names of papers, sites, films and parties in «...».
    """
    out = [""] * len(keys)
    opened = -1
    for i, key in enumerate(keys):
        if key == "«":
            opened = i
        elif key == "»" and opened >= 0:
            if i - opened <= 8:
                for k in range(opened + 1, i):
                    out[k] = "q"
                if opened + 1 < i:
                    out[opened + 1] = "q1"
            opened = -1
    return out


class FeatureExtractor:
    """Builds crfsuite feature lists for tokenised sentences.

    Per-token features depend on the token string alone and are cached in
    ``_own``; context features are the neighbours' cached features with a
    position prefix, so a position costs a few tuple concatenations.
    """

    def __init__(
        self, config: FeatureConfig | None = None, clusters: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        self.config = config or FeatureConfig()
        # The word-class table (``clusters``): cluster ids per granularity, then a frequency bin.
        self._table = clusters or {}
        self._clusters = bool(self._table) and self.config.has("cluster")
        self._freq = bool(self._table) and self.config.has("freq")
        self._heads = self.config.org_heads if self.config.has("orghead") else frozenset()
        self._tails = self.config.org_tails if self.config.has("orgtail") else frozenset()
        self._first = self.config.first_names if self.config.has("firstname") else frozenset()
        self._lexicon = hazm_lexicon() if self.config.has("lexicon") else None
        self.lexicon = self._lexicon
        # Per token: its own features; its neighbour features already prefixed for
        # offsets -2, -1, +1, +2; its folded form in bytes.
        self._own: dict[str, tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...], bytes]] = {}
        # Document features: what the rest of the article says about a rare word.
        self._document: dict[str, tuple[bytes, ...]] = {}
        self._pinned = False
        self._rare_cache: dict[str, bool] = {}

    def cached_tokens(self) -> int:
        """How many token strings have cached features."""
        return len(self._own)

    def pin_document(
        self, sentences: Sequence[Sequence[str]] | None, keys: Sequence[Sequence[str]] | None = None
    ) -> None:
        """Take ``sentences`` as the article for the following calls (None: back to blocks).

        ``keys``: the sentences' tokens already folded (``feature_key``), when the caller has them.
        """
        self._pinned = sentences is not None
        self._document = self._document_features(sentences, keys) if sentences is not None else {}

    def _rare(self, key: str) -> bool:
        """A word of three letters or more that hazm's lexicon calls rare or does not know."""
        rare = self._rare_cache.get(key)
        if rare is None:
            if len(key) < 3 or not key.isalpha():
                rare = False
            elif self._lexicon is None:
                rare = True
            else:
                entry = self._lexicon.entries.get(key)
                rare = entry is None or entry[1] <= 5
            if len(self._rare_cache) < 500_000:
                self._rare_cache[key] = rare
        return rare

    def rare(self, key: str) -> bool:
        """Whether ``key`` (folded) is a word of three letters or more that hazm's lexicon calls rare or lacks."""
        return self._rare(key)

    def _rare_any(self, key: str) -> bool:
        # A neighbour counts as rare at any length (the length test is only for the word itself).
        if self._lexicon is None:
            return True
        entry = self._lexicon.entries.get(key)
        return entry is None or entry[1] <= 5

    def _document_features(
        self, sentences: Sequence[Sequence[str]], folded: Sequence[Sequence[str]] | None = None
    ) -> dict[str, tuple[bytes, ...]]:
        """Per rare word: was it seen after a title, before «، title», or more than once?

        A name is often introduced once with a title («آقای دارسی») and then
        written bare; these flags carry that first context to the bare mentions.
        """
        if not self.config.has("document"):
            return {}
        if folded is None:
            folded = [[feature_key(t) for t in tokens] for tokens in sentences]
        # Per rare word, its flags as bits of ``_DOC_SEEN`` .. ``_DOC_RARE_NEAR``. Most words are
        # common: which are rare (and which count as a rare neighbour) is asked once per
        # distinct word, and a sentence is walked only if it holds a rare one.
        distinct = set(chain.from_iterable(folded))
        rare = {key for key in distinct if self._rare(key)}
        near_rare = {key for key in distinct if key.isalpha() and self._rare_any(key)}
        flags: dict[str, int] = {}
        for keys in folded:
            if rare.isdisjoint(keys):
                continue
            n = len(keys)
            for i, key in enumerate(keys):
                if key not in rare:
                    continue
                seen = flags.get(key, 0)
                seen |= _DOC_SEEN | ((seen & _DOC_SEEN) << 1)  # seen before: a second sighting
                if (i > 0 and keys[i - 1] in _TITLES) or (i > 1 and keys[i - 2] in _TITLES):
                    seen |= _DOC_TITLE_BEFORE
                if i + 2 < n and keys[i + 1] in ("،", ",") and keys[i + 2] in _TITLES:
                    seen |= _DOC_TITLE_AFTER
                if (i > 0 and keys[i - 1] in near_rare) or (i + 1 < n and keys[i + 1] in near_rare):
                    seen |= _DOC_RARE_NEAR
                flags[key] = seen
        return {k: _DOC_FEATURES[bits >> 1] for k, bits in flags.items() if bits >> 1}

    def clear(self) -> None:
        """Forget cached token features (the cache is meant to live for one call)."""
        self._own.clear()
        self._document = {}
        self._pinned = False

    # A token's own features, including the parts its neighbours will look at.
    def _token(self, token: str) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...], bytes]:
        cached = self._own.get(token)
        if cached is not None:
            return cached
        cfg = self.config
        key = feature_key(token)
        feats: list[str] = ["b"]
        near: list[str] = []
        if cfg.has("word"):
            feats.append("w=" + key)
            near.append("w=" + key)
        if cfg.has("affix"):
            for n in (1, 2, 3, 4):
                if len(key) > n:
                    feats.append(f"p{n}={key[:n]}")
                    feats.append(f"s{n}={key[-n:]}")
            if len(key) > 3:
                near.append("s3=" + key[-3:])
            if cfg.has("wide") and len(key) > 2:
                # Neighbours' beginnings: «خبرگزاری…», «وزارت…» announce an ORG after them.
                near.append("p3=" + key[:3])
                near.append("s2=" + key[-2:])
        if cfg.has("shape"):
            shape = _shape(key)
            feats.append("sh=" + shape)
            feats.append(f"len={min(len(key), 12)}")
            near.append("sh=" + shape)
            if "d" in shape:
                digits = sum(ch.isdigit() for ch in key)
                feats.append(f"nd={min(digits, 5)}")
                feats.append("dsh=" + "".join("0" if ch.isdigit() else ch for ch in key))
        if self._lexicon is not None:
            entry = self._lexicon.entries.get(key)
            if entry is None:
                feats.append("oov")
                near.append("oov")
            else:
                feats.append("pos=" + entry[0])
                feats.append(f"fq={entry[1]}")
                near.append("pos=" + entry[0])
        if cfg.has("stem") and len(key) > 2:
            feats.append("st=" + stem(key))
        if self._clusters or self._freq:
            row = self._table.get(key)
            if self._clusters:
                # Fields: one cluster id per granularity (coarse to fine), then the frequency bin.
                if row is not None and row[0] != "-":
                    for level, cid in enumerate(row[:-1]):
                        feats.append(f"c{level}={cid}")
                    near.append(f"c1={row[1] if len(row) > 2 else row[0]}")
                else:
                    feats.append("c=none")
                    near.append("c=none")
            if self._freq:
                fbin = row[-1] if row is not None else "-"
                feats.append("fw=" + fbin)
                near.append("fw=" + fbin)
        if key in self._heads:
            feats.append("oh")
            near.append("oh")
        if key in self._tails:
            feats.append("ot")
            near.append("ot")
        if key in self._first:
            feats.append("fn")
            near.append("fn")
        if cfg.has("title"):
            if key in _TITLES:
                feats.append("title")
                near.append("title")
            if key in _PERSON_AFTER:
                near.append("say")
        own_t = tuple([f.encode() for f in feats])
        # ``f"{offset}:{f}".encode()``, with each feature encoded once for all four offsets.
        near_b = [f.encode() for f in near]
        near_t = tuple([tuple([prefix + f for f in near_b]) for prefix in _OFFSET_PREFIXES])
        result = (own_t, near_t, key.encode())
        self._own[token] = result
        return result

    def token_parts(self, token: str) -> tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...], bytes]:
        """A token's own features, its features as seen from offsets -2, -1, +1, +2, and its fold in bytes."""
        return self._own.get(token) or self._token(token)

    @property
    def document(self) -> Mapping[str, tuple[bytes, ...]]:
        """The pinned article's document features by folded word (``pin_document``)."""
        return self._document

    def sentence(self, tokens: Sequence[str], keys: Sequence[str] | None = None) -> list[list[bytes]]:
        """The feature lists of one sentence, one list per token (``keys``: the tokens folded, if known).

        A list is the token's own features, the document's, BOS/EOS, its neighbours' and then
        ``tails``; the order is the one the shipped model was trained with.
        """
        # The hot loop of tagging: group switches are read once, and per-position
        # work is only what cannot be cached per token string.
        n = len(tokens)
        if n == 0:
            return []
        cached, token = self._own.get, self._token
        parts = [cached(t) or token(t) for t in tokens]
        if keys is None:
            keys = [feature_key(t) for t in tokens]
        context = self.config.has("context")
        last = n - 1
        # Per-token parts pulled out of ``parts`` once: the loop below indexes them by position.
        own = [p[0] for p in parts]
        near = [p[1] for p in parts]
        tails = self.tails(keys, [p[2] for p in parts])
        document = self._document
        get_doc = document.get if document else None
        no_doc: tuple[bytes, ...] = ()
        out: list[list[bytes]] = []
        for i in range(n):
            doc = (get_doc(keys[i]) or no_doc) if get_doc is not None else no_doc
            if context and 1 < i < last - 1:
                # Inside the sentence (most positions): all four neighbours, no BOS or EOS.
                feats = [*own[i], *doc, *near[i - 2][0], *near[i - 1][1], *near[i + 1][2], *near[i + 2][3], *tails[i]]
            else:
                feats = [*own[i], *doc]
                if i == 0:
                    feats.append(b"BOS")
                if i == last:
                    feats.append(b"EOS")
                if context:
                    if i > 1:
                        feats.extend(near[i - 2][0])
                    if i > 0:
                        feats.extend(near[i - 1][1])
                    if i < last:
                        feats.extend(near[i + 1][2])
                    if i + 1 < last:
                        feats.extend(near[i + 2][3])
                feats.extend(tails[i])
            out.append(feats)
        return out

    def tails(self, keys: Sequence[str], words: Sequence[bytes], *, bigrams: bool = True) -> list[list[bytes]]:
        """Per position, the features that depend on more than one token's string.

        ``keys``: the sentence's tokens folded; ``words``: the same in UTF-8. Wide context,
        bigrams, gazetteer matches, distance from an organisation head, rare words after a
        head or title, quotes and titles before; empty lists where none applies.
        ``bigrams=False`` leaves the «w1|w2» features out (the NumPy decoder adds them in bulk).
        """
        out: list[list[bytes]] = [[] for _ in keys]
        for i, feats in self.tail_items(keys, words, bigrams=bigrams):
            out[i] = feats
        return out

    def tail_items(
        self, keys: Sequence[str], words: Sequence[bytes] | None = None, *, bigrams: bool = True
    ) -> list[tuple[int, list[bytes]]]:
        """``tails`` without its empty lists: (position, features) for the positions that have any.

        Without wide context and bigrams most positions have none, so only the positions
        near a gazetteer name, an organisation head, a title or a quote are visited.
        ``words`` (``keys`` in UTF-8) is encoded here when not given and needed.
        """
        cfg = self.config
        n = len(keys)
        gaz = gazetteers.match(keys) if cfg.has("gazetteer") else None
        if gaz is not None and not any(gaz):
            gaz = None
        wide = cfg.has("wide")
        bigram = bigrams and cfg.has("bigram")
        quoted = _inside_quotes(keys) if cfg.has("quote") else None
        if quoted is not None and not any(quoted):
            quoted = None
        titles = None
        if cfg.has("title") and not _TITLES.isdisjoint(keys):
            titles = [k in _TITLES for k in keys]
        heads = self._heads
        conj = cfg.has("conj")
        if conj:
            rare = [self._rare(k) for k in keys]
            after_title = [i > 0 and keys[i - 1] in _TITLES for i in range(n)]
        # Inside an organisation phrase: how far back its head word stands («سازمان انرژی اتمی
        # ایران»), up to five words; punctuation or the next head ends the phrase.
        head_distance: dict[int, int] = {}
        if heads and not heads.isdisjoint(keys):
            for h in [i for i, key in enumerate(keys) if key in heads]:
                for i in range(h + 1, min(h + 6, n)):
                    if keys[i] in heads or not keys[i].isalnum():
                        break
                    head_distance[i] = i - h
        last = n - 1
        if wide or bigram or conj:
            visit: Iterable[int] = range(n)
        else:
            hot = set(head_distance)
            if gaz is not None:
                hot.update(i for i, g in enumerate(gaz) if g)
            if quoted is not None:
                hot.update(i for i, q in enumerate(quoted) if q)
            if titles is not None:
                for t in [i for i, is_title in enumerate(titles) if is_title]:
                    hot.update(range(t + 1, min(t + 4, n)))
            visit = sorted(hot)
        encoded: Sequence[bytes] = ()
        if wide or bigram:
            encoded = words if words is not None else [key.encode() for key in keys]
        if bigram:
            # «w1|w2» of each neighbouring pair, shared by the left word's bg+ and the right one's bg-.
            pairs = [encoded[i] + b"|" + encoded[i + 1] for i in range(last)]
        out: list[tuple[int, list[bytes]]] = []
        for i in visit:
            key = keys[i]
            feats: list[bytes] = []
            if wide:
                # The words either side together («وزیر … ،», «آقای … گفت») and a third word out.
                left = keys[i - 1] if i > 0 else "<s>"
                right = keys[i + 1] if i < last else "</s>"
                feats.append(f"sw={left}|{right}".encode())
                if i >= 3:
                    feats.append(b"-3:w=" + encoded[i - 3])
                if i + 3 < n:
                    feats.append(b"3:w=" + encoded[i + 3])
            if bigram:
                if i > 0:
                    feats.append(b"bg-=" + pairs[i - 1])
                if i < last:
                    feats.append(b"bg+=" + pairs[i])
            if gaz is not None and gaz[i]:
                feats.append(("gz=" + gaz[i]).encode())
                if i > 0 and gaz[i - 1]:
                    feats.append(("gz-1=" + gaz[i - 1]).encode())
            distance = head_distance.get(i)
            if distance is not None:
                feats.append(_HEAD_DISTANCE[distance])
            if conj and rare[i]:
                # A rare or unknown word right after an organisation head («شرکت تسلا»), a title
                # («آقای دارسی») or a first name: the pair, not either word, marks a name.
                if i > 0 and keys[i - 1] in heads:
                    feats.append(b"cj=h")
                if after_title[i]:
                    feats.append(b"cj=t")
                if i > 0 and keys[i - 1] in self._first:
                    feats.append(b"cj=f")
            if conj and i < last and rare[i + 1] and key in heads:
                feats.append(b"cj=hn")
            if quoted is not None and quoted[i]:
                feats.append(quoted[i].encode())
            if titles is not None:
                # A title up to three words back («وزیر امور خارجه ژاپن ...») still
                # announces the name that follows it.
                if i > 0 and titles[i - 1]:
                    feats.append(_TITLE_BEFORE[0])
                elif i > 1 and titles[i - 2]:
                    feats.append(_TITLE_BEFORE[1])
                elif i > 2 and titles[i - 3]:
                    feats.append(_TITLE_BEFORE[2])
            if feats:
                out.append((i, feats))
        return out

    def sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[list[bytes]]]:
        """hazm ``SequenceTagger`` data_maker: features of many sentences.

        Unless an article is pinned, document features come from blocks of
        ``ARTICLE_WINDOW`` sentences (training data has no article boundaries).
        """
        if self._pinned or not self.config.has("document"):
            return [self.sentence(s) for s in sentences]
        batch = list(sentences)
        out: list[list[list[bytes]]] = []
        for start in range(0, len(batch), ARTICLE_WINDOW):
            block = batch[start : start + ARTICLE_WINDOW]
            self._document = self._document_features(block)
            out.extend(self.sentence(s) for s in block)
        self._document = {}
        return out
