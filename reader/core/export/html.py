"""The annotated copy: one self-contained, script-free HTML file that reads well and round-trips.

The page shows the article with every highlight, a legend, the people, the
quotes and the dates in both calendars. It never fetches anything (a strict
Content-Security-Policy, inline CSS, fonts only as data: URIs) and runs no
script. The full annotations travel inside it as a JSON data block
(``<script type="application/json" id="khana-annotations">``), so Khana can
reopen the copy with every correction; that JSON, not the visible page, is the
authority when the two disagree.

Everything from the article or the annotations is escaped: text with
``html.escape(quote=True)``, and ``<``, ``>``, ``&`` inside the JSON as
``\\u003c`` and so on, so no text can close the data block or add markup.
"""

from __future__ import annotations

import heapq
import io
import json
import re
from collections import Counter
from html import escape
from typing import Any

from reader.core.document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    NAME,
    AnnotationError,
    Annotations,
    DateMention,
    Entity,
    Quote,
    annotations_from_dict,
    annotations_to_dict,
)
from reader.core.export import _persian as fa
from reader.core.export import _style
from reader.core.export._spans import DATE, ENTITY, QUOTE, Layer, layers
from reader.core.loading.html import MAX_DEPTH, TooDeep, parse_events
from reader.core.palette import WORDS
from reader.core.text import fold_key

DATA_ID = "khana-annotations"
ARTICLE_ID = "khana-article"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
UNKNOWN_SPEAKER = "گوینده نامشخص"
# The lists repeat each quote's and date's words: capped, so nested or overlapping spans cannot
# multiply the text (the article above shows every one whole).
_LISTED_QUOTE = 600
_LISTED_DATE = 120


def _e(value: object) -> str:
    # NUL may not appear in HTML, and a raw one makes the copy look binary to every reader
    # (Khana's own included); U+FFFD is what an HTML parser turns it into anyway. The JSON
    # block keeps the real character as \u0000.
    return escape(str(value), quote=True).replace("\0", "\ufffd")


def _css_class(value: str) -> str:
    # Types are validated on load, but an Annotations built in code may hold anything.
    return re.sub(r"[^A-Za-z0-9_-]", "", value) or "X"


def embed_json(ann: Annotations) -> str:
    """The annotations as JSON that is safe inside a <script> element."""
    data = json.dumps(annotations_to_dict(ann), ensure_ascii=False, separators=(",", ":"))
    # These three only ever occur inside JSON strings, where \\uXXXX means the same.
    return data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# --------------------------------------------------------------------------- render


def render_annotated_html(ann: Annotations) -> str:
    """The annotated copy of ``ann`` as a complete HTML document."""
    speakers = {e.id: e for e in ann.entities}
    body = "".join(
        [
            _header(ann),
            _legend(ann),
            _article(ann, speakers),
            _people(ann),
            _other_entities(ann),
            _quotes(ann, speakers),
            _dates(ann),
            '<footer>نسخهٔ حاشیه‌نویسی‌شده با خوانا (Khana)</footer>\n',
            f'<script type="application/json" id="{DATA_ID}">{embed_json(ann)}</script>\n',
        ]
    )
    css = _style.style_sheet()
    title = ann.title or _first_words(ann.text) or "خوانا"
    head_without_font = (
        "<!DOCTYPE html>\n"
        '<html dir="rtl" lang="fa">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="Khana">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
    )
    size = len((head_without_font + css + body).encode("utf-8")) + 100
    font = _style.font_face(_style.MAX_COPY_BYTES - size)
    return f"{head_without_font}<style>\n{font}{css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"


def _first_words(text: str, count: int = 8) -> str:
    return " ".join(text.split()[:count])


def _header(ann: Annotations) -> str:
    parts = ["<header>\n"]
    if ann.title:
        parts.append(f"<h1>{_e(ann.title)}</h1>\n")
    if ann.article_date:
        parts.append(f'<p class="meta">تاریخ خبر: {_e(fa.format_article_date(ann.article_date))}</p>\n')
    parts.append("</header>\n")
    return "".join(parts)


