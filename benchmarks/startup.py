"""Start-up of the reader window against two baselines, in alternating rounds on this machine.

Method (the same for every child): the parent notes ``time.perf_counter()`` just before it spawns
the child; the child reports the absolute ``perf_counter()`` of the moment measured (khana: its
clock start plus the ``--timings`` figure). On Linux ``perf_counter`` is CLOCK_MONOTONIC, one clock
for all processes, so each figure is *seconds since the spawn*, interpreter start-up included.
The parent also times each child's whole life (spawn to exit), and its CPU time (user + system,
the analysis process included once khana has waited for it), for reference on a loaded machine.

  (a) khana text shown / a bare PySide6 QMainWindow's first paint   (target ≤ 1.5×)
      text shown: the article's first screen of text painted (``text-shown`` in --timings);
      also by each process's CPU time up to that moment (``text-shown-cpu``, ``first-paint-cpu``)
  (b) khana ready (sample analysed and painted) / ``import hazm; hazm.Normalizer()``  (target ≤ 0.6×)

Rounds alternate bare Qt, hazm, khana so drifting load on a shared machine hits all three alike.
A first, uncounted round warms the file cache and khana's user cache (``build/bench/user-cache``,
kept across runs like a real user's; ``--cold-cache`` empties it before every khana run).

  .venv/bin/python benchmarks/startup.py [--rounds 7] [--cold-cache] [--compare OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, SAMPLE, WORK, gui_env, load_average, ratio_stats, run_child, stats

HERE = Path(__file__).resolve().parent


def _values(text: str) -> dict[str, float]:
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return out


def bare_qt() -> tuple[float, float, float]:
    """(first paint since spawn, whole wall time, the process's CPU time at its first paint)."""
    child = run_child([PYTHON, str(HERE / "bare_qt.py")], env=gui_env())
    if child.code != 0:
        raise SystemExit(f"bare Qt baseline failed ({child.code}): {child.stderr.strip()}")
    values = _values(child.stdout)
    return values["first-paint-at"] - child.spawned, child.wall, values["first-paint-cpu"]


def hazm() -> tuple[float, float, float]:
    """(ready since spawn, whole wall time, whole CPU time)."""
    child = run_child([PYTHON, str(HERE / "_hazm_child.py")], env=gui_env())
    if child.code != 0:
        raise SystemExit(f"hazm baseline failed ({child.code}): {child.stderr.strip()}")
    return _values(child.stdout)["ready-at"] - child.spawned, child.wall, child.cpu


@dataclass
class KhanaRun:
    """One ``khana --exit-when-ready`` run: its moments in seconds since the spawn, and its whole life."""

    paint: float
    text: float
    ready: float
    inproc: float  # ``ready`` as --timings wrote it (from reader.app's clock, not the spawn)
    wall: float
    cpu: float
    text_cpu: float  # the window process's CPU seconds when the text was shown


def khana(cold_cache: bool, checkout: Path | None = None) -> KhanaRun:
    """The moments of one run (first paint, text shown, ready) since spawn, and its whole wall and CPU time.

    ``checkout``: run the ``reader`` package of that other checkout (e.g. main, for a before/after).
    """
    env = gui_env()
    root, child_script = ROOT, HERE / "_khana_child.py"
    if checkout is not None:
        root, child_script = checkout, checkout / "benchmarks" / "_khana_child.py"
        env["PYTHONPATH"] = str(checkout)  # ahead of this environment's editable install
    if cold_cache:
        shutil.rmtree(env["KHANA_CACHE_DIR"], ignore_errors=True)
    with tempfile.TemporaryDirectory() as folder:
        timings = Path(folder) / "timings"
        child = run_child(
            [PYTHON, str(child_script), "--exit-when-ready", "--timings", str(timings), str(SAMPLE)],
            env=env, cwd=root,
        )
        if child.code != 0 or not timings.exists():
            raise SystemExit(f"khana failed ({child.code}): {child.stderr.strip()[-2000:]}")
        values = _values(timings.read_text(encoding="utf-8"))
    started = _values(child.stdout)["started-at"]
    offset = started - child.spawned  # interpreter start-up and imports before reader.app's clock
    return KhanaRun(offset + values["first-paint"], offset + values["text-shown"], offset + values["ready"],
                    values["ready"], child.wall, child.cpu, values["text-shown-cpu"])


@dataclass
class StartupResult:
    """Every round's figures, in round order, and the two ratios (median of each, and per-round range)."""

    qt_paint: list[float] = field(default_factory=list)
    qt_wall: list[float] = field(default_factory=list)
    qt_cpu: list[float] = field(default_factory=list)
    hz_ready: list[float] = field(default_factory=list)
    hz_wall: list[float] = field(default_factory=list)
    hz_cpu: list[float] = field(default_factory=list)
    runs: list[KhanaRun] = field(default_factory=list)
    other: list[KhanaRun] = field(default_factory=list)  # the checkout compared with, same rounds

    def series(self, name: str, runs: list[KhanaRun] | None = None) -> list[float]:
        return [getattr(run, name) for run in (self.runs if runs is None else runs)]

    def text_ratio(self) -> tuple[float, str]:
        return ratio_stats(self.series("text"), self.qt_paint)

    def text_cpu_ratio(self) -> tuple[float, str]:
        return ratio_stats(self.series("text_cpu"), self.qt_cpu)

    def ready_ratio(self) -> tuple[float, str]:
        return ratio_stats(self.series("ready"), self.hz_ready)


TEXT_TARGET = 1.5
READY_TARGET = 0.6


def measure(rounds: int, cold_cache: bool = False, log=print,  # type: ignore[no-untyped-def]
            compare: Path | None = None) -> StartupResult:
    """A warm-up round, then ``rounds`` alternating rounds of bare Qt, hazm and khana (and the
    ``compare`` checkout's khana, before or after this one's in turn)."""
    WORK.mkdir(parents=True, exist_ok=True)
    bare_qt(), hazm()  # warm-up round, not counted
    khana(cold_cache)
    if compare is not None:
        khana(cold_cache, compare)
    result = StartupResult()
    for round_ in range(rounds):
        paint, wall, cpu = bare_qt()
        result.qt_paint.append(paint), result.qt_wall.append(wall), result.qt_cpu.append(cpu)
        ready, wall, cpu = hazm()
        result.hz_ready.append(ready), result.hz_wall.append(wall), result.hz_cpu.append(cpu)
        if compare is not None and round_ % 2:
            result.other.append(khana(cold_cache, compare))  # in turn before and after this checkout's
        run = khana(cold_cache)
        result.runs.append(run)
        if compare is not None and not round_ % 2:
            result.other.append(khana(cold_cache, compare))
        log(f"round {round_ + 1} (load {load_average().split()[0]}): bare-Qt paint {paint:.3f}  hazm ready {ready:.3f}"
            f"  khana: paint {run.paint:.3f} text {run.text:.3f} ready {run.ready:.3f}"
            f"  (text/bare {run.text / paint:.2f}×, ready/hazm {run.ready / ready:.2f}×)"
            + (f"  compared: text {result.other[-1].text:.3f}" if compare is not None else ""))
    return result


def report(result: StartupResult, log=print) -> None:  # type: ignore[no-untyped-def]
    log("seconds since spawn, median (min–max):")
    log(f"  bare Qt first paint      {stats(result.qt_paint)}   whole process {stats(result.qt_wall)}"
        f"   CPU by the paint {stats(result.qt_cpu)}")
    log(f"  hazm Normalizer ready    {stats(result.hz_ready)}   whole process {stats(result.hz_wall)}"
        f"   CPU {stats(result.hz_cpu)}")
    log(f"  khana first paint        {stats(result.series('paint'))}")
    log(f"  khana text shown         {stats(result.series('text'))}   CPU by then {stats(result.series('text_cpu'))}")
    log(f"  khana ready              {stats(result.series('ready'))}   (--timings alone: "
        f"{stats(result.series('inproc'))})   whole process {stats(result.series('wall'))}"
        f"   CPU {stats(result.series('cpu'))}")
    a, a_text = result.text_ratio()
    b, b_text = result.ready_ratio()
    log(f"(a) text shown / bare Qt first paint: {a_text}  target ≤ {TEXT_TARGET}×  "
        f"{'OK' if a <= TEXT_TARGET else 'MISSED'}")
    _c, c_text = result.text_cpu_ratio()
    log(f"    (the same by CPU time, less hurt by other jobs: {c_text})")
    log(f"(b) ready / hazm start-up: {b_text}  target ≤ {READY_TARGET}×  {'OK' if b <= READY_TARGET else 'MISSED'}")
    _paint, paint_text = ratio_stats(result.series("paint"), result.qt_paint)
    log(f"    (first paint, text or not / bare Qt: {paint_text})")
    if result.other:
        _t, other_text = ratio_stats(result.series("text", result.other), result.qt_paint)
        _c, other_cpu = ratio_stats(result.series("text_cpu", result.other), result.qt_cpu)
        log(f"the compared checkout, same rounds: text shown {stats(result.series('text', result.other))}"
            f"   CPU by then {stats(result.series('text_cpu', result.other))}")
        log(f"    text shown / bare Qt first paint: {other_text}; by CPU time: {other_cpu}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold-cache", action="store_true", help="empty khana's user cache before each khana run")
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT",
                        help="also time the khana of this other checkout (e.g. main's) in the same rounds")
    options = parser.parse_args()
    if sys.platform != "linux":
        print("note: perf_counter may not be one clock across processes here; figures may be off", file=sys.stderr)
    print(f"load average before: {load_average()}; platform: {gui_env().get('QT_QPA_PLATFORM', 'xcb (DISPLAY)')}",
          flush=True)
    result = measure(options.rounds, options.cold_cache, log=lambda line: print(line, flush=True),
                     compare=options.compare)
    print()
    report(result)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
