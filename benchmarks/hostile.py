"""Time and peak memory of ``khana annotate`` on hostile inputs (issue #17), one child process each.

    python benchmarks/hostile.py [--timeout 300] [--only NAME ...] [--list]

Each input is built in a temporary folder, annotated by a fresh ``python -m reader annotate``
(JSON to a file), and reported as: name, input size, exit status, wall seconds, peak RSS of the
child (its own, from wait4). A case over the timeout is killed and reported as such. The figures
depend on the machine and its load: run it alone for numbers to quote.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _copy_with_crossing_quotes() -> str:
    sys.path.insert(0, str(ROOT))
    from reader.core.document import Annotations, Entity, Quote, Span
    from reader.core.export.html import render_annotated_html

    text = ("سلام دنیا. " * 10_001)[:100_000]
    quotes = tuple(Quote(i * 40, min(len(text), i * 40 + 50_000), None, None) for i in range(2_000))
    mentions = tuple(Span(i * 20 + 3, min(len(text), i * 20 + 5_003)) for i in range(4_000))
    return render_annotated_html(Annotations(text=text, quotes=quotes, entities=(Entity("e1", "PER", "x", None, mentions),)))


CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "mohammad-reza x1,600 (26 KB)": ("a.txt", lambda: "محمد رضا " * 1_600),
    "salam x5,000": ("a.txt", lambda: "سلام " * 5_000),
    "salam x40,000": ("a.txt", lambda: "سلام " * 40_000),
    "u-goft x125,000 (1.6 MB)": ("a.txt", lambda: "او گفت: " * 125_000),
    "be-zwnj x500,000": ("a.txt", lambda: "ب\u200c" * 500_000),
    "<b> x100k + </i> x100k": ("a.html", lambda: "<b>" * 100_000 + "</i>" * 100_000),
    "'<a ' x40,000": ("a.html", lambda: "<a " * 40_000),
    "\"<a b='\" x20,000": ("a.html", lambda: "<a b='" * 20_000),
    "'<!--' x40,000": ("a.html", lambda: "<!--" * 40_000),
    "<b class=x> x990 + </i> x1M (libxml2's worst)": ("a.html", lambda: "<b class=x>" * 990 + "</i>" * 1_000_000),
    "<div> x5,000 (past the nesting limit)": ("a.html", lambda: "<p>متن خبر</p>" + "<div>" * 5_000 + "<p>x</p>"),
    "&amp; x1M page": ("a.html", lambda: "<html><body><p>" + "&amp;" * 1_000_000 + "</p></body></html>"),
    "&#1601; x1M page": ("a.html", lambda: "<html><body><p>" + "&#1601;" * 1_000_000 + "</p></body></html>"),
    "copy: 2,000 crossing quotes, 4,000 mentions -> html": ("a.khana.html", _copy_with_crossing_quotes),
}


def run(name: str, timeout: float) -> str:
    file_name, build = CASES[name]
    with tempfile.TemporaryDirectory(prefix="khana-hostile-") as folder:
        source = Path(folder) / file_name
        source.write_text(build(), encoding="utf-8")
        size = source.stat().st_size
        fmt = "html" if file_name.endswith(".khana.html") else "json"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "reader", "annotate", str(source), "-o", str(Path(folder) / f"out.{fmt}"),
             "--format", fmt],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        status = rusage = None
        while time.perf_counter() - started < timeout:
            pid, status, rusage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            os.killpg(child.pid, signal.SIGKILL)
            _pid, status, rusage = os.wait4(child.pid, 0)
            return f"{name:52} {size / 1e3:9.0f} KB  TIMEOUT after {timeout:.0f} s"
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status) if status is not None else -1
        peak = rusage.ru_maxrss / 1024 if rusage is not None else float("nan")
        err = (child.stderr.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1] if child.stderr else ""
        if child.stderr:
            child.stderr.close()
        note = f"  ({err[:60]})" if code else ""
        return f"{name:52} {size / 1e3:9.0f} KB  exit {code}  {seconds:7.1f} s  peak {peak:7.0f} MB{note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case before it is killed")
    parser.add_argument("--only", nargs="*", help="case names (substrings) to run")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args()
    names = [n for n in CASES if not args.only or any(o in n for o in args.only)]
    if args.list:
        print("\n".join(names))
        return
    print(f"{'case':52} {'input':>12}  result")
    for name in names:
        print(run(name, args.timeout), flush=True)


if __name__ == "__main__":
    main()
