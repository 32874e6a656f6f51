"""What the window asks of the core, behind one object so tests can swap in a fake.

Imports of the NLP stack happen inside the methods: the window must paint before
hazm and the tagger are loaded, and these methods run on the task runner's
threads, never in the GUI thread.
"""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the window's first frame does without these modules (reader.core.loading)
    import datetime as dt

    from reader.core.document import Annotations, Document


_worker_lock = threading.Lock()
_worker = None


def analysis_worker():  # type: ignore[no-untyped-def]
    """The application's one analysis process (reader.core.worker), created on first use."""
    global _worker
    with _worker_lock:
        if _worker is None:
            from reader.core.worker import AnalysisWorker

            _worker = AnalysisWorker()
        return _worker


class CoreBackend:
    """The real core: loading, analysis, date resolution, saving, export and recovery.

    hazm and the model live in a separate process (``analysis_worker``): analysing in a
    thread of this one let hazm's long C calls hold the interpreter lock and freeze the
    window for hundreds of milliseconds at a time.
    """

    def warm_up(self) -> None:
        analysis_worker().warm_up()

    def load_document(self, path: str) -> Document:
        from reader.core.loading import load_document

        return load_document(path)

    def load_plain_text(self, path: str) -> str | None:
        """``load_document(path).text`` for a plain-text article, without the Document (None for
        any other file): the window's first frame shows it."""
        from reader.core.loading import load_plain_text

        return load_plain_text(path)

    def is_load_error(self, error: BaseException) -> bool:
        from reader.core.loading import LoadError

        return isinstance(error, LoadError)

    def analyse(
        self,
        document: Document,
        article_date: dt.date | None,
        progress: Callable[[int, int], None],
        cancel: Callable[[], bool],
    ) -> Annotations:
        if document.annotations is not None:
            # An annotated copy is shown as saved: no hazm, no process needed.
            from reader.core import pipeline

            return pipeline.analyse(document, article_date, progress=progress, cancel=cancel)
        return analysis_worker().analyse(document, article_date, progress, cancel)

    def resolve_dates(self, ann: Annotations, article_date: dt.date | None) -> Annotations:
        from reader.core import pipeline

        return pipeline.resolve_dates(ann, article_date)

    def is_cancelled(self, error: BaseException) -> bool:
        from reader.core.text import Cancelled

        return isinstance(error, Cancelled)

    def default_copy_path(self, source: str) -> Path:
        from reader.core.storage import default_copy_path

        return default_copy_path(source)

    def save_copy(self, path: str, ann: Annotations) -> None:
        """Write the annotated copy to ``path``; an existing file there must itself be a Khana copy."""
        from reader.core.export.html import render_annotated_html
        from reader.core.storage import SaveError, atomic_write, is_khana_copy, one_line

        if os.path.lexists(path) and not is_khana_copy(path):
            raise SaveError(f"{one_line(path)} is not a Khana annotated copy, so it is not replaced; choose another name")
        atomic_write(path, render_annotated_html(ann))

    def export(self, base: str, ann: Annotations, fmt: str) -> list[str]:
        """Write the export files as ``base + suffix``; returns the paths written.

        What the format needs once per folder (brat's ``annotation.conf``) is written beside
        them only if the folder has none: a brat project's own configuration is kept.
        """
        from reader.core.export import export, folder_files
        from reader.core.storage import atomic_write

        written = []
        for suffix, content in export(ann, fmt).items():
            path = base + suffix
            atomic_write(path, content)
            written.append(path)
        for name, content in folder_files(fmt).items():
            path = os.path.join(os.path.dirname(base) or ".", name)
            if not os.path.exists(path):
                atomic_write(path, content)
                written.append(path)
        return written

    def recovery(self, folder: str):  # type: ignore[no-untyped-def]
        from reader.core.recovery import RecoveryStore

        return RecoveryStore(Path(folder))



class FullCollectionHold:
    """Holds off full garbage collections while a long article is analysed and shown.

    Analysing a 5 MB article keeps hundreds of thousands of objects alive at once; each full
    collection walks all of them while holding the GIL, which froze the window for 100–400 ms
    at a time, longer as the heap grew. Young generations are still collected meanwhile (the
    analysis makes almost no cyclic garbage: ~130 objects on a 5 MB article). When the article
    is on screen, what is alive then (the model, the annotations, the widgets showing them) is
    frozen, so later full collections skip it: it lives as long as the article anyway. A thread
    safe count, so two windows can hold at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._saved: tuple[int, int, int] | None = None

    def acquire(self) -> None:
        with self._lock:
            if self._count == 0:
                self._saved = gc.get_threshold()
                gc.set_threshold(self._saved[0], self._saved[1], 1_000_000)
            self._count += 1

    def release(self, freeze: bool) -> None:
        with self._lock:
            if self._count == 0:
                return
            self._count -= 1
            if self._count == 0 and self._saved is not None:
                if freeze:
                    gc.freeze()
                gc.set_threshold(*self._saved)

    def held(self) -> bool:
        return self._count > 0


full_collections = FullCollectionHold()


def find_recovery(store, path: str, document: Document) -> Annotations | None:  # type: ignore[no-untyped-def]
    """Unsaved corrections kept for this article's text (the window's loading job runs this).

    Recoveries nobody came back to for months go first (``RecoveryStore.prune``).
    """
    if store is None or document.annotations is not None:
        return None
    try:
        store.prune()
        return store.load(path, document.text)
    except Exception:  # noqa: BLE001 - a broken recovery never stops the article from opening
        return None
