"""A ~5 MB article: ``khana annotate BIG -o /dev/null`` against hazm tokenising the same text.

Both run as child processes from start to exit (interpreter, imports, loading and the work), so
the comparison is whole-process time and peak memory:

  time  khana (one process) / hazm       target ≤ 1.6×, by wall time and by CPU time (user +
        system, from ``wait4``); on a machine shared with other jobs wall time mostly measures
        the others, so the CPU ratio is the one quoted
  peak  khana − hazm                     target ≤ +150 MB, for both measures of memory:
        RSS   ``wait4``'s ``ru_maxrss``: the biggest single process of the tree
        PSS   the whole process tree's summed PSS, sampled every 0.1 s (khana splits a long
              text over two processes; shared pages count once)

The input is PEYMA's training sentences (tokens joined by spaces, 8 sentences to a paragraph)
repeated to 5 MB, written once to build/bench/ (not committed). Rounds alternate hazm, khana.

``khana`` itself splits a long text over two processes only while a core is free (1-minute load
average below cores − 0.5, see ``reader/core/parallel.py``); the target is for one process, so
``khana-1proc`` (the split turned off) is what is measured. ``--split-variants`` adds ``khana`` as
it runs by default and ``khana-2proc`` (the split forced on whatever the load).

  .venv/bin/python benchmarks/big_input.py [--rounds 3] [--mb 5] [--split-variants]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass, field
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


TIME_TARGET = 1.6
MEMORY_TARGET_MB = 150


@dataclass
class BigResult:
    """Per round: hazm's wall, CPU, RSS and PSS, and each khana variant's."""

    hazm: dict[str, list[float]] = field(default_factory=lambda: {"wall": [], "cpu": [], "rss": [], "pss": []})
    khana: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def ratio(self, variant: str, measure: str) -> tuple[float, str]:
        return ratio_stats(self.khana[variant][measure], self.hazm[measure])

    def extra_mb(self, variant: str, measure: str) -> tuple[float, str]:
        mine, theirs = self.khana[variant][measure], self.hazm[measure]
        extra = [k - h for k, h in zip(mine, theirs)]
        median = statistics.median(mine) - statistics.median(theirs)
        return median, f"{median:+.0f} MB (per round {min(extra):+.0f}–{max(extra):+.0f} MB)"


def measure(rounds: int, mb: int = 5, split_variants: bool = False, log=print) -> BigResult:  # type: ignore[no-untyped-def]
    big = big_text(mb * 1_000_000)
    text = big.read_text(encoding="utf-8")
    log(f"input: {big} — {big.stat().st_size / 1e6:.1f} MB, {len(text):,} characters, "
        f"{text.count(chr(10) * 2) + 1:,} paragraphs; load average {load_average()}")
    env = gui_env()
    variants = {"khana-1proc": [PYTHON, "-c", _ONE_PROCESS, "annotate", str(big), "-o", "/dev/null"]}
    if split_variants:
        variants["khana"] = [*khana_command(), "annotate", str(big), "-o", "/dev/null"]
        variants["khana-2proc"] = [PYTHON, "-c", _TWO_PROCESSES, "annotate", str(big), "-o", "/dev/null"]
    result = BigResult()
    for name in variants:
        result.khana[name] = {"wall": [], "cpu": [], "rss": [], "pss": []}
    for round_ in range(rounds):
        base = run_child([PYTHON, str(HERE / "_hazm_tokenize_child.py"), str(big)], env=env, sample_pss=True)
        if base.code != 0:
            raise SystemExit(f"hazm baseline failed: {base.stderr.strip()[-2000:]}")
        for key, value in (("wall", base.wall), ("cpu", base.cpu), ("rss", base.peak_mb), ("pss", base.tree_pss_mb)):
            result.hazm[key].append(value)
        line = (f"round {round_ + 1} (load {load_average().split()[0]}): hazm {base.wall:.1f} s "
                f"(cpu {base.cpu:.1f} s) {base.peak_mb:.0f} MB RSS {base.tree_pss_mb:.0f} MB PSS ({base.stdout.strip()})")
        for name, command in variants.items():
            run = run_child(command, env=env, sample_pss=True)
            if run.code != 0:
                raise SystemExit(f"{name} annotate failed ({run.code}): {run.stderr.strip()[-2000:]}")
            for key, value in (("wall", run.wall), ("cpu", run.cpu), ("rss", run.peak_mb), ("pss", run.tree_pss_mb)):
                result.khana[name][key].append(value)
            line += f"   {name} {run.wall:.1f} s (cpu {run.cpu:.1f} s) {run.peak_mb:.0f} MB RSS {run.tree_pss_mb:.0f} MB PSS"
        log(line)
    return result


def report(result: BigResult, log=print) -> None:  # type: ignore[no-untyped-def]
    h = result.hazm
    log(f"hazm           wall {stats(h['wall'])} s   CPU {stats(h['cpu'])} s   peak RSS {stats(h['rss'])} MB"
        f"   peak PSS {stats(h['pss'])} MB")
    for name, k in result.khana.items():
        log(f"{name:14s} wall {stats(k['wall'])} s   CPU {stats(k['cpu'])} s   peak RSS {stats(k['rss'])} MB"
            f"   peak PSS {stats(k['pss'])} MB")
    for name in result.khana:
        cpu, cpu_text = result.ratio(name, "cpu")
        _wall, wall_text = result.ratio(name, "wall")
        log(f"{name}: CPU time / hazm: {cpu_text}  target ≤ {TIME_TARGET}×  {'OK' if cpu <= TIME_TARGET else 'MISSED'}"
            f"   (wall time / hazm: {wall_text})")
        for measure_ in ("rss", "pss"):
            extra, extra_text = result.extra_mb(name, measure_)
            log(f"{name}: peak {measure_.upper()} − hazm: {extra_text}  target ≤ +{MEMORY_TARGET_MB} MB  "
                f"{'OK' if extra <= MEMORY_TARGET_MB else 'MISSED'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mb", type=int, default=5)
    parser.add_argument("--split-variants", action="store_true", help="also run khana as is and with the split forced on")
    options = parser.parse_args()
    result = measure(options.rounds, options.mb, options.split_variants, log=lambda line: print(line, flush=True))
    print()
    report(result)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
