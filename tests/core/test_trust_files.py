"""Files Khana writes on its own are never written through a planted link, recovery files are read
only when they are small regular files, killed writes leave nothing behind for long, and a copy
of a text holding NUL reopens.
"""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.core import storage
from reader.core.document import Annotations, Entity, Span
from reader.core.export.html import render_annotated_html
from reader.core.loading import load_document
from reader.core.recovery import RecoveryStore
from reader.core.storage import (
    atomic_write,
    default_copy_path,
    is_khana_copy,
    remove_stale_temporaries,
    same_file,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = "علی رضایی گفت: «سلام.»"


def _ann() -> Annotations:
    return Annotations(text=TEXT, entities=(Entity("e1", "PER", "علی رضایی", None, (Span(0, 9),)),))


def _only_recovery(folder: Path) -> Path:
    (path,) = [p for p in folder.iterdir() if p.name.endswith(".json")]
    return path


# ------------------------------------------------------------------ 5. the recovery store


def test_autosave_replaces_a_planted_symlink_and_never_writes_its_target(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.save("/news/a.txt", _ann())
    recovery = _only_recovery(tmp_path / "recovery")
    victim = tmp_path / "thesis.txt"
    victim.write_text("the user's own work", encoding="utf-8")
    os.chmod(victim, 0o644)
    recovery.unlink()
    recovery.symlink_to(victim)
    store.save("/news/a.txt", _ann())
    assert victim.read_text(encoding="utf-8") == "the user's own work"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not recovery.is_symlink() and recovery.is_file()
    assert store.load("/news/a.txt", TEXT) == _ann()


def test_a_recovery_symlink_is_not_followed_on_load(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.save("/news/a.txt", _ann())
    recovery = _only_recovery(tmp_path / "recovery")
    real = tmp_path / "elsewhere.json"
    recovery.rename(real)
    recovery.symlink_to(real)
    assert store.load("/news/a.txt", TEXT) is None


def _load_in_a_child(folder: Path, setup: str) -> subprocess.CompletedProcess[str]:
    # A child with a 1.5 GB address-space limit and a timeout: what used to read /dev/zero
    # to exhaustion or wait on a FIFO forever fails there, not in the test runner.
    code = textwrap.dedent(f"""
        import os, resource, sys
        from pathlib import Path
        from reader.core.recovery import RecoveryStore
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        store = RecoveryStore(Path({str(folder)!r}))
        store.save("/news/a.txt", __import__("reader.core.document", fromlist=["x"]).Annotations(text="x"))
        (path,) = [p for p in Path({str(folder)!r}).iterdir() if p.name.endswith(".json")]
        path.unlink()
        {setup}
        print(store.load("/news/a.txt", "x"))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "setup",
    [
        "path.symlink_to('/dev/zero')",
        "os.mkfifo(path)",
        "path.write_bytes(b' ' * 10); os.truncate(path, 2_000_000_000)",
    ],
    ids=["link to /dev/zero", "fifo", "sparse 2 GB file"],
)
def test_a_recovery_that_is_not_a_small_regular_file_is_not_read(tmp_path: Path, setup: str) -> None:
    if "mkfifo" in setup and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    result = _load_in_a_child(tmp_path / "recovery", setup)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "None"


# ------------------------------------------------------------------ 7. killed writes


def _temp_name(target: str) -> str:
    return f".{target}.khana-a1B2c3D4.tmp"


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_stale_temporaries_of_khanas_naming_go_on_the_next_write(tmp_path: Path) -> None:
    stale = tmp_path / _temp_name("a.khana.json")
    stale.write_bytes(b"half a fi")
    _age(stale, 3600)
    fresh = tmp_path / _temp_name("b.khana.json")  # another writer, just started
    fresh.write_bytes(b"in progress")
    held = tmp_path / _temp_name("c.khana.json")  # an old write still running: locked
    held.write_bytes(b"slow disk")
    _age(held, 3600)
    foreign = tmp_path / ".a.khana.json.x1y2z3w4.tmp"  # not Khana's naming
    foreign.write_bytes(b"someone else's")
    _age(foreign, 3600)
    link = tmp_path / _temp_name("d.khana.json")
    link.symlink_to(tmp_path / "target-of-link")
    _age(link, 3600)
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        atomic_write(tmp_path / "other.khana.json", "{}")
    finally:
        os.close(fd)
    assert not stale.exists()
    assert fresh.exists() and held.exists() and foreign.exists() and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["other.khana.json"]


def test_a_write_killed_with_sigkill_leaves_a_temporary_that_the_next_write_removes(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import os, sys, time
        from reader.core import storage
        def stall(*args):
            print("written", flush=True)
            time.sleep(600)
        storage.os.replace = stall
        storage.atomic_write({str(tmp_path / "out.khana.json")!r}, "x" * 100_000)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=60)
        if child.stdout is not None:
            child.stdout.close()
    (partial,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    _age(partial, storage.STALE_SECONDS * 2)
    assert remove_stale_temporaries(tmp_path, force=True) == 1
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ same file, copies


def test_same_file_sees_through_spellings_links_and_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    a = tmp_path / "a.txt"
    a.write_text("x")
    (tmp_path / "link").symlink_to(a)
    os.link(a, tmp_path / "hard")
    for spelling in ("a.txt", "./a.txt", str(a), "sub/../a.txt", "link", "hard"):
        assert same_file(spelling, a), spelling
    assert not same_file("missing.txt", a)
    assert not same_file(tmp_path / "sub", a)


def test_the_copy_of_a_khana_json_is_its_own_html_name(tmp_path: Path) -> None:
    assert default_copy_path(tmp_path / "a.khana.json") == tmp_path / "a.khana.html"
    assert default_copy_path(tmp_path / "a.json") == tmp_path / "a.khana.html"
    assert default_copy_path(tmp_path / "a.khana.html") == tmp_path / "a.khana.html"


def test_is_khana_copy_only_for_a_copy(tmp_path: Path) -> None:
    copy = tmp_path / "a.khana.html"
    copy.write_text(render_annotated_html(_ann()), encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><p>khana-annotations</p>", encoding="utf-8")
    json_file = tmp_path / "a.json"
    json_file.write_text('{"format": "khana-annotations"}', encoding="utf-8")
    assert is_khana_copy(copy)
    assert not is_khana_copy(page) and not is_khana_copy(json_file) and not is_khana_copy(tmp_path / "none")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        assert not is_khana_copy(tmp_path / "fifo")


# ------------------------------------------------------------------ 6. NUL in a copy


def test_a_copy_of_a_text_holding_nul_reopens_with_the_nul(tmp_path: Path) -> None:
    text = "سلام\0دنیا\0"
    ann = Annotations(text=text, title="عنوان\0", entities=(Entity("e1", "LOC", "دنیا", None, (Span(5, 9),)),))
    html = render_annotated_html(ann)
    assert "\0" not in html
    copy = tmp_path / "n.khana.html"
    copy.write_text(html, encoding="utf-8")
    document = load_document(copy)
    assert document.annotations == ann and document.text == text
    assert document.warnings == ()


# ------------------------------------------------------------------ 6. the limit is on the carried text


def _heavy(size: int) -> Annotations:
    # A mention every third word: the copy is several times its article, as for a busy article.
    text = ("علی " * (size // 7)) + "." * (size % 7)
    spans = tuple(Span(i, i + 3) for i in range(0, len(text) - 3, 12))  # a name every third word
    return Annotations(text=text, entities=(Entity("e1", "PER", "علی", None, spans),))


def test_a_copy_of_an_article_at_the_size_limit_reopens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.loading import files as loading  # where MAX_BYTES is read

    monkeypatch.setattr(loading, "MAX_BYTES", 100_000)
    at_limit = _heavy(100_000)
    assert len(at_limit.text.encode("utf-8")) == 100_000
    copy = tmp_path / "big.khana.html"
    copy.write_text(render_annotated_html(at_limit), encoding="utf-8")
    assert copy.stat().st_size > 100_000 * 2  # far over the limit in bytes
    assert load_document(copy).annotations == at_limit
    json_copy = tmp_path / "big.khana.json"
    from reader.core.document import annotations_to_json

    json_copy.write_text(annotations_to_json(at_limit), encoding="utf-8")
    assert load_document(json_copy).annotations == at_limit
    over = tmp_path / "over.khana.html"
    over.write_text(render_annotated_html(_heavy(100_004)), encoding="utf-8")
    with pytest.raises(loading.LoadError, match="Khana opens articles up to"):
        load_document(over)
    page = tmp_path / "page.html"  # a page that is not a copy keeps the plain limit
    page.write_text("<html><body><p>" + "سلام " * 30_000 + "</p></body></html>", encoding="utf-8")
    with pytest.raises(loading.LoadError, match="Khana opens articles up to"):
        load_document(page)