def _legend(ann: Annotations) -> str:
    present = {e.type for e in ann.entities if e.mentions}
    items = [
        f'<span><mark class="ent {t}">{_e(label)}</mark></span>'
        for t, label in fa.ENTITY_LABELS.items()
        if t in present
    ]
    if ann.quotes:
        items.append(f'<span><span class="quote">{WORDS["quote"]}</span></span>')
    if ann.dates:
        items.append('<span><mark class="date">تاریخ یا زمان</mark></span>')
    if not items:
        return ""
    return f'<section class="legend" aria-label="راهنما"><strong>راهنما:</strong> {" ".join(items)}</section>\n'


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, at = [], 0
    for line in text.split("\n"):
        bounds.append((at, at + len(line)))
        at += len(line) + 1
    return bounds


def _open_tag(span: Layer, continued: bool, speakers: dict[str, Entity]) -> str:
    cont = " cont" if continued else ""
    if span.layer == QUOTE:
        quote: Quote = span.item
        who = _speaker_name(quote, speakers)
        return f'<span class="quote{cont}" title="{_e(WORDS["quote_by"] + " " + who)}">'
    if span.layer == ENTITY:
        entity, mention = span.item
        label = fa.ENTITY_LABELS.get(entity.type, entity.type)
        hint = f"{entity.name} ({label}" + (f"، {entity.role})" if entity.role else ")")
        # A title or pronoun mention is marked lighter and says so: class "ref", data-kind.
        kind = ""
        if mention.kind != NAME:
            kind = f' data-kind="{_e(mention.kind)}"'
            hint += f" — {fa.MENTION_KIND_LABELS.get(mention.kind, mention.kind)}"
        return (
            f'<mark class="ent {_css_class(entity.type)}{" ref" if kind else ""}{cont}" '
            f'data-entity="{_e(entity.id)}"{kind} title="{_e(hint)}">'
        )
    date: DateMention = span.item
    jalali, greg = fa.both_calendars(date)
    return f'<mark class="date{cont}" data-kind="{_e(date.kind)}" title="{_e(jalali + " / " + greg)}">'


def _close_tag(span: Layer) -> str:
    return "</span>" if span.layer == QUOTE else "</mark>"


# How many spans of one layer (quotes, mentions, dates) are drawn nested at one place: a quote
# within a quote, a place within an organisation's name. Deeper ones are in the data block only;
# the bound keeps the page linear in the text and the annotations however they overlap (each
# boundary closes and reopens at most ``3 * _DEPTH`` elements, not every span open there).
_DEPTH = 2


def _outermost(heap: list[tuple[tuple[int, int, int, int], Layer]], at: int) -> list[Layer]:
    """The ``_DEPTH`` outermost spans of one layer still open at ``at``; spans ended by then are dropped."""
    taken: list[tuple[tuple[int, int, int, int], Layer]] = []
    while heap and len(taken) < _DEPTH:
        item = heapq.heappop(heap)
        if item[1].end > at:
            taken.append(item)
    for item in taken:
        heapq.heappush(heap, item)
    return [item[1] for item in taken]


def _article(ann: Annotations, speakers: dict[str, Entity]) -> str:
    text = ann.text
    spans = sorted(layers(ann), key=lambda s: s.start)
    points = sorted({s.start for s in spans} | {s.end for s in spans})
    heaps: dict[int, list[tuple[tuple[int, int, int, int], Layer]]] = {QUOTE: [], ENTITY: [], DATE: []}
    k = point = 0
    out = [f'<article id="{ARTICLE_ID}" class="article">\n']
    # One sweep over the text: cut at every span boundary and paragraph end; a span crossing a
    # paragraph end is closed there and reopened (marked "cont") in the next paragraph.
    for p_start, p_end in _paragraph_bounds(text):
        out.append("<p>")
        stack: list[Layer] = []
        a = p_start
        while a < p_end:
            while point < len(points) and points[point] <= a:
                point += 1
            b = min(points[point], p_end) if point < len(points) else p_end
            while k < len(spans) and spans[k].start <= a:
                heapq.heappush(heaps[spans[k].layer], (spans[k].order, spans[k]))
                k += 1
            covering = sorted(
                (span for layer in (QUOTE, ENTITY, DATE) for span in _outermost(heaps[layer], a)),
                key=lambda s: s.order,
            )
            keep = 0
            while keep < len(stack) and keep < len(covering) and stack[keep] is covering[keep]:
                keep += 1
            for span in reversed(stack[keep:]):
                out.append(_close_tag(span))
            for span in covering[keep:]:
                out.append(_open_tag(span, continued=span.start < a, speakers=speakers))
            stack = covering
            out.append(_e(text[a:b]))
            a = b
        for span in reversed(stack):
            out.append(_close_tag(span))
        out.append("</p>\n")
    out.append("</article>\n")
    return "".join(out)


