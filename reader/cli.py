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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TextIO

from reader.core.storage import one_line

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

CONLL_BLOCK = 30  # sentences per pseudo-article for `tag --conll`
_FORMATS = ("brat", "conll", "html", "json")


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
    annotate.add_argument("--format", choices=_FORMATS, default="json")
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
    from reader.core.dates.calendar import DateInputError, parse_article_date

    try:
        return parse_article_date(value)
    except DateInputError as exc:
        raise CliError(f"khana: --article-date: {exc}") from None


# ------------------------------------------------------------------ annotate


def _annotate(args: argparse.Namespace) -> int:
    article_date = parse_article_date(args.article_date)
    if args.jobs < 1:
        raise CliError("khana: --jobs must be at least 1")
    inputs = list(expand_inputs(args.inputs))
    if not inputs:
        raise CliError("khana: no article files found in the given folders")
    single = len(inputs) == 1 and not Path(args.inputs[0]).is_dir()
    if single:
        source = inputs[0].path
        if args.output is not None:
            _refuse_input_as_output(_single_targets(Path(args.output), args.format), [source])
        from reader.core.pipeline import collector_paused

        # One article, then the process ends: what the analysis made lives until then, and a
        # collection after it would walk those millions of objects for nothing.
        with collector_paused(freeze=True):
            # One big file may use both of two cores; several files are spread by --jobs instead.
            out = annotate_file(source, args.format, article_date, processes=2, on_warning=_warn(source), last=True)
            _write_single(out, args.output, args.format)
        return EXIT_OK
    return _annotate_batch(inputs, args, article_date)


class Input:
    """One article of a command line: its path and the folder argument it was found under, if any."""

    def __init__(self, path: Path, root: Path | None = None) -> None:
        self.path, self.root = path, root

    def relative_folder(self) -> Path:
        """Its folder below the folder argument (empty for a file named on the command line)."""
        return self.path.parent.relative_to(self.root) if self.root is not None else Path()


def expand_inputs(paths: Iterable[str]) -> Iterable[Input]:
    """The article files named by ``paths``: a folder stands for the articles below it."""
    from reader.core.loading import ARTICLE_SUFFIXES

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and ".khana." not in child.name:
                    yield Input(child, path)
        else:
            yield Input(path)


def _warn(source: Path | str) -> Callable[[str], None]:
    def warn(message: str) -> None:
        _fail(f"khana: {one_line(source)}: warning: {message}")

    return warn


def annotate_file(
    path: Path,
    fmt: str,
    article_date: dt.date | None,
    processes: int = 1,
    on_warning: Callable[[str], None] | None = None,
    last: bool = False,
) -> dict[str, str]:
    """Load, analyse and export one file: {suffix: content}. Raises CliError for bad input.

    ``processes`` is ``pipeline.analyse``'s: 2 splits a long text's analysis over two processes.
    ``on_warning`` hears each thing the loader repaired or skipped (one line each). ``last``: no
    other file follows, so the tagger's tables for more text are let go before the export (the
    export of a 5 MB text needs 30 MB more, at the top of the command's memory).
    """
    from reader.core.export import export
    from reader.core.loading import LoadError, load_document
    from reader.core.pipeline import analyse, release_caches

    try:
        document = load_document(path)
    except LoadError as exc:
        raise CliError(f"khana: {exc}") from None
    if on_warning is not None:
        for warning in document.warnings:
            on_warning(one_line(warning))
    annotations = analyse(document, article_date, processes=processes)
    if last:
        release_caches()
    return export(annotations, fmt)


def marked_name(stem: str, suffix: str) -> str:
    """The file name of export part ``suffix`` for an article named ``stem``.

    Every name carries Khana's marker (``NAME.khana.json``, ``NAME.khana.txt`` and
    ``NAME.khana.ann``, ``NAME.khana.conll``), so no export can take an article's own name.
    """
    return f"{stem}.khana{suffix}"


def _single_targets(base: Path, fmt: str) -> list[Path]:
    """The files ``-o base`` names for one input (brat: its .txt and .ann)."""
    if fmt != "brat":
        return [base]
    from reader.core.export import export_suffixes

    return [base.with_name(marked_name(_brat_stem(base), suffix)) for suffix in export_suffixes(fmt)]


