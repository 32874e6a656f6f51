"""Bad input tried on purpose: tampered annotated copies, hostile article text, broken files.

Each case must end in a correct result or a clear one-line message (no
newline, no traceback), and a file that was read must be left byte-for-byte
and mtime-for-mtime as it was.
"""

from __future__ import annotations

import json
import os
import random
from html.parser import HTMLParser
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from testdata import file_maker, sparse_file

from reader.core.document import (
    AnnotationError,
    Annotations,
    Document,
    Entity,
    Quote,
    Span,
    annotations_to_dict,
)
from reader.core.export.html import DATA_ID, embed_json, extract_embedded, render_annotated_html
from reader.core.loading import MAX_BYTES, LoadError, load_document

TEXT = "آنتونی بلینکن گفت: «ما نگرانیم.»\nخط دوم."


def _ann() -> Annotations:
    return Annotations(
        text=TEXT,
        title="عنوان",
        entities=(Entity("e1", "PER", "آنتونی بلینکن", "وزیر", (Span(0, 13),)),),
        quotes=(Quote(19, 32, speaker="e1"),),
    )


def _with_data(data: object | str) -> str:
    """A real copy whose data block is replaced by ``data`` (a JSON value, or raw text)."""
    html = render_annotated_html(_ann())
    raw = data if isinstance(data, str) else json.dumps(data)
    start = html.index(f'id="{DATA_ID}">') + len(f'id="{DATA_ID}">')
    end = html.index("</script>", start)
    return html[:start] + raw + html[end:]


def _good_data() -> dict:
    return annotations_to_dict(_ann())


def _one_line_error(exc: BaseException) -> None:
    message = str(exc)
    assert message and "\n" not in message and "\r" not in message and "Traceback" not in message


# --------------------------------------------------------------------------- tampered copies


def _tamper(**changes: object) -> dict:
    data = _good_data()
    data.update(changes)
    return data


REFUSED_COPIES: list[tuple[str, str, str]] = [
    ("broken JSON", _with_data('{"format": "khana-annotations", "version": 1, "text": '), "not valid JSON"),
    ("empty data block", _with_data(""), "not valid JSON"),
    ("unknown version", _with_data(_tamper(version=2)), "unsupported annotation version 2"),
    ("version as string", _with_data(_tamper(version="1")), "unsupported annotation version"),
    ("other format", _with_data(_tamper(format="brat")), "not in the Khana format"),
    ("text not a string", _with_data(_tamper(text=12)), "'text'"),
    ("text missing", _with_data({k: v for k, v in _good_data().items() if k != "text"}), "'text'"),
    ("entities not a list", _with_data(_tamper(entities={"e1": 1})), "'entities' is not a list"),
    ("data is a list", _with_data([1, 2, 3]), "not a JSON object"),
    ("title of wrong type", _with_data(_tamper(title=["x"])), "title"),
    ("article date not a date", _with_data(_tamper(article_date="yesterday")), "article_date"),
    ("duplicate entity ids", _with_data(_tamper(entities=[_good_data()["entities"][0]] * 2)), "used twice"),
    ("huge nesting", _with_data('{"format":"khana-annotations","version":1,"text":"x","entities":' + "[" * 200_000 + "]" * 200_000 + "}"), "nested too deeply"),
    ("two data blocks", render_annotated_html(_ann()).replace("</body>", f'<script type="application/json" id="{DATA_ID}">{{}}</script></body>'), "2 annotation blocks"),
    ("data block not JSON typed", render_annotated_html(_ann()).replace('type="application/json"', 'type="text/javascript"'), "not marked as JSON"),
    ("</script> injected into the block", _with_data('{"format":"khana-annotations","version":1,"text":"</script><script>alert(1)</script>"}'), "not valid JSON"),
    ("NaN and garbage after JSON", _with_data(json.dumps(_good_data()) + " trailing"), "not valid JSON"),
]


@pytest.mark.parametrize("html, words", [(h, w) for _, h, w in REFUSED_COPIES], ids=[c[0] for c in REFUSED_COPIES])
def test_tampered_copy_is_refused_with_one_line(html: str, words: str) -> None:
    with pytest.raises(AnnotationError) as info:
        extract_embedded(html)
    _one_line_error(info.value)
    assert words in str(info.value)


def _mention(start: object, end: object) -> dict:
    entity = dict(_good_data()["entities"][0])
    entity["id"] = "bad"
    entity["mentions"] = [{"start": start, "end": end}]
    return entity


