"""Reading-window fixtures: private settings, the bundled font, a window on a fake backend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from helpers import FakeBackend


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """QSettings and app data in a temporary folder, so tests never see the user's."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("KhanaTests")
    QCoreApplication.setApplicationName("KhanaTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from reader.ui.settings import Settings

    store = QSettings(str(tmp_path / "settings" / "khana.ini"), QSettings.Format.IniFormat)
    yield Settings(store)


@pytest.fixture
def make_window(qtbot, isolated_settings, tmp_path, monkeypatch):
    """Build a MainWindow over the fake backend; recovery lives in the test's folder."""
    from reader.ui.launch import load_fonts
    from reader.ui.main_window import MainWindow

    load_fonts()
    made = []

    def make(backend=None):
        window = MainWindow(isolated_settings, backend or FakeBackend(), language="fa", warm_up=False)
        monkeypatch.setattr(window, "recovery_store", lambda: window.backend.recovery(str(tmp_path / "recovery")))
        qtbot.addWidget(window, before_close_func=_forget_changes)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.runner.cancel_all()
        window.runner.wait()


def _forget_changes(window) -> None:
    """Let pytest-qt close a window with corrections without the Save/Discard question."""
    window.undo_stack.setClean()
    window._restored = False
