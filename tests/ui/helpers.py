"""Shared fakes for the reading-window tests: a core backend that needs no NLP model."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Callable

from reader.core.document import Annotations, Document
from reader.core.messages import message
from reader.core.resources import resource_path
from reader.core.text import Cancelled
from reader.ui.backend import CoreBackend
from sample_data import TEXT, sample_annotations

SAMPLE_PATH = resource_path("samples", "mehr-korea-russia.txt")


class FakeLoadError(Exception):
    """What the fake loader raises for a file whose name contains 'bad': a catalogue message."""

    def __init__(self, name: str) -> None:
        self.message = message("binary", name=name)
        super().__init__(str(self.message))


class FakeBackend(CoreBackend):
    """The real loader, saving and recovery; analysis returns hand-made annotations at once.

    ``gate`` (a threading.Event) holds analysis until set, for tests of cancel and progress.
    """

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.analysed: list[str] = []

    def warm_up(self) -> None:
        return None

    def load_document(self, path: str) -> Document:
        if "bad" in Path(path).name:
            raise FakeLoadError(Path(path).name)
        return super().load_document(path)

    def is_load_error(self, error: BaseException) -> bool:
        return isinstance(error, FakeLoadError)

    def analyse(self, document: Document, article_date: dt.date | None,
                progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Annotations:
        self.analysed.append(document.text[:20])
        if self.gate is not None:
            while not self.gate.wait(0.01):
                progress(1, 10)
                if cancel():
                    raise Cancelled()
        if document.text == TEXT:
            return sample_annotations()
        return Annotations(text=document.text, title=document.title)

    def resolve_dates(self, ann: Annotations, article_date: dt.date | None) -> Annotations:
        return ann.with_changes(article_date=article_date)
