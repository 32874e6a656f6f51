"""``khana annotate`` on a folder: bad files reported and skipped, the rest written, ``--jobs`` changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader import cli
from reader.core import pipeline
from reader.core.ner.tagger import default_model_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
SHORT = "تهران — علی رضایی، وزیر امور خارجه، روز ۲۰ مهر ۱۴۰۲ گفت: «این سفر مهم است.» قیمت‌ها ۱۵ درصد بالا رفت.\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


class _AllOutside:
    """Stands in for the NER model where it is not there (it is trained separately): every token ``O``."""

    def expect(self, tokens):  # type: ignore[no-untyped-def]
        pass

    def release(self):  # type: ignore[no-untyped-def]
        pass

    def tag(self, sentences):  # type: ignore[no-untyped-def]
        return [["O"] * len(sentence) for sentence in sentences]


@pytest.fixture(autouse=True)
def _tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    # Worker processes are forked, so they inherit the stand-in as well.
    if not default_model_path().is_file():
        monkeypatch.setattr(pipeline, "_tagger", _AllOutside())


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    (articles / "more").mkdir(parents=True)
    shutil.copy(SAMPLE, articles / "korea.txt")
    (articles / "more" / "short.md").write_text(SHORT, encoding="utf-8")
    (articles / "broken.txt").write_bytes(PNG)  # a picture saved under an article's name
    (articles / "picture.png").write_bytes(PNG)  # not an article: never read
    return articles


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bad_file_is_reported_and_skipped_and_the_others_are_written(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = cli.main(["annotate", str(folder), "-o", str(out), "--article-date", "2023-09-23"])
    err = capsys.readouterr().err.splitlines()
    assert code == cli.EXIT_BAD_INPUT
    # The folder tree below the folder argument is mirrored in -o.
    assert sorted(_outputs(out)) == ["korea.khana.json", "more/short.khana.json"]
    skipped = [line for line in err if line.startswith("skipped ")]
    assert len(skipped) == 1 and "broken.txt" in skipped[0] and "PNG" in skipped[0]
    assert err[-1] == "khana: 1 of 3 files could not be annotated"


def test_outputs_go_beside_the_inputs_without_touching_them(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _outputs(folder)
    code = cli.main(["annotate", str(folder / "korea.txt"), str(folder / "more"), "--format", "brat"])
    capsys.readouterr()
    assert code == cli.EXIT_OK
    after = _outputs(folder)
    assert {k: v for k, v in after.items() if k in before} == before
    assert sorted(set(after) - set(before)) == [
        "annotation.conf", "korea.khana.ann", "korea.khana.txt",
        "more/annotation.conf", "more/short.khana.ann", "more/short.khana.txt",
    ]


def test_brat_keeps_a_folders_own_annotation_conf(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "brat-project"
    project.mkdir()
    (project / "annotation.conf").write_text("[entities]\nOwn\n", encoding="utf-8")
    assert cli.main(["annotate", str(folder / "korea.txt"), "--format", "brat", "-o", str(project / "korea")]) == cli.EXIT_OK
    capsys.readouterr()
    assert sorted(p.name for p in project.iterdir()) == ["annotation.conf", "korea.khana.ann", "korea.khana.txt"]
    assert (project / "annotation.conf").read_text(encoding="utf-8") == "[entities]\nOwn\n"


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_two_jobs_write_exactly_what_one_job_writes(
    folder: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        code = cli.main(["annotate", str(folder), "-o", str(out), "--format", fmt, "--jobs", str(jobs)])
        err = capsys.readouterr().err.splitlines()
        results[jobs] = (code, _outputs(out), [line for line in err if not line.startswith("skipped ")], len(err))
    assert results[1] == results[2]
    assert results[1][0] == cli.EXIT_BAD_INPUT and len(results[1][1]) == 2


def test_no_article_in_the_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "picture.png").write_bytes(PNG)
    assert cli.main(["annotate", str(tmp_path)]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err.strip().splitlines() == ["khana: no article files found in the given folders"]


def test_jobs_below_one_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["annotate", str(folder), "--jobs", "0"]) == cli.EXIT_BAD_INPUT
    assert "--jobs" in capsys.readouterr().err
