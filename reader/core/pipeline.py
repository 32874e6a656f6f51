"""From a ``Document`` to its ``Annotations``: tokens, entities, dates, quotes.

This is the one function the window, the CLI and a batch job all call. It takes
a progress callback and a cancel check so a caller can show progress and stop
long work between paragraphs; it never touches a screen.

The analysis is a named list of stages (``PIPE_NAMES``: tokenize, ner, dates, people,
quotes) over one ``Analysis``, each reading the layers earlier stages wrote and adding
its own, all anchored by code-point offsets into the document's text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from reader.core.document import Annotations, DateMention, Document, Entity, Quote, Span
from reader.core.text import CancelFn, Cancelled, ProgressFn, Sentence, fold_key, tokenize

# Share of the progress bar each stage takes, measured on a multi-megabyte text.
_TOKENIZE_SHARE = 0.7
_TAG_SHARE = 0.25
_TAG_BATCH = 500  # sentences tagged between progress reports and cancel checks
# One tagger call holds the features of every token it is given (the stacked CRF's second stage
# reads them all): a budget of tokens per call, and a sentence longer than a piece tagged in
# pieces, bound what a text with no sentence ends («او گفت: » repeated: one 190,000-token
# "sentence" per MB) costs. An ordinary batch is within both and is tagged in one call as before.
_TAG_TOKENS = 20_000
_TAG_PIECE = 1_000

_tagger_lock = threading.Lock()
_tagger = None


def warm_up() -> None:
    """Load hazm and the NER model now (seconds), e.g. in a background thread at start-up."""
    from reader.core import text

    text.warm_up()
    _get_tagger()


def _get_tagger():  # type: ignore[no-untyped-def]
    global _tagger
    with _tagger_lock:
        if _tagger is None:
            from reader.core.ner.tagger import NerTagger

            _tagger = NerTagger.load()
        return _tagger


def release_caches() -> None:
    """Let go of the tagger's speed-ups for more text (for a process that analyses no more)."""
    with _tagger_lock:
        if _tagger is not None:
            _tagger.release()


def article_date_of(document: Document, article_date: dt.date | None = None) -> dt.date | None:
    """The date relative expressions resolve against: given, from the page, or from a date line."""
    if article_date is not None:
        return article_date
    if document.article_date is not None:
        return document.article_date
    return guess_article_date(document.text)


def guess_article_date(text: str) -> dt.date | None:
    """A dateline: a short line at the top or bottom of the article holding one full date."""
    from reader.core.dates import extract_dates

    lines = [line for line in text.split("\n") if line.strip()]
    candidates = lines[:3] + lines[-3:]
    for line in candidates:
        if len(line.split()) > 14:
            continue
        for mention in extract_dates(line):
            if mention.kind == "date" and mention.gregorian and mention.gregorian.start == mention.gregorian.end:
                return dt.date.fromisoformat(mention.gregorian.start)
    return None


def analyse(
    document: Document,
    article_date: dt.date | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    processes: int = 1,
) -> Annotations:
    """Everything Khana finds in ``document``; an annotated copy's own annotations are kept as they are.

    ``processes=2`` lets a long text be tokenised and tagged in two processes
    (``reader.core.parallel``, same result); the caller must be able to fork, e.g.
    no other threads holding locks.
    """
    if document.annotations is not None:
        existing = document.annotations
        if article_date is not None and article_date != existing.article_date:
            return resolve_dates(existing, article_date)
        return existing
    with collector_paused():
        return _analyse(document, article_date, progress, cancel, processes)


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection meanwhile: analysis makes millions of acyclic objects.

    Each full collection walks every token made so far; on a 5 MB text that was
    about 2 s of the analysis, and none of it freed anything. ``freeze``: what is
    still alive at the end is put out of the collector's sight for good (``gc.freeze``),
    for a process that ends next: otherwise the first collection after it, and the one
    at exit, walk it all once more (0.3 s after a 5 MB text).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


