"""GUI-thread work in slices: one scheduler runs every task to the end, and a stopped one no more."""

from __future__ import annotations

import itertools

from reader.ui.slices import Slicer


def _steps(out: list[int], name: int, count: int):  # type: ignore[no-untyped-def]
    for _ in range(count):
        out.append(name)
        yield


def test_two_slicers_both_finish_and_take_turns(qtbot, monkeypatch):
    from reader.ui import slices

    # Each step takes a millisecond of a clock moved by hand: on a fast idle machine a whole
    # generator of cheap real steps fit in one 8 ms slice, and the test said nothing of turns.
    clock = _Clock()
    monkeypatch.setattr(slices, "time", clock)
    out: list[int] = []

    def steps(name: int, count: int):  # type: ignore[no-untyped-def]
        for _ in range(count):
            out.append(name)
            clock.wall += 0.001
            clock.cpu += 0.001
            yield

    first, second = Slicer(), Slicer()
    with qtbot.waitSignals([first.finished, second.finished], timeout=10000):
        first.start(steps(1, 200), at_once=False)
        second.start(steps(2, 200), at_once=False)
    assert out.count(1) == out.count(2) == 200
    last = {name: len(out) - 1 - out[::-1].index(name) for name in (1, 2)}
    assert max(out.index(1), out.index(2)) < min(last.values())  # each began before the other ended
    # Turns: neither ran more than one budget's worth of steps in a row.
    longest = max(len(list(run)) for _, run in itertools.groupby(out))
    assert longest <= slices.BUDGET_MS + 1


def test_a_stopped_slicer_runs_no_more_steps(qtbot):
    out: list[int] = []
    stopped, other = Slicer(), Slicer()
    stopped.start(_steps(out, 1, 10), at_once=False)
    stopped.stop()
    with qtbot.waitSignal(other.finished, timeout=10000):
        other.start(_steps(out, 2, 10), at_once=False)
    assert out == [2] * 10 and not stopped.busy()


class _Clock:
    """Stands in for ``time`` in reader.ui.slices: wall and thread clocks moved by hand."""

    def __init__(self) -> None:
        self.wall = 100.0
        self.cpu = 10.0

    def perf_counter(self) -> float:
        return self.wall

    def thread_time(self) -> float:
        return self.cpu


def test_waiting_for_a_cpu_does_not_shrink_the_slices_only_long_work_does(monkeypatch, qapp):
    from reader.ui import slices

    clock = _Clock()
    monkeypatch.setattr(slices, "time", clock)
    scheduler = slices.Scheduler()

    def preempted(deadline: float) -> bool:
        clock.wall += 0.030  # 30 ms went by, of which the thread ran 4
        clock.cpu += 0.004
        return False

    scheduler.add(slices.Task(preempted))
    scheduler.on_timeout()
    assert scheduler.budget_ms == slices.BUDGET_MS
    scheduler.remove(scheduler._tasks[0])

    def long_step(deadline: float) -> bool:
        clock.wall += 0.030
        clock.cpu += 0.030  # the step itself ran 30 ms
        return False

    scheduler.add(slices.Task(long_step))
    scheduler.on_timeout()
    assert scheduler.budget_ms == slices.MIN_BUDGET_MS
    scheduler.remove(scheduler._tasks[0])