RECOVERED_COPIES: list[tuple[str, dict, str]] = [
    ("mention offsets outside the text", _tamper(entities=_good_data()["entities"] + [_mention(5, 10_000)]), "outside the text"),
    ("negative offsets", _tamper(entities=_good_data()["entities"] + [_mention(-3, 2)]), "outside the text"),
    ("offsets as strings", _tamper(entities=_good_data()["entities"] + [_mention("0", "5")]), "integers"),
    ("offsets as floats", _tamper(entities=_good_data()["entities"] + [_mention(0.0, 5.0)]), "integers"),
    ("offsets as booleans", _tamper(entities=_good_data()["entities"] + [_mention(False, True)]), "integers"),
    ("unknown entity type", _tamper(entities=_good_data()["entities"] + [dict(_mention(0, 3), type="EVIL")]), "unknown entity type"),
    ("quote outside the text", _tamper(quotes=_good_data()["quotes"] + [{"start": 0, "end": 999}]), "outside the text"),
    ("quote of an unknown speaker", _tamper(quotes=[dict(_good_data()["quotes"][0], speaker="ghost")]), "unknown speaker"),
    ("date of unknown kind", _tamper(dates=[{"start": 0, "end": 3, "kind": "someday"}]), "unknown date kind"),
    ("date with a bad calendar value", _tamper(dates=[{"start": 0, "end": 3, "kind": "date", "jalali": {"start": "x", "end": "y"}}]), "YYYY-MM-DD"),
    ("entity that is not an object", _tamper(entities=_good_data()["entities"] + ["e2"]), "must be an object"),
]


@pytest.mark.parametrize("data, words", [(d, w) for _, d, w in RECOVERED_COPIES], ids=[c[0] for c in RECOVERED_COPIES])
def test_damaged_part_is_skipped_with_a_warning_and_the_rest_kept(data: dict, words: str) -> None:
    ann = extract_embedded(_with_data(data))
    assert ann is not None and ann.text == TEXT
    assert ann.entity("e1") is not None and ann.entity("e1").role == "وزیر"
    assert any(words in w for w in ann.warnings), ann.warnings
    assert all("\n" not in w for w in ann.warnings)


def test_copy_text_edited_outside_the_data_block_keeps_json_text() -> None:
    html = render_annotated_html(_ann()).replace("خط دوم.", "<script>alert(1)</script>", 1)
    ann = extract_embedded(html)
    assert ann is not None and ann.text == TEXT and ann.warnings


# --------------------------------------------------------------------------- hostile text


