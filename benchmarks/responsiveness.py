"""The window stays responsive while a 5 MB article is opened, analysed and highlighted.

Starts the real main window (offscreen unless DISPLAY is set), opens the big file and, until the
window says ``ready`` (analysed, highlighted and painted), records the gaps between the ticks of
a 10 ms ``QTimer``. A gap longer than the interval is time the event loop could not run: a stall.
Target: no gap over 100 ms. Prints the longest gap, the 99th percentile and the ten worst with
the phase they fell in.

A watchdog thread samples the GUI thread's Python stack whenever the loop has not ticked for
50 ms, and its CPU and run-queue time throughout, so each of the worst stalls is printed with how
long the GUI thread ran, waited for a CPU or was blocked in it, and where it was (``--stacks``).
Where it was inside Qt: run under ``perf record -k CLOCK_MONOTONIC --call-graph dwarf`` with
``--gaps FILE`` and match the GUI thread's samples against the gaps' times. With ``--profile``
pyinstrument records the GUI thread and writes build/bench/responsiveness.html. ``--replay``
skips the minute of analysis (see its help).

With ``--against-cli`` the same run first times ``khana annotate`` on the same file (a child
process, JSON out, hazm and the model loaded as a fresh process loads them) and then prints the
window's open-to-ready time against it: target ≤ 1.3×, the longest stall ≤ 100 ms. With
``--rounds N`` (and ``--against-cli``) it does that N times, the CLI and the window (each in a
fresh process) alternating, and prints the ratio and the longest stall as min–median–max; the
CPU seconds of each side too, steadier than wall time on a shared machine.

``--case NAME`` opens one of issue #17's hostile inputs instead (a page of a million «&amp;» or
«&#1601;», «ب‌» × 500 000), built here under build/bench.

  .venv/bin/python benchmarks/responsiveness.py [--mb 5] [--against-cli [--rounds N]] [--stacks] [--profile]
      [--gaps FILE] [--replay JSON] [--case NAME]
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, big_text, load_average

INTERVAL_MS = 10
LIMIT_S = 0.100


class Watchdog(threading.Thread):
    """Samples the GUI thread's scheduler counters, and every thread's stack during stalls.

    Every 5 ms it reads the GUI thread's CPU time and run-queue wait (``/proc/.../schedstat``), so
    each stall splits into time the GUI thread ran, time it waited for a CPU (the machine was busy)
    and time it was blocked (mostly waiting for the GIL). Whenever the loop has not ticked for
    50 ms it also samples every thread's Python stack (Python frames only): the GUI thread at
    ``main`` is inside Qt's C++ or waiting for the GIL, and a worker thread's sample, taken as
    soon as the GIL comes back, then points at the long call that held it.
    """

    def __init__(self, main_id: int, main_native_id: int) -> None:
        super().__init__(daemon=True)
        self.main_id = main_id
        self.last_tick = time.perf_counter()
        self.samples: Counter[str] = Counter()
        self.timed: list[tuple[float, str]] = []  # (time, stack) of every sample taken in a stall
        self.sched: list[tuple[float, int, int]] = []  # (time, GUI cpu ns, GUI run-queue wait ns)
        self.stop = threading.Event()
        self._schedstat = Path(f"/proc/self/task/{main_native_id}/schedstat")

    def _read_sched(self) -> None:
        try:
            cpu, wait = self._schedstat.read_text().split()[:2]
        except (OSError, ValueError):
            return
        self.sched.append((time.perf_counter(), int(cpu), int(wait)))

    def run(self) -> None:
        while not self.stop.wait(0.005):
            self._read_sched()
            now = time.perf_counter()
            if now - self.last_tick > 0.050:
                me = threading.get_ident()
                for ident, frame in sys._current_frames().items():
                    if ident == me:
                        continue
                    stack = traceback.extract_stack(frame)[-6:]
                    where = "GUI" if ident == self.main_id else "worker"
                    key = f"[{where}] " + " <- ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)
                    )
                    self.samples[key] += 1
                    self.timed.append((now, key))

    def split(self, start: float, end: float) -> tuple[float, float, float]:
        """The GUI thread's CPU time and run-queue wait between two moments, and the time the
        readings span (seconds): the last reading before ``start`` to the first after ``end``
        (the watchdog waits for a CPU and the GIL too, so the span can exceed the gap)."""
        times = [s[0] for s in self.sched]
        first = max(0, bisect.bisect_right(times, start) - 1)
        last = min(len(times) - 1, bisect.bisect_left(times, end))
        if last <= first:
            return 0.0, 0.0, 0.0
        a, b = self.sched[first], self.sched[last]
        return (b[1] - a[1]) / 1e9, (b[2] - a[2]) / 1e9, b[0] - a[0]

    def stacks(self, start: float, end: float) -> Counter[str]:
        return Counter(key for t, key in self.timed if start <= t <= end + 0.005)


REPLAY_VAR = "KHANA_BENCH_REPLAY"


def replay_serve(conn, nice: int = 0) -> None:  # type: ignore[no-untyped-def]
    """The analysis process of ``--replay``: the real one, but analysing returns the saved result.

    A short pause with progress stands in for the analysis, so the result arrives after the
    text is shown and laid out, as it does for real.
    """
    from reader.core import pipeline
    from reader.core.document import annotations_from_json
    from reader.core.worker import serve

    saved = annotations_from_json(Path(os.environ[REPLAY_VAR]).read_text(encoding="utf-8"))

    def analyse(document, article_date=None, progress=None, cancel=None, processes=1):  # type: ignore[no-untyped-def]
        if document.text != saved.text:
            raise ValueError("the replayed annotations are of another text")
        for step in range(40):
            time.sleep(0.25)
            if progress is not None:
                progress(step, 40)
            if cancel is not None and cancel():
                raise pipeline.Cancelled()
        return saved

    pipeline.analyse = analyse  # type: ignore[assignment]
    serve(conn, nice)


# Inputs that froze the window where the CLI did not (issue #17 item 12): name -> (file name, content).
HOSTILE = {
    "amp": ("amp-1m.html", lambda: "<html><body><p>" + "&amp;" * 1_000_000 + "</p></body></html>"),
    "arabic-ref": ("fa-ref-1m.html", lambda: "<html><body><p>" + "&#1601;" * 1_000_000 + "</p></body></html>"),
    "be-zwnj": ("be-zwnj-500k.txt", lambda: "ب\u200c" * 500_000),
}


def hostile_input(name: str) -> Path:
    """The hostile input ``name`` of ``HOSTILE``, written under build/bench (built here, not a fixture)."""
    file_name, build = HOSTILE[name]
    path = WORK / file_name
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        path.write_text(build(), encoding="utf-8")
    return path


def time_cli(big: Path) -> float:
    """Wall seconds of ``khana annotate BIG --format json`` in a fresh process."""
    import subprocess

    out = WORK / "responsiveness-cli.json"
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", "annotate", str(big), "--format", "json", "-o", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def rounds(options: argparse.Namespace, big: Path) -> int:
    """``--rounds``: the CLI and the window alternating, each in a fresh process; min–median–max."""
    import re
    import resource
    import subprocess

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    ratios, stalls, cpu_ratios = [], [], []
    command = [sys.executable, __file__, "--timeout", str(options.timeout)]
    command += ["--case", options.case] if options.case else ["--mb", str(options.mb)]
    for number in range(1, options.rounds + 1):
        before = cpu()
        cli = time_cli(big)
        cli_cpu = cpu() - before
        before = cpu()
        out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
        window_cpu = cpu() - before
        ready = re.search(r"open to ready ([0-9.]+) s", out)
        stall = re.search(r"max stall ([0-9]+) ms", out)
        if ready is None or stall is None:
            print(f"round {number}: the window did not become ready\n{out}")
            return 1
        ratios.append(float(ready.group(1)) / cli)
        stalls.append(float(stall.group(1)))
        cpu_ratios.append(window_cpu / cli_cpu)
        print(f"round {number}: khana annotate {cli:.1f} s (CPU {cli_cpu:.1f} s); window open→ready "
              f"{ready.group(1)} s (CPU of its processes {window_cpu:.1f} s, start-up included): "
              f"{ratios[-1]:.2f}×; longest stall {stall.group(1)} ms; load average {load_average()}", flush=True)
        phases = re.search(r"phases \(s\): (.*)", out)
        if phases:
            print(f"    window phases (s): {phases.group(1)}", flush=True)

    def spread(values: list[float], fmt: str) -> str:
        return f"{fmt.format(min(values))}–{fmt.format(statistics.median(values))}–{fmt.format(max(values))}"

    print(f"window/CLI wall (min–median–max of {len(ratios)}): {spread(ratios, '{:.2f}')}×: target ≤ 1.3×  "
          f"{'OK' if statistics.median(ratios) <= 1.3 else 'MISSED'}")
    print(f"window/CLI CPU: {spread(cpu_ratios, '{:.2f}')}×")
    print(f"longest stall (ms): {spread(stalls, '{:.0f}')}: target ≤ 100 ms  "
          f"{'OK' if max(stalls) <= LIMIT_S * 1000 else 'MISSED'}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=5)
    parser.add_argument("--stacks", action="store_true", help="print where the GUI thread was during stalls")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the GUI thread")
    parser.add_argument("--timeout", type=float, default=1200)
    parser.add_argument("--replay", type=Path, help="the big input's annotations (`khana annotate --format "
                        "json -o FILE build/bench/big-5mb.txt`): the analysis process returns them instead of "
                        "analysing, to measure the hand-over and the highlighting in a minute")
    parser.add_argument("--gaps", type=Path, help="write the worst gaps (CLOCK_MONOTONIC seconds) as JSON, "
                        "to match against `perf record -k CLOCK_MONOTONIC` samples of the GUI thread")
    parser.add_argument("--against-cli", action="store_true", help="time `khana annotate` on the same file "
                        "first, in the same run, and compare the window's open-to-ready time with it")
    parser.add_argument("--case", choices=sorted(HOSTILE), help="open this hostile input instead of the "
                        "5 MB article: %(choices)s")
    parser.add_argument("--rounds", type=int, help="with --against-cli: this many rounds, the "
                        "CLI and the window alternating in fresh processes")
    options = parser.parse_args()
    big = hostile_input(options.case) if options.case else big_text(options.mb * 1_000_000)
    if options.against_cli and options.rounds:
        return rounds(options, big)
    cli_seconds = None
    if options.against_cli:
        cli_seconds = time_cli(big)
        print(f"khana annotate: {cli_seconds:.1f} s (load average {load_average()})", flush=True)

    # A throw-away profile: no settings, recent files or recovery copies of the user's are touched.
    home = tempfile.mkdtemp(prefix="khana-bench-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[var] = os.path.join(home, var.lower())
    os.environ.setdefault("KHANA_CACHE_DIR", str(WORK / "user-cache"))
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import Qt, QTimer

    from reader.ui.launch import prepare_application

    from reader.core import pipeline
    from reader.core.ner.tagger import default_model_path

    if options.replay:
        from reader.core import worker

        os.environ[REPLAY_VAR] = str(options.replay.resolve())
        worker.serve = replay_serve  # type: ignore[assignment]  # spawned by reference: runs in the child
    elif not default_model_path().is_file():
        # Only while the model is being trained: the tagging cost is then missing from the figures.
        class _AllOutside:
            def tag(self, sentences):  # type: ignore[no-untyped-def]
                return [["O"] * len(s) for s in sentences]

        pipeline._tagger = _AllOutside()
        print("NOTE: no NER model yet; a stand-in tagger tags every token O (tagging time not measured)")

    app, settings, language = prepare_application([sys.argv[0]])
    from reader.ui.main_window import MainWindow  # after the QApplication: reader.ui.find needs one at import

    window = MainWindow(settings, language=language)
    phase = {"name": "start-up"}
    window.documentShown.connect(lambda: phase.update(name="analysing"))
    # ticks are labelled: loading (file read, text shown), analysing, highlighting, painting
    window.show()

    ticks: list[tuple[float, str]] = []
    watchdog = Watchdog(threading.get_ident(), threading.get_native_id())
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(INTERVAL_MS)

    from reader.ui.status import Phase

    def on_tick() -> None:
        if outcome["ready"]:
            return  # closing the window (waiting for a warm-up still under way) is not part of the run
        now = time.perf_counter()
        watchdog.last_tick = now
        ticks.append((now, phase["name"]))
        # A text with no letter or digit (a million «&») is not analysed: done once it is shown.
        if window.status.phase is Phase.EMPTY and not window.view.highlighting() and not outcome["ready"]:
            on_ready()

    timer.timeout.connect(on_tick)
    outcome = {"ready": False, "error": None}

    def on_ready() -> None:
        outcome["ready"] = True
        QTimer.singleShot(0, app.quit)

    def on_failed(message: str) -> None:
        outcome["error"] = message
        app.quit()

    window.ready.connect(on_ready)
    window.loadFailed.connect(on_failed)
    window.analysisFailed.connect(on_failed)
    if hasattr(window.view, "highlightingFinished"):
        window.view.highlightingFinished.connect(lambda: phase.update(name="painting"))
    show_annotations = window.view.set_annotations

    def set_annotations(*args, **kwargs):  # type: ignore[no-untyped-def]
        phase["name"] = "highlighting"  # the analysis is done; the view applies it from here
        return show_annotations(*args, **kwargs)

    window.view.set_annotations = set_annotations  # type: ignore[method-assign]

    profiler = None
    if options.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()

    def begin() -> None:
        phase["name"] = "loading"
        ticks.append((time.perf_counter(), "loading"))
        window.open_path(str(big))

    started = time.perf_counter()
    timer.start()
    watchdog.start()
    QTimer.singleShot(500, begin)  # let start-up (and the background warm-up) settle first
    QTimer.singleShot(int(options.timeout * 1000), app.quit)
    app.exec()
    watchdog.stop.set()
    timer.stop()
    elapsed = time.perf_counter() - started
    if profiler is not None:
        profiler.stop()
        out = WORK / "responsiveness.html"
        out.write_text(profiler.output_html(), encoding="utf-8")
        text_out = out.with_suffix(".txt")
        text_out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        print(f"profile of the GUI thread: {out} and {text_out}")
    window.runner.cancel_all()
    window.runner.wait()

    if not outcome["ready"]:
        print(f"the window did not become ready: {outcome['error'] or 'timed out'}")
        return 1
    loading_at = next(t for t, name in ticks if name == "loading")
    # A gap is labelled with the phase it started in, and the one it ended in when that differs.
    gaps = [
        (b[0] - a[0], a[1] if a[1] == b[1] else f"{a[1]}→{b[1]}", a[0])
        for a, b in zip(ticks, ticks[1:])
        if a[0] >= loading_at
    ]
    values = sorted(g for g, _, _ in gaps)
    p99 = values[min(len(values) - 1, int(0.99 * len(values)))]
    worst = sorted(gaps, reverse=True)[:10]
    print(f"input {big.stat().st_size / 1e6:.1f} MB; open to ready {ticks[-1][0] - loading_at:.1f} s "
          f"(run {elapsed:.1f} s); {len(gaps)} ticks; load average {load_average()}")
    print(f"timer gaps (ms): max {values[-1] * 1000:.0f}  p99 {p99 * 1000:.0f}  median "
          f"{statistics.median(values) * 1000:.1f}  over 100 ms: {sum(v > LIMIT_S for v in values)}")
    firsts: dict[str, float] = {}
    for t, name in ticks:
        firsts.setdefault(name, t)
    order = [name for name in ("loading", "analysing", "highlighting", "painting") if name in firsts]
    ends = [firsts[name] for name in order[1:]] + [ticks[-1][0]]
    print("phases (s): " + ", ".join(f"{name} {end - firsts[name]:.1f}" for name, end in zip(order, ends)))
    print("worst gaps: " + ", ".join(f"{g * 1000:.0f} ms ({name})" for g, name, _ in worst))
    if options.gaps:
        options.gaps.write_text(json.dumps({
            "pid": os.getpid(),
            "gaps": [{"start": start, "end": start + gap, "phase": name} for gap, name, start in worst],
        }), encoding="utf-8")
    print(f"max stall {values[-1] * 1000:.0f} ms: target ≤ 100 ms  {'OK' if values[-1] <= LIMIT_S else 'MISSED'}")
    if cli_seconds is not None:
        ratio = (ticks[-1][0] - loading_at) / cli_seconds
        print(f"window open→ready / khana annotate: {ratio:.2f}×: target ≤ 1.3×  {'OK' if ratio <= 1.3 else 'MISSED'}")
    if options.stacks:
        print("\nthe worst gaps: GUI thread on a CPU / waiting for one / blocked (GIL), and the stacks in them:")
        for gap, name, start in worst[:6]:
            cpu, queued, span = watchdog.split(start, start + gap)
            blocked = max(0.0, span - cpu - queued)
            print(f"  {gap * 1000:4.0f} ms ({name}) at +{start - loading_at:.1f} s: in the {span * 1000:.0f} ms "
                  f"around it the GUI thread ran {cpu * 1000:.0f}, waited for a CPU {queued * 1000:.0f}, "
                  f"was blocked {blocked * 1000:.0f} ms")
            for stack, count in watchdog.stacks(start, start + gap).most_common(4):
                print(f"      {count * 5:4d} ms  {stack}")
    if options.stacks and watchdog.samples:
        print("\nthreads during all stalls together (5 ms samples, innermost first):")
        for stack, count in watchdog.samples.most_common(12):
            print(f"  {count * 5:6d} ms  {stack}")
    sys.stdout.flush()
    # The analysis process is joined, so its CPU time counts in this one's children (``--rounds``).
    from reader.ui.backend import analysis_worker

    analysis_worker().close()
    # PySide6 can crash tearing down a window with running timers at interpreter exit; the figures are out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
