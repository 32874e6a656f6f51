"""A ~5 MB article: ``khana annotate BIG -o /dev/null`` against hazm tokenising the same text.

Both run as child processes from start to exit (interpreter, imports, loading and the work), so
the comparison is whole-process wall time and peak RSS (``wait4``'s ``ru_maxrss`` for that child):

  wall  khana / hazm                     target ≤ 2.0×
  peak  khana − hazm                     target ≤ +300 MB

The input is PEYMA's training sentences (tokens joined by spaces, 8 sentences to a paragraph)
repeated to 5 MB, written once to build/bench/ (not committed). Rounds alternate hazm, khana.

  .venv/bin/python benchmarks/big_input.py [--rounds 3] [--mb 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, big_text, gui_env, khana_command, load_average, ratio_stats, run_child, stats  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mb", type=int, default=5)
    options = parser.parse_args()
    big = big_text(options.mb * 1_000_000)
    text = big.read_text(encoding="utf-8")
    print(f"input: {big} — {big.stat().st_size / 1e6:.1f} MB, {len(text):,} characters, "
          f"{text.count(chr(10) * 2) + 1:,} paragraphs; load average {load_average()}", flush=True)
    env = gui_env()
    variants = {"khana": [*khana_command(), "annotate", str(big), "-o", "/dev/null"]}
    hz_wall, hz_peak = [], []
    results: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in variants}
    for round_ in range(options.rounds):
        base = run_child([PYTHON, str(HERE / "_hazm_tokenize_child.py"), str(big)], env=env)
        if base.code != 0:
            raise SystemExit(f"hazm baseline failed: {base.stderr.strip()[-2000:]}")
        hz_wall.append(base.wall), hz_peak.append(base.peak_mb)
        line = f"round {round_ + 1}: hazm {base.wall:.1f} s {base.peak_mb:.0f} MB ({base.stdout.strip()})"
        for name, command in variants.items():
            run = run_child(command, env=env)
            if run.code != 0:
                raise SystemExit(f"{name} annotate failed ({run.code}): {run.stderr.strip()[-2000:]}")
            results[name][0].append(run.wall), results[name][1].append(run.peak_mb)
            line += f"   {name} {run.wall:.1f} s {run.peak_mb:.0f} MB"
        print(line, flush=True)
    print()
    print(f"hazm           wall {stats(hz_wall)} s   peak RSS {stats(hz_peak)} MB")
    for name, (walls, peaks) in results.items():
        print(f"{name:14s} wall {stats(walls)} s   peak RSS {stats(peaks)} MB")
    for name, (walls, peaks) in results.items():
        wall, wall_text = ratio_stats(walls, hz_wall)
        extra = [k - h for k, h in zip(peaks, hz_peak)]
        extra_median = statistics.median(peaks) - statistics.median(hz_peak)
        print(f"{name}: wall / hazm: {wall_text}  target ≤ 2.0×  {'OK' if wall <= 2.0 else 'MISSED'}")
        print(f"{name}: peak − hazm: {extra_median:+.0f} MB (per round {min(extra):+.0f}–{max(extra):+.0f} MB)  "
              f"target ≤ +300 MB  {'OK' if extra_median <= 300 else 'MISSED'}")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
