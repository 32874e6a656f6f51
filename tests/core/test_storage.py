"""atomic_write never leaves a half-written file or a stray temp; default_copy_path names copies."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from reader.core import storage
from reader.core.storage import SaveError, atomic_write, default_copy_path


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_writes_text_as_utf8_and_bytes_as_is(tmp_path: Path) -> None:
    target = tmp_path / "خبر با فاصله.khana.html"
    atomic_write(target, "سلام\n")
    assert target.read_bytes() == "سلام\n".encode()
    atomic_write(target, b"\x00\xff")
    assert target.read_bytes() == b"\x00\xff"
    assert _leftovers(tmp_path, {target.name}) == []


def test_replaces_and_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.html"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_umask_mode_not_mkstemp_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "n.html", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.html").stat().st_mode) == 0o644


def test_explicit_mode(tmp_path: Path) -> None:
    atomic_write(tmp_path / "p.json", "x", mode=0o600)
    assert stat.S_IMODE((tmp_path / "p.json").stat().st_mode) == 0o600


def test_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission denied")])
def test_failed_replace_keeps_previous_file_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    target = tmp_path / "a.khana.html"
    target.write_text("previous")

    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(SaveError) as info:
        atomic_write(target, "new content")
    message = str(info.value)
    assert "\n" not in message and words in message and str(target) in message
    assert target.read_text() == "previous"
    assert _leftovers(tmp_path, {target.name}) == []


def test_failed_fsync_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    target.write_text("previous")

    def refuse(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", refuse)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write(target, "x" * 100_000)
    assert target.read_text() == "previous"
    assert _leftovers(tmp_path, {target.name}) == []


def test_interrupted_write_removes_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    target.write_text("previous")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(storage.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "previous"
    assert _leftovers(tmp_path, {target.name}) == []


def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.html").write_text("previous")
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not stop writes (the monkeypatched tests cover it)")
        with pytest.raises(SaveError, match="permission denied"):
            atomic_write(folder / "a.html", "new")
        assert (folder / "a.html").read_text() == "previous"
        assert _leftovers(folder, {"a.html"}) == []
    finally:
        os.chmod(folder, 0o700)


def test_missing_folder_and_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="folder does not exist"):
        atomic_write(tmp_path / "nope" / "a.html", "x")
    with pytest.raises(SaveError, match="it is a folder"):
        atomic_write(tmp_path, "x")


def test_unencodable_text_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="UTF-8"):
        atomic_write(tmp_path / "a.txt", "bad \ud800 surrogate")
    assert list(tmp_path.iterdir()) == []


def test_message_is_one_line_even_for_a_newline_in_the_name(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as info:
        atomic_write(tmp_path / "missing\nfolder" / "a.html", "x")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "source, copy",
    [
        ("/d/a.txt", "/d/a.khana.html"),
        ("/d/a.khana.html", "/d/a.khana.html"),
        ("/d/a.KHANA.HTML", "/d/a.KHANA.HTML"),
        ("/d/a.html", "/d/a.khana.html"),
        ("/d/خبر امروز.txt", "/d/خبر امروز.khana.html"),
        ("/d/README", "/d/README.khana.html"),
        ("/d/a.b.txt", "/d/a.b.khana.html"),
    ],
)
def test_default_copy_path(source: str, copy: str) -> None:
    assert default_copy_path(Path(source)) == Path(copy)
