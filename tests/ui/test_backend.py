"""The window's core backend writes exports as the core renders them, plus what a folder needs."""

from __future__ import annotations

from pathlib import Path

from helpers import FakeBackend
from sample_data import sample_annotations


def test_brat_export_writes_its_configuration_once_and_keeps_a_projects_own(tmp_path: Path) -> None:
    backend = FakeBackend()
    written = backend.export(str(tmp_path / "article"), sample_annotations(), "brat")
    conf = tmp_path / "annotation.conf"
    assert sorted(Path(p).name for p in written) == ["annotation.conf", "article.ann", "article.txt"]
    assert "[entities]" in conf.read_text(encoding="utf-8")
    conf.write_text("[entities]\nمال پروژه\n", encoding="utf-8")  # the user's brat project
    written = backend.export(str(tmp_path / "second"), sample_annotations(), "brat")
    assert sorted(Path(p).name for p in written) == ["second.ann", "second.txt"]
    assert conf.read_text(encoding="utf-8") == "[entities]\nمال پروژه\n"


def test_other_formats_write_only_their_own_file(tmp_path: Path) -> None:
    written = FakeBackend().export(str(tmp_path / "article"), sample_annotations(), "json")
    assert [Path(p).name for p in written] == ["article.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.json"]
