"""``reader.batch`` on Dask's local distributed cluster: the outputs of ``khana annotate``, bad files skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import cli

if os.environ.get("CI"):
    import distributed  # the test extra installs it: CI must run this test, not skip it
else:
    distributed = pytest.importorskip("distributed")

from reader.batch import annotate_bag, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
SHORT = "تهران — علی رضایی، وزیر امور خارجه، روز ۲۰ مهر ۱۴۰۲ گفت: «این سفر مهم است.» قیمت‌ها ۱۵ درصد بالا رفت.\n"


def _articles(folder: Path) -> tuple[list[str], list[str]]:
    """Articles made from the sample in every form the loader reads, and two that are not articles."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    (folder / "nested").mkdir(parents=True)
    good = {
        "sample.txt": SAMPLE.read_bytes(),
        "reversed.txt": "\n\n".join(reversed(paragraphs)).encode("utf-8"),
        "nested/lead.md": ("# " + paragraphs[0] + "\n\n" + "\n\n".join(paragraphs[1:4])).encode("utf-8"),
        "page.html": (
            '<html><head><title>خبر</title><meta property="article:published_time" content="2023-09-23">'
            "</head><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs[2:]) + "</article></body></html>"
        ).encode("utf-8"),
        "nested/short-utf16.txt": SHORT.encode("utf-16"),
    }
    bad = {
        "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(64),  # a picture saved under an article's name
        "nested/archive.txt": b"PK\x03\x04" + bytes(64),
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data)
    return sorted(good), sorted(bad)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """Two worker processes of one thread, as the module's docstring asks of a real cluster."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as connected:
        yield connected


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_bag_writes_what_khana_annotate_writes_and_skips_bad_files(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    articles = tmp_path / "articles"
    good, bad = _articles(articles)
    expected_dir = tmp_path / "by-cli"
    assert cli.main(["annotate", str(articles), "-o", str(expected_dir), "--article-date", "2023-09-23"]) != 0
    expected = _outputs(expected_dir)
    assert len(expected) == len(good)

    import datetime as dt

    result = annotate_bag([articles], tmp_path / "by-dask", article_date=dt.date(2023, 9, 23), scheduler=client)

    assert _outputs(tmp_path / "by-dask") == expected  # byte for byte, one per good input
    assert sorted(str(p.relative_to(tmp_path / "by-dask")) for p in result.written) == sorted(expected)
    assert len(result.failures) == len(bad)
    for name, line in zip(bad, sorted(result.failures)):
        assert str(articles / name) in line and "\n" not in line
    # Each worker loaded hazm and the model once, when it joined: both hold them now.
    loaded = client.run(lambda: __import__("reader.core.pipeline", fromlist=["_tagger"])._tagger is not None)
    assert len(loaded) == 2 and all(loaded.values())


def test_the_command_reports_skipped_files_and_exits_1(tmp_path: Path, client, capsys) -> None:  # type: ignore[no-untyped-def]
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "short.txt").write_text(SHORT, encoding="utf-8")
    (articles / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    address = client.scheduler_info()["address"]
    assert main([address, str(articles), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "skipped" in err and "picture.txt" in err and "1 files written, 1 inputs skipped" in err
    assert (tmp_path / "out" / "short.khana.json").is_file()
