"""The whole pipeline on the bundled sample: the acceptance figures of the entity, quote and date issues."""

from __future__ import annotations

import datetime as dt

import pytest
from testdata import SAMPLE, SAMPLE_PEOPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Annotations, Document, annotations_from_json, annotations_to_json
from reader.core.export.html import extract_embedded, render_annotated_html
from reader.core.loading import load_document
from reader.core.pipeline import analyse, guess_article_date, resolve_dates
from reader.core.text import fold_key

PEOPLE = SAMPLE_PEOPLE


@pytest.fixture(scope="module")
def sample() -> Annotations:
    return analyse(load_document(SAMPLE), dt.date(2023, 9, 23))


def _people(ann: Annotations) -> dict[str, object]:
    return {fold_key(e.name): e for e in ann.entities if e.type == "PER"}


def test_exactly_the_seven_people_each_with_role(sample: Annotations) -> None:
    people = _people(sample)
    assert set(people) == {fold_key(name) for name in PEOPLE}
    for name, role in PEOPLE.items():
        entity = people[fold_key(name)]
        assert entity.role is not None and fold_key(entity.role) == fold_key(role), (name, entity.role)


def test_every_mention_of_a_person_is_found(sample: Annotations) -> None:
    text = sample.text
    people = _people(sample)
    for name, spellings in {
        "کیم جونگ اون": ("کیم جونگ اون", "کیم جونگاون"),
        "ولادیمیر پوتین": ("پوتین",),
        "آنتونی بلینکن": ("بلینکن",),
    }.items():
        entity = people[fold_key(name)]
        covered = {(m.start, m.end) for m in entity.mentions}
        for spelling in spellings:
            at = text.find(spelling)
            while at != -1:
                assert any(s <= at and at + len(spelling) <= e for s, e in covered), (spelling, at)
                at = text.find(spelling, at + 1)
    for entity in people.values():
        for mention in entity.mentions:
            assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]


def test_the_six_quotes_and_their_speakers(sample: Annotations) -> None:
    text = sample.text
    names = {e.id: fold_key(e.name) for e in sample.entities}
    got = [(text[q.start : q.end], names.get(q.speaker or "")) for q in sample.quotes]
    assert len(got) == 6, got
    starts = [
        ("نگرانی شدید", "آنتونی بلینکن"),
        ("بلینکن، وزیر خارجه آمریکا", None),
        ("تحریک مستقیم", "یون سوک یول"),
        ("بسیار خوشحالم", "ولادیمیر پوتین"),
        ("برای کره شمالی، روابط با روسیه", "کیم جونگ اون"),
        ("اطمینان دارم", "کیم جونگ اون"),
    ]
    for (quote, speaker), (prefix, expected) in zip(got, starts):
        assert quote.startswith(prefix)
        if expected is not None:
            assert speaker == fold_key(expected), (prefix, speaker)
        else:
            # A statement's words: its issuer or nobody, never a person named inside it.
            assert speaker not in {fold_key(n) for n in PEOPLE}
    assert all(q != "سرگئی شویگو" for q, _ in got)


def _dates_by_text(ann: Annotations) -> dict[str, list]:  # type: ignore[type-arg]
    found: dict[str, list] = {}  # type: ignore[type-arg]
    for d in ann.dates:
        found.setdefault(ann.text[d.start : d.end], []).append(d)
    return found


def _value(ann: Annotations, phrase: str) -> tuple[str, str]:
    for d in ann.dates:
        if phrase in ann.text[d.start : d.end] and d.gregorian is not None:
            return d.gregorian.start, d.gregorian.end
    raise AssertionError(f"{phrase} not resolved: {_dates_by_text(ann).keys()}")


def test_the_sample_dates_resolve_against_the_article_date(sample: Annotations) -> None:
    assert _value(sample, "امروز") == ("2023-09-23", "2023-09-23")
    assert _value(sample, "جمعه") == ("2023-09-22", "2023-09-22")
    assert _value(sample, "چهارشنبه گذشته") == ("2023-09-20", "2023-09-20")
    assert _value(sample, "۲۲ شهریور") == ("2023-09-13", "2023-09-13")
    week_start, week_end = _value(sample, "هفته گذشته")
    assert "2023-09-16" <= week_start <= week_end <= "2023-09-22"
    september = [d for d in sample.dates if "سپتامبر" in sample.text[d.start : d.end]]
    assert len(september) == 2
    assert all(d.gregorian and d.gregorian.start == "2023-09-13" for d in september)
    shahrivar = next(d for d in sample.dates if "شهریور" in sample.text[d.start : d.end])
    assert shahrivar.jalali is not None and shahrivar.jalali.start == "1402-06-22"
    today = next(d for d in sample.dates if "امروز" in sample.text[d.start : d.end])
    assert today.jalali is not None and today.jalali.start == "1402-07-01"
    for d in sample.dates:
        if d.kind == "duration":
            assert d.gregorian is None and d.jalali is None


