"""The window stays responsive while a 5 MB article is opened, analysed and highlighted.

Starts the real main window (offscreen unless DISPLAY is set), opens the big file and, until the
window says ``ready`` (analysed, highlighted and painted), records the gaps between the ticks of
a 10 ms ``QTimer``. A gap longer than the interval is time the event loop could not run: a stall.
Target: no gap over 100 ms. Prints the longest gap, the 99th percentile and the ten worst with
the phase they fell in.

A watchdog thread samples the GUI thread's Python stack whenever the loop has not ticked for
50 ms, so each long stall is printed with where the GUI thread was (``--stacks``). With
``--profile`` pyinstrument records the GUI thread and writes build/bench/responsiveness.html.

  .venv/bin/python benchmarks/responsiveness.py [--mb 5] [--stacks] [--profile]
"""

from __future__ import annotations

import argparse
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

from _common import WORK, big_text, load_average  # noqa: E402

INTERVAL_MS = 10
LIMIT_S = 0.100


class Watchdog(threading.Thread):
    """Samples every thread's stack while the event loop is stalled (Python frames only).

    A stall with the GUI thread idle in the event loop means it waits for the GIL: the worker
    thread's sample, taken as soon as the GIL comes back, then points at the long C call
    (a regular expression over the whole text, say) that held it.
    """

    def __init__(self, main_id: int) -> None:
        super().__init__(daemon=True)
        self.main_id = main_id
        self.last_tick = time.perf_counter()
        self.samples: Counter[str] = Counter()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.005):
            if time.perf_counter() - self.last_tick > 0.050:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=5)
    parser.add_argument("--stacks", action="store_true", help="print where the GUI thread was during stalls")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the GUI thread")
    parser.add_argument("--timeout", type=float, default=1200)
    options = parser.parse_args()
    big = big_text(options.mb * 1_000_000)

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

    if not default_model_path().is_file():
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
    watchdog = Watchdog(threading.get_ident())
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(INTERVAL_MS)

    def on_tick() -> None:
        now = time.perf_counter()
        watchdog.last_tick = now
        ticks.append((now, phase["name"]))

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
        (b[0] - a[0], a[1] if a[1] == b[1] else f"{a[1]}→{b[1]}")
        for a, b in zip(ticks, ticks[1:])
        if a[0] >= loading_at
    ]
    values = sorted(g for g, _ in gaps)
    p99 = values[min(len(values) - 1, int(0.99 * len(values)))]
    worst = sorted(gaps, reverse=True)[:10]
    print(f"input {big.stat().st_size / 1e6:.1f} MB; open to ready {ticks[-1][0] - loading_at:.1f} s "
          f"(run {elapsed:.1f} s); {len(gaps)} ticks; load average {load_average()}")
    print(f"timer gaps (ms): max {values[-1] * 1000:.0f}  p99 {p99 * 1000:.0f}  median "
          f"{statistics.median(values) * 1000:.1f}  over 100 ms: {sum(v > LIMIT_S for v in values)}")
    print("worst gaps: " + ", ".join(f"{g * 1000:.0f} ms ({name})" for g, name in worst))
    print(f"max stall {values[-1] * 1000:.0f} ms: target ≤ 100 ms  {'OK' if values[-1] <= LIMIT_S else 'MISSED'}")
    if options.stacks and watchdog.samples:
        print("\nthreads during stalls (5 ms samples, innermost first):")
        for stack, count in watchdog.samples.most_common(12):
            print(f"  {count * 5:6d} ms  {stack}")
    sys.stdout.flush()
    # PySide6 can crash tearing down a window with running timers at interpreter exit; the figures are out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
