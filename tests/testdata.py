"""What several test modules know about the bundled sample, and makers of bad files.

The tests folder is on ``sys.path`` (pytest puts a conftest's folder there), so test
modules import this as ``testdata``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"

# The sample's seven people and their roles, as written in the article (it has no ZWNJs).
SAMPLE_PEOPLE = {
    "آنتونی بلینکن": "وزیر خارجه آمریکا",
    "پارک جین": "وزیر امور خارجه کره جنوبی",
    "یوکو کامیکاوا": "وزیر امور خارجه ژاپن",
    "کیم جونگ اون": "رهبر کره شمالی",
    "ولادیمیر پوتین": "رئیس جمهور روسیه",
    "یون سوک یول": "رئیسجمهور کره جنوبی",
    "سرگئی شویگو": "وزیر دفاع روسیه",
}


def file_maker(name: str, data: bytes) -> Callable[[Path], Path]:
    """A function that writes ``data`` to ``name`` in a given folder and returns the path."""

    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def sparse_file(folder: Path) -> Path:
    """A 200 MB file that takes no disk: for checking the size limit refuses it unread."""
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    return path
