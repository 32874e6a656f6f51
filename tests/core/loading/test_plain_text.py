"""``load_plain_text``: the text ``load_document`` gives a plain-text article, without its Document."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from reader.core.loading import LoadError, load_document, load_plain_text

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "mehr-korea-russia.txt"

# Pieces of hostile plain text: Persian, Arabic letters cp1256 reads, BOMs, line ends, NUL and
# control bytes, invalid UTF-8, a page's start, a PNG's magic.
_PIECES = [
    "سلام دنیا\u200cها".encode(), "كيف".encode("cp1256"), b"\xef\xbb\xbf", b"\xff\xfe", b"\r\n", b"\r", b"\n",
    b"\x00", b"\x1b[0m", b"\xc3\x28", b"\xed\xa0\x80", b"<!doctype html><p>x</p>", b"\x89PNG\r\n\x1a\n",
    "«نقل‌قول» ۱۲۳ 😀".encode(), b"plain ascii ", "گ".encode("utf-16-le"),
]


def _agrees(path: Path, page_like: bool) -> None:
    """Either ``load_plain_text`` gives exactly ``load_document``'s text, or None where that
    refuses the file or reads it as something other than plain text (a page)."""
    plain = load_plain_text(path)
    try:
        document = load_document(path)
    except LoadError:
        assert plain is None
        return
    if document.title or document.blocks or document.annotations is not None:
        assert plain is None
    else:
        assert plain is None or plain == document.text
        if not page_like:
            assert plain == document.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["a.txt", "a", "a.text", "a.dat"]))
def test_plain_text_is_what_load_document_reads(pieces: list[bytes], name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(b"".join(pieces))
        _agrees(path, page_like=name != "a.txt" and b"<!doctype" in b"".join(pieces))


def test_the_sample_and_the_kinds_that_are_not_plain_text(tmp_path: Path) -> None:
    assert load_plain_text(SAMPLE) == load_document(SAMPLE).text
    for name, data in (("a.md", b"# Title\n\nBody"), ("a.html", b"<p>x</p>"), ("a.json", b"{}"),
                       ("page.txt.htm", b"<p>x</p>")):
        (tmp_path / name).write_bytes(data)
        assert load_plain_text(tmp_path / name) is None
    assert load_plain_text(tmp_path / "missing.txt") is None
    (tmp_path / "empty.txt").write_bytes(b"")
    assert load_plain_text(tmp_path / "empty.txt") == "" == load_document(tmp_path / "empty.txt").text
