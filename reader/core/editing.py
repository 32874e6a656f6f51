"""The editing API: pure functions that turn one ``Annotations`` into a corrected one.

The UI never edits annotations itself; it calls these and keeps (before, after)
pairs for undo. Every function returns a new ``Annotations`` and leaves its
argument untouched. New spans are snapped to whole words, so a sloppy mouse
selection never cuts a ZWNJ-joined word, a combining mark or a surrogate pair.
An entity left without mentions is dropped, and quotes it spoke lose their
speaker rather than point at nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from reader.core.document import (
    ENTITY_TYPES,
    MENTION_KINDS,
    NAME,
    Annotations,
    Entity,
    Quote,
    Span,
    sorted_unique,
)
from reader.core.text import ZWJ, ZWNJ, snap


class EditError(ValueError):
    """An edit that cannot apply (unknown entity, empty span, bad type); one-line message."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in (ZWNJ, ZWJ, "ـ") or unicodedata.category(ch)[0] == "M"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to whole words and trim spaces and punctuation at its edges.

    Returns an empty span (``start == end``) when the selection holds no word.
    """
    length = len(text)
    start = max(0, min(start, length))
    end = max(start, min(end, length))
    while start < end and not _is_word_char(text[start]):
        start += 1
    while end > start and not _is_word_char(text[end - 1]):
        end -= 1
    if start == end:
        return start, start
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < length and _is_word_char(text[end]):
        end += 1
    # A joiner at either edge joins nothing inside the span.
    while start < end and text[start] in (ZWNJ, ZWJ):
        start += 1
    while end > start and text[end - 1] in (ZWNJ, ZWJ):
        end -= 1
    start, end = snap(text, start, end)
    if not any(ch.isalnum() for ch in text[start:end]):
        return start, start
    return start, end


def _check_type(etype: str) -> None:
    if etype not in ENTITY_TYPES:
        raise EditError(f"unknown entity type {etype!r}")


def _entity(ann: Annotations, entity_id: str) -> Entity:
    entity = ann.entity(entity_id)
    if entity is None:
        raise EditError(f"no entity {entity_id!r}")
    return entity


def _new_id(ann: Annotations) -> str:
    taken = {e.id for e in ann.entities}
    number = len(taken) + 1
    while f"e{number}" in taken:
        number += 1
    return f"e{number}"


def owner_of(ann: Annotations, span: Span) -> Entity | None:
    """The entity that has exactly this mention, if any."""
    for entity in ann.entities:
        if span in entity.mentions:
            return entity
    return None


def _overlaps(a: Span, b: Span) -> bool:
    """Whether two mentions cannot both stand: they overlap, and neither is a title or pronoun
    holding the other («رهبر کره شمالی» is Kim's title and holds the place «کره شمالی»)."""
    if a == b:
        return True
    if not (a.start < b.end and b.start < a.end):
        return False
    a_holds = a.kind != NAME and a.start <= b.start and b.end <= a.end
    b_holds = b.kind != NAME and b.start <= a.start and a.end <= b.end
    return not (a_holds or b_holds)


def _stored(entity: Entity, span: Span) -> Span:
    """The entity's own mention at ``span``'s offsets (it knows the kind), else ``span``."""
    for mention in entity.mentions:
        if mention == span:
            return mention
    return span


def _rebuild(ann: Annotations, entities: list[Entity], quotes: tuple[Quote, ...] | None = None) -> Annotations:
    """Drop entities without mentions and unhook quotes from speakers that are gone."""
    kept = tuple(e for e in entities if e.mentions)
    ids = {e.id for e in kept}
    quotes = ann.quotes if quotes is None else quotes
    quotes = tuple(q if q.speaker is None or q.speaker in ids else replace(q, speaker=None) for q in quotes)
    return ann.with_changes(entities=kept, quotes=quotes)


def _without_overlaps(entities: list[Entity], span: Span) -> list[Entity]:
    return [replace(e, mentions=tuple(m for m in e.mentions if not _overlaps(m, span))) for e in entities]


def add_entity(ann: Annotations, start: int, end: int, etype: str) -> tuple[Annotations, str]:
    """Mark the words in ``start:end`` as a new entity of ``etype``; returns the new id.

    Mentions the new span overlaps are taken off their entities first, so no
    text is ever highlighted twice, except a name inside a title or pronoun mention.
    """
    _check_type(etype)
    start, end = snap_to_words(ann.text, start, end)
    if start == end:
        raise EditError("the selection holds no word")
    span = Span(start, end)
    entity_id = _new_id(ann)
    entities = _without_overlaps(list(ann.entities), span)
    entities.append(Entity(id=entity_id, type=etype, name=ann.text[start:end], mentions=(span,)))
    return _rebuild(ann, entities), entity_id


def remove_mention(ann: Annotations, span: Span) -> Annotations:
    """Take one mention off its entity (the entity goes when it has no mention left)."""
    owner = owner_of(ann, span)
    if owner is None:
        raise EditError(f"no mention at {span.start}..{span.end}")
    entities = [replace(e, mentions=tuple(m for m in e.mentions if m != span)) if e.id == owner.id else e for e in ann.entities]
    return _rebuild(ann, entities)


def retype_entity(ann: Annotations, entity_id: str, etype: str) -> Annotations:
    """Change the type of an entity and so of all its mentions."""
    _check_type(etype)
    _entity(ann, entity_id)
    return ann.with_changes(entities=tuple(replace(e, type=etype) if e.id == entity_id else e for e in ann.entities))


def retype_mention(ann: Annotations, span: Span, etype: str) -> Annotations:
    """Give one mention another type: it leaves its entity for a new one of that type.

    A mention that is its entity's only one retypes the entity itself, keeping its
    id, name and role.
    """
    _check_type(etype)
    owner = owner_of(ann, span)
    if owner is None:
        raise EditError(f"no mention at {span.start}..{span.end}")
    if owner.type == etype:
        return ann
    if owner.mentions == (span,):
        return retype_entity(ann, owner.id, etype)
    span = _stored(owner, span)
    entity_id = _new_id(ann)
    entities = [replace(e, mentions=tuple(m for m in e.mentions if m != span)) if e.id == owner.id else e for e in ann.entities]
    entities.append(Entity(id=entity_id, type=etype, name=ann.text[span.start:span.end], mentions=(span,)))
    return _rebuild(ann, entities)


def attach_mention(ann: Annotations, span: Span, entity_id: str) -> Annotations:
    """Make ``span`` a mention of ``entity_id``, taking it (or what it overlaps) off other entities."""
    target = _entity(ann, entity_id)
    owner = owner_of(ann, span)
    if owner is not None:
        span = _stored(owner, span)  # a title moved to another person stays a title
    if span not in target.mentions and owner is None:
        start, end = snap_to_words(ann.text, span.start, span.end)
        if start == end:
            raise EditError("the selection holds no word")
        span = Span(start, end, span.kind)
    if span in target.mentions:
        return ann
    entities = _without_overlaps(list(ann.entities), span)
    entities = [replace(e, mentions=sorted_unique(e.mentions + (span,))) if e.id == entity_id else e for e in entities]
    return _rebuild(ann, entities)


def merge_entities(ann: Annotations, keep_id: str, other_id: str) -> Annotations:
    """Fold ``other_id`` into ``keep_id``: its mentions and quotes move, its role fills a missing one."""
    if keep_id == other_id:
        raise EditError("cannot merge an entity with itself")
    keep, other = _entity(ann, keep_id), _entity(ann, other_id)
    merged = replace(keep, mentions=sorted_unique(keep.mentions + other.mentions), role=keep.role or other.role)
    entities = [merged if e.id == keep_id else e for e in ann.entities if e.id != other_id]
    quotes = tuple(replace(q, speaker=keep_id) if q.speaker == other_id else q for q in ann.quotes)
    return _rebuild(ann, entities, quotes)


def rename_entity(ann: Annotations, entity_id: str, name: str) -> Annotations:
    """Give an entity another canonical name (trimmed; must not be empty)."""
    name = name.strip()
    if not name:
        raise EditError("a name cannot be empty")
    _entity(ann, entity_id)
    return ann.with_changes(entities=tuple(replace(e, name=name) if e.id == entity_id else e for e in ann.entities))


def set_role(ann: Annotations, entity_id: str, role: str | None) -> Annotations:
    """Set or clear (empty or None) an entity's role, e.g. «وزیر خارجه آمریکا»."""
    role = (role or "").strip() or None
    _entity(ann, entity_id)
    return ann.with_changes(entities=tuple(replace(e, role=role) if e.id == entity_id else e for e in ann.entities))


def set_mention_kind(ann: Annotations, span: Span, kind: str) -> Annotations:
    """Say how a mention names its entity: ``name``, ``title`` («وزیر خارجه») or ``pronoun`` («وی»)."""
    if kind not in MENTION_KINDS:
        raise EditError(f"unknown mention kind {kind!r}")
    owner = owner_of(ann, span)
    if owner is None:
        raise EditError(f"no mention at {span.start}..{span.end}")
    mentions = tuple(Span(m.start, m.end, kind) if m == span else m for m in owner.mentions)
    return ann.with_changes(entities=tuple(replace(e, mentions=mentions) if e.id == owner.id else e for e in ann.entities))


def entity_at(ann: Annotations, offset: int) -> tuple[Entity, Span] | None:
    """The entity and mention covering code-point ``offset``, if any; the innermost when mentions nest
    (the place inside a person's title is the place)."""
    best: tuple[Entity, Span] | None = None
    for entity in ann.entities:
        for mention in entity.mentions:
            inner = best is None or mention.end - mention.start < best[1].end - best[1].start
            if mention.start <= offset < mention.end and inner:
                best = (entity, mention)
    return best
