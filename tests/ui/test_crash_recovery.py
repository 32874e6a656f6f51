"""A killed reader loses no more than the last few seconds of corrections.

The real window runs in a subprocess on the sample article; a correction is made,
the process is killed with SIGKILL once the autosave has had its idle seconds, and
the recovery store must hold exactly the corrected annotations, which a new window
then offers to restore.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.core.document import annotations_from_json
from reader.core.recovery import RecoveryStore

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "mehr-korea-russia.txt"

_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QStandardPaths
    from reader.core import editing
    from reader.core.document import annotations_to_json
    from reader.ui.launch import prepare_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings


    def main():
        sample, out = sys.argv[1], Path(sys.argv[2])
        app, _settings, language = prepare_application([sys.argv[0]])
        settings = Settings(QSettings(str(out.parent / "khana.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, language=language)
        window.show()

        def on_ready():
            person = next(e for e in window.ann.entities if e.type == "PER")
            window.edit("rename", lambda ann: editing.rename_entity(ann, person.id, "نام تازه"))
            out.write_text(annotations_to_json(window.ann), encoding="utf-8")
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
            print(folder, flush=True)

        window.ready.connect(on_ready)
        window.open_path(sample)
        app.exec()

    # The analysis process is started with "spawn", which imports this script again.
    if __name__ == "__main__":
        main()
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_after_a_correction_loses_nothing(tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "child.py"
    script.write_text(_CHILD, encoding="utf-8")
    expected_file = tmp_path / "edited.json"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(script), str(SAMPLE), str(expected_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True,
    )
    try:
        folder_line = child.stdout.readline().strip()  # type: ignore[union-attr]
        assert folder_line, child.stderr.read()  # type: ignore[union-attr]
        recovery = Path(folder_line) / "recovery"
        # Kill it as soon as the autosave (3 s of idle) has written: the "last few seconds".
        deadline = time.monotonic() + 60
        # A recovery file, not the temporary file it is first written to (``atomic_write``): a kill
        # between the two used to find no recovery file when the machine was loaded.
        while not (recovery.is_dir() and any(recovery.glob("*.json"))) and time.monotonic() < deadline:
            time.sleep(0.1)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None and child.returncode is None:
            child.kill()
        child.communicate(timeout=30)  # reaps it and closes both pipes
    assert child.returncode == -signal.SIGKILL
    expected = annotations_from_json(expected_file.read_text(encoding="utf-8"))
    text = SAMPLE.read_text(encoding="utf-8")
    saved = RecoveryStore(recovery).load(str(SAMPLE), text)
    assert saved == expected
    assert any(e.name == "نام تازه" for e in saved.entities)

    # Reopening the article in a new window offers the recovered corrections.
    from helpers import FakeBackend
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings
    from PySide6.QtCore import QSettings

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    window = MainWindow(Settings(QSettings(str(tmp_path / "k2.ini"), QSettings.Format.IniFormat)), FakeBackend(), warm_up=False)
    monkeypatch.setattr(window, "recovery_store", lambda: RecoveryStore(recovery))
    qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
    with qtbot.waitSignal(window.documentShown, timeout=20000):
        window.open_path(str(SAMPLE))
    qtbot.waitUntil(lambda: window.ann is not None, timeout=20000)
    assert asked
    assert window.ann == expected
