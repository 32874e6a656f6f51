"""Start-up of the reader window against two baselines, in alternating rounds on this machine.

Method (the same for every child): the parent notes ``time.perf_counter()`` just before it spawns
the child; the child reports the absolute ``perf_counter()`` of the moment measured (khana: its
clock start plus the ``--timings`` figure). On Linux ``perf_counter`` is CLOCK_MONOTONIC, one clock
for all processes, so each figure is *seconds since the spawn*, interpreter start-up included.
The parent also times each child's whole life (spawn to exit) for reference.

  (a) khana first paint / a bare PySide6 QMainWindow's first paint   (target ≤ 2.0×)
  (b) khana ready (sample analysed and painted) / ``import hazm; hazm.Normalizer()``  (target ≤ 1.5×)

Rounds alternate bare Qt, hazm, khana so drifting load on a shared machine hits all three alike.
A first, uncounted round warms the file cache and khana's user cache (``build/bench/user-cache``,
kept across runs like a real user's; ``--cold-cache`` empties it before every khana run).

  .venv/bin/python benchmarks/startup.py [--rounds 7] [--cold-cache]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, SAMPLE, WORK, gui_env, load_average, ratio_stats, run_child, stats

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


def bare_qt() -> tuple[float, float]:
    child = run_child([PYTHON, str(HERE / "bare_qt.py")], env=gui_env())
    if child.code != 0:
        raise SystemExit(f"bare Qt baseline failed ({child.code}): {child.stderr.strip()}")
    return _values(child.stdout)["first-paint-at"] - child.spawned, child.wall


def hazm() -> tuple[float, float]:
    child = run_child([PYTHON, str(HERE / "_hazm_child.py")], env=gui_env())
    if child.code != 0:
        raise SystemExit(f"hazm baseline failed ({child.code}): {child.stderr.strip()}")
    return _values(child.stdout)["ready-at"] - child.spawned, child.wall


def khana(cold_cache: bool) -> tuple[float, float, float, float]:
    """(first paint, ready) since spawn, the in-process ``ready`` from --timings, and the whole wall time."""
    env = gui_env()
    if cold_cache:
        shutil.rmtree(env["KHANA_CACHE_DIR"], ignore_errors=True)
    with tempfile.TemporaryDirectory() as folder:
        timings = Path(folder) / "timings"
        child = run_child(
            [PYTHON, str(HERE / "_khana_child.py"), "--exit-when-ready", "--timings", str(timings), str(SAMPLE)],
            env=env,
        )
        if child.code != 0 or not timings.exists():
            raise SystemExit(f"khana failed ({child.code}): {child.stderr.strip()[-2000:]}")
        values = _values(timings.read_text(encoding="utf-8"))
    started = _values(child.stdout)["started-at"]
    offset = started - child.spawned  # interpreter start-up and imports before reader.app's clock
    return offset + values["first-paint"], offset + values["ready"], values["ready"], child.wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold-cache", action="store_true", help="empty khana's user cache before each khana run")
    options = parser.parse_args()
    if sys.platform != "linux":
        print("note: perf_counter may not be one clock across processes here; figures may be off", file=sys.stderr)
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {load_average()}; platform: {gui_env().get('QT_QPA_PLATFORM', 'xcb (DISPLAY)')}")
    variants = ["khana"]
    bare_qt(), hazm()  # warm-up round, not counted
    khana(options.cold_cache)
    qt_paint, qt_wall, hz_ready, hz_wall = [], [], [], []
    results: dict[str, dict[str, list[float]]] = {
        name: {"paint": [], "ready": [], "inproc": [], "wall": []} for name in variants
    }
    for round_ in range(options.rounds):
        paint, wall = bare_qt()
        qt_paint.append(paint), qt_wall.append(wall)
        ready, wall = hazm()
        hz_ready.append(ready), hz_wall.append(wall)
        line = f"round {round_ + 1}: bare-Qt paint {qt_paint[-1]:.3f}  hazm {hz_ready[-1]:.3f}"
        for name in variants:
            first, ready, inproc, wall = khana(options.cold_cache)
            r = results[name]
            r["paint"].append(first), r["ready"].append(ready), r["inproc"].append(inproc), r["wall"].append(wall)
            line += f"  {name}: paint {first:.3f} ready {ready:.3f}"
        print(line, flush=True)
    print()
    print("seconds since spawn, median (min–max):")
    print(f"  bare Qt first paint      {stats(qt_paint)}   whole process {stats(qt_wall)}")
    print(f"  hazm Normalizer ready    {stats(hz_ready)}   whole process {stats(hz_wall)}")
    for name, r in results.items():
        print(f"  {name}: first paint {stats(r['paint'])}")
        print(f"  {name}: ready       {stats(r['ready'])}   (--timings alone: {stats(r['inproc'])})"
              f"   whole process {stats(r['wall'])}")
    for name, r in results.items():
        a, a_text = ratio_stats(r["paint"], qt_paint)
        b, b_text = ratio_stats(r["ready"], hz_ready)
        print(f"{name}: (a) first paint / bare Qt: {a_text}  target ≤ 2.0×  {'OK' if a <= 2.0 else 'MISSED'}")
        print(f"{name}: (b) ready / hazm start-up: {b_text}  target ≤ 1.5×  {'OK' if b <= 1.5 else 'MISSED'}")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
