"""The headless commands: ``khana annotate`` and ``khana tag --conll``.

Errors the user can act on end the command with one line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Iterable, Sequence, TextIO

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

CONLL_BLOCK = 30  # sentences per pseudo-article for `tag --conll`
_OUTPUT_SUFFIX = {"json": ".khana.json", "html": ".khana.html", "brat": ".ann", "conll": ".conll"}


class CliError(Exception):
    """A problem with the user's input; the message is the whole story."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage plus the error; one line is the contract.
        raise CliError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="khana", description="Khana (خوانا): a reader for Persian news articles.")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    annotate = commands.add_parser("annotate", help="find entities, quotes and dates; write annotations")
    annotate.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    annotate.add_argument("-o", "--output", help="output file (one input) or folder (several inputs); default: stdout for one input")
    annotate.add_argument("--format", choices=sorted(_OUTPUT_SUFFIX), default="json")
    annotate.add_argument("--article-date", help="YYYY-MM-DD (Gregorian) or Jalali such as 1402-07-01 or ۱۴۰۲/۰۷/۰۱")
    annotate.add_argument("--jobs", type=int, default=1, help="files processed in parallel (default 1)")

    tag = commands.add_parser("tag", help="tag pre-tokenised text, one token a line")
    tag.add_argument("--conll", required=True, metavar="TOKENS", help="one token a line, blank line between sentences ('-' for stdin)")
    tag.add_argument("-o", "--output", help="output file (default: stdout)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "annotate":
            return _annotate(args)
        if args.command == "tag":
            return _tag(args)
        raise CliError("khana: choose a command: annotate or tag (or give a FILE to open the reader)")
    except CliError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _fail("khana: interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - the contract is one line, whatever went wrong
        _fail(f"khana: unexpected error: {type(exc).__name__}: {exc}")
        return EXIT_FAILED


def _fail(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def parse_article_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from reader.core.calendar import DateInputError, parse_article_date

    try:
        return parse_article_date(value)
    except DateInputError as exc:
        raise CliError(f"khana: --article-date: {exc}") from None


# ------------------------------------------------------------------ annotate


def _annotate(args: argparse.Namespace) -> int:
    article_date = parse_article_date(args.article_date)
    if args.jobs < 1:
        raise CliError("khana: --jobs must be at least 1")
    inputs = list(_expand_inputs(args.inputs))
    if not inputs:
        raise CliError("khana: no article files found in the given folders")
    single = len(inputs) == 1 and not Path(args.inputs[0]).is_dir()
    if single:
        # One big file may use both of two cores; several files are spread by --jobs instead.
        out = annotate_file(inputs[0], args.format, article_date, processes=2)
        _write_single(out, args.output, args.format)
        return EXIT_OK
    return _annotate_batch(inputs, args, article_date)


def _expand_inputs(paths: Iterable[str]) -> Iterable[Path]:
    from reader.core.loading import ARTICLE_SUFFIXES

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and ".khana." not in child.name:
                    yield child
        else:
            yield path


def annotate_file(path: Path, fmt: str, article_date: dt.date | None, processes: int = 1) -> dict[str, str]:
    """Load, analyse and export one file: {suffix: content}. Raises CliError for bad input.

    ``processes`` is ``pipeline.analyse``'s: 2 splits a long text's analysis over two processes.
    """
    from reader.core.export import export
    from reader.core.loading import LoadError, load_document
    from reader.core.pipeline import analyse

    try:
        document = load_document(path)
    except LoadError as exc:
        raise CliError(f"khana: {exc}") from None
    annotations = analyse(document, article_date, processes=processes)
    return export(annotations, fmt)


def _write_single(out: dict[str, str], target: str | None, fmt: str) -> None:
    from reader.core.storage import SaveError, atomic_write

    if target is None:
        if fmt == "brat":
            raise CliError("khana: brat output is two files (.txt and .ann): give -o NAME")
        sys.stdout.write(next(iter(out.values())))
        sys.stdout.flush()
        return
    base = Path(target)
    if fmt != "brat" and _is_special(base):
        # «-o /dev/null», a pipe or a terminal: write into it. Replacing it atomically would
        # put a regular file where the device was (as root, in /dev itself).
        try:
            with open(base, "w", encoding="utf-8", newline="") as handle:
                handle.write(next(iter(out.values())))
        except OSError as exc:
            raise CliError(f"khana: {base}: {exc.strerror or exc}") from None
        return
    try:
        if fmt == "brat":
            stem = base.with_suffix("") if base.suffix in (".ann", ".txt") else base
            for suffix, content in out.items():
                atomic_write(stem.with_suffix(suffix), content)
            _write_folder_files(stem.parent, fmt)
        else:
            atomic_write(base, next(iter(out.values())))
    except SaveError as exc:
        raise CliError(f"khana: {exc}") from None


def _write_folder_files(folder: Path, fmt: str) -> None:
    """What ``fmt`` needs once in ``folder`` (brat's ``annotation.conf``), unless the folder has it."""
    from reader.core.export import folder_files
    from reader.core.storage import atomic_write

    for name, content in folder_files(fmt).items():
        if not (folder / name).exists():
            atomic_write(folder / name, content)


def _is_special(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file or folder (a device, a FIFO, a socket)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _annotate_batch(inputs: list[Path], args: argparse.Namespace, article_date: dt.date | None) -> int:
    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise CliError(f"khana: -o {out_dir} must be a folder when annotating several files")
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    bar = _ProgressBar(len(inputs), sys.stderr)
    jobs = [(str(p), args.format, article_date.isoformat() if article_date else None, str(out_dir) if out_dir else None) for p in inputs]
    if args.jobs == 1:
        results = (_batch_one(*job, processes=2) for job in jobs)
        for message in results:
            failures += _report(message, bar)
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(_batch_one, *job) for job in jobs]
            for future in as_completed(futures):
                failures += _report(future.result(), bar)
    bar.finish()
    if failures:
        _fail(f"khana: {failures} of {len(inputs)} files could not be annotated")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _report(message: str | None, bar: "_ProgressBar") -> int:
    bar.step(message)
    return 1 if message else 0


def _batch_one(path: str, fmt: str, article_date: str | None, out_dir: str | None, processes: int = 1) -> str | None:
    """Annotate one file of a batch; returns an error line or None. Runs in a worker process."""
    from reader.core.storage import SaveError, atomic_write

    source = Path(path)
    try:
        out = annotate_file(source, fmt, dt.date.fromisoformat(article_date) if article_date else None, processes)
        folder = Path(out_dir) if out_dir else source.parent
        stem = source.name.rsplit(".", 1)[0] if "." in source.name else source.name
        for suffix, content in out.items():
            name = stem + (_OUTPUT_SUFFIX[fmt] if suffix != ".txt" else ".txt")
            if fmt == "brat":
                name = stem + suffix
                if suffix == ".txt" and folder == source.parent:
                    name = stem + ".khana.txt"  # never overwrite the source article
            atomic_write(folder / name, content)
        _write_folder_files(folder, fmt)
        return None
    except CliError as exc:
        return f"{path}: {str(exc).removeprefix('khana: ')}"
    except SaveError as exc:
        return f"{path}: {exc}"
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return f"{path}: unexpected error: {type(exc).__name__}: {exc}"


class _ProgressBar:
    """A one-line progress bar on a terminal; plain lines when stderr is not one."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.tty = stream.isatty()

    def step(self, error: str | None) -> None:
        self.done += 1
        if error:
            if self.tty:
                self.stream.write("\r\x1b[K")
            self.stream.write(f"skipped {error}\n")
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


# ------------------------------------------------------------------ tag


def read_conll_tokens(source: str) -> list[list[str]]:
    """Sentences of tokens from one-token-a-line text; blank lines separate sentences."""
    sentences: list[list[str]] = [[]]
    for line in source.split("\n"):
        token = line.rstrip("\r")
        if token.strip() == "":
            if sentences[-1]:
                sentences.append([])
            continue
        # A token may contain spaces; only a trailing tag column (tab) is ignored.
        sentences[-1].append(token.split("\t", 1)[0])
    return [s for s in sentences if s]


def _tag(args: argparse.Namespace) -> int:
    from reader.core.loading import LoadError, decode, normalize_newlines, read_bytes

    try:
        raw = sys.stdin.buffer.read() if args.conll == "-" else read_bytes(Path(args.conll))
        source, _warnings = decode(raw, args.conll)
    except LoadError as exc:
        raise CliError(f"khana: {exc}") from None
    source = normalize_newlines(source)
    lines = source.split("\n")
    sentences = read_conll_tokens(source)
    from reader.core.datetags import merge_date_tags
    from reader.core.pipeline import _get_tagger

    tagger = _get_tagger()
    tags: list[list[str]] = []
    # Pre-tokenised input names no article boundaries: blocks of sentences stand in for
    # articles in the tagger's document pass, as in the dev measurement (README).
    for first in range(0, len(sentences), CONLL_BLOCK):
        block = sentences[first : first + CONLL_BLOCK]
        tags.extend(merge_date_tags(s, t) for s, t in zip(block, tagger.tag(block)))
    tagged = iter(tags)
    out: list[str] = []
    current: list[str] | None = None
    position = 0
    # Walk the input lines again so blank lines come out exactly where they went in.
    for line in lines:
        if line.strip() == "":
            out.append("")
            current, position = None, 0
            continue
        if current is None:
            current = next(tagged)
        out.append(f"{line.split(chr(9), 1)[0]}\t{current[position]}")
        position += 1
    if out and out[-1] == "" and not source.endswith("\n"):
        out.pop()
    text = "\n".join(out)
    if source.endswith("\n") and not text.endswith("\n"):
        text += "\n"
    if args.output:
        from reader.core.storage import SaveError, atomic_write

        try:
            atomic_write(Path(args.output), text)
        except SaveError as exc:
            raise CliError(f"khana: {exc}") from None
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run() -> None:
    """Console entry used by ``python -m reader.cli``."""
    sys.exit(main())


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    run()
