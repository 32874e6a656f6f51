"""Gazetteers: place names from CLDR (via babel), Persian first names from ``persian-names``.

Both come from maintained sources rather than being typed by hand, and not from
the training data, because such lists overfit. Place names span several tokens
(«کره جنوبی»), so matching works on folded token sequences.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reader.core.ner.fold import feature_key

MAX_TOKENS = 5


def _gaz_key(folded: str) -> str:
    # CLDR writes «امریکا», the press mostly «آمریکا»: compare without the madda.
    return folded.replace("آ", "ا")


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Folded place name (joiners removed) → kind: ``country``, ``region`` or ``city``."""
    import babel

    locale = babel.Locale("fa")
    names: dict[str, str] = {}
    for code, name in locale.territories.items():
        # Numeric codes are regions («غرب آسیا»); letters are countries and territories.
        kind = "region" if code.isdigit() else "country"
        names[_gaz_key(feature_key(name))] = kind
    for zone in locale.time_zones.values():
        city = zone.get("city") if hasattr(zone, "get") else None
        if isinstance(city, str):
            names.setdefault(_gaz_key(feature_key(city)), "city")
    names.pop("", None)
    return names


def _persian_names_file(name: str) -> list[str]:
    """The stripped lines of one of the ``persian-names`` package's data files."""
    from reader.core.resources import package_data

    text = package_data("persian_names", "data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every leading part of every name: a token run that is none cannot grow into a name."""
    return frozenset(name[:k] for name in place_names() for k in range(1, len(name) + 1))


def match(keys: Sequence[str]) -> list[str]:
    """Per token: ``B-kind``/``I-kind`` of the longest place name starting there, or ``""``."""
    names = place_names()
    prefixes = _prefixes()
    n = len(keys)
    out = [""] * n
    folded = [k.replace("آ", "ا") for k in keys]  # _gaz_key, inline: this runs per token
    i = 0
    while i < n:
        if folded[i] not in prefixes:  # most tokens start no name: skip the loop's set-up
            i += 1
            continue
        found = 0
        kind = ""
        joined = ""
        for length in range(1, min(MAX_TOKENS, n - i) + 1):
            joined += folded[i + length - 1]
            if joined not in prefixes:
                break
            hit = names.get(joined)
            if hit is not None:
                found, kind = length, hit
        if found:
            out[i] = "B-" + kind
            for k in range(i + 1, i + found):
                out[k] = "I-" + kind
            i += found
        else:
            i += 1
    return out


def first_names() -> frozenset[str]:
    """Folded Persian first names (male and female, about 660) from the ``persian-names`` package.

    A maintained list from outside the training data; the trainer copies it into the
    model's side file, so tagging does not read the package. Names that are also place
    names («ایران») are left out: in news text they are the place.
    """
    names: set[str] = set()
    for part in ("male_fa.txt", "female_fa.txt"):
        for line in _persian_names_file(part):
            key = feature_key(line)
            if len(key) > 1 and _gaz_key(key) not in place_names():
                names.add(key)
    return frozenset(names)
