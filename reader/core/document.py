"""The data model: a loaded article and the annotations anchored in its text.

Every annotation is anchored by code-point offsets into ``Document.text`` (end
exclusive), the text the user sees. The JSON form is the "khana-annotations"
contract, version 1; ``annotations_from_json`` validates it and refuses a
malformed file with a one-line ``AnnotationError``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

FORMAT_NAME = "khana-annotations"
FORMAT_VERSION = 1

ENTITY_TYPES = ("PER", "LOC", "ORG", "DAT", "TIM", "MON", "PCT")
DATE_KINDS = ("date", "range", "relative", "duration", "time")
# How a mention names its entity: by name, by a title or role phrase («رهبر کره شمالی»), or by a
# pronoun or «این مقام». JSON writes "kind" only when it is not a name, so older files still read.
NAME, TITLE, PRONOUN = "name", "title", "pronoun"
MENTION_KINDS = (NAME, TITLE, PRONOUN)


class AnnotationError(ValueError):
    """A JSON annotation file that does not follow the contract; the message is one line."""


@dataclass(frozen=True)
class Block:
    """A paragraph of ``Document.text`` that is not body text: ``kind`` is "heading1" … "heading6"."""

    start: int
    end: int
    kind: str


def heading_blocks(text: str, headings: list[tuple[str, int]]) -> tuple[Block, ...]:
    """The blocks of ``headings`` ((words, level 1-6), in order) found as whole paragraphs of ``text``.

    A loader knows its headings before the text is final (spaces trimmed, blank lines folded);
    each is looked for as a line from where the previous one was found, so the offsets are those
    of the final text, and a heading that did not survive is skipped.
    """
    blocks: list[Block] = []
    lines: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    index = 0
    for words, level in headings:
        words = words.strip()
        if not words:
            continue
        for i in range(index, len(lines)):
            start, line = lines[i]
            if line.strip() == words:
                lead = len(line) - len(line.lstrip())
                blocks.append(Block(start + lead, start + lead + len(words), f"heading{max(1, min(6, level))}"))
                index = i + 1
                break
    return tuple(blocks)


@dataclass(frozen=True)
class Document:
    """A loaded article: the text the user sees and what the file said about it."""

    text: str
    title: str | None = None
    article_date: dt.date | None = None
    source: str | None = None
    # Annotations embedded in a Khana annotated copy; None for a plain article.
    annotations: Annotations | None = None
    # What the loader had to do that the user should know (e.g. read as Windows-1256).
    warnings: tuple[str, ...] = ()
    # The headings of a saved page or a Markdown file, in text order; every other paragraph is
    # body text. Offsets as everywhere: code points into ``text``, which they do not change.
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range of code points in ``Document.text``; as a mention, how it names its entity.

    ``kind`` takes no part in equality, order or hashing: a mention is known by its offsets,
    so editing and lookups that build ``Span(start, end)`` find a title mention too.
    """

    start: int
    end: int
    kind: str = field(default=NAME, compare=False)


@dataclass(frozen=True)
class Entity:
    """One real-world referent and every mention of it in the document."""

    id: str
    type: str
    name: str
    role: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Quoted words, with the entity who said them or the words naming an unnamed speaker."""

    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of calendar days in one calendar, as ISO-like strings."""

    start: str
    end: str


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and, when resolved, its value in both calendars."""

    start: int
    end: int
    kind: str
    gregorian: DateRange | None = None
    jalali: DateRange | None = None


@dataclass(frozen=True)
class Annotations:
    """Everything Khana knows about one document; immutable, edits make a new one."""

    text: str
    title: str | None = None
    article_date: dt.date | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def with_changes(self, **changes: Any) -> Annotations:
        return replace(self, **changes)


# --------------------------------------------------------------------------- JSON


def annotations_to_dict(ann: Annotations) -> dict[str, Any]:
    """The JSON contract, version 1, as plain Python data."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "text": ann.text,
        "title": ann.title,
        "article_date": ann.article_date.isoformat() if ann.article_date else None,
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "role": e.role,
                "mentions": [_mention_to_dict(m) for m in e.mentions],
            }
            for e in ann.entities
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "speaker": q.speaker, "speaker_text": q.speaker_text}
            for q in ann.quotes
        ],
        "dates": [
            {
                "start": d.start,
                "end": d.end,
                "kind": d.kind,
                "gregorian": _range_to_dict(d.gregorian),
                "jalali": _range_to_dict(d.jalali),
            }
            for d in ann.dates
        ],
    }


