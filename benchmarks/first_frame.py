"""Where the first readable frame's milliseconds go: ``run_gui``'s steps, timed one by one.

Each child process runs the steps ``reader.ui.launch.run_gui`` takes up to the moment the
article's first screen of text is painted (``text-shown``), noting ``time.perf_counter()`` after
each; the parent prints the median and minimum of every step over the runs, with a bare
PySide6 window's first paint (``bare_qt.py``, timed the same way) alternating with them. Times
are milliseconds since the child's first statement: the interpreter's own start-up before it
(~25 ms) is the same for both. The child also says which costly things happened before the
text was shown: PySide6 building its ``Qt`` namespace enums, importing the data model.

  .venv/bin/python benchmarks/first_frame.py [--runs 9]
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402 - the clock starts first, as in reader.app (the rest is imported in main)

STEPS = ("import reader.app", "import PySide6 and reader.ui.launch", "prepare_application", "import main_window",
         "MainWindow", "read the file", "put the text in the view", "show", "paint the text")


def child(path: str) -> None:
    """The steps, as run_gui takes them; prints one ``step milliseconds`` line each, then what was built."""
    import gc
    import os

    marks = []
    import reader.app  # noqa: F401

    gc.disable()  # as reader.app's main does until the first frame
    marks.append(time.perf_counter())
    from reader.ui import launch

    marks.append(time.perf_counter())
    app, settings, language = launch.prepare_application(first_frame=True)
    marks.append(time.perf_counter())
    from reader.ui.main_window import MainWindow

    marks.append(time.perf_counter())
    window = MainWindow(settings, language=language, first_frame_only=True)
    marks.append(time.perf_counter())
    early = launch._load_early(window, path)
    assert early is not None
    marks.append(time.perf_counter())
    painted: list[float] = []
    window.view.documentPainted.connect(lambda: painted.append(time.perf_counter()))
    window.show_text_early(path, *early)
    marks.append(time.perf_counter())
    window.show()
    marks.append(time.perf_counter())
    while not painted:
        app.processEvents()
    marks.append(painted[0])
    from PySide6 import QtCore

    before = _STARTED
    for name, mark in zip(STEPS, marks):
        print(f"{name}\t{1000 * (mark - before):.2f}")
        before = mark
    print(f"total\t{1000 * (marks[-1] - _STARTED):.2f}")
    print(f"built before the text was shown: Qt namespace {'Qt' in vars(QtCore)}, "
          f"reader.core.document {'reader.core.document' in sys.modules}, json {'json' in sys.modules}")
    sys.stdout.flush()
    os._exit(0)  # nothing after the frame is measured


def main() -> int:
    import argparse
    import statistics
    from pathlib import Path

    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    from _common import PYTHON, SAMPLE, gui_env, load_average, run_child

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    print(f"load average before: {load_average()}")
    steps: dict[str, list[float]] = {}
    bare: list[float] = []
    built = ""
    for run in range(options.runs + 1):  # the first of each is a warm-up, not counted
        done = run_child([PYTHON, str(here / "bare_qt.py")], env=gui_env())
        paint = next(float(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("first-paint "))
        done = run_child([PYTHON, __file__, "--child", str(SAMPLE)], env=gui_env())
        if done.code != 0:
            raise SystemExit(f"the steps failed ({done.code}): {done.stderr.strip()[-2000:]}")
        if run == 0:
            continue
        bare.append(1000 * paint)
        for line in done.stdout.splitlines():
            if "\t" in line:
                name, value = line.split("\t")
                steps.setdefault(name, []).append(float(value))
            elif line.startswith("built"):
                built = line
    print(f"milliseconds since the process's first statement, median (min) of {options.runs} runs:")
    for name, values in steps.items():
        print(f"  {name:38s} {statistics.median(values):6.1f} ({min(values):.1f})")
    print(f"  {'a bare window, first paint':38s} {statistics.median(bare):6.1f} ({min(bare):.1f})")
    print(built)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    sys.exit(main())
