"""Writing the user's files so that a crash, a full disk or a read-only folder never loses one.

Every save goes through ``atomic_write``: the new content is written to a
temporary file in the same folder (so ``os.replace`` is a rename on one file
system, atomic on POSIX and Windows), flushed and fsynced, then renamed over the
target, and the folder is fsynced so the rename itself survives a power cut.
Until the rename the previous file is untouched; any failure removes the
temporary file and raises ``SaveError`` with a one-line reason for the user.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

COPY_SUFFIX = ".khana.html"


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
    shown = str(path).replace("\n", "\\n").replace("\r", "\\r")
    return f"cannot write {shown}: {reason}"


def atomic_write(path: Path | str, data: str | bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` (str is written as UTF-8) all at once or not at all.

    ``mode`` sets the permission bits of the new file; by default an existing
    file keeps its own and a new one gets the usual 0o666 less the umask
    (``mkstemp`` would otherwise leave a surprising 0o600).
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
        if path.is_symlink():
            path = path.resolve(strict=False)
    except (OSError, RuntimeError):
        raise SaveError(_one_line(path, _REASONS[errno.ELOOP])) from None
    if path.is_dir():
        raise SaveError(_one_line(path, _REASONS[errno.EISDIR]))
    folder = path.parent

    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = 0o666 & ~_umask()

    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:80]}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(_one_line(path, _reason(exc))) from None
    temp = Path(temp_name)
    try:
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
    over itself rather than as ``a.khana.khana.html``.
    """
    source = Path(source)
    name = source.name
    if name.lower().endswith(COPY_SUFFIX):
        return source
    stem = source.stem if source.suffix else name
    return source.with_name(stem + COPY_SUFFIX)
