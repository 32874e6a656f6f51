"""Before any Qt import, a missing X11 library is named in one Persian-and-English line."""

from __future__ import annotations

import subprocess
import sys

from reader.app import missing_system_library


def _absent(_name: str) -> None:
    raise OSError("cannot open shared object file")


def test_a_missing_libxcb_cursor_is_named_with_its_package():
    line = missing_system_library({"DISPLAY": ":0"}, load=_absent, qt_version="6.7.2")
    assert line is not None and "\n" not in line
    assert "sudo apt install libxcb-cursor0" in line
    assert "نصب کنید" in line and "the window needs" in line


def test_no_complaint_when_the_library_loads_or_is_not_needed():
    assert missing_system_library({"DISPLAY": ":0"}, load=lambda name: None, qt_version="6.7.2") is None
    assert missing_system_library({"DISPLAY": ":0"}, load=_absent, qt_version="6.4.3") is None  # older Qt
    assert missing_system_library({"QT_QPA_PLATFORM": "offscreen"}, load=_absent, qt_version="6.7") is None
    assert missing_system_library({"WAYLAND_DISPLAY": "wayland-0"}, load=_absent, qt_version="6.7") is None
    assert missing_system_library({"QT_QPA_PLATFORM": "xcb"}, load=_absent, qt_version="6.7") is not None


def test_the_qt_version_is_pyside6s_own():
    """Not importlib.metadata's: with PySide6-Essentials installed there is no "PySide6" distribution."""
    import PySide6

    assert tuple(int(p) for p in PySide6.__version__.split(".")[:2]) >= (6, 5)
    assert missing_system_library({"DISPLAY": ":0"}, load=_absent) is not None
    assert missing_system_library({"DISPLAY": ":0"}, load=lambda name: None) is None


def test_the_check_runs_before_qt_is_imported():
    code = (
        "import sys, reader.app as a\n"
        "a.missing_system_library = lambda: 'khana: missing'\n"
        "rc = a.main(['x.txt'])\n"
        "print(rc, 'PySide6.QtWidgets' in sys.modules)\n"
    )
    env = {"DISPLAY": ":99", "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["1", "False"], done.stderr
    assert done.stderr.strip() == "khana: missing"
