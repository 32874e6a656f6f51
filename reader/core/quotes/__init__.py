"""The quotes stage: direct quotes in Persian news and who said them.

``finder`` finds the quotes (in quotation marks, after «گفت:», the headline form «پوتین: …»),
``speakers`` attributes each to its speaker, ``clauses`` reads the clause structure both rely
on, and ``lexicon`` holds the speech verbs and title words. The pipeline calls
``extract_quotes``.
"""

from __future__ import annotations

from reader.core.quotes.finder import extract_quotes

__all__ = ["extract_quotes"]
