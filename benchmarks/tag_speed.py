"""NER tagging speed: tokens per second of ``khana tag --conll`` on PEYMA's whole dev split.

Three figures, each the median (min–max) of several runs:
  load        a fresh process importing the tagger and opening the model (``NerTagger.load()``)
  tag         ``NerTagger.tag`` over every dev sentence in one process, after the model is loaded
  command     ``khana tag --conll DEV -o OUT`` from spawn to exit (start-up and load included)

The token file (one token a line, blank line between sentences, tags stripped) is written to
build/bench/.

  .venv/bin/python benchmarks/tag_speed.py [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
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

    from reader.core.ner.tagger import NerTagger

    started = time.perf_counter()
    tagger = NerTagger.load()
    tagger.tag(sentences[:1])  # anything the first call sets up lazily belongs to loading
    in_process_load = time.perf_counter() - started
    rates = []
    for _ in range(options.runs):
        started = time.perf_counter()
        tagged = tagger.tag(sentences)
        rates.append(tokens / (time.perf_counter() - started))
    assert sum(len(t) for t in tagged) == tokens
    print(f"load (fresh process, import + model)  {stats(loads)} s")
    print(f"load in this process (+ first call)   {in_process_load:.3f} s")
    print(f"tag, model loaded                     {stats(rates)} tokens/s")
    print(f"khana tag --conll, whole command      {stats(commands)} s  = "
          f"{stats([tokens / c for c in commands])} tokens/s overall")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
