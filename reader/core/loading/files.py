"""Reading an article file into a ``Document``: encodings, saved web pages, Markdown, annotated copies.

Everything here either returns a ``Document`` or raises ``LoadError`` with one
line a user can act on. The file is only ever read. Nothing is fetched.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported where a Document is made, or a message: ``load_plain_text`` gives the window its
    # first frame's text without the data model's module (eight dataclasses, datetime: ~6 ms).
    from reader.core.document import Annotations, Document
    from reader.core.messages import Message

# Larger files are refused before they are read: a news article is kilobytes, and
# 50 MB of text is already several hours of analysis and more than a view can hold.
MAX_BYTES = 50 * 1024 * 1024

# How much bigger than its article an annotated copy may be (measured: about 5.2× for a heavily
# annotated article); the article limit itself is applied to the text the copy carries.
COPY_FACTOR = 8
# The analysis holds a few hundred bytes per word or sign (250-400, measured on news, on «او گفت: »
# and on «ب. » repeated), so memory follows the count, not the bytes: news at the 50 MB limit is
# about 6.4 million, 50 MB of one-letter sentences 26 million (some 10 GB). Past this many the
# article is refused; the analysis then peaks at about 3 GB for any text.
MAX_WORDS = 7_000_000
# Patterns are compiled on first use (re keeps them): a plain UTF-8 text, the window's first
# frame's, needs none of them, and compiling them was ~0.5 ms of that frame.
_WORD_OR_SIGN = r"\w+|[^\w\s]"
COPY_EXTRA = 4 * 1024 * 1024  # and the embedded font and style sheet, the same for any article
_COPY_MARK = b'id="khana-annotations"'

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".json")

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x7fELF", "program"),
    (b"\x1f\x8b", "gzip"),
    (b"RIFF", "media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"BZh", "bzip2"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0", "old-office"),
)


_PERSIAN_ONLY = "[پچژگک]"
_CP1256_PERSIAN_YE = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc"})


def message(message_id: str, **args: Any) -> Message:
    """The catalogue's message (``reader.core.messages``, imported when a file is refused)."""
    from reader.core.messages import message as catalogue_message

    return catalogue_message(message_id, **args)


class LoadError(Exception):
    """An article that cannot be opened; ``str()`` is one line for the user (English).

    ``message`` is the catalogue entry (``reader.core.messages``) the window shows in Persian.
    """

    def __init__(self, text: Message | str) -> None:
        from reader.core.messages import Message

        self.message = text if isinstance(text, Message) else None
        super().__init__(str(text))


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read an article (.txt, .html/.htm, .md, or a Khana annotated copy) without changing it."""
    from reader.core.document import Document, heading_blocks

    p = Path(path)
    suffix = p.suffix.lower()
    read = _read_text(p, suffix)
    if read is None:
        return Document(text="", source=str(p))
    text, warnings = read
    if _is_page(suffix, text):
        return _within_word_limit(_from_html(text, p, warnings), p)
    if suffix in (".md", ".markdown"):
        # Imported here, as the page reader below: a plain text (the usual article, and the one the
        # window reads before its first frame) needs neither parser, and lxml's import is ~5 ms.
        from reader.core.loading.markdown import to_text_and_headings as markdown_to_text

        title, body, headings = markdown_to_text(text)
        return _within_word_limit(Document(text=body, title=title, source=str(p), warnings=warnings,
                                           blocks=heading_blocks(body, headings)), p)
    if suffix == ".json":
        return _from_json(text, p)
    return _within_word_limit(Document(text=text, source=str(p), warnings=warnings), p)


def load_plain_text(path: str | os.PathLike[str]) -> str | None:
    """The text ``load_document`` gives a plain-text article, read by the same steps without
    making its ``Document``; None for a page, Markdown or a Khana copy, and for a file
    ``load_document`` refuses.

    The window shows this text in its first frame, which does without the data model's module.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in _NOT_PLAIN:
        return None
    try:
        read = _read_text(p, suffix)
        if read is None:
            return ""
        text = read[0]
        if _is_page(suffix, text):
            return None
        _check_word_count(text, p)
    except LoadError:
        return None
    return text


_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_NOT_PLAIN = (*_PAGE_SUFFIXES, ".md", ".markdown", ".json")


