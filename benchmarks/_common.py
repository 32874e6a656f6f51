"""Shared helpers for the benchmarks: child processes with wall time and peak memory, statistics, big input."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
PEYMA = ROOT.parent / "shared" / "data" / "peyma"
WORK = ROOT / "build" / "bench"  # build/ is ignored by git: generated inputs and outputs live here
PYTHON = sys.executable


@dataclass(frozen=True)
class Child:
    """A finished child process: exit code, wall seconds from spawn to exit, peak RSS in MB, output."""

    code: int
    wall: float
    peak_mb: float
    stdout: str
    stderr: str
    spawned: float  # time.perf_counter() just before the spawn (CLOCK_MONOTONIC, shared by processes on Linux)
    # Peak of the summed PSS of the child and all its descendants, sampled (0 where /proc lacks it):
    # ``peak_mb`` is one process's maximum, which would hide what a second process adds.
    tree_pss_mb: float = 0.0
    cpu: float = 0.0  # user + system seconds of the child and the children it waited for


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from /proc's children lists."""
    found, at = [pid], 0
    while at < len(found):
        try:
            for task in os.listdir(f"/proc/{found[at]}/task"):
                with open(f"/proc/{found[at]}/task/{task}/children") as handle:
                    found.extend(int(child) for child in handle.read().split())
        except OSError:
            pass
        at += 1
    return found


def tree_pss_mb(pid: int) -> float:
    """The summed proportional set size (shared pages split among sharers) of ``pid``'s process tree."""
    total = 0
    for member in _descendants(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total / 1024


_PSS_EVERY = 0.1  # seconds between samples of the tree's memory


def run_child(
    args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: float = 1800, sample_pss: bool = False,
) -> Child:
    """Run ``args``; peak RSS comes from ``wait4`` for this child alone (not the children's running maximum).

    ``sample_pss`` also samples the process tree's PSS (``Child.tree_pss_mb``), at a little CPU cost.
    """
    out_path = WORK / f"child-{os.getpid()}.out"
    err_path = WORK / f"child-{os.getpid()}.err"
    WORK.mkdir(parents=True, exist_ok=True)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        spawned = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err, env=env, cwd=cwd)
        deadline = spawned + timeout
        tree_peak, next_sample = 0.0, spawned
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if sample_pss and time.perf_counter() >= next_sample:
                tree_peak = max(tree_peak, tree_pss_mb(process.pid))
                next_sample = time.perf_counter() + _PSS_EVERY
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - spawned
        process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Child(
        process.returncode, wall, peak,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        spawned,
        tree_peak,
        usage.ru_utime + usage.ru_stime,
    )


def gui_env(**extra: str) -> dict[str, str]:
    """The environment for a window: Xvfb's display when DISPLAY is set, else Qt's offscreen platform."""
    env = dict(os.environ)
    # Khana's modules run from compiled bytecode, as from any installed copy (pip compiles on
    # install; a first run writes it): this environment sets PYTHONDONTWRITEBYTECODE, which left
    # every child compiling the ~40 modules of the window from source, ~35 ms of each start-up
    # that no user pays. The first run writes reader/'s __pycache__ (ignored by git); the
    # installed packages have theirs already.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("KHANA_CACHE_DIR", str(WORK / "user-cache"))
    env.update(extra)
    return env


def stats(values: list[float]) -> str:
    """``median (min–max, n=N)``."""
    if not values:
        return "n/a"
    return f"{statistics.median(values):.3f} ({min(values):.3f}–{max(values):.3f}, n={len(values)})"


def ratio_stats(numerators: list[float], denominators: list[float]) -> tuple[float, str]:
    """Ratio of medians, and the min–max of the per-round ratios (each round's runs sit close in time)."""
    median = statistics.median(numerators) / statistics.median(denominators)
    per_round = [n / d for n, d in zip(numerators, denominators)]
    return median, f"{median:.2f}× (per round {min(per_round):.2f}–{max(per_round):.2f}×)"


def khana_command() -> list[str]:
    """The ``khana`` console script of this environment (``python -m reader`` if it is not installed)."""
    script = Path(PYTHON).with_name("khana")
    if script.exists():
        return [str(script)]
    found = shutil.which("khana")
    return [found] if found else [PYTHON, "-m", "reader"]


def peyma_sentences(split: str) -> list[list[str]]:
    """The tokens of every sentence of a PEYMA split (``token|tag`` a line), tags dropped."""
    sentences: list[list[str]] = [[]]
    with open(PEYMA / f"{split}.txt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sentences[-1]:
                    sentences.append([])
                continue
            token = line.rsplit("|", 1)[0]
            sentences[-1].append(token)
    return [s for s in sentences if s]


def big_text(target_bytes: int = 5_000_000) -> Path:
    """A ~5 MB Persian article: PEYMA's training sentences, 8 to a paragraph, repeated to size (cached)."""
    path = WORK / f"big-{target_bytes // 1_000_000}mb.txt"
    if path.exists() and path.stat().st_size >= target_bytes:
        return path
    sentences = [" ".join(s) for s in peyma_sentences("train")]
    paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
    out: list[str] = []
    size = 0
    while size < target_bytes:
        for paragraph in paragraphs:
            out.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
            if size >= target_bytes:
                break
    WORK.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return path


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"