def test_without_an_article_date_relative_dates_stay_unresolved() -> None:
    ann = analyse(Document(text="کیم جونگ اون چهارشنبه گذشته به مسکو رفت."))
    relative = [d for d in ann.dates if d.kind == "relative"]
    assert relative and all(d.gregorian is None for d in relative)
    resolved = resolve_dates(ann, dt.date(2023, 9, 23))
    assert next(d for d in resolved.dates if d.kind == "relative").gregorian.start == "2023-09-20"  # type: ignore[union-attr]


def test_a_dateline_gives_the_article_date() -> None:
    assert guess_article_date("۱ مهر ۱۴۰۲\nکیم جونگ اون امروز به مسکو رفت.") == dt.date(2023, 9, 23)
    assert guess_article_date("کیم جونگ اون امروز به مسکو رفت.") is None


def test_analysis_offsets_are_inside_the_text(sample: Annotations) -> None:
    n = len(sample.text)
    for entity in sample.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= n
    for item in (*sample.quotes, *sample.dates):
        assert 0 <= item.start < item.end <= n


# ---------------------------------------------------------------- any text, bad text

_PIECES = [
    "کیم جونگ اون", "ولادیمیر پوتین", "، رئیس‌جمهور روسیه", " گفت: ", "«", "»", "امروز", "شنبه", "چهارشنبه گذشته",
    "۱۳ سپتامبر", "(۲۲ شهریور)", "۱۴۰۲/۰۶/۲۲", "سال ۲۰۱۶ میلادی", "۵ روزه", "\u200c", "\u200f", "\u00a0", "ي", "ك",
    "😀", "\n", " ", ".", "وی افزود:", "در این بیانیه آمده است که", "تهران", "سازمان ملل", "٪۲۰", "<script>", "&amp;",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.text(max_size=80)))
def test_any_text_gives_valid_annotations(raw: str) -> None:
    ann = analyse(Document(text=raw), dt.date(2023, 9, 23))
    _assert_valid(ann)
    # What the pipeline says is what the contract accepts, and it survives the annotated copy.
    assert annotations_from_json(annotations_to_json(ann)) == ann
    assert extract_embedded(render_annotated_html(ann)) == ann


def _assert_valid(ann: Annotations) -> None:
    n = len(ann.text)
    ids = {e.id for e in ann.entities}
    for entity in ann.entities:
        assert entity.mentions
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= n
    for quote in ann.quotes:
        assert 0 <= quote.start < quote.end <= n
        assert quote.speaker is None or quote.speaker in ids
    for date in ann.dates:
        assert 0 <= date.start < date.end <= n


def test_only_joiners_and_bidi_controls_give_nothing() -> None:
    ann = analyse(Document(text="\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069" * 50))
    assert (ann.entities, ann.quotes, ann.dates) == ((), (), ())


def test_a_hundred_thousand_guillemets() -> None:
    text = "«" * 50_000 + " پوتین گفت " + "»" * 50_000
    ann = analyse(Document(text=text))
    _assert_valid(ann)


def test_unbalanced_guillemets_stay_in_their_paragraph() -> None:
    text = "پوتین گفت «این آغاز راه است\nکیم جونگ اون به مسکو رفت."
    ann = analyse(Document(text=text))
    _assert_valid(ann)
    assert all("\n" not in text[q.start : q.end] for q in ann.quotes)


@pytest.mark.slow
def test_one_five_megabyte_line() -> None:
    line = ("کیم جونگ اون، رهبر کره شمالی با ولادیمیر پوتین در مسکو دیدار کرد و گفت «همکاری ادامه دارد» " * 60_000)[:5_000_000]
    ann = analyse(Document(text=line))
    _assert_valid(ann)
    assert any(e.type == "PER" for e in ann.entities)


def test_the_pipeline_is_a_named_list_of_stages_each_adding_its_layer() -> None:
    from reader.core.pipeline import PIPE_NAMES, STAGES, Analysis

    assert PIPE_NAMES == ("tokenize", "ner", "dates", "people", "quotes")
    text = "رئیس‌جمهور روسیه ولادیمیر پوتین روز شنبه گفت: «غرب مسئول است.»"
    doc = Analysis(text, None, lambda done: None, None, None, 1)
    made = []
    for name, stage in STAGES:
        stage(doc)
        made.append((name, doc.sentences is not None, doc.tags is not None, doc.dates is not None, bool(doc.quotes)))
    assert made == [
        ("tokenize", True, False, False, False),
        ("ner", True, True, False, False),
        ("dates", True, True, True, False),
        ("people", True, True, True, False),
        ("quotes", True, True, True, True),
    ]
    assert any(e.type == "PER" for e in doc.named)
    assert [e.type for e in doc.entities if e.type == "DAT"] == ["DAT"]


def test_the_collector_is_paused_and_what_lives_on_can_be_frozen() -> None:
    import gc

    from reader.core.pipeline import collector_paused

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    try:
        with collector_paused(freeze=True):
            survivor = [[] for _ in range(1000)]  # noqa: F841 - alive at the end, tracked by the collector
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + 1000
    finally:
        gc.unfreeze()
