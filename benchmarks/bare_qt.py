"""Baseline for start-up: a bare PySide6 QMainWindow shown once, timed like ``khana --exit-when-ready``.

Prints ``first-paint SECONDS`` (since this script's first statement, as khana's ``--timings`` does
from its ``main`` module) and ``first-paint-at SECONDS`` (the absolute ``time.perf_counter()``,
which on Linux is CLOCK_MONOTONIC, so the parent can add the interpreter's own start-up).
"""

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None
        self.painted_cpu = 0.0  # the process's CPU seconds at that moment

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if self.painted_at is None:
            self.painted_at = time.perf_counter()
            self.painted_cpu = time.process_time()
            QTimer.singleShot(0, QApplication.instance().quit)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1000, 700)
    window.setWindowTitle("baseline")
    window.show()
    app.exec()
    assert window.painted_at is not None
    print(f"first-paint {window.painted_at - _STARTED:.4f}")
    print(f"first-paint-at {window.painted_at:.6f}")
    print(f"first-paint-cpu {window.painted_cpu:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
