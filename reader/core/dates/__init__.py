"""The dates stage: dates, times, durations and ranges in Persian news, resolved on three calendars.

``finder`` finds the expressions and ``resolve`` gives each its Jalali and Gregorian value
(relative ones against the article date); ``lexicon`` holds month names, weekdays and cues;
``calendar`` is the one place calendar arithmetic happens (jdatetime, convertdate);
``tags`` turns the expressions into CoNLL DAT/TIM chunks for ``khana tag --conll``.
The pipeline calls ``extract_dates``.

The two entry functions are imported on first use: the window imports ``calendar`` at
start-up and should not pay for compiling the finder's patterns then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.dates.finder import extract_dates
    from reader.core.dates.tags import merge_date_tags

__all__ = ["extract_dates", "merge_date_tags"]


def __getattr__(name: str) -> Any:
    if name == "extract_dates":
        from reader.core.dates.finder import extract_dates

        return extract_dates
    if name == "merge_date_tags":
        from reader.core.dates.tags import merge_date_tags

        return merge_date_tags
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