def test_text_from_a_txt_with_markup_is_rendered_inert() -> None:
    text = "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n<a href=\"https://evil.example/\">x</a> <style>@import url(https://evil.example/x.css)</style>"
    ann = Annotations(text=text, entities=(Entity("e", "ORG", "<iframe src=//evil.example>", None, (Span(0, 8),)),))
    html = render_annotated_html(ann)

    class Elements(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append((tag, dict(attrs)))

    parser = Elements()
    parser.feed(html)
    assert [a for t, a in parser.found if t == "script"] == [{"type": "application/json", "id": DATA_ID}]
    assert [t for t, _ in parser.found].count("style") == 1
    for tag, attrs in parser.found:
        assert not [name for name in attrs if name.startswith("on") or name in ("src", "href", "srcset", "action")], tag
        assert tag not in ("img", "a", "iframe", "link", "object", "embed", "base"), tag
    assert "https://evil.example/" not in html.split("<style>")[1].split("</style>")[0]
    data = html[html.index(f'id="{DATA_ID}">'):]
    assert "<script>" not in data[len(DATA_ID):].split("</script>")[0]
    assert extract_embedded(html).text == text  # type: ignore[union-attr]


def test_embedded_json_cannot_close_its_element() -> None:
    ann = Annotations(text="</script><!-- <script> & </SCRIPT >")
    block = embed_json(ann)
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["text"] == ann.text


# --------------------------------------------------------------------------- the loader


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    # None: any one-line LoadError is right; else a check on the Document, or words the error must hold.
    expect: Callable[[Document], bool] | str | None = None
    either: bool = False  # a correct Document or a one-line refusal are both fine


def _folder(folder: Path) -> Path:
    path = folder / "a folder.txt"
    path.mkdir()
    return path


def _loop(folder: Path) -> Path:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _copy(folder: Path) -> Path:
    path = folder / "copy.khana.html"
    path.write_text(render_annotated_html(_ann()), encoding="utf-8")
    return path


def _damaged_copy(folder: Path) -> Path:
    path = folder / "damaged.khana.html"
    path.write_text(_with_data(_tamper(version=99)), encoding="utf-8")
    return path


PERSIAN = "سلام دنیا، این یک خبر است.\n".encode()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
ONLY_FORMATTING = ("\u200c" * 500 + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" * 50).encode("utf-8")

CASES = [
    Case("empty file", file_maker("empty.txt", b""), lambda d: d.text == ""),
    Case("random bytes", file_maker("random.txt", random.Random(6).randbytes(8192))),
    Case("PNG named .txt", file_maker("picture.txt", PNG), "PNG"),
    Case("PDF named .txt", file_maker("doc.txt", b"%PDF-1.7\n" + bytes(range(256))), "PDF"),
    Case("truncated UTF-8", file_maker("cut8.txt", PERSIAN + "خبر".encode()[:-1]), lambda d: d.text.startswith("سلام") and bool(d.warnings)),
    Case("truncated UTF-16 with BOM", file_maker("cut16.txt", "سلام دنیا".encode("utf-16")[:-1]), lambda d: d.text == "سلام دنی" or d.text == "سلام دنیا"[:-1]),
    Case("UTF-16 without BOM", file_maker("u16.txt", "سلام دنیا، خبر".encode("utf-16-le")), lambda d: d.text == "سلام دنیا، خبر"),
    Case("UTF-8 with BOM and CRLF", file_maker("bom.txt", b"\xef\xbb\xbf" + "یک\r\nدو\r\n".encode()), lambda d: d.text == "یک\nدو\n"),
    Case("Windows-1256", file_maker("cp1256.txt", "سلام، خبر گرم".encode("cp1256")), lambda d: "سلام" in d.text and bool(d.warnings)),
    Case("mixed UTF-8 and Windows-1256", file_maker("mixed.txt", PERSIAN * 20 + "خبر".encode("cp1256") + PERSIAN), None, either=True),
    Case("NUL bytes in UTF-8", file_maker("nul.txt", PERSIAN + b"\x00\x00" + PERSIAN), None, either=True),
    Case("200 MB sparse file", sparse_file, "MB"),
    Case("one 5 MB line", file_maker("long.txt", ("کلمه " * 1_000_000).encode("utf-8")[: 5 * 1024 * 1024]), lambda d: len(d.text) > 2_000_000 and "\n" not in d.text),
    Case("100,000 guillemets", file_maker("guillemets.txt", ("«" * 50_000 + "»" * 50_000).encode("utf-8")), lambda d: len(d.text) == 100_000),
    Case("unbalanced «", file_maker("unbalanced.txt", "او گفت: «ما می‌رویم.\nو رفت.".encode()), lambda d: d.text.count("«") == 1),
    Case("only ZWNJs and bidi controls", file_maker("formatting.txt", ONLY_FORMATTING), lambda d: isinstance(d.text, str)),
    Case("a directory", _folder, "folder"),
    Case("a missing path", lambda f: f / "not here.txt", "no such file"),
    Case("Persian name with spaces", file_maker("خبر امروز  از مهر.txt", PERSIAN), lambda d: d.text == PERSIAN.decode()),
    Case("symlink loop", _loop, "link"),
    Case("named pipe", _fifo, "not a regular file"),
    Case("Khana copy", _copy, lambda d: d.annotations is not None and annotations_to_dict(d.annotations) == annotations_to_dict(_ann())),
    Case("damaged Khana copy", _damaged_copy, "unsupported annotation version"),
    # A page with no story is refused, not opened as an empty article (#17 item 15).
    Case("empty HTML", file_maker("empty.html", b"<html></html>"), "no article text found"),
    Case("JSON that is not annotations", file_maker("a.json", b'{"a": 1}'), "not a Khana annotation file"),
]


def _snapshot(path: Path) -> tuple[bytes, int] | None:
    if path.is_symlink() or not path.is_file():
        return None
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_loader_bad_input(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    before = _snapshot(path) if "sparse" not in case.name else (None, path.stat().st_mtime_ns)
    try:
        result: Document | LoadError = load_document(path)
    except LoadError as exc:
        result = exc

    if isinstance(result, LoadError):
        _one_line_error(result)
        assert not callable(case.expect), f"{case.name}: refused: {result}"
        if isinstance(case.expect, str):
            assert case.expect in str(result)
    else:
        assert callable(case.expect) or case.either, f"{case.name}: expected a refusal, got a document"
        if callable(case.expect):
            assert case.expect(result), case.name
        assert "\n" not in "".join(result.warnings)

    if "sparse" in case.name:
        # That it is refused unread is test_huge_file_is_refused_without_being_opened's proof.
        assert path.stat().st_size == 200 * 1024 * 1024 > MAX_BYTES
        assert path.stat().st_mtime_ns == before[1]
    else:
        assert _snapshot(path) == before


def test_huge_file_is_refused_without_being_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sparse_file(tmp_path)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader opened a file over the size limit")

    monkeypatch.setattr(Path, "open", no_open)
    monkeypatch.setattr("builtins.open", no_open)
    with pytest.raises(LoadError, match="MB"):
        load_document(path)


def test_case_count() -> None:
    # The README reports this number; keep them in step.
    assert len(CASES) + len(REFUSED_COPIES) + len(RECOVERED_COPIES) == 53
