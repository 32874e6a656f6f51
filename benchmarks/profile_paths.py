"""Profiles of the two slow paths, written to build/bench/: start-up to ready, and a big file's analysis.

  startup   ``python -X importtime`` of what ``khana`` imports before first paint and before ready,
            and a pyinstrument profile of ``pipeline.warm_up()`` (hazm, the NER model)
  big       pyinstrument over ``load_document`` + ``pipeline.analyse`` of the 5 MB input, in-process

  .venv/bin/python benchmarks/profile_paths.py [startup|big]...
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, WORK, big_text

_WARM_UP = """
import sys
sys.path.insert(0, {bench!r})
from pyinstrument import Profiler
profiler = Profiler(interval=0.001)
profiler.start()
from reader.core import pipeline
pipeline.warm_up()
profiler.stop()
print(profiler.output_text(unicode=True, color=False))
"""


def _importtime(code: str, out: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([PYTHON, "-X", "importtime", "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|", 2)
            try:
                rows.append((int(cumulative.strip()), name.rstrip()))
            except ValueError:
                pass
    rows.sort(reverse=True)
    out.write_text("\n".join(f"{us / 1e6:8.3f} s  {name}" for us, name in rows[:60]) + "\n", encoding="utf-8")
    print(f"{out.name}: top-level {sum(us for us, n in rows if not n.startswith('  ')) / 1e6:.2f} s of imports")


def startup() -> None:
    _importtime(
        "from reader.ui.launch import prepare_application; prepare_application(['khana']);"
        "from reader.ui.main_window import MainWindow",
        WORK / "importtime-first-paint.txt",
    )
    _importtime("from reader.core import pipeline; pipeline.warm_up()", WORK / "importtime-ready.txt")
    env = dict(os.environ, KHANA_CACHE_DIR=str(WORK / "user-cache"))
    code = _WARM_UP.format(bench=str(Path(__file__).resolve().parent))
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    out = WORK / "warm-up.txt"
    out.write_text(result.stdout + result.stderr, encoding="utf-8")
    print(f"{out.name} written")


def big() -> None:
    from pyinstrument import Profiler

    from reader.core import pipeline
    from reader.core.loading import load_document
    from reader.core.ner.tagger import default_model_path

    path = big_text()
    if not default_model_path().is_file():
        raise SystemExit("the NER model is not there yet: resources/models/ner.crfsuite")
    pipeline.warm_up()
    profiler = Profiler(interval=0.005)
    profiler.start()
    document = load_document(path)
    pipeline.analyse(document)
    profiler.stop()
    out = WORK / "big-analyse.txt"
    out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    out.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
    print(f"{out.name} written")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=["startup", "big"], choices=["startup", "big"])
    options = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KHANA_CACHE_DIR", str(WORK / "user-cache"))
    for name in options.paths:
        {"startup": startup, "big": big}[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
