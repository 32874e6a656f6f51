"""Issue 16's four ratios from one run: start-up, ready, a 5 MB text, and tagging speed.

  (1) text shown / a bare PySide6 window's first paint        target ≤ 1.5×   (startup.py)
  (2) ready / ``import hazm; hazm.Normalizer()``              target ≤ 0.6×   (startup.py)
  (3) ``khana annotate`` of 5 MB in one process / hazm's
      normalise + sentence + word tokenise, CPU time          target ≤ 1.6×   (big_input.py)
      and its peak memory − hazm's                            target ≤ +150 MB
  (4) ``NerTagger.tag`` tokens per second, model loaded,
      CPU time                                                target ≥ 80,000 (tag_speed.py)

Each part alternates khana with its baseline round by round (see those scripts for the method);
they run one after the other, so the load average is printed before each part.

  .venv/bin/python benchmarks/ratios.py [--startup-rounds 9] [--big-rounds 3] [--tag-runs 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import big_input
import startup
import tag_speed
from _common import load_average, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--startup-rounds", type=int, default=9)
    parser.add_argument("--big-rounds", type=int, default=3)
    parser.add_argument("--tag-runs", type=int, default=3)
    options = parser.parse_args()

    def log(line: str) -> None:
        print(line, flush=True)

    log(f"== start-up (load average {load_average()})")
    start = startup.measure(options.startup_rounds, log=log)
    startup.report(start, log=log)
    log(f"\n== 5 MB text (load average {load_average()})")
    big = big_input.measure(options.big_rounds, log=log)
    big_input.report(big, log=log)
    log(f"\n== tagging speed (load average {load_average()})")
    speed = tag_speed.measure_tagging(options.tag_runs)
    log(f"tokens/s, model loaded: CPU {stats(speed.cpu)}   wall {stats(speed.wall)}")

    text, text_line = start.text_ratio()
    ready, ready_line = start.ready_ratio()
    cpu, cpu_line = big.ratio("khana-1proc", "cpu")
    _wall, wall_line = big.ratio("khana-1proc", "wall")
    rss, rss_line = big.extra_mb("khana-1proc", "rss")
    rate = speed.rate()

    def verdict(ok: bool) -> str:
        return "OK" if ok else "MISSED"

    log("\n== the four ratios (medians; per-round range in brackets)")
    log(f"(1) text shown / bare window first paint (wall, since spawn): {text_line}  "
        f"target ≤ {startup.TEXT_TARGET}×  {verdict(text <= startup.TEXT_TARGET)}")
    log(f"(2) ready / hazm start-up (wall, since spawn): {ready_line}  "
        f"target ≤ {startup.READY_TARGET}×  {verdict(ready <= startup.READY_TARGET)}")
    log(f"(3) annotate 5 MB, one process / hazm tokenising (CPU): {cpu_line}  "
        f"target ≤ {big_input.TIME_TARGET}×  {verdict(cpu <= big_input.TIME_TARGET)}   (wall: {wall_line})")
    log(f"    peak RSS − hazm: {rss_line}  target ≤ +{big_input.MEMORY_TARGET_MB} MB  "
        f"{verdict(rss <= big_input.MEMORY_TARGET_MB)}")
    log(f"(4) tagging, model loaded (CPU): {rate:,.0f} tokens/s  target ≥ {tag_speed.TARGET:,}  "
        f"{verdict(rate >= tag_speed.TARGET)}")
    log(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
