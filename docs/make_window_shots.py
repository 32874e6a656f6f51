"""Screenshots of the reading window's states, taken by the X server (not Qt's own grab).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/make_window_shots.py [OUT_DIR]

Needs ImageMagick's ``import`` (Debian: imagemagick). Real backend, the bundled sample; settings
in a temporary folder. Writes into OUT_DIR (default docs/):
  window-analysing.png            every panel says «در حال تحلیل…» while a long article is analysed
  window-wide.png, -wide-dark     1920×1040: the text capped at ~75 characters a line, centred
  window-900x600.png, -dark       the converter scrolls under the timeline, no spill
  window-640x480.png              the legend wraps, the article keeps most of the width
  window-shortcuts.png            Help ▸ Keyboard shortcuts
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="khana-shots-")

    from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, QTimer

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)

    from reader.ui.launch import prepare_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings
    from reader.ui.toolbar import ShortcutsDialog

    app, _settings, language = prepare_application([sys.argv[0]])
    settings = Settings(QSettings(str(Path(home) / "khana.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, language=language)
    window.move(0, 0)
    window.resize(1400, 900)
    window.show()

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(signal, timeout_s: float = 180.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        started = time.monotonic()
        loop.exec()
        if time.monotonic() - started >= timeout_s:
            raise SystemExit("khana screenshots: the window never became ready")

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        settle()
        target = widget if widget is not None else window
        path = out / name
        subprocess.run(["import", "-window", str(int(target.winId())), str(path)], check=True)
        print(path)

    settle(1500)
    # The sample alone is analysed in well under a second, before a shot can be taken: the
    # analysing state is shown on a long article (the sample 150 times, about 1 MB).
    long_article = Path(home) / "long-article.txt"
    long_article.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 150), encoding="utf-8")
    window.open_path(str(long_article))
    wait_for(window.documentShown)
    settle(150)
    shot("window-analysing.png")
    wait_for(window.ready)
    window.undo_stack.setClean()
    window.open_path(str(SAMPLE))
    wait_for(window.ready)

    for size, name in (((1920, 1040), "wide"), ((900, 600), "900x600"), ((640, 480), "640x480")):
        window.resize(*size)
        if name == "900x600":
            window.docks.docks["timeline"].raise_()  # the converter under the timeline, scrolled
        settle(800)
        shot(f"window-{name}.png")
        if name != "640x480":
            window.apply_theme("dark")
            shot(f"window-{name}-dark.png")
            window.apply_theme("light")

    window.resize(1400, 900)
    settle()
    dialog = ShortcutsDialog(window.actions_.by_name, window)
    dialog.show()
    shot("window-shortcuts.png", dialog)
    dialog.close()
    window.undo_stack.setClean()
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
