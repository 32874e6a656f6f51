"""Exports: the annotated HTML copy (safe, nested, lossless), brat standoff and CoNLL."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import (
    Annotations,
    DateMention,
    DateRange,
    MAX_DATE,
    MIN_DATE,
    Entity,
    Quote,
    Span,
    annotations_from_json,
    annotations_to_dict,
    annotations_to_json,
    indented_json,
)
from reader.core.export import FORMATS, export
from reader.core.export.brat import render_brat, render_brat_conf
from reader.core.export.conll import render_conll
from reader.core.export.html import CSP, extract_embedded, render_annotated_html
from reader.core.text import Sentence, Token

TEXT = (
    "آنتونی بلینکن، وزیر خارجه آمریکا، روز جمعه ۲۴ شهریور ۱۴۰۲ گفت: «ما با کره جنوبی همراهیم.»\n"
    "کیم جونگ اون به روسیه رفت."
)


def _find(text: str, part: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(part, at + 1)
    return Span(at, at + len(part))


def sample() -> Annotations:
    t = TEXT
    blinken = _find(t, "آنتونی بلینکن")
    quote = _find(t, "«ما با کره جنوبی همراهیم.»")
    korea = _find(t, "کره جنوبی")
    date = _find(t, "۲۴ شهریور ۱۴۰۲")
    return Annotations(
        text=t,
        title="نگرانی <آمریکا> & «ژاپن»",
        article_date=dt.date(2023, 9, 16),
        entities=(
            Entity("e1", "PER", "آنتونی بلینکن", "وزیر خارجه آمریکا", (blinken,)),
            Entity("e2", "LOC", "کره جنوبی", None, (korea,)),
            Entity("e3", "PER", "کیم جونگ اون", "رهبر کره شمالی", (_find(t, "کیم جونگ اون"),)),
            Entity("e4", "LOC", "روسیه", None, (_find(t, "روسیه"),)),
            Entity("e5", "LOC", "آمریکا", None, (_find(t, "آمریکا"),)),
        ),
        quotes=(Quote(quote.start, quote.end, speaker="e1"),),
        dates=(
            DateMention(date.start, date.end, "date", DateRange("2023-09-15", "2023-09-15"), DateRange("1402-06-24", "1402-06-24")),
            DateMention(_find(t, "روز جمعه").start, _find(t, "روز جمعه").end, "relative"),
        ),
    )


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the data inside each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts[-1] += data


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def assert_inert(html: str) -> None:
    """No executable script, no event handler, nothing that points off the page."""
    parsed = elements(html)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "khana-annotations"}]
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form", "svg", "a")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "action", "srcset", "poster"):
                pytest.fail(f"{tag} has {name}={value!r}")


def roundtrip(ann: Annotations) -> Annotations:
    back = extract_embedded(render_annotated_html(ann))
    assert back is not None
    return back


# --------------------------------------------------------------------------- HTML


def test_html_is_a_self_contained_rtl_page_with_a_strict_csp() -> None:
    html = render_annotated_html(sample())
    assert html.startswith("<!DOCTYPE html>")
    assert '<html dir="rtl" lang="fa">' in html
    assert '<meta charset="utf-8">' in html
    assert f'content="{CSP}"' in html
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert "@media print" in html
    assert "url(http" not in html and "@import" not in html
    assert_inert(html)


def test_html_shows_marks_legend_people_quotes_and_both_calendars() -> None:
    html = render_annotated_html(sample())
    assert '<mark class="ent PER" data-entity="e1"' in html
    assert '<mark class="ent LOC" data-entity="e2"' in html
    assert 'class="quote"' in html and 'class="legend"' in html
    people = html[html.index('id="people"'):html.index("</section>", html.index('id="people"'))]
    assert "آنتونی بلینکن" in people and "وزیر خارجه آمریکا" in people and "<td class=\"n\">۱</td>" in people
    assert "۲۴ شهریور ۱۴۰۲" in html and "۱۵ سپتامبر ۲۰۲۳" in html
    assert "۲۵ شهریور ۱۴۰۲ (۱۶ سپتامبر ۲۰۲۳)" in html  # the article date, both calendars
    assert "نگرانی &lt;آمریکا&gt; &amp; «ژاپن»" in html


def test_entity_inside_quote_nests_and_crossing_spans_split() -> None:
    text = "الف «ب ج د» ه"
    quote = Span(text.index("«"), text.index("»") + 1)
    inner = _find(text, "ج")
    crossing = Span(text.index("د"), len(text))  # starts in the quote, ends after it
    ann = Annotations(
        text=text,
        entities=(Entity("a", "PER", "ج", None, (inner,)), Entity("b", "ORG", "x", None, (crossing,))),
        quotes=(Quote(*list(quote.__dict__.values())[:2]),),
    )
    html = render_annotated_html(ann)
    article = html[html.index("<article"):html.index("</article>")]
    assert '<span class="quote"' in article
    assert '<mark class="ent ORG" data-entity="b"' in article and '<mark class="ent ORG cont" data-entity="b"' in article
    # Well nested: every close tag matches the innermost open one.
    stack: list[str] = []

    class Nesting(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert stack.pop() == tag

    Nesting().feed(article + "</article>")
    assert stack == []
    assert annotations_to_dict(roundtrip(ann)) == annotations_to_dict(ann)


def test_xss_in_the_text_comes_out_as_visible_text_only() -> None:
    evil = '<script>alert(1)</script> <img src=x onerror=alert(1)> </script><script>alert(2)</script> "\' &amp;'
    ann = Annotations(
        text=evil,
        title="</title><script>alert(3)</script>",
        entities=(Entity('"><img src=x onerror=alert(4)>', "PER", "<b onclick=x>", "</td><script>", (Span(len(evil) - 5, len(evil)),)),),
        quotes=(Quote(len(evil) - 9, len(evil), speaker_text="<svg onload=alert(5)>"),),
    )
    html = render_annotated_html(ann)
    assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    parsed = elements(html)
    assert "</script" not in parsed.scripts[0] and "<" not in parsed.scripts[0]
    back = roundtrip(ann)
    assert back.text == evil and annotations_to_dict(back) == annotations_to_dict(ann) and back.warnings == ()


def test_lossless_roundtrip_with_corrections_roles_dates_and_title() -> None:
    ann = sample()
    back = roundtrip(ann)
    assert annotations_to_dict(back) == annotations_to_dict(ann)
    assert back.warnings == ()


def test_text_with_every_awkward_character_roundtrips() -> None:
    text = "a\r\nb\n\n\tc  d\u200c\u200fه\u202e\x00\x0c\ufeff\U0001f600 & < > \u2028 end\n"
    ann = Annotations(text=text, entities=(Entity("e", "PER", "x", None, (Span(len(text) - 5, len(text) - 2),)),))
    back = roundtrip(ann)
    assert annotations_to_dict(back) == annotations_to_dict(ann)
    assert back.warnings == ()


def test_not_a_khana_copy_is_none() -> None:
    assert extract_embedded("<html><body>hello</body></html>") is None
    assert extract_embedded("") is None
    assert extract_embedded("khana-annotations mentioned in text only") is None
    assert extract_embedded("<!-- <script type='application/json' id='khana-annotations'>{}</script> -->") is None


def test_edited_visible_text_warns_and_the_json_text_wins() -> None:
    html = render_annotated_html(sample())
    cut = html.index("</article>")
    tampered = html[:cut].replace("رفت.", "ماند.") + html[cut:]
    assert tampered != html
    back = extract_embedded(tampered)
    assert back is not None and back.text == TEXT
    assert any("differs" in w for w in back.warnings)


def test_no_font_means_font_stack_fallback(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from reader.core.export import _style

    monkeypatch.setattr(_style, "font_path", lambda: tmp_path / "missing.ttf")
    html = render_annotated_html(sample())
    assert "@font-face" not in html and 'Vazirmatn, Tahoma, "Noto Naskh Arabic", sans-serif' in html


def test_font_is_embedded_only_while_the_copy_stays_small() -> None:
    from reader.core.export import _style

    small = render_annotated_html(sample())
    if _style.font_path().exists():
        assert "@font-face" in small and "data:font/ttf;base64," in small
    big = render_annotated_html(Annotations(text="متن " * 450_000))
    assert "@font-face" not in big


def _span_strategy(length: int) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, length - 1), st.integers(1, length)).filter(lambda p: p[0] < p[1]).map(lambda p: Span(*p))


@st.composite
def annotations(draw: st.DrawFn) -> Annotations:
    text = draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=60))
    n = len(text)
    spans = st.lists(_span_strategy(n), max_size=4)
    entities = tuple(
        Entity(f"e{i}", draw(st.sampled_from(["PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT"])),
               draw(st.text(max_size=8)), draw(st.none() | st.text(max_size=8)), tuple(sorted(draw(spans))))
        for i in range(draw(st.integers(0, 3)))
    )
    ids = [e.id for e in entities]
    quotes = tuple(
        Quote(s.start, s.end, draw(st.none() | st.sampled_from(ids)) if ids else None, draw(st.none() | st.text(max_size=6)))
        for s in draw(spans)
    )
    # Only days every calendar conversion supports pass validation (document.MIN_DATE..MAX_DATE).
    day = st.dates(MIN_DATE, MAX_DATE).map(lambda d: DateRange(d.isoformat(), d.isoformat()))
    dates = tuple(
        DateMention(s.start, s.end, draw(st.sampled_from(["date", "range", "relative", "duration", "time"])),
                    draw(st.none() | day), draw(st.none() | day))
        for s in draw(spans)
    )
    return Annotations(text=text, title=draw(st.none() | st.text(max_size=10)),
                       article_date=draw(st.none() | st.dates(MIN_DATE, MAX_DATE)), entities=entities, quotes=quotes, dates=dates)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotations())
def test_json_file_is_what_the_standard_encoder_writes(ann: Annotations) -> None:
    data = annotations_to_dict(ann)
    assert annotations_to_json(ann) == json.dumps(data, ensure_ascii=False, indent=2)
    assert annotations_to_json(ann, indent=None) == json.dumps(data, ensure_ascii=False)
    assert annotations_from_json(export(ann, "json")[".json"]) == ann


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES, st.integers(0, 4))
def test_indented_json_equals_json_dumps(value: object, indent: int) -> None:
    assert indented_json(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("chunk", [1, 3, 7])
@settings(max_examples=30)
@given(value=_JSON_VALUES)
def test_indented_json_joined_in_chunks_is_the_same(chunk: int, value: object) -> None:
    from reader.core import document

    nested = {"entities": [{"mentions": [{"start": i, "end": i + 1} for i in range(5)]}] * 4, "other": value}
    # Small chunks: a big article's mentions are joined as they pile up, nested lists included.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document, "_CHUNK_PARTS", chunk)
        assert indented_json(value, 2) == json.dumps(value, ensure_ascii=False, indent=2)
        assert indented_json(nested, 2) == json.dumps(nested, ensure_ascii=False, indent=2)


def test_indented_json_leaves_the_unusual_to_json_dumps() -> None:
    cyclic: list[object] = []
    cyclic.append(cyclic)
    with pytest.raises(ValueError):
        indented_json(cyclic)
    with pytest.raises(TypeError):
        indented_json({"when": dt.date(2023, 9, 23)})
    assert indented_json({1: (True, 1.5)}) == json.dumps({1: (True, 1.5)}, ensure_ascii=False, indent=2)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotations())
def test_any_annotations_roundtrip_through_the_html_copy(ann: Annotations) -> None:
    html = render_annotated_html(ann)
    back = extract_embedded(html)
    assert back is not None
    assert annotations_to_dict(back) == annotations_to_dict(ann)
    assert back.warnings == ()
    assert_inert(html)


# --------------------------------------------------------------------------- brat


def _check_brat(text: str, standoff: str) -> list[list[str]]:
    t_lines = []
    ids = set()
    for line in standoff.splitlines():
        # brat splits id, annotation and text at the first two tabs; the text may hold more.
        fields = line.split("\t", 2)
        assert len(fields) == 3 or line.startswith("R"), line
        if line.startswith("T"):
            _label, offsets = fields[1].split(" ", 1)
            fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert fields[2] == " ".join(text[a:b] for a, b in fragments)
            for a, b in fragments:
                assert "\n" not in text[a:b]
            ids.add(fields[0])
            t_lines.append(fields)
        elif line.startswith("#"):
            assert fields[1].split(" ")[1] in ids
        elif line.startswith("R"):
            args = dict(a.split(":") for a in fields[1].split(" ")[1:])
            assert set(args.values()) <= ids
    return t_lines


def test_brat_spans_slice_to_their_text_and_link_the_speaker() -> None:
    ann = sample()
    text, standoff = render_brat(ann)
    assert text == ann.text
    t_lines = _check_brat(text, standoff)
    labels = [f[1].split(" ")[0] for f in t_lines]
    assert labels.count("PER") == 2 and "Quote" in labels and labels.count("DAT") == 2
    assert "\tSpeaker Arg1:" in standoff
    assert "AnnotatorNotes" in standoff and "وزیر خارجه آمریکا" in standoff
    quote_t = next(f[0] for f in t_lines if f[1].startswith("Quote"))
    blinken_t = next(f[0] for f in t_lines if f[2] == "آنتونی بلینکن")
    assert f"Speaker Arg1:{quote_t} Arg2:{blinken_t}" in standoff


def test_brat_span_across_lines_is_discontinuous() -> None:
    text = "«یک\nدو»"
    ann = Annotations(text=text, quotes=(Quote(0, len(text), speaker_text="او"),),
                      dates=(DateMention(0, 2, "time"),))
    _, standoff = render_brat(ann)
    assert "T1\tQuote 0 3;4 7\t«یک دو»" in standoff
    assert "TIM 0 2" in standoff
    _check_brat(text, standoff)


@settings(max_examples=100, deadline=None)
@given(annotations())
def test_brat_any_annotations(ann: Annotations) -> None:
    text, standoff = render_brat(ann)
    _check_brat(text, standoff)


def _brat_conf_sections(conf: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in conf.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            assert current is not None, line
            current.append(line)
    return sections


@settings(max_examples=50, deadline=None)
@given(annotations())
def test_brat_conf_declares_every_label_the_export_uses(ann: Annotations) -> None:
    sections = _brat_conf_sections(render_brat_conf())
    assert set(sections) == {"entities", "relations", "events", "attributes"}
    relations = {line.split("\t")[0]: line.split("\t")[1] for line in sections["relations"]}
    _, standoff = render_brat(ann)
    for line in standoff.splitlines():
        kind, body = line.split("\t")[0], line.split("\t")[1]
        label = body.split(" ")[0]
        if kind.startswith("T"):
            assert label in sections["entities"]
        elif kind.startswith("R"):
            assert label in relations
            assert "Arg1:Quote" in relations[label]


# --------------------------------------------------------------------------- CoNLL


def _sentences(text: str) -> list[Sentence]:
    """Whitespace tokens, a sentence per line: enough to test tagging without loading hazm."""
    out = []
    at = 0
    for line in text.split("\n"):
        tokens = []
        pos = 0
        for word in line.split():
            pos = line.index(word, pos)
            tokens.append(Token(word, word, at + pos, at + pos + len(word)))
            pos += len(word)
        if tokens:
            out.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
        at += len(line) + 1
    return out


def test_conll_iob2_tags() -> None:
    text = "آنتونی بلینکن روز جمعه ساعت ۱۰ رفت\nبه مدت دو روز کره جنوبی"
    ann = Annotations(
        text=text,
        entities=(Entity("e1", "PER", "x", None, (_find(text, "آنتونی بلینکن"),)),
                  Entity("e2", "LOC", "y", None, (_find(text, "کره جنوبی"),))),
        dates=(DateMention(*list(_find(text, "روز جمعه").__dict__.values())[:2], "relative"),
               DateMention(*list(_find(text, "ساعت ۱۰").__dict__.values())[:2], "time"),
               DateMention(*list(_find(text, "دو روز").__dict__.values())[:2], "duration")),
    )
    out = render_conll(ann, _sentences(text))
    assert out.split("\n\n")[0].splitlines() == [
        "آنتونی\tB-PER", "بلینکن\tI-PER", "روز\tB-DAT", "جمعه\tI-DAT", "ساعت\tB-TIM", "۱۰\tI-TIM", "رفت\tO",
    ]
    assert out.split("\n\n")[1].splitlines() == ["به\tO", "مدت\tO", "دو\tO", "روز\tO", "کره\tB-LOC", "جنوبی\tI-LOC"]


def test_conll_adjacent_mentions_of_one_type_each_begin() -> None:
    text = "علی رضا"
    ann = Annotations(text=text, entities=(Entity("a", "PER", "a", None, (Span(0, 3),)), Entity("b", "PER", "b", None, (Span(4, 7),))))
    assert render_conll(ann, _sentences(text)) == "علی\tB-PER\nرضا\tB-PER\n"


def test_conll_token_with_inner_space_stays_one_column() -> None:
    text = "می خواهم"
    sentence = Sentence(0, len(text), (Token(text, "می‌خواهم", 0, len(text)),))
    assert render_conll(Annotations(text=text), [sentence]) == "می\u200cخواهم\tO\n"


@pytest.mark.slow
def test_conll_with_hazm_tokens() -> None:
    ann = sample()
    out = render_conll(ann)
    lines = [line for line in out.splitlines() if line]
    assert all(len(line.split("\t")) == 2 for line in lines)
    assert "بلینکن\tI-PER" in lines and "آنتونی\tB-PER" in lines
    assert "۲۴\tB-DAT" in lines


# --------------------------------------------------------------------------- export()


def test_export_dispatch() -> None:
    ann = sample()
    assert FORMATS == ("json", "html", "brat", "conll")
    assert annotations_to_dict(annotations_from_json(export(ann, "json")[".json"])) == annotations_to_dict(ann)
    assert set(export(ann, "html")) == {".html"}
    brat = export(ann, "brat")
    assert set(brat) == {".txt", ".ann"} and brat[".txt"] == ann.text
    json.loads(export(ann, "json")[".json"])
    with pytest.raises(ValueError, match="unknown export format"):
        export(ann, "pdf")
