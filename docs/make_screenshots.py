"""Rebuild the README screenshots: the reading window at 1400x900 on the sample, REAL pipeline.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [OUT_DIR]

Writes screenshot-light.png, screenshot-dark.png, screenshot-mentions.png (a person selected,
the mentions panel listing them, F3's «n از m» in the status bar) and screenshot-timeline.png
and screenshot-timeline-dark.png (the timeline dock raised with the list of its dates, the
article date set in its picker) into OUT_DIR (default: docs/). Settings live in a temporary folder,
so the shots show the default layout whatever the machine's user has saved.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"
PERSON = "کیم جونگ اون"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="khana-shots-")

    from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, Qt, QTimer
    from PySide6.QtTest import QTest

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)

    from reader.ui.launch import prepare_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    app, _settings, language = prepare_application([sys.argv[0]])
    settings = Settings(QSettings(str(Path(home) / "khana.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, language=language)
    window.show()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(signal, timeout_s: float = 120.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        started = time.monotonic()
        loop.exec()
        if time.monotonic() - started >= timeout_s:
            raise SystemExit("khana screenshots: the window never became ready")

    window.open_path(str(SAMPLE))
    wait_for(window.ready)
    settle(4500)  # let "تحلیل کامل شد" go from the status bar

    def shot(name: str) -> None:
        settle()
        path = out / name
        window.grab().save(str(path))
        print(path)

    shot("screenshot-light.png")

    assert window.ann is not None
    person = next(e for e in window.ann.entities if e.type == "PER" and e.name == PERSON)
    people = window.docks.panels["people"]
    item = people.item_for(person.id)  # type: ignore[attr-defined]
    people.tree.setCurrentItem(item)  # type: ignore[attr-defined]
    rect = people.tree.visualItemRect(item)  # type: ignore[attr-defined]
    QTest.mouseClick(people.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    window.view.setFocus()
    window.view.moveCursor(window.view.textCursor().MoveOperation.Start)
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_F3)
    shot("screenshot-mentions.png")

    window.apply_theme("dark")
    shot("screenshot-dark.png")
    window.apply_theme("light")

    window.view.select_entity(None)
    window.docks.docks["timeline"].raise_()
    # The sample has no dateline: set its date (1 Mehr 1402) the way a reader would, so the
    # relative dates («امروز شنبه», «هفته گذشته»…) land on the axis.
    panel = window.docks.panels["timeline"]
    picker = panel.converter  # type: ignore[attr-defined]
    picker.year_spin.setValue(1402)
    picker.month_combo.setCurrentIndex(6)
    picker.day_spin.setValue(1)
    QTest.mouseClick(picker.set_button, Qt.MouseButton.LeftButton)
    picker.input.setText("۲۲ شهریور ۱۴۰۲")
    window.show_status("")
    # The timeline, the list of its dates under it and the converter share the dock: give it room.
    window.resizeDocks([window.docks.docks["timeline"]], [560], Qt.Orientation.Vertical)
    panel.splitter.setSizes([220, 200, 140])  # type: ignore[attr-defined]
    shot("screenshot-timeline.png")
    window.apply_theme("dark")
    shot("screenshot-timeline-dark.png")
    window.apply_theme("light")

    window.undo_stack.setClean()
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
