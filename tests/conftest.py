"""Test-wide set-up: Qt runs without a screen (CI has none), and nothing writes the user's cache."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KHANA_CACHE_DIR", tempfile.mkdtemp(prefix="khana-test-cache-"))
