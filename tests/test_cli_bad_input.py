"""``khana annotate`` / ``khana tag`` given bad input: non-zero exit, one line on stderr, no traceback.

Run as a real process (``python -m reader``) so what is checked is what a user
or a script sees. Inputs are left untouched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from testdata import file_maker, sparse_file

from reader.core.document import Annotations
from reader.core.export.html import render_annotated_html

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
MODEL = ROOT / "resources" / "models" / "ner.crfsuite"


def khana(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )


def assert_refused(result: subprocess.CompletedProcess[str], words: str = "", *, lines: int = 1) -> None:
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr
    err = result.stderr.rstrip("\n").split("\n")
    assert len(err) == lines, result.stderr
    assert err[-1].startswith("khana"), result.stderr
    assert words in result.stderr, result.stderr
    assert result.stdout == ""


def _loop(folder: Path) -> Path:
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    return folder / "a.txt"


def _damaged_copy(folder: Path) -> Path:
    html = render_annotated_html(Annotations(text="سلام")).replace('"version":1', '"version":7')
    path = folder / "damaged.khana.html"
    path.write_text(html, encoding="utf-8")
    return path


def _empty_folder(folder: Path) -> Path:
    (folder / "nothing here").mkdir()
    (folder / "nothing here" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder / "nothing here"


FILES = [
    ("missing file", lambda f: f / "نیست.txt", "no such file"),
    ("PNG named .txt", file_maker("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)), "PNG"),
    ("random bytes", file_maker("noise.txt", bytes(range(256)) * 40), "binary"),
    ("200 MB sparse file", sparse_file, "MB"),
    ("damaged Khana copy", _damaged_copy, "unsupported annotation version 7"),
    ("symlink loop", _loop, "link"),
    ("folder without articles", _empty_folder, "no article files"),
]


@pytest.mark.parametrize("make, words", [(m, w) for _, m, w in FILES], ids=[n for n, _, _ in FILES])
def test_annotate_bad_file(make: Callable[[Path], Path], words: str, tmp_path: Path) -> None:
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() and path.stat().st_size < 1e6 else None
    result = khana("annotate", str(path), cwd=tmp_path)
    assert_refused(result, words)
    if before is not None:
        assert path.read_bytes() == before


ARGUMENTS = [
    ("no command input", ["annotate"], "required"),
    ("unknown format", ["annotate", "x.txt", "--format", "pdf"], "invalid choice"),
    ("bad article date", ["annotate", "SAMPLE", "--article-date", "1402-13-40"], "--article-date"),
    ("article date garbage", ["annotate", "SAMPLE", "--article-date", "<script>"], "--article-date"),
    ("zero jobs", ["annotate", "SAMPLE", "--jobs", "0"], "--jobs"),
    ("unknown option", ["annotate", "SAMPLE", "--evil"], "unrecognized"),
    ("tag without --conll", ["tag"], "--conll"),
    ("tag a missing file", ["tag", "--conll", "missing.tokens"], "no such file"),
]


@pytest.mark.parametrize("args, words", [(a, w) for _, a, w in ARGUMENTS], ids=[n for n, _, _ in ARGUMENTS])
def test_bad_arguments(args: list[str], words: str, tmp_path: Path) -> None:
    result = khana(*[str(SAMPLE) if a == "SAMPLE" else a for a in args], cwd=tmp_path)
    assert_refused(result, words)


def test_batch_of_bad_files_names_each_and_ends_with_a_summary(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    file_maker("a.txt", b"\x89PNG\r\n\x1a\n")(folder)
    file_maker("b.txt", bytes(range(256)) * 4)(folder)
    result = khana("annotate", str(folder), "-o", str(tmp_path / "out"), cwd=tmp_path)
    # One line per skipped file plus the summary; each a single line, none a traceback.
    assert_refused(result, "2 of 2 files could not be annotated", lines=3)
    assert sorted(os.listdir(folder)) == ["a.txt", "b.txt"]


needs_model = pytest.mark.skipif(not MODEL.exists(), reason="the NER model is not built in this checkout")


@pytest.mark.slow
@needs_model
def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    result = khana("annotate", str(SAMPLE), "-o", str(tmp_path / "no" / "such" / "x.json"), cwd=tmp_path)
    assert_refused(result, "cannot write")


@pytest.mark.slow
@needs_model
def test_brat_needs_an_output_name(tmp_path: Path) -> None:
    result = khana("annotate", str(SAMPLE), "--format", "brat", cwd=tmp_path)
    assert_refused(result, "-o")
