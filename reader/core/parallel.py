"""Tokenising and tagging a long text in two processes, with the serial path's exact result.

A big document spends most of its analysis in two stages that both scale with
its length: hazm's tokenising and the NER tagger. Batches of paragraphs are
tokenised independently (``text.batch_spans``), and the tagger sees sentences in
fixed groups of ``_TAG_BATCH`` counted from the document's first sentence; so the
work splits at a batch of paragraphs without changing a single token or tag:

  child (forked, shares the loaded hazm and model):
      tokenise the first batches → send its sentence count → tag its whole groups
      → send its sentences (packed) and tags
  parent:
      tokenise the other batches → extract the dates → receive the count → tag its whole
      groups → receive the child's part → tag the group that straddles the split

Only for long texts, where ``fork`` exists and while a core is free
(``worth_splitting``): a new process costs little once hazm and the model are
loaded, but not nothing, and two processes sharing one busy core gain nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from array import array
from typing import Any, Callable, Sequence

from reader.core.document import DateMention
from reader.core.text import Cancelled, CancelFn, Sentence, Token, batch_spans, tokenize, warm_up

_MIN_CHARS = 300_000  # below this a second process does not pay for itself
_CHILD_SHARE = 0.55  # of the text the child tokenises and tags; the parent also extracts the dates

TagFn = Callable[[Sequence[Sentence]], list[list[str]]]


class SplitFailed(RuntimeError):
    """The second process died or failed: the caller analyses the text in one process instead."""


def worth_splitting(text: str) -> bool:
    """Whether ``text`` is long enough for two processes, the platform can fork, and a core is free."""
    return len(text) >= _MIN_CHARS and "fork" in multiprocessing.get_all_start_methods() and _spare_cpu()


def _spare_cpu() -> bool:
    """Whether a second process would get a processor of its own now, as ``make -l`` judges it.

    On a machine whose cores are all busy the two processes only take turns, and
    the split's own costs (packing, a second working set in the caches) made the
    5 MB benchmark ~10% slower there; only a free core lets the halves run side by side.
    """
    cpus = _cpus()
    if cpus < 2:
        return False
    try:
        load = os.getloadavg()[0]  # this process counts for about one
    except OSError:
        return True
    return load < cpus - 0.5


def _cpus() -> int:
    """The processors this process may run on (a container's or ``taskset``'s limit included)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def tokenize_tag_dates(
    text: str,
    tag_group: TagFn,
    group: int,
    extract_dates: Callable[[str], list[DateMention]],
    report: Callable[[float], None],
    cancel: CancelFn | None,
) -> tuple[list[Sentence], list[list[str]], list[DateMention]] | None:
    """Sentences, their tags (``tag_group`` on groups of ``group`` sentences) and the dates of ``text``.

    ``report(fraction)`` follows this process's own share of the work. None if
    the text has too few batches to split.
    """
    spans = batch_spans(text)
    if len(spans) < 2:
        return None
    split = _split_at(spans, _CHILD_SHARE)
    warm_up()  # hazm, loaded once here, is the child's too
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # a forked child would write what is still buffered a second time
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, text, spans[:split], tag_group, group), daemon=True,
        name="khana-analysis-part",
    )
    child.start()
    sender.close()
    try:
        return _parent(receiver, text, spans[split:], tag_group, group, extract_dates, report, cancel)
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()  # cancelled or failed: the child's part is of no use
        child.join()


def _split_at(spans: Sequence[tuple[int, int]], share: float) -> int:
    """The index of the first batch past ``share`` of the text (at least one batch on each side)."""
    goal = spans[0][0] + share * (spans[-1][1] - spans[0][0])
    for index, (_start, end) in enumerate(spans):
        if end >= goal:
            return min(max(index + 1, 1), len(spans) - 1)
    return len(spans) - 1