def _brat_stem(base: Path) -> str:
    name = base.name
    for ending in (".khana.ann", ".khana.txt", ".ann", ".txt"):
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def _refuse_input_as_output(targets: Iterable[Path], inputs: Sequence[Path]) -> None:
    from reader.core.storage import first_same_file

    for target in targets:
        source = first_same_file(target, inputs)
        if source is not None:
            raise CliError(
                f"khana: the output {one_line(target)} is the input {one_line(source)} itself; "
                "choose another name (the input is left unchanged)"
            )


def _write_single(out: dict[str, str], target: str | None, fmt: str) -> None:
    from reader.core.storage import SaveError, atomic_write

    if target is None:
        if fmt == "brat":
            raise CliError("khana: brat output is two files (.khana.txt and .khana.ann): give -o NAME")
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
            raise CliError(f"khana: {one_line(base)}: {exc.strerror or exc}") from None
        return
    try:
        if fmt == "brat":
            for path, content in zip(_single_targets(base, fmt), out.values()):
                atomic_write(path, content)
            _write_folder_files(base.parent, fmt)
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


def plan_outputs(inputs: Sequence[Input], fmt: str, out_dir: Path | None) -> list[list[Path] | str]:
    """For each input, the files its export goes to, or why it is skipped (one line).

    Outputs go beside each input, or into ``out_dir`` mirroring the tree below a folder
    argument. Two inputs never share an output: where ``a.txt`` and ``a.html`` would both
    give ``a.khana.json`` each keeps its suffix (``a.txt.khana.json``); files named on the
    command line that still collide (``d1/x.txt``, ``d2/x.txt`` with ``-o``) keep their
    folders below the folders' common parent; whatever still collides is skipped. No
    output is ever one of the inputs.
    """
    from reader.core.export import export_suffixes
    from reader.core.storage import first_same_file

    suffixes = export_suffixes(fmt)
    loose = [i.path.parent for i in inputs if i.root is None]
    common = Path(os.path.commonpath([os.path.abspath(p) for p in loose])) if loose else None

    def folder(item: Input, mirror_loose: bool) -> Path:
        if out_dir is None:
            return item.path.parent
        if item.root is None and mirror_loose and common is not None:
            return out_dir / Path(os.path.abspath(item.path.parent)).relative_to(common)
        return out_dir / item.relative_folder()

    def candidates(item: Input) -> list[Path]:
        name = item.path.name
        stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
        return [folder(item, False) / stem, folder(item, False) / name, folder(item, True) / name]

    options = [candidates(item) for item in inputs]
    chosen = [0] * len(inputs)
    for level in range(1, 3):
        keys = Counter(_key(options[i][chosen[i]]) for i in range(len(inputs)))
        for i in range(len(inputs)):
            if keys[_key(options[i][chosen[i]])] > 1:
                chosen[i] = level
    taken: dict[str, int] = {}
    plans: list[list[Path] | str] = []
    sources = [item.path for item in inputs]
    for i in range(len(inputs)):
        base = options[i][chosen[i]]
        key = _key(base)
        if key in taken:
            other = inputs[taken[key]].path
            plans.append(f"its output would be the same file as that of {one_line(other)}")
            continue
        taken[key] = i
        paths = [base.with_name(marked_name(base.name, suffix)) for suffix in suffixes]
        clash = next(((p, s) for p in paths if (s := first_same_file(p, sources)) is not None), None)
        if clash is not None:
            plans.append(f"its output {one_line(clash[0])} is the input {one_line(clash[1])}")
            continue
        plans.append(paths)
    return plans


def _key(base: Path) -> str:
    # Case-insensitive file systems (macOS, Windows) take A.txt and a.txt for one file.
    return os.path.normcase(os.path.abspath(base)).casefold()


