"""Test-wide set-up: Qt runs without a screen, everywhere (CI has none)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