def _capped(words: str, limit: int) -> str:
    return words if len(words) <= limit else words[:limit] + "…"


def _speaker_name(quote: Quote, speakers: dict[str, Entity]) -> str:
    if quote.speaker and quote.speaker in speakers:
        name = speakers[quote.speaker].name
        words = (quote.speaker_text or "").strip()
        # «وی افزود» is Kim's quote: his name, and the words the article used.
        if words and fold_key(words) != fold_key(name):
            return f"{name} («{words}»)"
        return name
    return quote.speaker_text or UNKNOWN_SPEAKER


def _quote_counts(ann: Annotations) -> Counter[str]:
    return Counter(q.speaker for q in ann.quotes if q.speaker)


def _people(ann: Annotations) -> str:
    people = [e for e in ann.entities if e.type == "PER"]
    if not people:
        return ""
    quotes = _quote_counts(ann)
    rows = "".join(
        f"<tr><td>{_e(p.name)}</td><td>{_e(p.role or '—')}</td>"
        f'<td class="n">{fa.fa_digits(len(p.mentions))}</td><td class="n">{fa.fa_digits(quotes[p.id])}</td></tr>\n'
        for p in sorted(people, key=lambda p: (-len(p.mentions), p.name))
    )
    return (
        f'<section id="people"><h2>{WORDS["people"]}</h2>\n<table><thead><tr><th>{WORDS["name"]}</th>'
        f'<th>{WORDS["role"]}</th><th>{WORDS["mentions"]}</th><th>{WORDS["quotes"]}</th></tr></thead>\n<tbody>\n'
        f"{rows}</tbody></table></section>\n"
    )


def _other_entities(ann: Annotations) -> str:
    others = [e for e in ann.entities if e.type != "PER"]
    if not others:
        return ""
    order = list(fa.ENTITY_LABELS)
    rows = "".join(
        f'<tr><td>{_e(e.name)}</td><td><mark class="ent {_css_class(e.type)}">'
        f"{_e(fa.ENTITY_LABELS.get(e.type, e.type))}</mark></td>"
        f'<td class="n">{fa.fa_digits(len(e.mentions))}</td></tr>\n'
        for e in sorted(others, key=lambda e: (order.index(e.type) if e.type in order else 99, e.name))
    )
    return (
        '<section id="entities"><h2>مکان‌ها، سازمان‌ها و دیگر نام‌ها</h2>\n<table><thead><tr>'
        "<th>نام</th><th>نوع</th><th>اشاره‌ها</th></tr></thead>\n<tbody>\n"
        f"{rows}</tbody></table></section>\n"
    )


def _quotes(ann: Annotations, speakers: dict[str, Entity]) -> str:
    if not ann.quotes:
        return ""
    items = []
    for quote in sorted(ann.quotes, key=lambda q: (q.start, q.end)):
        words = ann.text[quote.start:quote.end]
        words = _capped(words, _LISTED_QUOTE)
        who = _speaker_name(quote, speakers)
        items.append(
            f"<li><blockquote>{_e(words)}</blockquote>"
            f'<p class="speaker">— {_e(who)}</p></li>\n'
        )
    return f'<section id="quotes"><h2>{WORDS["quotes"]}</h2>\n<ol>\n{"".join(items)}</ol></section>\n'


def _dates(ann: Annotations) -> str:
    if not ann.dates:
        return ""
    rows = []
    for date in sorted(ann.dates, key=lambda d: (d.start, d.end)):
        jalali, greg = fa.both_calendars(date)
        rows.append(
            f"<tr><td>{_e(_capped(ann.text[date.start:date.end], _LISTED_DATE))}</td>"
            f"<td>{_e(fa.DATE_KIND_LABELS.get(date.kind, date.kind))}</td>"
            f"<td>{_e(jalali)}</td><td>{_e(greg)}</td></tr>\n"
        )
    return (
        '<section id="dates"><h2>تاریخ‌ها</h2>\n<table><thead><tr><th>در متن</th><th>نوع</th>'
        "<th>خورشیدی</th><th>میلادی</th></tr></thead>\n<tbody>\n"
        f"{''.join(rows)}</tbody></table></section>\n"
    )


# --------------------------------------------------------------------------- extract


