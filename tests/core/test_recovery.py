"""RecoveryStore keeps corrections per article and text, privately, and never crashes on a bad file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.core.document import Annotations, Entity, Span, annotations_to_dict
from reader.core.recovery import RecoveryStore

TEXT = "آنتونی بلینکن، وزیر خارجه آمریکا، گفت."


def _ann(text: str = TEXT) -> Annotations:
    return Annotations(text=text, entities=(Entity("e1", "PER", "آنتونی بلینکن", "وزیر خارجه", (Span(0, 13),)),))


def test_save_then_load(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.save("/news/a.txt", _ann())
    loaded = store.load("/news/a.txt", TEXT)
    assert loaded is not None and annotations_to_dict(loaded) == annotations_to_dict(_ann())


def test_private_and_path_not_in_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    store.save("/news/secret-source-name.txt", _ann())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (file,) = folder.iterdir()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert "secret" not in file.name


def test_other_text_or_other_source_finds_nothing(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save("/news/a.txt", _ann())
    assert store.load("/news/a.txt", TEXT + " edited") is None
    assert store.load("/news/b.txt", TEXT) is None


def test_relative_and_absolute_source_are_the_same(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = RecoveryStore(tmp_path / "r")
    store.save("a.txt", _ann())
    assert store.load(os.path.join(tmp_path, "a.txt"), TEXT) is not None


def test_clear_forgets_every_version(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save("/news/a.txt", _ann())
    store.save("/news/a.txt", _ann(TEXT + "!"))
    store.save("/news/b.txt", _ann())
    store.clear("/news/a.txt")
    assert store.load("/news/a.txt", TEXT) is None
    assert store.load("/news/a.txt", TEXT + "!") is None
    assert store.load("/news/b.txt", TEXT) is not None
    RecoveryStore(tmp_path / "never-created").clear("/x")  # no folder: nothing to do


def test_damaged_recovery_files_are_ignored_not_fatal(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save("/news/a.txt", _ann())
    (file,) = tmp_path.iterdir()
    for content in (b"", b"\xff\xfe garbage", b"[" * 100_000, b'{"khana-recovery": 99}', b"null",
                    b'{"khana-recovery": 1, "text_sha256": "0", "annotations": {}}'):
        file.write_bytes(content)
        assert store.load("/news/a.txt", TEXT) is None
    assert file.exists()  # left for a later look, not deleted


def test_recovery_with_a_bad_entity_keeps_the_rest(tmp_path: Path) -> None:
    import json

    store = RecoveryStore(tmp_path)
    store.save("/news/a.txt", _ann())
    (file,) = tmp_path.iterdir()
    record = json.loads(file.read_text())
    record["annotations"]["entities"].append({"id": "e2", "type": "PER", "name": "x", "mentions": [{"start": 0, "end": 9999}]})
    file.write_text(json.dumps(record))
    loaded = store.load("/news/a.txt", TEXT)
    assert loaded is not None and [e.id for e in loaded.entities] == ["e1"] and loaded.warnings


def test_prune_removes_only_old_recoveries(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save("/news/old.txt", _ann())
    store.save("/news/new.txt", _ann())
    (old,) = [p for p in tmp_path.iterdir() if p.name.startswith(store._source_key("/news/old.txt"))]
    stray = tmp_path / "notes.json"
    stray.write_text("{}", encoding="utf-8")
    month = 30 * 86_400
    os.utime(old, (old.stat().st_atime - 4 * month, old.stat().st_mtime - 4 * month))
    os.utime(stray, (stray.stat().st_atime - 4 * month, stray.stat().st_mtime - 4 * month))
    assert store.prune() == 1
    assert store.load("/news/old.txt", TEXT) is None
    assert store.load("/news/new.txt", TEXT) is not None
    assert stray.exists()  # not a recovery: never touched
    assert RecoveryStore(tmp_path / "never-created").prune() == 0


def test_hash_in_pieces_is_the_hash_of_the_whole() -> None:
    import hashlib

    from reader.core import recovery

    text = ("پوتین 😀 \ud800 " * 30_000)[: recovery._HASH_PIECE * 3 + 7]
    whole = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert recovery._sha256(text) == whole
