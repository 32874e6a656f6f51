"""Money keeps its whole number; a month name inside a date is not a place."""

from __future__ import annotations

from reader.core.document import DateMention, Entity, Span
from reader.core.people.amounts import whole_amounts, without_names_in_dates


def _span(text: str, words: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return Span(at, at + len(words))


def test_a_decimal_or_thousands_amount_is_one_mention_and_two_amounts_stay_apart() -> None:
    text = "ایران 3.5 میلیارد دلار و عراق 2.5 میلیارد دلار داد؛ ۲/۵ میلیون تومان، ۱۲,۵۰۰ ریال و ۸۵٫۵ درصد."
    # What the tagger sees after hazm split the numbers: the part after the separator.
    entities = [
        Entity("mon-1", "MON", "5 میلیارد دلار", None, (_span(text, "5 میلیارد دلار"), _span(text, "5 میلیارد دلار", 1))),
        Entity("mon-2", "MON", "۵ میلیون تومان", None, (_span(text, "۵ میلیون تومان"),)),
        Entity("mon-3", "MON", "۵۰۰ ریال", None, (_span(text, "۵۰۰ ریال"),)),
        Entity("pct-1", "PCT", "۵ درصد", None, (_span(text, "۵ درصد"),)),
    ]
    got = {(e.type, e.name, len(e.mentions)) for e in whole_amounts(text, entities)}
    assert got == {
        ("MON", "3.5 میلیارد دلار", 1),
        ("MON", "2.5 میلیارد دلار", 1),
        ("MON", "۲/۵ میلیون تومان", 1),
        ("MON", "۱۲,۵۰۰ ریال", 1),
        ("PCT", "۸۵٫۵ درصد", 1),
    }


def test_an_amount_after_a_list_comma_and_space_is_not_joined() -> None:
    text = "سهم‌ها ۳، ۵ میلیون دلار بود."
    entities = [Entity("mon-1", "MON", "۵ میلیون دلار", None, (_span(text, "۵ میلیون دلار"),))]
    assert whole_amounts(text, entities) == entities


def test_a_month_inside_a_date_is_not_a_place_but_the_same_word_elsewhere_is() -> None:
    text = "این نشست ۲۰ آذر برگزار شد و مردم آذر به تهران رفتند."
    date = _span(text, "۲۰ آذر")
    entities = [
        Entity("loc-1", "LOC", "آذر", None, (_span(text, "آذر"), _span(text, "آذر", 1))),
        Entity("loc-2", "LOC", "تهران", None, (_span(text, "تهران"),)),
    ]
    got = without_names_in_dates(entities, [DateMention(date.start, date.end, "date")])
    assert [(e.id, [text[m.start : m.end] for m in e.mentions]) for e in got] == [
        ("loc-1", ["آذر"]),
        ("loc-2", ["تهران"]),
    ]
    assert got[0].mentions[0].start == _span(text, "آذر", 1).start
