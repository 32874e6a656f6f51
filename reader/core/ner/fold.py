"""The one spelling every NER feature, gazetteer and cluster table is keyed by (``feature_key``).

PEYMA writes ZWNJ words with a space («روش های») while hazm's tokenizer keeps the
ZWNJ («روش‌ها»), pasted articles often drop it altogether («رئیسجمهور»), and
NSURL and Hamshahri write Arabic «ي»/«ك». A feature that changed with such a
variant would be a feature the model never saw in training. This module imports
nothing of the package, so the feature extractor and the gazetteers both use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZWNJ = "\u200c"

# Characters that only join or separate parts of one word: removed, so «روش های»,
# «روش‌های», «روشهای» and hazm's verb joiner «آمده_است» all fold alike.
_JOINERS = " \u200c\u200d\u200b\u00a0_ـ\u2009\u202f\ufeff\u200e\u200f"

_LETTERS = {
    "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ێ": "ی",
    "ك": "ک", "ڪ": "ک",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۂ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و",
    "٪": "%", "٫": ".", "٬": ",",
}
_DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _LETTERS.items()}
    for index, digit in enumerate(_DIGITS):
        table[ord(digit)] = str(index % 10)
    for joiner in _JOINERS:
        table[ord(joiner)] = None
    return table


_TABLE = _build_table()
# Words made only of these characters fold by ``translate`` alone (NFKD leaves them as they are).
_PLAIN = re.compile("[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ\u200c ]+")


@lru_cache(maxsize=200_000)
def feature_key(token: str) -> str:
    """The one spelling every feature is computed from.

    Joiners (space, ZWNJ, ZWJ, underscore, kashida, bidi marks) are removed,
    Arabic letter variants map to Persian ones, diacritics (including the hamza
    above of «هٔ») are dropped, digits of any script become ASCII, and Latin is
    lower-cased.
    """
    # NFKD splits presentation forms and letters with a built-in hamza so that
    # the mark can be dropped; NFC afterwards would rebuild «آ» from «ا» + madda,
    # which the loop below keeps by recomposing only that one pair.
    decomposed = unicodedata.normalize("NFKD", token)
    out: list[str] = []
    for ch in decomposed:
        if ch == "\u0653" and out and out[-1] == "ا":  # madda: «آ» is a letter, not a diacritic
            out[-1] = "آ"
            continue
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    folded = "".join(out).translate(_TABLE).lower()
    # NFKD turned «ی» with hamza («ئ») into «ی» + mark; that keeps «ئ» and «ی» apart no more,
    # which is intended: news text writes «رئیس» and «رییس» both.
    return folded
