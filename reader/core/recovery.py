"""Autosave of the user's corrections, so a crash or a closed window never loses them.

Each article gets one small JSON file in the recovery folder, named by a hash
of its absolute path and of its text: the path is never written into a file
name (names end up in listings and backups), and a recovery made for another
version of the article is simply never found. The file holds the annotations
in the JSON contract; it is private to the user (folder 0o700, files 0o600)
because articles and notes may be sensitive.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from reader.core.document import AnnotationError, Annotations, annotations_from_dict, annotations_to_dict
from reader.core.storage import SaveError, atomic_write

RECOVERY_VERSION = 1
# How long a recovery nobody came back for is kept: an article edited elsewhere since, or
# moved, has a recovery that can never be found again, and it would stay forever.
KEEP_DAYS = 90
_NAME = re.compile(r"[0-9a-f]{32}-[0-9a-f]{16}\.json")
# A recovery holds one article's annotations; anything far bigger than Khana's own article
# limit is not one (a link to /dev/zero, a planted giant) and is never read.
MAX_RECOVERY_BYTES = 256 * 1024 * 1024


_HASH_PIECE = 65_536


def _sha256(text: str) -> str:
    """SHA-256 of ``text`` as UTF-8, encoded a piece at a time.

    One ``encode`` of a 5 MB article holds the GIL for 40–60 ms, which the window (whose load
    job calls this) feels as a stall; UTF-8 encodes code point by code point, so pieces give
    the same bytes. surrogatepass: a text with a lone surrogate still gets a stable key.
    """
    digest = hashlib.sha256()
    for i in range(0, len(text), _HASH_PIECE):
        digest.update(text[i : i + _HASH_PIECE].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class RecoveryStore:
    """Recovery files for unsaved corrections, one per (article path, article text)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _source_key(self, source: str) -> str:
        return _sha256(os.path.abspath(source))[:32]

    def _path(self, source: str, text: str) -> Path:
        return self.folder / f"{self._source_key(source)}-{_sha256(text)[:16]}.json"

    def save(self, source: str, ann: Annotations) -> None:
        """Write ``ann`` as the recovery for ``source``; atomic, raises ``SaveError``."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"cannot create the recovery folder {self.folder}: {exc.strerror or exc}") from None
        record = {
            "khana-recovery": RECOVERY_VERSION,
            "text_sha256": _sha256(ann.text),
            "annotations": annotations_to_dict(ann),
        }
        payload = json.dumps(record, ensure_ascii=False)
        # Not through a link: a recovery file replaced by a symlink must not redirect the write.
        atomic_write(self._path(source, ann.text), payload, mode=0o600, follow_symlinks=False)

    def load(self, source: str, text: str) -> Annotations | None:
        """The saved corrections for ``source`` if they were made on exactly this ``text``.

        A damaged or foreign recovery file yields None rather than an error: the
        article still opens, and the file is left in place for a later look.
        """
        path = self._path(source, text)
        try:
            raw = _read_regular(path, MAX_RECOVERY_BYTES)
            if raw is None:
                return None
            record: Any = json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(record, dict) or record.get("khana-recovery") != RECOVERY_VERSION:
            return None
        if record.get("text_sha256") != _sha256(text):
            return None
        try:
            ann = annotations_from_dict(record.get("annotations"), strict=False)
        except AnnotationError:
            return None
        return ann if ann.text == text else None

    def clear(self, source: str) -> None:
        """Forget every recovery for ``source`` (after a save, or when the user discards)."""
        prefix = self._source_key(source) + "-"
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".json"):
                try:
                    entry.unlink()
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    raise SaveError(f"cannot remove the recovery file {entry}: {exc.strerror or exc}") from None

    def prune(self, keep_days: float = KEEP_DAYS, *, now: float | None = None) -> int:
        """Remove recovery files untouched for ``keep_days``; returns how many went.

        Only files named like recoveries are looked at, so a stray file a user keeps in
        the folder stays; a file that cannot be removed is left for the next time.
        """
        cutoff = (time.time() if now is None else now) - keep_days * 86_400
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return 0
        removed = 0
        for entry in entries:
            if not _NAME.fullmatch(entry.name):
                continue
            try:
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


def _read_regular(path: Path, limit: int) -> bytes | None:
    """``path``'s bytes if it is a regular file (not a link, FIFO or device) of at most ``limit``.

    Opened without following a link and without blocking (a FIFO would otherwise hold the
    open forever), then checked again on the open file itself, so a file swapped in between
    the check and the open is caught too.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        data = handle.read(limit + 1)
    return None if len(data) > limit else data
