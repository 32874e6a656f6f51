"""The article inside a saved news page: title, main text and publication date.

Parsed with the standard library's tolerant ``html.parser``; scripts, styles,
navigation, forms and comment boxes are dropped; nothing is ever fetched.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core.document import MAX_DATE

# No saved news page was published before the web: older "publication dates" are placeholders.
_EARLIEST_PAGE_DATE = dt.date(1990, 1, 1)

# xmp, noembed, noframes and plaintext hold markup or fallbacks a browser never shows as the story.
_SKIP = {"script", "style", "noscript", "template", "xmp", "noembed", "noframes", "plaintext",
         "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "canvas", "button", "select", "textarea", "object", "embed", "video", "audio", "figure", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "pre", "table", "tr", "br", "hr", "dd", "dt", "dl", "figcaption", "address", "td", "th"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "param", "track"}
# Class or id words that mark page furniture rather than the story.
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(comments?|nav|navbar|menu|footer|sidebar|share|social|related|breadcrumbs?|advert|ads?|banner|"
    r"subscribe|newsletter|tags|cookie|popup|modal|toolbar|pagination)($|[\s_-])",
    re.I,
)
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
              "publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date")


@dataclass
class Page:
    """What a saved page says about its article."""

    title: str | None
    text: str
    date: dt.date | None
    # The headings of the story (words, level 1-6), in order (``document.heading_blocks`` places them).
    headings: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class _Node:
    tag: str
    chunks: list[str] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        # How many of each tag are open: a close tag nothing matches (a broken page's hundred
        # thousand «</i>») is then dropped at once, not after a scan of the whole stack.
        self.open_count: dict[str, int] = {}
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.time_values: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.headings: list[tuple[str, int]] = []
        self.heading: tuple[int, list[str]] | None = None  # the open h1-h6: level, words so far
        self.body: list[str] = []
        self.article: list[str] = []
        self.article_depth = 0
        # Structured data (schema.org JSON-LD) that news sites put in a script: its datePublished.
        self.ld_json: list[str] = []
        self.in_ld_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
            return
        if tag == "time" and values.get("datetime"):
            self.time_values.append(values["datetime"])
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self._emit("\n")
            return
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self.in_ld_json = True
            self.ld_json.append("")
        marker = " ".join((values.get("class", ""), values.get("id", ""), values.get("role", "")))
        skipped = tag in _SKIP or bool(_BOILERPLATE.search(marker)) or values.get("aria-hidden") == "true"
        if values.get("itemprop") == "datePublished" and values.get("content"):
            self.time_values.append(values["content"])
        self.stack.append((tag, skipped))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if skipped:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _HEADINGS and not self.skip_depth:
            self.heading = (_HEADINGS[tag], [])
        if tag == "article" and not self.skip_depth:
            self.article_depth += 1
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Close up to the matching tag; tolerate unclosed children as browsers do.
        for index in range(len(self.stack) - 1, -1, -1) if self.open_count.get(tag) else ():
            if self.stack[index][0] == tag:
                for closed, skipped in self.stack[index:]:
                    self.open_count[closed] -= 1
                    if skipped:
                        self.skip_depth -= 1
                    if closed == "article" and not skipped and not self.skip_depth and self.article_depth:
                        self.article_depth -= 1
                del self.stack[index:]
                break
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld_json = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _HEADINGS and self.heading is not None:
            self.headings.append((_clean_inline("".join(self.heading[1])), self.heading[0]))
            self.heading = None
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.in_ld_json:
            self.ld_json[-1] += data
            return
        if self.skip_depth:
            return  # a <script> inside <title> included: not the title, not the story
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.in_h1:
            self.h1.append(data)
        if self.heading is not None:
            self.heading[1].append(data)
        self._emit(data)

    def _emit(self, chunk: str) -> None:
        self.body.append(chunk)
        if self.article_depth:
            self.article.append(chunk)


def extract(source: str) -> Page:
    """Title, main text and date of the article in an HTML page."""
    parser = _Extractor()
    try:
        parser.feed(_without_open_comment(source))
        parser.close()
    except (AssertionError, ValueError, RecursionError):
        pass  # keep what was parsed before the malformed part
    title = _clean_inline(parser.meta.get("og:title") or "".join(parser.h1) or "".join(parser.title_parts)) or None
    chunks = parser.article if "".join(parser.article).strip() else parser.body
    text = _clean_block("".join(chunks))
    date = None
    for key in _DATE_META:
        if key in parser.meta:
            date = _iso_date(parser.meta[key])
            if date:
                break
    if date is None:
        for value in [*_ld_dates(parser.ld_json), *parser.time_values]:
            date = _iso_date(value)
            if date:
                break
    return Page(title=title, text=text, date=date, headings=parser.headings)


def _without_open_comment(source: str) -> str:
    """``source`` up to a comment that is never closed: a browser shows nothing after ``<!--`` then."""
    at = source.find("<!--")
    while at != -1:
        end = source.find("-->", at + 4)
        if end == -1:
            return source[:at]
        at = source.find("<!--", end + 3)
    return source


def _ld_dates(blocks: list[str]) -> list[str]:
    """``datePublished`` values in JSON-LD blocks (an object, a list, or an ``@graph``); bad JSON is skipped."""
    found: list[str] = []

    def walk(node: object, depth: int) -> None:
        if depth > 6 or len(found) > 8:
            return
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                if isinstance(child, (dict, list)):
                    walk(child, depth + 1)
        elif isinstance(node, list):
            for child in node[:50]:
                walk(child, depth + 1)

    for block in blocks[:10]:
        try:
            walk(json.loads(block[:1_000_000]), 0)
        except (ValueError, RecursionError):
            continue
    return found


def _clean_inline(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _clean_block(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _iso_date(value: str) -> dt.date | None:
    """A page's ISO-like date; Iranian sites also write Jalali ones («1402-07-01», «۱۴۰۲/۰۷/۰۱»)."""
    match = re.match(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    try:
        if year < 1700:  # no news page is that old: a Jalali year, as for --article-date
            from reader.core.dates.calendar import jalali_to_gregorian

            day_found = jalali_to_gregorian(year, month, day)
        else:
            day_found = dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None
    # A meta date of year 1 (Jalali year 1 is 622) is no publication date; the validated range.
    return day_found if _EARLIEST_PAGE_DATE <= day_found <= MAX_DATE else None