@dataclass
class Analysis:
    """One document on its way through the stages: its text, and each layer once its stage has run.

    Like a spaCy ``Doc``: every layer is anchored by code-point offsets into ``text``, and a
    stage reads what the stages before it wrote. A layer still ``None`` has not been made yet.
    """

    text: str
    article_date: dt.date | None
    report: Callable[[float], None]
    progress: ProgressFn | None
    cancel: CancelFn | None
    processes: int
    sentences: list[Sentence] | None = None
    tags: list[list[str]] | None = None
    named: list[Entity] = field(default_factory=list)  # people, places, organisations, money, ...
    dates: list[DateMention] | None = None
    entities: list[Entity] = field(default_factory=list)  # the named ones, then one per date or time
    quotes: list[Quote] = field(default_factory=list)


def _tokenize_stage(doc: Analysis) -> None:
    """Sentences and tokens; a long text may be tokenised, tagged and dated in two processes."""
    from reader.core import parallel
    from reader.core.dates import extract_dates

    text, date = doc.text, doc.article_date
    if doc.processes > 1 and parallel.worth_splitting(text):
        tagger = _get_tagger()  # loaded before the fork, so both processes share it
        try:
            split = parallel.tokenize_tag_dates(
                text,
                lambda group: _tag_group(tagger, group),
                _TAG_BATCH,
                lambda whole: extract_dates(whole, date),
                lambda fraction: doc.report((_TOKENIZE_SHARE + _TAG_SHARE) * fraction),
                doc.cancel,
            )
        except parallel.SplitFailed:
            split = None  # the second process died (killed for memory, say): this one does it all
        if split is not None:
            doc.sentences, doc.tags, doc.dates = split
            return
    total = max(len(text), 1)
    doc.sentences = tokenize(
        text,
        progress=(lambda done, _total: doc.report(_TOKENIZE_SHARE * done / total)) if doc.progress else None,
        cancel=doc.cancel,
    )


def _ner_stage(doc: Analysis) -> None:
    """IOB tags for every token (the CRF tagger and its document pass)."""
    if doc.tags is None:
        assert doc.sentences is not None
        doc.tags = _tag(doc.sentences, lambda fraction: doc.report(_TOKENIZE_SHARE + _TAG_SHARE * fraction), doc.cancel)


def _dates_stage(doc: Analysis) -> None:
    """Dates, times and durations, resolved against the article date."""
    from reader.core.dates import extract_dates

    if doc.dates is None:
        doc.dates = extract_dates(doc.text, doc.article_date)


def _people_stage(doc: Analysis) -> None:
    """Entities from the tags: aliases merged, titles and pronouns linked, people's roles.

    Names the tagger found inside a date are dropped; then every date or time expression
    joins the entities as one DAT or TIM entity, after the named ones.
    """
    from reader.core.people import extract_entities
    from reader.core.people.amounts import whole_amounts, without_names_in_dates
    from reader.core.people.coref import link_mentions
    from reader.core.people.duties import roles_from_duties
    from reader.core.people.hints import guillemet_names

    assert doc.sentences is not None and doc.tags is not None and doc.dates is not None
    text, sentences = doc.text, doc.sentences
    tags = doc.tags = guillemet_names(sentences, doc.tags)
    named = [e for e in extract_entities(text, sentences, tags) if e.type not in ("DAT", "TIM")]
    named = without_names_in_dates(whole_amounts(text, named), doc.dates)
    doc.named = roles_from_duties(text, sentences, tags, link_mentions(text, sentences, tags, named))
    if doc.cancel is not None and doc.cancel():
        raise Cancelled()
    doc.entities = doc.named + date_entities(text, doc.dates, start_index=len(doc.named))


def _quotes_stage(doc: Analysis) -> None:
    """Direct quotes and their speakers, among the entities found so far."""
    from reader.core.quotes import extract_quotes

    doc.quotes = extract_quotes(doc.text, doc.entities, doc.sentences)


Stage = Callable[[Analysis], None]

# The analysis, in order; each stage adds its layer to the ``Analysis``.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("tokenize", _tokenize_stage),
    ("ner", _ner_stage),
    ("dates", _dates_stage),
    ("people", _people_stage),
    ("quotes", _quotes_stage),
)
PIPE_NAMES: tuple[str, ...] = tuple(name for name, _stage in STAGES)


