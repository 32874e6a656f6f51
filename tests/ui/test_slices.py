"""GUI-thread work in slices: one scheduler runs every task to the end, and a stopped one no more."""

from __future__ import annotations

from reader.ui.slices import Slicer


def _steps(out: list[int], name: int, count: int):  # type: ignore[no-untyped-def]
    for _ in range(count):
        out.append(name)
        yield


def test_two_slicers_both_finish_and_take_turns(qtbot):
    out: list[int] = []
    first, second = Slicer(), Slicer()
    with qtbot.waitSignals([first.finished, second.finished], timeout=10000):
        first.start(_steps(out, 1, 100_000), at_once=False)
        second.start(_steps(out, 2, 100_000), at_once=False)
    assert out.count(1) == out.count(2) == 100_000
    last = {name: len(out) - 1 - out[::-1].index(name) for name in (1, 2)}
    assert max(out.index(1), out.index(2)) < min(last.values())  # each began before the other ended


def test_a_stopped_slicer_runs_no_more_steps(qtbot):
    out: list[int] = []
    stopped, other = Slicer(), Slicer()
    stopped.start(_steps(out, 1, 10), at_once=False)
    stopped.stop()
    with qtbot.waitSignal(other.finished, timeout=10000):
        other.start(_steps(out, 2, 10), at_once=False)
    assert out == [2] * 10 and not stopped.busy()
