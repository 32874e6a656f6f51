"""The article inside a saved news page: title, main text and publication date.

Parsed with libxml2's HTML parser (through lxml), which reads any page in one pass; the standard
library's ``html.parser`` needed minutes for a few hundred kilobytes of hostile markup. The
parser only reports events (no tree is built, nothing is fetched); scripts, styles, navigation,
forms and comment boxes are dropped.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from array import array
from dataclasses import dataclass, field

from lxml import etree

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


# Deeper than any real page (browsers flatten past 512): libxml2 scans its stack of open elements
# for every close tag that matches none, so depth times close tags is the work a page can demand.
MAX_DEPTH = 1_000
# Inline tags without attributes carry nothing the extractor reads (no class, no id, no block),
# and a run of them is the cheap way to build a deep stack: such pairs are taken out before
# parsing (their text stays), and so are close tags that nothing opened.
_SURROGATE = re.compile("[\ud800-\udfff]")
_INLINE_TAG = re.compile(
    r"<(/?)(a|abbr|b|bdi|bdo|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|nobr|q|s|samp|small|span|"
    r"strike|strong|sub|sup|tt|u|var)(\s[^<>]*)?>",
    re.I,
)


@dataclass
class Page:
    """What a saved page says about its article."""

    title: str | None
    text: str
    date: dt.date | None
    # The headings of the story (words, level 1-6), in order (``document.heading_blocks`` places them).
    headings: list[tuple[str, int]] = field(default_factory=list)
    # What was not read, for the loader to pass on (one line each).
    warnings: tuple[str, ...] = ()


class TooDeep(Exception):
    """A page or copy nests its elements past ``MAX_DEPTH``; reading stops there."""


@dataclass
class _Frame:
    tag: str
    body_at: int
    article_at: int
    chars: int = 0
    link_chars: int = 0
    has_blocks: bool = False


# A block whose words are this much link text is navigation: menus, related headlines, cards.
_LINK_SHARE = 0.8


class _Extractor:
    """An lxml parser target: libxml2 reports each element and text run, balanced, in order."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, has a frame)
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.time_values: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.headings: list[tuple[str, int]] = []
        self.heading: tuple[int, list[str]] | None = None  # the open h1-h6: level, words so far
        # libxml2 reports each character reference as its own text run (a million for a page of
        # «&#1601;»): written through, not kept as a million strings in a list.
        self.body = io.StringIO()
        self.article = io.StringIO()
        self.article_depth = 0
        # Structured data (schema.org JSON-LD) that news sites put in a script: its datePublished.
        self.ld_json: list[list[str]] = []
        self.in_ld_json = False
        self.link_depth = 0
        # One frame per open block: where its text began, its characters and those inside links,
        # and whether a block opened inside it.
        self.frames: list[_Frame] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        tag = tag.lower()
        values = {k.lower(): v for k, v in attrib.items()}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
        if tag == "time" and values.get("datetime"):
            self.time_values.append(values["datetime"])
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self._emit("\n")
            return
        if len(self.stack) >= MAX_DEPTH:
            raise TooDeep
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self.in_ld_json = True
            self.ld_json.append([])
        marker = " ".join((values.get("class", ""), values.get("id", ""), values.get("role", "")))
        skipped = tag in _SKIP or bool(_BOILERPLATE.search(marker)) or values.get("aria-hidden") == "true"
        if values.get("itemprop") == "datePublished" and values.get("content"):
            self.time_values.append(values["content"])
        framed = tag in _BLOCK and not skipped and not self.skip_depth
        self.stack.append((tag, skipped, framed))
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
        if tag == "a":
            self.link_depth += 1
        if framed:
            if self.frames:
                self.frames[-1].has_blocks = True
            self.frames.append(_Frame(tag, self.body.tell(), self.article.tell()))
            self._emit("\n")

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _VOID or not self.stack:
            return
        # libxml2 closes what a page leaves open itself, so every end is the innermost open element.
        closed, skipped, framed = self.stack.pop()
        if skipped:
            self.skip_depth -= 1
        if closed == "article" and not skipped and not self.skip_depth and self.article_depth:
            self.article_depth -= 1
        if closed == "a":
            self.link_depth -= 1
        dropped = False
        if framed:
            dropped = self._close_frame(self.frames.pop())
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld_json = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _HEADINGS and self.heading is not None:
            if not dropped:
                self.headings.append((_clean_inline("".join(self.heading[1])), self.heading[0]))
            self.heading = None
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n")

    def data(self, data: str) -> None:
        if self.in_ld_json:
            self.ld_json[-1].append(data)
            return
        if self.skip_depth:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.in_h1:
            self.h1.append(data)
        if self.heading is not None:
            self.heading[1].append(data)
        if self.frames:
            frame = self.frames[-1]
            size = len(data.strip())
            frame.chars += size
            if self.link_depth:
                frame.link_chars += size
        self._emit(data)

    def _close_frame(self, frame: _Frame) -> bool:
        """Take a block of only links back out of the text (a menu item, a related headline, a card).

        Only a block with no block inside it, so a paragraph is never lost for its neighbours'
        links; a top headline that is a link stays (it is the story's).
        """
        if frame.has_blocks or frame.tag == "h1" or not frame.chars or frame.link_chars < _LINK_SHARE * frame.chars:
            return False
        self.body.seek(frame.body_at)
        self.body.truncate()
        if self.article.tell() > frame.article_at:
            self.article.seek(frame.article_at)
            self.article.truncate()
        return True

    def close(self) -> None:
        return None

    def _emit(self, chunk: str) -> None:
        self.body.write(chunk)
        if self.article_depth:
            self.article.write(chunk)


