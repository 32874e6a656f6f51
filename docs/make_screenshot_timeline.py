"""Rebuild docs/screenshot-timeline.png: a TimelinePanel on the sample article.

    xvfb-run -a .venv/bin/python docs/make_screenshot_timeline.py   # or QT_QPA_PLATFORM=offscreen
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.resources import resource_path  # noqa: E402


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    app.setFont(QFont("Vazirmatn", 10))

    from reader.ui.timeline import TimelinePanel
    from sample_data import sample_annotations

    panel = TimelinePanel()
    panel.resize(1200, 400)
    panel.set_annotations(sample_annotations())
    panel.converter.input.setText("۲۲ شهریور ۱۴۰۲")
    panel.show()
    app.processEvents()
    out = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshot-timeline.png")
    panel.grab().save(out)
    print(out)


if __name__ == "__main__":
    main()
