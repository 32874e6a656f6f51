"""NER tagging speed: tokens per second of ``khana tag --conll`` on PEYMA's whole dev split.

Three figures, each the median (min–max) of several runs:
  load        a fresh process importing the tagger and opening the model (``NerTagger.load()``)
  tag         ``NerTagger.tag`` over every dev sentence in one process, after the model is loaded
              (target ≥ 80,000 tokens/s), by wall time and by this process's CPU time: on a
              machine shared with other jobs the wall figure mostly measures the others
  command     ``khana tag --conll DEV -o OUT`` from spawn to exit (start-up and load included)

The first timed pass builds the per-word feature cache, as the first article does; later
passes reuse it, as later articles mostly do. Both are shown.

The token file (one token a line, blank line between sentences, tags stripped) is written to
build/bench/.

  .venv/bin/python benchmarks/tag_speed.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, WORK, gui_env, khana_command, load_average, peyma_sentences, run_child, stats

_LOAD = """
import time
t0 = time.perf_counter()
from reader.core.ner.tagger import NerTagger
NerTagger.load()
print(f"load {time.perf_counter() - t0:.4f}")
"""


TARGET = 80_000


@dataclass
class TagSpeed:
    """Tokens per second of ``NerTagger.tag`` on PEYMA dev with the model loaded (first pass, then the rest)."""

    tokens: int
    wall: list[float] = field(default_factory=list)  # per pass, tokens/s
    cpu: list[float] = field(default_factory=list)

    def rate(self) -> float:
        """The figure quoted: the median CPU-time rate over all passes."""
        return statistics.median(self.cpu)


def measure_tagging(runs: int) -> TagSpeed:
    """``runs`` passes of the tagger over PEYMA dev in this process, after loading the model."""
    from reader.core.ner.tagger import NerTagger

    sentences = peyma_sentences("dev")
    result = TagSpeed(sum(len(s) for s in sentences))
    tagger = NerTagger.load()
    tagger.tag(sentences[:1])  # anything the first call sets up lazily belongs to loading
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        tagged = tagger.tag(sentences)
        result.wall.append(result.tokens / (time.perf_counter() - wall))
        result.cpu.append(result.tokens / (time.process_time() - cpu))
    assert sum(len(t) for t in tagged) == result.tokens
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    sentences = peyma_sentences("dev")
    tokens = sum(len(s) for s in sentences)
    WORK.mkdir(parents=True, exist_ok=True)
    conll = WORK / "peyma-dev.tokens"
    conll.write_text("\n\n".join("\n".join(s) for s in sentences) + "\n", encoding="utf-8")
    print(f"dev: {len(sentences):,} sentences, {tokens:,} tokens; load average {load_average()}", flush=True)

    env = gui_env()
    loads, commands = [], []
    for _ in range(options.runs):
        child = run_child([PYTHON, "-c", _LOAD], env=env)
        if child.code != 0:
            raise SystemExit(f"loading the tagger failed: {child.stderr.strip()[-2000:]}")
        loads.append(float(child.stdout.split()[-1]))
        out = WORK / "peyma-dev.tagged"
        child = run_child([*khana_command(), "tag", "--conll", str(conll), "-o", str(out)], env=env)
        if child.code != 0:
            raise SystemExit(f"khana tag failed: {child.stderr.strip()[-2000:]}")
        commands.append(child.wall)

    started = time.perf_counter()
    speed = measure_tagging(options.runs + 1)
    print(f"load (fresh process, import + model)  {stats(loads)} s")
    print(f"load, tagging and {options.runs + 1} passes here     {time.perf_counter() - started:.3f} s")
    print(f"tag, model loaded, first pass         {speed.wall[0]:,.0f} tokens/s wall, {speed.cpu[0]:,.0f} CPU")
    print(f"tag, model loaded, all passes         {stats(speed.wall)} tokens/s wall")
    print(f"                                      {stats(speed.cpu)} tokens/s CPU time"
          f"  target ≥ {TARGET:,}  {'OK' if speed.rate() >= TARGET else 'MISSED'}")
    print(f"khana tag --conll, whole command      {stats(commands)} s  = "
          f"{stats([tokens / c for c in commands])} tokens/s overall")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