def parse_events(source: str, target: object) -> None:
    """Feed ``source`` to libxml2's HTML parser, reporting to ``target``; nothing is fetched.

    Raises ``TooDeep`` from the target. Input a parser cannot take (a lone surrogate) or gives
    up on is read up to that point.
    """
    parser = etree.HTMLParser(target=target, no_network=True, huge_tree=True, remove_comments=True,
                              remove_pis=True)
    try:
        source = _without_bare_inline(source)
        if _SURROGATE.search(source):  # lxml cannot encode one: it becomes "?", one character for one
            source = source.encode("utf-8", "replace").decode("utf-8")
        parser.feed(source)
        parser.close()
    except etree.LxmlError:
        pass


def extract(source: str) -> Page:
    """Title, main text and date of the article in an HTML page."""
    parser = _Extractor()
    warnings: tuple[str, ...] = ()
    try:
        parse_events(_without_open_comment(source), parser)
    except TooDeep:
        warnings = (f"the page nests its elements more than {MAX_DEPTH:,} deep; the rest of it was not read",)
    title = _clean_inline(parser.meta.get("og:title") or "".join(parser.h1) or _title_text("".join(parser.title_parts)))
    article = parser.article.getvalue()
    text = _clean_block(article if article.strip() else parser.body.getvalue())
    date = None
    for key in _DATE_META:
        if key in parser.meta:
            date = _iso_date(parser.meta[key])
            if date:
                break
    if date is None:
        for value in [*_ld_dates(["".join(block) for block in parser.ld_json]), *parser.time_values]:
            date = _iso_date(value)
            if date:
                break
    return Page(title=title or None, text=text, date=date, headings=parser.headings, warnings=warnings)


def _without_bare_inline(source: str) -> str:
    """``source`` less its attribute-free inline tags and the inline close tags that close nothing.

    Tags pair by name, innermost first, as the parser pairs them; a tag with attributes stays with
    its own close tag, so a ``<span class="comment">`` still hides what it holds. One pass.
    """
    # Memory stays a byte per character and eight bytes per open tag, whatever the tag count: a
    # list of spans was 120 MB for a million unmatched close tags.
    cut = bytearray(len(source))  # 1 where a character is taken out
    bare_start = -1  # what an open tag with attributes holds on its name's stack
    open_tags: dict[str, array[int]] = {}  # per name: the start of each open tag, innermost last
    found = False
    for match in _INLINE_TAG.finditer(source):
        found = True
        name = match[2].lower()
        opened = open_tags.setdefault(name, array("q"))
        if not match[1]:
            opened.append(match.start() if match[3] is None or not match[3].strip() else bare_start)
            continue
        if opened:
            start = opened.pop()
            if start == bare_start:
                continue  # it closes a tag with attributes: both stay
            cut[start : source.index(">", start) + 1] = b"\x01" * (source.index(">", start) + 1 - start)
        cut[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    if not found:
        return source
    # A bare tag never closed only formats the rest of its block.
    for opened in open_tags.values():
        for start in opened:
            if start != bare_start:
                end = source.index(">", start) + 1
                cut[start:end] = b"\x01" * (end - start)
    return "".join(source[run.start() : run.end()] for run in re.finditer(b"\x00+", cut))


def _title_text(raw: str) -> str:
    """A ``<title>``'s words: its content is raw text to libxml2, so a script or tags in it are cut here."""
    kept: list[str] = []
    at = 0
    for match in re.finditer(r"<(script|style)\b", raw, re.I):
        if match.start() < at:
            continue
        kept.append(raw[at:match.start()])
        end = raw.lower().find(f"</{match[1].lower()}", match.end())
        at = len(raw) if end == -1 else end
    kept.append(raw[at:])
    return re.sub(r"<[^<>]*>", " ", "".join(kept))


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
