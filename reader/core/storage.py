"""Writing the user's files so that a crash, a full disk or a read-only folder never loses one.

Every save goes through ``atomic_write``: the new content is written to a
temporary file in the same folder (so ``os.replace`` is a rename on one file
system, atomic on POSIX and Windows), flushed and fsynced, then renamed over the
target, and the folder is fsynced so the rename itself survives a power cut.
Until the rename the previous file is untouched; any failure removes the
temporary file and raises ``SaveError`` with a one-line reason for the user.

A process killed mid-write (``kill -9``, a power cut) leaves its temporary file
behind; the next write into that folder removes such leftovers, but only files
of Khana's own naming (``.NAME.khana-XXXXXXXX.tmp``) that no live writer holds
locked and that are older than a minute.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: leftovers are recognised by age alone
    fcntl = None  # type: ignore[assignment]

COPY_SUFFIX = ".khana.html"
_TEMP_MARK = ".khana-"
_TEMP_NAME = re.compile(r"\..+\.khana-[A-Za-z0-9_]{8}\.tmp")
STALE_SECONDS = 60.0
_cleaned: set[str] = set()
_cleaned_lock = threading.Lock()


class SaveError(Exception):
    """A file could not be saved; the message is one line fit for a dialog or stderr."""


_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the folder is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "an input/output error occurred",
    errno.ELOOP: "the path has a symbolic link loop",
}


def _reason(exc: OSError) -> str:
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return " ".join(str(reason).split())


def _one_line(path: Path, reason: str) -> str:
    # A file name may itself hold a newline; the message must stay one line.
    return f"cannot write {one_line(path)}: {reason}"


# Everything str.splitlines() breaks a line at, shown escaped.
_LINE_BREAKS = {ord(c): f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
_LINE_BREAKS.update({ord("\n"): "\\n", ord("\r"): "\\r"})


def one_line(value: object) -> str:
    """``value`` as text fit for one line of a message: every line break shown escaped (``\\n``)."""
    return str(value).translate(_LINE_BREAKS)


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` name one file, however spelt (relative, absolute, through links)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def first_same_file(target: Path | str, inputs: Iterable[Path | str]) -> Path | str | None:
    """The first of ``inputs`` that is the same file as ``target``, if any."""
    for source in inputs:
        if same_file(target, source):
            return source
    return None


def atomic_write(
    path: Path | str, data: str | bytes, *, mode: int | None = None, follow_symlinks: bool = True
) -> None:
    """Replace ``path`` with ``data`` (str is written as UTF-8) all at once or not at all.

    ``mode`` sets the permission bits of the new file; by default an existing
    file keeps its own and a new one gets the usual 0o666 less the umask
    (``mkstemp`` would otherwise leave a surprising 0o600).

    A save the user asked for follows a symbolic link and replaces the file it
    points at. A file Khana writes on its own (``follow_symlinks=False``: the
    recovery store) replaces whatever stands at ``path``, a link included, so a
    planted link can never redirect the write to another of the user's files.
    Either way the content goes to a new temporary file first and is renamed
    into place: no existing file is ever opened for writing.
    """
    path = Path(path)
    if isinstance(data, str):
        try:
            payload = data.encode("utf-8")
        except UnicodeEncodeError:
            raise SaveError(_one_line(path, "the text holds characters that cannot be saved as UTF-8")) from None
    else:
        payload = bytes(data)

    # Saving through a symlink updates the file it points at rather than replacing the link.
    try:
        if follow_symlinks and path.is_symlink():
            path = path.resolve(strict=False)
    except (OSError, RuntimeError):
        raise SaveError(_one_line(path, _REASONS[errno.ELOOP])) from None
    if path.is_dir() and (follow_symlinks or not path.is_symlink()):
        raise SaveError(_one_line(path, _REASONS[errno.EISDIR]))
    folder = path.parent

    if mode is None:
        try:
            st = path.stat() if follow_symlinks else path.lstat()
            mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else 0o666 & ~_umask()
        except OSError:
            mode = 0o666 & ~_umask()

    remove_stale_temporaries(folder)
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:80]}{_TEMP_MARK}", suffix=".tmp")
    except OSError as exc:
        raise SaveError(_one_line(path, _reason(exc))) from None
    temp = Path(temp_name)
    try:
        if fcntl is not None:
            # Held until the file is renamed or closed: a cleaner in another process sees it is live.
            fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        # BaseException too: a KeyboardInterrupt mid-write must not leave a stray temp file.
        try:
            temp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise SaveError(_one_line(path, _reason(exc))) from None
        raise
    _fsync_folder(folder)


def remove_stale_temporaries(folder: Path | str, *, now: float | None = None, force: bool = False) -> int:
    """Remove what killed writes left in ``folder``; returns how many files went.

    Done once per folder per process (``force`` repeats it): a batch writing ten
    thousand files into one folder must not list it ten thousand times. Only
    regular files named as ``atomic_write`` names its temporaries count, and only
    when older than ``STALE_SECONDS`` and not locked by a writer still running.
    """
    key = os.path.abspath(folder)
    with _cleaned_lock:
        if key in _cleaned and not force:
            return 0
        _cleaned.add(key)
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if _TEMP_MARK not in entry.name or not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_mtime > cutoff:
                continue
            if _is_locked(entry.path):
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def _is_locked(path: str) -> bool:
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops the lock just taken
    return False


def _fsync_folder(folder: Path) -> None:
    # The rename is done and the new content is in place; a folder fsync only
    # makes it survive a power cut. Some systems (Windows, a few network file
    # systems) cannot fsync a folder, and that is no reason to report a failure.
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _umask() -> int:
    # Linux reports the umask without changing it; elsewhere it can only be read
    # by setting it, which briefly affects other threads, hence the preference.
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def default_copy_path(source: Path | str) -> Path:
    """Where the annotated copy of ``source`` goes: ``NAME.khana.html`` beside it.

    ``a.txt`` → ``a.khana.html``; a copy that is itself a Khana copy is saved
    over itself rather than as ``a.khana.khana.html``, and the HTML copy of a
    Khana JSON file ``a.khana.json`` is ``a.khana.html``, never the JSON itself.
    """
    source = Path(source)
    name = source.name
    if name.lower().endswith(COPY_SUFFIX):
        return source
    stem = source.stem if source.suffix else name
    if stem.lower().endswith(".khana"):
        stem = stem[: -len(".khana")]
    return source.with_name(stem + COPY_SUFFIX)


def is_khana_copy(path: Path | str) -> bool:
    """Whether ``path`` is a regular file holding a Khana annotated HTML copy (with its data block).

    Read a piece at a time, so a big copy costs no memory; never through a FIFO or a device.
    """
    from reader.core.export.html import DATA_ID

    marker = f'id="{DATA_ID}"'.encode()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return False
            head = handle.read(4096)
            if not head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
                return False
            tail = head
            while True:
                if marker in tail:
                    return True
                piece = handle.read(1 << 20)
                if not piece:
                    return False
                tail = tail[-len(marker):] + piece
    except OSError:
        return False
