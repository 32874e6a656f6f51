"""Analysis in a worker process gives exactly what analysis in this process gives, at a lower priority."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reader.core.document import Document
from reader.core.loading import load_document
from reader.core.pipeline import analyse
from reader.core.text import Cancelled
from reader.core.worker import WINDOW_FIRST_NICE, AnalysisError, AnalysisWorker

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "mehr-korea-russia.txt"


@pytest.fixture(scope="module")
def worker():  # type: ignore[no-untyped-def]
    w = AnalysisWorker()
    yield w
    w.close()


def test_same_annotations_as_in_process(worker: AnalysisWorker) -> None:
    document = load_document(SAMPLE)
    seen: list[tuple[int, int]] = []
    got = worker.analyse(document, dt.date(2023, 9, 23), lambda done, total: seen.append((done, total)), lambda: False)
    assert got == analyse(document, dt.date(2023, 9, 23))
    assert seen and seen[-1][0] == seen[-1][1]


def test_cancel_stops_the_analysis_and_the_worker_serves_again(worker: AnalysisWorker) -> None:
    text = "کیم جونگ اون به مسکو رفت.\n" * 4000
    with pytest.raises(Cancelled):
        worker.analyse(Document(text=text), None, lambda done, total: None, lambda: True)
    again = worker.analyse(Document(text="پوتین در مسکو گفت: «خوش آمدید»."), None, lambda d, t: None, lambda: False)
    assert again.quotes


def test_a_dead_worker_is_reported_and_replaced() -> None:
    w = AnalysisWorker()
    try:
        w.warm_up()

        def crash(done: int, total: int) -> None:
            w._process.kill()  # the analysis process dies in the middle, from outside

        with pytest.raises(AnalysisError):
            w.analyse(Document(text="کیم جونگ اون به مسکو رفت.\n" * 4000), None, crash, lambda: False)
        assert w.analyse(Document(text="پوتین به مسکو رفت."), None, lambda d, t: None, lambda: False).text
    finally:
        w.close()


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_the_analysis_process_gives_way_to_the_window(worker: AnalysisWorker) -> None:
    worker.analyse(Document(text="پوتین به مسکو رفت."), None, lambda d, t: None, lambda: False)
    assert os.getpriority(os.PRIO_PROCESS, worker._process.pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + WINDOW_FIRST_NICE)


def test_a_window_gone_mid_answer_ends_the_worker_quietly(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from multiprocessing import Pipe

    from reader.core import pipeline, worker

    monkeypatch.setattr(pipeline, "warm_up", lambda: None)
    window, analysis = Pipe()
    window.send(("warm",))
    window.close()  # closed before the answer: sending it breaks the pipe
    assert worker.serve(analysis) is None  # returns, no BrokenPipeError traceback
