"""run_gui as app.py calls it: paint, load, analyse, exit, and write the timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.resources import resource_path

SAMPLE = resource_path("samples", "mehr-korea-russia.txt")


def _run(tmp_path: Path, article: str) -> subprocess.CompletedProcess[str]:
    script = (
        "import time; t = time.perf_counter()\n"
        "import sys; from reader.ui.launch import run_gui\n"
        f"sys.exit(run_gui({article!r}, exit_when_ready=True, timings={str(tmp_path / 't.txt')!r}, started=t))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env)


def test_exit_when_ready_writes_the_timings(tmp_path):
    if not resource_path("models", "ner.crfsuite").exists():
        pytest.skip("the NER model is not built in this checkout")
    result = _run(tmp_path, str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    lines = [line.split() for line in (tmp_path / "t.txt").read_text().splitlines()]
    assert [name for name, _ in lines] == ["first-paint", "text-shown", "ready", "text-shown-cpu"]
    first, text, ready, cpu = (float(value) for _, value in lines)
    assert 0 < first <= text <= ready
    assert cpu > 0


def test_exit_when_ready_on_a_missing_file_says_one_line_and_returns_2(tmp_path):
    result = _run(tmp_path, str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 or "khana:" in result.stderr
