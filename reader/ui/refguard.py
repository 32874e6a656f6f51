"""A guard against a shiboken 6.12 bug on Python 3.11: void Qt calls drop a reference to None.

Every call of a Qt method returning void (``setText``, ``setPosition``, …) hands
Python a ``None`` it never took a reference for, so None's count falls by one per
call until the interpreter aborts ("deallocating None"). Python 3.12 makes None
immortal; 3.11 doesn't. Until the binding is fixed, ``top_up()`` keeps enough
references alive. ``needed()`` checks for the bug, so the guard switches itself
off with a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Slot

_LOW_WATER = 2_000_000
_BATCH = 4_000_000
_needed: bool | None = None


def needed() -> bool:
    global _needed
    if _needed is None:
        timer = QTimer()
        before = sys.getrefcount(None)
        for _ in range(200):
            timer.setInterval(1)
        _needed = sys.getrefcount(None) < before - 100
        if _needed:
            _add_references(400)
    return _needed


def _add_references(count: int) -> None:
    # References owned by nobody, so they are never given back, not even at exit
    # (a Python container holding them would be freed at shutdown and abort there).
    # CPython 3.11 keeps ob_refcnt as the first word of every object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += count


def top_up() -> None:
    """Make sure None has millions of references to lose; cheap when it already has."""
    if _needed and sys.getrefcount(None) < _LOW_WATER:
        _add_references(_BATCH)


class RefGuard(QObject):
    """Tops None's reference count up twice a second while the application runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        if needed():
            top_up()
            self._timer.setInterval(500)
            self._timer.timeout.connect(self.on_timer_timeout)
            self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        top_up()
