"""Pages and copies built to make an HTML reader slow: each is read correctly, and in one pass.

The standard library's ``html.parser`` took minutes on some of these (``'<a ' * 40_000``: over
240 s). The slow ones run in a child process whose timeout only guards against a hang; nothing
here times anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.document import Annotations, AnnotationError
from reader.core.export.html import extract_embedded, render_annotated_html
from reader.core.loading import html as htmltext
from reader.core.loading import load_document

ROOT = Path(__file__).resolve().parents[3]
STORY = "تهران — وزیر امور خارجه امروز گفت این سفر مهم است."
END = "پایان خبر"

# Each hostile run, after a story and then before one; a browser shows what the expectations say.
_HOSTILE = {
    "open tags": "'<a ' * 40_000",
    "open attribute values": "\"<a b='\" * 20_000",
    "open comments": "'<!--' * 40_000",
    "unmatched close tags": "'<b>' * 100_000 + '</i>' * 100_000",
    "unmatched close tags under attributes": "'<b class=x>' * 990 + '</i>' * 200_000",
}


def _in_child(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_hostile_runs_of_markup_are_read_like_a_browser_reads_them() -> None:
    code = (
        "import json\n"
        "from reader.core.loading import html as h\n"
        f"story, end = {STORY!r}, {END!r}\n"
        "out = {}\n"
        f"for name, hostile in {{{', '.join(f'{k!r}: {v}' for k, v in _HOSTILE.items())}}}.items():\n"
        "    after = h.extract('<html><body><p>' + story + '</p>' + hostile + '<p>' + end + '</p></body></html>')\n"
        "    before = h.extract('<html><body>' + hostile + '<p>' + story + '</p></body></html>')\n"
        "    out[name] = [after.text, before.text, list(after.warnings + before.warnings)]\n"
        "print(json.dumps(out))\n"
    )
    found = json.loads(_in_child(code))
    # An unclosed tag or comment swallows the rest of the page, as in a browser; the story stays.
    assert found["open tags"] == [f"{STORY}\n{END}", STORY, []]
    assert found["open attribute values"] == [f"{STORY}\n{END}", STORY, []]
    assert found["open comments"] == [STORY, "", []]
    assert found["unmatched close tags"] == [f"{STORY}\n{END}", STORY, []]
    assert found["unmatched close tags under attributes"] == [f"{STORY}\n{END}", STORY, []]


def test_a_page_nested_past_the_limit_keeps_what_came_before_and_says_so(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body><p>{STORY}</p>" + "<div>" * 5_000 + f"<p>{END}</p></body></html>", encoding="utf-8")
    document = load_document(page)
    assert document.text == STORY
    assert document.warnings == (
        f"the page nests its elements more than {htmltext.MAX_DEPTH:,} deep; the rest of it was not read",)
    # At the limit nothing is lost.
    # html, body, the divs and the p: MAX_DEPTH elements open at once.
    at_limit = htmltext.extract("<div>" * (htmltext.MAX_DEPTH - 3) + f"<p>{END}</p>")
    assert at_limit.text == END and at_limit.warnings == ()


def test_deep_nesting_under_attributes_and_unmatched_closes_stay_linear() -> None:
    # The worst a page can ask of libxml2: a stack just under the limit, then a close tag that
    # matches nothing, a million times (8 MB).
    code = (
        "from reader.core.loading import html as h\n"
        f"page = h.extract('<div>' * 997 + '</table>' * 1_000_000 + '<p>' + {END!r} + '</p>')\n"
        "print(page.text, len(page.warnings))\n"
    )
    assert _in_child(code).split() == [*END.split(), "0"]


def test_bare_inline_tags_are_dropped_but_a_marked_span_still_hides_what_it_holds() -> None:
    page = htmltext.extract(
        "<p>یک <span class='comment'>نظر <span>کاربر</span> <b>پنهان</b></span> دو <b>سه</b> <I>چهار</I></p>"
        "<p>پنج</b></i> <span>شش"
    )
    assert page.text == "یک دو سه چهار\nپنج شش"


def test_a_script_or_tags_in_the_title_are_not_the_title() -> None:
    page = htmltext.extract(f"<title>عنوان <b>خبر</b><script>alert(1)</script> امروز</title><p>{STORY}</p>")
    assert page.title == "عنوان خبر امروز" and page.text == STORY


def test_a_lone_surrogate_does_not_stop_the_reader() -> None:
    page = htmltext.extract(f"<p>{STORY}\ud800</p><p>{END}</p>")
    assert page.text == f"{STORY}?\n{END}"


def test_a_copy_nested_past_the_limit_is_refused_in_one_line() -> None:
    copy = render_annotated_html(Annotations(text=STORY))
    deep = copy.replace("<body>", "<body>" + "<div>" * 5_000, 1)
    assert deep != copy
    with pytest.raises(AnnotationError, match=f"the copy nests its elements more than {htmltext.MAX_DEPTH:,} deep"):
        extract_embedded(deep)


def test_a_copy_after_a_run_of_hostile_markup_still_reopens() -> None:
    copy = render_annotated_html(Annotations(text=STORY))
    hostile = copy.replace("</body>", "<b>" * 50_000 + "</i>" * 50_000 + "</body>", 1)
    reopened = extract_embedded(hostile)
    assert reopened is not None and reopened.text == STORY
