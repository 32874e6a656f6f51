"""Analysis in a separate process, so a long analysis never holds the caller's GIL.

A reader window that analyses in a thread shares the interpreter lock with its
GUI thread, and hazm's regexes, big ``str`` operations and unpickling hold that
lock for hundreds of milliseconds at a time: the window freezes. ``AnalysisWorker``
keeps one process alive for the window's life, loads hazm and the model there,
and runs ``pipeline.analyse`` on request. Progress comes back as small messages,
a cancel request is checked between the pipeline's steps, and the result comes
back in small pieces that the caller validates like any annotation file, so no
single message takes long to read.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import time
from multiprocessing.connection import Connection
from typing import Any, Callable

from reader.core.document import Annotations, Document, annotations_from_dict, annotations_to_dict
from reader.core.text import Cancelled

# Entities, quotes or dates a message: unpickling one holds the caller's GIL (2 000 of a 5 MB
# article's entities, with their mentions, took ~13 ms).
_PIECE = 500
_PROGRESS_EVERY = 0.05  # seconds between progress messages
# How much lower the analysis process's CPU priority is than the window's (a nice increment).
# When the CPUs are busy, the window's GUI thread waited 50-80 ms at a time for one while the
# analysis of a 5 MB article ran, so the analysis yields to it. Only a little: at +10 the
# analysis got a tenth of the CPU share of any other busy process (the CLI at 0 and the usual
# `nice -n 5` jobs) and took 3-4 times as long as `khana annotate` on a loaded machine; at +1
# the window still comes first (weight 1024 against 820) and the analysis keeps most of its share.
WINDOW_FIRST_NICE = 1


class AnalysisError(RuntimeError):
    """The analysis process failed; the message is one line."""


class AnalysisWorker:
    """One analysis process, started on first use; thread-safe, one request at a time.

    ``nice`` lowers the process's CPU priority by that much, so the caller's threads come first.
    """

    def __init__(self, nice: int = WINDOW_FIRST_NICE) -> None:
        self._nice = nice
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def _ensure(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            self._process = context.Process(target=serve, args=(child, self._nice), daemon=True,
                                            name="khana-analysis")
            self._process.start()
            child.close()
            self._conn = parent
        assert self._conn is not None
        return self._conn

    def warm_up(self) -> None:
        """Start the process and load hazm and the model in it (seconds)."""
        with self._lock:
            conn = self._ensure()
            conn.send(("warm",))
            self._wait(conn, lambda message: None, lambda: False)

    def analyse(
        self,
        document: Document,
        article_date: dt.date | None,
        progress: Callable[[int, int], None],
        cancel: Callable[[], bool],
    ) -> Annotations:
        """``pipeline.analyse`` of ``document``, run in the worker process."""
        with self._lock:
            conn = self._ensure()
            conn.send((
                "analyse",
                document.text,
                document.title,
                document.article_date.isoformat() if document.article_date else None,
                article_date.isoformat() if article_date else None,
                tuple(document.warnings),
            ))
            parts: dict[str, list[Any]] = {"entities": [], "quotes": [], "dates": []}
            header: dict[str, Any] = {}

            def on_message(message: tuple[Any, ...]) -> None:
                if message[0] == "progress":
                    progress(message[1], message[2])
                elif message[0] == "part":
                    parts[message[1]].extend(message[2])
                elif message[0] == "done":
                    header.update(message[1])

            self._wait(conn, on_message, cancel)
        data = {**header, "text": document.text, **parts}
        warnings = tuple(data.pop("warnings", ()))
        return annotations_from_dict(data).with_changes(warnings=warnings)

    def _wait(self, conn: Connection, on_message: Callable[[tuple[Any, ...]], None], cancel: Callable[[], bool]) -> None:
        asked_to_cancel = False
        while True:
            if not asked_to_cancel and cancel():
                conn.send(("cancel",))
                asked_to_cancel = True
            try:
                if not conn.poll(0.05):
                    if not self._process.is_alive():
                        raise EOFError
                    continue
                message = conn.recv()
            except (EOFError, OSError):
                # The next request starts a fresh process.
                self._process = None
                raise AnalysisError("the analysis process stopped unexpectedly") from None
            kind = message[0]
            if kind in ("ready", "finished"):
                return
            if kind == "cancelled":
                raise Cancelled()
            if kind == "error":
                raise AnalysisError(message[1])
            on_message(message)

    def close(self) -> None:
        """Ask the process to end, and end it if it does not."""
        with self._lock:
            if self._process is None:
                return
            try:
                if self._conn is not None:
                    self._conn.send(("quit",))
                self._process.join(timeout=2)
            except OSError:
                pass
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(timeout=2)
            if self._conn is not None:
                self._conn.close()
            self._process = self._conn = None


def serve(conn: Connection, nice: int = 0) -> None:
    """The worker process: answer requests until told to quit or the parent goes away."""
    if nice:
        try:
            os.nice(nice)
        except (AttributeError, OSError):  # no os.nice on Windows; a refused change is no error
            pass
    from reader.core import pipeline

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if not _answer(conn, pipeline, request):
                return
        except ConnectionError:
            return  # the window went away mid-answer (closed while warming up): nobody to tell


def _answer(conn: Connection, pipeline: Any, request: tuple[Any, ...]) -> bool:
    """Answer one request; False for "quit". A broken connection raises ConnectionError."""
    kind = request[0]
    try:
        if kind == "quit":
            return False
        if kind == "warm":
            pipeline.warm_up()
            conn.send(("ready",))
        elif kind == "analyse":
            _analyse(conn, pipeline, *request[1:])
        # A "cancel" that arrives after its analysis ended is simply dropped.
    except Cancelled:
        conn.send(("cancelled",))
    except ConnectionError:
        raise
    except Exception as exc:  # noqa: BLE001 - the parent turns this into one line for the user
        conn.send(("error", " ".join(f"{type(exc).__name__}: {exc}".split())))
    return True


def _analyse(conn: Connection, pipeline: Any, text: str, title: str | None, page_date: str | None,
             article_date: str | None, warnings: tuple[str, ...]) -> None:
    document = Document(
        text=text,
        title=title,
        article_date=dt.date.fromisoformat(page_date) if page_date else None,
        warnings=warnings,
    )
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= _PROGRESS_EVERY or done >= total:
            last[0] = now
            conn.send(("progress", done, total))

    cancelled = [False]

    def cancel() -> bool:
        while not cancelled[0] and conn.poll():
            if conn.recv()[0] == "cancel":
                cancelled[0] = True
        return cancelled[0]

    ann = pipeline.analyse(
        document, dt.date.fromisoformat(article_date) if article_date else None, progress=progress, cancel=cancel
    )
    data = annotations_to_dict(ann)
    for key in ("entities", "quotes", "dates"):
        items = data[key]
        for first in range(0, len(items), _PIECE):
            conn.send(("part", key, items[first : first + _PIECE]))
    conn.send(("done", {
        "format": data["format"], "version": data["version"], "title": data["title"],
        "article_date": data["article_date"], "warnings": list(ann.warnings),
    }))
    conn.send(("finished",))