# json is imported where it is used: the window reads its first article (a Document) before
# its first frame, which needs no JSON, and importing json was ~2 ms of that frame.


def annotations_to_json(ann: Annotations, *, indent: int | None = 2) -> str:
    import json

    data = annotations_to_dict(ann)
    if indent is None:
        return json.dumps(data, ensure_ascii=False)  # the C encoder: fast already
    return indented_json(data, indent)


def _import_encoder(value: str) -> str:
    """``value`` as a JSON string, the first time: json's own (C) encoder then takes this one's place."""
    global _encode_str
    from json import encoder

    c_encoder: Callable[[str], str] | None = getattr(encoder, "c_encode_basestring", None)
    _encode_str = c_encoder or encoder.py_encode_basestring
    return _encode_str(value)


_encode_str: Callable[[str], str] = _import_encoder

_CONSTANTS = {None: "null", True: "true", False: "false"}


def indented_json(value: Any, indent: int = 2) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, character for character, in less time.

    The standard library writes indented JSON with its pure-Python encoder, a
    generator per level; a big document's annotations (a million characters of
    text, tens of thousands of mentions) took it seconds. Only JSON's own types
    (dict with str keys, list, tuple, str, int, bool, None) are handled here;
    anything else goes to ``json.dumps`` so the result, or the error, is its.
    """
    parts: list[str] = []
    chunks: list[str] = []
    try:
        _write(value, parts, "\n", " " * indent, chunks)
    except _NotPlain:
        import json

        return json.dumps(value, ensure_ascii=False, indent=indent)
    chunks.append("".join(parts))
    return "".join(chunks)


# Parts joined into one chunk whenever this many have piled up: a million small strings (a big
# article's mentions) took 70 MB, four times the finished text, at the top of khana annotate's memory.
_CHUNK_PARTS = 20_000


class _NotPlain(Exception):
    """A value this writer leaves to ``json.dumps`` (floats, subclasses, non-str keys, cycles...)."""


def _write(value: Any, out: list[str], newline: str, step: str, chunks: list[str], depth: int = 0) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_str(value))
    elif kind is int:
        out.append(int.__repr__(value))
    elif value is None or kind is bool:
        out.append(_CONSTANTS[value])
    elif depth > 200:
        raise _NotPlain()  # deeper than any annotation; json.dumps reports a cycle properly
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + step
        out.append("{" + inner)
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain()
            if not first:
                out.append("," + inner)
            first = False
            out.append(_encode_str(key) + ": ")
            _write(item, out, inner, step, chunks, depth + 1)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + step
        out.append("[" + inner)
        first = True
        for item in value:
            if not first:
                out.append("," + inner)
            first = False
            _write(item, out, inner, step, chunks, depth + 1)
            if len(out) > _CHUNK_PARTS:
                chunks.append("".join(out))
                out.clear()
        out.append(newline + "]")
    else:
        raise _NotPlain()


# The days every calendar conversion Khana runs supports (jdatetime, convertdate's Hijri):
# the same span as ``reader.core.dates.calendar``'s, kept here so validation needs no calendar import.
# A date outside it is refused on load, so nothing the validator accepts fails to display.
MIN_DATE = dt.date(622, 3, 22)
MAX_DATE = dt.date(9000, 12, 31)
JALALI_MIN_YEAR, JALALI_MAX_YEAR = 1, 9377  # jdatetime.MINYEAR, MAXYEAR


def annotations_from_json(source: str) -> Annotations:
    """Parse and validate a JSON annotation file (never evaluates it)."""
    import json

    try:
        data = json.loads(source)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise AnnotationError(f"not valid JSON: {exc}") from None
    return annotations_from_dict(data)


def annotations_from_dict(data: Any, *, strict: bool = True) -> Annotations:
    """Validate plain data against the contract.

    With ``strict`` a bad part refuses the whole file; without it, bad entities,
    mentions, quotes and dates are skipped and listed in ``warnings``.
    """
    if not isinstance(data, dict):
        raise AnnotationError("annotations must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise AnnotationError(f"not a Khana annotation file (format is {data.get('format')!r})")
    if data.get("version") != FORMAT_VERSION:
        raise AnnotationError(f"unsupported annotation version {data.get('version')!r}; this Khana reads version {FORMAT_VERSION}")
    text = data.get("text")
    if not isinstance(text, str):
        raise AnnotationError("'text' must be a string")
    title = _optional_str(data.get("title"), "title")
    article_date = _parse_iso_date(data.get("article_date"), "article_date")

    warnings: list[str] = []

    def collect(items: Any, what: str, parse: Any) -> list[Any]:
        if not isinstance(items, list):
            raise AnnotationError(f"'{what}' must be a list")
        parsed = []
        for index, item in enumerate(items):
            try:
                parsed.append(parse(item, len(text)))
            except AnnotationError as exc:
                if strict:
                    raise AnnotationError(f"{what}[{index}]: {exc}") from None
                warnings.append(f"skipped {what}[{index}]: {exc}")
        return parsed

    def bad_mention(entity: int, position: int, exc: AnnotationError) -> None:
        # The smallest damaged unit goes: a bad mention is dropped and its entity kept.
        if strict:
            raise AnnotationError(f"mentions[{position}]: {exc}")
        warnings.append(f"skipped entities[{entity}].mentions[{position}]: {exc}")

    counter = itertools.count()

    def parse_entity(item: Any, length: int) -> Entity:
        index = next(counter)  # collect() calls this once per item, in order
        return _parse_entity(item, length, lambda position, exc: bad_mention(index, position, exc))

    entities = collect(data.get("entities", []), "entities", parse_entity)
    seen: set[str] = set()
    for entity in entities:
        if entity.id in seen:
            raise AnnotationError(f"entity id {entity.id!r} is used twice")
        seen.add(entity.id)
    quotes = collect(data.get("quotes", []), "quotes", _parse_quote)
    for index, quote in enumerate(quotes):
        if quote.speaker is not None and quote.speaker not in seen:
            if strict:
                raise AnnotationError(f"quotes[{index}]: speaker {quote.speaker!r} is not an entity")
            warnings.append(f"quote {index}: unknown speaker {quote.speaker!r} dropped")
            quotes[index] = replace(quote, speaker=None)
    dates = collect(data.get("dates", []), "dates", _parse_date_mention)
    return Annotations(
        text=text,
        title=title,
        article_date=article_date,
        entities=tuple(entities),
        quotes=tuple(quotes),
        dates=tuple(dates),
        warnings=tuple(warnings),
    )


def _mention_to_dict(m: Span) -> dict[str, Any]:
    if m.kind == NAME:
        return {"start": m.start, "end": m.end}
    return {"start": m.start, "end": m.end, "kind": m.kind}


def _parse_mention(item: Any, length: int) -> Span:
    item = _require_dict(item)
    start, end = _parse_offsets(item, length)
    kind = item.get("kind", NAME)
    if kind not in MENTION_KINDS:
        raise AnnotationError(f"unknown mention kind {kind!r}")
    return Span(start, end, kind)


def _range_to_dict(r: DateRange | None) -> dict[str, str] | None:
    return None if r is None else {"start": r.start, "end": r.end}


def _optional_str(value: Any, what: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise AnnotationError(f"'{what}' must be a string or null")


def _parse_iso_date(value: Any, what: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnnotationError(f"'{what}' must be a YYYY-MM-DD string or null")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise AnnotationError(f"'{what}' is not a YYYY-MM-DD date: {value!r}") from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise AnnotationError(f"'{what}' {value!r} is outside {MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}")
    return day


def _parse_offsets(item: dict[str, Any], length: int) -> tuple[int, int]:
    start, end = item.get("start"), item.get("end")
    if type(start) is not int or type(end) is not int:
        raise AnnotationError("start and end must be integers")
    if not 0 <= start < end <= length:
        raise AnnotationError(f"offsets {start}..{end} are outside the text (length {length})")
    return start, end


def _require_dict(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise AnnotationError("must be an object")
    return item


def _raise_bad_mention(position: int, exc: AnnotationError) -> None:
    raise AnnotationError(f"mentions[{position}]: {exc}")


def _parse_entity(
    item: Any, length: int, on_bad_mention: Callable[[int, AnnotationError], None] = _raise_bad_mention
) -> Entity:
    item = _require_dict(item)
    entity_id, etype, name = item.get("id"), item.get("type"), item.get("name")
    if not isinstance(entity_id, str) or not entity_id:
        raise AnnotationError("'id' must be a non-empty string")
    if etype not in ENTITY_TYPES:
        raise AnnotationError(f"unknown entity type {etype!r}")
    if not isinstance(name, str):
        raise AnnotationError("'name' must be a string")
    role = _optional_str(item.get("role"), "role")
    mentions = item.get("mentions")
    if not isinstance(mentions, list):
        raise AnnotationError("'mentions' must be a list")
    found: list[Span] = []
    for position, mention in enumerate(mentions):
        try:
            found.append(_parse_mention(mention, length))
        except AnnotationError as exc:
            on_bad_mention(position, exc)
    if mentions and not found:
        raise AnnotationError("none of its mentions is inside the text")
    return Entity(id=entity_id, type=etype, name=name, role=role, mentions=tuple(sorted(found)))


def _parse_quote(item: Any, length: int) -> Quote:
    item = _require_dict(item)
    start, end = _parse_offsets(item, length)
    speaker = _optional_str(item.get("speaker"), "speaker")
    speaker_text = _optional_str(item.get("speaker_text"), "speaker_text")
    return Quote(start=start, end=end, speaker=speaker, speaker_text=speaker_text)


def _parse_range(value: Any, what: str) -> DateRange | None:
    if value is None:
        return None
    value = _require_dict(value)
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, str) and isinstance(end, str)):
        raise AnnotationError(f"'{what}' needs start and end strings")
    for part in (start, end):
        pieces = part.split("-")
        if len(pieces) != 3 or not all(p.isascii() and p.isdigit() for p in pieces):
            raise AnnotationError(f"'{what}' date {part!r} is not YYYY-MM-DD")
        _check_calendar_day(what, part, *(int(p) for p in pieces))
    if end < start:
        raise AnnotationError(f"'{what}' ends before it starts")
    return DateRange(start, end)


def _check_calendar_day(what: str, part: str, year: int, month: int, day: int) -> None:
    if what == "gregorian":
        try:
            valid = MIN_DATE <= dt.date(year, month, day) <= MAX_DATE
        except ValueError:
            valid = False
    else:
        valid = JALALI_MIN_YEAR <= year <= JALALI_MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31
    if not valid:
        raise AnnotationError(f"'{what}' date {part!r} is not a day Khana's calendars can show")


def _parse_date_mention(item: Any, length: int) -> DateMention:
    item = _require_dict(item)
    start, end = _parse_offsets(item, length)
    kind = item.get("kind")
    if kind not in DATE_KINDS:
        raise AnnotationError(f"unknown date kind {kind!r}")
    return DateMention(
        start=start,
        end=end,
        kind=kind,
        gregorian=_parse_range(item.get("gregorian"), "gregorian"),
        jalali=_parse_range(item.get("jalali"), "jalali"),
    )


def sorted_unique(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Mentions in text order without repeats."""
    return tuple(sorted(set(spans)))
