"""The one task runner: long work (warm-up, loading, analysis, saving) off the GUI thread.

Work is a plain function ``fn(job)`` run on a ``QThreadPool``; it may call
``job.progress(done, total)`` and should pass ``job.cancelled`` to the core as its
cancel check. Results come back to the GUI thread through queued signals. Each
task has a *kind* ("load", "save", ...): submitting a new task of a kind cancels
the one before and bumps a generation token, so a stale result is dropped
instead of shown. Nothing is ever killed; a cancelled job just stops at its next
check. Functions run here never touch widgets.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QElapsedTimer, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

SHOW_PROGRESS_AFTER_MS = 500
# A job passes progress on at most this often. The core may report every paragraph; each report
# is a queued call the GUI thread runs, and while the worker holds the GIL each one may wait a
# switch interval for it: thousands of them queue up into a stall.
PROGRESS_INTERVAL_S = 0.05


class Job:
    """What a running function sees: progress reporting and the cancel check."""

    def __init__(self, token: int, emit_progress: Callable[[int, int, int], None]) -> None:
        self.token = token
        self._emit = emit_progress
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self._emit(self.token, int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Bridge(QObject):
    """Lives in the GUI thread; signals emitted from workers are queued to it."""

    done = Signal(int, object)
    error = Signal(int, object)
    progressed = Signal(int, int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._job, self._bridge = fn, job, bridge

    def run(self) -> None:
        try:
            result = self._fn(self._job)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI as a result
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._bridge.error.emit(self._job.token, exc)
        else:
            self._bridge.done.emit(self._job.token, result)


@dataclass
class _Task:
    kind: str
    label: str
    job: Job
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    clock: QElapsedTimer = field(default_factory=QElapsedTimer)
    done: int = 0
    total: int = 0


class TaskRunner(QObject):
    """Runs functions in a thread pool and hands results back in the GUI thread.

    Signals:
        busyChanged(bool): some task started (True) or none is left (False).
        progressShown(str, int, int): a task running longer than half a second;
            label, done, total (total 0 means "unknown") — show a progress bar.
        progressHidden(): no long task is left; hide the progress bar.
    """

    busyChanged = Signal(bool)
    progressShown = Signal(str, int, int)
    progressHidden = Signal()

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self.on_done)
        self._bridge.error.connect(self.on_error)
        self._bridge.progressed.connect(self.on_progressed)
        self._tasks: dict[int, _Task] = {}
        self._current: dict[str, int] = {}
        self._next_token = 1
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.on_tick)
        self._shown = False

    def submit(
        self,
        kind: str,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> int:
        """Start ``fn`` in the pool, superseding any running task of the same kind; returns its token."""
        self.cancel(kind)
        token = self._next_token
        self._next_token += 1
        job = Job(token, self._bridge.progressed.emit)
        task = _Task(kind, label, job, on_done, on_error)
        task.clock.start()
        self._tasks[token] = task
        self._current[kind] = token
        if len(self._tasks) == 1:
            self.busyChanged.emit(True)
        self._timer.start()
        self._pool.start(_Runnable(fn, job, self._bridge))
        return token

    def cancel(self, kind: str) -> None:
        """Ask the running task of ``kind`` to stop; its result, if any, is dropped."""
        token = self._current.pop(kind, None)
        if token is not None and token in self._tasks:
            self._tasks[token].job.cancel()

    def cancel_all(self) -> None:
        for kind in list(self._current):
            self.cancel(kind)

    def is_running(self, kind: str) -> bool:
        return kind in self._current

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (for shutdown and tests); True when it is."""
        return self._pool.waitForDone(msecs)

    def _finish(self, token: int) -> _Task | None:
        task = self._tasks.pop(token, None)
        if task is None:
            return None
        current = self._current.get(task.kind) == token
        if current:
            del self._current[task.kind]
        if not self._tasks:
            self._timer.stop()
            if self._shown:
                self._shown = False
                self.progressHidden.emit()
            self.busyChanged.emit(False)
        return task if current else None

    @Slot(int, object)
    def on_done(self, token: int, result: object) -> None:
        task = self._finish(token)
        if task is not None and task.on_done is not None:
            task.on_done(result)

    @Slot(int, object)
    def on_error(self, token: int, error: object) -> None:
        task = self._finish(token)
        if task is None:
            return
        if task.on_error is not None and isinstance(error, BaseException):
            task.on_error(error)
        else:
            print(getattr(error, "__traceback_text__", repr(error)))

    @Slot(int, int, int)
    def on_progressed(self, token: int, done: int, total: int) -> None:
        task = self._tasks.get(token)
        if task is not None:
            task.done, task.total = done, total

    @Slot()
    def on_tick(self) -> None:
        visible = [t for t in self._tasks.values() if t.label and t.clock.elapsed() >= SHOW_PROGRESS_AFTER_MS and not t.job.cancelled()]
        if visible:
            task = visible[-1]
            self._shown = True
            self.progressShown.emit(task.label, task.done, task.total)
        elif self._shown:
            self._shown = False
            self.progressHidden.emit()

    def visible_kinds(self) -> list[str]:
        """Kinds whose progress is on screen (what Cancel stops)."""
        return [t.kind for t in self._tasks.values() if t.label and not t.job.cancelled()]
