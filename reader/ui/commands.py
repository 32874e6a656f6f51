"""Undoable corrections: each holds the annotations before and after one edit."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.document import Annotations


class AnnotationsCommand(QUndoCommand):
    """One correction; undo puts back exactly the ``before`` annotations, redo the ``after``."""

    def __init__(self, text: str, before: Annotations, after: Annotations, apply: Callable[[Annotations], None]) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
