"""The window stays responsive while a text with no line break at all is shown.

A paragraph is laid out whole by Qt, so a file saved without line breaks (a one-line corpus
dump, say) froze the window: 160 ms at 200 000 characters, half a second at one million. The
view now shows such a paragraph in pieces (``article_view.display_text``). This shows the
text in an ``ArticleView`` (offscreen, no analysis) and reports the longest gap between 5 ms
timer ticks over the next seconds, for each size.

  .venv/bin/python benchmarks/long_paragraph.py [--sizes 200000 1000000 5000000] [--seconds 8]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import load_average

SENTENCE = "این یک جمله آزمایشی فارسی است که برای سنجش سرعت چیدمان متن نوشته شده است. "


def longest_gap_ms(size: int, seconds: float) -> tuple[float, int]:
    """The longest event-loop gap while a one-paragraph text of ``size`` characters is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.article_view import ArticleView

    app = QApplication.instance() or QApplication([])
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    view = ArticleView()
    view.resize(900, 700)
    view.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    last[0] = time.perf_counter()
    view.set_text(text)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
    timer.stop()
    blocks = view.document().blockCount()
    view.deleteLater()
    app.processEvents()
    return max(gaps) * 1000, blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000, 5_000_000])
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"load average {load_average()}")
    for size in args.sizes:
        gap, blocks = longest_gap_ms(size, args.seconds)
        print(f"{size:>9,} characters in one paragraph: longest stall {gap:6.0f} ms ({blocks} blocks on screen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