class _CopyParser:
    """An lxml parser target that finds the data blocks and the visible article paragraphs; runs nothing."""

    def __init__(self) -> None:
        # Text runs are written through: libxml2 reports each character reference as its own run.
        self.blocks: list[tuple[dict[str, str], io.StringIO]] = []
        self._in_block: io.StringIO | None = None
        self.article_found = False
        self._article_depth = 0  # >0 while inside <article id=khana-article>
        self.paragraphs: list[io.StringIO] = []
        self._in_p = False
        self._depth = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise TooDeep
        attributes = dict(attrib)
        if tag == "script" and attributes.get("id") == DATA_ID:
            self._in_block = io.StringIO()
            self.blocks.append((attributes, self._in_block))
        elif tag == "article":
            if self._article_depth:
                self._article_depth += 1
            elif attributes.get("id") == ARTICLE_ID and not self.article_found:
                self.article_found = True
                self._article_depth = 1
        elif tag == "p" and self._article_depth:
            self._in_p = True
            self.paragraphs.append(io.StringIO())

    def end(self, tag: str) -> None:
        self._depth -= 1
        if tag == "script":
            self._in_block = None
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "p":
            self._in_p = False

    def data(self, data: str) -> None:
        if self._in_block is not None:
            self._in_block.write(data)
        elif self._in_p and self._article_depth:
            self.paragraphs[-1].write(data)

    def close(self) -> None:
        return None


def _fail(message: str) -> AnnotationError:
    # The loader says which file is damaged; the message says how, on one line.
    return AnnotationError(" ".join(message.split()))


def extract_embedded(html: str) -> Annotations | None:
    """The annotations inside a Khana annotated copy.

    None when ``html`` is not a Khana copy. A copy whose data block is broken,
    duplicated, of an unknown version or of the wrong shape raises a one-line
    ``AnnotationError``; a damaged entity, quote or date inside an otherwise
    sound copy is skipped and named in ``warnings``, so the rest of the user's
    work is kept.
    """
    if DATA_ID not in html:
        return None
    parser = _CopyParser()
    try:
        parse_events(html, parser)
    except TooDeep:
        # Khana writes a shallow page: a deep one was made by hand, and the rest of it is unread.
        raise _fail(f"the copy nests its elements more than {MAX_DEPTH:,} deep") from None
    if not parser.blocks:
        return None
    if len(parser.blocks) > 1:
        raise _fail(f"the copy holds {len(parser.blocks)} annotation blocks instead of one")
    attributes, block = parser.blocks[0]
    if (attributes.get("type") or "").strip().lower() != "application/json":
        raise _fail("the annotation block is not marked as JSON data")
    data = _parse_json(block.getvalue())
    _check_structure(data)
    try:
        ann = annotations_from_dict(data, strict=False)
    except AnnotationError as exc:
        raise _fail(str(exc)) from None
    warnings = list(ann.warnings)
    visible = "\n".join(p.getvalue() for p in parser.paragraphs)
    if not parser.article_found or _comparable(visible) != _comparable(ann.text):
        warnings.append("the article shown in the copy differs from its saved annotations; the saved text was used")
    return ann.with_changes(warnings=tuple(warnings))


def _comparable(text: str) -> str:
    # The parser reads a CR as a line end (a CRLF's CR ends its own paragraph, so it reads as a
    # line end before the paragraph break), and NUL is not allowed in HTML text.
    return text.replace("\r", "\n").replace("\0", "\ufffd")


def _parse_json(source: str) -> Any:
    try:
        return json.loads(source)
    except RecursionError:
        raise _fail("the annotation data is nested too deeply") from None
    except ValueError as exc:
        raise _fail(f"the annotation data is not valid JSON ({exc})") from None


_LISTS = ("entities", "quotes", "dates")


def _short(value: Any, limit: int = 40) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _check_structure(data: Any) -> None:
    """Refuse a copy whose overall shape is wrong; item-level damage is left to the lenient reader."""
    if not isinstance(data, dict):
        raise _fail("the annotation data is not a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise _fail(f"the annotation data is not in the Khana format (format is {_short(data.get('format'))})")
    if data.get("version") != FORMAT_VERSION:
        raise _fail(
            f"unsupported annotation version {_short(data.get('version'))}; this Khana reads version {FORMAT_VERSION}"
        )
    for key in _LISTS:
        if key in data and not isinstance(data[key], list):
            raise _fail(f"'{key}' is not a list")
    if not isinstance(data.get("text"), str):
        raise _fail("'text' is missing or not a string")

