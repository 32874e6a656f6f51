"""CPU seconds of each stage of ``khana annotate`` on one file, in one process.

Each round runs ``khana annotate FILE -o /dev/null`` in a fresh child process with the split
over two processes turned off, and times every stage of ``pipeline.analyse`` (tokenize, ner,
dates, people, quotes) with ``time.process_time``; "other" is the rest of the process's CPU
time from its first statement (imports, reading, the export). ``--compare CHECKOUT`` runs
another checkout's code (by ``PYTHONPATH``) in alternate rounds, with its own user cache, so a
speed change is measured against the code before it in the same minutes.

  .venv/bin/python benchmarks/stages.py [FILE] [--rounds 3] [--compare CHECKOUT]

FILE defaults to the 5 MB benchmark text (``_common.big_text``); the speed-only check of
``benchmarks/README.md`` also uses the first 4,996,604 bytes of shared/'s Hamshahri text.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, WORK, big_text, gui_env, load_average

_CHILD = r"""
import json, sys, time
started = time.process_time()
from reader.core import parallel, pipeline
parallel._MIN_CHARS = float("inf")
times = {}

def timed(name, stage):
    def run(doc):
        before = time.process_time()
        stage(doc)
        times[name] = time.process_time() - before
    return run

pipeline.STAGES = tuple((name, timed(name, stage)) for name, stage in pipeline.STAGES)
sys.argv = ["khana", "annotate", sys.argv[1], "-o", "/dev/null"]
from reader.app import run
try:
    run()
except SystemExit:
    pass
times["other"] = time.process_time() - started - sum(times.values())
print(json.dumps(times))
"""


def measure(path: Path, checkout: Path | None, cache: Path) -> dict[str, float]:
    """One round: the stage times of a child running ``checkout``'s code (None: this one's)."""
    env = gui_env(KHANA_CACHE_DIR=str(cache))
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    result = subprocess.run(
        [PYTHON, "-c", _CHILD, str(path)], env=env, capture_output=True, text=True, check=False,
        cwd=checkout or Path.cwd(),
    )
    if result.returncode != 0:
        raise SystemExit(f"annotate failed: {result.stderr.strip()[-2000:]}")
    times: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    times["total"] = sum(times.values())
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout, timed in alternate rounds")
    options = parser.parse_args()
    path = (options.file or big_text()).resolve()
    sides: dict[str, tuple[Path | None, Path]] = {"this": (None, WORK / "user-cache")}
    if options.compare is not None:
        sides["compare"] = (options.compare.resolve(), WORK / "user-cache-compare")
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB; load average {load_average()}", flush=True)
    rounds: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for round_ in range(options.rounds):
        for name, (checkout, cache) in sides.items():
            times = measure(path, checkout, cache)
            rounds[name].append(times)
            print(f"round {round_ + 1} {name}: " + "  ".join(f"{k} {v:.2f}" for k, v in times.items()), flush=True)
    print(f"CPU seconds, min–median–max of {options.rounds} rounds (load average after: {load_average()}):")
    for name, runs in rounds.items():
        cells = []
        for stage in runs[0]:
            values = [run[stage] for run in runs]
            cells.append(f"{stage} {min(values):.2f}–{statistics.median(values):.2f}–{max(values):.2f}")
        print(f"  {name:8s} " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
