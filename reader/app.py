"""The ``khana`` command: the reader window, or a headless subcommand.

``main()`` notes the start time before anything heavy is imported, so the
start-up timings measure the whole process; the Qt UI is imported only when a
window is wanted, and hazm only in the background once it is shown.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse
import sys
from collections.abc import Sequence

_HEADLESS = ("annotate", "tag")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _HEADLESS:
        from reader.cli import main as cli_main

        return cli_main(args)
    parser = _OneLineParser(
        prog="khana",
        description="Khana (خوانا): a reader for Persian news articles. "
        "Subcommands: 'khana annotate …' and 'khana tag --conll …' run without a window.",
    )
    parser.add_argument("file", nargs="?", help="article to open (.txt, .html, .md or a Khana annotated copy)")
    parser.add_argument("--exit-when-ready", action="store_true", help="open FILE, analyse and paint it, then exit")
    parser.add_argument("--timings", metavar="OUT", help="with --exit-when-ready: write first-paint and ready times to OUT")
    try:
        options = parser.parse_args(args)
        if options.exit_when_ready and not options.file:
            parser.error("--exit-when-ready needs a FILE")
    except _UsageError as exc:
        print(f"khana: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    if _no_display():
        print("khana: no display to open the window on (set DISPLAY, or QT_QPA_PLATFORM=offscreen);"
              " 'khana annotate' works without one", file=sys.stderr)
        return 1
    try:
        from reader.ui.launch import run_gui
    except ImportError as exc:
        print(f"khana: the reader window cannot start: {exc}", file=sys.stderr)
        return 1
    return run_gui(options.file, exit_when_ready=options.exit_when_ready, timings=options.timings, started=_STARTED)


class _UsageError(Exception):
    pass


class _OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus the error on several lines; the contract is one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _no_display() -> bool:
    """On X11/Wayland systems with neither display, Qt would abort the process; say why instead."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
