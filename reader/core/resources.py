"""Locating the app's bundled resources (fonts, models, samples) in ``resources/``."""

from __future__ import annotations

from pathlib import Path

import reader

# resources/ is a top-level folder beside the reader/ package, both in a source
# checkout and in a frozen build that keeps the same layout.
_ROOT = Path(reader.__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("models", "ner.crfsuite")``."""
    return _ROOT.joinpath(*parts)