def _parent(
    receiver: Any, text: str, spans: Sequence[tuple[int, int]], tag_group: TagFn, group: int,
    extract_dates: Callable[[str], list[DateMention]], report: Callable[[float], None], cancel: CancelFn | None,
) -> tuple[list[Sentence], list[list[str]], list[DateMention]]:
    first, total = spans[0][0], max(spans[-1][1] - spans[0][0], 1)
    own = tokenize(text, lambda done, _t: report(0.5 * (done - first) / total), cancel, batches=spans)
    # The child's share is the bigger one: the dates fill the time until its count arrives.
    dates = extract_dates(text)
    child_count = _expect(receiver, "count", cancel)
    # The child's last, incomplete group continues with this process's first sentences.
    straddle = (group - child_count % group) % group
    rest = own[straddle:]
    tags: list[list[str]] = []
    for at in range(0, len(rest), group):
        if cancel is not None and cancel():
            raise Cancelled()
        tags.extend(tag_group(rest[at : at + group]))
        report(0.5 + 0.45 * min(at + group, len(rest)) / max(len(rest), 1))
    packed, child_tags = _expect(receiver, "part", cancel)
    theirs = unpack(text, packed)
    whole = child_count - child_count % group
    joined = theirs[whole:] + own[:straddle]
    middle = tag_group(joined) if joined else []
    report(1.0)
    return theirs + own, child_tags + middle + tags, dates


def _expect(receiver: Any, kind: str, cancel: CancelFn | None) -> Any:
    while cancel is not None and not receiver.poll(0.05):
        if cancel():
            raise Cancelled()
    try:
        message = receiver.recv()
    except EOFError:
        raise SplitFailed("the second analysis process ended without its result") from None
    if message[0] == "error":
        raise SplitFailed(f"the second analysis process failed: {message[1]}")
    if message[0] != kind:
        raise SplitFailed(f"the second analysis process sent {message[0]!r}, not {kind!r}")
    return message[1]


def _child(sender: Any, text: str, spans: Sequence[tuple[int, int]], tag_group: TagFn, group: int) -> None:
    try:
        sentences = tokenize(text, batches=spans)
        sender.send(("count", len(sentences)))
        whole = len(sentences) - len(sentences) % group
        tags: list[list[str]] = []
        for at in range(0, whole, group):
            tags.extend(tag_group(sentences[at : at + group]))
        sender.send(("part", (pack(sentences), tags)))
    except BaseException as exc:  # noqa: BLE001 - the parent reports it; a traceback here would go nowhere
        sender.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def pack(sentences: Sequence[Sentence]) -> tuple[bytes, bytes, bytes, list[str | None]]:
    """Sentences as flat arrays (pickled far faster than a million objects); see ``unpack``."""
    counts, starts, ends = array("q"), array("q"), array("q")
    norms: list[str | None] = []
    for sentence in sentences:
        counts.append(len(sentence.tokens))
        for token in sentence.tokens:
            starts.append(token.start)
            ends.append(token.end)
            # Most tokens read as they are written; the text holds those already.
            norms.append(None if token.norm == token.text else token.norm)
    return counts.tobytes(), starts.tobytes(), ends.tobytes(), norms


def unpack(text: str, packed: tuple[bytes, bytes, bytes, list[str | None]]) -> list[Sentence]:
    """The sentences ``pack`` packed, as slices of ``text`` (equal strings shared, as ``tokenize`` does)."""
    counts, starts, ends = array("q"), array("q"), array("q")
    counts.frombytes(packed[0])
    starts.frombytes(packed[1])
    ends.frombytes(packed[2])
    norms = packed[3]
    shared: dict[str, str] = {}
    intern = shared.setdefault
    sentences: list[Sentence] = []
    at = 0
    for count in counts:
        tokens = []
        for index in range(at, at + count):
            start, end, norm = starts[index], ends[index], norms[index]
            surface = text[start:end]
            surface = intern(surface, surface)
            tokens.append(Token(surface, surface if norm is None else intern(norm, norm), start, end))
        at += count
        sentences.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return sentences
