"""A ~5 MB article: ``khana annotate BIG -o /dev/null`` against hazm tokenising the same text.

Both run as child processes from start to exit (interpreter, imports, loading and the work), so
the comparison is whole-process wall time and peak memory:

  wall  khana / hazm                     target ≤ 2.0×
  peak  khana − hazm                     target ≤ +300 MB, for both measures of memory:
        RSS   ``wait4``'s ``ru_maxrss``: the biggest single process of the tree
        PSS   the whole process tree's summed PSS, sampled every 0.1 s (khana splits a long
              text over two processes; shared pages count once)

The input is PEYMA's training sentences (tokens joined by spaces, 8 sentences to a paragraph)
repeated to 5 MB, written once to build/bench/ (not committed). Rounds alternate hazm, khana.

``khana`` splits a long text over two processes only while a core is free (1-minute load average
below cores − 0.5, see ``reader/core/parallel.py``). ``--split-variants`` adds runs with the split
turned off (``khana-1proc``) and forced on whatever the load (``khana-2proc``), to see what the
second process buys on this machine at this moment.

  .venv/bin/python benchmarks/big_input.py [--rounds 3] [--mb 5] [--split-variants]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, big_text, gui_env, khana_command, load_average, ratio_stats, run_child, stats

HERE = Path(__file__).resolve().parent
# ``khana`` itself, with no text long enough to split, or with a free core assumed.
_ONE_PROCESS = (
    "import sys; from reader.core import parallel; parallel._MIN_CHARS = float('inf'); "
    "sys.argv[0] = 'khana'; from reader.app import run; run()"
)
_TWO_PROCESSES = (
    "import sys; from reader.core import parallel; parallel._spare_cpu = lambda: True; "
    "sys.argv[0] = 'khana'; from reader.app import run; run()"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mb", type=int, default=5)
    parser.add_argument("--split-variants", action="store_true", help="also run khana with the split off and forced on")
    options = parser.parse_args()
    big = big_text(options.mb * 1_000_000)
    text = big.read_text(encoding="utf-8")
    print(f"input: {big} — {big.stat().st_size / 1e6:.1f} MB, {len(text):,} characters, "
          f"{text.count(chr(10) * 2) + 1:,} paragraphs; load average {load_average()}", flush=True)
    env = gui_env()
    variants = {"khana": [*khana_command(), "annotate", str(big), "-o", "/dev/null"]}
    if options.split_variants:
        for name, code in (("khana-1proc", _ONE_PROCESS), ("khana-2proc", _TWO_PROCESSES)):
            variants[name] = [PYTHON, "-c", code, "annotate", str(big), "-o", "/dev/null"]
    hz_wall, hz_peak, hz_pss = [], [], []
    results: dict[str, tuple[list[float], list[float], list[float]]] = {name: ([], [], []) for name in variants}
    for round_ in range(options.rounds):
        base = run_child([PYTHON, str(HERE / "_hazm_tokenize_child.py"), str(big)], env=env, sample_pss=True)
        if base.code != 0:
            raise SystemExit(f"hazm baseline failed: {base.stderr.strip()[-2000:]}")
        hz_wall.append(base.wall), hz_peak.append(base.peak_mb), hz_pss.append(base.tree_pss_mb)
        line = (f"round {round_ + 1} (load {load_average().split()[0]}): hazm {base.wall:.1f} s "
                f"(cpu {base.cpu:.1f} s) {base.peak_mb:.0f} MB RSS {base.tree_pss_mb:.0f} MB PSS ({base.stdout.strip()})")
        for name, command in variants.items():
            run = run_child(command, env=env, sample_pss=True)
            if run.code != 0:
                raise SystemExit(f"{name} annotate failed ({run.code}): {run.stderr.strip()[-2000:]}")
            results[name][0].append(run.wall), results[name][1].append(run.peak_mb)
            results[name][2].append(run.tree_pss_mb)
            line += f"   {name} {run.wall:.1f} s (cpu {run.cpu:.1f} s) {run.peak_mb:.0f} MB RSS {run.tree_pss_mb:.0f} MB PSS"
        print(line, flush=True)
    print()
    print(f"hazm           wall {stats(hz_wall)} s   peak RSS {stats(hz_peak)} MB   peak PSS {stats(hz_pss)} MB")
    for name, (walls, peaks, psses) in results.items():
        print(f"{name:14s} wall {stats(walls)} s   peak RSS {stats(peaks)} MB   peak PSS {stats(psses)} MB")
    for name, (walls, peaks, psses) in results.items():
        wall, wall_text = ratio_stats(walls, hz_wall)
        print(f"{name}: wall / hazm: {wall_text}  target ≤ 2.0×  {'OK' if wall <= 2.0 else 'MISSED'}")
        for measure, mine, theirs in (("RSS", peaks, hz_peak), ("PSS", psses, hz_pss)):
            extra = [k - h for k, h in zip(mine, theirs)]
            extra_median = statistics.median(mine) - statistics.median(theirs)
            print(f"{name}: peak {measure} − hazm: {extra_median:+.0f} MB (per round {min(extra):+.0f}–{max(extra):+.0f} MB)  "
                  f"target ≤ +300 MB  {'OK' if extra_median <= 300 else 'MISSED'}")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
