"""The CLI contract other checks rely on: annotate and tag --conll, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def khana(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300
    )


@pytest.fixture(scope="module")
def sample_json() -> dict:  # type: ignore[type-arg]
    result = khana("annotate", str(SAMPLE), "--article-date", "2023-09-23")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_annotate_emits_the_contract(sample_json: dict) -> None:  # type: ignore[type-arg]
    assert sample_json["format"] == "khana-annotations" and sample_json["version"] == 1
    assert sample_json["text"] == SAMPLE_TEXT
    assert sample_json["article_date"] == "2023-09-23"
    for key in ("entities", "quotes", "dates"):
        assert isinstance(sample_json[key], list)
    for entity in sample_json["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(SAMPLE_TEXT)


def test_jalali_article_date_in_persian_digits_means_the_same_day(sample_json: dict) -> None:  # type: ignore[type-arg]
    result = khana("annotate", str(SAMPLE), "--article-date", "۱۴۰۲/۰۷/۰۱")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout) == sample_json


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16.txt", SAMPLE_TEXT.encode("utf-16")),
        ("bom-crlf.txt", SAMPLE_TEXT.replace("\n", "\r\n").encode("utf-8-sig")),
    ],
)
def test_annotate_sees_the_same_text_in_other_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = khana("annotate", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["text"] == SAMPLE_TEXT


def test_windows_1256_copy_gives_the_same_text(tmp_path: Path) -> None:
    text = SAMPLE_TEXT.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    path = tmp_path / "cp1256.txt"
    path.write_bytes(text.replace("\n", "\r\n").replace("ی", "ي").encode("cp1256"))
    result = khana("annotate", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["text"] == text


@pytest.mark.parametrize(
    "make",
    [
        lambda d: d / "missing.txt",
        lambda d: d,
        lambda d: (d / "noise.txt").write_bytes(bytes(range(256)) * 8) and d / "noise.txt",
        lambda d: (d / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)) and d / "img.txt",
    ],
    ids=["missing", "directory", "random-bytes", "png"],
)
def test_bad_input_is_refused_in_one_line(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    target = make(tmp_path)
    result = khana("annotate", str(target))
    assert result.returncode != 0
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_article_date_is_one_line() -> None:
    result = khana("annotate", str(SAMPLE), "--article-date", "1402-13-40")
    assert result.returncode != 0
    assert result.stderr.decode().count("\n") == 1


def test_tag_conll_keeps_tokens_and_sentence_breaks_exactly(tmp_path: Path) -> None:
    tokens = "ولادیمیر\nپوتین\n،\nرئیس جمهور\nروسیه\nگفت\n.\n\n\nکیم جونگ اون\nبه\nمسکو\nرفت\n"
    path = tmp_path / "tokens.txt"
    path.write_text(tokens, encoding="utf-8")
    result = khana("tag", "--conll", str(path))
    assert result.returncode == 0, result.stderr.decode()
    out_lines = result.stdout.decode("utf-8").split("\n")
    in_lines = tokens.split("\n")
    assert len(out_lines) == len(in_lines)
    for given, got in zip(in_lines, out_lines):
        if given == "":
            assert got == ""
            continue
        token, tag = got.split("\t")
        assert token == given
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT"))
    tags = [line.split("\t")[1] for line in out_lines if line]
    assert tags[0] == "B-PER" and tags[1] == "I-PER"  # a full name is one person


def test_the_window_without_a_display_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(SAMPLE)], capture_output=True, cwd=ROOT, timeout=120, env=env
    )
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "display" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_output_into_a_pipe_or_device_writes_into_it(tmp_path: Path) -> None:
    """``-o /dev/null`` (or a pipe) is written to, never replaced by a regular file."""
    import stat
    import threading

    from reader.cli import main

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["annotate", str(SAMPLE), "-o", str(fifo)]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["text"] == SAMPLE_TEXT
    assert not [p for p in tmp_path.iterdir() if p != fifo]  # no temporary file left beside it
