"""Names the tagger missed that the article's punctuation gives away.

News puts a foreign name in guillemets and follows it with the person's office:
«با «سرگئی شویگو»، وزیر دفاع روسیه دیدار کرد». A short run of words in «…», none
tagged, with no verb, right before «،» and an office word is a person's name. The
tags change only there; everything the tagger did tag is left as it is.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

from reader.core.people.roles import _is_head, _looks_verbal
from reader.core.ner.features import feature_key
from reader.core.text import Sentence

_MAX_WORDS = 4
_NORM = operator.attrgetter("norm")
_COMMAS = frozenset({"،", ","})
# Office words that are a person's, not an organisation's («گروه»، «شرکت» are not here).
# A club is «قهرمان لیگ» and a team «نماینده ایران»: those heads are not evidence of a person.
_NOT_PERSON_HEADS = frozenset(feature_key(w) for w in ("عضو", "همتای", "مسئول", "قهرمان", "نماینده"))
# Words no name is made of: a run holding one is a phrase in marks, not a name.
_FUNCTION_WORDS = frozenset(
    feature_key(w)
    for w in ["و", "یا", "که", "را", "در", "با", "به", "از", "برای", "تا", "بر", "این", "آن", "است", "بود", "شد", "کرد", "هست", "نیست", "می", "نمی", "من", "ما", "تو", "شما", "او", "وی", "آنها", "ایشان", "هستم", "هستی", "هستیم", "هستید", "هستند", "نیستیم", "نیستند", "باید", "نباید"]
)


def guillemet_names(sentences: Sequence[Sentence], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """``tags`` with every untagged name in «…» before «، office» tagged ``PER``."""
    out = [list(t) for t in tags]
    for s, sentence in enumerate(sentences):
        tokens = sentence.tokens
        s_tags = out[s]
        # Most sentences have no «: a C-level look at the words passes them (a token-by-token
        # loop over every sentence of a 5 MB text was most of this function's time).
        norms = list(map(_NORM, tokens))
        if "«" not in norms:
            continue
        for i in [k for k, norm in enumerate(norms) if norm == "«"]:
            close = next((k for k in range(i + 1, min(len(tokens), i + _MAX_WORDS + 2)) if tokens[k].norm == "»"), None)
            if close is None or close == i + 1 or close + 2 >= len(tokens):
                continue
            words = tokens[i + 1 : close]
            if any(s_tags[k] != "O" for k in range(i + 1, close)):
                continue
            keys = [feature_key(w.norm) for w in words]
            if not all(k.isalpha() and k not in _FUNCTION_WORDS and not _looks_verbal(k) for k in keys):
                continue
            head = tokens[close + 2]
            if tokens[close + 1].norm not in _COMMAS or s_tags[close + 2] != "O" or not _is_head(head.norm):
                continue
            if feature_key(head.norm) in _NOT_PERSON_HEADS:
                continue
            for k in range(i + 1, close):
                s_tags[k] = ("B-" if k == i + 1 else "I-") + "PER"
    return out
