"""The ``khana`` command: the reader window, or a headless subcommand.

``main()`` notes the start time before anything heavy is imported, so the
start-up timings measure the whole process; the Qt UI is imported only when a
window is wanted, and hazm only in the background once it is shown.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402

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
    parser.add_argument("--timings", metavar="OUT", help="with --exit-when-ready: write first-paint, text-shown and ready times to OUT")
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
    missing = missing_system_library()
    if missing is not None:
        print(missing, file=sys.stderr)
        return 1
    # No cyclic garbage collection until the window's first frame (run_gui turns it back on):
    # importing Qt and the window makes tens of thousands of long-lived objects and almost no
    # cyclic garbage, and the collections that walked them were ~17 ms of the first frame.
    import gc

    gc.disable()
    try:
        from reader.ui.launch import run_gui
    except ImportError as exc:
        gc.enable()
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


# Qt's X11 plugin, from Qt 6.5 on, will not load without these (it aborts with a long English
# message that names no package). (library file, Debian/Ubuntu package)
XCB_LIBRARIES = (("libxcb-cursor.so.0", "libxcb-cursor0"),)


def missing_system_library(environ: dict[str, str] | None = None, load=None, qt_version: str | None = None) -> str | None:  # type: ignore[no-untyped-def]
    """One Persian-and-English line naming the system package the window lacks, or None.

    Checked before any Qt import: only on Linux, only when Qt would use X11 (xcb).
    """
    import os

    env = os.environ if environ is None else environ
    if environ is None and not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None  # Qt takes Wayland first where it runs
    if qt_version is None:
        # The package, not its metadata: the window imports it next anyway (Qt's plugins load only
        # with the QApplication), where importlib.metadata took 5-15 ms to scan the installed
        # distributions, and found none under the name "PySide6" when PySide6-Essentials is installed.
        try:
            import PySide6
        except ImportError:
            return None  # the window reports it
        qt_version = PySide6.__version__
    import ctypes
    if tuple(int(p) for p in qt_version.split(".")[:2] if p.isdigit()) < (6, 5):
        return None
    load = load or ctypes.CDLL
    missing = []
    for library, package in XCB_LIBRARIES:
        try:
            load(library)
        except OSError:
            missing.append(package)
    if not missing:
        return None
    packages = " ".join(missing)
    return (f"khana: پنجره بدون بستهٔ سیستمی {packages} باز نمی‌شود؛ نصب کنید: sudo apt install {packages}"
            f" — the window needs the system package {packages}: sudo apt install {packages}")


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