def _read_text(p: Path, suffix: str) -> tuple[str, tuple[str, ...]] | None:
    """``p``'s text, decoded and with its line breaks normalised, and the warnings; None if empty."""
    # An annotated copy is several times its article (markup, the JSON block, the lists): the
    # article limit applies to the text it carries (``_annotated``), its bytes may be larger.
    copy_suffix = suffix in (*_PAGE_SUFFIXES, ".json")
    raw = read_bytes(p, MAX_BYTES * COPY_FACTOR + COPY_EXTRA if copy_suffix else MAX_BYTES)
    if len(raw) > MAX_BYTES and (suffix != ".json" and _COPY_MARK not in raw):
        raise LoadError(message("too-big", name=p.name, mb=f"{len(raw) / 1e6:.0f}", limit=MAX_BYTES // (1024 * 1024)))
    if not raw:
        return None
    kind = _describe_binary(raw)
    if kind:
        raise LoadError(message("not-an-article", name=p.name, kind=kind))
    is_page = suffix in _PAGE_SUFFIXES
    text, warnings = _decode_declared(raw, p.name) if is_page else (None, ())
    if text is None:
        text, warnings = decode(raw, p.name)
    return normalize_newlines(text), warnings


def _is_page(suffix: str, text: str) -> bool:
    """Read as a saved web page: by its name, or by its start when the name says nothing."""
    return suffix in _PAGE_SUFFIXES or (suffix not in (".txt", ".md", ".markdown") and _looks_like_html(text))


def _within_word_limit(document: Document, p: Path) -> Document:
    """``document``, unless the analysis would hold more than ``MAX_WORDS`` words and signs of it."""
    if document.annotations is None:  # a copy is not analysed again
        _check_word_count(document.text, p)
    return document


def _check_word_count(text: str, p: Path) -> None:
    """Refuse a text whose analysis would hold more than ``MAX_WORDS`` words and signs."""
    if len(text) <= MAX_WORDS:
        return  # every word or sign is a character at least
    count = sum(1 for _ in re.finditer(_WORD_OR_SIGN, text))
    if count > MAX_WORDS:
        raise LoadError(message("too-many-words", name=p.name, count=f"{count:,}", limit=f"{MAX_WORDS:,}"))


def read_bytes(p: Path, limit: int | None = None) -> bytes:
    """The file's bytes, after checking it is a readable file under the size limit (``MAX_BYTES``)."""
    limit = MAX_BYTES if limit is None else limit
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(message("no-such-file", path=p)) from None
    except OSError as exc:
        raise LoadError(message("cannot-open", path=p, reason=_reason(exc))) from None
    if p.is_dir():
        raise LoadError(message("folder", path=p))
    if not p.is_file():
        raise LoadError(message("not-regular", path=p))
    if st.st_size > limit:
        raise LoadError(message("too-big", name=p.name, mb=f"{st.st_size / 1e6:.0f}", limit=limit // (1024 * 1024)))
    try:
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise LoadError(message("cannot-read", path=p, reason=_reason(exc))) from None
    if len(data) > limit:
        raise LoadError(message("grew-too-big", name=p.name, limit=limit // (1024 * 1024)))
    return data


def decode(raw: bytes, name: str = "the file") -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM or plain) or Windows-1256, chosen from the bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode_utf8(raw[3:], name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(raw, "utf-16", name)
    guess = _guess_bomless_utf16(raw)
    if guess:
        return _decode_utf16(raw, guess, name)
    if b"\x00" in raw:
        raise LoadError(message("binary", name=name))
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            return _decode_utf8(raw, name)
        if _mostly_utf8(raw):
            raise LoadError(message("bad-utf8-mixed", name=name, offset=exc.start)) from None
    text = raw.decode("cp1256", errors="replace")
    if not _plausible_text(text):
        raise LoadError(message("unknown-encoding", name=name))
    if re.search(_PERSIAN_ONLY, text):
        # Windows-1256 has no Persian ye: Persian files store it as Arabic ye (0xED) or alef
        # maksura (0xEC), the best fit Windows itself uses. In Persian text both mean «ی».
        text = text.translate(_CP1256_PERSIAN_YE)
    return text, ("read as Windows-1256",)


_DECLARED = rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})"""
# Encodings a decoder here handles by its own sniffing (and their aliases).
_SNIFFED = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "ascii"}


def _decode_declared(raw: bytes, name: str) -> tuple[str | None, tuple[str, ...]]:
    """A page in the charset its ``<meta>`` declares, when that is not one ``decode`` sniffs itself.

    None when there is no such declaration (``decode`` decides). A page declared in an
    encoding that cannot hold Persian (KOI8-R, Latin-1, Shift JIS) and that decodes to mostly
    other scripts' letters is refused: it is not a Persian article, and Windows-1256 would
    only turn it into plausible-looking Arabic-script nonsense.
    """
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None, ()  # a byte-order mark outranks a declaration, as in browsers
    found = re.search(_DECLARED, raw[:4096], re.IGNORECASE)
    if not found:
        return None, ()
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None, ()
    if codec in _SNIFFED:
        return None, ()
    text = raw.decode(codec, errors="replace")
    letters = [ch for ch in text[:200_000] if ch.isalpha() and ord(ch) > 127]
    arabic_script = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff")
    if letters and arabic_script < len(letters) / 2:
        raise LoadError(message("not-persian", name=name, charset=found.group(1).decode("ascii")))
    return text, (f"read as {codec}, the encoding the page declares",)


def normalize_newlines(text: str) -> str:
    """CRLF and CR line ends read as ``\\n``; a stray BOM character is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _decode_utf8(raw: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
            # A file cut off mid-character: show what is there, say what was not.
            return raw[: exc.start].decode("utf-8"), ("the file ends in the middle of a character; that character was left out",)
        raise LoadError(message("bad-utf8", name=name, offset=exc.start)) from None


def _decode_utf16(raw: bytes, codec: str, name: str) -> tuple[str, tuple[str, ...]]:
    warnings: tuple[str, ...] = ()
    if len(raw) % 2:
        raw = raw[:-1]
        warnings = ("the file ends in the middle of a character; that character was left out",)
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.reason in ("unexpected end of data", "truncated data") or exc.start >= len(raw) - 4:
            # A lone high surrogate at the very end: the file was cut off.
            text = raw[: exc.start].decode(codec)
            warnings = ("the file ends in the middle of a character; that character was left out",)
        else:
            raise LoadError(message("bad-utf16", name=name, offset=exc.start)) from None
    if not _plausible_text(text):
        raise LoadError(message("unreadable-text", name=name))
    return text, warnings


def _guess_bomless_utf16(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    # Latin text in UTF-16 has a zero in every other byte; Persian has 0x06 there instead.
    even_06 = sample[0::2].count(6) / (len(sample) / 2)
    odd_06 = sample[1::2].count(6) / (len(sample) / 2)
    if odd_zero + odd_06 > 0.6 and even_zero < 0.1:
        return "utf-16-le"
    if even_zero + even_06 > 0.6 and odd_zero < 0.1:
        return "utf-16-be"
    return None


def _mostly_utf8(raw: bytes) -> bool:
    """True when the bytes hold many well-formed multi-byte UTF-8 sequences (so they are broken UTF-8)."""
    sequences = len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", raw[:65536]))
    high = sum(1 for b in raw[:65536] if b >= 0x80)
    return high > 0 and sequences * 2 >= high * 0.6


def _plausible_text(text: str) -> bool:
    """Whether decoded characters look like writing rather than decoded noise."""
    sample = text[:20000]
    if not sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    replacement = sample.count("\ufffd")
    if (controls + replacement) / len(sample) > 0.01:
        return False
    non_ascii = [ch for ch in sample if ord(ch) > 127]
    if not non_ascii:
        return True
    letters = sum(1 for ch in non_ascii if ch.isalpha() or ch in "\u200c\u200d\u200e\u200f،؛؟«»٪")
    return letters / len(non_ascii) > 0.8


def _describe_binary(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    return None


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _from_html(text: str, p: Path, warnings: tuple[str, ...]) -> Document:
    from reader.core.document import AnnotationError, Document, heading_blocks
    from reader.core.export.html import extract_embedded
    from reader.core.loading.html import extract as extract_page

    try:
        annotations = extract_embedded(text)
    except AnnotationError as exc:
        raise LoadError(message("damaged-copy", name=p.name, reason=exc)) from None
    if annotations is not None:
        return _annotated(annotations, p, warnings + annotations.warnings)
    page = extract_page(text)
    if not page.text.strip():
        # Only menus, footers and links: opening it as an empty article would hide that.
        raise LoadError(message("no-article-text", name=p.name))
    return Document(text=page.text, title=page.title, article_date=page.date, source=str(p),
                    warnings=warnings + page.warnings, blocks=heading_blocks(page.text, page.headings))


def _from_json(text: str, p: Path) -> Document:
    from reader.core.document import AnnotationError, annotations_from_json

    try:
        annotations = annotations_from_json(text)
    except AnnotationError as exc:
        raise LoadError(message("bad-json", name=p.name, reason=exc)) from None
    return _annotated(annotations, p, annotations.warnings)


def _annotated(annotations: Annotations, p: Path, warnings: tuple[str, ...]) -> Document:
    """A Khana copy reopens as its own text and annotations, without analysis."""
    from reader.core.document import Document

    size = _utf8_length(annotations.text)
    if size > MAX_BYTES:
        raise LoadError(message("too-big", name=p.name, mb=f"{size / 1e6:.0f}", limit=MAX_BYTES // (1024 * 1024)))
    return Document(
        text=annotations.text,
        title=annotations.title,
        article_date=annotations.article_date,
        source=str(p),
        annotations=annotations,
        warnings=warnings,
    )


def _utf8_length(text: str) -> int:
    # Counted a piece at a time: one encode of a 50 MB text would hold a copy of it.
    return sum(len(text[i : i + 1_000_000].encode("utf-8", "surrogatepass")) for i in range(0, len(text), 1_000_000))


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link points back to itself"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)

