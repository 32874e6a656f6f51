"""A long text analysed in two processes gives exactly the serial result, and can be cancelled."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from testdata import SAMPLE

from reader.core import parallel, pipeline
from reader.core.document import Document, annotations_to_json
from reader.core.loading import load_document
from reader.core.text import Cancelled, tokenize, tokenise

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


@pytest.fixture()
def small_units(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even a short text, in many batches, with tag groups that straddle the split."""
    monkeypatch.setattr(parallel, "_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_spare_cpu", lambda: True)
    monkeypatch.setattr(tokenise, "_BATCH_CHARS", 300)
    monkeypatch.setattr(pipeline, "_TAG_BATCH", 7)


def _article() -> Document:
    sample = load_document(SAMPLE)
    # Several articles' worth of paragraphs, with a blank-line-separated variant of each.
    body = "\n\n".join([sample.text, sample.text.replace("\n", "\n\n"), sample.text])
    return Document(body, title=sample.title)


@pytest.mark.usefixtures("small_units")
@pytest.mark.parametrize("share", [0.1, 0.55, 0.9])
def test_two_processes_write_the_serial_json(monkeypatch: pytest.MonkeyPatch, share: float) -> None:
    monkeypatch.setattr(parallel, "_CHILD_SHARE", share)
    document = _article()
    date = dt.date(2023, 9, 23)
    serial = pipeline.analyse(document, date)
    seen: list[tuple[int, int]] = []
    split = pipeline.analyse(document, date, progress=lambda done, total: seen.append((done, total)), processes=2)
    assert annotations_to_json(split) == annotations_to_json(serial)
    assert split.entities and split.quotes and split.dates
    assert seen and seen[-1] == (1000, 1000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.usefixtures("small_units")
def test_sentences_and_tags_match_the_serial_ones() -> None:
    body = _article().text
    serial_sentences = tokenize(body)
    serial_tags = pipeline._tag(serial_sentences, lambda fraction: None, None)
    tagger = pipeline._get_tagger()
    result = parallel.tokenize_tag_dates(
        body, lambda group: tagger.tag([[t.norm for t in s.tokens] for s in group]), 7,
        lambda whole: [], lambda fraction: None, None,
    )
    assert result is not None
    sentences, tags, dates = result
    assert sentences == serial_sentences
    assert tags == serial_tags
    assert dates == []


def test_pack_and_unpack_keep_every_token() -> None:
    body = load_document(SAMPLE).text
    sentences = tokenize(body)
    assert parallel.unpack(body, parallel.pack(sentences)) == sentences


def test_a_busy_or_single_processor_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (2.0, 2.0, 2.0))
    assert not parallel.worth_splitting("متن")
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (0.9, 2.0, 2.0))
    assert parallel.worth_splitting("متن")
    monkeypatch.setattr(parallel, "_cpus", lambda: 1)
    assert not parallel.worth_splitting("متن")


def test_a_short_text_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(*args: object, **kwargs: object) -> None:
        raise AssertionError("a short article must not start a process")

    monkeypatch.setattr(parallel, "tokenize_tag_dates", no_fork)
    document = load_document(SAMPLE)
    assert not parallel.worth_splitting(document.text)
    assert pipeline.analyse(document, processes=2).entities


@pytest.mark.usefixtures("small_units")
def test_cancel_stops_both_processes() -> None:
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(Cancelled):
        pipeline.analyse(_article(), processes=2, cancel=cancel)
    assert not multiprocessing.active_children()


@pytest.mark.usefixtures("small_units")
def test_a_second_process_that_dies_leaves_the_work_to_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    document = _article()
    serial = pipeline.analyse(document, None)
    monkeypatch.setattr(parallel, "_child", lambda *args: os._exit(9))  # killed, say, for memory
    seen: list[int] = []
    split = pipeline.analyse(document, None, progress=lambda done, total: seen.append(done), processes=2)
    assert annotations_to_json(split) == annotations_to_json(serial)
    assert seen == sorted(seen) and seen[-1] == 1000
