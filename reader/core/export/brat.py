"""brat standoff export: the article as ``.txt`` and its annotations as ``.ann``.

Offsets are character offsets into the ``.txt``, which is ``Annotations.text``
written as UTF-8: brat counts characters (Unicode code points, as Python does),
not bytes, so they are Khana's own offsets unchanged. A span that crosses a
line break is written as brat's discontinuous form ``start end;start end``
(brat cannot show one fragment over two lines), its text the fragments joined
by a space. The text column is the last on a line, so a tab inside it is
kept (brat splits a line at its first two tabs only).

- entity mentions: ``T`` lines typed PER, LOC, ORG, …; the entity's id, name
  and role as an ``AnnotatorNotes`` comment on each mention; a title or pronoun
  mention («رهبر کره شمالی», «وی») also gets the attribute ``Mention`` with value
  ``title`` or ``pronoun`` (a name has none);
- quotes: type ``Quote``; the speaker as a relation
  ``Speaker Arg1:<quote> Arg2:<mention>`` to the speaker's mention nearest the
  quote, or a note when the speaker has no mention or only speaker words;
- dates: type ``DAT`` (``TIM`` for times), the kind and both calendars as a note.

For brat to show these, the folder needs an ``annotation.conf`` declaring the
entity types above, ``Quote`` and the ``Speaker`` relation: ``render_brat_conf``
writes one, and callers put it beside the files unless one is already there
(a brat project's own configuration is never overwritten).
"""

from __future__ import annotations

from reader.core.document import ENTITY_TYPES, NAME, PRONOUN, TITLE, Annotations, Entity, Span

CONF_NAME = "annotation.conf"

# Everything str.splitlines() breaks on: brat reads the .txt the same way.
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start..end`` cut at line breaks, without empty pieces."""
    out: list[tuple[int, int]] = []
    piece = start
    for i in range(start, end):
        if text[i] in _LINE_BREAKS:
            if piece < i:
                out.append((piece, i))
            piece = i + 1
    if piece < end:
        out.append((piece, end))
    return out


def _one_line(value: str) -> str:
    return " ".join(value.split())


class _Writer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.t = self.r = self.n = self.a = 0

    def span(self, label: str, start: int, end: int) -> str | None:
        parts = fragments(self.text, start, end)
        if not parts:
            return None
        self.t += 1
        offsets = ";".join(f"{a} {b}" for a, b in parts)
        words = " ".join(self.text[a:b] for a, b in parts)
        self.lines.append(f"T{self.t}\t{label} {offsets}\t{words}")
        return f"T{self.t}"

    def note(self, target: str, note: str) -> None:
        self.n += 1
        self.lines.append(f"#{self.n}\tAnnotatorNotes {target}\t{_one_line(note)}")

    def attribute(self, label: str, target: str, value: str) -> None:
        self.a += 1
        self.lines.append(f"A{self.a}\t{label} {target} {value}")

    def relation(self, label: str, arg1: str, arg2: str) -> None:
        self.r += 1
        self.lines.append(f"R{self.r}\t{label} Arg1:{arg1} Arg2:{arg2}")


def _entity_note(entity: Entity) -> str:
    note = f"{entity.id}: {entity.name}"
    return note + (f" ({entity.role})" if entity.role else "")


def render_brat(ann: Annotations) -> tuple[str, str]:
    """(.txt content, .ann content) for ``ann``."""
    writer = _Writer(ann.text)
    mention_ids: dict[str, list[tuple[Span, str]]] = {}
    for entity in ann.entities:
        for mention in entity.mentions:
            tid = writer.span(entity.type, mention.start, mention.end)
            if tid is None:
                continue
            mention_ids.setdefault(entity.id, []).append((mention, tid))
            writer.note(tid, _entity_note(entity))
            if mention.kind != NAME:
                writer.attribute("Mention", tid, mention.kind)
    by_id = {e.id: e for e in ann.entities}
    for quote in ann.quotes:
        qid = writer.span("Quote", quote.start, quote.end)
        if qid is None:
            continue
        mentions = mention_ids.get(quote.speaker or "", [])
        if mentions:
            nearest = min(mentions, key=lambda m: _distance(m[0], quote.start, quote.end))
            writer.relation("Speaker", qid, nearest[1])
        elif quote.speaker and quote.speaker in by_id:
            writer.note(qid, "speaker: " + _entity_note(by_id[quote.speaker]))
        if quote.speaker_text:
            writer.note(qid, "speaker words: " + quote.speaker_text)
    for date in ann.dates:
        did = writer.span("TIM" if date.kind == "time" else "DAT", date.start, date.end)
        if did is None:
            continue
        note = f"kind={date.kind}"
        if date.jalali:
            note += f"; jalali={date.jalali.start}..{date.jalali.end}"
        if date.gregorian:
            note += f"; gregorian={date.gregorian.start}..{date.gregorian.end}"
        writer.note(did, note)
    ann_text = "\n".join(writer.lines) + ("\n" if writer.lines else "")
    return ann.text, ann_text


def _distance(mention: Span, start: int, end: int) -> int:
    if mention.end <= start:
        return start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0


def render_brat_conf() -> str:
    """brat's ``annotation.conf`` for what ``render_brat`` writes.

    Quotes contain the mentions of the people they name, so any overlap is allowed; the
    notes are brat's built-in ``AnnotatorNotes`` and need no declaration.
    """
    speakers = "|".join(t for t in ENTITY_TYPES if t in ("PER", "ORG", "LOC"))
    return "\n".join(
        [
            "# Written by Khana for its brat export: the types and relation its .ann files use.",
            "[entities]",
            *ENTITY_TYPES,
            "Quote",
            "",
            "[relations]",
            f"Speaker\tArg1:Quote, Arg2:{speakers}",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "",
            "[attributes]",
            f"Mention\tArg:<ENTITY>, Value:{TITLE}|{PRONOUN}",
            "",
        ]
    )
