"""Scale-out: annotate many articles on a Dask cluster, one output per input, as ``khana annotate`` would.

    from reader.batch import annotate_bag
    result = annotate_bag(["articles/"], "annotated/", scheduler="tcp://10.0.0.5:8786")
    for line in result.failures:
        print(line)

or from a shell, against a running scheduler (``dask scheduler``, ``dask worker ADDRESS
--nthreads 1``)::

    python -m reader.batch tcp://10.0.0.5:8786 articles/ -o annotated/ [--format json] [--article-date D]

Each input becomes one Dask bag element, so a slow or bad file holds up nothing else. Outputs
are named and placed exactly as ``khana annotate INPUTS -o OUT`` places them (the same
planning code), and each is written atomically by the worker that analysed it
(``reader.core.storage``): the folder must be one every worker sees. A bad file is reported
in one line and skipped; the rest go on. Every worker loads hazm and the NER model once, when
it joins (``_WarmUp``), and keeps them for all its tasks; run workers with one thread each,
as the analysis holds the interpreter lock. Without a ``scheduler``, a local cluster of one
process per processor is started for the call.

Needs the ``dask`` extra: ``pip install -e ".[dask]"``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

try:
    import dask.bag as db
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError('reader.batch needs the dask extra: pip install -e ".[dask]"') from exc

# The per-file work is the CLI's own, so each output is byte for byte what khana annotate writes.
from reader.cli import CliError, annotate_one, expand_inputs, parse_article_date, plan_outputs, usable_cpus

# One bag element per file: files differ a hundredfold in size, so no partition waits on another's.
_PARTITION_SIZE = 1


@dataclass
class BatchResult:
    """What a batch did: the files written, and one line for each input skipped or warned about."""

    written: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def annotate_bag(
    paths: Sequence[str | Path],
    out_dir: str | Path | None,
    fmt: str = "json",
    article_date: dt.date | None = None,
    scheduler: str | Client | None = None,
) -> BatchResult:
    """Annotate every article in ``paths`` (files or folders) on a Dask cluster into ``out_dir``.

    ``out_dir`` None writes beside each input, as ``khana annotate`` does. ``scheduler`` is a
    scheduler address, a connected ``distributed.Client``, or None for a local cluster.
    """
    inputs = list(expand_inputs([str(p) for p in paths]))
    target = Path(out_dir) if out_dir is not None else None
    if target is not None:
        if target.exists() and not target.is_dir():
            raise CliError(f"khana: {target} must be a folder")
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"khana: cannot create {target}: {exc.strerror or exc}") from None
    result = BatchResult()
    jobs: list[tuple[str, str, str | None, list[str]]] = []
    date = article_date.isoformat() if article_date else None
    for item, plan in zip(inputs, plan_outputs(inputs, fmt, target)):
        if isinstance(plan, str):
            result.failures.append(f"{item.path}: {plan}")
        else:
            jobs.append((str(item.path), fmt, date, [str(p) for p in plan]))
    if not jobs:
        return result
    with _Connected(scheduler) as client:
        client.register_plugin(_WarmUp(), name="khana-warm-up")
        bag = db.from_sequence(jobs, partition_size=_PARTITION_SIZE).map(_annotate_one)
        outcomes = client.compute(bag).result()
    for job, (error, warnings) in zip(jobs, outcomes):
        result.warnings.extend(warnings)
        if error is None:
            result.written.extend(Path(p) for p in job[3])
        else:
            result.failures.append(error)
    return result


def _annotate_one(job: tuple[str, str, str | None, list[str]]) -> tuple[str | None, list[str]]:
    """One file of the bag, in a worker: (error line or None, warning lines); never raises for bad input."""
    path, fmt, date, targets = job
    return annotate_one(path, fmt, date, targets)


class _WarmUp(WorkerPlugin):
    """A Dask worker plugin: hazm and the NER model are loaded once, when a worker starts."""

    idempotent = True

    def setup(self, worker: Any) -> None:
        from reader.core import pipeline

        pipeline.warm_up()


class _Connected:
    """A ``Client`` for ``scheduler``; a local cluster (closed afterwards) when there is none."""

    def __init__(self, scheduler: str | Client | None) -> None:
        self._scheduler = scheduler
        self._owned: list[Any] = []

    def __enter__(self) -> Client:
        if isinstance(self._scheduler, Client):
            return self._scheduler
        if self._scheduler is not None:
            client = Client(self._scheduler)
            self._owned = [client]
            return client
        cluster = LocalCluster(
            n_workers=usable_cpus(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        self._owned = [client, cluster]
        return client

    def __exit__(self, *_exc: object) -> None:
        for owned in self._owned:
            owned.close()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reader.batch SCHEDULER INPUT... [-o OUT]``: exit 0, or 1 when a file was skipped."""
    parser = argparse.ArgumentParser(prog="python -m reader.batch", description=__doc__.split("\n")[0])
    parser.add_argument("scheduler", help="the Dask scheduler's address (tcp://HOST:8786), or 'local'")
    parser.add_argument("inputs", nargs="+", help="article files or folders")
    parser.add_argument("-o", "--output", help="folder for the outputs (default: beside each input)")
    parser.add_argument("--format", default="json", choices=("json", "html", "brat", "conll"))
    parser.add_argument("--article-date", help="Gregorian YYYY-MM-DD or Jalali 1402-07-01")
    args = parser.parse_args(argv)
    try:
        date = parse_article_date(args.article_date)
        scheduler = None if args.scheduler == "local" else args.scheduler
        result = annotate_bag(args.inputs, args.output, args.format, date, scheduler)
    except CliError as exc:
        print(exc, file=sys.stderr)
        return 2
    for line in result.warnings:
        print(line, file=sys.stderr)
    for line in result.failures:
        print(f"skipped {line}", file=sys.stderr)
    print(f"{len(result.written)} files written, {len(result.failures)} inputs skipped", file=sys.stderr)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