def _analyse(
    document: Document,
    article_date: dt.date | None,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
    processes: int,
) -> Annotations:
    scale = 1000
    reported = [0]

    def report(done: float) -> None:
        # Never backwards, even when a failed split starts the work again in one process.
        value = min(int(done * scale), scale)
        if progress is not None and value >= reported[0]:
            reported[0] = value
            progress(value, scale)

    date = article_date_of(document, article_date)
    doc = Analysis(document.text, date, report, progress, cancel, processes)
    for _name, stage in STAGES:
        stage(doc)
    report(1.0)
    return Annotations(
        text=doc.text,
        title=document.title,
        article_date=date,
        entities=tuple(doc.entities),
        quotes=tuple(doc.quotes),
        dates=tuple(doc.dates or ()),
        warnings=document.warnings,
    )


def _tag(sentences: Sequence[Sentence], report, cancel: CancelFn | None) -> list[list[str]]:  # type: ignore[no-untyped-def]
    tagger = _get_tagger()
    tagger.expect(sum(len(s.tokens) for s in sentences))
    tags: list[list[str]] = []
    count = max(len(sentences), 1)
    for first in range(0, len(sentences), _TAG_BATCH):
        if cancel is not None and cancel():
            raise Cancelled()
        batch = sentences[first : first + _TAG_BATCH]
        tags.extend(_tag_group(tagger, batch))
        report(min(first + _TAG_BATCH, count) / count)
    return tags


def _tag_group(tagger, sentences: Sequence[Sentence]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Tags for one batch of sentences, in calls of at most ``_TAG_TOKENS`` tokens and ``_TAG_PIECE`` a sentence."""
    words = [[token.norm for token in s.tokens] for s in sentences]
    if sum(map(len, words)) <= _TAG_TOKENS and all(len(w) <= _TAG_PIECE for w in words):
        return tagger.tag(words)  # type: ignore[no-any-return]
    tags: list[list[str]] = [[] for _ in words]
    call: list[tuple[int, list[str]]] = []  # (sentence index, piece)
    size = 0

    def flush() -> None:
        if not call:
            return
        for (index, _piece), piece_tags in zip(call, tagger.tag([piece for _index, piece in call])):
            tags[index].extend(piece_tags)
        call.clear()

    for index, sentence in enumerate(words):
        for at in range(0, len(sentence), _TAG_PIECE):
            piece = sentence[at : at + _TAG_PIECE]
            if size + len(piece) > _TAG_TOKENS:
                flush()
                size = 0
            call.append((index, piece))
            size += len(piece)
    flush()
    return tags


def date_entities(text: str, dates: Sequence[DateMention], start_index: int = 0) -> list[Entity]:
    """DAT and TIM entities from the date extractor: one per distinct expression (by folded spelling)."""
    groups: dict[tuple[str, str], list[Span]] = {}
    for mention in dates:
        if mention.kind == "duration":
            continue
        etype = "TIM" if mention.kind == "time" else "DAT"
        key = (etype, fold_key(text[mention.start : mention.end]))
        groups.setdefault(key, []).append(Span(mention.start, mention.end))
    entities = []
    counters = {"DAT": 0, "TIM": 0}
    for (etype, _key), spans in groups.items():
        counters[etype] += 1
        first = spans[0]
        entities.append(
            Entity(
                id=f"{etype.lower()}-{counters[etype]}",
                type=etype,
                name=text[first.start : first.end],
                mentions=tuple(sorted(spans)),
            )
        )
    return entities


def resolve_dates(annotations: Annotations, article_date: dt.date | None) -> Annotations:
    """The same annotations with every date re-resolved against a new article date (fast: no tagging)."""
    from reader.core.dates import extract_dates

    text = annotations.text
    fresh = {(d.start, d.end): d for d in extract_dates(text, article_date)}
    dates = []
    for old in annotations.dates:
        new = fresh.get((old.start, old.end))
        # A date the user corrected by hand keeps its span; only its value follows the new anchor.
        dates.append(new if new is not None else old)
    return annotations.with_changes(article_date=article_date, dates=tuple(dates))