def usable_cpus() -> int:
    """The processors this process may run on (a container's or ``taskset``'s limit included)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _annotate_batch(inputs: list[Input], args: argparse.Namespace, article_date: dt.date | None) -> int:
    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise CliError(f"khana: -o {one_line(out_dir)} must be a folder when annotating several files")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"khana: cannot create {one_line(out_dir)}: {exc.strerror or exc}") from None
    jobs_wanted = args.jobs
    cpus = usable_cpus()
    if jobs_wanted > cpus:
        # More workers than processors only take turns, each holding hazm and the model (~250 MB).
        _fail(f"khana: --jobs {jobs_wanted} is more than the {cpus} processors here; using {cpus}")
        jobs_wanted = cpus
    failures = 0
    bar = _ProgressBar(len(inputs), sys.stderr)
    date = article_date.isoformat() if article_date else None
    jobs: list[tuple[str, str, str | None, list[str]]] = []
    for item, plan in zip(inputs, plan_outputs(inputs, args.format, out_dir)):
        if isinstance(plan, str):
            failures += _report((f"{one_line(item.path)}: {plan}", []), bar)
        else:
            jobs.append((str(item.path), args.format, date, [str(p) for p in plan]))
    if jobs_wanted == 1 or len(jobs) <= 1:
        for job in jobs:
            failures += _report(annotate_one(*job, processes=2), bar)
    else:
        with ProcessPoolExecutor(max_workers=min(jobs_wanted, len(jobs)), initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(annotate_one, *job) for job in jobs]
            for future in as_completed(futures):
                failures += _report(future.result(), bar)
    bar.finish()
    if failures:
        _fail(f"khana: {failures} of {len(inputs)} files could not be annotated")
        return EXIT_BAD_INPUT
    return EXIT_OK


def die_with_parent(parent: int) -> None:
    """Make this worker process end when the process that started it ends, however it ends.

    A pool's workers wait on a queue whose other end they hold themselves, so a parent
    killed by SIGKILL or SIGTERM would leave them waiting forever under PID 1. Linux sends
    a chosen signal on the parent's death (``PR_SET_PDEATHSIG``); elsewhere a thread
    watches the parent's PID. ``parent`` is taken before the fork: a parent killed before
    this runs is noticed too.
    """
    if os.getppid() != parent:
        os._exit(1)
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1 = PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before the request was made
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="khana-parent-watch", daemon=True).start()


def _report(result: tuple[str | None, list[str]], bar: _ProgressBar) -> int:
    message, warnings = result
    for warning in warnings:
        bar.line(warning)
    bar.step(message)
    return 1 if message else 0


def annotate_one(
    path: str, fmt: str, article_date: str | None, targets: list[str], processes: int = 1
) -> tuple[str | None, list[str]]:
    """Annotate one file of a batch into ``targets``: (error line or None, warning lines). Runs in a worker."""
    from reader.core.storage import SaveError, atomic_write

    source = Path(path)
    shown = one_line(path)
    warnings: list[str] = []
    try:
        out = annotate_file(
            source,
            fmt,
            dt.date.fromisoformat(article_date) if article_date else None,
            processes,
            on_warning=lambda w: warnings.append(f"warning {shown}: {w}"),
        )
        folder = Path(targets[0]).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)  # a folder of the tree mirrored in -o
        except OSError as exc:
            return f"{shown}: cannot create {one_line(folder)}: {exc.strerror or exc}", warnings
        for target, content in zip(targets, out.values()):
            atomic_write(Path(target), content)
        _write_folder_files(folder, fmt)
        return None, warnings
    except CliError as exc:
        return f"{shown}: {one_line(str(exc).removeprefix('khana: '))}", warnings
    except SaveError as exc:
        return f"{shown}: {exc}", warnings
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return f"{shown}: unexpected error: {type(exc).__name__}: {one_line(exc)}", warnings


class _ProgressBar:
    """A one-line progress bar on a terminal; plain lines when stderr is not one."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.tty = stream.isatty()

    def line(self, text: str) -> None:
        """One message line above the bar."""
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(f"{text}\n")

    def step(self, error: str | None) -> None:
        self.done += 1
        if error:
            self.line(f"skipped {error}")
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

    if args.output and args.conll != "-":
        _refuse_input_as_output([Path(args.output)], [Path(args.conll)])
    try:
        raw = sys.stdin.buffer.read() if args.conll == "-" else read_bytes(Path(args.conll))
        source, _warnings = decode(raw, args.conll)
    except LoadError as exc:
        raise CliError(f"khana: {exc}") from None
    source = normalize_newlines(source)
    lines = source.split("\n")
    sentences = read_conll_tokens(source)
    from reader.core.dates import merge_date_tags
    from reader.core.pipeline import _get_tagger

    tagger = _get_tagger()
    tagger.expect(sum(map(len, sentences)))
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
