"""``khana annotate`` and ``khana tag`` never write over an input, never give two inputs one output,
say every repair on stderr (one line each), and leave no worker behind when killed.

The hostile file-system layouts are built inside each test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import app, cli
from reader.core import pipeline
from reader.core.document import Annotations, Entity, Span, annotations_to_dict
from reader.core.export.html import render_annotated_html
from reader.core.ner.tagger import default_model_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
SHORT = "تهران — علی رضایی، وزیر امور خارجه، روز ۲۰ مهر ۱۴۰۲ گفت: «این سفر مهم است.»\n"
PAGE = f"<!DOCTYPE html><html><head><title>خبر</title></head><body><article><p>{SHORT}</p></article></body></html>"


class _AllOutside:
    def expect(self, tokens):  # type: ignore[no-untyped-def]
        pass

    def release(self):  # type: ignore[no-untyped-def]
        pass

    def tag(self, sentences):  # type: ignore[no-untyped-def]
        return [["O"] * len(sentence) for sentence in sentences]


@pytest.fixture(autouse=True)
def _tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    if not default_model_path().is_file():
        monkeypatch.setattr(pipeline, "_tagger", _AllOutside())


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_refusal(capsys: pytest.CaptureFixture[str], words: str) -> None:
    err = capsys.readouterr().err.rstrip("\n").split("\n")
    assert len(err) == 1 and err[0].startswith("khana: ") and words in err[0], err


# ------------------------------------------------------------------ 1. -o naming an input


@pytest.mark.parametrize("spelling", ["a.txt", "./a.txt", "absolute", "link.txt", "hard.txt", "sub/../a.txt"])
def test_output_that_is_the_input_is_refused_and_the_input_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    article = tmp_path / "a.txt"
    article.write_bytes(b"\xef\xbb\xbf" + SHORT.replace("\n", "\r\n").encode())
    (tmp_path / "link.txt").symlink_to(article)
    os.link(article, tmp_path / "hard.txt")
    before = article.read_bytes()
    target = str(article) if spelling == "absolute" else spelling
    for fmt in ("json", "html", "conll"):
        assert cli.main(["annotate", "a.txt", "-o", target, "--format", fmt]) == cli.EXIT_BAD_INPUT
        _one_refusal(capsys, "is the input")
        assert article.read_bytes() == before
    assert (tmp_path / "link.txt").is_symlink()


def test_tag_conll_output_that_is_the_input_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    tokens = tmp_path / "t.tok"
    tokens.write_text("علی\nگفت\n\nسلام\n", encoding="utf-8")
    (tmp_path / "l.tok").symlink_to(tokens)
    for target in ("t.tok", "./t.tok", str(tokens), "l.tok"):
        assert cli.main(["tag", "--conll", "t.tok", "-o", target]) == cli.EXIT_BAD_INPUT
        _one_refusal(capsys, "is the input")
    assert tokens.read_text(encoding="utf-8") == "علی\nگفت\n\nسلام\n"


def test_in_a_batch_an_input_that_would_be_overwritten_is_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    older = tmp_path / "a.khana.json"
    older.write_text(json.dumps(annotations_to_dict(Annotations(text="متن قدیمی")), ensure_ascii=False))
    kept = older.read_bytes()
    code = cli.main(["annotate", str(tmp_path / "a.txt"), str(older)])
    err = capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_BAD_INPUT
    assert older.read_bytes() == kept
    assert len([line for line in err if line.startswith("skipped ") and "a.txt" in line and "is the input" in line]) == 1
    assert (tmp_path / "a.khana.khana.json").exists()  # the other input still annotated


# ------------------------------------------------------------------ 2. exports beside their source


def test_brat_into_the_inputs_own_folder_keeps_every_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xef\xbb\xbf" + SHORT.replace("\n", "\r\n").encode())
    (folder / "a.html").write_text(PAGE, encoding="utf-8")
    before = _snapshot(folder)
    # The folder given twice spelt differently: compared resolved, not as typed.
    assert cli.main(["annotate", str(folder), "-o", str(folder / "." / ".." / "d"), "--format", "brat"]) == cli.EXIT_OK
    capsys.readouterr()
    after = _snapshot(folder)
    assert {k: after[k] for k in before} == before
    assert sorted(set(after) - set(before)) == [
        "a.html.khana.ann", "a.html.khana.txt", "a.txt.khana.ann", "a.txt.khana.txt", "annotation.conf",
    ]


def test_brat_named_like_the_input_keeps_its_bom_and_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    raw = b"\xef\xbb\xbf" + SHORT.replace("\n", "\r\n").encode()
    (tmp_path / "a.txt").write_bytes(raw)
    for name in ("a", "a.txt", "a.ann"):
        assert cli.main(["annotate", "a.txt", "--format", "brat", "-o", name]) == cli.EXIT_OK
        capsys.readouterr()
        assert (tmp_path / "a.txt").read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.khana.ann", "a.khana.txt", "a.txt", "annotation.conf"]


def test_conll_export_never_takes_an_inputs_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.conll"
    notes.write_text(SHORT, encoding="utf-8")
    (tmp_path / "y.txt").write_text(SHORT, encoding="utf-8")
    assert cli.main(["annotate", str(notes), str(tmp_path / "y.txt"), "--format", "conll"]) == cli.EXIT_OK
    capsys.readouterr()
    assert notes.read_text(encoding="utf-8") == SHORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.conll", "notes.khana.conll", "y.khana.conll", "y.txt"]


# ------------------------------------------------------------------ 3. batch names never collide


@pytest.mark.parametrize("fmt", ["json", "html", "conll", "brat"])
def test_same_stem_in_one_folder_gives_one_output_each(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("متن اول. " + SHORT, encoding="utf-8")
    (folder / "a.html").write_text(PAGE.replace("خبر", "صفحه"), encoding="utf-8")
    (folder / "a.md").write_text("# عنوان\n\nمتن سوم. " + SHORT, encoding="utf-8")
    (folder / "b.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["annotate", str(folder), "-o", str(out), "--format", fmt]) == cli.EXIT_OK
    capsys.readouterr()
    written = _snapshot(out)
    parts = 2 if fmt == "brat" else 1
    conf = 1 if fmt == "brat" else 0
    assert len(written) == 4 * parts + conf
    assert f"b.khana.{'ann' if fmt == 'brat' else fmt}" in written  # no collision, no change
    assert all(name.startswith(("a.txt.", "a.html.", "a.md.", "b.", "annotation.conf")) for name in written)


def test_same_name_in_two_folders_into_one_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for sub, words in (("d1", "یک"), ("d2", "دو")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(f"{words}. {SHORT}", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["annotate", str(tmp_path / "d1" / "x.txt"), str(tmp_path / "d2" / "x.txt"), "-o", str(out)])
    capsys.readouterr()
    assert code == cli.EXIT_OK
    written = _snapshot(out)
    assert sorted(written) == ["d1/x.txt.khana.json", "d2/x.txt.khana.json"]
    texts = sorted(json.loads(v)["text"][:3] for v in written.values())
    assert texts == ["دو.", "یک."]
    # Two folder arguments with the same tree below them: the second is skipped, not merged.
    code = cli.main(["annotate", str(tmp_path / "d1"), str(tmp_path / "d2"), "-o", str(tmp_path / "out2")])
    err = capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_BAD_INPUT
    assert len(_snapshot(tmp_path / "out2")) == 1
    assert len([line for line in err if line.startswith("skipped ") and "same file" in line]) == 1


def test_plan_outputs_never_repeats_a_name_case_insensitively(tmp_path: Path) -> None:
    inputs = [cli.Input(tmp_path / name) for name in ("A.txt", "a.txt", "a.TXT", "a.md")]
    plans = cli.plan_outputs(inputs, "json", tmp_path / "out")
    names = [os.path.normcase(str(p[0])).casefold() for p in plans if not isinstance(p, str)]
    assert len(names) == len(set(names))


# ------------------------------------------------------------------ 17, 19. every warning, one line each


def _copy_with_one_bad_mention() -> dict[str, object]:
    text = "علی رضایی گفت. رضایی رفت."
    ann = Annotations(text=text, entities=(Entity("e1", "PER", "علی رضایی", None, (Span(0, 9), Span(15, 20))),))
    data = annotations_to_dict(ann)
    data["entities"][0]["mentions"].append({"start": 3, "end": 9999})  # type: ignore[index]
    return data


def test_a_bad_mention_is_dropped_its_entity_kept_and_the_cli_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = render_annotated_html(Annotations(text="x"))
    data = _copy_with_one_bad_mention()
    from reader.core.export.html import embed_json

    marker = embed_json(Annotations(text="x"))
    copy = tmp_path / "a.khana.html"
    copy.write_text(page.replace(marker, json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")), encoding="utf-8")
    out = tmp_path / "out.json"
    assert cli.main(["annotate", str(copy), "-o", str(out)]) == cli.EXIT_OK
    err = capsys.readouterr().err.rstrip("\n").split("\n")
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert [(m["start"], m["end"]) for m in saved["entities"][0]["mentions"]] == [(0, 9), (15, 20)]
    assert any("warning" in line and "mentions[2]" in line for line in err), err
    assert all(line.startswith("khana: ") for line in err)


def test_batch_prints_each_warning_and_a_newline_in_a_name_stays_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "bad\nname\r.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    (folder / "cut\nshort.txt").write_bytes(SHORT.encode()[:-2])  # ends mid-character: a warning
    assert cli.main(["annotate", str(folder), "-o", str(tmp_path / "out")]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err.rstrip("\n").split("\n")
    assert len(err) == 3, err  # one skipped, one warning, one summary
    assert err[0].startswith(("skipped ", "warning ")) and "\\n" in err[0]
    assert any(line.startswith("warning ") and "cut\\nshort" in line for line in err)
    assert any(line.startswith("skipped ") and "bad\\nname\\r" in line for line in err)


def test_exit_when_ready_without_a_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--exit-when-ready"]) == 2
    err = capsys.readouterr().err.rstrip("\n").split("\n")
    assert err == ["khana: --exit-when-ready needs a FILE"]
    assert app.main(["--no-such-option"]) == 2
    assert len(capsys.readouterr().err.rstrip("\n").split("\n")) == 1


# ------------------------------------------------------------------ 14. workers


def test_jobs_above_the_processors_is_capped_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SHORT, encoding="utf-8")
    monkeypatch.setattr(cli, "usable_cpus", lambda: 1)
    assert cli.main(["annotate", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "64"]) == cli.EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err == ["khana: --jobs 64 is more than the 1 processors here; using 1"]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.update(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find the workers")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_parent(tmp_path: Path, how: signal.Signals) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(6):
        (folder / f"a{i}.txt").write_text(text * 3, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    parent = subprocess.Popen(
        [sys.executable, "-m", "reader", "annotate", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        assert _wait_for(lambda: len(_children(parent.pid)) >= 2 or parent.poll() is not None)
        workers = _children(parent.pid)
        assert parent.poll() is None, "the batch ended before its workers could be seen"
        parent.send_signal(how)
        parent.wait(timeout=60)
        assert _wait_for(lambda: not any(_alive(w) for w in workers)), "workers outlived their parent"
    finally:
        for pid in [parent.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        parent.wait(timeout=60)
