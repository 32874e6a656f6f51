"""Loading articles: encodings, line ends, saved pages, Markdown, and refusals in one line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reader.core.loading import MAX_BYTES, LoadError, load_document

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "mehr-korea-russia.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
_LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8-sig"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf8-bom-crlf", "cr", "utf16-bom", "utf16-be-bom", "utf16-le-no-bom-crlf"],
)
def test_the_sample_reads_the_same_in_every_encoding(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "a.txt", encode(SAMPLE_TEXT))
    assert load_document(path).text == SAMPLE_TEXT


def test_windows_1256_is_detected_and_persian_ye_restored(tmp_path: Path) -> None:
    # Windows-1256 has neither Persian ye nor Persian digits: files store Arabic ye and Latin digits.
    text = SAMPLE_TEXT.translate(_LATIN_DIGITS)
    path = _write(tmp_path, "old.txt", text.replace("\n", "\r\n").replace("ی", "ي").encode("cp1256"))
    document = load_document(path)
    assert document.text == text
    assert document.warnings == ("read as Windows-1256",)


def test_empty_file_opens_as_an_empty_document(tmp_path: Path) -> None:
    assert load_document(_write(tmp_path, "empty.txt", b"")).text == ""


def test_truncated_utf8_keeps_everything_but_the_cut_character(tmp_path: Path) -> None:
    data = "سلام دنیا".encode()[:-1]
    document = load_document(_write(tmp_path, "cut.txt", data))
    assert document.text == "سلام دنی"
    assert document.warnings


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("noise.txt", bytes(range(256)) * 20, "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
        ("mixed.txt", "سلام".encode() * 50 + b"\xe9\xe9 caf\xe9" + "دنیا".encode() * 50, "not valid UTF-8"),
    ],
)
def test_unreadable_files_are_refused_in_one_line(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = _write(tmp_path, name, data)
    before = path.read_bytes()
    with pytest.raises(LoadError) as info:
        load_document(path)
    message = str(info.value)
    assert expected in message and "\n" not in message
    assert path.read_bytes() == before


def test_missing_path_directory_and_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    for target, expected in [(tmp_path / "nope.txt", "no such file"), (tmp_path, "folder"), (loop, "cannot open")]:
        with pytest.raises(LoadError, match=expected):
            load_document(target)


def test_files_over_the_limit_are_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: refusing it must not read it
    with pytest.raises(LoadError, match="MB"):
        load_document(path)


def test_a_persian_path_with_spaces(tmp_path: Path) -> None:
    path = _write(tmp_path, "خبر امروز.txt", "متن خبر".encode())
    assert load_document(path).text == "متن خبر"


def test_saved_news_page_keeps_the_story_and_drops_the_rest(tmp_path: Path) -> None:
    page = """<!doctype html><html lang="fa"><head><title>عنوان سایت</title>
    <meta property="og:title" content="دیدار پوتین و کیم">
    <meta property="article:published_time" content="2023-09-23T10:00:00+03:30">
    <style>p{color:red}</style><script>alert("x")</script>
    <link rel="stylesheet" href="https://example.invalid/x.css"></head>
    <body><nav><a href="/">خانه</a> <a href="/sport">ورزش</a></nav>
    <header class="site-header">سربرگ</header>
    <article><h1>دیدار پوتین و کیم</h1><p>کیم جونگ اون به روسیه سفر کرد.</p>
    <p>پوتین از او استقبال کرد &amp; گفت: خوش آمدید.</p><img src="https://example.invalid/a.png"></article>
    <div class="comments">نظر شما: عالی بود</div><footer>کپی‌رایت</footer></body></html>"""
    document = load_document(_write(tmp_path, "page.html", page.encode("utf-8")))
    assert document.title == "دیدار پوتین و کیم"
    assert document.article_date == dt.date(2023, 9, 23)
    assert "کیم جونگ اون به روسیه سفر کرد." in document.text
    assert "&" in document.text
    for dropped in ("alert", "خانه", "سربرگ", "نظر شما", "کپی‌رایت", "color:red"):
        assert dropped not in document.text


def test_time_element_gives_the_date_when_there_is_no_meta(tmp_path: Path) -> None:
    page = '<html><body><p>متن</p><time datetime="2024-03-20">۱ فروردین</time></body></html>'
    assert load_document(_write(tmp_path, "p.htm", page.encode("utf-8"))).article_date == dt.date(2024, 3, 20)


def test_json_ld_gives_the_date_and_stays_out_of_the_text(tmp_path: Path) -> None:
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
     {"@type": "NewsArticle", "headline": "سفر", "datePublished": "2023-09-23T08:30:00+03:30"}]}
    </script><script type="application/ld+json">{ broken json</script></head>
    <body><article><p>کیم به روسیه رفت.</p></article><time datetime="2020-01-01">قدیمی</time></body></html>"""
    document = load_document(_write(tmp_path, "ld.html", page.encode("utf-8")))
    assert document.article_date == dt.date(2023, 9, 23)
    assert document.text == "کیم به روسیه رفت."


@pytest.mark.parametrize("value", ["1402-07-01", "۱۴۰۲/۰۷/۰۱", "1402-07-01T10:00:00+03:30"])
def test_a_jalali_page_date_is_read_as_jalali(tmp_path: Path, value: str) -> None:
    page = f'<html><head><meta name="date" content="{value}"></head><body><p>متن</p></body></html>'
    assert load_document(_write(tmp_path, "j.html", page.encode("utf-8"))).article_date == dt.date(2023, 9, 23)


def test_an_impossible_page_date_is_no_date(tmp_path: Path) -> None:
    page = '<html><head><meta name="date" content="1402-13-40"></head><body><p>متن</p></body></html>'
    assert load_document(_write(tmp_path, "x.html", page.encode("utf-8"))).article_date is None


def test_markdown_loses_its_syntax_but_not_its_words(tmp_path: Path) -> None:
    source = "# دیدار در مسکو\n\n**پوتین** و [کیم](https://x.invalid) در `مسکو`.\n\n- بند اول\n> نقل قول\n\n![عکس](a.png)\n"
    document = load_document(_write(tmp_path, "a.md", source.encode("utf-8")))
    assert document.title == "دیدار در مسکو"
    assert document.text == "دیدار در مسکو\n\nپوتین و کیم در مسکو.\n\nبند اول\nنقل قول\n\nعکس"
