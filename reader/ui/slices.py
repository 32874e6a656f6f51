"""Long GUI-thread work (highlighting, filling lists, grouping dates) run a few milliseconds at a time.

Every piece of such work is a ``Task`` of the application's one ``Scheduler``: one zero-interval
timer whose slice has a single time budget shared by all tasks, taken in turn. Each piece of work
having its own timer and budget let them add up: while a 5 MB article was highlighted and the
people, quotes, entities and timeline filled, one pass of the event loop ran five 8 ms slices
back to back. A slice whose own work overruns its budget (a step longer than planned) shrinks the next
one; the budget grows back while slices keep to it. Time spent waiting for a CPU on a busy
machine does not count: doing less per slice there only made the work take longer.
"""

from __future__ import annotations

import time
from typing import Callable, Iterator

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

# What one pass of the event loop gives to all background work together.
BUDGET_MS = 8.0
# The least a slice is given after overruns, so the work still moves on a busy machine.
MIN_BUDGET_MS = 2.0


class Task:
    """One piece of sliced work: ``step(deadline)`` works until ``time.perf_counter()`` passes
    ``deadline`` and returns True when nothing is left."""

    def __init__(self, step: Callable[[float], bool], done: Callable[[], None] | None = None) -> None:
        self.step = step
        self.done = done

    def start(self) -> None:
        scheduler().add(self)

    def stop(self) -> None:
        scheduler().remove(self)

    def active(self) -> bool:
        return scheduler().has(self)


class Scheduler(QObject):
    """Runs the active tasks in turn, one shared budget a pass of the event loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._turn = 0
        self.budget_ms = BUDGET_MS
        self.longest_slice_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timeout)

    def add(self, task: Task) -> None:
        if task not in self._tasks:
            self._tasks.append(task)
        self._timer.start()

    def remove(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if not self._tasks:
            self._timer.stop()

    def has(self, task: Task) -> bool:
        return task in self._tasks

    @Slot()
    def on_timeout(self) -> None:
        began = time.perf_counter()
        began_cpu = time.thread_time()
        deadline = began + self.budget_ms / 1000
        # Every task gets a turn (the one after last slice's first, so none waits behind a long
        # one) until the budget is spent.
        tasks = list(self._tasks)
        first = self._turn % max(1, len(tasks))
        self._turn += 1
        for task in tasks[first:] + tasks[:first]:
            if task not in self._tasks:
                continue  # stopped by an earlier task of this slice
            if task.step(deadline):
                self.remove(task)
                if task.done is not None:
                    task.done()
            if time.perf_counter() >= deadline:
                break
        spent = (time.perf_counter() - began) * 1000
        self.longest_slice_ms = max(self.longest_slice_ms, spent)
        # Only the GUI thread's own time shrinks the budget. A slice stretched by waiting for a
        # CPU (a machine busy with other work) is no shorter for doing less: shrinking it there
        # left 2 ms of work to each pass of the event loop, and highlighting a 5 MB article took
        # a minute at a load of 13.
        worked = (time.thread_time() - began_cpu) * 1000
        if min(spent, worked) > self.budget_ms * 1.25:
            self.budget_ms = max(MIN_BUDGET_MS, self.budget_ms - (min(spent, worked) - self.budget_ms))
        else:
            self.budget_ms = min(BUDGET_MS, self.budget_ms + 0.5)


_scheduler: Scheduler | None = None


def scheduler() -> Scheduler:
    """The application's scheduler, made on first use (a child of the QApplication)."""
    global _scheduler
    if _scheduler is None or not shiboken6.isValid(_scheduler):
        _scheduler = Scheduler(QCoreApplication.instance())
    return _scheduler


def _forget(task: Task) -> None:
    """Drop ``task`` from the scheduler, if there still is one (not at the application's exit)."""
    if _scheduler is not None and shiboken6.isValid(_scheduler):
        _scheduler.remove(task)


class Slicer(QObject):
    """Runs the steps of a generator as a ``Task``: as many steps a slice as its budget allows.

    Signals:
        finished(): the last step ran.
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[None] = iter(())
        task = self._task = Task(self._step, self.finished.emit)
        # A panel closed mid-fill must not leave its steps to a scheduler that outlives it.
        self.destroyed.connect(lambda: _forget(task))

    def start(self, steps: Iterator[None], at_once: bool) -> None:
        """Run ``steps`` (a generator yielding after each row or so); all now when ``at_once``."""
        self._task.stop()
        self._steps = steps
        if at_once:
            for _ in steps:
                pass
            self.finished.emit()
        else:
            self._task.start()

    def stop(self) -> None:
        self._task.stop()
        self._steps = iter(())

    def busy(self) -> bool:
        return self._task.active()

    def _step(self, deadline: float) -> bool:
        # Each step runs as the generator is advanced; stop at the first one past the deadline.
        return all(time.perf_counter() < deadline for _ in self._steps)
